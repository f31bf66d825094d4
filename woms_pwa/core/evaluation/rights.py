"""Who may self-assess, assess and conclude whom (tiered governance of the proposal).

* Self-assessment: the person themself; for a unit's collective evaluation,
  the unit's head.
* Assessment (nhận xét, đánh giá): for staff, any head whose unit subtree holds
  the person's unit (never oneself); for the head of a unit directly under the
  province, and for such a unit, the province level; for a department or its
  head, a head of an enclosing unit.
* Conclusion (kết luận): the province concludes for the heads of the units
  directly under it and for those units; the head of the unit (cơ quan, đơn
  vị, địa phương) concludes for its staff, its departments and their heads.
* ``admin`` may do every step (operations support); every step is audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from woms_pwa.core import messages as msg
from woms_pwa.core.models import Person, Unit
from woms_pwa.core.permissions import Actor, PermissionDenied, scope_for
from woms_pwa.core.vocab import Role


@dataclass(frozen=True)
class Subject:
    """A person or unit being evaluated."""

    kind: str
    code: str
    name: str
    unit_id: int
    unit_code: str
    person_id: int | None = None
    is_head: bool = False

    @property
    def key(self) -> str:
        """``P<id>`` or ``U<id>``, the record's subject key."""
        return f"P{self.person_id}" if self.kind == "person" else f"U{self.unit_id}"


def resolve_subject(session: Session, code: str) -> Subject:
    """Find the person or unit with this code.

    Raises:
        PermissionDenied: nothing has this code (shown as "not found").
    """
    code = (code or "").strip()
    person = session.execute(select(Person).where(Person.code == code)).scalar_one_or_none()
    if person is not None:
        unit = session.get(Unit, person.unit_id)
        assert unit is not None
        return Subject(
            "person", person.code, person.full_name, unit.id or 0, unit.code, person.id,
            person.is_head,
        )  # fmt: skip
    unit = session.execute(select(Unit).where(Unit.code == code)).scalar_one_or_none()
    if unit is None:
        raise PermissionDenied(msg.UNKNOWN_PERSON.format(code=code))
    return Subject("unit", unit.code, unit.name, unit.id or 0, unit.code)


def _parents(session: Session) -> dict[int, int | None]:
    return {uid: pid for uid, pid in session.execute(select(Unit.id, Unit.parent_id)).all()}


def _chain(parents: dict[int, int | None], unit_id: int) -> list[int]:
    """``unit_id`` and its ancestors, nearest first, root last."""
    chain: list[int] = []
    node: int | None = unit_id
    while node is not None and node not in chain:
        chain.append(node)
        node = parents.get(node)
    return chain


@dataclass(frozen=True)
class Authority:
    """Who may act at a step: the province level and/or heads of some units."""

    province: bool
    head_units: frozenset[int]

    def allows(self, actor: Actor) -> bool:
        """Whether the actor holds this authority."""
        if actor.role is Role.ADMIN:
            return True
        if actor.role is Role.PROVINCE:
            return self.province
        return actor.role is Role.HEAD and actor.unit_id in self.head_units


def authorities(session: Session, subject: Subject) -> tuple[Authority, Authority]:
    """The assessing and the concluding authority of a subject."""
    chain = _chain(_parents(session), subject.unit_id)
    # chain[-1] is the root (province); chain[-2] the unit directly under it.
    top = chain[-2] if len(chain) >= 2 else chain[-1]
    at_root = len(chain) == 1
    managed_by_province = subject.kind == "unit" or subject.is_head
    if managed_by_province:
        if subject.unit_id == top or at_root:
            both = Authority(province=True, head_units=frozenset())
            return both, both
        above = frozenset(chain[1:-1])
        return Authority(False, above), Authority(False, frozenset({top}))
    if at_root:
        return Authority(True, frozenset({chain[0]})), Authority(True, frozenset())
    return Authority(False, frozenset(chain[:-1])), Authority(False, frozenset({top}))


def can_self_assess(session: Session, actor: Actor, subject: Subject) -> bool:
    """The person themself, or for a unit its head (admin always)."""
    if actor.role is Role.ADMIN:
        return True
    if subject.kind == "person":
        return actor.person_id is not None and actor.person_id == subject.person_id
    if actor.person_id is None:
        return False
    person = session.get(Person, actor.person_id)
    return person is not None and person.is_head and person.unit_id == subject.unit_id


def _not_self(actor: Actor, subject: Subject) -> bool:
    return (
        actor.role is Role.ADMIN
        or subject.person_id is None
        or (actor.person_id != subject.person_id)
    )


def can_assess(session: Session, actor: Actor, subject: Subject) -> bool:
    """Whether the actor may write the head's assessment of the subject."""
    if (
        subject.kind == "unit"
        and actor.role is not Role.ADMIN
        and can_self_assess(session, actor, subject)
    ):
        return False  # a unit's head never assesses or concludes their own unit
    return _not_self(actor, subject) and authorities(session, subject)[0].allows(actor)


def can_conclude(session: Session, actor: Actor, subject: Subject) -> bool:
    """Whether the actor may write the official conclusion for the subject."""
    if (
        subject.kind == "unit"
        and actor.role is not Role.ADMIN
        and can_self_assess(session, actor, subject)
    ):
        return False  # a unit's head never assesses or concludes their own unit
    return _not_self(actor, subject) and authorities(session, subject)[1].allows(actor)


def can_view(session: Session, actor: Actor, subject: Subject) -> bool:
    """Whether the actor may see the subject's evaluation."""
    if can_self_assess(session, actor, subject):
        return True
    if can_assess(session, actor, subject) or can_conclude(session, actor, subject):
        return True
    scope = scope_for(session, actor)
    if subject.kind == "unit":
        return scope.can_view_unit(subject.unit_id)
    return scope.view_people is None or subject.person_id in scope.view_people
