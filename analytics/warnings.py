"""Early warnings for key results: forecast to miss, stale, or needing an unseen pace.

Pure rules over frames. Three independent rules, each giving ``at_risk`` or
``off_track`` with a Vietnamese explanation that names the numbers:

``forecast_miss``
    the probability of reaching the target (from ``analytics.forecast``) is
    below ``WarningPolicy.at_risk_p`` / ``off_track_p``.
``stale``
    no check-in within the reporting frequency (plus a grace period);
    ``off_track`` when more than ``stale_off_track_periods`` periods were missed.
``pace``
    the monthly progress still needed to reach the target by the end of the
    period exceeds the best monthly progress the key result has ever shown
    (``off_track`` beyond ``pace_off_track_ratio`` times it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.vntext import format_number_vi, parse_number

WARNING_COLUMNS = [
    "kr_code",
    "owner_code",
    "kind",
    "level",
    "message",
    "forecast",
    "target",
    "p_reach_target",
]
FREQUENCY_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92, "half_year": 183, "year": 366}
FREQUENCY_ALIASES = {
    "ngày": "day",
    "tuần": "week",
    "tháng": "month",
    "quý": "quarter",
    "năm": "year",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "yearly": "year",
    "annual": "year",
}
FREQUENCY_LABELS = {
    "day": "hằng ngày",
    "week": "hằng tuần",
    "month": "hằng tháng",
    "quarter": "hằng quý",
    "half_year": "6 tháng một lần",
    "year": "hằng năm",
}


@dataclass(frozen=True)
class WarningPolicy:
    """Thresholds of the early-warning rules.

    Attributes:
        at_risk_p: flag ``at_risk`` when the probability of reaching the target is below this.
        off_track_p: flag ``off_track`` below this.
        stale_grace_days: days allowed after the reporting period before a key result is stale.
        stale_off_track_periods: missed periods after which a stale key result is off track.
        pace_at_risk_ratio: flag when the needed monthly pace exceeds this × the best ever.
        pace_off_track_ratio: ``off_track`` when it exceeds this × the best ever.
    """

    at_risk_p: float = 0.5
    off_track_p: float = 0.2
    stale_grace_days: int = 5
    stale_off_track_periods: float = 2.0
    pace_at_risk_ratio: float = 1.0
    pace_off_track_ratio: float = 1.5


def _num(value: float, decimals: int = 1) -> str:
    return format_number_vi(float(value), decimals)


def _with_unit(value: float, unit: str) -> str:
    """``9,8%`` but ``12 hồ sơ``: Vietnamese writes ``%`` attached, words spaced."""
    text = _num(value)
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def _owner_suffix(owner: str) -> str:
    return f" Đơn vị/người chịu trách nhiệm: {owner}." if owner else ""


def _column(frame: pd.DataFrame, name: str, default: object) -> pd.Series:
    if name in frame.columns:
        return frame[name]
    return pd.Series([default] * len(frame), index=frame.index)


def _text(frame: pd.DataFrame, name: str) -> np.ndarray:
    """A text column as a numpy array of str, empty where missing."""
    return _column(frame, name, "").fillna("").astype(str).to_numpy()


def _owner_labels(frame: pd.DataFrame) -> np.ndarray:
    """Who is named in a message: ``owner_name (owner_code)`` when a name is given."""
    codes, names = _text(frame, "owner_code"), _text(frame, "owner_name")
    return np.array(
        [f"{n} ({c})" if n and c else (n or c) for n, c in zip(names, codes, strict=True)],
        dtype=object,
    )


def pace_from_checkins(checkins: pd.DataFrame) -> pd.DataFrame:
    """Monthly increments of cumulative key results from their check-ins.

    Args:
        checkins: columns ``kr_code, date, value`` (cumulative year-to-date values).

    Returns:
        Columns ``kr_code, year, month, increment``: the change of the last
        reading of each month over the previous month's (from zero at the start
        of a year), per month elapsed when months were skipped.
    """
    frame = checkins.loc[:, ["kr_code", "date", "value"]].copy()
    when = pd.to_datetime(frame["date"])
    frame["year"], frame["month"] = when.dt.year, when.dt.month
    frame = frame.sort_values(["kr_code", "year", "month"], kind="stable")
    last = frame.groupby(["kr_code", "year", "month"], sort=False).tail(1)
    prev_value = last.groupby(["kr_code", "year"])["value"].shift(1).fillna(0.0)
    prev_month = last.groupby(["kr_code", "year"])["month"].shift(1).fillna(0)
    increment = (last["value"] - prev_value) / (last["month"] - prev_month)
    return pd.DataFrame(
        {
            "kr_code": last["kr_code"].to_numpy(),
            "year": last["year"].to_numpy(),
            "month": last["month"].to_numpy(),
            "increment": increment.to_numpy(dtype=float),
        }
    )


def evaluate_warnings(
    krs: pd.DataFrame,
    as_of: dt.date,
    policy: WarningPolicy | None = None,
    pace_history: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Apply the three rules to every key result.

    Args:
        krs: one row per key result with ``kr_code, owner_code, target`` and
            optionally ``owner_name`` (named in the messages with the code),
            ``direction`` (default ``increase``), ``unit``,
            ``forecast``, ``p_reach_target``, ``current`` (latest value),
            ``last_checkin`` (date), ``frequency`` (``week``/``month``/
            ``quarter``/``year`` or a number of days; default ``month``),
            ``period_start``, ``period_end`` (default 31 December of the as-of
            year) and ``action`` (the verb of the pace message, e.g.
            ``giải ngân``; default ``đạt thêm``).
        as_of: the evaluation date.
        policy: thresholds; defaults when None.
        pace_history: ``kr_code, year, month, increment`` (see
            :func:`pace_from_checkins`); the pace rule is skipped without it.

    Returns:
        One row per warning with ``WARNING_COLUMNS``, off-track first.
    """
    policy = policy or WarningPolicy()
    parts = [
        _forecast_rule(krs, policy),
        _stale_rule(krs, as_of, policy),
        _pace_rule(krs, as_of, policy, pace_history),
    ]
    out = pd.concat([p for p in parts if len(p)] or [parts[0]], ignore_index=True)
    out = out.reindex(columns=WARNING_COLUMNS)
    order = out["level"].map({"off_track": 0, "at_risk": 1})
    return (
        out.assign(_o=order)
        .sort_values(["_o", "kr_code", "kind"], kind="stable")
        .drop(columns="_o")
        .reset_index(drop=True)
    )


def _base(
    krs: pd.DataFrame, mask: np.ndarray, kind: str, level: np.ndarray, messages: list[str]
) -> pd.DataFrame:
    sub = krs.loc[mask]
    return pd.DataFrame(
        {
            "kr_code": sub["kr_code"].to_numpy(),
            "owner_code": _column(sub, "owner_code", "").to_numpy(),
            "kind": kind,
            "level": level[mask],
            "message": messages,
            "forecast": pd.to_numeric(_column(sub, "forecast", np.nan), errors="coerce").to_numpy(
                dtype=float
            ),
            "target": pd.to_numeric(sub["target"], errors="coerce").to_numpy(dtype=float),
            "p_reach_target": pd.to_numeric(
                _column(sub, "p_reach_target", np.nan), errors="coerce"
            ).to_numpy(dtype=float),
        }
    )


def _forecast_rule(krs: pd.DataFrame, policy: WarningPolicy) -> pd.DataFrame:
    p = pd.to_numeric(_column(krs, "p_reach_target", np.nan), errors="coerce").to_numpy(dtype=float)
    mask = np.isfinite(p) & (p < policy.at_risk_p)
    level = np.where(p < policy.off_track_p, "off_track", "at_risk")
    sub = krs.loc[mask]
    messages = []
    for fc, target, prob, unit, direction, owner in zip(
        pd.to_numeric(_column(sub, "forecast", np.nan), errors="coerce"),
        pd.to_numeric(sub["target"], errors="coerce"),
        p[mask],
        _column(sub, "unit", "").fillna("").astype(str),
        _column(sub, "direction", "increase").fillna("increase").astype(str),
        _owner_labels(sub),
        strict=True,
    ):
        limit = "chỉ tiêu không vượt quá" if direction == "decrease" else "chỉ tiêu"
        head = (
            f"Dự báo cuối kỳ {_with_unit(fc, unit)}, {limit} {_with_unit(target, unit)}"
            if np.isfinite(fc)
            else f"Chỉ tiêu {_with_unit(target, unit)}"
        )
        messages.append(
            f"{head}; khả năng đạt chỉ tiêu {_num(100 * prob, 0)}%.{_owner_suffix(owner)}"
        )
    return _base(krs, mask, "forecast_miss", level, messages)


def _frequency_days(freq: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Reporting frequency -> (days, Vietnamese label); unknown values count as monthly."""
    keys = freq.fillna("month").astype(str).str.strip().str.lower()
    keys = keys.map(lambda k: FREQUENCY_ALIASES.get(k, k))
    table: dict[str, tuple[float, str]] = {}
    for key in keys.unique():
        if key in FREQUENCY_DAYS:
            table[key] = (float(FREQUENCY_DAYS[key]), FREQUENCY_LABELS[key])
        else:
            n = parse_number(key)
            table[key] = (
                (n, f"mỗi {_num(n, 0)} ngày") if n and n > 0 else (31.0, FREQUENCY_LABELS["month"])
            )
    days = keys.map(lambda k: table[k][0]).to_numpy(dtype=float)
    labels = keys.map(lambda k: table[k][1]).to_numpy(dtype=object)
    return days, labels


def _stale_rule(krs: pd.DataFrame, as_of: dt.date, policy: WarningPolicy) -> pd.DataFrame:
    now = pd.Timestamp(as_of)
    last = pd.to_datetime(_column(krs, "last_checkin", pd.NaT))
    start = pd.to_datetime(_column(krs, "period_start", pd.NaT))
    freq_days, labels = _frequency_days(_column(krs, "frequency", "month"))
    reference = last.where(last.notna(), start)
    age = (now - reference).dt.days.to_numpy(dtype=float)
    never = last.isna().to_numpy()
    limit = freq_days + policy.stale_grace_days
    # Never reported and no known start: cannot judge lateness, but it is a gap.
    mask = (age > limit) | (never & np.isnan(age))
    level = np.where(
        (age > policy.stale_off_track_periods * freq_days + policy.stale_grace_days),
        "off_track",
        "at_risk",
    )
    owners = _owner_labels(krs)
    messages = []
    for i in np.nonzero(mask)[0]:
        owner = owners[i]
        period = f"kỳ báo cáo {labels[i]}"
        if never[i]:
            since = "" if np.isnan(age[i]) else f" sau {_num(age[i], 0)} ngày kể từ đầu kỳ"
            messages.append(
                f"Chưa cập nhật kết quả lần nào{since} ({period}).{_owner_suffix(owner)}"
            )
        else:
            date = reference.iloc[i].strftime("%d/%m/%Y")
            messages.append(
                f"Chưa cập nhật kết quả từ ngày {date} ({_num(age[i], 0)} ngày; {period}).{_owner_suffix(owner)}"
            )
    return _base(krs, mask, "stale", level, messages)


def months_left(as_of: dt.date, period_end: pd.Series) -> np.ndarray:
    """Whole months from the as-of month to the end of the period (September → December = 3)."""
    end = pd.to_datetime(period_end)
    return ((end.dt.year - as_of.year) * 12 + end.dt.month - as_of.month).to_numpy(dtype=float)


def _pace_rule(
    krs: pd.DataFrame, as_of: dt.date, policy: WarningPolicy, pace_history: pd.DataFrame | None
) -> pd.DataFrame:
    none = np.zeros(len(krs), dtype=bool)
    empty = _base(krs, none, "pace", np.full(len(krs), "at_risk", dtype=object), [])
    if pace_history is None or "current" not in krs.columns or not len(pace_history):
        return empty
    decrease = (
        _column(krs, "direction", "increase")
        .fillna("increase")
        .astype(str)
        .eq("decrease")
        .to_numpy()
    )
    milestone = (
        _column(krs, "direction", "increase").fillna("").astype(str).eq("milestone").to_numpy()
    )
    sign = np.where(decrease, -1.0, 1.0)
    current = pd.to_numeric(krs["current"], errors="coerce").to_numpy(dtype=float)
    target = pd.to_numeric(krs["target"], errors="coerce").to_numpy(dtype=float)
    default_end = pd.Timestamp(as_of.year, 12, 31)
    ends = pd.to_datetime(_column(krs, "period_end", default_end)).fillna(default_end)
    left = months_left(as_of, ends)
    needed = sign * (target - current) / np.maximum(left, 1)

    hist = pace_history.loc[:, ["kr_code", "year", "increment"]]
    best_up = hist.groupby("kr_code")["increment"].max()
    best_down = (-hist["increment"]).groupby(hist["kr_code"]).max()
    only_this_year = hist.groupby("kr_code")["year"].min() >= as_of.year
    codes = krs["kr_code"]
    best = np.where(
        decrease,
        codes.map(best_down).to_numpy(dtype=float),
        codes.map(best_up).to_numpy(dtype=float),
    )
    best_ok = np.isfinite(best)
    best = np.where(best_ok, np.maximum(best, 0.0), np.nan)
    mask = (
        ~milestone
        & np.isfinite(needed)
        & (needed > 0)
        & (left >= 1)
        & best_ok
        & (needed > policy.pace_at_risk_ratio * best)
    )
    level = np.where(needed > policy.pace_off_track_ratio * best, "off_track", "at_risk")
    scope = codes.map(only_this_year).fillna(True).to_numpy(dtype=bool)
    units, actions, owners = _text(krs, "unit"), _text(krs, "action"), _owner_labels(krs)
    messages = []
    for i in np.nonzero(mask)[0]:
        unit, owner = units[i], owners[i]
        action = actions[i] or ("giảm" if decrease[i] else "đạt thêm")
        since = "từ đầu năm" if scope[i] else "từng đạt"
        what = "mức giảm nhanh nhất" if decrease[i] else "tốc độ cao nhất"
        messages.append(
            f"Cần {action} {_with_unit(needed[i], unit)}/tháng trong {_num(left[i], 0)} tháng còn lại; "
            f"{what} {since} là {_with_unit(best[i], unit)}/tháng.{_owner_suffix(owner)}"
        )
    return _base(krs, mask, "pace", level, messages)
