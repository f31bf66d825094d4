"""Early warnings for key results: forecast to miss, stale, or needing an unseen pace.

Pure rules over frames. Three independent rules, each giving ``at_risk`` or
``off_track`` with a Vietnamese explanation that names the numbers:

``forecast_miss``
    the probability (from ``analytics.forecast``) of ending the period on plan
    is below ``WarningPolicy.at_risk_p`` / ``off_track_p``.
``stale``
    no check-in within the reporting frequency (plus a grace period);
    ``off_track`` when more than ``stale_off_track_periods`` periods were missed.
``pace``
    the monthly progress still needed to end the period on plan exceeds the
    best monthly progress the key result has ever shown (``off_track`` beyond
    ``pace_off_track_ratio`` times it).

"On plan" is not "exactly the target". A KPI ending at 95% of its target is
lit green on the dashboard (``analytics.progress.LightThresholds.green``, the
traffic light of Phụ lục 4), and an OKR is a stretch goal for which 70% is
already good (the proposal: "khoảng 70% đến 80% thành công được coi là tốt";
``analytics.scoring`` pays its bonus from 70%). A warning about a shortfall the
dashboard itself calls green would be noise, so the forecast and pace rules
measure against ``margin × target`` (``target ÷ margin`` when lower is better),
while the messages still quote the target itself.

A done/not-done key result (a milestone, or "at least one" of something) has
nothing to report until it is done: silence before the last reporting period
ahead of its due date is not staleness.
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
KPI_MARGIN = 0.95
"""Share of the target from which a KPI counts as on plan (the green light)."""
OKR_MARGIN = 0.7
"""Share of the target from which an OKR (a stretch goal) counts as on plan."""
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
        at_risk_p: flag ``at_risk`` when the probability of ending on plan is below this.
        off_track_p: flag ``off_track`` below this.
        kpi_margin: share of the target from which a KPI ends on plan (1.0 = the
            target exactly).
        okr_margin: the same for an OKR (stretch) key result.
        stale_grace_days: days allowed after the reporting period before a key result is stale.
        stale_off_track_periods: missed periods after which a stale key result is off track.
        pace_at_risk_ratio: flag when the needed monthly pace exceeds this × the best ever.
        pace_off_track_ratio: ``off_track`` when it exceeds this × the best ever.
    """

    at_risk_p: float = 0.5
    off_track_p: float = 0.2
    kpi_margin: float = KPI_MARGIN
    okr_margin: float = OKR_MARGIN
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


def _directions(krs: pd.DataFrame) -> np.ndarray:
    """``direction`` per key result, ``increase`` where missing."""
    direction = _text(krs, "direction")
    return np.where(direction == "", "increase", direction)


def margins(krs: pd.DataFrame, policy: WarningPolicy | None = None) -> np.ndarray:
    """Share of the target from which each key result counts as on plan.

    Args:
        krs: key results with optional ``kind`` (``kpi``/``okr``; default ``kpi``).
        policy: the margins; defaults when None.
    """
    policy = policy or WarningPolicy()
    kind = _text(krs, "kind")
    return np.where(np.char.lower(kind.astype(str)) == "okr", policy.okr_margin, policy.kpi_margin)


def on_plan_levels(krs: pd.DataFrame, policy: WarningPolicy | None = None) -> np.ndarray:
    """The least good year-end result still on plan: ``margin × target``.

    Lower-is-better key results divide instead (a ceiling of 100 cases tolerates
    105,3 at a 95% margin; a ceiling of 0 tolerates nothing). Milestones have no
    level (NaN): they are done or not.

    Args:
        krs: key results with ``target`` and optional ``direction`` and ``kind``.
        policy: the margins; defaults when None.
    """
    target = pd.to_numeric(krs["target"], errors="coerce").to_numpy(dtype=float)
    direction = _directions(krs)
    margin = np.clip(margins(krs, policy), 1e-6, 1.0)
    level = np.where(direction == "decrease", target / margin, target * margin)
    return np.where(direction == "milestone", np.nan, level)


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
            ``direction`` (default ``increase``), ``kind`` (``kpi``/``okr``,
            default ``kpi``: sets the margin), ``unit``, ``forecast``,
            ``p_reach_target``, ``p_reach_margin`` (probability of ending at
            or beyond :func:`on_plan_levels`; when missing the target's
            probability decides), ``current`` (latest value),
            ``last_checkin`` (date), ``frequency`` (``week``/``month``/
            ``quarter``/``year`` or a number of days; default ``month``),
            ``due`` (date a done-or-not result is due), ``period_start``,
            ``period_end`` (default 31 December of the as-of year),
            ``peer_group`` (e.g. the metric code, for the pace of peers) and
            ``action`` (the verb of the pace message, e.g. ``giải ngân``;
            default ``đạt thêm``).
        as_of: the evaluation date.
        policy: thresholds; defaults when None.
        pace_history: ``kr_code, year, month, increment`` (see
            :func:`pace_from_checkins`), optionally ``target`` (the target of
            that year) and ``group`` (peer group) so that key results without
            an earlier year of their own are compared with their peers' pace in
            the same months of earlier years; the pace rule is skipped without it.

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
    p_target = pd.to_numeric(_column(krs, "p_reach_target", np.nan), errors="coerce").to_numpy(
        dtype=float
    )
    p_margin = pd.to_numeric(_column(krs, "p_reach_margin", np.nan), errors="coerce").to_numpy(
        dtype=float
    )
    # Without the probability of ending on plan, the probability of the target decides.
    p = np.where(np.isfinite(p_margin), p_margin, p_target)
    mask = np.isfinite(p) & (p < policy.at_risk_p)
    level = np.where(p < policy.off_track_p, "off_track", "at_risk")
    sub = krs.loc[mask]
    share = margins(sub, policy)
    messages = []
    for fc, target, prob, on_plan, part, unit, direction, owner in zip(
        pd.to_numeric(_column(sub, "forecast", np.nan), errors="coerce"),
        pd.to_numeric(sub["target"], errors="coerce"),
        p_target[mask],
        p_margin[mask],
        share,
        _column(sub, "unit", "").fillna("").astype(str),
        _column(sub, "direction", "increase").fillna("increase").astype(str),
        _owner_labels(sub),
        strict=True,
    ):
        decrease = direction == "decrease"
        limit = "chỉ tiêu không vượt quá" if decrease else "chỉ tiêu"
        head = (
            f"Dự báo cuối kỳ {_with_unit(fc, unit)}, {limit} {_with_unit(target, unit)}"
            if np.isfinite(fc)
            else f"Chỉ tiêu {_with_unit(target, unit)}"
        )
        chances = f"khả năng đạt chỉ tiêu {_num(100 * prob, 0)}%" if np.isfinite(prob) else ""
        known = bool(np.isfinite(on_plan))
        same = known and np.isfinite(prob) and round(100 * prob) == round(100 * on_plan)
        if known and part < 1.0 and not same:
            # Say what "on plan" means here: it is why a near miss is not flagged.
            tolerance = (
                f"không vượt quá {_num(100 / part, 0)}% mức chỉ tiêu"
                if decrease
                else f"đạt từ {_num(100 * part, 0)}% chỉ tiêu"
            )
            extra = f"khả năng {tolerance} là {_num(100 * on_plan, 0)}%"
            chances = f"{chances}, {extra}" if chances else extra
        messages.append(f"{head}; {chances}.{_owner_suffix(owner)}")
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


def done_or_not(krs: pd.DataFrame) -> np.ndarray:
    """Key results whose progress is done or not done: milestones and "at least one" counts.

    A target of exactly 1 of something other than a percentage ("có ít nhất 1
    sáng kiến", "1 chi bộ") has no intermediate progress to report.
    """
    direction = _directions(krs)
    target = pd.to_numeric(krs["target"], errors="coerce").to_numpy(dtype=float)
    unit = np.char.strip(_text(krs, "unit").astype(str))
    single = (direction == "increase") & (target == 1.0) & (unit != "%")
    return (direction == "milestone") | single


def _stale_rule(krs: pd.DataFrame, as_of: dt.date, policy: WarningPolicy) -> pd.DataFrame:
    now = pd.Timestamp(as_of)
    last = pd.to_datetime(_column(krs, "last_checkin", pd.NaT))
    start = pd.to_datetime(_column(krs, "period_start", pd.NaT))
    freq_days, labels = _frequency_days(_column(krs, "frequency", "month"))
    reference = last.where(last.notna(), start)
    age = (now - reference).dt.days.to_numpy(dtype=float)
    never = last.isna().to_numpy()
    limit = freq_days + policy.stale_grace_days
    # Done-or-not results report when done: their clock runs only from the last
    # reporting period before the due date (or the end of the period).
    binary = done_or_not(krs)
    default_end = pd.Timestamp(as_of.year, 12, 31)
    ends = pd.to_datetime(_column(krs, "period_end", default_end)).fillna(default_end)
    due = pd.to_datetime(_column(krs, "due", pd.NaT))
    due = due.where(due.notna(), ends)
    to_due = (due - now).dt.days.to_numpy(dtype=float)
    waiting = binary & (to_due > freq_days)
    # Never reported and no known start: cannot judge lateness, but it is a gap.
    mask = ((age > limit) | (never & np.isnan(age))) & ~waiting
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
        deadline = ""
        if binary[i]:
            days = _num(abs(to_due[i]), 0)
            when = f"còn {days} ngày" if to_due[i] >= 0 else f"đã quá hạn {days} ngày"
            deadline = f"; hạn hoàn thành {due.iloc[i].strftime('%d/%m/%Y')}, {when}"
        if never[i]:
            since = "" if np.isnan(age[i]) else f" sau {_num(age[i], 0)} ngày kể từ đầu kỳ"
            messages.append(
                f"Chưa cập nhật kết quả lần nào{since} ({period}){deadline}.{_owner_suffix(owner)}"
            )
        else:
            date = reference.iloc[i].strftime("%d/%m/%Y")
            messages.append(
                f"Chưa cập nhật kết quả từ ngày {date} ({_num(age[i], 0)} ngày; {period})"
                f"{deadline}.{_owner_suffix(owner)}"
            )
    return _base(krs, mask, "stale", level, messages)


def months_left(as_of: dt.date, period_end: pd.Series) -> np.ndarray:
    """Whole months from the as-of month to the end of the period (September → December = 3)."""
    end = pd.to_datetime(period_end)
    return ((end.dt.year - as_of.year) * 12 + end.dt.month - as_of.month).to_numpy(dtype=float)


def _peer_pace(pace_history: pd.DataFrame, as_of: dt.date, decrease: bool) -> pd.Series:
    """Typical best monthly pace, as a share of the target, of the rest of earlier years.

    For each peer group: every series-year before the as-of year gives its best
    month after the as-of month (``increment ÷ that year's target``); the median
    over them is what key results of this kind usually manage at this time of
    year (disbursement's year-end rush, not its slow spring).
    """
    needed = {"kr_code", "year", "month", "increment", "target", "group"}
    if not needed <= set(pace_history.columns):
        return pd.Series(dtype=float)
    past = pace_history.loc[
        (pace_history["year"] < as_of.year) & (pace_history["month"] > as_of.month)
    ]
    target = pd.to_numeric(past["target"], errors="coerce").abs()
    usable = target.gt(0) & past["group"].notna()
    past, target = past.loc[usable], target[usable]
    if past.empty:
        return pd.Series(dtype=float)
    sign = -1.0 if decrease else 1.0
    share = sign * past["increment"].astype(float) / target
    best = share.groupby([past["group"], past["kr_code"], past["year"]]).max()
    return best.groupby(level=0).median()


def _pace_rule(
    krs: pd.DataFrame, as_of: dt.date, policy: WarningPolicy, pace_history: pd.DataFrame | None
) -> pd.DataFrame:
    none = np.zeros(len(krs), dtype=bool)
    empty = _base(krs, none, "pace", np.full(len(krs), "at_risk", dtype=object), [])
    if pace_history is None or "current" not in krs.columns or not len(pace_history):
        return empty
    direction = _directions(krs)
    decrease = direction == "decrease"
    milestone = direction == "milestone"
    sign = np.where(decrease, -1.0, 1.0)
    current = pd.to_numeric(krs["current"], errors="coerce").to_numpy(dtype=float)
    target = pd.to_numeric(krs["target"], errors="coerce").to_numpy(dtype=float)
    on_plan = on_plan_levels(krs, policy)
    default_end = pd.Timestamp(as_of.year, 12, 31)
    ends = pd.to_datetime(_column(krs, "period_end", default_end)).fillna(default_end)
    # The shortfall is measured from the latest reading, so the months left
    # count from that reading's month: a key result last reported in June has
    # July and August's progress still to show, not only the months after today.
    last = pd.to_datetime(_column(krs, "last_checkin", pd.NaT))
    seen = last.notna() & (last.dt.year == as_of.year) & (last.dt.month < as_of.month)
    lag = np.where(seen, as_of.month - last.dt.month.fillna(as_of.month), 0.0)
    left = months_left(as_of, ends) + lag
    needed = sign * (target - current) / np.maximum(left, 1)
    # The decision asks for the pace to end on plan; the message quotes the target.
    needed_on_plan = sign * (on_plan - current) / np.maximum(left, 1)

    hist = pace_history
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
    scope = codes.map(only_this_year).fillna(True).to_numpy(dtype=bool)

    # A key result with no earlier year of its own has only seen this year's
    # months; for a seasonal flow those are the slow ones. Its peers' pace in the
    # same months of earlier years is what "ever achieved" means for its kind.
    groups = _column(krs, "peer_group", None)
    peer = np.full(len(krs), np.nan)
    for is_down in (False, True):
        shares = _peer_pace(hist, as_of, is_down)
        if shares.empty:
            continue
        rows = (decrease == is_down) & scope
        peer[rows] = groups[rows].map(shares).to_numpy(dtype=float) * np.abs(target[rows])
    use_peer = np.isfinite(peer) & (~best_ok | (peer > np.nan_to_num(best, nan=-np.inf)))
    reference = np.where(use_peer, peer, best)

    mask = (
        ~milestone
        & np.isfinite(needed_on_plan)
        & (needed_on_plan > 0)
        & (left >= 1)
        & np.isfinite(reference)
        & (needed_on_plan > policy.pace_at_risk_ratio * reference)
    )
    level = np.where(
        needed_on_plan > policy.pace_off_track_ratio * reference, "off_track", "at_risk"
    )
    units, actions, owners = _text(krs, "unit"), _text(krs, "action"), _owner_labels(krs)
    messages = []
    for i in np.nonzero(mask)[0]:
        unit, owner = units[i], owners[i]
        action = actions[i] or ("giảm" if decrease[i] else "đạt thêm")
        since = "từ đầu năm" if scope[i] else "từng đạt"
        what = "mức giảm nhanh nhất" if decrease[i] else "tốc độ cao nhất"
        own = (
            f"{what} {since} là {_with_unit(best[i], unit)}/tháng"
            if best_ok[i]
            else f"chưa có {what} nào"
        )
        peers = (
            f"; cùng kỳ những năm trước, các nơi thực hiện cùng chỉ tiêu đạt khoảng "
            f"{_with_unit(peer[i], unit)}/tháng"
            if use_peer[i]
            else ""
        )
        span = (
            f"trong {_num(left[i], 0)} tháng kể từ số liệu gần nhất "
            f"(tháng {last.iloc[i].month}/{last.iloc[i].year})"
            if lag[i] > 0
            else f"trong {_num(left[i], 0)} tháng còn lại"
        )
        messages.append(
            f"Cần {action} {_with_unit(needed[i], unit)}/tháng {span}; "
            f"{own}{peers}.{_owner_suffix(owner)}"
        )
    return _base(krs, mask, "pace", level, messages)
