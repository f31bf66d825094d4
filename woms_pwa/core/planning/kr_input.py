"""The key-result form: the fields a planner enters, validated into ``KeyResultInput``."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields

from analytics.vntext import normalize_text, parse_number
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.planning.common import PlanningError
from woms_pwa.core.vocab import Direction, KeyResultKind

DATA_SOURCES = ("manual", "dvc", "qlvb", "kbnn", "other")


@dataclass(frozen=True)
class KeyResultInput:
    """The fields of a key result as the planner enters them (already validated)."""

    title: str
    target: float
    unit: str = ""
    baseline: float | None = None
    direction: str = "increase"
    kind: str = "kpi"
    breakthrough: bool = False
    weight: float | None = None
    due: dt.date | None = None
    data_source: str = "manual"
    evidence_required: bool = False
    metric_code: str | None = None
    last_year_actual: float | None = None

    def as_columns(self) -> dict[str, object]:
        """The values as ``KeyResult`` columns."""
        return asdict(self)


KR_FIELDS = tuple(f.name for f in fields(KeyResultInput))


def _number(form: dict[str, str], name: str, *, required: bool = False) -> float | None:
    raw = (form.get(name) or "").strip()
    if not raw:
        if required:
            raise PlanningError(msg.KR_TARGET_REQUIRED)
        return None
    value = parse_number(raw)
    if value is None:
        raise PlanningError(msg.KR_NUMBER_INVALID.format(field=msg.FIELD_LABELS.get(name, name)))
    return value


def _date(raw: str) -> dt.date | None:
    raw = raw.strip()
    if not raw:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise PlanningError(msg.KR_DUE_INVALID)


def _flag(value: str | bool | None) -> bool:
    return value in (True, "1", "true", "on", "yes")


def parse_key_result_form(form: dict[str, str]) -> KeyResultInput:
    """Validate a key-result form (text fields) into a ``KeyResultInput``.

    Args:
        form: field name → text, as a web form or the CLI sends it.

    Raises:
        PlanningError: a Vietnamese message naming the field to fix.
    """
    title = normalize_text(form.get("title", ""))
    if not title:
        raise PlanningError(msg.KR_TITLE_REQUIRED)
    target = _number(form, "target", required=True)
    assert target is not None
    direction = form.get("direction") or Direction.INCREASE.value
    if direction not in {d.value for d in Direction}:
        raise PlanningError(msg.KR_DIRECTION_INVALID)
    kind = form.get("kind") or KeyResultKind.KPI.value
    if kind not in {k.value for k in KeyResultKind}:
        raise PlanningError(msg.KR_KIND_INVALID)
    weight = _number(form, "weight")
    if weight is not None and not 0 <= weight <= 100:
        raise PlanningError(msg.KR_WEIGHT_INVALID)
    source = form.get("data_source") or "manual"
    return KeyResultInput(
        title=title,
        target=target,
        unit=normalize_text(form.get("unit", ""))[:64],
        baseline=_number(form, "baseline"),
        direction=direction,
        kind=kind,
        breakthrough=_flag(form.get("breakthrough")),
        weight=weight,
        due=_date(form.get("due", "")),
        data_source=source if source in DATA_SOURCES else "other",
        evidence_required=_flag(form.get("evidence_required")),
        metric_code=(form.get("metric_code") or "").strip() or None,
        last_year_actual=_number(form, "last_year_actual"),
    )
