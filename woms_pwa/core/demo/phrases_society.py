"""Check-in phrases for Party building, society, defence, learning and agency missions."""

from __future__ import annotations

from .common import vn_num
from .phrase_base import Ctx, register

# What the conferences of each year were about (2024 is the history year).
_CONF_TOPICS = {
    2024: (
        "quán triệt Nghị quyết Hội nghị Trung ương 8, 9 khóa XIII",
        "tuyên truyền kỷ niệm 94 năm Ngày thành lập Đảng và 70 năm Chiến thắng Điện Biên Phủ",
        "quán triệt Chỉ thị 35-CT/TW về đại hội đảng bộ các cấp tiến tới Đại hội XIV của Đảng",
        "học tập chuyên đề năm 2024 về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    ),
    2025: (
        "quán triệt Nghị quyết 57-NQ/TW, 66-NQ/TW, 68-NQ/TW của Bộ Chính trị",
        "tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng và 80 năm Cách mạng Tháng Tám",
        "quán triệt văn kiện Đại hội Đảng bộ các cấp nhiệm kỳ 2025–2030",
        "tuyên truyền về sắp xếp đơn vị hành chính và mô hình chính quyền địa phương hai cấp",
    ),
}


@register("conf")
def _conf(c: Ctx) -> str:
    return (
        f"Lũy kế tổ chức {c.v()}/{c.t} hội nghị; "
        + c.pick(*_CONF_TOPICS[c.year])
        + f", thu hút khoảng {vn_num(c.rng.randint(120, 400), 0)} lượt người dự mỗi hội nghị."
    )


@register("nq")
def _nq(c: Ctx) -> str:
    return f"{c.v()}% cán bộ, đảng viên tham gia học tập, quán triệt nghị quyết; các đồng chí vắng đều học bù theo quy định."


@register("dv")
def _dv(c: Ctx) -> str:
    if c.gain > 0:
        return (
            f"Kết nạp thêm {c.v(c.gain)} đảng viên mới, lũy kế {c.v()}/{c.t} đồng chí; "
            + c.pick(
                "chủ yếu là đoàn viên thanh niên ưu tú và dân quân",
                "trong đó có đảng viên là chủ doanh nghiệp tư nhân",
                "các quần chúng đều đã học lớp bồi dưỡng nhận thức về Đảng",
            )
            + "."
        )
    return f"Lũy kế {c.v()}/{c.t} đảng viên mới; các chi bộ đang hoàn thiện hồ sơ, thẩm tra lý lịch quần chúng ưu tú."


@register("dv_tinh")
def _dv_tinh(c: Ctx) -> str:
    return f"Toàn Đảng bộ tỉnh kết nạp lũy kế {c.v()}/{c.t} đảng viên mới."


@register("dvct")
def _dvct(c: Ctx) -> str:
    return f"{c.v()}% đảng viên dự bị đủ điều kiện đã được xét chuyển đảng chính thức đúng hạn."


@register("chibo")
def _chibo(c: Ctx) -> str:
    if c.value >= c.kr.target:
        return "Đã thành lập chi bộ trong doanh nghiệp tư nhân trên địa bàn với 4 đảng viên."
    return "Đang khảo sát, vận động thành lập chi bộ tại doanh nghiệp có trên 3 đảng viên."


@register("kiemtra")
def _kiemtra(c: Ctx) -> str:
    return f"Lũy kế thực hiện {c.v()}/{c.t} cuộc kiểm tra, giám sát; chưa phát hiện vi phạm phải xử lý kỷ luật."


@register("donthu")
def _donthu(c: Ctx) -> str:
    return f"Giải quyết đúng hạn {c.v()}% đơn thư thuộc thẩm quyền; duy trì tiếp công dân định kỳ vào thứ Năm hằng tuần."


@register("hongheo")
def _hongheo(c: Ctx) -> str:
    return f"Ước tỷ lệ hộ nghèo còn {c.v()}%; hỗ trợ sinh kế, xây mới nhà đại đoàn kết cho hộ nghèo tại {c.place()}."


@register("bhyt")
def _bhyt(c: Ctx) -> str:
    return f"Tỷ lệ dân số tham gia bảo hiểm y tế đạt {c.v()}%; vận động hộ gia đình tham gia BHYT theo hộ."


@register("tuyenquan")
def _tuyenquan(c: Ctx) -> str:
    n = c.kr.meta.get("n", 0)
    return f"Ngày 13/02/2025 tổ chức lễ giao nhận quân, giao đủ {n}/{n} công dân, đạt 100% chỉ tiêu; không có trường hợp trả về."


@register("tuyenquan_tinh")
def _tuyenquan_tinh(c: Ctx) -> str:
    return "Toàn tỉnh hoàn thành giao quân đợt 1 năm 2025, đạt 100% chỉ tiêu; chất lượng tân binh bảo đảm."


@register("tngt")
def _tngt(c: Ctx) -> str:
    return f"Lũy kế xảy ra {c.v()} vụ tai nạn giao thông (chỉ tiêu không quá {c.t} vụ); tăng cường tuần tra tại các điểm đen."


@register("cainghien")
def _cainghien(c: Ctx) -> str:
    return f"{c.v()}% người nghiện có hồ sơ quản lý được tổ chức cai nghiện; phối hợp Công an xã quản lý sau cai."


@register("doithoai")
def _doithoai(c: Ctx) -> str:
    return f"Lũy kế {c.v()}/{c.t} hội nghị đối thoại; các ý kiến của nhân dân về môi trường, đất đai được giải đáp trực tiếp."


@register("dvkheo")
def _dvkheo(c: Ctx) -> str:
    return f"Có {c.v()}/{c.t} mô hình “Dân vận khéo” được công nhận, như mô hình “Tuyến đường hoa” tại {c.place()}."


@register("quyche")
def _quyche(c: Ctx) -> str:
    if c.value >= 1:
        return "Đã ban hành Quy chế làm việc sửa đổi, phù hợp mô hình tổ chức mới sau sắp xếp."
    return "Đang dự thảo Quy chế làm việc sửa đổi, lấy ý kiến các cơ quan, đoàn thể."


@register("haicap")
def _haicap(c: Ctx) -> str:
    if c.value >= 1:
        return "Từ ngày 01/7/2025 chính quyền địa phương hai cấp vận hành thông suốt; 104 xã, phường tiếp nhận hồ sơ ngay trong ngày đầu."
    return "Đang hoàn thiện đề án sắp xếp đơn vị hành chính cấp xã và phương án bố trí cán bộ."


@register("quytrinh")
def _quytrinh(c: Ctx) -> str:
    return f"Lũy kế ban hành {c.v()}/{c.t} quy trình nội bộ; rút gọn khâu luân chuyển hồ sơ giữa bộ phận một cửa và chuyên môn."


@register("rutngan")
def _rutngan(c: Ctx) -> str:
    return f"Thời gian giải quyết hồ sơ đã rút ngắn được {c.v()}% nhờ ủy quyền ký và số hóa kết quả giải quyết."


@register("buuchinh")
def _buuchinh(c: Ctx) -> str:
    return f"{c.v()}% kết quả thủ tục hành chính được trả qua bưu chính công ích theo yêu cầu."


@register("boiduong")
def _boiduong(c: Ctx) -> str:
    return (
        f"Lũy kế cử {c.v()}/{c.t} lượt cán bộ đi bồi dưỡng, "
        + c.pick(
            "chủ yếu nghiệp vụ quản lý đất đai, tài chính ngân sách",
            "trong đó có lớp bồi dưỡng kỹ năng số do Sở Khoa học và Công nghệ tổ chức",
            "gồm các lớp bồi dưỡng chức danh lãnh đạo, quản lý cấp phòng",
        )
        + "."
    )


@register("llct")
def _llct(c: Ctx) -> str:
    return f"Có {c.v()}/{c.t} cán bộ đã hoàn thành chương trình lý luận chính trị; các đồng chí còn lại đang theo học."


@register("vbso")
def _vbso(c: Ctx) -> str:
    return (
        f"Tỷ lệ văn bản, hồ sơ công việc xử lý trên môi trường số đạt {c.v()}%; "
        + c.pick(
            "100% văn bản đi được ký số",
            "duy trì họp trực tuyến qua hệ thống hội nghị truyền hình",
            "số hóa hồ sơ lưu trữ từ năm 2020",
        )
        + "."
    )


@register("vbso_tinh")
def _vbso_tinh(c: Ctx) -> str:
    return f"Toàn tỉnh xử lý {c.v()}% văn bản trên môi trường số; hệ thống quản lý văn bản kết nối thông suốt đến cấp xã."


@register("kynangso")
def _kynangso(c: Ctx) -> str:
    return f"{c.v()}% cán bộ, công chức đã hoàn thành khóa bồi dưỡng kỹ năng số trên nền tảng học trực tuyến mở (MOOCs)."


@register("kynangso_tinh")
def _kynangso_tinh(c: Ctx) -> str:
    return f"{c.v()}% cán bộ, công chức cấp xã đã được bồi dưỡng kỹ năng số; tổ chức các lớp tập huấn tại Trường Chính trị tỉnh."


@register("vneid")
def _vneid(c: Ctx) -> str:
    return f"{c.v()}% người dân từ 14 tuổi có tài khoản định danh điện tử mức 2; Công an xã tổ chức cấp lưu động tại {c.place()}."


@register("ttkdtm")
def _ttkdtm(c: Ctx) -> str:
    return f"{c.v()}% hộ kinh doanh sử dụng thanh toán không dùng tiền mặt; triển khai mô hình “Chợ 4.0” tại {c.place()}."


@register("ocop")
def _ocop(c: Ctx) -> str:
    return f"{c.v()}% sản phẩm OCOP đã được gắn mã QR truy xuất nguồn gốc và đưa lên sàn thương mại điện tử."


@register("thietbi")
def _thietbi(c: Ctx) -> str:
    return f"Lũy kế trang bị {c.v()}/{c.t} bộ máy tính, thiết bị ký số cho công chức theo kế hoạch mua sắm năm."


@register("quyettoan")
def _quyettoan(c: Ctx) -> str:
    return f"Lũy kế thẩm tra, phê duyệt quyết toán {c.v()}/{c.t} dự án hoàn thành; không có dự án tồn đọng quá hạn."


@register("nhadat")
def _nhadat(c: Ctx) -> str:
    return f"Đã phê duyệt phương án xử lý {c.v()}% cơ sở nhà, đất dôi dư; ưu tiên chuyển giao cho giáo dục, y tế."


@register("truso")
def _truso(c: Ctx) -> str:
    return f"Lũy kế chuyển đổi công năng {c.v()}/{c.t} trụ sở dôi dư."


@register("dean")
def _dean(c: Ctx) -> str:
    return f"Lũy kế thẩm định {c.v()}/{c.t} đề án vị trí việc làm của các xã, phường."


@register("nd178")
def _nd178(c: Ctx) -> str:
    return f"Giải quyết đúng hạn {c.v()}% hồ sơ hưởng chính sách theo Nghị định 178/2024/NĐ-CP."


@register("vieclam")
def _vieclam(c: Ctx) -> str:
    return f"Lũy kế giải quyết việc làm mới cho {c.v()} lao động; tổ chức phiên giao dịch việc làm tại các khu công nghiệp."


@register("nhiemvu")
def _nhiemvu(c: Ctx) -> str:
    return f"Lũy kế nghiệm thu {c.v()}/{c.t} nhiệm vụ khoa học và công nghệ cấp tỉnh."


@register("ioc")
def _ioc(c: Ctx) -> str:
    if c.value >= 1:
        return "Trung tâm IOC tỉnh chính thức vận hành, kết nối dữ liệu camera giao thông, phản ánh hiện trường và dịch vụ công."
    return "Đang lắp đặt thiết bị, tích hợp dữ liệu cho Trung tâm IOC tỉnh."


@register("phanbac")
def _phanbac(c: Ctx) -> str:
    return f"Lũy kế đăng tải {c.v()}/{c.t} tin, bài đấu tranh phản bác quan điểm sai trái trên báo chí và mạng xã hội."


@register("khaosat")
def _khaosat(c: Ctx) -> str:
    return (
        f"Lũy kế {c.v()}/{c.t} cuộc khảo sát dư luận xã hội, tập trung vào sắp xếp tổ chức bộ máy."
    )
