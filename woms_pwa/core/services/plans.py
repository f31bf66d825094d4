"""Read models of plans for the pages: lists, a plan by perspective, one key result."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from analytics.progress import Light, completion_ratio, elapsed_share, traffic_light
from woms_pwa.core import messages as msg
from woms_pwa.core.models import CheckIn, KeyResult, Period, Person, Plan, Task, Unit
from woms_pwa.core.permissions import Actor, PermissionDenied, require, scope_for
from woms_pwa.core.vocab import PERSPECTIVE_ORDER


@dataclass(frozen=True)
class PlanSummary:
    """One line of a plan list."""

    plan_id: int
    owner_code: str
    owner_name: str
    owner_type: str
    period: str
    status: str
    key_results: int
    is_mine: bool


@dataclass(frozen=True)
class KeyResultRow:
    """A key result as shown on a plan page."""

    code: str
    title: str
    kind: str
    breakthrough: bool
    unit: str
    direction: str
    baseline: float | None
    target: float
    current: float | None
    as_of: dt.date | None
    completion: float | None
    light: Light
    can_write: bool


@dataclass(frozen=True)
class TaskBlock:
    """A task with its key results."""

    code: str
    title: str
    area: str
    breakthrough: bool
    key_results: list[KeyResultRow]


@dataclass(frozen=True)
class PerspectiveBlock:
    """The tasks of one perspective, in the proposal's order."""

    perspective: str
    label: str
    tasks: list[TaskBlock]


@dataclass(frozen=True)
class PlanView:
    """A whole plan as the plan page shows it."""

    plan_id: int
    owner_code: str
    owner_name: str
    period: str
    status: str
    version: int
    as_of: dt.date | None
    can_write: bool
    perspectives: list[PerspectiveBlock] = field(default_factory=list)


@dataclass(frozen=True)
class CheckInRow:
    """One reading in a key result's history."""

    date: dt.date
    value: float
    note: str
    reporter: str
    created_at: dt.datetime


@dataclass(frozen=True)
class KeyResultDetail:
    """A key result with its plan context and history (check-in page)."""

    row: KeyResultRow
    task_title: str
    perspective: str
    owner_code: str
    owner_name: str
    period: str
    period_start: dt.date
    period_end: dt.date
    history: list[CheckInRow]


def _owner(session: Session, plan: Plan) -> tuple[str, str, str]:
    if plan.owner_unit_id is not None:
        unit = session.get(Unit, plan.owner_unit_id)
        assert unit is not None
        return unit.code, unit.name, "unit"
    person = session.get(Person, plan.owner_person_id)
    assert person is not None
    return person.code, person.full_name, "person"


def list_visible_plans(
    session: Session, actor: Actor, *, period: str | None = None
) -> list[PlanSummary]:
    """Return the plans the actor may see, theirs first, then by owner.

    Args:
        session: an open session.
        actor: the signed-in user.
        period: only this period code when given.
    """
    scope = scope_for(session, actor)
    counts: dict[int, int] = {
        plan_id: count
        for plan_id, count in session.execute(
            select(Task.plan_id, func.count(col(KeyResult.id)))
            .join(KeyResult, col(KeyResult.task_id) == col(Task.id))
            .group_by(col(Task.plan_id))
        ).all()
    }
    units = {u.id: u for u in session.execute(select(Unit)).scalars()}
    people = {p.id: p for p in session.execute(select(Person)).scalars()}
    periods = {p.id: p.code for p in session.execute(select(Period)).scalars()}
    rows: list[PlanSummary] = []
    for plan in session.execute(select(Plan)).scalars():
        if period and periods[plan.period_id] != period:
            continue
        if not scope.can_view_plan(plan):
            continue
        if plan.owner_unit_id is not None:
            unit = units[plan.owner_unit_id]
            code, name, kind = unit.code, unit.name, "unit"
            mine = plan.owner_unit_id == actor.unit_id
        else:
            person = people[plan.owner_person_id or 0]
            code, name, kind = person.code, person.full_name, "person"
            mine = plan.owner_person_id == actor.person_id
        rows.append(
            PlanSummary(
                plan.id or 0,
                code,
                name,
                kind,
                periods[plan.period_id],
                plan.status,
                counts.get(plan.id, 0),
                mine,
            )
        )
    rows.sort(
        key=lambda r: (
            not r.is_mine,
            # Mine: my personal plan first; others: units before people.
            r.owner_type != "person" if r.is_mine else r.owner_type != "unit",
            -int(r.period[:4]),
            r.period,
            r.owner_code,
        )
    )
    return rows


def _find_plan(session: Session, owner_code: str, period: str) -> Plan:
    period_row = session.execute(select(Period).where(Period.code == period)).scalar_one_or_none()
    unit = session.execute(select(Unit).where(Unit.code == owner_code)).scalar_one_or_none()
    key = None
    if unit is not None:
        key = f"U{unit.id}"
    else:
        person = session.execute(
            select(Person).where(Person.code == owner_code)
        ).scalar_one_or_none()
        if person is not None:
            key = f"P{person.id}"
    plan = None
    if key and period_row:
        plan = session.execute(
            select(Plan).where(Plan.owner_key == key, Plan.period_id == period_row.id)
        ).scalar_one_or_none()
    if plan is None:
        raise PermissionDenied(msg.NOT_FOUND_PLAN)
    return plan


def _kr_row(kr: KeyResult, elapsed: float, can_write: bool) -> KeyResultRow:
    completion = completion_ratio(kr.direction, kr.target, kr.current_value, kr.baseline)
    return KeyResultRow(
        code=kr.code,
        title=kr.title,
        kind=kr.kind,
        breakthrough=kr.breakthrough,
        unit=kr.unit,
        direction=kr.direction,
        baseline=kr.baseline,
        target=kr.target,
        current=kr.current_value,
        as_of=kr.current_as_of,
        completion=completion,
        light=traffic_light(kr.direction, completion, elapsed),
        can_write=can_write and kr.status == "active",
    )


def _plan_as_of(period: Period, krs: list[KeyResult], today: dt.date) -> dt.date:
    # Colour against the date of the freshest data, not the calendar: a plan
    # read after its period ended is judged on what was reported.
    latest = max((kr.current_as_of for kr in krs if kr.current_as_of), default=None)
    return min(latest or today, period.end_date, today)


def get_plan_view(
    session: Session, actor: Actor, owner_code: str, period: str, *, today: dt.date | None = None
) -> PlanView:
    """Return a plan grouped by perspective, checking that the actor may see it.

    Raises:
        PermissionDenied: no such plan, or not in the actor's scope.
    """
    plan = _find_plan(session, owner_code, period)
    scope = scope_for(session, actor)
    require(scope.can_view_plan(plan), msg.FORBIDDEN_VIEW)
    can_write = scope.can_write_plan(plan)
    period_row = session.get(Period, plan.period_id)
    assert period_row is not None
    tasks = list(
        session.execute(
            select(Task).where(Task.plan_id == plan.id).order_by(col(Task.position), col(Task.code))
        ).scalars()
    )
    krs = list(
        session.execute(
            select(KeyResult)
            .where(col(KeyResult.task_id).in_([t.id for t in tasks]))
            .order_by(col(KeyResult.position), col(KeyResult.code))
        ).scalars()
    )  # type: ignore[union-attr, arg-type]
    as_of = _plan_as_of(period_row, krs, today or dt.date.today())
    elapsed = elapsed_share(period_row.start_date, period_row.end_date, as_of)
    by_task: dict[int, list[KeyResultRow]] = {}
    for kr in krs:
        by_task.setdefault(kr.task_id, []).append(_kr_row(kr, elapsed, can_write))
    blocks = []
    for perspective in PERSPECTIVE_ORDER:
        items = [
            TaskBlock(t.code, t.title, t.area, t.breakthrough, by_task.get(t.id or 0, []))
            for t in tasks
            if t.perspective == perspective
        ]
        blocks.append(
            PerspectiveBlock(perspective.value, msg.PERSPECTIVE_LABELS[perspective], items)
        )
    code, name, _ = _owner(session, plan)
    return PlanView(
        plan.id or 0,
        code,
        name,
        period_row.code,
        plan.status,
        plan.version,
        as_of,
        can_write,
        blocks,
    )


def get_key_result_detail(
    session: Session,
    actor: Actor,
    kr_code: str,
    *,
    today: dt.date | None = None,
    history_limit: int = 24,
) -> KeyResultDetail:
    """Return one key result with its history, checking the actor may see it.

    Raises:
        PermissionDenied: no such key result, or not in the actor's scope.
    """
    kr = session.execute(select(KeyResult).where(KeyResult.code == kr_code)).scalar_one_or_none()
    if kr is None:
        raise PermissionDenied(msg.NOT_FOUND_KR.format(code=kr_code))
    task = session.get(Task, kr.task_id)
    assert task is not None
    plan = session.get(Plan, task.plan_id)
    assert plan is not None
    scope = scope_for(session, actor)
    require(scope.can_view_plan(plan), msg.FORBIDDEN_VIEW)
    period_row = session.get(Period, plan.period_id)
    assert period_row is not None
    as_of = min(kr.current_as_of or (today or dt.date.today()), period_row.end_date)
    row = _kr_row(
        kr,
        elapsed_share(period_row.start_date, period_row.end_date, as_of),
        scope.can_write_plan(plan),
    )
    people = {pid: name for pid, name in session.execute(select(Person.id, Person.full_name)).all()}
    checkins = session.execute(
        select(CheckIn)
        .where(CheckIn.kr_id == kr.id)
        .order_by(col(CheckIn.date).desc(), col(CheckIn.id).desc())
        .limit(history_limit)
    ).scalars()
    history = [
        CheckInRow(
            c.date, c.value, c.note, people.get(c.reported_by_person_id or 0, ""), c.created_at
        )
        for c in checkins
    ]
    code, name, _ = _owner(session, plan)
    return KeyResultDetail(
        row,
        task.title,
        task.perspective,
        code,
        name,
        period_row.code,
        period_row.start_date,
        period_row.end_date,
        history,
    )


def most_behind_unit(session: Session, actor: Actor, *, today: dt.date | None = None) -> str | None:
    """Name of the visible unit (not the province itself) with the most red key results.

    Used to suggest a useful first question to leaders; only unit plans of the
    newest year period are read.

    Args:
        session: an open session.
        actor: the signed-in user (only units in scope are considered).
        today: the reference date (defaults to today).
    """
    scope = scope_for(session, actor)
    period = session.execute(
        select(Period).where(Period.kind == "year").order_by(col(Period.year).desc()).limit(1)
    ).scalar_one_or_none()
    if period is None:
        return None
    rows = session.execute(
        sa_select(
            col(Unit.id),
            col(Unit.name),
            col(KeyResult.direction),
            col(KeyResult.target),
            col(KeyResult.current_value),
            col(KeyResult.baseline),
            col(KeyResult.current_as_of),
        )
        .join(Plan, col(Plan.owner_unit_id) == col(Unit.id))
        .join(Task, col(Task.plan_id) == col(Plan.id))
        .join(KeyResult, col(KeyResult.task_id) == col(Task.id))
        .where(
            Plan.period_id == period.id,
            col(Unit.parent_id).is_not(None),
            col(KeyResult.breakthrough).is_(False),
        )
    ).all()
    as_of = min(
        max(
            (row.current_as_of for row in rows if row.current_as_of),
            default=today or dt.date.today(),
        ),
        period.end_date,
    )
    elapsed = elapsed_share(period.start_date, period.end_date, as_of)
    reds: dict[int, int] = {}
    names: dict[int, str] = {}
    for row in rows:
        if not scope.can_view_unit(row.id):
            continue
        names[row.id] = row.name
        completion = completion_ratio(row.direction, row.target, row.current_value, row.baseline)
        if traffic_light(row.direction, completion, elapsed) is Light.RED:
            reds[row.id] = reds.get(row.id, 0) + 1
    if not reds:
        return None
    worst = max(reds, key=lambda unit_id: (reds[unit_id], names[unit_id]))
    return names[worst]
