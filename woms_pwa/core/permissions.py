"""Who may see and change what — enforced here, in the core, for every door.

Tiered governance (phân tầng quản trị) from the proposal:

* ``admin`` sees and writes everything;
* ``province`` users see every unit, every unit's plan and the plans of unit
  heads (not other people's personal plans); they write their own unit's plan,
  their own plan, and notes about any unit;
* a ``head`` sees and writes the subtree of their unit: its departments, its
  staff and their plans;
* a ``cadre`` sees and writes their own plan and their unit's plan.

Everyone may always see and write their own personal plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from woms_pwa.core.models import Person, Plan, Unit, UserAccount
from woms_pwa.core.vocab import Role


class PermissionDenied(Exception):
    """The actor may not do this; the message is Vietnamese and safe to show."""


@dataclass(frozen=True)
class Actor:
    """The signed-in user as the core sees them."""

    user_id: int | None
    username: str
    role: Role
    person_id: int | None
    unit_id: int | None
    display_name: str = ""

    @classmethod
    def from_account(cls, account: UserAccount) -> Actor:
        """Build the actor of a stored account."""
        return cls(
            user_id=account.id,
            username=account.username,
            role=Role(account.role),
            person_id=account.person_id,
            unit_id=account.unit_id,
            display_name=account.display_name,
        )

    @classmethod
    def system(cls, name: str = "system") -> Actor:
        """An actor for the command line and background jobs (full rights)."""
        return cls(
            user_id=None,
            username=name,
            role=Role.ADMIN,
            person_id=None,
            unit_id=None,
            display_name=name,
        )


@dataclass(frozen=True)
class Scope:
    """What one actor may see and write, as sets of ids (``None`` = everything)."""

    view_units: frozenset[int] | None
    write_units: frozenset[int] | None
    view_people: frozenset[int] | None
    write_people: frozenset[int] | None
    note_units: frozenset[int] | None

    def can_view_unit(self, unit_id: int) -> bool:
        """Whether the unit (and its own plans) is visible."""
        return self.view_units is None or unit_id in self.view_units

    def can_view_plan(self, plan: Plan) -> bool:
        """Whether the plan is visible."""
        if plan.owner_unit_id is not None:
            return self.can_view_unit(plan.owner_unit_id)
        return self.view_people is None or plan.owner_person_id in self.view_people

    def can_write_plan(self, plan: Plan) -> bool:
        """Whether check-ins (and edits) to the plan are allowed."""
        if plan.owner_unit_id is not None:
            return self.write_units is None or plan.owner_unit_id in self.write_units
        return self.write_people is None or plan.owner_person_id in self.write_people

    def can_note_unit(self, unit_id: int) -> bool:
        """Whether notes about the unit may be written."""
        return self.note_units is None or unit_id in self.note_units


def subtree(session: Session, root_id: int) -> frozenset[int]:
    """Return the ids of ``root_id`` and every unit below it."""
    children: dict[int | None, list[int]] = {}
    for unit_id, parent_id in session.execute(select(Unit.id, Unit.parent_id)):
        children.setdefault(parent_id, []).append(unit_id)
    found, stack = set(), [root_id]
    while stack:
        node = stack.pop()
        if node in found:
            continue
        found.add(node)
        stack.extend(children.get(node, []))
    return frozenset(found)


def scope_for(session: Session, actor: Actor) -> Scope:
    """Compute the actor's scope from the unit tree and the people table.

    Args:
        session: an open session.
        actor: the signed-in user.
    """
    if actor.role is Role.ADMIN:
        return Scope(None, None, None, None, None)
    own_people = frozenset({actor.person_id}) if actor.person_id else frozenset()
    own_units = frozenset({actor.unit_id}) if actor.unit_id else frozenset()
    if actor.role is Role.PROVINCE:
        heads = frozenset(
            session.execute(select(Person.id).where(col(Person.is_head).is_(True))).scalars()
        )  # type: ignore[attr-defined]
        return Scope(
            view_units=None,
            write_units=own_units,
            view_people=heads | own_people,
            write_people=own_people,
            note_units=None,
        )
    if actor.role is Role.HEAD and actor.unit_id is not None:
        units = subtree(session, actor.unit_id)
        people = frozenset(
            session.execute(select(Person.id).where(Person.unit_id.in_(units))).scalars()  # type: ignore[attr-defined]
        )
        return Scope(units, units, people | own_people, people | own_people, units)
    return Scope(own_units, own_units, own_people, own_people, own_units)


def require(allowed: bool, message: str) -> None:
    """Raise ``PermissionDenied(message)`` unless ``allowed``."""
    if not allowed:
        raise PermissionDenied(message)
