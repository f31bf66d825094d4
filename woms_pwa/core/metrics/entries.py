"""Conversions between dictionary rows (``MetricEntry``) and pure ``Metric`` values."""

from __future__ import annotations

from sqlmodel import Session, select

from metric_library.catalogue import COLUMNS, Metric
from woms_pwa.core.metrics.models import MetricEntry

# Columns an edit may change; the code is the identity and never changes.
CONTENT_FIELDS: tuple[str, ...] = tuple(c for c in COLUMNS if c != "code")
ACTIVE = "active"
RETIRED = "retired"
SOURCE_FILE = "file"
SOURCE_ADMIN = "admin"
_MAX_MERGE_HOPS = 20


def metric_values(metric: Metric) -> dict[str, str | bool]:
    """Column values of a metric as stored in ``MetricEntry`` (synonyms ``|``-joined)."""
    return {
        "name": metric.name,
        "definition": metric.definition,
        "formula": metric.formula,
        "unit": metric.unit,
        "direction": metric.direction,
        "perspective": metric.perspective,
        "area": metric.area,
        "data_source": metric.data_source,
        "evidence": metric.evidence,
        "is_proxy": metric.is_proxy,
        "synonyms": " | ".join(metric.synonyms),
        "reference": metric.reference,
        "kind_hint": metric.kind_hint,
    }


def entry_values(entry: MetricEntry) -> dict[str, str | bool]:
    """Column values of a stored entry, code included (the input shape of ``parse_entry``)."""
    values: dict[str, str | bool] = {"code": entry.code}
    for column in CONTENT_FIELDS:
        values[column] = getattr(entry, column)
    return values


def to_metric(entry: MetricEntry) -> Metric:
    """Build the pure ``Metric`` the suggester indexes from a stored entry."""
    return Metric(
        code=entry.code,
        name=entry.name,
        definition=entry.definition,
        formula=entry.formula,
        unit=entry.unit,
        direction=entry.direction,
        perspective=entry.perspective,
        area=entry.area,
        data_source=entry.data_source,
        evidence=entry.evidence,
        is_proxy=entry.is_proxy,
        synonyms=tuple(s.strip() for s in entry.synonyms.split("|") if s.strip()),
        reference=entry.reference,
        kind_hint=entry.kind_hint,
    )


def all_entries(session: Session) -> list[MetricEntry]:
    """Every stored entry, retired ones included, ordered by code."""
    return list(session.exec(select(MetricEntry).order_by(MetricEntry.code)))


def get_entry(session: Session, code: str) -> MetricEntry | None:
    """The entry with ``code`` (case-insensitive), or ``None``."""
    wanted = code.strip().upper()
    return session.exec(select(MetricEntry).where(MetricEntry.code == wanted)).first()


def merge_map(entries: list[MetricEntry]) -> dict[str, str]:
    """Map every merged code to the code that finally replaced it (chains followed)."""
    direct = {e.code: e.merged_into for e in entries if e.merged_into}
    resolved: dict[str, str] = {}
    for code in direct:
        target, hops = direct[code], 0
        while target in direct and hops < _MAX_MERGE_HOPS:
            target, hops = direct[target], hops + 1
        if target is not None:
            resolved[code] = target
    return resolved


def resolve_code(session: Session, code: str) -> MetricEntry | None:
    """The entry a (possibly merged) code stands for today.

    Plans keep the code they were written with; a merged duplicate is read as
    the entry it was merged into, so approved plans never need rewriting.

    Args:
        session: an open session.
        code: a metric code, as stored in ``KeyResult.metric_code``.

    Returns:
        The entry itself, the final merge target, or ``None`` for an unknown code.
    """
    entry = get_entry(session, code)
    hops = 0
    while entry is not None and entry.merged_into and hops < _MAX_MERGE_HOPS:
        target = get_entry(session, entry.merged_into)
        if target is None:
            break
        entry, hops = target, hops + 1
    return entry
