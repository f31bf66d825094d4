"""Daily jobs of the cycle: deadline reminders, early-warning notifications, e-mails.

Run by the web app in the background (every few minutes; each notification has
a dedupe key, so repeating a run is harmless) and by ``woms jobs run`` for
deployments that prefer cron. The alerts are computed through the pages' store
(``refresh_alerts``): in the web app a run also refreshes what ``/canh-bao``
shows, and a report already computed at the current data version is reused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from woms_pwa.core.alerts.reviews import notify_alerts
from woms_pwa.core.alerts.service import refresh_alerts
from woms_pwa.core.notifications.service import send_pending_emails
from woms_pwa.core.planning.reminders import send_reminders


@dataclass(frozen=True)
class JobsSummary:
    """What one run of the jobs did."""

    reminders: int
    alert_notifications: int
    emails: int


def run_daily_jobs(session: Session, *, today: dt.date, smtp_url: str = "") -> JobsSummary:
    """Create due reminders and warning notifications, then e-mail what is pending.

    Args:
        session: the open session (one transaction for the run).
        today: the date the deadlines and warnings are computed for.
        smtp_url: ``smtp://host:port``; empty sends no e-mail.

    Returns:
        Counts of the notifications created and e-mails sent.
    """
    reminders = send_reminders(session, today=today)
    # Also keeps the pages' stored report fresh (reused when the data has not changed).
    report = refresh_alerts(session, today=today)
    alerts = notify_alerts(session, report) if report is not None else 0
    emails = send_pending_emails(session, smtp_url) if smtp_url else 0
    return JobsSummary(reminders=reminders.notified, alert_notifications=alerts, emails=emails)
