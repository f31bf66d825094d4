"""Assemble the demo province dataset in the WOMS exchange format."""

from __future__ import annotations

import pandas as pd

from .checkins import build_checkins
from .common import COLUMNS, nfc
from .model import Plan, plan_rows
from .notes import build_notes
from .people import Directory, build_people, people_rows
from .personal import personal_plans
from .stories import overrides
from .tpl_agency import agency_plan, agency_plan_2024
from .tpl_locality import locality_plan, locality_plan_2024
from .tpl_province import province_plan, province_plan_2024
from .units import AGENCIES, LOCALITIES, unit_rows


def build_plans(people: Directory) -> list[Plan]:
    """Return every plan: province, units 2025, units 2024, then personal plans.

    Personal plans come last because their mirrored key results copy readings of
    unit key results when check-ins are generated.
    """
    unit_plans = [province_plan()]
    unit_plans += [agency_plan(u) for u in AGENCIES]
    unit_plans += [locality_plan(u) for u in LOCALITIES]
    unit_plans += [province_plan_2024()]
    unit_plans += [agency_plan_2024(u) for u in AGENCIES]
    unit_plans += [locality_plan_2024(u) for u in LOCALITIES]
    by_key = {(p.owner, p.period): p for p in unit_plans}
    return unit_plans + personal_plans(people, by_key)


def _frame(sheet: str, rows: list[dict[str, str]]) -> pd.DataFrame:
    columns = COLUMNS[sheet]
    clean = [{c: nfc(str(row.get(c, ""))) for c in columns} for row in rows]
    return pd.DataFrame(clean, columns=columns, dtype=object)


def build_demo_dataset() -> dict[str, pd.DataFrame]:
    """Build the realistic demo province (Tỉnh Hưng Yên) in the exchange format.

    Returns:
        Sheets ``units``, ``people``, ``plan``, ``checkins`` and ``notes`` with
        exactly the columns of exchange-format.md section 1. Every cell is a
        ``str`` ('' when empty), numbers use '.' decimals, dates are ISO and all
        text is NFC. The result is deterministic.
    """
    people = Directory(build_people())
    plans = build_plans(people)
    by_key = {(p.owner, p.period): p for p in plans}
    checkin_rows, values = build_checkins(plans, people, overrides(by_key))
    plan_sheet = [row for plan in plans for row in plan_rows(plan)]
    return {
        "units": _frame("units", unit_rows()),
        "people": _frame("people", people_rows(people.people)),
        "plan": _frame("plan", plan_sheet),
        "checkins": _frame("checkins", checkin_rows),
        "notes": _frame("notes", build_notes(by_key, values)),
    }
