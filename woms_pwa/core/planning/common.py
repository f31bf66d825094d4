"""Shared pieces of the planning services: errors, owners, plan lookup, audit."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from woms_pwa.core import messages as base_msg
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.models import Period, Person, Plan, Unit
from woms_pwa.core.permissions import Actor, PermissionDenied, require, scope_for
from woms_pwa.core.services.audit import AuditRecord, append
from woms_pwa.core.vocab import PlanStatus

EDITABLE = (PlanStatus.DRAFT.value, PlanStatus.RETURNED.value)


class PlanningError(Exception):
    """Bad input or a forbidden transition; the message is Vietnamese and safe to show."""

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.details = details or []


@dataclass(frozen=True)
class Owner:
    """The owner of a plan: a unit or a person."""

    key: str
    code: str
    name: str
    kind: str  # "unit" | "person"
    unit: Unit
    person: Person | None = None


def resolve_owner(session: Session, code: str) -> Owner:
    """Find a unit or a person by code.

    Raises:
        PlanningError: no such unit or person.
    """
    unit = session.execute(select(Unit).where(Unit.code == code)).scalar_one_or_none()
    if unit is not None:
        return Owner(f"U{unit.id}", unit.code, unit.name, "unit", unit)
    person = session.execute(select(Person).where(Person.code == code)).scalar_one_or_none()
    if person is None:
        raise PlanningError(msg.OWNER_UNKNOWN.format(code=code))
    unit = session.get(Unit, person.unit_id)
    assert unit is not None
    return Owner(f"P{person.id}", person.code, person.full_name, "person", unit, person)


def owner_of_plan(session: Session, plan: Plan) -> Owner:
    """The owner of a stored plan."""
    if plan.owner_unit_id is not None:
        unit = session.get(Unit, plan.owner_unit_id)
        assert unit is not None
        return Owner(plan.owner_key, unit.code, unit.name, "unit", unit)
    person = session.get(Person, plan.owner_person_id)
    assert person is not None
    unit = session.get(Unit, person.unit_id)
    assert unit is not None
    return Owner(plan.owner_key, person.code, person.full_name, "person", unit, person)


def period_code(session: Session, plan: Plan) -> str:
    """The period code of a plan."""
    period = session.get(Period, plan.period_id)
    assert period is not None
    return period.code


def get_plan(session: Session, plan_id: int) -> Plan:
    """A plan by id.

    Raises:
        PermissionDenied: no such plan (the same answer as "not yours").
    """
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise PermissionDenied(base_msg.NOT_FOUND_PLAN)
    return plan


def visible_plan(session: Session, actor: Actor, plan_id: int) -> Plan:
    """A plan the actor may see."""
    plan = get_plan(session, plan_id)
    require(scope_for(session, actor).can_view_plan(plan), base_msg.FORBIDDEN_VIEW)
    return plan


def editable_plan(session: Session, actor: Actor, plan_id: int) -> Plan:
    """A plan the actor may edit now (draft or returned, and in their write scope).

    Raises:
        PermissionDenied: outside the actor's scope.
        PlanningError: the plan is submitted or approved (locked).
    """
    plan = get_plan(session, plan_id)
    require(scope_for(session, actor).can_write_plan(plan), msg.FORBIDDEN_PLAN_WRITE)
    if plan.status not in EDITABLE:
        label = base_msg.PLAN_STATUS_LABELS.get(plan.status, plan.status)
        raise PlanningError(msg.PLAN_LOCKED.format(status=label))
    return plan


def audit(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    entity_code: str | None = None,
    *,
    field: str | None = None,
    old: object = None,
    new: object = None,
    reason: str | None = None,
) -> None:
    """Append one audit entry for a planning change (inside the caller's transaction)."""
    append(
        session,
        [
            AuditRecord(
                actor=actor.username,
                actor_user_id=actor.user_id,
                action=action,
                entity=entity,
                entity_id=entity_id,
                entity_code=entity_code,
                field=field,
                old_value=None if old is None else str(old),
                new_value=None if new is None else str(new),
                reason=reason,
            )
        ],
    )
