"""Write the whole database in the exchange format (CSV folder or ``.xlsx``).

Output is deterministic — fixed row order, shortest exact numbers, ``\\n`` line
ends — so that import → export → import → export is byte-for-byte stable.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
from sqlmodel import Session, select

from analytics.vntext import format_number_plain
from woms_pwa.core.exchange.schema import CHECKINS, NOTES, PEOPLE, PLAN, UNITS, SheetSpec
from woms_pwa.core.models import CheckIn, KeyResult, Note, Period, Person, Plan, Task, Unit


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float | int):
        if isinstance(value, float) and value != value:  # NaN
            return ""
        return format_number_plain(float(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _frame(spec: SheetSpec, rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(
        [{c: _text(row.get(c)) for c in spec.columns} for row in rows], columns=list(spec.columns)
    )


def collect_dataset(session: Session) -> dict[str, pd.DataFrame]:
    """Return every sheet of the exchange format as text frames, in export order."""
    units = {u.id: u for u in session.execute(select(Unit)).scalars()}
    people = {p.id: p for p in session.execute(select(Person)).scalars()}
    periods = {p.id: p.code for p in session.execute(select(Period)).scalars()}
    plans = {p.id: p for p in session.execute(select(Plan)).scalars()}
    tasks = {t.id: t for t in session.execute(select(Task)).scalars()}

    def owner_code(plan: Plan) -> str:
        if plan.owner_unit_id is not None:
            return units[plan.owner_unit_id].code
        assert plan.owner_person_id is not None
        return people[plan.owner_person_id].code

    unit_rows = sorted(
        (
            {
                "code": u.code,
                "name": u.name,
                "kind": u.kind,
                "parent_code": units[u.parent_id].code if u.parent_id else "",
            }
            for u in units.values()
        ),
        key=lambda r: r["code"],
    )
    people_rows = sorted(
        (
            {
                "code": p.code,
                "full_name": p.full_name,
                "unit_code": units[p.unit_id].code,
                "position": p.position,
                "is_head": p.is_head,
                "email": p.email,
            }
            for p in people.values()
        ),
        key=lambda r: r["code"],
    )
    kr_code_of: dict[int, str] = {
        kid: code for kid, code in session.execute(select(KeyResult.id, KeyResult.code)).all()
    }
    plan_rows = []
    for kr in session.execute(select(KeyResult)).scalars():
        task = tasks[kr.task_id]
        plan = plans[task.plan_id]
        plan_rows.append(
            {
                "_sort": (
                    owner_code(plan),
                    periods[plan.period_id],
                    task.position,
                    task.code,
                    kr.position,
                    kr.code,
                ),
                "owner_code": owner_code(plan),
                "period": periods[plan.period_id],
                "perspective": task.perspective,
                "area": task.area,
                "task_code": task.code,
                "task": task.title,
                "task_weight": task.weight,
                "kr_code": kr.code,
                "kr": kr.title,
                "kind": kr.kind,
                "breakthrough": kr.breakthrough,
                "unit": kr.unit,
                "baseline": kr.baseline,
                "target": kr.target,
                "direction": kr.direction,
                "weight": kr.weight,
                "due": kr.due,
                "parent_kr_code": kr_code_of.get(kr.parent_kr_id) if kr.parent_kr_id else None,
                "metric_code": kr.metric_code,
                "reference": kr.reference,
                "evidence_required": kr.evidence_required,
            }
        )
    plan_rows.sort(key=lambda r: r["_sort"])
    checkin_rows = [
        {
            "kr_code": kr_code_of[c.kr_id],
            "date": c.date,
            "value": c.value,
            "note": c.note,
            "reported_by": people[c.reported_by_person_id].code
            if c.reported_by_person_id
            else None,
            "evidence": c.evidence,
            "_id": c.id,
        }
        for c in session.execute(select(CheckIn)).scalars()
    ]
    checkin_rows.sort(key=lambda r: (r["kr_code"], r["date"], r["_id"]))
    note_rows = [
        {
            "date": n.date,
            "unit_code": units[n.unit_id].code,
            "kr_code": kr_code_of.get(n.kr_id) if n.kr_id else None,
            "author": n.author,
            "text": n.text,
            "_id": n.id,
        }
        for n in session.execute(select(Note)).scalars()
    ]
    note_rows.sort(
        key=lambda r: (r["date"], r["unit_code"], r["kr_code"] or "", r["author"] or "", r["_id"])
    )
    return {
        "units": _frame(UNITS, unit_rows),
        "people": _frame(PEOPLE, people_rows),
        "plan": _frame(PLAN, plan_rows),
        "checkins": _frame(CHECKINS, checkin_rows),
        "notes": _frame(NOTES, note_rows),
    }


_NUMERIC = {"task_weight", "baseline", "target", "weight", "value"}


def write_dataset(frames: dict[str, pd.DataFrame], path: str | Path) -> Path:
    """Write sheets to a CSV folder, or to a workbook when ``path`` ends in ``.xlsx``.

    Args:
        frames: sheet name → text frame (``collect_dataset`` output).
        path: target folder (created) or ``.xlsx`` file.

    Returns:
        The path written.
    """
    target = Path(path)
    if target.suffix.lower() == ".xlsx":
        target.parent.mkdir(parents=True, exist_ok=True)
        with pd.ExcelWriter(target, engine="xlsxwriter") as writer:
            for name, frame in frames.items():
                sheet = frame.copy()
                for column in _NUMERIC & set(sheet.columns):
                    # Numbers as numbers, so Excel users can sum them.
                    sheet[column] = pd.to_numeric(sheet[column], errors="coerce")
                sheet.to_excel(writer, sheet_name=name, index=False)
        return target
    target.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame.to_csv(target / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8")
    return target


def export_dataset(session: Session, path: str | Path) -> Path:
    """Export the whole database to ``path`` (folder of CSVs or ``.xlsx``)."""
    return write_dataset(collect_dataset(session), path)
