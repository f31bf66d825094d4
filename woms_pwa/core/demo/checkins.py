"""Monthly check-ins (readings) of every key result, with notes and evidence."""

from __future__ import annotations

from dataclasses import replace

from .common import fmt_num, month_end, rng_for, vn_num, with_unit
from .model import KR, Plan
from .people import Directory
from .phrases import Ctx, phrase
from .series import decimals, path, report_months
from .stories import Override
from .units import ROOT, unit_by_code

# Evidence file stems per phrase key (files are named <stem>-thang-MM-YYYY.pdf).
_EVIDENCE = {
    "giaingan": "bao-cao-giai-ngan",
    "giaingan_tinh": "bao-cao-giai-ngan-toan-tinh",
    "gpmb": "bien-ban-ban-giao-mat-bang",
    "dv": "quyet-dinh-ket-nap-dang-vien",
    "tiensdd": "chung-tu-nop-tien-su-dung-dat",
    "quyche": "quyet-dinh-ban-hanh-quy-che-lam-viec",
    "ioc": "bien-ban-nghiem-thu-ioc",
    "thietbi": "bien-ban-ban-giao-thiet-bi",
    "generic": "minh-chung",
}

Values = dict[str, dict[int, float]]


def _where(plan: Plan) -> str:
    if plan.unit_code == ROOT:
        return "toàn tỉnh"
    unit = unit_by_code().get(plan.unit_code)
    if unit is None:
        return plan.unit_code
    if unit.kind in {"commune", "ward"}:
        return unit.name[0].lower() + unit.name[1:]
    return unit.name


def _mirror_values(kr: KR, year: int, source: dict[int, float]) -> dict[int, float]:
    out = {}
    for m in report_months(kr, year):
        known = [v for month, v in source.items() if month <= m]
        if known:
            out[m] = known[-1]
    return out


def _mirror_note(kr: KR, month: int, year: int, value: float) -> str:
    v = vn_num(value, decimals(kr.unit))
    t = vn_num(kr.target, decimals(kr.unit))
    return (
        f"Trực tiếp chỉ đạo, đôn đốc; kết quả chung của đơn vị đến hết tháng {month}/{year} "
        f"đạt {with_unit(v, kr.unit)} (chỉ tiêu {with_unit(t, kr.unit)})."
    )


def build_checkins(
    plans: list[Plan], people: Directory, overrides: dict[str, Override]
) -> tuple[list[dict[str, str]], Values]:
    """Generate the ``checkins`` rows.

    Unit plans must come before personal plans, whose mirrored key results copy
    the readings of their parent unit key result.

    Returns:
        The rows, and {kr_code: {month: value}} for the 2025 readings (used by notes).
    """
    units = unit_by_code()
    rows: list[dict[str, str]] = []
    values: Values = {}
    for plan in plans:
        unit = units.get(plan.unit_code)
        personal = plan.owner != plan.unit_code
        where = _where(plan)
        for _task, kr in plan.krs():
            rng = rng_for("checkin", kr.code)
            exact = bool(unit and unit.exact and plan.year == 2025 and not personal)
            perf = (unit.perf if unit else 1.0) * rng.uniform(0.94, 1.06)
            override = overrides.get(kr.code)
            if override is not None:
                readings = override.values
            elif kr.mirror:
                readings = _mirror_values(kr, plan.year, values.get(kr.mirror, {}))
            else:
                readings = path(kr, plan.year, perf, rng, exact=exact)
            if plan.year == 2025:
                values[kr.code] = readings
            if personal:
                reporter = plan.owner
            else:
                reporter = people.role(plan.unit_code, *kr.role.split(",")).code
            prev = None
            for month, value in readings.items():
                if override is not None:
                    note = override.notes[month]
                    evidence = override.evidence.get(month, "")
                else:
                    if kr.mirror:
                        note = _mirror_note(kr, month, plan.year, value)
                    elif exact:
                        # The "too perfect" unit repeats one boilerplate sentence.
                        same = replace(kr, note="exact")
                        note = phrase(Ctx(same, unit, where, month, plan.year, value, prev, rng))
                    else:
                        note = phrase(Ctx(kr, unit, where, month, plan.year, value, prev, rng))
                    evidence = ""
                    if kr.evidence and (month % 3 == 0 or rng.random() < 0.3):
                        stem = _EVIDENCE.get(kr.note, _EVIDENCE["generic"])
                        evidence = f"{stem}-thang-{month:02d}-{plan.year}.pdf"
                rows.append(
                    {
                        "kr_code": kr.code,
                        "date": month_end(plan.year, month),
                        "value": fmt_num(value),
                        "note": note,
                        "reported_by": reporter,
                        "evidence": evidence,
                    }
                )
                prev = value
    return rows, values
