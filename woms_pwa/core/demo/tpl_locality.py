"""Plans of communes and wards, modelled on Phụ lục 2 of the proposal.

Fourteen core tasks cover the four perspectives; a unit adds optional tasks
(``Unit.extras``) and marks some as breakthrough (``Unit.breakthroughs``).
Targets scale with the unit's profile so bigger wards get bigger numbers.
"""

from __future__ import annotations

from .common import vn_num
from .history import with_seasonal_history
from .loc_admin import learning_tasks, process_tasks
from .loc_party import economy_tasks, party_tasks
from .loc_society import budget_tasks, society_tasks
from .model import KR, Plan, Task
from .units import Unit


def locality_plan(u: Unit) -> Plan:
    """Annual 2025 plan of a commune or ward."""
    tasks = (
        party_tasks(u)
        + economy_tasks(u)
        + society_tasks(u)
        + budget_tasks(u)
        + process_tasks(u)
        + learning_tasks(u)
    )
    if u.kind == "commune":
        # Communes leave task weights empty (equal weights); wards weight them.
        for task in tasks:
            task.weight = None
    return Plan(u.code, "2025", u.slug, u.code, tasks).finalise()


# 2024 titles of tasks whose 2025 title names what only 2025 had.
_TASKS_2024 = {
    "XD1": "Tuyên truyền, quán triệt các chỉ thị, nghị quyết của cấp trên",
    "KT1": "Đẩy nhanh tăng trưởng kinh tế, hỗ trợ phát triển doanh nghiệp, hộ kinh doanh",
    "CC2": "Hoàn thiện quy chế, quy trình nội bộ giải quyết công việc",
}


def locality_plan_2024(u: Unit) -> Plan:
    """Previous-year plan (subset with metric codes) so forecasts can learn seasonality.

    The hand-written key results below, plus a 2024 counterpart of every
    seasonal key result of the 2025 plan (``history.with_seasonal_history``).
    """
    dtc, thu, dv = round(u.dtc * 0.85, 1), round(u.thu * 0.9, 1), max(u.dv - 3, 10)
    tasks = [
        Task(
            "XD2",
            "service",
            "Xây dựng Đảng/Công tác tổ chức",
            "Làm tốt công tác phát triển đảng viên",
            [
                KR(
                    f"Kết nạp {dv} đảng viên mới",
                    "người",
                    dv,
                    metric="XDD.DANGVIEN.MOI",
                    shape="party",
                    note="dv",
                    role="party,office",
                )
            ],
        ),
        Task(
            "NS1",
            "budget",
            "Ngân sách/Đầu tư công",
            "Quản lý hiệu quả vốn đầu tư công",
            [
                KR(
                    f"Giải ngân 100% kế hoạch vốn đầu tư công năm 2024 ({vn_num(dtc)} tỷ đồng)",
                    "%",
                    100,
                    metric="NS.DTC.GIAINGAN",
                    shape="disb",
                    note="giaingan",
                    role="finance",
                    meta={"total": dtc},
                )
            ],
            reference="Luật Đầu tư công 2019",
        ),
        Task(
            "NS2",
            "budget",
            "Ngân sách/Thu, chi ngân sách",
            "Thực hiện tốt dự toán thu ngân sách",
            [
                KR(
                    f"Thu ngân sách trên địa bàn đạt 100% dự toán ({vn_num(thu)} tỷ đồng)",
                    "%",
                    100,
                    metric="NS.THU.DUTOAN",
                    shape="revenue",
                    note="thu",
                    role="finance",
                    meta={"total": thu},
                )
            ],
        ),
        Task(
            "CC1",
            "process",
            "Cải cách hành chính/Thủ tục hành chính",
            "Nâng cao chất lượng giải quyết thủ tục hành chính",
            [
                KR(
                    "97% hồ sơ thủ tục hành chính được giải quyết đúng hạn",
                    "%",
                    97,
                    baseline=95.5,
                    metric="CCHC.HS.DUNGHAN",
                    shape="rate",
                    note="dunghan",
                    role="office",
                )
            ],
        ),
        Task(
            "HH2",
            "learning",
            "Chuyển đổi số/Chính quyền số",
            "Đẩy mạnh chuyển đổi số",
            [
                KR(
                    "75% văn bản được xử lý trên môi trường số",
                    "%",
                    75,
                    baseline=58,
                    metric="CDS.VANBAN.SO",
                    shape="rate_up",
                    note="vbso",
                    role="office",
                )
            ],
        ),
    ]
    tasks = with_seasonal_history(tasks, locality_plan(u), _TASKS_2024)
    return Plan(u.code, "2024", u.slug, u.code, tasks, year=2024).finalise()
