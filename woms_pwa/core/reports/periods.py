"""Report periods: month ``2025-09``, quarter ``2025-Q3``, year ``2025``, ISO week ``2025-W38``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from woms_pwa.core.messages import reports as rmsg
from woms_pwa.core.periods import parse_period

REPORT_KINDS = ("monthly", "quarterly", "annual", "weekly")
_WEEK = re.compile(r"^(?P<year>\d{4})-W(?P<week>\d{1,2})$")


class ReportInputError(ValueError):
    """Bad report request; the message is Vietnamese and safe to show."""


@dataclass(frozen=True)
class ReportPeriod:
    """What a report covers: its kind, code, dates and the annual plan it reads."""

    kind: str
    code: str
    year: int
    start: dt.date
    end: dt.date

    @property
    def title(self) -> str:
        """The Vietnamese title line (``Báo cáo tiến độ … tháng 9 năm 2025``)."""
        template = rmsg.REPORT_TITLE[self.kind]
        return template.format(
            month=self.start.month,
            quarter=(self.start.month - 1) // 3 + 1,
            year=self.year,
            week=self.start.isocalendar().week,
        )


def report_period(kind: str, code: str) -> ReportPeriod:
    """Parse the period of a report of ``kind``.

    Raises:
        ReportInputError: the code does not fit the kind.
    """
    code = (code or "").strip()
    if kind == "weekly":
        match = _WEEK.match(code)
        if not match:
            raise ReportInputError(rmsg.REPORT_BAD_WEEK.format(value=code))
        try:
            start = dt.date.fromisocalendar(int(match["year"]), int(match["week"]), 1)
        except ValueError as exc:
            raise ReportInputError(rmsg.REPORT_BAD_WEEK.format(value=code)) from exc
        iso = start.isocalendar()
        return ReportPeriod(
            kind, f"{iso.year}-W{iso.week:02d}", start.year, start, start + dt.timedelta(days=6)
        )
    spec = parse_period(code)
    expected = {"monthly": "month", "quarterly": "quarter", "annual": "year"}.get(kind)
    errors = {
        "monthly": rmsg.REPORT_BAD_MONTH,
        "quarterly": rmsg.REPORT_BAD_QUARTER,
        "annual": rmsg.REPORT_BAD_YEAR,
    }
    if expected is None:
        raise ReportInputError(rmsg.REPORT_BAD_FORMAT.format(value=kind))
    if spec is None or spec.kind.value != expected:
        raise ReportInputError(errors[kind].format(value=code))
    return ReportPeriod(kind, spec.code, spec.year, spec.start, spec.end)


def next_quarter(period: ReportPeriod) -> tuple[dt.date, dt.date]:
    """First and last day of the quarter after ``period``'s end."""
    first = period.end + dt.timedelta(days=1)
    month = first.month
    last_month = ((month - 1) // 3) * 3 + 3
    end = dt.date(first.year, last_month, 1)
    end = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return first, end
