"""Personal annual plans (owner = a person code) for every head and a few cadres.

A head's plan mirrors the unit's key results he or she answers for (via
``parent_kr_code`` and ``mirror``), plus leadership and self-development items;
cadres' plans break their unit's key results down to their own work.
"""

from __future__ import annotations

from .model import KR, Plan, Task
from .people import Directory, Person
from .personal_heads import Plans, head_tasks, mirror_kr

# Cadres with a personal plan (they are also demo accounts).
CADRES = ("CB.TANPHONG.05", "CB.ANTAO.06", "CB.STC.NS.02", "CB.MYHAO.04", "CB.SNV.05")


def _cadre_plan(p: Person, plans: Plans) -> list[Task]:
    learn = Task(
        "CN3",
        "learning",
        "Tự học, nâng cao năng lực",
        "Nâng cao kỹ năng số",
        [
            KR(
                "Hoàn thành khóa bồi dưỡng kỹ năng số và an toàn thông tin",
                "mốc",
                1,
                direction="milestone",
                shape="milestone",
                freq="once",
                done=6,
                note="generic",
                evidence=True,
            )
        ],
    )
    if p.code == "CB.TANPHONG.05":
        plan = plans[("HY.X.TANPHONG", "2025")]
        return [
            Task(
                "CN1",
                "budget",
                "Ngân sách/Đầu tư công",
                "Tham mưu quản lý tài chính, thanh toán vốn đầu tư công của xã",
                [
                    KR(
                        "100% hồ sơ thanh toán vốn đầu tư được hoàn thiện trong 3 ngày làm việc",
                        "%",
                        100,
                        shape="rate",
                        freq="quarterly",
                        note="generic",
                    ),
                    mirror_kr(
                        "Theo dõi, tổng hợp giải ngân 100% kế hoạch vốn đầu tư công của xã",
                        plan.find("NS.DTC.GIAINGAN"),
                    ),
                    KR(
                        "Lập báo cáo quyết toán ngân sách xã năm 2024 trình HĐND đúng hạn",
                        "mốc",
                        1,
                        direction="milestone",
                        due="2025-06-30",
                        shape="milestone",
                        freq="once",
                        done=5,
                        note="generic",
                        evidence=True,
                    ),
                ],
            ),
            learn,
        ]
    if p.code == "CB.ANTAO.06":
        plan = plans[("HY.P.ANTAO", "2025")]
        return [
            Task(
                "CN1",
                "budget",
                "Ngân sách/Thu ngân sách",
                "Hoàn thiện hồ sơ đất đai phục vụ thu ngân sách phường",
                [
                    KR(
                        "Hoàn thiện hồ sơ đấu giá 48 lô đất khu X1 trình phê duyệt giá khởi điểm",
                        "mốc",
                        1,
                        direction="milestone",
                        due="2025-04-30",
                        shape="milestone",
                        freq="once",
                        done=8,
                        note="generic",
                        evidence=True,
                    ),
                    mirror_kr("Thu tiền sử dụng đất đạt 62 tỷ đồng", plan.find("NS.THU.TIENSDD")),
                ],
            ),
            Task(
                "CN2",
                "service",
                "Đất đai",
                "Cấp giấy chứng nhận quyền sử dụng đất",
                [
                    KR(
                        "Cấp 120 giấy chứng nhận quyền sử dụng đất lần đầu",
                        "giấy",
                        120,
                        shape="even",
                        freq="quarterly",
                        note="generic",
                    )
                ],
            ),
            learn,
        ]
    if p.code == "CB.STC.NS.02":
        plan = plans[("HY.STC", "2025")]
        return [
            Task(
                "CN1",
                "service",
                "Quản lý ngân sách",
                "Thẩm định quyết toán, tổng hợp báo cáo ngân sách",
                [
                    KR(
                        "Thẩm định quyết toán ngân sách năm 2024 của 20 đơn vị dự toán",
                        "đơn vị",
                        20,
                        parent=plan.find("NS.QUYETTOAN.DUNGHAN").code,
                        shape="conf",
                        freq="quarterly",
                        note="generic",
                    ),
                    KR(
                        "100% báo cáo thu – chi ngân sách tháng gửi trước ngày 5 hằng tháng",
                        "%",
                        100,
                        shape="rate",
                        freq="quarterly",
                        note="generic",
                    ),
                ],
            ),
            Task(
                "CN2",
                "learning",
                "Tự học, nâng cao năng lực",
                "Nâng cao kỹ năng phân tích dữ liệu",
                [
                    KR(
                        "Hoàn thành khóa học phân tích dữ liệu trên nền tảng MOOCs",
                        "mốc",
                        1,
                        direction="milestone",
                        shape="milestone",
                        freq="once",
                        done=6,
                        note="generic",
                        evidence=True,
                    )
                ],
            ),
        ]
    if p.code == "CB.MYHAO.04":
        plan = plans[("HY.P.MYHAO", "2025")]
        return [
            Task(
                "CN1",
                "process",
                "Cải cách hành chính",
                "Tổng hợp, số hóa hồ sơ thủ tục hành chính",
                [
                    KR(
                        "100% báo cáo kinh tế – xã hội tháng gửi đúng hạn",
                        "%",
                        100,
                        shape="rate",
                        freq="quarterly",
                        note="generic",
                    ),
                    KR(
                        "Số hóa 100% hồ sơ thủ tục hành chính tiếp nhận",
                        "%",
                        100,
                        baseline=70,
                        shape="rate_up",
                        freq="quarterly",
                        note="generic",
                    ),
                    mirror_kr(
                        "Theo dõi tỷ lệ 98% hồ sơ giải quyết đúng hạn", plan.find("CCHC.HS.DUNGHAN")
                    ),
                ],
            ),
            learn,
        ]
    plan = plans[("HY.SNV", "2025")]
    return [
        Task(
            "CN1",
            "service",
            "Tổ chức bộ máy",
            "Thẩm định đề án vị trí việc làm cấp xã",
            [
                KR(
                    "Thẩm định 30 đề án vị trí việc làm của các xã, phường được phân công",
                    "đề án",
                    30,
                    parent=plan.find("TC.DEAN.VITRIVIECLAM").code,
                    shape="gpmb",
                    freq="quarterly",
                    note="generic",
                ),
                KR(
                    "100% văn bản tham mưu trình lãnh đạo Sở đúng hạn",
                    "%",
                    100,
                    shape="rate",
                    freq="quarterly",
                    note="generic",
                ),
            ],
        ),
        learn,
    ]


def personal_plans(people: Directory, plans: Plans) -> list[Plan]:
    """Return the 2025 personal plans of every head and of the cadres in ``CADRES``."""
    out = []
    for person in people.people:
        if person.is_head:
            tasks = head_tasks(person, plans)
        elif person.code in CADRES:
            tasks = _cadre_plan(person, plans)
        else:
            continue
        out.append(Plan(person.code, "2025", person.code, person.unit_code, tasks).finalise())
    return out
