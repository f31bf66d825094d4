"""Validation of what people type into evaluations: stance indicators, declarations, points.

Every function raises ``EvaluationError`` with a Vietnamese message naming the
field, before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from analytics.scoring import stance_level
from analytics.vntext import format_number_vi, normalize_text, parse_number
from woms_pwa.core.evaluation.config import ScoringConfig
from woms_pwa.core.evaluation.models import EvaluationItem
from woms_pwa.core.evaluation.scoring import EvaluationError
from woms_pwa.core.messages import evaluation as emsg
from woms_pwa.core.vocab import Perspective

ITEM_KINDS = ("outside_work", "initiative", "learning")
INITIATIVE_SCOPES = ("unit", "province", "national")
LEARNING_FORMS = ("self_learning", "certificate", "degree")
MAX_TITLE = 2000
_PERCENTS = ("assessment_pct", "study_pct", "trust_pct")
_COUNTS = ("contributions", "reminders")


@dataclass(frozen=True)
class StanceValues:
    """Validated rubric indicators; ``level`` is given or derived from them."""

    assessment_pct: float | None = None
    study_pct: float | None = None
    contributions: float | None = None
    trust_pct: float | None = None
    reminders: float | None = None
    disciplined: bool | None = None
    level: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """Column values for ``EvaluationStance``."""
        return asdict(self)

    def describe(self) -> str:
        """A one-line Vietnamese summary for the audit log."""
        parts = [
            f"{emsg.STANCE_FIELDS[name]}: {format_number_vi(value, 1)}"
            for name, value in self.as_dict().items()
            if name in emsg.STANCE_FIELDS and value is not None
        ]
        if self.disciplined:
            parts.append(emsg.DISCIPLINED_LABEL)
        parts.append(f"mức {self.level}" if self.level else "chưa xác định mức")
        return "; ".join(parts)


def _number(raw: object, label: str) -> float | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    value = parse_number(raw) if isinstance(raw, str) else float(raw)  # type: ignore[arg-type]
    if value is None or value != value:
        raise EvaluationError(emsg.BAD_NUMBER.format(label=label))
    return value


def _flag(raw: object) -> bool | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        return raw
    return str(raw).strip().lower() in ("1", "true", "on", "yes", "co", "có")


def parse_stance(raw: Mapping[str, object]) -> StanceValues | None:
    """Validate rubric indicators (percentages 0–100, counts ≥ 0, optional level 1–5).

    Returns:
        The values, or ``None`` when nothing was given.
    """
    values: dict[str, Any] = {}
    for name in _PERCENTS + _COUNTS:
        label = emsg.STANCE_FIELDS[name]
        value = _number(raw.get(name), label)
        if value is not None and name in _PERCENTS and not 0 <= value <= 100:
            raise EvaluationError(emsg.BAD_PERCENT.format(label=label))
        if value is not None and name in _COUNTS and value < 0:
            raise EvaluationError(emsg.BAD_COUNT.format(label=label))
        values[name] = value
    values["disciplined"] = _flag(raw.get("disciplined"))
    level = _number(raw.get("level"), "level")
    if level is not None and (level != int(level) or not 1 <= level <= 5):
        raise EvaluationError(emsg.BAD_LEVEL)
    if all(v is None for v in values.values()) and level is None:
        return None
    given = {k: v for k, v in values.items() if v is not None}
    if "disciplined" in given:
        given["disciplined"] = float(given["disciplined"])
    derived = stance_level(**given) if given else None
    return StanceValues(**values, level=int(level) if level is not None else derived)


def parse_item(
    kind: str,
    title: str,
    detail: str,
    perspective: str | None,
    scope: str | None,
    evidence: str | None,
) -> dict[str, Any]:
    """Validate one declaration; return the ``EvaluationItem`` column values."""
    if kind not in ITEM_KINDS:
        raise EvaluationError(emsg.BAD_ITEM_KIND)
    text = normalize_text(title or "")
    if not text:
        raise EvaluationError(emsg.ITEM_TITLE_REQUIRED)
    if len(text) > MAX_TITLE or len(detail or "") > 4000:
        raise EvaluationError(emsg.ITEM_TITLE_TOO_LONG)
    perspective = perspective or None
    if kind != "outside_work":
        perspective = None
    elif perspective is not None and perspective not in set(Perspective):
        raise EvaluationError(emsg.BAD_PERSPECTIVE)
    scope = scope or None
    if kind == "initiative":
        scope = scope or "unit"
        if scope not in INITIATIVE_SCOPES:
            raise EvaluationError(emsg.BAD_SCOPE)
    elif kind == "learning":
        scope = scope or "self_learning"
        if scope not in LEARNING_FORMS:
            raise EvaluationError(emsg.BAD_LEARNING_KIND)
    else:
        scope = None
    return {
        "kind": kind,
        "title": text,
        "detail": normalize_text(detail or ""),
        "perspective": perspective,
        "scope": scope,
        "evidence": (evidence or "").strip()[:500] or None,
    }


def default_points(item: EvaluationItem, config: ScoringConfig) -> float:
    """The configured points of an accepted declaration."""
    if item.kind == "initiative":
        return float(config.get("initiative_points").get(item.scope or "unit", 0.0))
    if item.kind == "learning":
        return float(config.get("learning_points").get(item.scope or "self_learning", 0.0))
    return float(config.get("outside_item_default_points"))


def resolve_decisions(
    decisions: Mapping[int, tuple[bool, float | None]],
    items: Mapping[int | None, EvaluationItem],
    config: ScoringConfig,
) -> dict[int, tuple[str, float | None]]:
    """Validate the assessor's decisions on declarations: ``id → (status, points)``."""
    top = float(config.get("outside_item_max_points"))
    resolved: dict[int, tuple[str, float | None]] = {}
    for item_id, (accepted, points) in decisions.items():
        item = items.get(item_id)
        if item is None:
            raise EvaluationError(emsg.UNKNOWN_ITEM.format(id=item_id))
        if not accepted:
            resolved[item_id] = ("rejected", 0.0)
            continue
        value = default_points(item, config) if points is None else float(points)
        limit = top if item.kind == "outside_work" else max(top, default_points(item, config))
        if not 0 <= value <= limit:
            raise EvaluationError(emsg.BAD_POINTS.format(max=format_number_vi(limit, 1)))
        resolved[item_id] = ("accepted", value)
    return resolved
