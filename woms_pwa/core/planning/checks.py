"""Feed the pure plan checks (``analytics.plan_checks``) from the database."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session, col

from analytics.plan_checks import CheckPolicy, Finding, check_plans
from woms_pwa.core.models import KeyResult, Task
from woms_pwa.core.permissions import Actor
from woms_pwa.core.planning.common import visible_plan

TASK_COLUMNS = [
    "plan_id",
    "task_id",
    "task_code",
    "task_title",
    "perspective",
    "task_weight",
    "task_breakthrough",
]
KR_COLUMNS = [
    "kr_id",
    "task_id",
    "kr_code",
    "title",
    "unit",
    "target",
    "baseline",
    "direction",
    "kind",
    "breakthrough",
    "weight",
    "last_year_actual",
    "metric_code",
    "status",
    "parent_kr_id",
    "current_value",
]


def plan_frames(session: Session, plan_ids: Sequence[int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tasks and key results of the given plans as the checks' frames (two queries).

    Returns:
        ``(tasks, krs)``; ``krs`` carries the task's plan, code and breakthrough flag.
    """
    ids = list(plan_ids)
    task_columns = [
        Task.plan_id,
        Task.id,
        Task.code,
        Task.title,
        Task.perspective,
        Task.weight,
        Task.breakthrough,
    ]
    task_rows = session.execute(
        select(*[col(c) for c in task_columns]).where(col(Task.plan_id).in_(ids))
    ).all()
    tasks = pd.DataFrame(task_rows, columns=TASK_COLUMNS)
    kr_columns = [
        KeyResult.id,
        KeyResult.task_id,
        KeyResult.code,
        KeyResult.title,
        KeyResult.unit,
        KeyResult.target,
        KeyResult.baseline,
        KeyResult.direction,
        KeyResult.kind,
        KeyResult.breakthrough,
        KeyResult.weight,
        KeyResult.last_year_actual,
        KeyResult.metric_code,
        KeyResult.status,
        KeyResult.parent_kr_id,
        KeyResult.current_value,
    ]
    kr_rows = session.execute(
        select(*[col(c) for c in kr_columns])
        .join(Task, col(Task.id) == col(KeyResult.task_id))
        .where(col(Task.plan_id).in_(ids))
    ).all()
    krs = pd.DataFrame(kr_rows, columns=KR_COLUMNS)
    krs = krs.merge(
        tasks[["task_id", "plan_id", "task_code", "task_breakthrough"]], on="task_id", how="left"
    )
    return tasks, krs


def findings_for_plans(
    session: Session, plan_ids: Sequence[int], policy: CheckPolicy | None = None
) -> list[Finding]:
    """3T and consistency findings of the given plans (no permission check)."""
    tasks, krs = plan_frames(session, plan_ids)
    return check_plans(tasks, krs, policy, plan_ids)


def check_plan(
    session: Session, actor: Actor, plan_id: int, policy: CheckPolicy | None = None
) -> list[Finding]:
    """The findings of one plan the actor may see; an empty plan is one error-free finding list.

    Raises:
        PermissionDenied: the plan is not visible to the actor.
    """
    plan = visible_plan(session, actor, plan_id)
    return findings_for_plans(session, [plan.id or 0], policy)
