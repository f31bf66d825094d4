"""Build the frames the forecast, warning and anomaly engines take, from the database.

A key result's history is its own check-ins this year plus the check-ins of the
SAME owner's key results with the same ``metric_code`` in earlier year plans
(the 2024 plan of a commune has ``-2024`` codes but the same metric codes), so
that a commune's disbursement profile is learnt from its own past. Peers are
the key results sharing a metric code: they lend their profile to owners
without history and are the reference for anomalies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import text
from sqlmodel import Session

from woms_pwa.core.services.frames import checkin_frame, key_result_frame

CUMULATIVE_FIRST_SHARE = 0.5
"""A year-to-date total starts the year well below its target; a rate or a level
(on-time files 97%, poverty rate 1,4%) starts close to it. A key result whose
first reading of the year is at most this share of the target is cumulative."""


@dataclass(frozen=True)
class AlertFrames:
    """Everything the engines need for one period and as-of date.

    Attributes:
        krs: key results of the period (one row each, from ``key_result_frame``)
            with ``cumulative``, ``current``, ``last_checkin``, ``done``.
        readings: last reading per key result and month, all years, with
            ``series`` (the current key result it belongs to) and owner columns.
        history: ``series, year, month, value, target, direction, cumulative,
            baseline, unit``
            for ``analytics.forecast``.
        peer_groups: series -> metric code.
    """

    krs: pd.DataFrame
    readings: pd.DataFrame
    history: pd.DataFrame
    peer_groups: dict[str, str]


def year_krs(session: Session, year: int) -> pd.DataFrame:
    """Key results of every year plan up to ``year`` (earlier years give history)."""
    krs = key_result_frame(session)
    is_year = krs["period"].astype(str).str.fullmatch(r"\d{4}")
    krs = krs[is_year & (krs["status"] == "active")].copy()
    krs["year"] = krs["period"].astype(int)
    return krs[krs["year"] <= year].reset_index(drop=True)


def monthly_readings(checkins: pd.DataFrame) -> pd.DataFrame:
    """The last reading of each key result in each month: ``kr_id, year, month, value, date``."""
    if checkins.empty:
        return pd.DataFrame(columns=["kr_id", "year", "month", "value", "date"])
    frame = checkins.loc[:, ["kr_id", "date", "value"]].copy()
    frame["year"] = frame["date"].dt.year
    frame["month"] = frame["date"].dt.month
    # checkin_frame orders by kr, date, id: the last row of a month is the latest correction.
    last = frame.groupby(["kr_id", "year", "month"], sort=False).tail(1)
    return last.reset_index(drop=True)


def _cumulative_flags(krs: pd.DataFrame, readings: pd.DataFrame) -> pd.Series:
    """Whether each key result is a year-to-date total, by its first reading and its metric's peers."""
    first = readings.sort_values(["kr_id", "year", "month"]).groupby(["kr_id", "year"]).head(1)
    first = first.merge(krs[["kr_id", "target", "metric_code"]], on="kr_id")
    target = first["target"].abs()
    first["flag"] = (target > 0) & (first["value"].abs() <= CUMULATIVE_FIRST_SHARE * target)
    own = first.groupby("kr_id")["flag"].mean() >= 0.5
    by_metric = first.dropna(subset=["metric_code"]).groupby("metric_code")["flag"]
    metric_vote = by_metric.mean()[by_metric.size() >= 3] >= 0.5
    flags = krs["kr_id"].map(own)
    from_metric = krs["metric_code"].map(metric_vote)
    flags = from_metric.where(from_metric.notna(), flags)
    never = (krs["target"].abs() > 0) & (krs["direction"] != "milestone")
    return flags.fillna(never).astype(bool)


def load_alert_frames(session: Session, period: str, as_of: dt.date) -> AlertFrames:
    """Read the period's key results, their histories and their peers.

    Args:
        session: an open session.
        period: a year period code, e.g. ``"2025"``.
        as_of: readings dated after this day are ignored.

    Returns:
        The frames (empty when the period has no key results).
    """
    year = int(period[:4])
    all_krs = year_krs(session, year)
    checkins = checkin_frame(session, kr_ids=all_krs["kr_id"].tolist(), until=as_of)
    months = monthly_readings(checkins)
    all_krs["cumulative"] = _cumulative_flags(all_krs, months).to_numpy()
    krs = all_krs[all_krs["period"] == period].copy()

    # Map earlier years' key results onto the current one of the same owner and metric.
    current = krs.dropna(subset=["metric_code"]).drop_duplicates(["owner_code", "metric_code"])
    earlier = all_krs[(all_krs["year"] < year)].dropna(subset=["metric_code"])
    link = earlier.merge(
        current[["owner_code", "metric_code", "kr_code"]].rename(columns={"kr_code": "series"}),
        on=["owner_code", "metric_code"],
    )[["kr_id", "series"]]
    link = pd.concat([link, krs[["kr_id", "kr_code"]].rename(columns={"kr_code": "series"})])
    readings = months.merge(link, on="kr_id")
    readings = readings.merge(
        all_krs[
            [
                "kr_id",
                "kr_code",
                "owner_code",
                "owner_unit_kind",
                "metric_code",
                "target",
                "cumulative",
            ]
        ],
        on="kr_id",
    ).rename(columns={"owner_unit_kind": "owner_kind"})
    readings = readings.drop_duplicates(["series", "year", "month"], keep="first")

    latest = readings[readings["year"] == year].sort_values("date").groupby("series").tail(1)
    krs["current"] = krs["kr_code"].map(latest.set_index("series")["value"])
    krs["last_checkin"] = krs["kr_code"].map(latest.set_index("series")["date"])
    # Only a higher-is-better target is reached for good before the year ends (an
    # accident count under its ceiling in September may still exceed it).
    inc = (krs["direction"] != "decrease").to_numpy()
    reached = (krs["current"] >= krs["target"]).to_numpy()
    krs["done"] = inc & reached & krs["current"].notna().to_numpy()
    # Milestones (done / not done) are not forecast.
    direction = krs.set_index("kr_code")["direction"]
    history = pd.DataFrame(
        {
            "series": readings["series"].to_numpy(),
            "year": readings["year"].to_numpy(),
            "month": readings["month"].to_numpy(),
            "value": readings["value"].to_numpy(dtype=float),
            "target": np.where(
                readings["year"] == year,
                readings["series"].map(krs.set_index("kr_code")["target"]),
                np.nan,
            ),
            "direction": readings["series"].map(direction).to_numpy(),
            "cumulative": readings["series"].map(krs.set_index("kr_code")["cumulative"]).to_numpy(),
            # The plan's starting value (month 0 of a level with no December reading)
            # and the unit ("%" keeps a rate's forecast within 0–100).
            "baseline": np.where(
                readings["year"] == year,
                readings["series"].map(krs.set_index("kr_code")["baseline"]),
                np.nan,
            ),
            "unit": readings["series"].map(krs.set_index("kr_code")["unit"]).to_numpy(),
        }
    )
    history = history[history["direction"] != "milestone"].reset_index(drop=True)
    groups = krs.dropna(subset=["metric_code"]).set_index("kr_code")["metric_code"].to_dict()
    return AlertFrames(
        krs=krs.reset_index(drop=True), readings=readings, history=history, peer_groups=groups
    )


def edit_events(session: Session, year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Corrections typed in by people, and changes of key-result definitions, in ``year``.

    A correction is a check-in recorded through the app for a key result and
    month that already had a reading (first entries before a deadline are
    normal; rewriting numbers just before it is what Appendix 4 warns about),
    or an ``*.update`` audit entry on a key result or check-in.

    Returns:
        ``(edits, changes)``: ``owner_code, kr_code, at`` and ``kr_code,
        owner_code, at, field, old_value, new_value, approved_at``.
    """
    owner = (
        "COALESCE(u.code, pe.code) AS owner_code FROM key_result kr JOIN task t ON t.id = kr.task_id "
        "JOIN plan p ON p.id = t.plan_id LEFT JOIN unit u ON u.id = p.owner_unit_id "
        "LEFT JOIN person pe ON pe.id = p.owner_person_id"
    )
    checkins = pd.read_sql_query(
        text(
            "SELECT c.kr_id AS kr_id, c.date AS date, c.created_at AS at, "
            "c.recorded_by_user_id AS user_id, kr.code AS kr_code, "
            f"{owner} JOIN check_in c ON c.kr_id = kr.id ORDER BY c.kr_id, c.created_at, c.id"
        ),
        session.connection(),
    )
    edits = pd.DataFrame(columns=["owner_code", "kr_code", "at"])
    if not checkins.empty:
        checkins["date"] = pd.to_datetime(checkins["date"])
        checkins["ym"] = checkins["date"].dt.year * 100 + checkins["date"].dt.month
        repeat = checkins.duplicated(["kr_id", "ym"], keep="first")
        by_user = checkins["user_id"].notna()
        in_year = checkins["date"].dt.year == year
        edits = checkins.loc[repeat & by_user & in_year, ["owner_code", "kr_code", "at"]]
    audit = pd.read_sql_query(
        text(
            "SELECT a.entity_code AS kr_code, a.at AS at, a.field AS field, a.old_value AS old_value, "
            "a.new_value AS new_value, a.action AS action, p.approved_at AS approved_at, "
            f"{owner} JOIN audit_entry a ON a.entity = 'key_result' AND a.entity_code = kr.code "
            "JOIN period per ON per.id = p.period_id "
            "WHERE a.action LIKE '%update' AND per.year = :year"
        ),
        session.connection(),
        params={"year": year},
    )
    changes = audit.loc[
        :, ["kr_code", "owner_code", "at", "field", "old_value", "new_value", "approved_at"]
    ]
    edits = pd.concat([edits, audit.loc[:, ["owner_code", "kr_code", "at"]]], ignore_index=True)
    return edits.reset_index(drop=True), changes.reset_index(drop=True)
