"""The ``notes`` sheet: quarterly review (giao ban) conclusions and unit comments.

The province's conclusions quote the same facts as the behind units' check-in
notes (project names, households, amounts, dates), so that the assistant can
cite either source. Figures of generated series are read from the actual
check-in values, so the notes never contradict the data.
"""

from __future__ import annotations

from .checkins import Values
from .common import vn_num
from .model import Plan
from .units import LOCALITIES

Plans = dict[tuple[str, str], Plan]

# Authors (person codes): Phó Bí thư Thường trực, Chủ tịch UBND, Phó Chủ tịch UBND tỉnh.
TT = "CB.HY.02"
CT = "CB.HY.03"
PCT = "CB.HY.04"
VP = "CB.HY.05"


def build_notes(plans: Plans, values: Values) -> list[dict[str, str]]:
    """Return 30–80 notes dated January–September 2025."""

    def kr(owner: str, metric: str) -> str:
        return plans[(owner, "2025")].find(metric).code

    def val(owner: str, metric: str, month: int) -> str:
        return vn_num(values[kr(owner, metric)][month])

    def best_disbursement(month: int) -> tuple[str, str]:
        rates = {u.name: values[kr(u.code, "NS.DTC.GIAINGAN")][month] for u in LOCALITIES}
        name = max(rates, key=lambda n: rates[n])
        return name, vn_num(rates[name])

    notes: list[tuple[str, str, str, str, str]] = []

    def add(date: str, unit: str, kr_code: str, author: str, text: str) -> None:
        notes.append((date, unit, kr_code, author, text))

    tp, at, an, btg, mh = "HY.X.TANPHONG", "HY.P.ANTAO", "HY.X.ANTHI", "HY.BTG", "HY.P.MYHAO"

    # --- Beginning of the year ---------------------------------------------------------
    add(
        "2025-01-10",
        "HY",
        kr("HY", "NS.DTC.GIAINGAN"),
        CT,
        "Hội nghị triển khai nhiệm vụ năm 2025: UBND tỉnh giao chỉ tiêu giải ngân 100% kế hoạch vốn "
        "đầu tư công; yêu cầu các chủ đầu tư giải ngân tối thiểu 30% trước 30/6 và 60% trước "
        "30/9/2025; người đứng đầu chịu trách nhiệm cá nhân nếu giải ngân chậm.",
    )
    add(
        "2025-01-10",
        at,
        kr(at, "NS.THU.DUTOAN"),
        "CB.STC.01",
        "Sở Tài chính lưu ý phường An Tảo: dự toán thu năm 2025 (115 tỷ đồng) phụ thuộc lớn vào đấu "
        "giá 48 lô đất khu X1 (dự kiến 62 tỷ đồng); đề nghị hoàn thiện hồ sơ giá khởi điểm trong quý I "
        "để đấu giá trong quý II.",
    )
    add(
        "2025-01-15",
        an,
        kr(an, "XDD.DANGVIEN.MOI"),
        TT,
        "Ban Thường vụ Tỉnh ủy giao Đảng bộ xã Ân Thi kết nạp 35 đảng viên mới năm 2025; lưu ý nguồn "
        "quần chúng ưu tú của xã giảm mạnh do thanh niên đi làm ăn xa.",
    )
    add(
        "2025-02-20",
        tp,
        kr(tp, "DD.GPMB.DIENTICH"),
        "CB.TANPHONG.01",
        "Ban Thường vụ Đảng ủy xã họp chuyên đề về GPMB dự án cải tạo, nâng cấp đường trục xã (đoạn "
        "nối ĐT.376 đi thôn An Lạc); phân công đồng chí Chủ tịch UBND xã trực tiếp đối thoại với 17 hộ "
        "thôn An Lạc chưa đồng ý đơn giá bồi thường.",
    )
    add(
        "2025-03-12",
        btg,
        kr(btg, "CDS.THIETBI.TRANGBI"),
        "CB.BTG.01",
        "Ban trình Thường trực Tỉnh ủy đề nghị bố trí 3,6 tỷ đồng mua 40 bộ máy tính, thiết bị ký số "
        "cho công chức sau hợp nhất Ban Tuyên giáo và Ban Dân vận (từ 01/3/2025).",
    )
    add(
        "2025-03-20",
        an,
        kr(an, "XDD.DANGVIEN.MOI"),
        "CB.ANTHI.01",
        "Đảng ủy xã rà soát nguồn phát triển đảng viên: trong 42 quần chúng ưu tú thuộc diện nguồn có "
        "23 người đang làm việc xa địa phương (17 người ở các khu công nghiệp ngoài tỉnh, 6 người lao "
        "động ở Nhật Bản, Hàn Quốc).",
    )

    # --- Giao ban quý I (10/4/2025) -------------------------------------------------------
    q1 = "2025-04-10"
    name, rate = best_disbursement(3)
    add(
        q1,
        "HY",
        kr("HY", "NS.DTC.GIAINGAN"),
        TT,
        f"Giao ban quý I/2025: toàn tỉnh giải ngân vốn đầu tư công đạt {val('HY', 'NS.DTC.GIAINGAN', 3)}% "
        f"kế hoạch; thu ngân sách đạt {val('HY', 'NS.THU.DUTOAN', 3)}% dự toán. Thường trực Tỉnh ủy yêu "
        "cầu các đơn vị giải ngân chậm báo cáo nguyên nhân cụ thể, có lộ trình khắc phục theo tháng.",
    )
    add(
        q1,
        tp,
        kr(tp, "NS.DTC.GIAINGAN"),
        TT,
        f"Thường trực Tỉnh ủy kết luận: xã Tân Phong giải ngân mới đạt {val(tp, 'NS.DTC.GIAINGAN', 3)}% "
        "kế hoạch vốn, thấp nhất tỉnh, do vướng GPMB 1,2 ha của 17 hộ thôn An Lạc trên dự án đường trục "
        "xã nối ĐT.376. Yêu cầu Đảng ủy, UBND xã tổ chức đối thoại, vận động các hộ nhận tiền bồi "
        "thường, hoàn thành GPMB trước 30/6/2025.",
    )
    add(
        q1,
        tp,
        kr(tp, "DD.GPMB.DIENTICH"),
        PCT,
        "UBND tỉnh giao Sở Nông nghiệp và Môi trường trả lời kiến nghị của xã Tân Phong về hệ số điều "
        "chỉnh giá đất bồi thường cho 1,2 ha đất nông nghiệp thôn An Lạc trước ngày 30/4/2025.",
    )
    add(
        q1,
        at,
        kr(at, "NS.THU.DUTOAN"),
        TT,
        f"Thường trực Tỉnh ủy kết luận: phường An Tảo thu ngân sách quý I đạt {val(at, 'NS.THU.DUTOAN', 3)}% "
        "dự toán, chậm do chưa đấu giá khu X1; giao Sở Tài chính thẩm định, trình UBND tỉnh phê duyệt "
        "giá khởi điểm khu X1 trong tháng 4/2025 để kịp đấu giá ngày 20/5/2025.",
    )
    add(
        q1,
        an,
        kr(an, "XDD.DANGVIEN.MOI"),
        TT,
        "Thường trực Tỉnh ủy kết luận: Đảng bộ xã Ân Thi mới kết nạp 3/35 đảng viên; yêu cầu rà soát "
        "lại nguồn, tạo nguồn trong đoàn viên thanh niên đang làm việc tại địa phương, bảo đảm chất "
        "lượng, không chạy theo số lượng.",
    )
    add(
        q1,
        btg,
        kr(btg, "CDS.VANBAN.SO"),
        TT,
        "Thường trực Tỉnh ủy kết luận: sau hợp nhất, Ban Tuyên giáo và Dân vận cần sớm bảo đảm điều kiện "
        "làm việc trên môi trường số; giao Sở Tài chính cân đối, tham mưu bố trí 3,6 tỷ đồng mua sắm "
        "máy tính, thiết bị ký số cho Ban trong quý II/2025.",
    )
    add(
        q1,
        mh,
        kr(mh, "CCHC.HS.DUNGHAN"),
        TT,
        f"Phường Mỹ Hào giải quyết đúng hạn {val(mh, 'CCHC.HS.DUNGHAN', 3)}% hồ sơ; đề nghị chuẩn bị "
        "phương án nhân sự cho Trung tâm Phục vụ hành chính công trước khi tiếp nhận thủ tục cấp huyện "
        "từ 01/7/2025.",
    )
    add(
        q1,
        "HY.X.VANGIANG",
        kr("HY.X.VANGIANG", "NS.DTC.GIAINGAN"),
        TT,
        f"Thường trực Tỉnh ủy biểu dương {name} giải ngân đạt {rate}%, cao nhất khối xã, phường; đề "
        "nghị các đơn vị học tập cách làm công khai phương án bồi thường, đối thoại sớm với người dân.",
    )
    add(
        q1,
        "HY.P.PHOHIEN",
        kr("HY.P.PHOHIEN", "CCHC.HS.TRUCTUYEN"),
        PCT,
        f"Phường Phố Hiến có tỷ lệ hồ sơ trực tuyến toàn trình đạt {val('HY.P.PHOHIEN', 'CCHC.HS.TRUCTUYEN', 3)}%; "
        "UBND tỉnh đề nghị nhân rộng mô hình tổ công nghệ số cộng đồng hướng dẫn người dân tại bộ phận một cửa.",
    )

    # --- Unit follow-up, quý II -----------------------------------------------------------
    add(
        "2025-04-28",
        "HY.X.KHOAICHAU",
        kr("HY.X.KHOAICHAU", "AN.TNGT.SOVU"),
        "CB.KHOAICHAU.01",
        "Đảng ủy xã yêu cầu Công an xã và nhà thầu dự án nâng cấp đường ĐH.50 bố trí biển báo, đèn cảnh "
        "báo tại các điểm thi công sau 2 vụ va chạm giao thông trong tháng 4.",
    )
    add(
        "2025-05-15",
        tp,
        kr(tp, "DD.GPMB.DIENTICH"),
        "CB.TANPHONG.02",
        "UBND xã có văn bản gửi Sở Nông nghiệp và Môi trường đề nghị hướng dẫn áp dụng hệ số điều chỉnh "
        "giá đất bồi thường cho 1,2 ha đất nông nghiệp của 17 hộ thôn An Lạc.",
    )
    add(
        "2025-05-21",
        at,
        kr(at, "NS.THU.TIENSDD"),
        "CB.ANTAO.01",
        "Thông báo tạm hoãn phiên đấu giá 48 lô đất khu X1 dự kiến ngày 20/5/2025 do chưa có quyết định "
        "phê duyệt giá khởi điểm theo bảng giá đất sửa đổi.",
    )
    add(
        "2025-06-12",
        at,
        kr(at, "NS.THU.TIENSDD"),
        "CB.STC.01",
        "Sở Tài chính báo cáo: hồ sơ giá khởi điểm khu X1 phường An Tảo phải xác định lại theo bảng giá "
        "đất điều chỉnh; dự kiến trình UBND tỉnh trong tháng 8/2025.",
    )
    add(
        "2025-06-25",
        an,
        kr(an, "XDD.DANGVIEN.MOI"),
        "CB.ANTHI.01",
        "Đảng ủy xã phối hợp Đoàn Thanh niên mở lớp bồi dưỡng nhận thức về Đảng vào ngày Chủ nhật để "
        "thanh niên làm việc ở khu công nghiệp tham gia; 9 quần chúng đăng ký.",
    )
    add(
        "2025-06-30",
        "HY.X.VANGIANG",
        kr("HY.X.VANGIANG", "DD.GPMB.DIENTICH"),
        "CB.VANGIANG.01",
        "Đảng ủy xã biểu dương Hội đồng bồi thường, hỗ trợ và tái định cư xã hoàn thành bàn giao mặt "
        "bằng 6 tháng đúng tiến độ, không phát sinh đơn thư khiếu nại.",
    )

    # --- Giao ban quý II (10/7/2025) ------------------------------------------------------
    q2 = "2025-07-10"
    name, rate = best_disbursement(6)
    add(
        q2,
        "HY",
        kr("HY", "NS.DTC.GIAINGAN"),
        TT,
        f"Giao ban quý II/2025: 6 tháng toàn tỉnh giải ngân đạt {val('HY', 'NS.DTC.GIAINGAN', 6)}% kế "
        f"hoạch vốn, thu ngân sách đạt {val('HY', 'NS.THU.DUTOAN', 6)}% dự toán. Chính quyền địa phương "
        "hai cấp vận hành từ 01/7/2025; yêu cầu không để gián đoạn tiếp nhận, giải quyết hồ sơ.",
    )
    add(
        q2,
        tp,
        kr(tp, "NS.DTC.GIAINGAN"),
        TT,
        f"Thường trực Tỉnh ủy kết luận: xã Tân Phong không hoàn thành GPMB trước 30/6 như kết luận quý I; "
        f"còn 11 hộ thôn An Lạc chưa nhận tiền bồi thường, giải ngân mới đạt {val(tp, 'NS.DTC.GIAINGAN', 6)}%. "
        "Yêu cầu hoàn thành GPMB dự án đường trục xã nối ĐT.376 trước 30/9/2025; trường hợp cần thiết "
        "thực hiện kiểm đếm bắt buộc, cưỡng chế thu hồi đất theo quy định; đồng ý chủ trương điều chuyển "
        "15 tỷ đồng vốn sang dự án có khả năng giải ngân. Bí thư Đảng ủy xã chịu trách nhiệm trước Ban "
        "Thường vụ Tỉnh ủy về kết quả.",
    )
    add(
        q2,
        at,
        kr(at, "NS.THU.DUTOAN"),
        TT,
        f"Thường trực Tỉnh ủy phê bình việc chậm phê duyệt giá khởi điểm khu X1 khiến phiên đấu giá ngày "
        f"20/5/2025 phải hoãn; phường An Tảo thu ngân sách 6 tháng mới đạt {val(at, 'NS.THU.DUTOAN', 6)}% "
        "dự toán. Yêu cầu Sở Tài chính, Sở Nông nghiệp và Môi trường hoàn thành thẩm định trong tháng "
        "8/2025; phường tổ chức đấu giá chậm nhất trong tháng 11/2025.",
    )
    add(
        q2,
        an,
        kr(an, "XDD.DANGVIEN.MOI"),
        TT,
        "Thường trực Tỉnh ủy kết luận: xã Ân Thi mới kết nạp 6/35 đảng viên do nguồn quần chúng ưu tú đi "
        "làm việc ở khu công nghiệp ngoài tỉnh và lao động ở nước ngoài; giao Ban Tổ chức Tỉnh ủy hướng "
        "dẫn phối hợp với chi bộ, tổ chức đoàn nơi thanh niên làm việc để bồi dưỡng, thẩm tra lý lịch.",
    )
    add(
        q2,
        btg,
        kr(btg, "CDS.VANBAN.SO"),
        TT,
        f"Thường trực Tỉnh ủy kết luận: tỷ lệ văn bản xử lý trên môi trường số của Ban Tuyên giáo và Dân "
        f"vận mới đạt {val(btg, 'CDS.VANBAN.SO', 6)}%, thấp nhất khối Đảng, do gói mua sắm thiết bị 3,6 tỷ "
        "đồng chưa được bố trí vốn; giao Sở Tài chính báo cáo phương án bố trí vốn trước 31/7/2025.",
    )
    add(
        q2,
        mh,
        kr(mh, "CCHC.HS.DUNGHAN"),
        TT,
        "Thường trực Tỉnh ủy lưu ý phường Mỹ Hào: 10 ngày đầu vận hành chính quyền hai cấp số hồ sơ tăng "
        "mạnh, đã có hồ sơ đất đai trễ hạn; giao Sở Nội vụ rà soát, bổ sung biên chế cho Trung tâm Phục "
        "vụ hành chính công phường.",
    )
    add(
        q2,
        "HY.X.PHUCU",
        kr("HY.X.PHUCU", "CCHC.HS.DUNGHAN"),
        VP,
        "Văn phòng Tỉnh ủy đề nghị xã Phù Cừ rà soát lại số liệu: nhiều chỉ tiêu báo cáo đạt đúng bằng kế "
        "hoạch ở tất cả các tháng, ghi chú giống nhau, chưa kèm minh chứng.",
    )
    add(
        q2,
        "HY.X.NHUQUYNH",
        kr("HY.X.NHUQUYNH", "NS.DTC.GIAINGAN"),
        TT,
        f"Thường trực Tỉnh ủy biểu dương {name} dẫn đầu khối xã, phường về giải ngân 6 tháng ({rate}%) "
        "và xã Như Quỳnh hoàn thành vượt tiến độ thu ngân sách.",
    )
    add(
        q2,
        "HY.SKHCN",
        kr("HY.SKHCN", "CDS.IOC.VANHANH"),
        PCT,
        "UBND tỉnh yêu cầu Sở Khoa học và Công nghệ đưa Trung tâm IOC tỉnh vào vận hành trong tháng 8/2025, "
        "kết nối dữ liệu phản ánh hiện trường của 104 xã, phường.",
    )
    add(
        "2025-07-15",
        "HY",
        kr("HY", "NS.DTC.GIAINGAN"),
        CT,
        "UBND tỉnh thành lập 5 tổ công tác đặc biệt đôn đốc giải ngân vốn đầu tư công 6 tháng cuối năm; "
        "tổ số 2 do Phó Chủ tịch UBND tỉnh làm tổ trưởng trực tiếp làm việc với xã Tân Phong.",
    )

    # --- Follow-up, quý III ---------------------------------------------------------------
    add(
        "2025-07-18",
        tp,
        kr(tp, "DD.GPMB.DIENTICH"),
        "CB.TANPHONG.02",
        "Đối thoại lần 3 với các hộ thôn An Lạc: 6 hộ đồng ý nhận tiền bồi thường; 5 hộ còn lại vẫn đề "
        "nghị bồi thường theo giá thị trường, không đồng ý đơn giá theo bảng giá đất.",
    )
    add(
        "2025-07-31",
        mh,
        kr(mh, "CCHC.HS.DUNGHAN"),
        "CB.MYHAO.01",
        "Tháng 7 có 412 hồ sơ trễ hạn do Trung tâm Phục vụ hành chính công phường thiếu 4 công chức "
        "(2 công chức địa chính nghỉ theo Nghị định 178/2024/NĐ-CP, 2 công chức được điều động sang "
        "phường khác) trong khi lượng hồ sơ tăng gấp 2,5 lần sau sắp xếp. Đảng ủy phường kiến nghị Sở "
        "Nội vụ bổ sung 4 công chức; tạm thời điều động 2 công chức Văn phòng hỗ trợ bộ phận một cửa.",
    )
    add(
        "2025-08-05",
        tp,
        kr(tp, "NS.DTC.GIAINGAN"),
        "CB.TANPHONG.01",
        "Đảng ủy xã ban hành nghị quyết chuyên đề về hoàn thành GPMB dự án đường trục xã; giao UBND xã "
        "kiểm đếm bắt buộc 5 hộ thôn An Lạc, chuẩn bị phương án cưỡng chế trong tháng 10/2025 nếu các hộ "
        "không chấp hành.",
    )
    add(
        "2025-08-20",
        mh,
        kr(mh, "CCHC.HS.DUNGHAN"),
        "CB.SNV.01",
        "Sở Nội vụ đang thẩm định đề án vị trí việc làm phường Mỹ Hào; dự kiến bổ sung 4 công chức qua kỳ "
        "thi tuyển công chức tháng 11/2025, trước mắt cho phép hợp đồng 2 nhân viên hỗ trợ.",
    )
    add(
        "2025-08-29",
        at,
        kr(at, "NS.THU.TIENSDD"),
        "CB.ANTAO.01",
        "UBND tỉnh đã phê duyệt giá khởi điểm khu X1 (quyết định ngày 28/8/2025); phường ấn định phiên "
        "đấu giá 48 lô đất vào ngày 15/11/2025.",
    )
    add(
        "2025-08-29",
        "HY.SKHCN",
        kr("HY.SKHCN", "CDS.IOC.VANHANH"),
        "CB.SKHCN.01",
        "Trung tâm IOC tỉnh vận hành thử nghiệm từ 15/8/2025 và chính thức khai trương ngày 28/8/2025.",
    )
    add(
        "2025-09-05",
        btg,
        kr(btg, "CDS.THIETBI.TRANGBI"),
        "CB.STC.01",
        "Sở Tài chính đề xuất bố trí 3,6 tỷ đồng mua sắm thiết bị công nghệ thông tin cho Ban Tuyên giáo "
        "và Dân vận Tỉnh ủy trong đợt điều chỉnh dự toán cuối năm 2025.",
    )
    add(
        "2025-09-15",
        "HY.P.MYHAO.TTHCC",
        kr(mh, "CCHC.HS.DUNGHAN"),
        "CB.MYHAO.TTHCC.01",
        "Từ 15/9/2025 Trung tâm tiếp nhận 2 nhân viên hợp đồng hỗ trợ số hóa hồ sơ; số hồ sơ trễ hạn "
        "tuần thứ ba tháng 9 giảm khoảng 30% so với tuần đầu tháng.",
    )
    add(
        "2025-09-22",
        "HY.P.PHOHIEN",
        kr("HY.P.PHOHIEN", "CDS.VANBAN.SO"),
        "CB.PHOHIEN.01",
        "Phường Phố Hiến được chọn làm điểm mô hình “Một cửa số”: 100% hồ sơ được số hóa ngay khi tiếp "
        "nhận, kết quả trả qua VNeID.",
    )
    add(
        "2025-09-25",
        tp,
        kr(tp, "NS.DTC.GIAINGAN"),
        "CB.TANPHONG.05",
        "Rà soát giải ngân: dự án đường trục xã còn 38,3 tỷ đồng chưa giải ngân; đề nghị UBND xã trình "
        "HĐND xã điều chỉnh giảm 15 tỷ đồng kế hoạch vốn của dự án sang dự án trường mầm non thôn Đông Tảo.",
    )
    add(
        "2025-09-30",
        "HY",
        "",
        VP,
        "Văn phòng Tỉnh ủy tổng hợp chuẩn bị giao ban quý III: các chỉ tiêu có nguy cơ không đạt gồm giải "
        "ngân của xã Tân Phong (vướng GPMB thôn An Lạc), thu ngân sách của phường An Tảo (lùi đấu giá khu "
        "X1), kết nạp đảng viên của xã Ân Thi (nguồn đi làm ăn xa), chuyển đổi số của Ban Tuyên giáo và "
        "Dân vận (chờ bố trí vốn mua sắm thiết bị), hồ sơ đúng hạn của phường Mỹ Hào (thiếu công chức "
        "sau sắp xếp).",
    )
    return [
        {"date": d, "unit_code": u, "kr_code": k, "author": a, "text": t}
        for d, u, k, a, t in sorted(notes, key=lambda n: n[0])
    ]
