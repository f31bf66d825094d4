"""The daily jobs notify warnings and deadlines once, and e-mail what is pending."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from conftest_smtp import SmtpInbox
from sqlalchemy import func
from sqlmodel import select

from woms_pwa.core.db import session_scope
from woms_pwa.core.demo_loader import load_demo
from woms_pwa.core.jobs import run_daily_jobs
from woms_pwa.core.notifications.models import Notification


def _count(db_url: str) -> int:
    with session_scope(db_url) as session:
        return int(session.execute(select(func.count()).select_from(Notification)).scalar_one())


def test_jobs_notify_once_and_email(
    db_url: str, tmp_path: Path, smtp: tuple[str, SmtpInbox]
) -> None:
    with session_scope(db_url) as session:
        load_demo(session, tmp_path / "demo")
    url, inbox = smtp
    with session_scope(db_url) as session:
        first = run_daily_jobs(session, today=dt.date(2025, 11, 25), smtp_url=url)
    assert first.alert_notifications > 0
    assert first.reminders > 0  # the 2026 annual plans are due by 30/11
    after_first = _count(db_url)
    assert after_first == first.alert_notifications + first.reminders
    with session_scope(db_url) as session:
        again = run_daily_jobs(session, today=dt.date(2025, 11, 25), smtp_url=url)
    assert (again.alert_notifications, again.reminders) == (0, 0)
    assert _count(db_url) == after_first
    assert first.emails > 0 and again.emails == 0
    assert len(inbox.wait_for(first.emails)) == first.emails
    with session_scope(db_url) as session:
        titles = set(session.execute(select(Notification.title)).scalars())
    assert "Cảnh báo: TANPHONG-2025-NS1.1 – Dự báo không đạt" in titles


def test_jobs_cli_rejects_a_bad_date(db_url: str) -> None:
    woms = Path(sys.executable).with_name("woms")
    result = subprocess.run(
        [str(woms), "jobs", "run", "--today", "31/12/2025"],
        env={**os.environ, "WOMS_DB_URL": db_url},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "Ngày không hợp lệ" in result.stderr
