"""Check-in phrases for budget, public investment, economy and administrative procedures."""

from __future__ import annotations

from .common import vn_num
from .phrase_base import Ctx, register
from .stories import CONTESTED_LAND


def _total(c: Ctx) -> float:
    return float(c.kr.meta.get("total", 0.0))  # type: ignore[arg-type]


@register("giaingan")
def _giaingan(c: Ctx) -> str:
    total = _total(c)
    amount = total * c.value / 100
    project = c.unit.project if c.unit and c.unit.project else "các dự án chuyển tiếp"
    action = c.pick(
        f"tập trung thanh toán khối lượng hoàn thành {project}",
        "đôn đốc nhà thầu đẩy nhanh tiến độ, hoàn thiện hồ sơ thanh toán gửi Kho bạc Nhà nước khu vực",
        "nghiệm thu giai đoạn và thanh toán tạm ứng cho các gói thầu xây lắp",
        "rà soát, điều chuyển vốn từ dự án chậm tiến độ sang dự án có khả năng giải ngân",
        f"thanh toán chi phí tư vấn, giám sát và khối lượng xây lắp {project}",
    )
    return (
        f"Lũy kế đến hết {c.mm} giải ngân {vn_num(amount)} tỷ đồng/{vn_num(total)} tỷ đồng, "
        f"đạt {c.v()}% kế hoạch vốn; {action}."
    )


@register("giaingan_tinh")
def _giaingan_tinh(c: Ctx) -> str:
    return (
        f"Toàn tỉnh giải ngân đạt {c.v()}% kế hoạch vốn Thủ tướng Chính phủ giao đến hết "
        f"{c.mm}; "
        + c.pick(
            "dự án đường Vành đai 4 – Vùng Thủ đô đoạn qua tỉnh đạt tiến độ đề ra",
            "các dự án trọng điểm được ưu tiên bố trí vốn, tập trung tháo gỡ vướng mắc GPMB",
            "Tổ công tác của UBND tỉnh kiểm tra, đôn đốc các xã, phường giải ngân chậm",
        )
        + "."
    )


@register("thu")
def _thu(c: Ctx) -> str:
    total = _total(c)
    return (
        f"Thu ngân sách lũy kế {vn_num(total * c.value / 100)} tỷ đồng, đạt {c.v()}% dự toán "
        f"{vn_num(total)} tỷ đồng; "
        + c.pick(
            "thu thuế ngoài quốc doanh và lệ phí trước bạ tăng khá so với cùng kỳ",
            "thu tiền sử dụng đất từ các khu đấu giá đã tổ chức đạt kế hoạch",
            "đã đôn đốc thu nợ thuế của các hộ kinh doanh và doanh nghiệp trên địa bàn",
            "các khoản thu phí, lệ phí đạt khá nhờ lượng hồ sơ đất đai tăng",
        )
        + "."
    )


@register("thu_tinh")
def _thu_tinh(c: Ctx) -> str:
    return (
        f"Thu ngân sách nhà nước trên địa bàn tỉnh lũy kế đạt {c.v()}% dự toán; "
        + c.pick(
            "thu nội địa tăng so với cùng kỳ",
            "thu từ khu vực doanh nghiệp FDI tăng khá",
            "thu tiền sử dụng đất đạt khá từ các dự án khu đô thị",
        )
        + "."
    )


@register("tiensdd")
def _tiensdd(c: Ctx) -> str:
    return (
        f"Thu tiền sử dụng đất lũy kế {c.v()} tỷ đồng/{c.t} tỷ đồng; "
        + c.pick(
            f"đã tổ chức đấu giá các lô đất xen kẹp tại {c.place()}",
            "người trúng đấu giá nộp tiền đúng thời hạn theo thông báo của cơ quan thuế",
            "đang hoàn thiện hồ sơ giao đất cho các hộ trúng đấu giá",
        )
        + "."
    )


@register("chi")
def _chi(c: Ctx) -> str:
    return (
        f"Đã thực hiện {c.v()}% nhiệm vụ chi theo dự toán; chi lương, phụ cấp và chi an sinh "
        "xã hội bảo đảm kịp thời, đúng chế độ."
    )


@register("tietkiem")
def _tietkiem(c: Ctx) -> str:
    return (
        f"Tiết kiệm được {c.v()}% chi thường xuyên tăng thêm, chủ yếu cắt giảm hội nghị, "
        "công tác phí và mua sắm chưa cần thiết theo NQ 119/NQ-CP."
    )


@register("nodong")
def _nodong(c: Ctx) -> str:
    return "Không phát sinh nợ đọng xây dựng cơ bản; các công trình đều được bố trí đủ vốn trước khi khởi công."


@register("congtrinh")
def _congtrinh(c: Ctx) -> str:
    if c.gain > 0:
        return (
            f"Nghiệm thu, đưa thêm {c.v(c.gain)} công trình vào sử dụng tại {c.place()}; "
            f"lũy kế {c.v()}/{c.t} công trình."
        )
    return f"Lũy kế {c.v()}/{c.t} công trình hoàn thành; các công trình còn lại đang thi công phần hoàn thiện."


@register("gpmb")
def _gpmb(c: Ctx) -> str:
    contested = CONTESTED_LAND.get(c.unit.code, "") if c.unit else ""
    return (
        f"Lũy kế bàn giao {c.v()} ha/{c.t} ha mặt bằng cho chủ đầu tư; "
        + c.pick(
            f"hoàn thành chi trả tiền bồi thường cho các hộ tại {c.place(contested)}",
            "Hội đồng bồi thường, hỗ trợ và tái định cư đang kiểm đếm, lập phương án bồi thường",
            f"tổ chức đối thoại với các hộ dân {c.place(contested)} về phương án bồi thường, hỗ trợ",
        )
        + "."
    )


@register("km")
def _km(c: Ctx) -> str:
    return f"Hoàn thành {c.v()} km/{c.t} km đường giao thông; nhà thầu đang thi công lớp móng các tuyến còn lại."


@register("dunghan")
def _dunghan(c: Ctx) -> str:
    pop = c.unit.pop if c.unit and c.unit.pop else 60.0
    # From July 2025 communes and wards also take over district-level procedures.
    merged = c.year == 2025 and c.month >= 7 and c.unit is not None and c.unit.pop > 0
    files = round(pop * c.rng.uniform(11, 14) * (2.2 if merged else 1))
    late = round(files * max(0.0, 100 - c.value) / 100)
    tail = (
        f"còn {late} hồ sơ trễ hạn, chủ yếu lĩnh vực đất đai do phải xác minh nguồn gốc sử dụng đất"
        if late
        else "không có hồ sơ quá hạn"
    )
    return f"Tháng {c.month} tiếp nhận {vn_num(files, 0)} hồ sơ thủ tục hành chính; lũy kế giải quyết đúng hạn {c.v()}%, {tail}."


@register("dunghan_tinh")
def _dunghan_tinh(c: Ctx) -> str:
    return f"Toàn tỉnh giải quyết đúng hạn {c.v()}% hồ sơ thủ tục hành chính; hồ sơ trễ hạn tập trung ở lĩnh vực đất đai."


@register("tructuyen")
def _tructuyen(c: Ctx) -> str:
    return (
        f"Tỷ lệ hồ sơ tiếp nhận, xử lý trực tuyến toàn trình đạt {c.v()}%; "
        + c.pick(
            "tổ công nghệ số cộng đồng hướng dẫn người dân nộp hồ sơ trên Cổng Dịch vụ công quốc gia",
            "bố trí đoàn viên thanh niên hỗ trợ người dân tại bộ phận một cửa",
            "tăng cường thanh toán phí, lệ phí trực tuyến",
        )
        + "."
    )


@register("hailong")
def _hailong(c: Ctx) -> str:
    return f"Khảo sát quý {(c.month - 1) // 3 + 1}: chỉ số hài lòng của người dân, doanh nghiệp đạt {c.v()}%."


@register("gtsx")
def _gtsx(c: Ctx) -> str:
    return (
        f"Ước tốc độ tăng giá trị sản xuất {c.month} tháng năm {c.year} đạt {c.v()}%; "
        "công nghiệp – xây dựng tăng khá, nông nghiệp ổn định."
    )


@register("grdp")
def _grdp(c: Ctx) -> str:
    return (
        f"Ước tăng trưởng GRDP lũy kế đến hết quý {(c.month - 1) // 3 + 1}/{c.year} đạt {c.v()}%."
    )


@register("dn")
def _dn(c: Ctx) -> str:
    return (
        f"Lũy kế {c.v()}/{c.t} doanh nghiệp thành lập mới; "
        + c.pick(
            "chủ yếu hoạt động thương mại, dịch vụ và xây dựng",
            "có 2 hộ kinh doanh chuyển đổi lên doanh nghiệp theo NQ 68-NQ/TW",
            "tổ chức gặp mặt, hỗ trợ thủ tục đăng ký cho doanh nghiệp mới",
        )
        + "."
    )


@register("dn_tinh")
def _dn_tinh(c: Ctx) -> str:
    return f"Toàn tỉnh có {c.v()} doanh nghiệp thành lập mới lũy kế; số vốn đăng ký tăng so với cùng kỳ."


@register("taphuan")
def _taphuan(c: Ctx) -> str:
    return f"Lũy kế tổ chức {c.v()}/{c.t} lớp tập huấn về kỹ năng số, thương mại điện tử cho hộ kinh doanh, doanh nghiệp."


@register("ntm")
def _ntm(c: Ctx) -> str:
    return f"Đạt {c.v()}/19 tiêu chí xã nông thôn mới nâng cao; đang hoàn thiện tiêu chí môi trường và thu nhập."


@register("thonkm")
def _thonkm(c: Ctx) -> str:
    return f"Có {c.v()}/{c.t} thôn được thẩm định đạt chuẩn nông thôn mới kiểu mẫu; {c.place()} đang hoàn thiện hồ sơ."


@register("phovm")
def _phovm(c: Ctx) -> str:
    return f"{c.v()}% tổ dân phố đạt chuẩn văn minh đô thị; ra quân giải tỏa lấn chiếm vỉa hè tại {c.place()}."


@register("ctr")
def _ctr(c: Ctx) -> str:
    return f"Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý đạt {c.v()}%; duy trì thu gom hằng ngày ở các tuyến phố chính."
