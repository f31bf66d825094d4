"""Forecasts, early warnings and anomalies of a period, in an actor's scope.

``compute_alerts`` reads the frames (``alerts.frames``), runs the pure engines
(``analytics.forecast``, ``analytics.warnings``, ``analytics.anomalies``) and
returns display-ready rows; it caches nothing. ``alerts_view`` is what pages
and the API call: the latest report (stale-while-revalidate, kept per database
and period in ``STORE``; see ``alerts.snapshots``) cut to what an actor may
see, with a line saying when it was computed; ``refresh_alerts`` is the
background job's way to bring it up to date; ``alerts_for`` computes now
(CLI-like callers, an explicit as-of day).
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from analytics.anomalies import AnomalyPolicy, detect_anomalies
from analytics.forecast import forecast_year_end
from analytics.forecast.cli import METHOD_LABELS
from analytics.vntext import to_vn_time
from analytics.warnings import (
    WarningPolicy,
    evaluate_warnings,
    on_plan_levels,
    pace_from_checkins,
)
from woms_pwa.core.alerts.frames import AlertFrames, edit_events, load_alert_frames
from woms_pwa.core.alerts.models import AnomalyReview
from woms_pwa.core.alerts.snapshots import Compute, Entry, ReportStore
from woms_pwa.core.db import session_scope
from woms_pwa.core.messages import alerts as msg
from woms_pwa.core.models import CheckIn, KeyResult, Period, Plan, Task
from woms_pwa.core.permissions import Actor, Scope, scope_for
from woms_pwa.core.services.snapshots import data_version
from woms_pwa.core.vocab import Role


@dataclass(frozen=True)
class AlertReport:
    """Warnings and anomalies of one period as of one day.

    Attributes:
        period: the year period code.
        as_of: the evaluation day.
        warnings: one dict per warning (``kr_code, owner_code, kind, level,
            message, forecast, target`` …).
        anomalies: one dict per anomaly (``kr_code, owner_code, kind, key,
            message, evidence, explained`` …).
        forecasts: the forecast frame (``analytics.forecast`` columns).
        timings: seconds per stage.
    """

    period: str
    as_of: dt.date
    warnings: list[dict[str, Any]]
    anomalies: list[dict[str, Any]]
    forecasts: pd.DataFrame
    timings: dict[str, float] = field(default_factory=dict)


def default_period(session: Session, today: dt.date | None = None) -> str | None:
    """The latest year period that has plans, not after this year."""
    year = (today or dt.date.today()).year
    codes = session.execute(
        select(Period.code).join(Plan, col(Plan.period_id) == col(Period.id)).distinct()
    ).scalars()
    years = sorted(int(c) for c in codes if c.isdigit() and int(c) <= year)
    return str(years[-1]) if years else None


def default_as_of(session: Session, period: str, today: dt.date | None = None) -> dt.date:
    """The day the data speaks for: the latest check-in of the period, never after today.

    Evaluating a finished or imported year "as of today" would call every key
    result stale; its own latest reading is the honest reference.
    """
    today = today or dt.date.today()
    year = int(period)
    latest = session.execute(
        select(func.max(CheckIn.date)).where(
            CheckIn.date >= dt.date(year, 1, 1), CheckIn.date <= min(today, dt.date(year, 12, 31))
        )
    ).scalar_one()
    if latest is None:
        return min(today, dt.date(year, 12, 31))
    return min(latest, today)


def _action(metric: object) -> str:
    code = str(metric or "")
    for prefix, verb in msg.ACTION_VERBS.items():
        if code.startswith(prefix):
            return verb
    return ""


def _forecast(frames: AlertFrames, as_of: dt.date, policy: WarningPolicy) -> pd.DataFrame:
    # The warning asks "will it end on plan?" (within the margin), not "exactly on target?".
    krs = frames.krs
    levels = pd.Series(on_plan_levels(krs, policy), index=krs["kr_code"].to_numpy())
    result = forecast_year_end(
        frames.history,
        as_of.year,
        as_of.month,
        frames.peer_groups,
        thresholds=levels.dropna().to_dict(),
    )
    return result.frame


def _warning_frame(
    frames: AlertFrames, forecasts: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    krs = frames.krs
    fc = forecasts.set_index("series")
    on_plan = fc["p_reach_threshold"] if "p_reach_threshold" in fc.columns else None
    frame = pd.DataFrame(
        {
            "kr_code": krs["kr_code"],
            "owner_code": krs["owner_code"],
            "owner_name": krs["owner_name"],
            "target": krs["target"],
            "direction": krs["direction"],
            "kind": krs["kind"],
            "unit": krs["unit"].fillna(""),
            "forecast": krs["kr_code"].map(fc["forecast"]),
            "p_reach_target": krs["kr_code"].map(fc["p_reach_target"]),
            "p_reach_margin": krs["kr_code"].map(on_plan) if on_plan is not None else np.nan,
            # A reached target needs no pace and no reminder (a finished milestone).
            "current": krs["current"].where(krs["cumulative"] & ~krs["done"]),
            "last_checkin": krs["last_checkin"],
            "frequency": reporting_frequency(krs, frames.readings),
            "due": krs["due"],
            "period_start": krs["period_start"],
            "period_end": krs["period_end"],
            "peer_group": krs["metric_code"],
            "action": krs["metric_code"].map(_action),
        }
    )
    cumulative = set(krs.loc[krs["cumulative"], "kr_code"])
    readings = frames.readings[frames.readings["series"].isin(cumulative)]
    pace = pace_from_checkins(
        pd.DataFrame(
            {
                "kr_code": readings["series"].to_numpy(),
                "date": pd.to_datetime(
                    {"year": readings["year"], "month": readings["month"], "day": 1}
                ).to_numpy(),
                "value": readings["value"].to_numpy(dtype=float),
            }
        )
    )
    # Each year's increments are measured against that year's target, and peers
    # (same metric code) lend their pace to key results without a past of their own.
    per_year = readings.drop_duplicates(["series", "year"]).set_index(["series", "year"])
    key = pd.MultiIndex.from_arrays([pace["kr_code"], pace["year"]])
    pace["target"] = per_year["target"].reindex(key).to_numpy(dtype=float)
    pace["group"] = pace["kr_code"].map(krs.set_index("kr_code")["metric_code"])
    return frame, pace


QUARTER_ENDS = frozenset({3, 6, 9, 12})


def reporting_frequency(krs: pd.DataFrame, readings: pd.DataFrame) -> pd.Series:
    """The reporting frequency the stale rule holds each key result to.

    The task's declared frequency, or ``quarter`` when the key result's
    readings this year show a steady quarterly rhythm: at least two readings,
    all at the end of a quarter. Imported plans carry no
    frequency (every task gets the default ``month``), and a key result reported
    at every quarter's end has not gone silent in the middle of a quarter.
    """
    declared = krs["reporting_frequency"].fillna("month").astype(str)
    # This year's practice: a unit may have reported monthly last year.
    year = readings[
        readings["series"].isin(krs["kr_code"]) & (readings["year"] == krs["year"].max())
    ]
    off_rhythm = (~year["month"].isin(QUARTER_ENDS)).groupby(year["series"]).sum()
    count = year.groupby("series").size()
    quarterly = (count >= 2) & (off_rhythm.reindex(count.index) == 0)
    steady = krs["kr_code"].map(quarterly).fillna(False).astype(bool)
    shorter = (
        declared.str.strip().str.lower().isin({"day", "week", "month", "ngày", "tuần", "tháng"})
    )
    return declared.where(~(steady & shorter), "quarter")


def _stale_exempt(frame: pd.DataFrame, krs: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """Done key results are not stale: pretend they reported today."""
    out = frame.copy()
    done = krs["done"].to_numpy(dtype=bool)
    out.loc[done, "last_checkin"] = pd.Timestamp(as_of)
    return out


def _deadlines(year: int) -> list[dt.date]:
    """Monthly reporting deadlines (the 5th) and the end of the year."""
    days = [dt.date(year, m, 5) for m in range(1, 13)] + [dt.date(year + 1, 1, 5)]
    return [*days, dt.date(year, 12, 31)]


def _reviews(session: Session, kr_ids: list[int]) -> dict[tuple[int, str, str], AnomalyReview]:
    if not kr_ids:
        return {}
    rows = session.execute(
        select(AnomalyReview).where(col(AnomalyReview.kr_id).in_(kr_ids))
    ).scalars()
    return {(r.kr_id, r.kind, r.anomaly_key): r for r in rows}


def compute_alerts(
    session: Session,
    *,
    period: str | None = None,
    as_of: dt.date | None = None,
    policy: WarningPolicy | None = None,
    anomaly_policy: AnomalyPolicy | None = None,
    today: dt.date | None = None,
) -> AlertReport | None:
    """Forecasts, warnings and anomalies of every key result of a year period.

    Args:
        session: an open session.
        period: year code (default: the latest year with plans).
        as_of: evaluation day (default: :func:`default_as_of`).
        policy: warning thresholds.
        anomaly_policy: anomaly thresholds.
        today: "today" for the defaults (tests pin it).

    Returns:
        The report, or None when there is no year plan at all.
    """
    period = period or default_period(session, today)
    if period is None:
        return None
    as_of = as_of or default_as_of(session, period, today)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    frames = load_alert_frames(session, period, as_of)
    timings["load"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    policy = policy or WarningPolicy()
    forecasts = _forecast(frames, as_of, policy)
    timings["forecast"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    krs_frame, pace = _warning_frame(frames, forecasts)
    krs_frame = _stale_exempt(krs_frame, frames.krs, as_of)
    warnings = evaluate_warnings(krs_frame, as_of, policy, pace_history=pace)
    timings["warnings"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    year = as_of.year
    current = frames.readings[frames.readings["year"] == year]
    readings = current.drop(columns=["kr_code"]).rename(columns={"series": "kr_code"})
    edits, changes = edit_events(session, year)
    anomalies = detect_anomalies(
        readings, edits=edits, deadlines=_deadlines(year), changes=changes, policy=anomaly_policy
    )
    timings["anomalies"] = time.perf_counter() - t0
    return AlertReport(
        period=period,
        as_of=as_of,
        warnings=_warning_rows(warnings, frames.krs, forecasts),
        anomalies=_anomaly_rows(session, anomalies, frames.krs),
        forecasts=forecasts,
        timings=timings,
    )


_ID_COLUMNS = ("kr_id", "owner_unit_id", "owner_person_id", "plan_id")


def _info(krs: pd.DataFrame) -> pd.DataFrame:
    info = krs.set_index("kr_code")[
        ["kr_id", "title", "owner_name", "owner_unit_id", "owner_person_id", "unit", "plan_id"]
    ].astype(object)
    for column in _ID_COLUMNS:
        # Ids come back as floats where a column has NULLs; rows carry ints or None.
        ids = [None if pd.isna(v) else int(v) for v in info[column]]
        info[column] = pd.Series(ids, index=info.index, dtype=object)
    return info


def _clean(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, float | np.floating):
        return None if not np.isfinite(value) else float(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


def _warning_rows(
    warnings: pd.DataFrame, krs: pd.DataFrame, forecasts: pd.DataFrame
) -> list[dict[str, Any]]:
    info = _info(krs)
    fc = forecasts.set_index("series")
    rows = []
    for row in warnings.to_dict("records"):
        code = row["kr_code"]
        extra = info.loc[code].to_dict()
        f = fc.loc[code].to_dict() if code in fc.index else {}
        method = str(f.get("method", ""))
        rows.append(
            {k: _clean(v) for k, v in row.items()}
            | {k: _clean(v) for k, v in extra.items()}
            | {
                "lower": _clean(f.get("lower", np.nan)),
                "upper": _clean(f.get("upper", np.nan)),
                "method": method,
                "method_label": METHOD_LABELS.get(method, method),
                "source": "warning",
            }
        )
    return rows


def _anomaly_rows(
    session: Session, anomalies: pd.DataFrame, krs: pd.DataFrame
) -> list[dict[str, Any]]:
    info = _info(krs)
    anomalies = anomalies[anomalies["kr_code"].isin(info.index)]
    ids = [int(info.loc[c, "kr_id"]) for c in anomalies["kr_code"].unique()]
    reviews = _reviews(session, ids)
    rows = []
    for row in anomalies.to_dict("records"):
        extra = {k: _clean(v) for k, v in info.loc[row["kr_code"]].to_dict().items()}
        review = reviews.get((int(str(extra["kr_id"])), row["kind"], row["key"]))
        target = krs.loc[krs["kr_code"] == row["kr_code"], "target"].iloc[0]
        rows.append(
            {k: _clean(v) for k, v in row.items()}
            | extra
            | {
                "level": "anomaly",
                "forecast": None,
                "target": _clean(target),
                "source": "anomaly",
                "explained": review is not None,
                "review_note": review.note if review else "",
                "reviewed_by": review.reviewer_name if review else "",
                "reviewed_at": review.reviewed_at.date().isoformat() if review else "",
            }
        )
    return rows


def visible(scope: Scope, row: dict[str, Any]) -> bool:
    """Whether a warning/anomaly row belongs to a plan the scope may see."""
    if row.get("owner_unit_id") is not None:
        return scope.can_view_unit(int(row["owner_unit_id"]))
    person = row.get("owner_person_id")
    return scope.view_people is None or person in scope.view_people


def alerts_for(
    session: Session,
    actor: Actor,
    *,
    period: str | None = None,
    as_of: dt.date | None = None,
    today: dt.date | None = None,
) -> AlertReport | None:
    """:func:`compute_alerts` now, restricted to what ``actor`` may see.

    Seconds at province scale: for an explicit ``as_of`` (the API's what-if)
    and for callers that need the exact figures. Pages use :func:`alerts_view`.
    """
    report = compute_alerts(session, period=period, as_of=as_of, today=today)
    if report is None:
        return None
    return _scoped(session, actor, report)


def _scoped(session: Session, actor: Actor, report: AlertReport) -> AlertReport:
    scope = scope_for(session, actor)
    return AlertReport(
        period=report.period,
        as_of=report.as_of,
        warnings=[r for r in report.warnings if visible(scope, r)],
        anomalies=[r for r in report.anomalies if visible(scope, r)],
        forecasts=report.forecasts,
        timings=report.timings,
    )


# --- The latest report per (database, period), refreshed in the background. ---

SYNC_MAX_KEY_RESULTS = 10_000
"""Up to this many key results (the demo has 1,044: 0.2 s) the very first load
computes in the request; above it the page shows that the first computation is
under way (the background job warms the cache at start-up)."""

STORE = ReportStore()


@dataclass(frozen=True)
class AlertSnapshot:
    """The province-wide report a page may show now, and how fresh it is.

    Attributes:
        period: the year period (None when there is no year plan).
        report: the latest computed report (None before the first one finishes).
        computed_at: when it was computed (aware, UTC).
        fresh: computed at the current data version (and day).
        refreshing: a recomputation is queued or running.
        failed_at: when the latest recomputation failed (the report is the last good one).
        checkin_id: the highest check-in id the report includes.
    """

    period: str | None
    report: AlertReport | None
    computed_at: dt.datetime | None = None
    fresh: bool = False
    refreshing: bool = False
    failed_at: dt.datetime | None = None
    checkin_id: int = 0

    @property
    def token(self) -> str:
        """Changes whenever what a page shows about the report would change."""
        stamp = self.computed_at.isoformat() if self.computed_at else ""
        return f"{self.period}|{stamp}|{self.fresh}|{self.refreshing}|{self.failed_at is not None}"


@dataclass(frozen=True)
class AlertView:
    """One actor's alerts: the latest report in scope and a line on its freshness.

    Attributes:
        snapshot: the province-wide snapshot it was cut from.
        report: the report restricted to the actor's scope (None while warming
            up or without a year plan), explanations as stored now.
        own_pending_at: when the actor recorded a check-in the report does not
            include yet (None when there is none).
        status_line: Vietnamese, e.g. "Số liệu cảnh báo tính lúc 14:05; đang cập nhật…".
    """

    snapshot: AlertSnapshot
    report: AlertReport | None
    own_pending_at: dt.datetime | None
    status_line: str


def _store_key(session: Session, period: str) -> tuple[str, str]:
    return (str(session.get_bind().engine.url), period)


def _compute_entry(session: Session, period: str, today: dt.date, current: Entry | None) -> Entry:
    version = data_version(session)
    if current is not None and current.version == version and current.today == today:
        return current  # computed meanwhile (by the job or an earlier refresh)
    started = time.perf_counter()
    report = compute_alerts(session, period=period, today=today)
    return Entry(
        report=report,
        version=version,
        today=today,
        computed_at=dt.datetime.now(dt.UTC),
        seconds=time.perf_counter() - started,
        checkin_id=int(str(version[1])),
    )


def _refresher(url: str, period: str, today: dt.date) -> Compute:
    def compute(current: Entry | None) -> Entry:
        with session_scope(url) as session:
            return _compute_entry(session, period, today, current)

    return compute


def _small(session: Session) -> bool:
    count = session.execute(select(func.count()).select_from(KeyResult)).scalar_one()
    return int(count) <= SYNC_MAX_KEY_RESULTS


def alerts_snapshot(
    session: Session, *, period: str | None = None, today: dt.date | None = None
) -> AlertSnapshot:
    """The latest province-wide report of a period, at once (stale-while-revalidate).

    Never computes in the caller's thread, except the very first time on a
    small database (≤ ``SYNC_MAX_KEY_RESULTS`` key results). When the data
    version (or the day) has changed since the report was computed, ONE
    background recomputation is queued and the stale report is returned,
    marked ``fresh=False``.

    Args:
        session: an open session.
        period: year code (default: the latest year with plans).
        today: "today" for the defaults (tests pin it).
    """
    today = today or dt.date.today()
    period = period or default_period(session, today)
    if period is None:
        return AlertSnapshot(period=None, report=None, fresh=True)
    key = _store_key(session, period)
    version = data_version(session)
    state = STORE.state(key)
    if state.entry is None and _small(session):
        # Waits for a refresh already running rather than showing "warming up".
        STORE.compute_now(key, lambda current: _compute_entry(session, period, today, current))
        state = STORE.state(key)
    entry = state.entry
    fresh = entry is not None and entry.version == version and entry.today == today
    if not fresh:
        STORE.request_refresh(key, _refresher(key[0], period, today))
        state = STORE.state(key)
    return AlertSnapshot(
        period=period,
        report=entry.report if entry else None,
        computed_at=entry.computed_at if entry else None,
        fresh=fresh,
        refreshing=state.refreshing,
        failed_at=state.failed_at,
        checkin_id=entry.checkin_id if entry else 0,
    )


def refresh_alerts(
    session: Session, *, period: str | None = None, today: dt.date | None = None
) -> AlertReport | None:
    """Bring the stored report up to date in the caller's thread, and return it.

    For the background job (and its start-up warm-up): it computes in its own
    session, after any running refresh, and reuses a report already computed
    at the current data version. A failure is logged and raised; the last good
    report stays for the pages.
    """
    today = today or dt.date.today()
    period = period or default_period(session, today)
    if period is None:
        return None
    key = _store_key(session, period)
    entry = STORE.compute_now(
        key, lambda current: _compute_entry(session, period, today, current), raise_errors=True
    )
    return entry.report if entry else None


def _with_reviews(session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Explanations are read now: marking one must show at once, not after a recomputation.
    ids = sorted({int(r["kr_id"]) for r in rows if r.get("kr_id") is not None})
    reviews = _reviews(session, ids)
    out = []
    for row in rows:
        review = reviews.get((int(row.get("kr_id") or 0), str(row["kind"]), str(row["key"])))
        out.append(
            row
            | {
                "explained": review is not None,
                "review_note": review.note if review else "",
                "reviewed_by": review.reviewer_name if review else "",
                "reviewed_at": review.reviewed_at.date().isoformat() if review else "",
            }
        )
    return out


def _own_pending(session: Session, actor: Actor, after_id: int) -> dt.datetime | None:
    """When the actor last recorded a check-in newer than the report (None if none)."""
    mine = []
    if actor.user_id is not None:
        mine.append(col(CheckIn.recorded_by_user_id) == actor.user_id)
    if actor.person_id is not None:
        mine.append(col(CheckIn.reported_by_person_id) == actor.person_id)
    if not mine:
        return None
    # ``id > after_id`` first: only the few rows newer than the report are scanned.
    latest = session.execute(
        select(func.max(CheckIn.created_at)).where(col(CheckIn.id) > after_id, or_(*mine))
    ).scalar_one()
    if latest is None:
        return None
    return latest if latest.tzinfo else latest.replace(tzinfo=dt.UTC)


def _clock(moment: dt.datetime, now: dt.datetime) -> str:
    # Vietnamese clocks whatever the server's zone (a UTC server said 09:14 for 16:14).
    local, today = to_vn_time(moment), to_vn_time(now).date()
    if local.date() == today:
        return local.strftime("%H:%M")
    return msg.CLOCK_OTHER_DAY.format(time=local.strftime("%H:%M"), date=local.strftime("%d/%m/%Y"))


def status_line(
    snapshot: AlertSnapshot, own_pending_at: dt.datetime | None, now: dt.datetime | None = None
) -> str:
    """The Vietnamese line that says how fresh the shown alerts are."""
    now = now or dt.datetime.now(dt.UTC)
    if snapshot.period is None:
        return ""
    if snapshot.computed_at is None:
        return msg.FIRST_COMPUTE_FAILED if snapshot.failed_at else msg.FIRST_COMPUTE
    when = _clock(snapshot.computed_at, now)
    if snapshot.failed_at is not None and not snapshot.fresh:
        line = msg.REFRESH_FAILED.format(when=when)
    elif snapshot.fresh:
        line = msg.COMPUTED_AT.format(when=when)
    else:
        line = msg.COMPUTED_AT_UPDATING.format(when=when)
    if own_pending_at is not None:
        line += " " + msg.OWN_CHECKIN_PENDING.format(when=_clock(own_pending_at, now))
    return line


def alerts_view(
    session: Session,
    actor: Actor,
    *,
    period: str | None = None,
    today: dt.date | None = None,
) -> AlertView:
    """The latest alerts in ``actor``'s scope, at once, with a line on their freshness.

    What the alerts page and the API call on every load: milliseconds at
    province scale once the report exists (see :func:`alerts_snapshot`).

    Args:
        session: an open session.
        actor: the signed-in user.
        period: year code (default: the latest year with plans).
        today: "today" for the defaults (tests pin it).
    """
    snapshot = alerts_snapshot(session, period=period, today=today)
    if snapshot.report is None:
        return AlertView(snapshot, None, None, status_line(snapshot, None))
    scoped = _scoped(session, actor, snapshot.report)
    scoped = replace(scoped, anomalies=_with_reviews(session, scoped.anomalies))
    pending = None if snapshot.fresh else _own_pending(session, actor, snapshot.checkin_id)
    return AlertView(snapshot, scoped, pending, status_line(snapshot, pending))


def cached_alerts(
    session: Session, *, period: str | None = None, today: dt.date | None = None
) -> AlertReport | None:
    """The latest province-wide report (maybe stale; see :func:`alerts_snapshot`).

    Pages that only mark key results (the plan page) call this on every load;
    recomputing a province on each would cost seconds.
    """
    return alerts_snapshot(session, period=period, today=today).report


def kr_warnings(session: Session, kr_codes: list[str], period: str) -> dict[str, str]:
    """The most severe warning message of each key result (for a marker on its card).

    Args:
        session: an open session.
        kr_codes: key results the caller may already see.
        period: the plan's period (only year periods have forecasts).

    Returns:
        Code -> Vietnamese message, only for key results with a warning (none
        while the first report of a large database is being computed).
    """
    if not period.isdigit():
        return {}
    report = cached_alerts(session, period=period)
    if report is None:
        return {}
    wanted, out = set(kr_codes), {}
    for row in report.warnings:  # off-track first, as evaluate_warnings orders them
        code = str(row["kr_code"])
        if code in wanted and code not in out:
            level = msg.LEVEL_LABELS.get(str(row["level"]), "")
            out[code] = f"{level}: {row['message']}"
    return out


def can_explain(session: Session, actor: Actor, plan: Plan) -> bool:
    """Approvers and leaders may explain: admin, province, or a head over the plan."""
    if actor.role in (Role.ADMIN, Role.PROVINCE):
        return scope_for(session, actor).can_view_plan(plan)
    if actor.role is Role.HEAD:
        return scope_for(session, actor).can_write_plan(plan)
    return False


def explainable_codes(session: Session, actor: Actor, rows: list[dict[str, Any]]) -> set[str]:
    """Codes of the anomaly rows ``actor`` may explain (:func:`can_explain`, in two queries).

    One scope and one read of the plans, not three queries and a scope per
    row: a province's page may list hundreds of anomalies.
    """
    if actor.role not in (Role.ADMIN, Role.PROVINCE, Role.HEAD):
        return set()
    scope = scope_for(session, actor)
    ids = {int(r["plan_id"]) for r in rows if r.get("plan_id") is not None}
    if not ids:
        return set()
    plans = {p.id: p for p in session.execute(select(Plan).where(col(Plan.id).in_(ids))).scalars()}
    allowed = scope.can_write_plan if actor.role is Role.HEAD else scope.can_view_plan
    out = set()
    for row in rows:
        plan = plans.get(row.get("plan_id"))  # type: ignore[arg-type]
        if plan is not None and allowed(plan):
            out.add(str(row["kr_code"]))
    return out


def plan_of(session: Session, kr_code: str) -> tuple[KeyResult, Plan] | None:
    """The key result of a code and its plan."""
    kr = session.execute(select(KeyResult).where(KeyResult.code == kr_code)).scalar_one_or_none()
    if kr is None:
        return None
    task = session.get(Task, kr.task_id)
    plan = session.get(Plan, task.plan_id) if task else None
    return (kr, plan) if plan else None


# Keys of one alert row for the CLI and the API (exchange-format.md: `alerts`
# needs the first six; the others explain the figure and the review).
EXPORT_KEYS = (
    "kr_code",
    "owner_code",
    "kind",
    "message",
    "forecast",
    "target",
    "level",
    "p_reach_target",
    "lower",
    "upper",
    "method",
    "source",
    "key",
    "evidence",
    "explained",
    "review_note",
)


def export_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Project warnings and anomalies onto ``EXPORT_KEYS`` (missing keys as None)."""
    return [{key: row.get(key) for key in EXPORT_KEYS} for row in rows]
