"""Long history frame -> dense ``series × year × month`` array.

Every method works on the same dense array so that 150,000 series are handled by
a few numpy operations instead of a Python loop. Years older than
``MAX_HISTORY_YEARS`` before the as-of year are dropped: profiles drift over time
(recency weights make very old years nearly weightless anyway) and the array stays
small.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

MAX_HISTORY_YEARS = 10
MONTHS = 12


@dataclass(frozen=True)
class Panel:
    """Dense view of the usable history.

    Attributes:
        series: series labels, in order of first appearance.
        years: calendar years along axis 1 (the last one is the as-of year).
        values: ``(n_series, n_years, 12)`` cumulative values, NaN where missing;
            gaps inside a year are linearly interpolated, months after the as-of
            month of the as-of year are NaN.
        observed: same shape, True where the value was reported (not interpolated).
        target: per-series target of the as-of year (NaN when none).
        decrease: per-series flag, True when lower is better.
        monotone: per-series flag, True when no reported value ever falls
            (a genuinely cumulative series: the year-end cannot be below today).
    """

    series: np.ndarray
    years: np.ndarray
    values: np.ndarray
    observed: np.ndarray
    target: np.ndarray
    decrease: np.ndarray
    monotone: np.ndarray

    @property
    def n_series(self) -> int:
        """Number of series."""
        return len(self.series)


def _interpolate_inside(values: np.ndarray) -> np.ndarray:
    """Linearly fill NaN gaps along the last axis between two reported months.

    Published monthly series often skip a month (January and February are
    reported together, a bulletin is missing); a profile needs the value at the
    as-of month of every earlier year, so interior gaps are interpolated. Nothing
    is extrapolated beyond the first or last reported month.
    """
    flat = values.reshape(-1, values.shape[-1])
    valid_all = np.isfinite(flat)
    width = flat.shape[1]
    # Only rows with a hole between their first and last reading need work
    # (most rows are complete or merely end early): cheap to find, costly to fill.
    count = valid_all.sum(axis=1)
    first = np.argmax(valid_all, axis=1)
    last = width - 1 - np.argmax(valid_all[:, ::-1], axis=1)
    holed = np.nonzero((count > 1) & (count < last - first + 1))[0]
    if not len(holed):
        return values
    sub, valid = flat[holed], valid_all[holed]
    idx = np.arange(width)
    prev = np.where(valid, idx, -1)
    np.maximum.accumulate(prev, axis=1, out=prev)
    nxt = np.where(valid, idx, width)
    nxt = np.minimum.accumulate(nxt[:, ::-1], axis=1)[:, ::-1]
    gap = ~valid & (prev >= 0) & (nxt < width)
    rows, cols = np.nonzero(gap)
    p, q = prev[rows, cols], nxt[rows, cols]
    frac = (cols - p) / (q - p)
    out = flat.copy()
    out[holed[rows], cols] = sub[rows, p] + frac * (sub[rows, q] - sub[rows, p])
    return out.reshape(values.shape)


def _targets(
    frame: pd.DataFrame,
    labels: pd.Index,
    when: tuple[np.ndarray, np.ndarray],
    as_of_year: int,
    as_of_month: int,
) -> np.ndarray:
    """Year-end target of each series, from ANY row of the as-of year that gives one.

    A target is a plan, known from January: it may be written only on the first
    row, only on December's (not yet reported) row, or on a row without a
    value. Rows up to the as-of month win over later ones (a target revised
    later is not known yet); the last such row wins among them.
    """
    target = np.full(len(labels), np.nan)
    if "target" not in frame.columns or not len(labels):
        return target
    year, month = when
    this_year = year == as_of_year
    t = np.full(len(year), np.nan)
    t[this_year] = pd.to_numeric(frame["target"].to_numpy()[this_year], errors="coerce")
    rows = np.isfinite(t)
    index = pd.Index(labels).get_indexer(frame["series"].to_numpy()[rows])
    found, value, later = index >= 0, t[rows], month[rows] > as_of_month
    # Later rows first, then known rows: numpy assigns in order, so known rows win.
    for subset in (later, ~later):
        take = found & subset
        target[index[take]] = value[take]
    return target


def build_panel(history: pd.DataFrame, as_of_year: int, as_of_month: int) -> Panel:
    """Build the dense panel from a long frame, using only information known at the as-of month.

    Args:
        history: columns ``series, year, month, value`` and optionally ``target``
            and ``direction`` (``increase``/``decrease``/``milestone``).
        as_of_year: the year being forecast.
        as_of_month: last month (1–12) whose values may be used in that year.

    Returns:
        The panel; series with no usable row at all are left out.
    """
    frame = history
    year = frame["year"].to_numpy(dtype=np.int64)
    month = frame["month"].to_numpy(dtype=np.int64)
    all_year, all_month = year, month
    value = pd.to_numeric(frame["value"], errors="coerce").to_numpy(dtype=float)
    first_year = as_of_year - MAX_HISTORY_YEARS
    keep = (
        (year >= first_year)
        & ((year < as_of_year) | ((year == as_of_year) & (month <= as_of_month)))
        & (month >= 1)
        & (month <= MONTHS)
        & np.isfinite(value)
    )
    codes, labels = pd.factorize(frame["series"].to_numpy()[keep])
    year, month, value = year[keep], month[keep], value[keep]
    n_years = as_of_year - (int(year.min()) if len(year) else as_of_year) + 1
    years = np.arange(as_of_year - n_years + 1, as_of_year + 1)
    values = np.full((len(labels), n_years, MONTHS), np.nan)
    # Later rows win on duplicates: numpy assigns in order.
    values[codes, year - years[0], month - 1] = value
    observed = np.isfinite(values)

    filled = _interpolate_inside(values)
    # A cumulative series never falls inside a year (interpolation keeps the order
    # of reported neighbours, so checking the filled array is enough).
    monotone = ~np.any(np.diff(filled, axis=2) < 0, axis=(1, 2))
    monotone &= ~np.any(filled < 0, axis=(1, 2))

    target = _targets(frame, labels, (all_year, all_month), as_of_year, as_of_month)
    decrease = np.zeros(len(labels), dtype=bool)
    if "direction" in frame.columns:
        direction = frame["direction"].astype("string").str.strip().str.lower()
        dec = direction.eq("decrease").fillna(False).to_numpy(dtype=bool)[keep]
        decrease[codes[dec]] = True
    return Panel(
        series=np.asarray(labels, dtype=object),
        years=years,
        values=filled,
        observed=observed,
        target=target,
        decrease=decrease,
        monotone=monotone,
    )
