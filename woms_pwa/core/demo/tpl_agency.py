"""Plans of provincial agencies (sở, ban), modelled on Phụ lục 1 of the proposal.

Each agency has its own mission tasks plus shared tasks for Party building,
budget, internal processes and learning (NQ 57 digital transformation).
"""

from __future__ import annotations

from .ag_btg import btg_tasks
from .ag_shared import HAS_TTHC, budget_tasks, party_task, process_tasks
from .ag_skhcn import skhcn_tasks
from .ag_snv import snv_tasks
from .ag_stc import stc_tasks
from .common import vn_num
from .history import with_seasonal_history
from .model import KR, Plan, Task
from .tpl_province import PARENT
from .units import Unit

_MISSIONS = {
    "HY.STC": stc_tasks,
    "HY.SNV": snv_tasks,
    "HY.SKHCN": skhcn_tasks,
    "HY.BTG": btg_tasks,
}


def _learning(u: Unit) -> list[Task]:
    n_pc = {"HY.STC": 30, "HY.SNV": 35, "HY.SKHCN": 25, "HY.BTG": 40}[u.code]
    hh1 = [
        KR(
            "Cử 40 lượt công chức đi đào tạo, bồi dưỡng chuyên môn, nghiệp vụ",
            "lượt",
            40,
            metric="DT.CANBO.BOIDUONG",
            shape="conf",
            freq="quarterly",
            note="boiduong",
            role="office",
        ),
        KR(
            "2 công chức hoàn thành chương trình cao cấp lý luận chính trị",
            "người",
            2,
            metric="DT.LLCT.CAOCAP",
            shape="step",
            freq="quarterly",
            note="llct",
            role="office",
        ),
    ]
    if u.code == "HY.BTG":
        hh1.append(
            KR(
                "Tổ chức 2 lớp tập huấn nghiệp vụ cho báo cáo viên cơ sở",
                "lớp",
                2,
                metric="DT.TAPHUAN.LOP",
                shape="step",
                freq="quarterly",
                note="generic",
                role="vice",
            )
        )
    tasks = [
        Task(
            "HH1",
            "learning",
            "Đào tạo, bồi dưỡng",
            "Đào tạo, bồi dưỡng nâng cao năng lực đội ngũ công chức",
            hh1,
        ),
        Task(
            "HH2",
            "learning",
            "Chuyển đổi số/Chính quyền số",
            "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số theo NQ 57-NQ/TW",
            [
                KR(
                    "95% văn bản, hồ sơ công việc được xử lý trên môi trường số",
                    "%",
                    95,
                    baseline=85,
                    metric="CDS.VANBAN.SO",
                    parent=PARENT["CDS.VANBAN.SO"],
                    shape="rate_up",
                    note="vbso",
                    role="office",
                ),
                KR(
                    "100% công chức được bồi dưỡng kỹ năng số, khai thác dữ liệu và AI",
                    "%",
                    100,
                    baseline=45,
                    metric="CDS.CANBO.KYNANGSO",
                    shape="rate_up",
                    freq="quarterly",
                    note="kynangso",
                    role="office",
                ),
                KR(
                    f"Trang bị {n_pc} bộ máy tính và thiết bị ký số cho công chức",
                    "bộ",
                    n_pc,
                    metric="CDS.THIETBI.TRANGBI",
                    shape="step",
                    freq="quarterly",
                    note="thietbi",
                    role="office",
                    evidence=True,
                ),
            ],
            reference="NQ 57-NQ/TW",
        ),
    ]
    if "NV4" in u.breakthroughs:
        tasks.append(
            Task(
                "NV4",
                "learning",
                "Chuyển đổi số/Dữ liệu cán bộ",
                "Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức thống nhất toàn tỉnh",
                [
                    KR(
                        "100% hồ sơ cán bộ, công chức, viên chức được số hóa và cập nhật lên "
                        "cơ sở dữ liệu quốc gia",
                        "%",
                        100,
                        kind="okr",
                        baseline=62,
                        metric="CDS.HOSO.CBCCVC",
                        shape="rate_up",
                        note="generic",
                        role="vice",
                    ),
                    KR(
                        "Đưa phần mềm quản lý hồ sơ điện tử cán bộ vào vận hành",
                        "mốc",
                        1,
                        direction="milestone",
                        kind="okr",
                        metric="CDS.PHANMEM.HOSO",
                        shape="milestone",
                        freq="once",
                        done=9,
                        note="generic",
                        role="vice",
                    ),
                ],
                reference="NQ 57-NQ/TW",
                breakthrough=True,
            )
        )
    if "HH3" in u.breakthroughs:
        tasks.append(
            Task(
                "HH3",
                "learning",
                "Chuyển đổi số/Trí tuệ nhân tạo",
                "Ứng dụng trí tuệ nhân tạo trong quản lý, điều hành",
                [
                    KR(
                        "Triển khai trợ lý ảo AI hỗ trợ tra cứu thủ tục hành chính cho người dân",
                        "mốc",
                        1,
                        direction="milestone",
                        kind="okr",
                        metric="CDS.AI.TROLY",
                        shape="milestone",
                        freq="none",
                        note="generic",
                        role="vice2",
                    ),
                    KR(
                        "60% công chức sử dụng trợ lý AI trong công việc hằng ngày",
                        "%",
                        60,
                        kind="okr",
                        baseline=10,
                        metric="CDS.AI.SUDUNG",
                        shape="rate_up",
                        freq="quarterly",
                        note="generic",
                        role="vice2",
                    ),
                ],
                reference="NQ 57-NQ/TW",
                breakthrough=True,
            )
        )
    return tasks


def agency_plan(u: Unit) -> Plan:
    """Annual 2025 plan of a provincial agency."""
    tasks = [
        party_task(u),
        *_MISSIONS[u.code](u),
        *budget_tasks(u),
        *process_tasks(u),
        *_learning(u),
    ]
    if u.code == "HY.STC":
        # The finance department weights its tasks explicitly; the others use equal weights.
        weights = {"TC1": 2, "TC2": 1.5, "NS1": 1.5, "CC1": 1.5}
        for task in tasks:
            task.weight = weights.get(task.code, 1)
    return Plan(u.code, "2025", u.slug, u.code, tasks).finalise()


# 2024 titles of tasks whose 2025 title names what only 2025 had.
_TASKS_2024 = {
    "CC2": "Hoàn thiện quy chế, quy trình nội bộ giải quyết công việc",
    "TC2": "Quản lý, sắp xếp lại, xử lý tài sản công là nhà, đất",
    "NV1": "Quản lý tổ chức bộ máy, vị trí việc làm và biên chế",
    "KH3": "Hỗ trợ khởi nghiệp đổi mới sáng tạo",
}


def agency_plan_2024(u: Unit) -> Plan:
    """Previous-year subset (party members, disbursement, on-time files, digital documents).

    Plus a 2024 counterpart of every seasonal key result of the 2025 plan
    (``history.with_seasonal_history``).
    """
    tasks = [
        Task(
            "XD1",
            "service",
            "Xây dựng Đảng/Đảng bộ cơ quan",
            "Phát triển đảng viên",
            [
                KR(
                    f"Kết nạp {max(u.dv - 1, 2)} đảng viên mới",
                    "người",
                    max(u.dv - 1, 2),
                    metric="XDD.DANGVIEN.MOI",
                    shape="party",
                    note="dv",
                    role="office",
                )
            ],
        ),
    ]
    if u.dtc:
        total = round(u.dtc * 0.8, 1)
        tasks.append(
            Task(
                "NS1",
                "budget",
                "Ngân sách/Đầu tư công",
                "Quản lý hiệu quả vốn đầu tư công",
                [
                    KR(
                        f"Giải ngân 100% kế hoạch vốn đầu tư công năm 2024 ({vn_num(total)} tỷ đồng)",
                        "%",
                        100,
                        metric="NS.DTC.GIAINGAN",
                        shape="disb",
                        note="giaingan",
                        role="office",
                        meta={"total": total},
                    )
                ],
            )
        )
    if u.code in HAS_TTHC:
        tasks.append(
            Task(
                "CC1",
                "process",
                "Cải cách hành chính/Thủ tục hành chính",
                "Nâng cao chất lượng giải quyết thủ tục hành chính",
                [
                    KR(
                        "98% hồ sơ thủ tục hành chính được giải quyết đúng hạn",
                        "%",
                        98,
                        baseline=97,
                        metric="CCHC.HS.DUNGHAN",
                        shape="rate",
                        note="dunghan",
                        role="office",
                    )
                ],
            )
        )
    tasks.append(
        Task(
            "HH2",
            "learning",
            "Chuyển đổi số/Chính quyền số",
            "Đẩy mạnh chuyển đổi số",
            [
                KR(
                    "85% văn bản được xử lý trên môi trường số",
                    "%",
                    85,
                    baseline=70,
                    metric="CDS.VANBAN.SO",
                    shape="rate_up",
                    note="vbso",
                    role="office",
                )
            ],
        )
    )
    tasks = with_seasonal_history(tasks, agency_plan(u), _TASKS_2024)
    return Plan(u.code, "2024", u.slug, u.code, tasks, year=2024).finalise()
