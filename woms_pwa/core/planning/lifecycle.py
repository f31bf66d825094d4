"""Plan lifecycle: draft → submitted → approved (locked) or returned with comments.

Tiered approval (phân tầng quản trị): the province approves the plans of units
(communes, wards, agencies) and of their heads; a unit's head approves the
plans of its departments and of its other staff. Nobody approves their own
personal plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from analytics.plan_checks import ERROR
from analytics.vntext import format_datetime_vi
from woms_pwa.core import messages as base_msg
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.models import Plan, Task, Unit, UserAccount, utcnow
from woms_pwa.core.notifications.service import Recipient, notify
from woms_pwa.core.permissions import Actor, require, subtree
from woms_pwa.core.planning.checks import findings_for_plans
from woms_pwa.core.planning.common import (
    EDITABLE,
    PlanningError,
    audit,
    editable_plan,
    get_plan,
    owner_of_plan,
    period_code,
    visible_plan,
)
from woms_pwa.core.planning.models import PlanReview
from woms_pwa.core.planning.versions import store_version
from woms_pwa.core.vocab import PlanStatus, Role, UnitKind

PLAN_EDIT_ROUTE = "/lap-ke-hoach/sua"
APPROVE_ROUTE = "/phe-duyet"


def approval_tier(session: Session, plan: Plan) -> str:
    """``province`` when the province approves the plan, else ``head``."""
    owner = owner_of_plan(session, plan)
    if owner.kind == "unit":
        return "head" if owner.unit.kind == UnitKind.DEPARTMENT.value else "province"
    assert owner.person is not None
    top_level = owner.unit.kind != UnitKind.DEPARTMENT.value
    return "province" if owner.person.is_head and top_level else "head"


def can_approve(session: Session, actor: Actor, plan: Plan) -> bool:
    """Whether the actor may approve or return the plan (tiered governance)."""
    if actor.role is Role.ADMIN:
        return True
    owner = owner_of_plan(session, plan)
    if owner.person is not None and owner.person.id == actor.person_id:
        return False
    if approval_tier(session, plan) == "province":
        return actor.role is Role.PROVINCE
    if actor.role is not Role.HEAD or actor.unit_id is None:
        return False
    if owner.kind == "unit" and owner.unit.id == actor.unit_id:
        return False
    return (owner.unit.id or 0) in subtree(session, actor.unit_id)


def approver_accounts(session: Session, plan: Plan) -> list[int]:
    """Ids of the accounts that may approve the plan (to notify them)."""
    owner = owner_of_plan(session, plan)
    if approval_tier(session, plan) == "province":
        query = select(UserAccount.id).where(UserAccount.role == Role.PROVINCE.value)
        return [i for i in session.execute(query).scalars() if i is not None]
    ancestors: list[int] = []
    unit: Unit | None = owner.unit if owner.kind == "person" else None
    if unit is None and owner.unit.parent_id is not None:
        unit = session.get(Unit, owner.unit.parent_id)
    while unit is not None:
        ancestors.append(unit.id or 0)
        unit = session.get(Unit, unit.parent_id) if unit.parent_id else None
    heads = select(UserAccount).where(
        UserAccount.role == Role.HEAD.value, col(UserAccount.unit_id).in_(ancestors)
    )
    return [
        a.id
        for a in session.execute(heads).scalars()
        if a.id is not None and (owner.person is None or a.person_id != owner.person.id)
    ]


def record_review(
    session: Session, actor: Actor, plan: Plan, action: str, comment: str = ""
) -> None:
    """Append a review step (shown in the plan's history)."""
    session.add(
        PlanReview(
            plan_id=plan.id or 0,
            action=action,
            comment=comment,
            actor=actor.display_name or actor.username,
            actor_user_id=actor.user_id,
        )
    )


def notify_owner(session: Session, plan: Plan, title: str, body: str, key: str) -> None:
    """Tell the plan's submitter(s) and, for a personal plan, its owner."""
    users = set(
        session.execute(
            select(PlanReview.actor_user_id).where(
                PlanReview.plan_id == plan.id,
                col(PlanReview.action).in_(["submit", "amend_submit", "create"]),
            )
        ).scalars()
    )
    link = f"{PLAN_EDIT_ROUTE}?plan={plan.id}"
    for user_id in sorted(u for u in users if u is not None):
        notify(
            session,
            Recipient(user_id=user_id),
            kind="approval",
            title=title,
            body=body,
            link=link,
            dedupe_key=key,
        )
    if plan.owner_person_id is not None:
        notify(
            session,
            Recipient(person_id=plan.owner_person_id),
            kind="approval",
            title=title,
            body=body,
            link=link,
            dedupe_key=key,
        )


def notify_approvers(session: Session, plan: Plan, title: str, key: str) -> None:
    """Tell every account that may approve the plan."""
    for user_id in approver_accounts(session, plan):
        notify(
            session,
            Recipient(user_id=user_id),
            kind="approval",
            title=title,
            link=f"{APPROVE_ROUTE}?plan={plan.id}",
            dedupe_key=key,
        )


def _labels(session: Session, plan: Plan) -> dict[str, str]:
    return {"owner": owner_of_plan(session, plan).name, "period": period_code(session, plan)}


def _review_count(session: Session, plan: Plan, action: str) -> int:
    return len(
        session.execute(
            select(PlanReview.id).where(PlanReview.plan_id == plan.id, PlanReview.action == action)
        ).all()
    )


def submit_plan(session: Session, actor: Actor, plan_id: int) -> Plan:
    """Submit a draft (or returned) plan for approval, if it has no blocking finding.

    Raises:
        PlanningError: locked plan, empty plan, or error findings (listed in ``details``).
    """
    plan = editable_plan(session, actor, plan_id)
    if not session.execute(select(Task.id).where(Task.plan_id == plan.id)).first():
        raise PlanningError(msg.EMPTY_PLAN)
    errors = [f for f in findings_for_plans(session, [plan.id or 0]) if f.severity == ERROR]
    if errors:
        raise PlanningError(
            msg.SUBMIT_BLOCKED.format(count=len(errors)), [f.message for f in errors]
        )
    old = plan.status
    plan.status = PlanStatus.SUBMITTED.value
    plan.submitted_at = utcnow()
    session.add(plan)
    record_review(session, actor, plan, "submit")
    audit(session, actor, "submit", "plan", plan.id, None, field="status", old=old, new=plan.status)
    session.flush()
    n = _review_count(session, plan, "submit")
    notify_approvers(
        session,
        plan,
        msg.NOTIFY_SUBMITTED.format(**_labels(session, plan)),
        f"plan-submit:{plan.id}:{n}",
    )
    return plan


def _decidable(session: Session, actor: Actor, plan_id: int) -> Plan:
    plan = get_plan(session, plan_id)
    require(can_approve(session, actor, plan), msg.FORBIDDEN_APPROVE)
    if plan.status != PlanStatus.SUBMITTED.value:
        raise PlanningError(msg.NOT_SUBMITTED)
    return plan


def approve_plan(session: Session, actor: Actor, plan_id: int, comment: str = "") -> Plan:
    """Approve a submitted plan: lock it and freeze its content as a version.

    Raises:
        PermissionDenied: the actor is not the plan's approver.
        PlanningError: the plan is not submitted.
    """
    plan = _decidable(session, actor, plan_id)
    plan.status = PlanStatus.APPROVED.value
    plan.approved_at = utcnow()
    plan.approved_by_user_id = actor.user_id
    session.add(plan)
    session.flush()
    store_version(session, plan, actor, comment.strip())
    record_review(session, actor, plan, "approve", comment.strip())
    audit(
        session,
        actor,
        "approve",
        "plan",
        plan.id,
        None,
        field="status",
        old=PlanStatus.SUBMITTED.value,
        new=plan.status,
        reason=comment.strip() or None,
    )
    notify_owner(
        session,
        plan,
        msg.NOTIFY_APPROVED.format(**_labels(session, plan)),
        comment.strip(),
        f"plan-approve:{plan.id}:{plan.version}",
    )
    return plan


def return_plan(session: Session, actor: Actor, plan_id: int, comment: str) -> Plan:
    """Return a submitted plan to its drafters with a comment saying what to fix.

    Raises:
        PlanningError: no comment, or the plan is not submitted.
        PermissionDenied: the actor is not the plan's approver.
    """
    text = comment.strip()
    if not text:
        raise PlanningError(msg.RETURN_COMMENT_REQUIRED)
    plan = _decidable(session, actor, plan_id)
    plan.status = PlanStatus.RETURNED.value
    session.add(plan)
    record_review(session, actor, plan, "return", text)
    audit(
        session,
        actor,
        "return",
        "plan",
        plan.id,
        None,
        field="status",
        old=PlanStatus.SUBMITTED.value,
        new=plan.status,
        reason=text,
    )
    session.flush()
    n = _review_count(session, plan, "return")
    notify_owner(
        session,
        plan,
        msg.NOTIFY_RETURNED.format(**_labels(session, plan)),
        text,
        f"plan-return:{plan.id}:{n}",
    )
    return plan


@dataclass(frozen=True)
class ReviewRow:
    """One step of a plan's history."""

    action: str
    label: str
    comment: str
    actor: str
    at: str


def list_reviews(session: Session, actor: Actor, plan_id: int) -> list[ReviewRow]:
    """The review history of a plan the actor may see, oldest first."""
    visible_plan(session, actor, plan_id)
    rows = session.execute(
        select(PlanReview).where(PlanReview.plan_id == plan_id).order_by(col(PlanReview.id))
    ).scalars()
    return [
        ReviewRow(
            r.action,
            msg.REVIEW_ACTIONS.get(r.action, r.action),
            r.comment,
            r.actor,
            format_datetime_vi(r.at),
        )
        for r in rows
    ]


def is_editable(plan: Plan) -> bool:
    """Whether the plan's content may still be changed directly."""
    return plan.status in EDITABLE


def status_label(plan: Plan) -> str:
    """The Vietnamese label of the plan's status."""
    return base_msg.PLAN_STATUS_LABELS.get(plan.status, plan.status)
