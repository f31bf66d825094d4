"""``woms jobs run [--today YYYY-MM-DD]``: the daily jobs, for deployments using cron."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from woms_pwa.commands import add_command, print_result
from woms_pwa.core.settings import Settings


def cmd_jobs_run(args: argparse.Namespace, settings: Settings) -> int:
    """Run reminders, warning notifications and pending e-mails once."""
    from woms_pwa.cli import BadInput
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.jobs import run_daily_jobs
    from woms_pwa.core.migrate import upgrade

    try:
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    except ValueError:
        raise BadInput(f"Ngày không hợp lệ: '{args.today}' (định dạng YYYY-MM-DD).") from None
    upgrade(settings.db_url)
    with session_scope(settings.db_url) as session:
        summary = run_daily_jobs(session, today=today, smtp_url=settings.smtp_url)
    human = (
        f"Đã tạo {summary.reminders} nhắc hạn, {summary.alert_notifications} thông báo cảnh báo; "
        f"đã gửi {summary.emails} thư điện tử."
    )
    print_result(
        args,
        human,
        {
            "reminders": summary.reminders,
            "alert_notifications": summary.alert_notifications,
            "emails": summary.emails,
        },
    )
    return 0


def register(sub: Any) -> None:
    """Add ``woms jobs run``."""
    jobs = sub.add_parser(
        "jobs", help="các việc định kỳ: nhắc hạn, thông báo cảnh báo, thư điện tử"
    )
    jobs_sub = jobs.add_subparsers(dest="jobs_command", required=True)
    run = add_command(jobs_sub, "run", cmd_jobs_run, "chạy một lượt các việc định kỳ")
    run.add_argument("--today", help="ngày tính (YYYY-MM-DD), mặc định hôm nay")
