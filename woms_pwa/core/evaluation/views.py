"""Read models of the evaluation pages: display-ready rows (Vietnamese text only).

Each function checks that the actor may see the subject, takes the scored
period (``runs.scored_run``: the province's run, recomputed only when the data
or the configuration changed) and returns plain rows; the pages only lay them
out. Records, steps and declarations are read fresh on every call.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlmodel import Session, col, select

from analytics.scoring import PERSPECTIVES, Rating
from analytics.scoring import explain as explain_text
from analytics.scoring.messages import CRITERION_LABELS
from analytics.vntext import format_date_vi, format_number_vi
from woms_pwa.core import messages as msg
from woms_pwa.core.evaluation.models import EvaluationItem, EvaluationRecord, EvaluationStance
from woms_pwa.core.evaluation.rights import (
    Subject,
    can_assess,
    can_conclude,
    can_self_assess,
    can_view,
    resolve_subject,
)
from woms_pwa.core.evaluation.runs import scored_run
from woms_pwa.core.evaluation.scoring import (
    EvaluationRun,
    key_result_titles,
    parse_period_or_fail,
)
from woms_pwa.core.messages import evaluation as emsg
from woms_pwa.core.models import Period, Person, Unit, UserAccount
from woms_pwa.core.permissions import Actor, require

Row = dict[str, str]


def _num(value: Any) -> str:
    return "—" if value is None or pd.isna(value) else format_number_vi(float(value), 2)


def _label(rating: str | None) -> str:
    return Rating(rating).label if rating else emsg.NO_RATING


def _when(value: dt.datetime | None) -> str:
    return format_date_vi(value.date()) if value else ""


@dataclass(frozen=True)
class EvaluationView:
    """Everything a person or unit evaluation page shows.

    ``summary`` holds ``name``, ``unit``, ``period``, ``as_of``, ``status``,
    ``status_label``, ``total``, ``rating``, ``rating_label``, ``official``
    (label or empty), ``explanation``; ``criteria`` the per-criterion (person)
    or per-perspective (unit) rows; ``steps`` the workflow history; ``items``
    the declarations; ``key_results`` per-key-result rows (units);
    ``portfolio`` all periods' records (people).
    """

    subject: Subject
    summary: Row
    criteria: list[Row]
    steps: list[Row]
    items: list[Row]
    stance: Row
    can_self: bool
    can_assess: bool
    can_conclude: bool
    key_results: list[Row] = field(default_factory=list)
    portfolio: list[Row] = field(default_factory=list)


def _record(session: Session, subject: Subject, period: str) -> EvaluationRecord | None:
    period_row = session.execute(select(Period).where(Period.code == period)).scalar_one_or_none()
    if period_row is None:
        return None
    return session.execute(
        select(EvaluationRecord).where(
            EvaluationRecord.subject_key == subject.key,
            EvaluationRecord.period_id == period_row.id,
        )
    ).scalar_one_or_none()


def _user_names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(UserAccount).where(col(UserAccount.id).in_(wanted))).scalars()
    return {u.id or 0: u.display_name or u.username for u in rows}


def _steps(session: Session, record: EvaluationRecord | None) -> list[Row]:
    if record is None:
        return []
    names = _user_names(
        session, {record.self_user_id, record.assess_user_id, record.concluded_by_user_id}
    )
    steps = []
    for label, at, who, rating, comment in (
        (emsg.STEP_SELF, record.self_at, record.self_user_id, record.self_rating,
         record.self_comment),
        (emsg.STEP_ASSESS, record.assess_at, record.assess_user_id, record.assess_rating,
         record.assess_comment),
        (emsg.STEP_CONCLUDE, record.concluded_at, record.concluded_by_user_id,
         record.conclusion_rating, record.conclusion_comment),
    ):  # fmt: skip
        if at is None:
            continue
        steps.append(
            {
                "step": label,
                "who": f"{names.get(who or 0, '')} · {_when(at)}",
                "rating": _label(rating) if rating else "",
                "comment": comment or "",
            }
        )
    return steps


def _items(session: Session, record: EvaluationRecord | None) -> list[Row]:
    if record is None:
        return []
    rows = session.execute(
        select(EvaluationItem)
        .where(EvaluationItem.record_id == record.id)
        .order_by(col(EvaluationItem.id))
    ).scalars()
    out = []
    for item in rows:
        scope = emsg.SCOPE_LABELS.get(item.scope or "") or emsg.LEARNING_LABELS.get(
            item.scope or "", ""
        )
        perspective = msg.PERSPECTIVE_LABELS.get(item.perspective or "", "")
        out.append(
            {
                "id": str(item.id),
                "kind": emsg.ITEM_KIND_LABELS[item.kind],
                "title": item.title,
                "detail": item.detail,
                "extra": " · ".join(x for x in (scope, perspective) if x),
                "status": item.status,
                "status_label": emsg.ITEM_STATUS_LABELS[item.status],
                "points": "" if item.points is None else _num(item.points),
            }
        )
    return out


def _stance(session: Session, record: EvaluationRecord | None) -> Row:
    if record is None:
        return {}
    rows = {
        s.stage: s
        for s in session.execute(
            select(EvaluationStance).where(EvaluationStance.record_id == record.id)
        ).scalars()
    }
    out: Row = {}
    for stage, row in rows.items():
        for name in emsg.STANCE_FIELDS:
            value = getattr(row, name)
            out[f"{stage}_{name}"] = "" if value is None else format_number_vi(value, 1)
        out[f"{stage}_level"] = "" if row.level is None else str(row.level)
    return out


def _summary(
    subject: Subject, run: EvaluationRun, record: EvaluationRecord | None, row: Any
) -> Row:
    status = record.status if record else "draft"
    official = _label(record.conclusion_rating) if record and record.conclusion_rating else ""
    return {
        "code": subject.code,
        "name": subject.name,
        "unit": run.unit_names.get(subject.unit_code, subject.unit_code),
        "period": run.period,
        "as_of": format_date_vi(run.as_of),
        "status": status,
        "status_label": emsg.STATUS_LABELS[status],
        "total": _num(row["total"]) if row is not None else "—",
        "rating": "" if row is None or pd.isna(row["rating"]) else str(row["rating"]),
        "rating_label": row["rating_label"] if row is not None else emsg.NO_RATING,
        "official": official,
        "official_comment": record.conclusion_comment if record else "",
    }


def _freeze_concluded(summary: Row, record: EvaluationRecord | None) -> None:
    """Once concluded, show the total and the "why" stored with the conclusion."""
    if record is not None and record.conclusion_explanation:
        summary["explanation"] = record.conclusion_explanation
        summary["total"] = _num(record.conclusion_total)


def portfolio(session: Session, actor: Actor, person_code: str) -> list[Row]:
    """Every evaluation record of a person, newest period first (the talent portfolio)."""
    subject = resolve_subject(session, person_code)
    require(can_view(session, actor, subject), emsg.FORBIDDEN_VIEW)
    rows = session.execute(
        select(EvaluationRecord, Period)
        .join(Period, col(Period.id) == col(EvaluationRecord.period_id))
        .where(EvaluationRecord.subject_key == subject.key)
        .order_by(col(Period.start_date).desc(), col(Period.code))
    ).all()
    return [
        {
            "period": period.code,
            "status_label": emsg.STATUS_LABELS[record.status],
            "rating_label": _label(record.conclusion_rating) if record.conclusion_rating else "",
            "total": _num(record.conclusion_total),
            "concluded": _when(record.concluded_at),
        }
        for record, period in rows
    ]


def person_view(
    session: Session, actor: Actor, person_code: str, period: str, as_of: Any = None
) -> EvaluationView:
    """A person's evaluation for a period: scores, why, workflow and portfolio."""
    spec = parse_period_or_fail(period)
    subject = resolve_subject(session, person_code)
    require(subject.kind == "person", msg.UNKNOWN_PERSON.format(code=person_code))
    require(can_view(session, actor, subject), emsg.FORBIDDEN_VIEW)
    run = scored_run(session, spec.code, as_of)
    people = run.individual.people
    found = people.loc[people["code"] == subject.code]
    row = found.iloc[0] if not found.empty else None
    record = _record(session, subject, spec.code)
    criteria = []
    if row is not None:
        for name in ("stance", "tasks", "initiatives", "learning"):
            criteria.append({"label": CRITERION_LABELS[name], "score": _num(row[name])})
    summary = _summary(subject, run, record, row)
    summary["explanation"] = run.individual.explain(subject.code) if row is not None else ""
    _freeze_concluded(summary, record)
    return EvaluationView(
        subject=subject,
        summary=summary,
        criteria=criteria,
        steps=_steps(session, record),
        items=_items(session, record),
        stance=_stance(session, record),
        can_self=can_self_assess(session, actor, subject),
        can_assess=can_assess(session, actor, subject),
        can_conclude=can_conclude(session, actor, subject),
        portfolio=portfolio(session, actor, person_code),
    )


def _key_result_rows(session: Session, run: EvaluationRun, owner_code: str) -> list[Row]:
    krs = run.scores.key_results
    mine = krs.loc[krs["owner_code"] == owner_code]
    titles = key_result_titles(session, [int(i) for i in mine["kr_id"]])
    rows = []
    order = {p: i for i, p in enumerate(PERSPECTIVES)}
    records = sorted(
        mine.to_dict("records"), key=lambda r: (order[r["perspective"]], r["task_code"])
    )
    for record in records:
        title, task_title = titles.get(int(record["kr_id"]), ("", ""))
        record = {**record, "title": title, "task_title": task_title}
        rows.append(
            {
                "code": record["kr_code"],
                "title": title,
                "task": f"{record['task_code']} – {task_title}",
                "perspective": msg.PERSPECTIVE_LABELS[record["perspective"]],
                "score": _num(record["score"]),
                "completion": _num(100 * record["completion"]) + "%",
                "excluded": "1" if record["excluded"] else "0",
                "why": explain_text.key_result(record, run.scores.policy, run.scores.as_of),
            }
        )
    return rows


def unit_view(
    session: Session, actor: Actor, unit_code: str, period: str, as_of: Any = None
) -> EvaluationView:
    """A unit's collective evaluation: perspectives, each key result and why."""
    spec = parse_period_or_fail(period)
    unit = session.execute(select(Unit).where(Unit.code == unit_code)).scalar_one_or_none()
    require(unit is not None, msg.UNKNOWN_UNIT.format(code=unit_code))
    assert unit is not None
    subject = Subject("unit", unit.code, unit.name, unit.id or 0, unit.code)
    require(can_view(session, actor, subject), emsg.FORBIDDEN_VIEW)
    run = scored_run(session, spec.code, as_of)
    units = run.collective.units
    found = units.loc[units["code"] == unit.code]
    row = found.iloc[0] if not found.empty else None
    record = _record(session, subject, spec.code)
    criteria = [
        {
            "label": msg.PERSPECTIVE_LABELS[p],
            "score": _num(row[p]) if row is not None else "—",
        }
        for p in PERSPECTIVES
    ]
    summary = _summary(subject, run, record, row)
    summary["explanation"] = run.collective.explain(unit.code) if row is not None else ""
    _freeze_concluded(summary, record)
    return EvaluationView(
        subject=subject,
        summary=summary,
        criteria=criteria,
        steps=_steps(session, record),
        items=_items(session, record),
        stance={},
        can_self=can_self_assess(session, actor, subject),
        can_assess=can_assess(session, actor, subject),
        can_conclude=can_conclude(session, actor, subject),
        key_results=_key_result_rows(session, run, unit.code) if row is not None else [],
    )


def review_queue(session: Session, actor: Actor, period: str) -> list[Row]:
    """Records of the period the actor may assess or conclude, waiting for them."""
    spec = parse_period_or_fail(period)
    rows = session.execute(
        select(EvaluationRecord)
        .join(Period, col(Period.id) == col(EvaluationRecord.period_id))
        .where(
            Period.code == spec.code, col(EvaluationRecord.status).in_(["submitted", "assessed"])
        )
    ).scalars()
    out = []
    for record in rows:
        if record.person_id is not None:
            person = session.get(Person, record.person_id)
            code = person.code if person else ""
        else:
            unit = session.get(Unit, record.unit_id)
            code = unit.code if unit else ""
        subject = resolve_subject(session, code)
        if record.status == "submitted" and not can_assess(session, actor, subject):
            continue
        if record.status == "assessed" and not can_conclude(session, actor, subject):
            continue
        out.append(
            {
                "code": subject.code,
                "name": subject.name,
                "kind": subject.kind,
                "status_label": emsg.STATUS_LABELS[record.status],
            }
        )
    return sorted(out, key=lambda r: (r["kind"], r["code"]))


def default_period(session: Session) -> str:
    """The latest year that has a period row (the current year when none)."""
    year = session.execute(
        select(Period.year).where(Period.kind == "year").order_by(col(Period.year).desc())
    ).first()
    return str(year[0]) if year else str(dt.date.today().year)
