"""Deadline reminders: in-app notifications for every account, e-mail when SMTP is set."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from analytics.vntext import format_date_vi
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.models import UserAccount
from woms_pwa.core.notifications.service import Recipient, notify, send_pending_emails
from woms_pwa.core.permissions import Actor
from woms_pwa.core.planning.calendar import upcoming_for

CALENDAR_ROUTE = "/lich"


@dataclass(frozen=True)
class ReminderSummary:
    """What one reminder run did."""

    accounts: int
    notified: int
    emailed: int


def send_reminders(
    session: Session, *, today: dt.date, smtp_url: str = "", lead_days: int = 7
) -> ReminderSummary:
    """Notify every active account of its overdue and soon-due deadlines.

    A reminder is stored once per account, deadline, stage (``soon`` /
    ``overdue``) and due date, so running the job daily does not repeat it,
    while a deadline moved by the province is reminded with its new date. Pending
    notifications are then e-mailed when ``smtp_url`` is set.

    Args:
        session: the open session.
        today: the date to compute from.
        smtp_url: ``smtp://host:port``; empty = no e-mail.
        lead_days: remind this many days ahead.
    """
    accounts = list(
        session.execute(
            select(UserAccount).where(
                col(UserAccount.is_active).is_(True), UserAccount.role != "admin"
            )
        ).scalars()
    )
    notified = 0
    for account in accounts:
        actor = Actor.from_account(account)
        for item in upcoming_for(session, actor, today=today, horizon_days=lead_days):
            if item.status not in ("overdue", "due_soon"):
                continue
            stage = "overdue" if item.status == "overdue" else "soon"
            status = msg.DEADLINE_STATUS[item.status]
            created = notify(
                session,
                Recipient(user_id=account.id),
                kind="deadline",
                title=msg.REMINDER_TITLE.format(
                    label=item.label, date=format_date_vi(item.due), status=status.lower()
                ),
                body=msg.REMINDER_BODY.format(owner=item.owner_name, date=format_date_vi(item.due)),
                link=CALENDAR_ROUTE,
                # The due date is part of the key: a deadline the province moves
                # is reminded again with its new date.
                dedupe_key=(
                    f"deadline:{item.key}:{item.period}:{item.owner_code}:{stage}"
                    f":{item.due.isoformat()}"
                ),
            )
            notified += len(created)
    emailed = send_pending_emails(session, smtp_url) if smtp_url else 0
    return ReminderSummary(len(accounts), notified, emailed)
