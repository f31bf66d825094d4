"""Plan periods: ``2025`` (year), ``2025-Q3`` (quarter), ``2025-07`` (month)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from woms_pwa.core.vocab import PeriodKind

_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?:Q(?P<quarter>[1-4])|(?P<month>0[1-9]|1[0-2])))?$")


@dataclass(frozen=True)
class PeriodSpec:
    """A parsed period code with its date range."""

    code: str
    kind: PeriodKind
    year: int
    start: dt.date
    end: dt.date


def parse_period(code: str) -> PeriodSpec | None:
    """Parse a period code; return ``None`` when it is not one.

    Args:
        code: ``YYYY``, ``YYYY-Qn`` or ``YYYY-MM``.
    """
    match = _PATTERN.match(code.strip())
    if not match:
        return None
    year = int(match["year"])
    if not 1990 <= year <= 2100:
        return None
    if match["quarter"]:
        quarter = int(match["quarter"])
        first, last = 3 * quarter - 2, 3 * quarter
        return PeriodSpec(
            code=f"{year}-Q{quarter}",
            kind=PeriodKind.QUARTER,
            year=year,
            start=dt.date(year, first, 1),
            end=dt.date(year, last, calendar.monthrange(year, last)[1]),
        )
    if match["month"]:
        month = int(match["month"])
        return PeriodSpec(
            code=f"{year}-{month:02d}",
            kind=PeriodKind.MONTH,
            year=year,
            start=dt.date(year, month, 1),
            end=dt.date(year, month, calendar.monthrange(year, month)[1]),
        )
    return PeriodSpec(
        code=str(year),
        kind=PeriodKind.YEAR,
        year=year,
        start=dt.date(year, 1, 1),
        end=dt.date(year, 12, 31),
    )
