"""Drafting services: create a plan from a template, add and edit tasks and key results.

Every change checks the actor's rights and that the plan is still editable
(draft or returned), and is written to the audit log in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func
from sqlmodel import Session, col, select

from analytics.vntext import normalize_text
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.models import KeyResult, Period, Plan, Task
from woms_pwa.core.periods import parse_period
from woms_pwa.core.permissions import Actor, require, scope_for
from woms_pwa.core.planning.common import (
    PlanningError,
    audit,
    editable_plan,
    owner_of_plan,
    resolve_owner,
)
from woms_pwa.core.planning.kr_input import (  # noqa: F401  (re-exported for callers)
    DATA_SOURCES,
    KR_FIELDS,
    KeyResultInput,
    parse_key_result_form,
)
from woms_pwa.core.planning.models import PlanReview
from woms_pwa.core.planning.templates import get_template, template_for_unit_kind
from woms_pwa.core.vocab import Perspective

TASK_PREFIX = {"service": "DV", "budget": "NS", "process": "CC", "learning": "HT"}


def ensure_period(session: Session, code: str) -> Period:
    """The period row of a code, created when missing.

    Raises:
        PlanningError: not a period code.
    """
    spec = parse_period(code)
    if spec is None:
        raise PlanningError(msg.PERIOD_INVALID.format(period=code))
    period = session.execute(select(Period).where(Period.code == spec.code)).scalar_one_or_none()
    if period is None:
        period = Period(
            code=spec.code,
            kind=spec.kind.value,
            year=spec.year,
            start_date=spec.start,
            end_date=spec.end,
        )
        session.add(period)
        session.flush()
    return period


def create_plan(
    session: Session,
    actor: Actor,
    *,
    owner_code: str,
    period: str,
    template: str | None = None,
    action: str = "create",
) -> Plan:
    """Create an empty draft plan for a unit or a person from a Đề cương template.

    Args:
        session: the open session.
        actor: who drafts it (must be able to write the owner's plans).
        owner_code: a unit or person code.
        period: ``2026``, ``2026-Q1`` or ``2026-01``.
        template: ``phu_luc_1`` / ``phu_luc_2``; chosen from the unit kind when omitted.
        action: the review action recorded (``create`` or ``rollover``).

    Raises:
        PlanningError: unknown owner, period or template, or a plan already exists.
        PermissionDenied: the actor may not write the owner's plans.
    """
    owner = resolve_owner(session, owner_code)
    period_row = ensure_period(session, period)
    chosen = get_template(template) if template else template_for_unit_kind(owner.unit.kind)
    if chosen is None:
        raise PlanningError(msg.TEMPLATE_UNKNOWN.format(template=template))
    plan = Plan(
        owner_key=owner.key,
        owner_unit_id=owner.unit.id if owner.kind == "unit" else None,
        owner_person_id=owner.person.id if owner.person else None,
        period_id=period_row.id or 0,
        status="draft",
        version=1,
        template=chosen.code,
    )
    require(scope_for(session, actor).can_write_plan(plan), msg.FORBIDDEN_PLAN_WRITE)
    exists = session.execute(
        select(Plan.id).where(Plan.owner_key == owner.key, Plan.period_id == period_row.id)
    ).first()
    if exists:
        raise PlanningError(msg.PLAN_EXISTS.format(period=period_row.code, owner=owner.name))
    session.add(plan)
    session.flush()
    session.add(
        PlanReview(
            plan_id=plan.id or 0,
            action=action,
            actor=actor.display_name or actor.username,
            actor_user_id=actor.user_id,
        )
    )
    audit(
        session,
        actor,
        "create",
        "plan",
        plan.id,
        f"{owner.code}/{period_row.code}",
        new=chosen.code,
    )
    return plan


def next_task_code(session: Session, plan_id: int, perspective: str) -> str:
    """The next free task code of a perspective in a plan (``DV3``, ``NS1`` …)."""
    prefix = TASK_PREFIX[perspective]
    codes = session.execute(select(Task.code).where(Task.plan_id == plan_id)).scalars()
    used = [int(m.group(1)) for c in codes if (m := re.fullmatch(rf"{prefix}(\d+)", c))]
    return f"{prefix}{max(used, default=0) + 1}"


def _task_fields(title: str, perspective: str) -> str:
    title = normalize_text(title)
    if not title:
        raise PlanningError(msg.TASK_TITLE_REQUIRED)
    if len(title) > 2000:
        raise PlanningError(msg.TASK_TITLE_TOO_LONG)
    if perspective not in {p.value for p in Perspective}:
        raise PlanningError(msg.PERSPECTIVE_INVALID)
    return title


def add_task(
    session: Session,
    actor: Actor,
    plan_id: int,
    *,
    title: str,
    perspective: str,
    area: str = "",
    reference: str = "",
    breakthrough: bool = False,
    weight: float | None = None,
) -> Task:
    """Add a task (Nhiệm vụ) to an editable plan.

    Args:
        reference: the resolution/directive the task implements.
    """
    plan = editable_plan(session, actor, plan_id)
    title = _task_fields(title, perspective)
    position = session.execute(
        select(func.count()).select_from(Task).where(Task.plan_id == plan.id)
    ).scalar_one()
    task = Task(
        plan_id=plan.id or 0,
        code=next_task_code(session, plan.id or 0, perspective),
        title=title,
        perspective=perspective,
        area=normalize_text(area)[:500],
        reference=normalize_text(reference)[:255] or None,
        breakthrough=breakthrough,
        weight=weight,
        position=int(position),
    )
    session.add(task)
    session.flush()
    audit(session, actor, "create", "task", task.id, task.code, new=title)
    return task


def update_task(session: Session, actor: Actor, task_id: int, **changes: object) -> Task:
    """Change a task's title, perspective, area, reference, breakthrough flag or weight."""
    task = _task(session, task_id)
    editable_plan(session, actor, task.plan_id)
    if "title" in changes or "perspective" in changes:
        changes["title"] = _task_fields(
            str(changes.get("title", task.title)), str(changes.get("perspective", task.perspective))
        )
    for name, value in changes.items():
        if name not in {"title", "perspective", "area", "reference", "breakthrough", "weight"}:
            continue
        old = getattr(task, name)
        if old != value:
            setattr(task, name, value)
            audit(
                session, actor, "update", "task", task.id, task.code, field=name, old=old, new=value
            )
    session.add(task)
    return task


def delete_task(session: Session, actor: Actor, task_id: int) -> None:
    """Remove a task and its key results from a draft (never from an approved plan)."""
    task = _task(session, task_id)
    editable_plan(session, actor, task.plan_id)
    for kr in session.execute(select(KeyResult).where(KeyResult.task_id == task.id)).scalars():
        audit(session, actor, "delete", "key_result", kr.id, kr.code, old=kr.title)
        session.delete(kr)
    audit(session, actor, "delete", "task", task.id, task.code, old=task.title)
    session.delete(task)
    session.flush()


def _task(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise PlanningError(msg.TASK_NOT_FOUND)
    return task


def new_kr_code(session: Session, plan: Plan, task: Task) -> str:
    """A globally unique key-result code: ``<owner>-<period>-<task>.<n>``."""
    owner = owner_of_plan(session, plan)
    period = session.get(Period, plan.period_id)
    assert period is not None
    stem = f"{owner.code}-{period.code}-{task.code}"
    n = 1 + int(
        session.execute(
            select(func.count()).select_from(KeyResult).where(KeyResult.task_id == task.id)
        ).scalar_one()
    )
    while session.execute(select(KeyResult.id).where(KeyResult.code == f"{stem}.{n}")).first():
        n += 1
    return f"{stem}.{n}"


def _check_due(session: Session, plan: Plan, due: dt.date | None) -> None:
    if due is None:
        return
    period = session.get(Period, plan.period_id)
    assert period is not None
    if not period.start_date <= due <= period.end_date:
        raise PlanningError(
            msg.KR_DUE_OUTSIDE.format(
                start=period.start_date.strftime("%d/%m/%Y"),
                end=period.end_date.strftime("%d/%m/%Y"),
            )
        )


def insert_key_result(
    session: Session, plan: Plan, task: Task, data: KeyResultInput, **extra: object
) -> KeyResult:
    """Insert a key result without permission checks (callers have checked)."""
    _check_due(session, plan, data.due)
    position = session.execute(
        select(func.count()).select_from(KeyResult).where(KeyResult.task_id == task.id)
    ).scalar_one()
    kr = KeyResult(
        task_id=task.id or 0,
        code=str(extra.pop("code", None) or new_kr_code(session, plan, task)),
        position=int(position),
        **data.as_columns(),  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
    )
    session.add(kr)
    session.flush()
    return kr


def add_key_result(session: Session, actor: Actor, task_id: int, data: KeyResultInput) -> KeyResult:
    """Add a key result (Mục tiêu then chốt) to a task of an editable plan."""
    task = _task(session, task_id)
    plan = editable_plan(session, actor, task.plan_id)
    kr = insert_key_result(session, plan, task, data)
    audit(session, actor, "create", "key_result", kr.id, kr.code, new=kr.title)
    return kr


def _kr(session: Session, code: str) -> KeyResult:
    kr = session.execute(select(KeyResult).where(KeyResult.code == code)).scalar_one_or_none()
    if kr is None:
        raise PlanningError(msg.KR_NOT_FOUND.format(code=code))
    return kr


def update_key_result(
    session: Session, actor: Actor, kr_code: str, data: KeyResultInput
) -> KeyResult:
    """Replace a key result's planned fields (audited field by field)."""
    kr = _kr(session, kr_code)
    task = _task(session, kr.task_id)
    plan = editable_plan(session, actor, task.plan_id)
    _check_due(session, plan, data.due)
    for name, value in data.as_columns().items():
        old = getattr(kr, name)
        if old != value:
            setattr(kr, name, value)
            audit(
                session,
                actor,
                "update",
                "key_result",
                kr.id,
                kr.code,
                field=name,
                old=old,
                new=value,
            )
    session.add(kr)
    return kr


def delete_key_result(session: Session, actor: Actor, kr_code: str) -> None:
    """Remove a key result from a draft plan."""
    kr = _kr(session, kr_code)
    task = _task(session, kr.task_id)
    editable_plan(session, actor, task.plan_id)
    audit(session, actor, "delete", "key_result", kr.id, kr.code, old=kr.title)
    session.delete(kr)
    session.flush()


def plan_key_results(session: Session, plan_id: int) -> list[tuple[Task, list[KeyResult]]]:
    """Tasks of a plan (in order) with their key results (in order)."""
    tasks = list(
        session.execute(
            select(Task).where(Task.plan_id == plan_id).order_by(col(Task.position), col(Task.id))
        ).scalars()
    )
    krs = session.execute(
        select(KeyResult)
        .where(col(KeyResult.task_id).in_([t.id for t in tasks]))
        .order_by(col(KeyResult.position), col(KeyResult.id))
    ).scalars()
    by_task: dict[int, list[KeyResult]] = {}
    for kr in krs:
        by_task.setdefault(kr.task_id, []).append(kr)
    return [(t, by_task.get(t.id or 0, [])) for t in tasks]
