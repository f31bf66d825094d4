"""Read models of the leaders' dashboards (province heatmap, unit, person).

The figures come from ``services.frames.key_result_frame`` scored by
``analytics.scoring.score_units`` and aggregated by ``analytics.dashboard``.
Each key result's latest reading is its stored ``current_value`` (kept equal
to the last check-in by ``services.keyresults``), so a whole province is read
in one query without the 1.35 million check-in rows. Results are cached per
database and "data version" (highest audit/check-in id, number of key
results): a new check-in changes the version and the next read recomputes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import text
from sqlmodel import Session

from analytics.dashboard import (
    HeatmapThresholds,
    area_options,
    light_key_results,
    restrict_to_area,
    unit_heatmap,
)
from analytics.scoring import ScoreResult, score_units
from woms_pwa.core import messages as msg
from woms_pwa.core.permissions import Actor, PermissionDenied, Scope, scope_for
from woms_pwa.core.services.snapshots import data_version as shared_data_version

_CACHE: OrderedDict[tuple[Any, ...], ScoredPeriod] = OrderedDict()
_CACHE_SIZE = 6
_LOCK = threading.Lock()


@dataclass(frozen=True)
class ScoredPeriod:
    """Every key result of a period, scored and lit, as of the freshest data."""

    period: str
    as_of: dt.date
    key_results: pd.DataFrame
    scores: ScoreResult


def data_version(session: Session) -> str:
    """A cheap fingerprint of "has anything changed" (the shared stamp, as text)."""
    return ".".join(str(part) for part in shared_data_version(session))


def _latest_as_of(frame: pd.DataFrame, today: dt.date) -> dt.date:
    # Colour against the freshest data (like the plan page), never past today.
    latest = frame["current_as_of"].max()
    end = frame["period_end"].max()
    day = today if pd.isna(latest) else min(pd.Timestamp(latest).date(), today)
    return day if pd.isna(end) else min(day, pd.Timestamp(end).date())


def _unit_plan_ids(session: Session, period: str) -> list[int]:
    rows = session.execute(
        text(
            "SELECT p.id FROM plan p JOIN period per ON per.id = p.period_id"
            " WHERE per.code = :c AND p.owner_unit_id IS NOT NULL"
        ),
        {"c": period},
    ).scalars()
    return [int(i) for i in rows]


def score_plans(
    session: Session,
    period: str,
    plan_ids: list[int],
    *,
    today: dt.date | None = None,
    thresholds: HeatmapThresholds | None = None,
) -> ScoredPeriod:
    """Score and light the active key results of some plans (no cache).

    Args:
        session: an open session.
        period: the plans' period code (labels only).
        plan_ids: the plans to read.
        today: the calendar day (tests pin it).
        thresholds: light limits.
    """
    from woms_pwa.core.services.frames import key_result_frame

    day = today or dt.date.today()
    frame = key_result_frame(session, plan_ids=plan_ids)
    frame = frame[frame["status"] == "active"].reset_index(drop=True)
    as_of = _latest_as_of(frame, day) if len(frame) else day
    readings = frame.loc[
        frame["current_value"].notna(), ["kr_id", "current_as_of", "current_value"]
    ]
    checkins = readings.rename(columns={"current_as_of": "date", "current_value": "value"})
    scores = score_units(frame, checkins)
    krs = light_key_results(scores, as_of, thresholds)
    return ScoredPeriod(period, as_of, krs, scores)


def scored_period(
    session: Session,
    period: str,
    *,
    today: dt.date | None = None,
    thresholds: HeatmapThresholds | None = None,
) -> ScoredPeriod:
    """Score and light every unit plan's key results of ``period`` (cached by data version).

    People's plans are left out on purpose: they never enter a unit's score,
    and they are nine tenths of a province's key results. Read them with
    :func:`score_plans` for the few people a page shows.

    Args:
        session: an open session.
        period: a period code such as ``"2025"``.
        today: the calendar day (tests pin it).
        thresholds: light limits.
    """
    url = str(session.get_bind().engine.url)
    key = (url, period, data_version(session), today, thresholds)
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    result = score_plans(
        session, period, _unit_plan_ids(session, period), today=today, thresholds=thresholds
    )
    with _LOCK:
        _CACHE[key] = result
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return result


def _person_plan_ids(session: Session, period: str, person_ids: list[int]) -> list[int]:
    if not person_ids:
        return []
    ids = ",".join(str(int(i)) for i in person_ids)
    rows = session.execute(
        text(
            "SELECT p.id FROM plan p JOIN period per ON per.id = p.period_id"
            f" WHERE per.code = :c AND p.owner_person_id IN ({ids})"
        ),
        {"c": period},
    ).scalars()
    return [int(i) for i in rows]


def _visible_units(krs: pd.DataFrame, scope: Scope) -> pd.Series:
    units = krs["owner_type"] == "unit"
    if scope.view_units is None:
        return units
    return units & krs["owner_unit_id"].isin(scope.view_units)


@dataclass(frozen=True)
class ProvinceDashboard:
    """The heatmap of every visible unit (rows sorted reddest first).

    Attributes:
        kinds: the unit kinds present (filter options).
        areas: the task areas present, each parent before its sub-areas.
        area: the area filter applied (``""`` = none, or an unknown area).
    """

    period: str
    as_of: dt.date
    rows: list[dict[str, Any]]
    kinds: list[str]
    version: str
    areas: list[str] = field(default_factory=list)
    area: str = ""


def province_dashboard(
    session: Session,
    actor: Actor,
    period: str,
    *,
    kind: str | None = None,
    area: str | None = None,
    today: dt.date | None = None,
    thresholds: HeatmapThresholds | None = None,
) -> ProvinceDashboard:
    """Return the heatmap (units × four perspectives) of the units the actor may see.

    Args:
        session: an open session.
        actor: the signed-in user (scope: ``permissions.scope_for``).
        period: the period code.
        kind: only units of this kind (``commune``, ``agency`` …) when given.
        area: only key results of tasks in this area (or its sub-areas), the
            units re-scored on them (cells and ranking); units without any
            are left out. An area not among ``areas`` is ignored, so an old
            shared link still opens.
        today: the calendar day (tests pin it).
        thresholds: light limits (configurable).
    """
    scored = scored_period(session, period, today=today, thresholds=thresholds)
    scope = scope_for(session, actor)
    krs = scored.key_results
    visible = krs[_visible_units(krs, scope)]
    kinds = sorted(visible["owner_unit_kind"].dropna().unique().tolist())
    areas = area_options(visible["area"])
    if kind:
        visible = visible[visible["owner_unit_kind"] == kind]
    scores = scored.scores
    applied = area if area in areas else ""
    if applied:
        visible, scores = restrict_to_area(visible, scores, applied)
    units = visible[["owner_code", "owner_name", "owner_unit_kind"]]
    heat = unit_heatmap(visible, scores, units, thresholds)
    return ProvinceDashboard(
        period,
        scored.as_of,
        heat.to_dict("records"),
        kinds,
        data_version(session),
        areas,
        applied,
    )


@dataclass(frozen=True)
class UnitDashboard:
    """One unit: its heatmap row (radar), key results, departments and people."""

    code: str
    name: str
    period: str
    as_of: dt.date
    summary: dict[str, Any]
    key_results: list[dict[str, Any]]
    departments: list[dict[str, Any]]
    people: list[dict[str, Any]]


def unit_dashboard(
    session: Session,
    actor: Actor,
    unit_code: str,
    period: str,
    *,
    today: dt.date | None = None,
    thresholds: HeatmapThresholds | None = None,
) -> UnitDashboard:
    """Return one unit's dashboard, checking the actor may see the unit.

    Raises:
        PermissionDenied: unknown unit, or not in the actor's scope.
    """
    unit = session.execute(
        text("SELECT id, name FROM unit WHERE code = :c"), {"c": unit_code}
    ).one_or_none()
    if unit is None:
        raise PermissionDenied(msg.UNKNOWN_UNIT.format(code=unit_code))
    scope = scope_for(session, actor)
    if not scope.can_view_unit(unit[0]):
        raise PermissionDenied(msg.FORBIDDEN_VIEW)
    scored = scored_period(session, period, today=today, thresholds=thresholds)
    krs = scored.key_results
    own = krs[(krs["owner_type"] == "unit") & (krs["owner_code"] == unit_code)]
    heat = unit_heatmap(own, scored.scores, own[["owner_code", "owner_name", "owner_unit_kind"]])
    summary = heat.iloc[0].to_dict() if len(heat) else {}
    children = [
        r[0]
        for r in session.execute(text("SELECT id FROM unit WHERE parent_id = :p"), {"p": unit[0]})
    ]
    dept = krs[(krs["owner_type"] == "unit") & krs["owner_unit_id"].isin(children)]
    departments = unit_heatmap(
        dept, scored.scores, dept[["owner_code", "owner_name", "owner_unit_kind"]], thresholds
    ).to_dict("records")
    staff = [
        int(r[0])
        for r in session.execute(text("SELECT id FROM person WHERE unit_id = :u"), {"u": unit[0]})
        if scope.view_people is None or r[0] in scope.view_people
    ]
    people = score_plans(
        session,
        period,
        _person_plan_ids(session, period, staff),
        today=today,
        thresholds=thresholds,
    )
    return UnitDashboard(
        unit_code,
        unit[1],
        period,
        scored.as_of,
        summary,
        _kr_records(own),
        departments,
        _owner_summaries(people.key_results, people.scores),
    )


def person_dashboard(
    session: Session, actor: Actor, period: str, *, today: dt.date | None = None
) -> dict[str, Any]:
    """The signed-in person's key results, deadlines and evaluation so far."""
    person_ids = [actor.person_id] if actor.person_id else []
    scored = score_plans(
        session, period, _person_plan_ids(session, period, person_ids), today=today
    )
    own = scored.key_results
    summary = _owner_summaries(own, scored.scores)
    due = own[own["due"].notna()].sort_values(["due", "kr_code"])
    return {
        "as_of": scored.as_of,
        "summary": summary[0] if summary else {},
        "key_results": _kr_records(own),
        "deadlines": _kr_records(due),
    }


def _kr_records(krs: pd.DataFrame) -> list[dict[str, Any]]:
    columns = [
        "kr_code",
        "title",
        "task_code",
        "task_title",
        "perspective",
        "breakthrough",
        "kind",
        "unit",
        "direction",
        "target",
        "actual",
        "actual_date",
        "completion",
        "score",
        "light",
        "due",
        "kr_id",
    ]
    ordered = krs.sort_values(["perspective", "task_code", "kr_code"])
    return ordered[columns].to_dict("records")


def _owner_summaries(krs: pd.DataFrame, scores: ScoreResult) -> list[dict[str, Any]]:
    if krs.empty:
        return []
    grouped = krs.groupby(["owner_code", "owner_name"], sort=True)
    counts = grouped["light"].value_counts().unstack(fill_value=0)
    totals = scores.owners.set_index("owner_code")["total"]
    rows = []
    for (code, name), row in counts.iterrows():
        rows.append(
            {
                "owner_code": code,
                "owner_name": name,
                "total": totals.get(code),
                "n_key_results": int(row.sum()),
                "n_red": int(row.get("red", 0)),
                "n_green": int(row.get("green", 0)),
            }
        )
    return rows


def year_periods(session: Session) -> list[str]:
    """Year period codes that have at least one plan, newest first."""
    rows = session.execute(
        text(
            "SELECT DISTINCT per.code FROM plan p JOIN period per ON per.id = p.period_id"
            " WHERE per.kind = 'year' ORDER BY per.code DESC"
        )
    ).scalars()
    return [str(code) for code in rows]


def default_period(session: Session, today: dt.date | None = None) -> str:
    """The year to show first: this year when it has plans, else the newest with plans."""
    years = year_periods(session)
    this_year = str((today or dt.date.today()).year)
    if this_year in years or not years:
        return this_year
    return years[0]


def monthly_ratios(
    session: Session, kr_ids: list[int], targets: dict[int, float], year: int, until: dt.date
) -> dict[int, list[float | None]]:
    """Value ÷ target at each month end of ``year`` up to ``until`` (for sparklines)."""
    from analytics.dashboard import monthly_trend
    from woms_pwa.core.services.frames import checkin_frame

    if not kr_ids:
        return {}
    months = [f"{year}-{m:02d}" for m in range(1, 13) if dt.date(year, m, 1) <= until]
    checkins = checkin_frame(session, kr_ids=kr_ids, until=until)
    krs = pd.DataFrame({"kr_id": kr_ids, "target": [targets[i] for i in kr_ids]})
    trend = monthly_trend(checkins, krs, months)
    out: dict[int, list[float | None]] = {}
    for kr_id, group in trend.groupby("kr_id", sort=False):
        out[int(kr_id)] = [None if v != v else float(v) for v in group["ratio"]]
    return out
