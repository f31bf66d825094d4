"""``woms alerts [--as-of DATE] [--period P] [--notify] [--json]`` (exchange-format.md §3).

JSON: a list of ``{"kr_code", "owner_code", "kind", "message", "forecast",
"target"}`` plus ``level``, ``p_reach_target``, ``lower``, ``upper``, ``method``
and, for anomalies, ``source = "anomaly"``, ``key``, ``evidence``, ``explained``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from typing import Any

from woms_pwa.commands import add_command, print_result
from woms_pwa.core.settings import Settings


def parse_as_of(text: str) -> dt.date:
    """``YYYY-MM-DD``, or ``YYYY-MM`` meaning the last day of that month.

    Raises:
        ValueError: when the text is neither.
    """
    import calendar

    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{1,2}", text):
        year, month = (int(p) for p in text.split("-"))
        if 1 <= month <= 12:
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        raise ValueError(text)
    return dt.date.fromisoformat(text)


def cmd_alerts(args: argparse.Namespace, settings: Settings) -> int:
    """Early warnings and anomalies of a year period."""
    from sqlmodel import select

    from woms_pwa.cli import BadInput
    from woms_pwa.core.alerts.reviews import notify_alerts
    from woms_pwa.core.alerts.service import compute_alerts, export_rows
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.messages import alerts as msg
    from woms_pwa.core.migrate import upgrade
    from woms_pwa.core.models import Period
    from woms_pwa.core.periods import parse_period

    as_of = None
    if args.as_of:
        try:
            as_of = parse_as_of(args.as_of)
        except ValueError:
            raise BadInput(msg.BAD_AS_OF.format(value=args.as_of)) from None
    period = args.period
    if period is not None:
        spec = parse_period(period)
        if spec is None or spec.code != str(spec.year):
            raise BadInput(msg.BAD_PERIOD.format(value=period))
    elif as_of is not None:
        period = str(as_of.year)
    upgrade(settings.db_url)
    with session_scope(settings.db_url) as session:
        known = select(Period.id).where(Period.code == period)
        if period is not None and session.execute(known).first() is None:
            raise BadInput(msg.UNKNOWN_PERIOD.format(value=period))
        report = compute_alerts(session, period=period, as_of=as_of)
        if report is None:
            raise BadInput(msg.NO_PERIOD)
        if args.notify:
            notify_alerts(session, report)
    rows = export_rows(report.warnings + report.anomalies)
    human = [
        msg.CLI_SUMMARY.format(
            n_warnings=len(report.warnings),
            n_anomalies=len(report.anomalies),
            period=report.period,
            as_of=report.as_of.strftime("%d/%m/%Y"),
        )
    ]
    human += [f"- [{r['kind']}] {r['kr_code']}: {r['message']}" for r in rows]
    print_result(args, "\n".join(human), rows)
    return 0


def register(sub: Any) -> None:
    """Add the ``alerts`` sub-command."""
    command = add_command(sub, "alerts", cmd_alerts, "cảnh báo sớm và số liệu bất thường")
    command.add_argument("--as-of", dest="as_of", default=None, help="ngày tính, YYYY-MM-DD")
    command.add_argument("--period", default=None, help="kỳ năm, ví dụ 2025")
    command.add_argument(
        "--notify", action="store_true", help="gửi thông báo cho người chịu trách nhiệm và lãnh đạo"
    )
