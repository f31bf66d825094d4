"""Create, list and mark notifications; send e-mail copies over SMTP when configured."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import urlparse

from sqlalchemy import func
from sqlmodel import Session, col, select

from woms_pwa.core.models import Person, UserAccount, utcnow
from woms_pwa.core.notifications.models import Notification
from woms_pwa.core.permissions import Actor


@dataclass(frozen=True)
class Recipient:
    """Who gets a notification: an account, by id, or everyone acting as a person."""

    user_id: int | None = None
    person_id: int | None = None


def _accounts(session: Session, recipient: Recipient) -> list[UserAccount]:
    if recipient.user_id is not None:
        account = session.get(UserAccount, recipient.user_id)
        return [account] if account else []
    if recipient.person_id is not None:
        return list(
            session.execute(
                select(UserAccount).where(UserAccount.person_id == recipient.person_id)
            ).scalars()
        )
    return []


def notify(
    session: Session,
    recipient: Recipient,
    *,
    kind: str,
    title: str,
    body: str = "",
    link: str = "",
    dedupe_key: str | None = None,
) -> list[Notification]:
    """Store a notification for every account of ``recipient`` (once per ``dedupe_key``).

    Args:
        session: the open session (the caller's transaction).
        recipient: an account or a person.
        kind: a short machine code, e.g. ``deadline``, ``alert``, ``approval``.
        title: one Vietnamese line.
        body: details.
        link: an app route to open.
        dedupe_key: an id of the event; the same key per account is stored once.

    Returns:
        The notifications created now (empty when all already existed).
    """
    created = []
    for account in _accounts(session, recipient):
        key = f"{dedupe_key}@{account.id}" if dedupe_key else None
        if (
            key
            and session.execute(
                select(Notification.id).where(Notification.dedupe_key == key)
            ).first()
        ):
            continue
        item = Notification(
            user_id=account.id or 0, kind=kind, title=title, body=body, link=link, dedupe_key=key
        )
        session.add(item)
        created.append(item)
    session.flush()
    return created


def list_for(
    session: Session, actor: Actor, *, unread_only: bool = False, limit: int = 50
) -> list[Notification]:
    """The actor's newest notifications."""
    query = select(Notification).where(Notification.user_id == actor.user_id)
    if unread_only:
        query = query.where(col(Notification.read_at).is_(None))
    return list(session.execute(query.order_by(col(Notification.id).desc()).limit(limit)).scalars())


def unread_count(session: Session, actor: Actor) -> int:
    """How many of the actor's notifications are unread."""
    return int(
        session.execute(
            select(func.count())
            .select_from(Notification)
            .where(Notification.user_id == actor.user_id, col(Notification.read_at).is_(None))
        ).scalar_one()
    )


def mark_read(session: Session, actor: Actor, notification_id: int | None = None) -> int:
    """Mark one (or, with no id, every) notification of the actor as read."""
    query = select(Notification).where(
        Notification.user_id == actor.user_id, col(Notification.read_at).is_(None)
    )
    if notification_id is not None:
        query = query.where(Notification.id == notification_id)
    items = list(session.execute(query).scalars())
    now = utcnow()
    for item in items:
        item.read_at = now
        session.add(item)
    return len(items)


def send_pending_emails(
    session: Session, smtp_url: str, *, sender: str = "woms@localhost", limit: int = 200
) -> int:
    """E-mail notifications not yet sent to accounts whose person has an address.

    Args:
        session: the open session.
        smtp_url: ``smtp://host:port``; nothing is sent when empty.
        sender: the From address.
        limit: at most this many per call.

    Returns:
        How many messages were handed to the SMTP server.
    """
    if not smtp_url:
        return 0
    target = urlparse(smtp_url)
    rows = session.execute(
        select(Notification, Person.email)
        .join(UserAccount, col(UserAccount.id) == col(Notification.user_id))
        .join(Person, col(Person.id) == col(UserAccount.person_id))
        .where(col(Notification.emailed_at).is_(None), col(Person.email).is_not(None))
        .order_by(col(Notification.id))
        .limit(limit)
    ).all()
    if not rows:
        return 0
    sent = 0
    with smtplib.SMTP(target.hostname or "127.0.0.1", target.port or 25, timeout=10) as smtp:
        for item, email in rows:
            message = EmailMessage()
            message["From"] = sender
            message["To"] = email
            message["Subject"] = f"[WOMS] {item.title}"
            message.set_content(f"{item.body}\n\n{item.link}".strip())
            smtp.send_message(message)
            item.emailed_at = utcnow()
            session.add(item)
            sent += 1
    return sent
