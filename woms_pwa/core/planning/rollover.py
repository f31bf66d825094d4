"""Roll-over: start next year's plan from this year's (tasks and key results, not progress)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from woms_pwa.core.messages import planning as msg
from woms_pwa.core.models import Period, Plan, Task
from woms_pwa.core.permissions import Actor, require, scope_for
from woms_pwa.core.planning.common import PlanningError, audit, resolve_owner
from woms_pwa.core.planning.drafting import (
    KeyResultInput,
    create_plan,
    insert_key_result,
    plan_key_results,
)


def _shift(day: dt.date | None, years: int) -> dt.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def rollover_plan(
    session: Session, actor: Actor, *, owner_code: str, from_period: str, to_period: str
) -> Plan:
    """Create the ``to_period`` draft of an owner by copying the ``from_period`` plan.

    Tasks and key results are copied with new codes; this year's actual becomes
    next year's ``last_year_actual`` (so the "challenging" check has its
    reference); check-ins, current values and cascade links are not copied.

    Raises:
        PlanningError: no source plan, or the target plan already exists.
        PermissionDenied: the actor may not write the owner's plans.
    """
    owner = resolve_owner(session, owner_code)
    source = session.execute(
        select(Plan)
        .join(Period, col(Period.id) == col(Plan.period_id))
        .where(Plan.owner_key == owner.key, Period.code == from_period)
    ).scalar_one_or_none()
    if source is None:
        raise PlanningError(
            msg.ROLLOVER_SOURCE_MISSING.format(period=from_period, owner=owner.name)
        )
    require(scope_for(session, actor).can_view_plan(source), msg.FORBIDDEN_PLAN_WRITE)
    target = create_plan(
        session,
        actor,
        owner_code=owner.code,
        period=to_period,
        template=source.template,
        action="rollover",
    )
    years = int(to_period[:4]) - int(from_period[:4])
    for task, krs in plan_key_results(session, source.id or 0):
        copy = Task(
            plan_id=target.id or 0,
            code=task.code,
            title=task.title,
            perspective=task.perspective,
            area=task.area,
            weight=task.weight,
            breakthrough=task.breakthrough,
            reference=task.reference,
            position=task.position,
            reporting_frequency=task.reporting_frequency,
        )
        session.add(copy)
        session.flush()
        for kr in krs:
            if kr.status != "active":
                continue
            data = KeyResultInput(
                title=kr.title,
                target=kr.target,
                unit=kr.unit,
                baseline=kr.baseline,
                direction=kr.direction,
                kind=kr.kind,
                breakthrough=kr.breakthrough,
                weight=kr.weight,
                due=_shift(kr.due, years),
                data_source=kr.data_source,
                evidence_required=kr.evidence_required,
                metric_code=kr.metric_code,
                last_year_actual=kr.current_value,
            )
            new = insert_key_result(session, target, copy, data, reference=kr.reference)
            audit(
                session,
                actor,
                "create",
                "key_result",
                new.id,
                new.code,
                new=new.title,
                reason=f"rollover ← {kr.code}",
            )
    audit(
        session,
        actor,
        "rollover",
        "plan",
        target.id,
        f"{owner.code}/{to_period}",
        old=from_period,
        new=to_period,
    )
    return target
