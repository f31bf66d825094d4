"""Facts computed from the database for one key result, handed to the composer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class KeyResultFacts:
    """Numbers about one key result, as the core computed them.

    Attributes:
        kr_code: key result code.
        kr_title: its title.
        unit_code: owning unit code.
        unit_name: owning unit name.
        measure: unit of measure ("%", "tỷ đồng"…).
        direction: ``increase``, ``decrease`` or ``milestone``.
        target: the target.
        current: latest reported value, ``None`` without check-ins.
        as_of: date of the latest value.
        expected_now: value the linear pace of the period expects on ``as_of``.
        completion: current ÷ target as a ratio (direction-aware).
        light: ``green``/``yellow``/``red``/``none``.
        forecast: forecast year-end value, ``None`` when unknown.
        p_reach: probability of reaching the target, ``None`` when unknown.
        rank: rank among peers with the same metric (1 = best), ``None`` alone.
        peers: number of peers ranked (including this one).
    """

    kr_code: str
    kr_title: str
    unit_code: str
    unit_name: str
    measure: str
    direction: str
    target: float
    current: float | None
    as_of: dt.date | None
    expected_now: float | None = None
    completion: float | None = None
    light: str = "none"
    forecast: float | None = None
    p_reach: float | None = None
    rank: int | None = None
    peers: int = 0

    @property
    def behind(self) -> bool:
        """Whether the key result is behind pace (yellow or red)."""
        return self.light in ("yellow", "red")
