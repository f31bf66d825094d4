"""Notifications of the evaluation workflow (the person evaluated, or a unit's heads)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from woms_pwa.core.evaluation.rights import Subject
from woms_pwa.core.models import Person
from woms_pwa.core.notifications.service import Recipient, notify


def tell_subject(session: Session, subject: Subject, period: str, *, title: str, key: str) -> None:
    """Notify the person evaluated (for a unit, its heads), once per event."""
    if subject.person_id is not None:
        people = [subject.person_id]
        link = f"/ca-nhan?person={subject.code}&period={period}"
    else:
        people = [
            p.id or 0
            for p in session.execute(
                select(Person).where(
                    Person.unit_id == subject.unit_id, col(Person.is_head).is_(True)
                )
            ).scalars()
        ]
        link = f"/don-vi/diem?unit={subject.code}&period={period}"
    for person_id in people:
        notify(
            session, Recipient(person_id=person_id), kind="evaluation", title=title, link=link,
            dedupe_key=key,
        )  # fmt: skip
