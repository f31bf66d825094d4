"""Agency tasks shared by every sở/ban: Party, budget, internal processes."""

from __future__ import annotations

from .common import vn_num
from .model import KR, Task
from .tpl_province import PARENT
from .units import Unit

# Agencies that settle administrative procedures (TTHC) for citizens and firms.
HAS_TTHC = {"HY.STC", "HY.SNV", "HY.SKHCN"}


def party_task(u: Unit) -> Task:
    """Party building in the agency's Party committee."""
    krs = [
        KR(
            f"Kết nạp {u.dv} đảng viên mới trong Đảng bộ cơ quan",
            "người",
            u.dv,
            metric="XDD.DANGVIEN.MOI",
            parent=PARENT["XDD.DANGVIEN.MOI"],
            shape="party",
            freq="quarterly",
            note="dv",
            role="office",
        ),
        KR(
            "100% đảng viên tham gia học tập, quán triệt nghị quyết",
            "%",
            100,
            baseline=98,
            metric="XDD.HOCTAP.NQ",
            shape="rate",
            freq="quarterly",
            note="nq",
            role="office",
        ),
    ]
    if u.code == "HY.BTG":
        krs.append(
            KR(
                "100% chi bộ trực thuộc xếp loại hoàn thành tốt nhiệm vụ trở lên",
                "%",
                100,
                metric="XDD.CHIBO.XEPLOAI",
                shape="rate",
                freq="none",
                note="generic",
                role="office",
            )
        )
    return Task(
        "XD1",
        "service",
        "Xây dựng Đảng/Đảng bộ cơ quan",
        "Xây dựng Đảng bộ cơ quan trong sạch, vững mạnh",
        krs,
        reference="Quy định 24-QĐ/TW",
    )


def budget_tasks(u: Unit) -> list[Task]:
    """Budget tasks: public investment or public assets, spending, savings."""
    if u.dtc:
        ns1 = Task(
            "NS1",
            "budget",
            "Ngân sách/Đầu tư công",
            "Quản lý hiệu quả, đúng tiến độ vốn đầu tư công",
            [
                KR(
                    f"Giải ngân 100% kế hoạch vốn đầu tư công năm 2025 ({vn_num(u.dtc)} tỷ đồng)",
                    "%",
                    100,
                    metric="NS.DTC.GIAINGAN",
                    parent=PARENT["NS.DTC.GIAINGAN"],
                    shape="disb",
                    note="giaingan",
                    role="office",
                    evidence=True,
                    meta={"total": u.dtc},
                ),
                KR(
                    "Không để phát sinh nợ đọng xây dựng cơ bản",
                    "tỷ đồng",
                    0,
                    direction="decrease",
                    baseline=0,
                    metric="NS.XDCB.NODONG",
                    shape="zero",
                    freq="quarterly",
                    note="nodong",
                    role="office",
                ),
            ],
            reference="Luật Đầu tư công 2024",
        )
    else:
        ns1 = Task(
            "NS1",
            "budget",
            "Ngân sách/Tài sản công",
            "Quản lý, sử dụng hiệu quả tài sản công, chống lãng phí",
            [
                KR(
                    "Sử dụng 100% tài sản được giao quản lý đúng mục đích, hiệu quả",
                    "%",
                    100,
                    metric="NS.TAISAN.SUDUNG",
                    shape="rate",
                    freq="quarterly",
                    note="generic",
                    role="office",
                ),
                KR(
                    "Hoàn thành kiểm kê, đối chiếu 100% tài sản sau hợp nhất hai ban",
                    "mốc",
                    1,
                    direction="milestone",
                    metric="NS.TAISAN.KIEMKE",
                    due="2025-06-30",
                    shape="milestone",
                    freq="once",
                    done=5,
                    note="generic",
                    role="office",
                ),
            ],
        )
    return [
        ns1,
        Task(
            "NS2",
            "budget",
            "Ngân sách/Chi ngân sách",
            "Thực hiện dự toán chi ngân sách; tiết kiệm chi thường xuyên; công khai, minh bạch",
            [
                KR(
                    "Hoàn thành 100% nhiệm vụ chi theo dự toán được giao",
                    "%",
                    100,
                    metric="NS.CHI.DUTOAN",
                    shape="even",
                    freq="quarterly",
                    note="chi",
                    role="office",
                ),
                KR(
                    "Tiết kiệm 10% chi thường xuyên tăng thêm so với dự toán năm 2024",
                    "%",
                    10,
                    baseline=0,
                    metric="NS.CHITX.TIETKIEM",
                    shape="rate_up",
                    freq="quarterly",
                    note="tietkiem",
                    role="office",
                ),
                KR(
                    "Công khai 100% dự toán, quyết toán ngân sách đúng thời hạn",
                    "%",
                    100,
                    metric="NS.CONGKHAI.DUNGHAN",
                    shape="rate",
                    freq="quarterly",
                    note="generic",
                    role="office",
                ),
            ],
            reference="NQ 119/NQ-CP",
        ),
    ]


def process_tasks(u: Unit) -> list[Task]:
    """Administrative reform (or advisory workflow) and internal rules."""
    if u.code in HAS_TTHC:
        cc1 = Task(
            "CC1",
            "process",
            "Cải cách hành chính/Thủ tục hành chính",
            "Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân, doanh nghiệp",
            [
                KR(
                    "99% hồ sơ thủ tục hành chính được giải quyết đúng hạn",
                    "%",
                    99,
                    baseline=98,
                    metric="CCHC.HS.DUNGHAN",
                    parent=PARENT["CCHC.HS.DUNGHAN"],
                    shape="rate",
                    note="dunghan",
                    role="office",
                ),
                KR(
                    "80% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình",
                    "%",
                    80,
                    baseline=60,
                    metric="CCHC.HS.TRUCTUYEN",
                    shape="rate_up",
                    note="tructuyen",
                    role="office",
                ),
                KR(
                    "Chỉ số hài lòng của người dân, doanh nghiệp đạt từ 92% trở lên",
                    "%",
                    92,
                    baseline=89,
                    metric="CCHC.HAILONG",
                    shape="rate",
                    freq="quarterly",
                    note="hailong",
                    role="office",
                ),
            ],
            reference="NQ 76/NQ-CP",
        )
    else:
        cc1 = Task(
            "CC1",
            "process",
            "Quy trình tham mưu",
            "Nâng cao chất lượng, tiến độ công tác tham mưu cho Ban Thường vụ Tỉnh ủy",
            [
                KR(
                    "100% văn bản tham mưu được trình đúng hạn",
                    "%",
                    100,
                    baseline=95,
                    metric="QT.THAMMUU.DUNGHAN",
                    shape="rate",
                    note="generic",
                    role="office",
                ),
                KR(
                    "Rút ngắn thời gian thẩm định đề án, báo cáo còn 7 ngày làm việc",
                    "ngày",
                    7,
                    direction="decrease",
                    baseline=10,
                    metric="QT.THAMDINH.THOIGIAN",
                    shape="level_down",
                    freq="quarterly",
                    note="generic",
                    role="office",
                ),
            ],
        )
    tasks = [
        cc1,
        Task(
            "CC2",
            "process",
            "Quy chế, quy trình nội bộ",
            "Hoàn thiện quy chế, quy trình nội bộ sau sắp xếp tổ chức bộ máy",
            [
                KR(
                    "Ban hành Quy chế làm việc sửa đổi của cơ quan",
                    "mốc",
                    1,
                    direction="milestone",
                    metric="QC.QUYCHE.LAMVIEC",
                    due="2025-06-30",
                    shape="milestone",
                    freq="once",
                    done=5,
                    note="quyche",
                    role="office",
                    evidence=True,
                ),
                KR(
                    "Xây dựng, áp dụng 12 quy trình nội bộ theo TCVN ISO 9001:2015",
                    "quy trình",
                    12,
                    metric="QC.QUYTRINH.NOIBO",
                    shape="conf",
                    freq="quarterly",
                    note="quytrinh",
                    role="office",
                ),
            ],
        ),
    ]
    if "CC3" in u.breakthroughs:
        tasks.append(
            Task(
                "CC3",
                "process",
                "Cải cách hành chính/Đột phá phục vụ",
                "Rút ngắn thời gian giải quyết thủ tục hành chính lĩnh vực nội vụ",
                [
                    KR(
                        "Cắt giảm 30% thời gian giải quyết thủ tục hành chính lĩnh vực nội vụ",
                        "%",
                        30,
                        kind="okr",
                        baseline=0,
                        metric="CCHC.THOIGIAN.RUTNGAN",
                        shape="rate_up",
                        freq="quarterly",
                        note="rutngan",
                        role="office",
                    )
                ],
                breakthrough=True,
            )
        )
    return tasks
