"""What the assistant may know, computed from the database for one user's scope.

The catalogue holds only visible units and key results; facts are numbers of
visible key results; ranks compare only with visible peers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy import text
from sqlmodel import Session

from analytics.progress import completion_ratio, elapsed_share, traffic_light
from woms_pwa.core.permissions import Scope

if TYPE_CHECKING:
    from assistant.catalogue import Catalogue
    from assistant.facts import KeyResultFacts

_KRS = """
SELECT k.id, k.code, k.title, k.metric_code, k.unit AS measure, k.direction, k.target,
       k.baseline, t.title AS task_title, t.perspective, p.owner_unit_id, p.owner_person_id,
       p.owner_key, pe.year, pe.start_date, pe.end_date, u.id AS unit_id, u.code AS unit_code,
       u.name AS unit_name
FROM key_result k JOIN task t ON t.id = k.task_id JOIN plan p ON p.id = t.plan_id
JOIN period pe ON pe.id = p.period_id
LEFT JOIN person op ON op.id = p.owner_person_id
JOIN unit u ON u.id = COALESCE(p.owner_unit_id, op.unit_id)
WHERE k.status = 'active'
"""


@cache
def _metric_names() -> dict[str, str]:
    from metric_library.catalogue import load_catalogue

    return {m.code: "; ".join((m.name, *m.synonyms)) for m in load_catalogue()}


def _visible(row: dict[str, object], scope: Scope) -> bool:
    if row["owner_unit_id"] is not None:
        return scope.can_view_unit(int(row["owner_unit_id"]))  # type: ignore[call-overload]
    return scope.view_people is None or row["owner_person_id"] in scope.view_people


def key_result_rows(
    session: Session, scope: Scope, where: str = "", params: dict[str, object] | None = None
) -> list[dict[str, object]]:
    """Visible key results with their task, plan, period and unit."""
    rows = session.execute(text(_KRS + where), params or {})
    return [r for r in (dict(x._mapping) for x in rows) if _visible(r, scope)]


def build_catalogue(session: Session, scope: Scope) -> Catalogue:
    """The units and key results the scope may see, as plain data for the parser."""
    from assistant.catalogue import Catalogue, KeyResultEntry, UnitEntry

    units = session.execute(
        text(
            "SELECT u.id, u.code, u.name, u.kind, pu.code AS parent FROM unit u LEFT JOIN unit pu ON pu.id = u.parent_id"
        )
    )
    entries = tuple(
        UnitEntry(code=r.code, name=r.name, kind=r.kind, parent_code=r.parent or "")
        for r in units
        if scope.can_view_unit(r.id)
    )
    names = _metric_names()
    krs = tuple(
        KeyResultEntry(
            code=str(r["code"]),
            unit_code=str(r["unit_code"]),
            title=str(r["title"]),
            task_title=str(r["task_title"]),
            metric_code=str(r["metric_code"] or ""),
            metric_name=names.get(str(r["metric_code"] or ""), ""),
            perspective=str(r["perspective"]),
            year=int(r["year"]),  # type: ignore[call-overload]
            personal=r["owner_person_id"] is not None,
        )
        for r in key_result_rows(session, scope)
    )
    return Catalogue(entries, krs)


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value  # type: ignore[return-value]


def _latest(session: Session, kr_ids: Sequence[int], until: dt.date | None) -> pd.DataFrame:
    if not kr_ids:
        return pd.DataFrame(columns=["kr_id", "date", "value"])
    ids = ",".join(str(int(i)) for i in kr_ids)
    bound = " AND date <= :until" if until else ""
    frame = pd.read_sql_query(
        text(
            f"SELECT kr_id, date, value FROM check_in WHERE kr_id IN ({ids}){bound} "
            "ORDER BY kr_id, date, id"
        ),
        session.connection(),
        params={"until": until} if until else {},
    )
    frame["date"] = pd.to_datetime(frame["date"]).dt.date
    return frame


def _forecasts(
    rows: list[dict[str, object]], history: pd.DataFrame
) -> dict[int, tuple[float | None, float | None]]:
    """Year-end forecasts (value, probability of reaching the target) by key result id."""
    from analytics.forecast import forecast_year_end

    if history.empty:
        return {}
    meta = {int(r["id"]): r for r in rows}  # type: ignore[call-overload]
    frame = history.copy()
    frame["series"] = frame["kr_id"]
    frame["year"] = [int(meta[k]["year"]) for k in frame["kr_id"]]  # type: ignore[call-overload]
    frame["month"] = [d.month for d in frame["date"]]
    frame["target"] = [float(meta[k]["target"]) for k in frame["kr_id"]]  # type: ignore[arg-type]
    frame["direction"] = [str(meta[k]["direction"]) for k in frame["kr_id"]]
    frame = frame.groupby(["series", "year", "month"], as_index=False).last()
    out: dict[int, tuple[float | None, float | None]] = {}
    for year, part in frame.groupby("year"):
        month = int(part["month"].max())
        if month >= 12:
            continue
        groups = {k: meta[k]["metric_code"] or k for k in part["series"].unique()}
        try:
            result = forecast_year_end(
                part[["series", "year", "month", "value", "target", "direction"]],
                int(year),
                month,
                groups,
            )
        except Exception:
            continue
        for row in result.to_rows():
            out[int(row["series"])] = (row["forecast"], row["p_reach_target"])
    return out


def compute_facts(
    session: Session,
    scope: Scope,
    kr_codes: Sequence[str],
    until: dt.date | None = None,
    *,
    with_peers: bool = True,
) -> dict[str, KeyResultFacts]:
    """Facts (value, pace, light, forecast, rank) for visible key results by code.

    Args:
        session: an open session.
        scope: the asking user's scope (peers are only visible units).
        kr_codes: key results to describe.
        until: read check-ins up to this day ("đến tháng 6"); all when ``None``.
        with_peers: also rank among key results with the same metric.
    """
    from assistant.facts import KeyResultFacts

    if not kr_codes:
        return {}
    codes = list(dict.fromkeys(kr_codes))
    marks = ",".join(f":c{i}" for i in range(len(codes)))
    rows = key_result_rows(
        session, scope, f" AND k.code IN ({marks})", {f"c{i}": c for i, c in enumerate(codes)}
    )
    peers: list[dict[str, object]] = []
    if with_peers:
        metrics = sorted({str(r["metric_code"]) for r in rows if r["metric_code"]})
        years = sorted({int(r["year"]) for r in rows})  # type: ignore[call-overload]
        if metrics:
            mm = ",".join(f":m{i}" for i in range(len(metrics)))
            yy = ",".join(str(y) for y in years)
            params: dict[str, object] = {f"m{i}": m for i, m in enumerate(metrics)}
            peers = [
                r
                for r in key_result_rows(
                    session,
                    scope,
                    f" AND k.metric_code IN ({mm}) AND pe.year IN ({yy}) AND p.owner_unit_id IS NOT NULL",
                    params,
                )
            ]
    every = {int(r["id"]): r for r in rows + peers}  # type: ignore[call-overload]
    history = _latest(session, list(every), until)
    last = history.groupby("kr_id").last() if not history.empty else pd.DataFrame()
    first = history.groupby("kr_id").first() if not history.empty else pd.DataFrame()
    forecasts = _forecasts(list(every.values()), history)
    built: dict[int, KeyResultFacts] = {}
    for kid, r in every.items():
        current = float(last.loc[kid, "value"]) if kid in last.index else None
        as_of = _as_date(last.loc[kid, "date"]) if kid in last.index else None
        target, direction = float(r["target"]), str(r["direction"])  # type: ignore[arg-type]
        baseline = float(r["baseline"]) if r["baseline"] is not None else None  # type: ignore[arg-type]
        completion = completion_ratio(direction, target, current, baseline)
        start, end = _as_date(r["start_date"]), _as_date(r["end_date"])
        elapsed = elapsed_share(start, end, as_of) if as_of else 0.0
        # A rate (on-time share, digital share) starts the year near its level;
        # judge it against the target itself, not against the calendar.
        first_value = float(first.loc[kid, "value"]) if kid in first.index else None
        is_level = first_value is not None and target > 0 and first_value >= 0.5 * target
        pace_share = 1.0 if is_level or direction != "increase" else elapsed
        light = traffic_light(direction, completion, pace_share).value
        forecast, p_reach = forecasts.get(kid, (None, None))
        built[kid] = KeyResultFacts(
            kr_code=str(r["code"]),
            kr_title=str(r["title"]),
            unit_code=str(r["unit_code"]),
            unit_name=str(r["unit_name"]),
            measure=str(r["measure"] or ""),
            direction=direction,
            target=target,
            current=current,
            as_of=as_of,
            expected_now=target * pace_share if direction == "increase" and as_of else None,
            completion=completion,
            light=light,
            forecast=None if is_level else forecast,
            p_reach=None if is_level else p_reach,
        )
    ranked = _ranks(built, every)
    return {f.kr_code: ranked.get(kid, f) for kid, f in built.items() if f.kr_code in codes}


def _ranks(
    built: dict[int, KeyResultFacts], rows: dict[int, dict[str, object]]
) -> dict[int, KeyResultFacts]:
    from dataclasses import replace

    groups: dict[tuple[str, int], list[int]] = {}
    for kid, r in rows.items():
        if (
            r["metric_code"]
            and r["owner_unit_id"] is not None
            and built[kid].completion is not None
        ):
            groups.setdefault((str(r["metric_code"]), int(r["year"])), []).append(kid)  # type: ignore[call-overload]
    out: dict[int, KeyResultFacts] = {}
    for members in groups.values():
        order = sorted(members, key=lambda k: -(built[k].completion or 0.0))
        for position, kid in enumerate(order, start=1):
            out[kid] = replace(built[kid], rank=position, peers=len(order))
    return out
