"""The signed-in user's own plans as the offline page caches them, and re-mapping holds.

A check-in queued on a phone carries the plan version it was recorded
against. When the plan was amended meanwhile and the key result retired (or
removed), the check-in must wait for the user to choose another key result:
:func:`hold_reason` says so, and the API answers 409.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from analytics.vntext import format_date_vi, format_number_vi
from woms_pwa.core.forms.evidence import EvidencePolicy
from woms_pwa.core.forms.models import EvidenceFile
from woms_pwa.core.forms.sniff import JPEG, PDF, PNG, WEBP
from woms_pwa.core.messages import pwa as msg
from woms_pwa.core.models import CheckIn, KeyResult, Period, Plan, Task
from woms_pwa.core.permissions import Actor, scope_for
from woms_pwa.core.services.plans import list_visible_plans
from woms_pwa.core.vocab import PERSPECTIVE_ORDER, KeyResultStatus

# What a queued check-in may carry as evidence: photos and scanned documents.
OFFLINE_EVIDENCE_POLICY = EvidencePolicy(allowed=(JPEG, PNG, WEBP, PDF))


def owns_evidence(session: Session, user_id: int | None, key: str) -> bool:
    """Whether ``key`` names an evidence file that ``user_id`` uploaded."""
    row = session.execute(
        select(EvidenceFile).where(EvidenceFile.sha256 == key)
    ).scalar_one_or_none()
    return row is not None and user_id is not None and row.uploaded_by_user_id == user_id


@dataclass(frozen=True)
class Hold:
    """Why a queued check-in must be re-mapped before it can be stored."""

    kr_code: str
    current_version: int | None
    message: str


def _kr_json(kr: KeyResult, task: Task) -> dict[str, Any]:
    return {
        "code": kr.code,
        "title": kr.title,
        "task": task.title,
        "perspective": task.perspective,
        "unit": kr.unit,
        "direction": kr.direction,
        "target": kr.target,
        "target_vi": format_number_vi(kr.target, 2),
        "current": kr.current_value,
        "current_vi": "" if kr.current_value is None else format_number_vi(kr.current_value, 2),
        "as_of_vi": "" if kr.current_as_of is None else format_date_vi(kr.current_as_of),
        "status": kr.status,
        "evidence_required": kr.evidence_required,
    }


def my_plans(session: Session, actor: Actor, today: dt.date | None = None) -> dict[str, Any]:
    """Return the actor's own writable plans (unit's and personal) with every key result.

    Retired key results are included with their status, so that the phone can
    tell a re-mapping case from an unknown code.

    Args:
        session: an open session.
        actor: the signed-in user.
        today: the reference day for the default check-in date.

    Returns:
        A JSON-ready dict: ``username`` (the phone holds queued items of
        another user until they sign in again), ``user``, ``today`` and
        ``plans`` (newest period first).
    """
    today = today or dt.date.today()
    scope = scope_for(session, actor)
    mine = [s for s in list_visible_plans(session, actor) if s.is_mine]
    plans: list[dict[str, Any]] = []
    order = {p: i for i, p in enumerate(PERSPECTIVE_ORDER)}
    for summary in mine:
        plan = session.get(Plan, summary.plan_id)
        if plan is None or not scope.can_write_plan(plan):
            continue
        period = session.get(Period, plan.period_id)
        assert period is not None
        rows = sorted(
            (
                (kr, task)
                for kr, task in session.execute(
                    select(KeyResult, Task)
                    .join(Task, col(KeyResult.task_id) == col(Task.id))
                    .where(Task.plan_id == plan.id)
                ).all()
            ),
            key=lambda r: (order.get(r[1].perspective, 9), r[1].position, r[0].position),
        )
        plans.append(
            {
                "owner_code": summary.owner_code,
                "owner_name": summary.owner_name,
                "period": summary.period,
                "version": plan.version,
                "status": plan.status,
                "period_start": period.start_date.isoformat(),
                "period_end": period.end_date.isoformat(),
                "default_date": min(today, period.end_date).isoformat(),
                "max_date": min(today, period.end_date + dt.timedelta(days=60)).isoformat(),
                "key_results": [_kr_json(kr, task) for kr, task in rows],
            }
        )
    return {
        "username": actor.username,
        "user": actor.display_name,
        "today": today.isoformat(),
        "plans": plans,
    }


def hold_reason(
    session: Session, actor: Actor, *, kr_code: str, plan_version: int | None, client_id: str
) -> Hold | None:
    """Return a :class:`Hold` when a versioned check-in targets a retired or removed KR.

    A check-in already stored under ``client_id`` is never held (a retry after
    the amendment must still answer "already stored"), and a check-in without
    ``plan_version`` keeps the old behaviour (422 for a retired key result).
    Key results of plans the actor may not write are left to
    ``record_checkin``, which refuses them without saying more.
    """
    if plan_version is None:
        return None
    stored = session.execute(
        select(CheckIn.id).where(CheckIn.client_id == client_id)
    ).scalar_one_or_none()
    if stored is not None:
        return None
    kr = session.execute(select(KeyResult).where(KeyResult.code == kr_code)).scalar_one_or_none()
    if kr is None:
        return Hold(kr_code, None, msg.PLAN_AMENDED_KR_GONE.format(code=kr_code))
    if kr.status != KeyResultStatus.RETIRED:
        return None
    task = session.get(Task, kr.task_id)
    plan = session.get(Plan, task.plan_id) if task else None
    if plan is None or not scope_for(session, actor).can_write_plan(plan):
        return None
    current = plan.version
    return Hold(kr_code, current, msg.PLAN_AMENDED_HOLD.format(current=current, code=kr_code))
