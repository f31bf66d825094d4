"""Amendments of an approved plan: add, adjust or remove a key result, with a reason.

Proposals wait (status ``submitted``) while the plan stays approved and keeps
taking check-ins; the same approver approves or returns them. Approval
applies every pending change, raises the plan's version and snapshots it, so
the earlier version stays visible; each change is in the audit log.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from woms_pwa.core.messages import planning as msg
from woms_pwa.core.models import KeyResult, Plan, Task, utcnow
from woms_pwa.core.permissions import Actor, require, scope_for
from woms_pwa.core.planning.common import (
    PlanningError,
    audit,
    get_plan,
    owner_of_plan,
    period_code,
    visible_plan,
)
from woms_pwa.core.planning.drafting import KR_FIELDS, KeyResultInput, insert_key_result
from woms_pwa.core.planning.lifecycle import (
    can_approve,
    notify_approvers,
    notify_owner,
    record_review,
)
from woms_pwa.core.planning.models import PlanAmendment
from woms_pwa.core.planning.versions import store_version
from woms_pwa.core.vocab import PlanStatus

KINDS = ("add", "adjust", "remove")


def _encode(data: KeyResultInput | None) -> str:
    if data is None:
        return "{}"
    values = {
        k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in data.as_columns().items()
    }
    return json.dumps(values, ensure_ascii=False)


def _decode(payload: str) -> dict[str, Any]:
    values: dict[str, Any] = json.loads(payload or "{}")
    if values.get("due"):
        values["due"] = dt.date.fromisoformat(values["due"])
    return values


def propose_amendment(
    session: Session,
    actor: Actor,
    plan_id: int,
    *,
    kind: str,
    reason: str,
    task_id: int | None = None,
    kr_code: str | None = None,
    data: KeyResultInput | None = None,
) -> PlanAmendment:
    """Propose (and submit) one change to an approved plan.

    Args:
        kind: ``add`` (needs ``task_id`` and ``data``), ``adjust`` (``kr_code`` and
            ``data``) or ``remove`` (``kr_code``).
        reason: why — required, kept with the change.

    Raises:
        PlanningError: the plan is not approved, no reason, or a bad reference.
        PermissionDenied: the actor may not write the plan.
    """
    plan = get_plan(session, plan_id)
    require(scope_for(session, actor).can_write_plan(plan), msg.FORBIDDEN_PLAN_WRITE)
    if plan.status != PlanStatus.APPROVED.value:
        raise PlanningError(msg.AMEND_ONLY_APPROVED)
    if not reason.strip():
        raise PlanningError(msg.AMEND_REASON_REQUIRED)
    if kind not in KINDS:
        raise PlanningError(msg.AMEND_KIND_INVALID)
    kr: KeyResult | None = None
    if kind == "add":
        task = session.get(Task, task_id) if task_id else None
        if task is None or task.plan_id != plan.id or data is None:
            raise PlanningError(msg.TASK_NOT_FOUND)
    else:
        kr = session.execute(
            select(KeyResult).where(KeyResult.code == kr_code)
        ).scalar_one_or_none()
        task = session.get(Task, kr.task_id) if kr else None
        if kr is None or task is None or task.plan_id != plan.id:
            raise PlanningError(msg.KR_NOT_FOUND.format(code=kr_code))
        unchanged = data is None or all(getattr(kr, f) == getattr(data, f) for f in KR_FIELDS)
        if kind == "adjust" and unchanged:
            raise PlanningError(msg.AMEND_NO_CHANGE)
    amendment = PlanAmendment(
        plan_id=plan.id or 0,
        kind=kind,
        task_id=task.id,
        kr_id=kr.id if kr else None,
        payload=_encode(data),
        reason=reason.strip(),
        status="submitted",
        created_by_user_id=actor.user_id,
    )
    session.add(amendment)
    session.flush()
    record_review(
        session, actor, plan, "amend_submit", f"{msg.AMEND_KINDS[kind]}: {reason.strip()}"
    )
    audit(
        session,
        actor,
        "amend_submit",
        "plan_amendment",
        amendment.id,
        kr_code,
        new=amendment.payload,
        reason=reason.strip(),
    )
    labels = {"owner": owner_of_plan(session, plan).name, "period": period_code(session, plan)}
    notify_approvers(
        session, plan, msg.NOTIFY_AMEND_SUBMITTED.format(**labels), f"plan-amend:{amendment.id}"
    )
    return amendment


def pending_amendments(session: Session, plan_id: int) -> list[PlanAmendment]:
    """Submitted amendments of a plan, oldest first."""
    return list(
        session.execute(
            select(PlanAmendment)
            .where(PlanAmendment.plan_id == plan_id, PlanAmendment.status == "submitted")
            .order_by(col(PlanAmendment.id))
        ).scalars()
    )


def _apply(session: Session, actor: Actor, plan: Plan, item: PlanAmendment) -> None:
    values = _decode(item.payload)
    if item.kind == "add":
        task = session.get(Task, item.task_id)
        assert task is not None
        kr = insert_key_result(session, plan, task, KeyResultInput(**values))
        item.kr_id = kr.id
        audit(
            session,
            actor,
            "amend_add",
            "key_result",
            kr.id,
            kr.code,
            new=kr.title,
            reason=item.reason,
        )
        return
    target = session.get(KeyResult, item.kr_id)
    assert target is not None
    kr = target
    if item.kind == "remove":
        audit(
            session,
            actor,
            "amend_remove",
            "key_result",
            kr.id,
            kr.code,
            field="status",
            old=kr.status,
            new="retired",
            reason=item.reason,
        )
        # Retired, not deleted: its check-ins and the earlier version keep their meaning.
        kr.status = "retired"
    else:
        for name, value in values.items():
            if getattr(kr, name) != value:
                audit(
                    session,
                    actor,
                    "amend_adjust",
                    "key_result",
                    kr.id,
                    kr.code,
                    field=name,
                    old=getattr(kr, name),
                    new=value,
                    reason=item.reason,
                )
                setattr(kr, name, value)
    session.add(kr)


def _decide(session: Session, actor: Actor, plan_id: int) -> tuple[Plan, list[PlanAmendment]]:
    plan = get_plan(session, plan_id)
    require(can_approve(session, actor, plan), msg.FORBIDDEN_APPROVE)
    items = pending_amendments(session, plan_id)
    if not items:
        raise PlanningError(msg.AMEND_NOTHING)
    return plan, items


def approve_amendments(session: Session, actor: Actor, plan_id: int, comment: str = "") -> Plan:
    """Apply every pending amendment, raise the version and snapshot it."""
    plan, items = _decide(session, actor, plan_id)
    for item in items:
        _apply(session, actor, plan, item)
    plan.version += 1
    plan.approved_at = utcnow()
    plan.approved_by_user_id = actor.user_id
    session.add(plan)
    now = utcnow()
    for item in items:
        item.status, item.decided_at = "approved", now
        item.decided_by_user_id, item.applied_version = actor.user_id, plan.version
        session.add(item)
    session.flush()
    store_version(session, plan, actor, comment.strip())
    record_review(session, actor, plan, "amend_approve", comment.strip())
    audit(
        session,
        actor,
        "amend_approve",
        "plan",
        plan.id,
        None,
        field="version",
        old=plan.version - 1,
        new=plan.version,
        reason=comment.strip() or None,
    )
    labels = {"owner": owner_of_plan(session, plan).name, "period": period_code(session, plan)}
    notify_owner(
        session,
        plan,
        msg.NOTIFY_AMEND_DECIDED.format(**labels, decision="phê duyệt"),
        comment.strip(),
        f"plan-amend-approve:{plan.id}:{plan.version}",
    )
    return plan


def return_amendments(session: Session, actor: Actor, plan_id: int, comment: str) -> Plan:
    """Return the pending amendments with a comment; the plan is unchanged."""
    if not comment.strip():
        raise PlanningError(msg.RETURN_COMMENT_REQUIRED)
    plan, items = _decide(session, actor, plan_id)
    now = utcnow()
    for item in items:
        item.status, item.decided_at, item.decided_by_user_id = "returned", now, actor.user_id
        session.add(item)
    record_review(session, actor, plan, "amend_return", comment.strip())
    audit(session, actor, "amend_return", "plan", plan.id, None, reason=comment.strip())
    labels = {"owner": owner_of_plan(session, plan).name, "period": period_code(session, plan)}
    notify_owner(
        session,
        plan,
        msg.NOTIFY_AMEND_DECIDED.format(**labels, decision="trả lại"),
        comment.strip(),
        f"plan-amend-return:{items[-1].id}",
    )
    return plan


@dataclass(frozen=True)
class AmendmentRow:
    """One amendment as the pages show it."""

    id: int
    kind: str
    label: str
    kr_code: str
    title: str
    reason: str
    status: str


def list_amendments(session: Session, actor: Actor, plan_id: int) -> list[AmendmentRow]:
    """Every amendment of a plan the actor may see, newest first."""
    visible_plan(session, actor, plan_id)
    items = session.execute(
        select(PlanAmendment)
        .where(PlanAmendment.plan_id == plan_id)
        .order_by(col(PlanAmendment.id).desc())
    ).scalars()
    rows = []
    for item in items:
        kr = session.get(KeyResult, item.kr_id) if item.kr_id else None
        title = _decode(item.payload).get("title") or (kr.title if kr else "")
        rows.append(
            AmendmentRow(
                item.id or 0,
                item.kind,
                msg.AMEND_KINDS[item.kind],
                kr.code if kr else "",
                title,
                item.reason,
                item.status,
            )
        )
    return rows
