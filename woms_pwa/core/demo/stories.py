"""Hand-written progress of the units that are clearly behind, and planted anomalies.

These readings replace the generated ones. Each behind unit has ONE concrete,
stated reason, repeated consistently month after month, so that an assistant
can answer e.g. "Vì sao xã Tân Phong giải ngân chậm?" from the notes:

- Xã Tân Phong — public-investment disbursement (NS.DTC.GIAINGAN) and land
  clearance (DD.GPMB.DIENTICH): 5–17 households of thôn An Lạc reject the
  compensation price on the road project (đường trục xã nối ĐT.376 đi thôn An Lạc).
- Phường An Tảo — budget revenue (NS.THU.DUTOAN, NS.THU.TIENSDD): the auction
  of 48 lots in khu X1 (≈ 62 tỷ đồng) was postponed from 20/5 to 15/11/2025.
- Xã Ân Thi — new party members (XDD.DANGVIEN.MOI): young people in the
  candidate pool migrated for work (industrial parks, labour export).
- Ban Tuyên giáo và Dân vận Tỉnh ủy — digital transformation (CDS.VANBAN.SO,
  CDS.THIETBI.TRANGBI): IT procurement (3,6 tỷ đồng) waits for capital allocation.
- Phường Mỹ Hào — on-time administrative files (CCHC.HS.DUNGHAN): staff
  shortage at the service centre after the 01/7/2025 merger.

Anomalies: Xã Phù Cừ reports exactly the plan every month (``Unit.exact``);
Phường Hồng Châu's cumulative count of new party members drops in July.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .common import vn_num
from .model import Plan


@dataclass
class Override:
    """Readings that replace the generated ones for one key result."""

    values: dict[int, float]
    notes: dict[int, str]
    evidence: dict[int, str] = field(default_factory=dict)


# Xã Tân Phong: cumulative disbursement, tỷ đồng of 68 (road project 41,5 tỷ).
_TP_AMOUNT = (1.0, 2.2, 3.9, 5.5, 7.1, 9.0, 10.6, 12.6, 14.5)
_TP_NOTES = (
    "Chủ yếu thanh toán khối lượng hoàn thành năm 2024 của công trình "
    "nhà văn hóa thôn Phú Mỹ. Dự án cải tạo, nâng cấp đường trục xã (đoạn nối ĐT.376 đi thôn An Lạc), "
    "kế hoạch vốn 41,5 tỷ đồng, đang chờ hoàn thành kiểm đếm, lập phương án bồi thường GPMB.",
    "Hội đồng bồi thường, hỗ trợ và tái định cư xã đã niêm yết phương án bồi thường dự án đường trục xã; "
    "17 hộ thôn An Lạc (1,2 ha đất nông nghiệp) chưa đồng ý đơn giá bồi thường, đề nghị bồi thường "
    "theo giá chuyển nhượng thực tế.",
    "Tạm ứng 1,5 tỷ đồng cho nhà thầu (Công ty CP Xây dựng và Thương mại Phú Thịnh) thi công đoạn đã có "
    "mặt bằng (1,4/3,2 km). 17 hộ thôn An Lạc vẫn chưa nhận tiền bồi thường; đã tổ chức 2 buổi đối "
    "thoại nhưng chưa thống nhất được đơn giá.",
    "Dự án đường trục xã không giải ngân thêm được do vướng GPMB 1,2 ha tại thôn An Lạc; 2 hộ gửi đơn "
    "khiếu nại đơn giá bồi thường lên UBND tỉnh. Các dự án khác giải ngân đúng tiến độ.",
    "Xã đã xin ý kiến Sở Nông nghiệp và Môi trường về hệ số điều chỉnh giá đất áp dụng cho 17 hộ thôn "
    "An Lạc, đang chờ văn bản trả lời; dự án đường trục xã vẫn chưa có mặt bằng sạch để thi công.",
    "Chưa hoàn thành GPMB trước 30/6 theo kết luận giao ban quý I: còn 11/17 hộ thôn An Lạc (0,8 ha) "
    "chưa nhận tiền bồi thường. Xã đề nghị tỉnh cho điều chuyển 15 tỷ đồng của dự án đường trục xã "
    "sang dự án có khả năng giải ngân.",
    "Sau buổi đối thoại ngày 18/7/2025 có thêm 6 hộ nhận tiền bồi thường; còn 5 hộ thôn An Lạc "
    "(0,35 ha) không đồng ý đơn giá. UBND xã đã ban hành quyết định kiểm đếm bắt buộc đối với 5 hộ.",
    "Nhà thầu thi công thêm 0,6 km trên phần mặt bằng mới bàn giao; 5 hộ thôn An Lạc vẫn chưa bàn "
    "giao mặt bằng nên đoạn tuyến 0,9 km còn lại của dự án đường trục xã chưa thể thi công.",
    "Giải ngân thấp nhất tỉnh. Nguyên nhân chính: dự án đường trục xã nối ĐT.376 đi thôn An Lạc (kế "
    "hoạch vốn 41,5 tỷ đồng) mới giải ngân 3,2 tỷ đồng vì chưa hoàn thành GPMB 0,35 ha của 5 hộ không "
    "đồng ý đơn giá bồi thường. Dự kiến cưỡng chế thu hồi đất trong tháng 10/2025; đã đăng ký điều "
    "chuyển 15 tỷ đồng vốn sang dự án khác.",
)
_TP_GPMB = (0.8, 1.5, 2.3, 2.3, 2.4, 2.5, 3.15, 3.3, 3.5)
_TP_GPMB_NOTES = (
    "Bàn giao 0,8 ha mặt bằng dự án đường trục xã (đoạn đầu tuyến, không vướng mắc).",
    "Bàn giao thêm 0,7 ha; 17 hộ thôn An Lạc (1,2 ha) chưa đồng ý đơn giá bồi thường.",
    "Hoàn thành bàn giao 2,3 ha dự án đường trục xã; còn 1,2 ha của 17 hộ thôn An Lạc chưa bàn giao. "
    "Dự án khu dân cư mới thôn Đông Tảo (5,0 ha) đang lập hồ sơ thu hồi đất.",
    "Không tăng: 17 hộ thôn An Lạc tiếp tục không nhận tiền bồi thường, 2 hộ có đơn khiếu nại.",
    "Bàn giao 0,1 ha của 2 hộ đã nhận tiền; còn 15 hộ thôn An Lạc chưa đồng ý đơn giá.",
    "Còn 11/17 hộ thôn An Lạc (0,8 ha) chưa bàn giao mặt bằng; không hoàn thành mốc 30/6.",
    "Thêm 6 hộ nhận tiền bồi thường sau đối thoại ngày 18/7, bàn giao 0,45 ha; còn 5 hộ (0,35 ha).",
    "Bàn giao 0,15 ha mặt bằng khu dân cư thôn Đông Tảo; 5 hộ thôn An Lạc vẫn chưa bàn giao.",
    "Lũy kế 3,5/8,5 ha. Dự án đường trục xã còn 0,35 ha của 5 hộ thôn An Lạc không đồng ý đơn giá "
    "bồi thường; dự án khu dân cư thôn Đông Tảo chậm do chờ giao đất tái định cư.",
)

# Phường An Tảo: revenue without the postponed auction of khu X1.
_AT_OTHER = (0.11, 0.19, 0.28, 0.36, 0.45, 0.55, 0.63, 0.71, 0.80)
_AT_LAND = (0.0, 0.0, 0.8, 0.8, 0.8, 1.6, 1.6, 2.5, 2.5)
_AT_AUCTION = (
    "Nguồn thu lớn nhất năm là tiền sử dụng đất từ đấu giá 48 lô đất khu X1 (2,1 ha, dự kiến 62 tỷ "
    "đồng, chiếm 53,9% dự toán); đang hoàn thiện hồ sơ xác định giá khởi điểm.",
    "Phường đã trình Sở Tài chính thẩm định giá khởi điểm khu X1; dự kiến tổ chức đấu giá ngày 20/5/2025.",
    "Thu tiền sử dụng đất 0,8 tỷ đồng từ giao đất xen kẹp; hồ sơ giá khởi điểm khu X1 đang được thẩm định.",
    "Hồ sơ giá khởi điểm khu X1 phải điều chỉnh theo bảng giá đất sửa đổi của tỉnh (áp dụng Luật Đất đai "
    "2024), chưa được UBND tỉnh phê duyệt.",
    "Phiên đấu giá 48 lô đất khu X1 dự kiến ngày 20/5/2025 phải tạm hoãn do chưa có quyết định phê "
    "duyệt giá khởi điểm; thu ngân sách đạt thấp so với tiến độ.",
    "Sau 6 tháng thu đạt thấp hơn nhiều so với cùng kỳ năm 2024 vì chưa đấu giá được khu X1 (62 tỷ đồng). Đã đề "
    "nghị UBND tỉnh phê duyệt giá khởi điểm trong tháng 7.",
    "Giá khởi điểm khu X1 vẫn chờ UBND tỉnh phê duyệt; phường đã 2 lần có văn bản đôn đốc.",
    "Ngày 28/8/2025 UBND tỉnh phê duyệt giá khởi điểm khu X1; phường đang lựa chọn tổ chức đấu giá tài sản.",
    "Thấp nhất trong các phường. Nguyên nhân chủ yếu: phiên đấu giá 48 lô đất khu X1 (dự kiến thu 62 tỷ "
    "đồng) bị lùi từ ngày 20/5/2025 sang ngày 15/11/2025 do chậm phê duyệt giá khởi điểm theo bảng giá "
    "đất mới. Nếu đấu giá thành công, thu cả năm ước đạt 98–102% dự toán.",
)

# Xã Ân Thi: cumulative new party members (target 35).
_AN_DV = {3: 3, 6: 6, 9: 9, 1: 0, 2: 3, 4: 4, 5: 6, 7: 7, 8: 8}
_AN_REASON = (
    "Trong 42 quần chúng ưu tú thuộc diện nguồn có 17 người đi làm việc tại các khu công nghiệp tỉnh "
    "Bắc Ninh, thành phố Hải Phòng và 6 người đi lao động tại Nhật Bản, Hàn Quốc, không tham gia được "
    "lớp bồi dưỡng nhận thức về Đảng và chưa hoàn thiện thẩm tra lý lịch."
)

# Ban Tuyên giáo và Dân vận: % documents handled digitally (target 95).
_BTG_VB = (84.5, 85.0, 79.6, 80.1, 80.6, 80.9, 81.3, 81.5, 81.8)
_BTG_REASON = (
    "18 công chức chuyển về từ Ban Dân vận sau hợp nhất (01/3/2025) chưa được cấp chứng thư số và máy "
    "tính cấu hình đáp ứng phần mềm quản lý văn bản mới; gói thầu mua sắm 40 bộ máy tính và thiết bị "
    "ký số (3,6 tỷ đồng) chưa triển khai được do chưa được bố trí vốn."
)
_BTG_TB_NOTES = {
    3: "Chưa trang bị được bộ nào. Ngày 12/3/2025 Ban đã trình Thường trực Tỉnh ủy đề nghị bố trí "
    "3,6 tỷ đồng từ nguồn tiết kiệm chi thường xuyên để mua 40 bộ máy tính và thiết bị ký số.",
    6: "Chưa trang bị được bộ nào: Sở Tài chính đang thẩm định đề xuất bố trí vốn 3,6 tỷ đồng, chưa có "
    "quyết định giao dự toán nên chưa thể tổ chức lựa chọn nhà thầu.",
    9: "Chưa trang bị được bộ nào. Ngày 05/9/2025 Sở Tài chính đề xuất bố trí 3,6 tỷ đồng trong đợt "
    "điều chỉnh dự toán cuối năm; dự kiến lựa chọn nhà thầu trong tháng 11/2025.",
}

# Phường Mỹ Hào: files received / late per month; the YTD on-time rate is derived.
_MH_FILES = (1120, 1080, 1190, 1150, 1170, 1140, 2870, 2950, 3010)
_MH_LATE = (17, 15, 19, 20, 18, 21, 412, 455, 390)
_MH_REASON = (
    "Từ 01/7/2025 phường tiếp nhận thêm thủ tục cấp huyện trước đây nên lượng hồ sơ tăng gấp 2,5 lần, "
    "trong khi Trung tâm Phục vụ hành chính công phường thiếu 4 công chức (2 công chức địa chính nghỉ "
    "theo Nghị định 178/2024/NĐ-CP, 2 công chức được điều động sang phường khác); hồ sơ trễ hạn chủ "
    "yếu thuộc lĩnh vực đất đai."
)


def _tanphong(plan: Plan) -> dict[str, Override]:
    disb = plan.find("NS.DTC.GIAINGAN")
    values = {m: round(a / 68.0 * 100, 1) for m, a in enumerate(_TP_AMOUNT, start=1)}
    notes = {
        m: f"Lũy kế {vn_num(_TP_AMOUNT[m - 1])} tỷ đồng/68 tỷ đồng, đạt {vn_num(values[m])}% kế "
        f"hoạch vốn. {_TP_NOTES[m - 1]}"
        for m in values
    }
    evidence = {m: f"bao-cao-giai-ngan-thang-{m:02d}-2025.pdf" for m in (3, 6, 9)}
    gpmb = plan.find("DD.GPMB.DIENTICH")
    return {
        disb.code: Override(values, notes, evidence),
        gpmb.code: Override(
            dict(enumerate(_TP_GPMB, start=1)),
            dict(enumerate(_TP_GPMB_NOTES, start=1)),
            {6: "bien-ban-doi-thoai-ho-dan-thon-an-lac.pdf", 7: "bien-ban-doi-thoai-18-7-2025.pdf"},
        ),
    }


def _antao(plan: Plan) -> dict[str, Override]:
    total = 115.0
    amounts = [53.0 * s + land for s, land in zip(_AT_OTHER, _AT_LAND, strict=True)]
    thu_values = {m: round(a / total * 100, 1) for m, a in enumerate(amounts, start=1)}
    thu_notes = {
        m: f"Thu ngân sách lũy kế {vn_num(amounts[m - 1])} tỷ đồng, đạt {vn_num(thu_values[m])}% "
        f"dự toán 115 tỷ đồng. {_AT_AUCTION[m - 1]}"
        for m in thu_values
    }
    fee = plan.find("NS.THU.TIENSDD")
    fee_notes = {
        m: f"Thu tiền sử dụng đất lũy kế {vn_num(_AT_LAND[m - 1])}/62 tỷ đồng, chỉ từ giao đất xen kẹp; "
        "chưa tổ chức được đấu giá 48 lô đất khu X1 do chưa có giá khởi điểm được phê duyệt."
        for m in range(1, 10)
    }
    fee_notes[5] = (
        "Phiên đấu giá 48 lô đất khu X1 ngày 20/5/2025 bị hoãn do UBND tỉnh chưa phê duyệt "
        "giá khởi điểm theo bảng giá đất sửa đổi; lũy kế chỉ thu 0,8/62 tỷ đồng."
    )
    fee_notes[9] = (
        "Lũy kế 2,5/62 tỷ đồng. Phiên đấu giá khu X1 đã được ấn định lại vào ngày "
        "15/11/2025 sau khi có quyết định phê duyệt giá khởi điểm ngày 28/8/2025."
    )
    return {
        plan.find("NS.THU.DUTOAN").code: Override(thu_values, thu_notes),
        fee.code: Override(
            {m: _AT_LAND[m - 1] for m in range(1, 10)},
            fee_notes,
            {
                5: "thong-bao-tam-hoan-dau-gia-khu-x1.pdf",
                8: "quyet-dinh-phe-duyet-gia-khoi-diem-x1.pdf",
            },
        ),
    }


def _anthi(plan: Plan) -> dict[str, Override]:
    notes = {}
    for m, v in _AN_DV.items():
        gain = v - _AN_DV.get(m - 1, 0)
        head = (
            f"Kết nạp thêm {gain} đảng viên, lũy kế {v}/35. "
            if gain
            else f"Lũy kế {v}/35, không kết nạp thêm. "
        )
        notes[m] = head + _AN_REASON
    notes[6] += (
        " Đảng ủy chỉ đạo các chi bộ thôn chuyển hướng tạo nguồn trong đoàn viên đang làm việc "
        "tại địa phương, dân quân và giáo viên."
    )
    notes[9] += " Dự kiến cả năm chỉ đạt khoảng 16–18 đảng viên mới."
    return {plan.find("XDD.DANGVIEN.MOI").code: Override(dict(sorted(_AN_DV.items())), notes)}


def _btg(plan: Plan) -> dict[str, Override]:
    values = dict(enumerate(_BTG_VB, start=1))
    notes = {
        m: f"Tỷ lệ văn bản xử lý trên môi trường số đạt {vn_num(v)}% (chỉ tiêu 95%). {_BTG_REASON}"
        for m, v in values.items()
    }
    # Before the merger of 01/3/2025 the rate was on track.
    notes[1] = "Tỷ lệ văn bản xử lý trên môi trường số đạt 84,5%; 100% văn bản đi được ký số."
    notes[2] = (
        "Tỷ lệ văn bản xử lý trên môi trường số đạt 85,0%; chuẩn bị hợp nhất Ban Tuyên giáo và "
        "Ban Dân vận từ 01/3/2025."
    )
    notes[3] = (
        "Tỷ lệ giảm còn 79,6% do sau hợp nhất (01/3/2025) 18 công chức chuyển về từ Ban Dân vận "
        "chưa được cấp chứng thư số và máy tính đáp ứng phần mềm quản lý văn bản mới; gói thầu "
        "mua sắm 40 bộ máy tính và thiết bị ký số (3,6 tỷ đồng) chưa triển khai được do chưa "
        "được bố trí vốn."
    )
    return {
        plan.find("CDS.VANBAN.SO").code: Override(values, notes),
        plan.find("CDS.THIETBI.TRANGBI").code: Override(
            {3: 0.0, 6: 0.0, 9: 0.0}, _BTG_TB_NOTES, {3: "to-trinh-bo-tri-von-mua-sam-thiet-bi.pdf"}
        ),
    }


def _myhao(plan: Plan) -> dict[str, Override]:
    values, notes = {}, {}
    total = on_time = 0
    for m, (files, late) in enumerate(zip(_MH_FILES, _MH_LATE, strict=True), start=1):
        total += files
        on_time += files - late
        values[m] = round(on_time / total * 100, 1)
        text = (
            f"Tháng {m} tiếp nhận {vn_num(files, 0)} hồ sơ, trễ hạn {late} hồ sơ; lũy kế đúng hạn "
            f"{vn_num(values[m])}%."
        )
        if m >= 7:
            text += " " + _MH_REASON
        if m == 9:
            text += " Đã hợp đồng thêm 2 nhân viên hỗ trợ số hóa từ 15/9/2025, số hồ sơ trễ hạn bắt đầu giảm."
        notes[m] = text
    return {plan.find("CCHC.HS.DUNGHAN").code: Override(values, notes)}


def _hongchau(plan: Plan) -> dict[str, Override]:
    # Anomaly: the cumulative count goes DOWN in July, with an unremarkable note.
    values = {1: 1, 2: 6, 3: 7, 4: 9, 5: 13, 6: 15, 7: 13, 8: 17, 9: 22}
    notes = {
        m: f"Lũy kế {v}/34 đảng viên mới; các chi bộ tổ dân phố tiếp tục bồi dưỡng quần chúng ưu tú."
        for m, v in values.items()
    }
    return {
        plan.find("XDD.DANGVIEN.MOI").code: Override(
            {m: float(v) for m, v in values.items()}, notes
        )
    }


_STORIES = {
    "HY.X.TANPHONG": _tanphong,
    "HY.P.ANTAO": _antao,
    "HY.X.ANTHI": _anthi,
    "HY.BTG": _btg,
    "HY.P.MYHAO": _myhao,
    "HY.P.HONGCHAU": _hongchau,
}

CONTESTED_LAND = {"HY.X.TANPHONG": "thôn An Lạc"}
"""Where a behind unit's land clearance is stuck in 2025: no generated note (the 2024
history included) may say the compensation there was paid."""

BEHIND_UNITS = ("HY.X.TANPHONG", "HY.P.ANTAO", "HY.X.ANTHI", "HY.BTG", "HY.P.MYHAO")


def overrides(plans: dict[tuple[str, str], Plan]) -> dict[str, Override]:
    """Return the hand-written readings keyed by KR code (2025 unit plans only)."""
    out: dict[str, Override] = {}
    for owner, story in _STORIES.items():
        out.update(story(plans[(owner, "2025")]))
    return out
