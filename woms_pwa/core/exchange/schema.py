"""The sheets and columns of the WOMS exchange format v1 (``exchange-format.md``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SheetSpec:
    """Columns of one sheet: all allowed ones, in export order, and the mandatory ones."""

    name: str
    columns: tuple[str, ...]
    required_columns: tuple[str, ...]
    required: bool


UNITS = SheetSpec(
    name="units",
    columns=("code", "name", "kind", "parent_code"),
    required_columns=("code", "name", "kind", "parent_code"),
    required=True,
)
PEOPLE = SheetSpec(
    name="people",
    columns=("code", "full_name", "unit_code", "position", "is_head", "email"),
    required_columns=("code", "full_name", "unit_code"),
    required=False,
)
PLAN = SheetSpec(
    name="plan",
    columns=(
        "owner_code",
        "period",
        "perspective",
        "area",
        "task_code",
        "task",
        "task_weight",
        "kr_code",
        "kr",
        "kind",
        "breakthrough",
        "unit",
        "baseline",
        "target",
        "direction",
        "weight",
        "due",
        "parent_kr_code",
        "metric_code",
        "reference",
        "evidence_required",
    ),
    required_columns=(
        "owner_code",
        "period",
        "perspective",
        "task_code",
        "task",
        "kr_code",
        "kr",
        "target",
    ),
    required=True,
)
CHECKINS = SheetSpec(
    name="checkins",
    columns=("kr_code", "date", "value", "note", "reported_by", "evidence"),
    required_columns=("kr_code", "date", "value"),
    required=False,
)
NOTES = SheetSpec(
    name="notes",
    columns=("date", "unit_code", "kr_code", "author", "text"),
    required_columns=("date", "unit_code", "text"),
    required=False,
)

SHEETS: tuple[SheetSpec, ...] = (UNITS, PEOPLE, PLAN, CHECKINS, NOTES)
SHEETS_BY_NAME: dict[str, SheetSpec] = {sheet.name: sheet for sheet in SHEETS}
