"""The province's own annual plan (owner ``HY``): the targets communes cascade to."""

from __future__ import annotations

from .history import with_seasonal_history
from .model import KR, Plan, Task
from .units import ROOT

# Province KRs that commune/ward/agency KRs point to via parent_kr_code.
# Keep in sync with province_plan() below (a test checks every parent exists).
PARENT = {
    "XDD.DANGVIEN.MOI": "HY-2025-XD1.1",
    "NS.DTC.GIAINGAN": "HY-2025-NS1.1",
    "NS.THU.DUTOAN": "HY-2025-NS2.1",
    "CCHC.HS.DUNGHAN": "HY-2025-CC1.1",
    "CDS.VANBAN.SO": "HY-2025-CD1.1",
}


def province_plan() -> Plan:
    """Annual 2025 plan of Tỉnh Hưng Yên (10 key results in the four perspectives)."""
    tasks = [
        Task(
            "XD1",
            "service",
            "Xây dựng Đảng/Công tác tổ chức",
            "Nâng cao năng lực lãnh đạo, sức chiến đấu của Đảng bộ tỉnh; phát triển đảng viên",
            [
                KR(
                    "Kết nạp 2.600 đảng viên mới trong toàn Đảng bộ tỉnh",
                    "người",
                    2600,
                    metric="XDD.DANGVIEN.MOI",
                    shape="party",
                    freq="monthly",
                    note="dv_tinh",
                    role="party,office",
                )
            ],
            reference="Quy định 24-QĐ/TW",
        ),
        Task(
            "KT1",
            "service",
            "Kinh tế/Tăng trưởng",
            "Đẩy nhanh tăng trưởng kinh tế, thúc đẩy phát triển kinh tế tư nhân",
            [
                KR(
                    "Tốc độ tăng trưởng GRDP đạt 8,5%",
                    "%",
                    8.5,
                    kind="okr",
                    baseline=7.9,
                    metric="KT.GRDP.TANGTRUONG",
                    shape="grdp",
                    freq="quarterly",
                    note="grdp",
                    role="vice,office",
                ),
                KR(
                    "Thành lập mới 1.900 doanh nghiệp trên địa bàn tỉnh",
                    "doanh nghiệp",
                    1900,
                    metric="KT.DN.MOI",
                    shape="even",
                    freq="quarterly",
                    note="dn_tinh",
                    role="vice,office",
                ),
            ],
            reference="NQ 68-NQ/TW",
        ),
        Task(
            "QP1",
            "service",
            "Quốc phòng - An ninh/Quân sự địa phương",
            "Hoàn thành nhiệm vụ tuyển chọn, gọi công dân nhập ngũ năm 2025",
            [
                KR(
                    "Giao quân đạt 100% chỉ tiêu Bộ Chỉ huy Quân khu 3 giao",
                    "%",
                    100,
                    metric="QP.TUYENQUAN.CHITIEU",
                    due="2025-03-15",
                    shape="tuyenquan",
                    freq="once",
                    done=2,
                    note="tuyenquan_tinh",
                    role="vice,office",
                )
            ],
        ),
        Task(
            "NS1",
            "budget",
            "Ngân sách/Đầu tư công",
            "Quản lý hiệu quả, đẩy nhanh giải ngân vốn đầu tư công năm 2025",
            [
                KR(
                    "Giải ngân 100% kế hoạch vốn đầu tư công năm 2025 Thủ tướng Chính phủ giao",
                    "%",
                    100,
                    metric="NS.DTC.GIAINGAN",
                    shape="disb",
                    note="giaingan_tinh",
                    role="vice,office",
                    evidence=True,
                )
            ],
            reference="Luật Đầu tư công 2024",
            weight=2,
        ),
        Task(
            "NS2",
            "budget",
            "Ngân sách/Thu, chi ngân sách",
            "Hoàn thành dự toán thu ngân sách nhà nước năm 2025",
            [
                KR(
                    "Thu ngân sách nhà nước trên địa bàn đạt 100% dự toán HĐND tỉnh giao",
                    "%",
                    100,
                    metric="NS.THU.DUTOAN",
                    shape="revenue",
                    note="thu_tinh",
                    role="vice,office",
                )
            ],
            weight=1.5,
        ),
        Task(
            "CC1",
            "process",
            "Cải cách hành chính/Thủ tục hành chính",
            "Đẩy mạnh cải cách hành chính, vận hành hiệu quả chính quyền địa phương hai cấp",
            [
                KR(
                    "98% hồ sơ thủ tục hành chính toàn tỉnh được giải quyết đúng hạn",
                    "%",
                    98,
                    baseline=96.5,
                    metric="CCHC.HS.DUNGHAN",
                    shape="rate",
                    note="dunghan_tinh",
                    role="office",
                ),
                KR(
                    "Vận hành chính quyền địa phương hai cấp từ ngày 01/7/2025",
                    "mốc",
                    1,
                    direction="milestone",
                    due="2025-07-01",
                    shape="milestone",
                    freq="once",
                    done=7,
                    note="haicap",
                    role="office",
                ),
            ],
            reference="NQ 76/NQ-CP",
        ),
        Task(
            "CD1",
            "learning",
            "Chuyển đổi số/Chính quyền số",
            "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số toàn tỉnh",
            [
                KR(
                    "90% văn bản, hồ sơ công việc được xử lý trên môi trường số",
                    "%",
                    90,
                    baseline=78,
                    metric="CDS.VANBAN.SO",
                    shape="rate_up",
                    note="vbso_tinh",
                    role="office",
                ),
                KR(
                    "100% cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số",
                    "%",
                    100,
                    baseline=35,
                    metric="CDS.CANBO.KYNANGSO",
                    shape="rate_up",
                    freq="quarterly",
                    note="kynangso_tinh",
                    role="office",
                ),
            ],
            reference="NQ 57-NQ/TW",
            # NQ 57-NQ/TW calls science, innovation and digital transformation
            # "the most important breakthrough", so the province flags it as such.
            breakthrough=True,
        ),
    ]
    plan = Plan(ROOT, "2025", ROOT, ROOT, tasks).finalise()
    for metric, code in PARENT.items():
        if plan.find(metric).code != code:  # keep PARENT in sync with the tasks above
            raise RuntimeError(f"PARENT[{metric!r}] should be {plan.find(metric).code}")
    return plan


def province_plan_2024() -> Plan:
    """The province's 2024 plan: its seasonal key results, so forecasts can learn their season."""
    tasks = with_seasonal_history([], province_plan())
    return Plan(ROOT, "2024", ROOT, ROOT, tasks, year=2024).finalise()
