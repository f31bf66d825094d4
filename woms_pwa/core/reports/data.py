"""The data of a unit's report (month, quarter, year, week) as one JSON-ready payload.

The PDF and the Excel file are drawn from this payload only, and its
fingerprint (SHA-256 of its canonical JSON) is printed on every page: the same
data gives the same file content, and a signed paper copy can be checked
against the system by recomputing the fingerprint.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import text
from sqlmodel import Session

from analytics.dashboard import light_key_results, unit_heatmap
from analytics.scoring import PERSPECTIVES, evaluate_collective, score_units
from woms_pwa.core import messages as msg
from woms_pwa.core.messages import reports as rmsg
from woms_pwa.core.permissions import Actor, PermissionDenied, scope_for
from woms_pwa.core.reports.periods import ReportInputError, ReportPeriod, next_quarter
from woms_pwa.core.services.frames import checkin_frame, key_result_frame


@dataclass(frozen=True)
class UnitReport:
    """A report's payload and its fingerprint."""

    payload: dict[str, Any]
    fingerprint: str


def fingerprint(payload: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of ``payload`` (sorted keys, NFC text)."""
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(unicodedata.normalize("NFC", blob).encode("utf-8")).hexdigest()


def _num(value: Any, digits: int = 2) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), digits)


def _unit_row(session: Session, unit_code: str) -> tuple[int, str, str, str]:
    row = session.execute(
        text(
            "SELECT u.id, u.name, COALESCE(p.name, ''), u.kind FROM unit u "
            "LEFT JOIN unit p ON p.id = u.parent_id WHERE u.code = :c"
        ),
        {"c": unit_code},
    ).one_or_none()
    if row is None:
        raise ReportInputError(msg.UNKNOWN_UNIT.format(code=unit_code))
    return int(row[0]), str(row[1]), str(row[2]), str(row[3])


def _head_name(session: Session, unit_id: int) -> str:
    row = session.execute(
        text(
            "SELECT full_name FROM person WHERE unit_id = :u AND is_head = :t ORDER BY code LIMIT 1"
        ),
        {"u": unit_id, "t": True},
    ).one_or_none()
    return "" if row is None else str(row[0])


def _notes(
    session: Session, unit_id: int, kr_codes: dict[int, str], period: ReportPeriod
) -> list[dict[str, Any]]:
    params = {"u": unit_id, "s": period.start, "e": period.end}
    rows: list[dict[str, Any]] = []
    for day, kr_id, author, body in session.execute(
        text(
            "SELECT date, kr_id, COALESCE(author, ''), text FROM note "
            "WHERE unit_id = :u AND date >= :s AND date <= :e"
        ),
        params,
    ):
        rows.append(
            {"date": str(day), "kr": kr_codes.get(kr_id or 0, ""), "author": author, "text": body}
        )
    if kr_codes:
        ids = ",".join(str(int(i)) for i in kr_codes)
        for day, kr_id, body, blocker in session.execute(
            text(
                "SELECT c.date, c.kr_id, c.note, COALESCE(c.blocker_text, '') FROM check_in c "
                f"WHERE c.kr_id IN ({ids}) AND c.date >= :s AND c.date <= :e"
            ),
            {"s": period.start, "e": period.end},
        ):
            content = " ".join(part for part in (body or "", blocker) if part).strip()
            if content:
                rows.append(
                    {"date": str(day), "kr": kr_codes[kr_id], "author": "", "text": content}
                )
    return sorted(rows, key=lambda r: (r["date"], r["kr"], r["text"]))


def build_unit_report(
    session: Session, actor: Actor, unit_code: str, period: ReportPeriod
) -> UnitReport:
    """Gather a unit's report for ``period`` from its annual plan, as of the period's end.

    Raises:
        ReportInputError: unknown unit, or no plan for the year.
        PermissionDenied: the actor may not see the unit.
    """
    unit_id, unit_name, parent_name, _ = _unit_row(session, unit_code)
    if not scope_for(session, actor).can_view_unit(unit_id):
        raise PermissionDenied(rmsg.REPORT_FORBIDDEN)
    # Only this unit's plan (and, for the annual report, its people's plans):
    # reading the whole province would cost seconds for one unit's report.
    plan_ids = session.execute(
        text(
            "SELECT p.id FROM plan p JOIN period per ON per.id = p.period_id"
            " WHERE per.code = :y AND (p.owner_unit_id = :u OR p.owner_person_id IN"
            " (SELECT id FROM person WHERE unit_id = :u))"
        ),
        {"y": str(period.year), "u": unit_id},
    ).scalars()
    frame = key_result_frame(session, plan_ids=list(plan_ids))
    frame = frame[frame["status"] == "active"]
    own = frame[(frame["owner_type"] == "unit") & (frame["owner_code"] == unit_code)]
    if own.empty:
        raise ReportInputError(rmsg.REPORT_NO_PLAN.format(unit=unit_code, year=period.year))
    people = frame[(frame["owner_type"] == "person") & (frame["home_unit_id"] == unit_id)]
    scope_frame = pd.concat([own, people] if period.kind == "annual" else [own])
    scope_frame = scope_frame.reset_index(drop=True)
    checkins = checkin_frame(session, kr_ids=scope_frame["kr_id"].tolist(), until=period.end)
    scores = score_units(scope_frame, checkins, as_of=period.end)
    krs = light_key_results(scores, period.end)
    unit_krs = krs[krs["owner_code"] == unit_code]
    heat = unit_heatmap(unit_krs, scores, unit_krs[["owner_code", "owner_name", "owner_unit_kind"]])
    cell = heat.iloc[0].to_dict()
    payload: dict[str, Any] = {
        "kind": period.kind,
        "period": period.code,
        "title": period.title,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "unit_code": unit_code,
        "unit_name": unit_name,
        "parent_name": parent_name,
        "head_name": _head_name(session, unit_id),
        "summary": {
            "total": int(cell["n_key_results"]),
            "green": int(cell["n_green"]),
            "yellow": int(cell["n_yellow"]),
            "red": int(cell["n_red"]),
            "none": int(cell["n_none"]),
            "score": _num(cell["total"]),
        },
        "perspectives": [
            {
                "code": p,
                "label": msg.PERSPECTIVE_LABELS[p],
                "score": _num(cell[f"{p}_score"]),
                "health": _num(cell[f"{p}_health"], 4),
                "light": cell[f"{p}_light"],
            }
            for p in PERSPECTIVES
        ],
        "key_results": _kr_rows(unit_krs),
        "notes": _notes(
            session, unit_id, dict(zip(unit_krs["kr_id"], unit_krs["kr_code"], strict=True)), period
        ),
    }
    if period.kind == "quarterly":
        payload["next_plan"] = _next_plan(unit_krs, period)
    if period.kind == "annual":
        payload["rating"] = _unit_rating(scores, unit_code)
        payload["people"] = _people_rows(scores, krs)
    return UnitReport(payload, fingerprint(payload))


def _kr_rows(krs: pd.DataFrame) -> list[dict[str, Any]]:
    order = {p: i for i, p in enumerate(PERSPECTIVES)}
    frame = krs.assign(_p=krs["perspective"].map(order)).sort_values(["_p", "task_code", "kr_code"])
    rows = []
    for row in frame.to_dict("records"):
        rows.append(
            {
                "perspective": row["perspective"],
                "task_code": row["task_code"],
                "task": row["task_title"],
                "code": row["kr_code"],
                "title": row["title"],
                "unit": row["unit"] or "",
                "kind": row["kind"],
                "breakthrough": bool(row["breakthrough"]),
                "target": _num(row["target"]),
                "actual": _num(row["actual"]),
                "completion": None
                if row["completion_rule"] == "no_data"
                else _num(row["completion"], 4),
                "score": _num(row["score"]),
                "light": row["light"],
            }
        )
    return rows


def _next_plan(krs: pd.DataFrame, period: ReportPeriod) -> list[dict[str, Any]]:
    """Draft cumulative targets at the next quarter's end, on a straight path to the target."""
    _start, end = next_quarter(period)
    rows = []
    for row in krs.sort_values(["task_code", "kr_code"]).to_dict("records"):
        if row["light"] == "green" and row["completion"] >= 1.0:
            continue
        p_start = pd.Timestamp(row["period_start"]).date()
        p_end = pd.Timestamp(row["period_end"]).date()
        total = (p_end - p_start).days + 1
        share = min(1.0, max(0.0, ((min(end, p_end) - p_start).days + 1) / total))
        target = float(row["target"])
        if row["direction"] == "milestone" or row["direction"] == "decrease":
            proposed = target
        else:
            proposed = round(target * share, 2)
        rows.append(
            {
                "code": row["kr_code"],
                "title": row["title"],
                "unit": row["unit"] or "",
                "actual": _num(row["actual"]),
                "proposed": proposed,
                "by": min(end, p_end).isoformat(),
            }
        )
    return rows


def _unit_rating(scores: Any, unit_code: str) -> str:
    units = evaluate_collective(scores)
    label = units.units.loc[units.units["code"] == unit_code, "rating_label"]
    return "" if label.empty else str(label.iloc[0])


def _people_rows(scores: Any, krs: pd.DataFrame) -> list[dict[str, Any]]:
    people = scores.owners[scores.owners["owner_type"] == "person"]
    names = krs.drop_duplicates("owner_code").set_index("owner_code")["owner_name"]
    return [
        {
            "code": row["owner_code"],
            "name": str(names.get(row["owner_code"], "")),
            "score": _num(row["total"]),
            "n_key_results": int(row["n_key_results"]),
        }
        for row in people.sort_values("owner_code").to_dict("records")
    ]


def report_date(payload: dict[str, Any]) -> dt.date:
    """The document date: the period's last day (fixed, for reproducible files)."""
    return dt.date.fromisoformat(payload["end"])
