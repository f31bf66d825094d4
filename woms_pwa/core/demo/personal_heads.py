"""Personal plans of heads (người đứng đầu): leadership items mirroring the unit plan."""

from __future__ import annotations

from .common import rng_for
from .model import KR, Plan, Task
from .people import Person
from .units import ROOT, unit_by_code

# Department → (unit, metric of the parent unit KR the department head answers for, title).
_DEPT_PARENT = {
    "HY.STC.NS": (
        "HY.STC",
        "NS.QUYETTOAN.DUNGHAN",
        "Thẩm định 100% báo cáo quyết toán ngân sách năm 2024 của các đơn vị đúng hạn",
    ),
    "HY.STC.DT": (
        "HY.STC",
        "NS.QUYETTOAN.DUAN",
        "Thẩm tra, phê duyệt quyết toán 120 dự án hoàn thành",
    ),
    "HY.SNV.CCHC": (
        "HY.SNV",
        "CCHC.HS.DUNGHAN",
        "99% hồ sơ thủ tục hành chính của Sở giải quyết đúng hạn",
    ),
    "HY.X.TANPHONG.VP": (
        "HY.X.TANPHONG",
        "CCHC.HS.DUNGHAN",
        "98% hồ sơ thủ tục hành chính giải quyết đúng hạn",
    ),
    "HY.X.TANPHONG.KT": (
        "HY.X.TANPHONG",
        "DD.GPMB.DIENTICH",
        "Hoàn thành giải phóng mặt bằng 8,5 ha",
    ),
    "HY.P.PHOHIEN.VP": (
        "HY.P.PHOHIEN",
        "CCHC.HS.DUNGHAN",
        "98% hồ sơ thủ tục hành chính giải quyết đúng hạn",
    ),
    "HY.P.PHOHIEN.KTHTDT": (
        "HY.P.PHOHIEN",
        "DD.GPMB.DIENTICH",
        "Hoàn thành giải phóng mặt bằng 12 ha",
    ),
    "HY.P.MYHAO.TTHCC": (
        "HY.P.MYHAO",
        "CCHC.HS.DUNGHAN",
        "98% hồ sơ thủ tục hành chính giải quyết đúng hạn",
    ),
}


Plans = dict[tuple[str, str], Plan]


def mirror_kr(title: str, parent: KR, role: str = "head") -> KR:
    """A personal KR that tracks (and contributes to) a unit KR."""
    return KR(
        title,
        parent.unit,
        parent.target,
        direction=parent.direction,
        baseline=parent.baseline,
        parent=parent.code,
        metric=parent.metric,
        shape=parent.shape,
        freq="quarterly",
        mirror=parent.code,
        note="generic",
        role=role,
        meta=dict(parent.meta),
    )


def _self_dev(done: int) -> Task:
    return Task(
        "CN3",
        "learning",
        "Tự học, nâng cao năng lực",
        "Nâng cao năng lực lãnh đạo, quản trị trong môi trường số",
        [
            KR(
                "Hoàn thành chương trình bồi dưỡng kiến thức quản trị chính quyền số",
                "mốc",
                1,
                direction="milestone",
                shape="milestone",
                freq="once",
                done=done,
                note="generic",
                evidence=True,
            ),
            KR(
                "Có ít nhất 1 đề xuất, sáng kiến được cấp có thẩm quyền công nhận",
                "sáng kiến",
                1,
                kind="okr",
                shape="step",
                freq="none",
                note="generic",
            ),
        ],
    )


def head_tasks(p: Person, plans: Plans) -> list[Task]:
    """Tasks of a head's personal plan, by the kind of unit he or she leads."""
    # Some heads finished their course in June, some in September, some not yet.
    done = rng_for("selfdev", p.code).choice((6, 9, 0))
    if p.unit_code == ROOT:
        hy = plans[(ROOT, "2025")]
        return [
            Task(
                "CN1",
                "service",
                "Lãnh đạo, chỉ đạo",
                "Lãnh đạo, chỉ đạo toàn diện việc thực hiện nghị quyết Đại hội Đảng bộ tỉnh",
                [
                    KR(
                        "Chủ trì 4 hội nghị giao ban quý với các xã, phường, sở, ban, ngành",
                        "hội nghị",
                        4,
                        shape="conf",
                        freq="quarterly",
                        note="generic",
                    ),
                    KR(
                        "Tiếp công dân định kỳ 12 buổi trong năm",
                        "buổi",
                        12,
                        shape="even",
                        freq="quarterly",
                        note="generic",
                    ),
                ],
            ),
            Task(
                "CN2",
                "budget",
                "Ngân sách/Đầu tư công",
                "Chỉ đạo đẩy nhanh giải ngân vốn đầu tư công của tỉnh",
                [
                    mirror_kr(
                        "Giải ngân 100% kế hoạch vốn đầu tư công của tỉnh",
                        hy.find("NS.DTC.GIAINGAN"),
                    )
                ],
            ),
            _self_dev(done),
        ]
    unit = unit_by_code().get(p.unit_code)
    if unit is None:  # department head
        parent_unit, metric, title = _DEPT_PARENT[p.unit_code]
        parent = plans[(parent_unit, "2025")].find(metric)
        return [
            Task(
                "CN1",
                "service",
                "Nhiệm vụ chuyên môn",
                "Tham mưu hoàn thành nhiệm vụ chuyên môn của phòng",
                [
                    KR(
                        "Hoàn thành 100% nhiệm vụ được lãnh đạo giao đúng hạn",
                        "%",
                        100,
                        shape="rate",
                        freq="quarterly",
                        note="generic",
                    ),
                    mirror_kr(title, parent),
                ],
            ),
            Task(
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
                        done=done or 9,
                        note="generic",
                    )
                ],
            ),
        ]
    plan = plans[(unit.code, "2025")]
    if unit.kind == "agency":
        return [
            Task(
                "CN1",
                "service",
                "Lãnh đạo, chỉ đạo",
                f"Lãnh đạo {unit.name} hoàn thành nhiệm vụ chính trị được giao",
                [
                    KR(
                        "Hoàn thành 100% nhiệm vụ Tỉnh ủy, UBND tỉnh giao đúng hạn",
                        "%",
                        100,
                        shape="rate",
                        freq="quarterly",
                        note="generic",
                    ),
                    KR(
                        "Đối thoại với công chức, người lao động 2 lần trong năm",
                        "lần",
                        2,
                        shape="step",
                        freq="quarterly",
                        note="generic",
                    ),
                ],
            ),
            Task(
                "CN2",
                "learning",
                "Chuyển đổi số",
                "Dẫn dắt chuyển đổi số của cơ quan",
                [
                    mirror_kr(
                        "95% văn bản của cơ quan được xử lý trên môi trường số",
                        plan.find("CDS.VANBAN.SO"),
                    )
                ],
            ),
            _self_dev(done),
        ]
    lv = "xã" if unit.kind == "commune" else "phường"
    return [
        Task(
            "CN1",
            "service",
            "Lãnh đạo, chỉ đạo",
            f"Lãnh đạo, chỉ đạo toàn diện thực hiện nghị quyết Đại hội Đảng bộ {lv}",
            [
                KR(
                    "Chủ trì 12 hội nghị Ban Thường vụ, Ban Chấp hành Đảng bộ đúng quy chế",
                    "hội nghị",
                    12,
                    shape="even",
                    freq="quarterly",
                    note="generic",
                ),
                KR(
                    "Trực tiếp tiếp công dân định kỳ 12 buổi trong năm",
                    "buổi",
                    12,
                    shape="even",
                    freq="quarterly",
                    note="generic",
                ),
                mirror_kr(
                    f"Chỉ đạo kết nạp {unit.dv} đảng viên mới", plan.find("XDD.DANGVIEN.MOI")
                ),
            ],
        ),
        Task(
            "CN2",
            "budget",
            "Ngân sách/Đầu tư công",
            "Chỉ đạo giải ngân vốn đầu tư công",
            [
                mirror_kr(
                    f"Giải ngân 100% kế hoạch vốn đầu tư công của {lv}",
                    plan.find("NS.DTC.GIAINGAN"),
                )
            ],
        ),
        _self_dev(done),
    ]
