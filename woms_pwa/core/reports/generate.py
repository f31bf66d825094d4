"""One entry point for every report: kind + period + unit + format → file bytes.

Used by the ``woms report`` command, the download API and the report page, so
the three doors give byte-identical files for the same data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from woms_pwa.core.messages import reports as rmsg
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.reports.data import build_unit_report
from woms_pwa.core.reports.periods import REPORT_KINDS, ReportInputError, report_period
from woms_pwa.core.reports.province import (
    build_province_summary,
    province_summary_pdf,
    province_summary_xlsx,
)
from woms_pwa.core.reports.render import unit_report_pdf, unit_report_xlsx
from woms_pwa.core.vocab import Role

FORMATS = ("pdf", "xlsx")
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class ReportFile:
    """A generated report: suggested file name, bytes, data fingerprint."""

    filename: str
    content: bytes
    fingerprint: str
    media_type: str


def generate_report(
    session: Session, actor: Actor, kind: str, period: str, unit_code: str, fmt: str
) -> ReportFile:
    """Build one report file.

    Args:
        session: an open session.
        actor: who asks (the unit must be in their scope; the province
            summary covers the units they may see).
        kind: ``monthly``, ``quarterly``, ``annual``, ``weekly`` or ``province``.
        period: ``2025-09``, ``2025-Q3``, ``2025``, ``2025-W38`` (province: ``2025``).
        unit_code: the unit (ignored for ``province``).
        fmt: ``pdf`` or ``xlsx``.

    Raises:
        ReportInputError: bad kind, period, format, unit, or no plan.
        PermissionDenied: the unit is outside the actor's scope.
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ReportInputError(rmsg.REPORT_BAD_FORMAT.format(value=fmt))
    if kind == "province":
        spec = report_period("annual", period)
        # A cadre sees one unit: a "province summary" of it would only leak ranks.
        if actor.role is Role.CADRE:
            raise PermissionDenied(rmsg.REPORT_FORBIDDEN)
        summary = build_province_summary(session, actor, spec.year)
        content = (
            province_summary_pdf(summary.payload, summary.fingerprint)
            if fmt == "pdf"
            else province_summary_xlsx(summary.payload, summary.fingerprint)
        )
        name = f"tong-hop-{spec.code}.{fmt}"
        return ReportFile(name, content, summary.fingerprint, MEDIA_TYPES[fmt])
    if not unit_code:
        raise ReportInputError(rmsg.REPORT_UNIT_REQUIRED)
    if kind not in REPORT_KINDS:
        raise ReportInputError(rmsg.REPORT_BAD_FORMAT.format(value=kind))
    spec = report_period(kind, period)
    report = build_unit_report(session, actor, unit_code, spec)
    render = unit_report_pdf if fmt == "pdf" else unit_report_xlsx
    content = render(report.payload, report.fingerprint)
    name = f"bao-cao-{kind}-{unit_code}-{spec.code}.{fmt}"
    return ReportFile(name, content, report.fingerprint, MEDIA_TYPES[fmt])


def report_units(session: Session, actor: Actor) -> list[tuple[str, str]]:
    """``(code, name)`` of the units with a plan that the actor may report on, by code."""
    from sqlalchemy import text

    from woms_pwa.core.permissions import scope_for

    scope = scope_for(session, actor)
    rows = session.execute(
        text(
            "SELECT DISTINCT u.id, u.code, u.name FROM unit u JOIN plan p ON p.owner_unit_id = u.id"
            " ORDER BY u.code"
        )
    ).all()
    return [(str(code), str(name)) for uid, code, name in rows if scope.can_view_unit(uid)]


def default_report_period(kind: str, as_of: dt.date) -> str:
    """The period code a report of ``kind`` most likely wants on ``as_of``."""
    if kind == "monthly":
        return f"{as_of.year}-{as_of.month:02d}"
    if kind == "quarterly":
        return f"{as_of.year}-Q{(as_of.month - 1) // 3 + 1}"
    if kind == "weekly":
        iso = as_of.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return str(as_of.year)
