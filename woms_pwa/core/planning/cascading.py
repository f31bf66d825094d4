"""Cascading: push a key result down to child units, people or shorter periods.

A cascaded key result lives in the child's own plan (draft, created when
missing) with ``parent_kr_id`` pointing up and ``cascade_mode`` saying whether
it is mandatory or suggested. The arithmetic (sums for counts and money,
levels for percentages, the unallocated remainder, the roll-up of progress) is
``analytics.cascade``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from analytics.cascade import Allocation, AllocationCheck, check_allocations, roll_up
from woms_pwa.core import messages as base_msg
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.models import KeyResult, Period, Plan, Task
from woms_pwa.core.permissions import Actor, require, scope_for, subtree
from woms_pwa.core.planning.common import (
    EDITABLE,
    PlanningError,
    audit,
    owner_of_plan,
    resolve_owner,
)
from woms_pwa.core.planning.drafting import (
    KeyResultInput,
    create_plan,
    ensure_period,
    insert_key_result,
    next_task_code,
)

MODES = ("mandatory", "suggested")


@dataclass(frozen=True)
class CascadeTarget:
    """A child (unit or person code, optionally a shorter period) and its share."""

    owner_code: str
    target: float
    period: str | None = None


@dataclass(frozen=True)
class ChildRow:
    """One child key result of a cascaded parent."""

    kr_code: str
    owner_code: str
    owner_name: str
    period: str
    relation: str  # units | people | periods
    target: float
    current: float | None
    mode: str


@dataclass(frozen=True)
class CascadeStatus:
    """A parent key result, its children, the allocation checks and the rolled-up progress."""

    kr_code: str
    title: str
    unit: str
    target: float
    children: list[ChildRow]
    checks: dict[str, AllocationCheck] = field(default_factory=dict)
    rolled_up: dict[str, float | None] = field(default_factory=dict)
    direction: str = "increase"


def _kr_and_plan(session: Session, kr_code: str) -> tuple[KeyResult, Task, Plan]:
    kr = session.execute(select(KeyResult).where(KeyResult.code == kr_code)).scalar_one_or_none()
    if kr is None:
        raise PlanningError(msg.KR_NOT_FOUND.format(code=kr_code))
    task = session.get(Task, kr.task_id)
    assert task is not None
    plan = session.get(Plan, task.plan_id)
    assert plan is not None
    return kr, task, plan


def _child_plan(session: Session, actor: Actor, parent: Plan, item: CascadeTarget) -> Plan:
    parent_owner = owner_of_plan(session, parent)
    child = resolve_owner(session, item.owner_code)
    parent_period = session.get(Period, parent.period_id)
    assert parent_period is not None
    period = ensure_period(session, item.period or parent_period.code)
    same_owner = child.key == parent_owner.key
    inside = (
        parent_period.start_date <= period.start_date <= period.end_date <= parent_period.end_date
    )
    below = (child.unit.id or 0) in subtree(session, parent_owner.unit.id or 0) and (
        child.kind == "person" or child.unit.id != parent_owner.unit.id
    )
    if (
        not inside
        or (same_owner and period.id == parent_period.id)
        or (not same_owner and not below)
    ):
        raise PlanningError(
            msg.CASCADE_NOT_CHILD.format(child=child.name, parent=parent_owner.name)
        )
    plan = session.execute(
        select(Plan).where(Plan.owner_key == child.key, Plan.period_id == period.id)
    ).scalar_one_or_none()
    if plan is None:
        plan = create_plan(
            session, Actor.system(actor.username), owner_code=child.code, period=period.code
        )
    elif plan.status not in EDITABLE:
        raise PlanningError(msg.CASCADE_CHILD_LOCKED.format(child=child.name))
    return plan


def cascade_key_result(
    session: Session,
    actor: Actor,
    kr_code: str,
    targets: list[CascadeTarget],
    *,
    mode: str = "mandatory",
) -> CascadeStatus:
    """Give each child a share of a key result's target (creating or updating its copy).

    Args:
        session: the open session.
        actor: must be able to write the parent's plan.
        kr_code: the parent key result.
        targets: the children and their allocations.
        mode: ``mandatory`` or ``suggested``.

    Returns:
        The parent's cascade status after the change (with allocation checks).

    Raises:
        PlanningError: bad mode, no children, a child outside the parent's subtree,
            or a child's plan already submitted/approved.
        PermissionDenied: the actor may not write the parent's plan.
    """
    if mode not in MODES:
        raise PlanningError(msg.CASCADE_MODE_INVALID)
    if not targets:
        raise PlanningError(msg.CASCADE_NO_CHILDREN)
    parent, parent_task, parent_plan = _kr_and_plan(session, kr_code)
    require(scope_for(session, actor).can_write_plan(parent_plan), msg.FORBIDDEN_PLAN_WRITE)
    for item in targets:
        plan = _child_plan(session, actor, parent_plan, item)
        existing = session.execute(
            select(KeyResult)
            .join(Task, col(Task.id) == col(KeyResult.task_id))
            .where(KeyResult.parent_kr_id == parent.id, Task.plan_id == plan.id)
        ).scalar_one_or_none()
        if existing is not None:
            audit(
                session,
                actor,
                "cascade_update",
                "key_result",
                existing.id,
                existing.code,
                field="target",
                old=existing.target,
                new=item.target,
            )
            existing.target, existing.cascade_mode = item.target, mode
            session.add(existing)
            continue
        task = (
            session.execute(
                select(Task).where(
                    Task.plan_id == plan.id,
                    Task.title == parent_task.title,
                    Task.perspective == parent_task.perspective,
                )
            )
            .scalars()
            .first()
        )
        if task is None:
            task = Task(
                plan_id=plan.id or 0,
                code=next_task_code(session, plan.id or 0, parent_task.perspective),
                title=parent_task.title,
                perspective=parent_task.perspective,
                area=parent_task.area,
                reference=parent_task.reference,
                breakthrough=parent_task.breakthrough,
                position=len(session.execute(select(Task.id).where(Task.plan_id == plan.id)).all()),
            )
            session.add(task)
            session.flush()
            audit(
                session,
                actor,
                "create",
                "task",
                task.id,
                task.code,
                new=task.title,
                reason=f"cascade ← {parent.code}",
            )
        data = KeyResultInput(
            title=parent.title,
            target=item.target,
            unit=parent.unit,
            baseline=parent.baseline,
            direction=parent.direction,
            kind=parent.kind,
            breakthrough=parent.breakthrough,
            due=parent.due if parent.due and _within(session, plan, parent.due) else None,
            data_source=parent.data_source,
            evidence_required=parent.evidence_required,
            metric_code=parent.metric_code,
        )
        kr = insert_key_result(session, plan, task, data, parent_kr_id=parent.id, cascade_mode=mode)
        audit(
            session,
            actor,
            "cascade",
            "key_result",
            kr.id,
            kr.code,
            new=item.target,
            reason=f"{mode} ← {parent.code}",
        )
    session.flush()
    return cascade_status(session, actor, kr_code)


def _within(session: Session, plan: Plan, day: object) -> bool:
    period = session.get(Period, plan.period_id)
    assert period is not None
    return bool(period.start_date <= day <= period.end_date)  # type: ignore[operator]


def cascade_status(session: Session, actor: Actor, kr_code: str) -> CascadeStatus:
    """The children of a key result with allocation checks and roll-up, per relation.

    Relations are checked separately: child units against the unit's target
    (must add up), people against it (must cover it; more is fine), and
    shorter periods of the same owner (quarters, months) against the year.
    """
    parent, _, parent_plan = _kr_and_plan(session, kr_code)
    require(scope_for(session, actor).can_view_plan(parent_plan), base_msg.FORBIDDEN_VIEW)
    parent_owner = owner_of_plan(session, parent_plan)
    rows = session.execute(
        select(KeyResult, Plan, Period)
        .join(Task, col(Task.id) == col(KeyResult.task_id))
        .join(Plan, col(Plan.id) == col(Task.plan_id))
        .join(Period, col(Period.id) == col(Plan.period_id))
        .where(KeyResult.parent_kr_id == parent.id, KeyResult.status == "active")
    ).all()
    children = []
    for kr, plan, period in rows:
        owner = owner_of_plan(session, plan)
        if owner.key == parent_owner.key:
            relation = f"periods:{period.kind}"
        else:
            relation = "people" if owner.kind == "person" else "units"
        children.append(
            ChildRow(
                kr.code,
                owner.code,
                owner.name,
                period.code,
                relation,
                kr.target,
                kr.current_value,
                kr.cascade_mode or "",
            )
        )
    status = CascadeStatus(
        parent.code, parent.title, parent.unit, parent.target, children, direction=parent.direction
    )
    for relation in sorted({c.relation for c in children}):
        group = [c for c in children if c.relation == relation]
        short = {"units": "UNDER_ALLOCATED", "people": "PEOPLE_SHORT"}.get(
            relation, "PERIODS_SHORT"
        )
        status.checks[relation] = check_allocations(
            title=parent.title,
            unit=parent.unit,
            direction=parent.direction,
            target=parent.target,
            allocations=[Allocation(c.owner_name + " " + c.period, c.target) for c in group],
            short_code=short,
            allow_over=relation == "people",
        )
        status.rolled_up[relation] = roll_up(
            parent.unit, parent.direction, [(c.current, 1.0) for c in group]
        )
    return status


def cascade_gaps(session: Session, plan_ids: list[int]) -> dict[int, list[tuple[str, str, str]]]:
    """Allocation problems of every cascaded key result in the given plans.

    Returns:
        plan id → ``(kr_code, code, message)`` for each failing allocation.
    """
    parents = session.execute(
        select(KeyResult.code, Task.plan_id)
        .join(Task, col(Task.id) == col(KeyResult.task_id))
        .where(col(Task.plan_id).in_(plan_ids))
        .where(
            col(KeyResult.id).in_(
                select(KeyResult.parent_kr_id).where(col(KeyResult.parent_kr_id).is_not(None))
            )
        )
    ).all()
    out: dict[int, list[tuple[str, str, str]]] = {}
    system = Actor.system()
    for code, plan_id in parents:
        status = cascade_status(session, system, code)
        for check in status.checks.values():
            for problem_code, message in check.problems:
                out.setdefault(plan_id, []).append((code, problem_code, message))
    return out


@dataclass(frozen=True)
class Candidate:
    """A unit or person that may receive a share of a key result."""

    code: str
    name: str
    kind: str  # unit | person
    target: float | None  # the share already given, if any


def cascade_candidates(session: Session, actor: Actor, kr_code: str) -> list[Candidate]:
    """Child units and people of the key result's owner, with their current shares.

    Raises:
        PlanningError: no such key result.
        PermissionDenied: the actor may not write the key result's plan.
    """
    from woms_pwa.core.models import Person, Unit

    _, _, plan = _kr_and_plan(session, kr_code)
    require(scope_for(session, actor).can_write_plan(plan), msg.FORBIDDEN_PLAN_WRITE)
    owner = owner_of_plan(session, plan)
    given = {
        c.owner_code: c.target
        for c in cascade_status(session, actor, kr_code).children
        if not c.relation.startswith("periods")
    }
    if owner.kind == "person":
        return []
    units = session.execute(
        select(Unit).where(Unit.parent_id == owner.unit.id).order_by(col(Unit.code))
    ).scalars()
    people = session.execute(
        select(Person).where(Person.unit_id == owner.unit.id).order_by(col(Person.code))
    ).scalars()
    out = [Candidate(u.code, u.name, "unit", given.get(u.code)) for u in units]
    out += [Candidate(p.code, p.full_name, "person", given.get(p.code)) for p in people]
    return out
