"""Read the database into the frames the pure ``analytics`` packages take.

One query per frame, no ORM objects: scoring, forecasting and dashboards run
over a whole province (150,000 key results, 1,350,000 check-ins).
Permission filtering is the caller's job (see ``permissions.Scope``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

import pandas as pd
from sqlalchemy import text
from sqlmodel import Session

_KR_SQL = """
SELECT kr.id AS kr_id, kr.code AS kr_code, kr.title AS title, kr.kind AS kind,
       kr.breakthrough AS breakthrough, kr.direction AS direction, kr.baseline AS baseline,
       kr.target AS target, kr.weight AS weight, kr.unit AS unit, kr.metric_code AS metric_code,
       kr.due AS due, kr.status AS status, kr.parent_kr_id AS parent_kr_id,
       kr.current_value AS current_value, kr.current_as_of AS current_as_of,
       kr.last_year_actual AS last_year_actual, kr.evidence_required AS evidence_required,
       t.id AS task_id, t.code AS task_code, t.title AS task_title, t.perspective AS perspective,
       t.area AS area, t.weight AS task_weight, t.reporting_frequency AS reporting_frequency,
       p.id AS plan_id, p.status AS plan_status, p.version AS plan_version,
       per.code AS period, per.start_date AS period_start, per.end_date AS period_end,
       p.owner_unit_id AS owner_unit_id, p.owner_person_id AS owner_person_id,
       COALESCE(u.code, pe.code) AS owner_code, COALESCE(u.name, pe.full_name) AS owner_name,
       CASE WHEN p.owner_unit_id IS NULL THEN 'person' ELSE 'unit' END AS owner_type,
       COALESCE(u.kind, pu.kind) AS owner_unit_kind, COALESCE(u.id, pe.unit_id) AS home_unit_id
FROM key_result kr
JOIN task t ON t.id = kr.task_id
JOIN plan p ON p.id = t.plan_id
JOIN period per ON per.id = p.period_id
LEFT JOIN unit u ON u.id = p.owner_unit_id
LEFT JOIN person pe ON pe.id = p.owner_person_id
LEFT JOIN unit pu ON pu.id = pe.unit_id
{where}
ORDER BY kr.id
"""


def key_result_frame(
    session: Session,
    *,
    periods: Collection[str] | None = None,
    plan_ids: Collection[int] | None = None,
) -> pd.DataFrame:
    """Return one row per key result with its task, plan, period and owner.

    Columns include everything ``analytics.scoring`` needs (``kr_id``, ``kr_code``,
    ``task_id``, ``task_code``, ``plan_id``, ``owner_code``, ``owner_type``,
    ``perspective``, ``kind``, ``breakthrough``, ``direction``, ``baseline``,
    ``target``, ``weight``, ``task_weight``, ``unit``, ``title``, ``task_title``)
    plus ``metric_code``, ``period``, ``period_start``/``period_end``, ``due``,
    ``status``, ``current_value``/``current_as_of``, ``owner_unit_kind`` …

    Args:
        session: an open session.
        periods: only plans of these period codes (e.g. ``{"2025"}``).
        plan_ids: only these plans.
    """
    clauses, params = [], {}
    if periods is not None:
        names = [f":per{i}" for i in range(len(periods))]
        clauses.append(f"per.code IN ({', '.join(names) or 'NULL'})")
        params.update({f"per{i}": code for i, code in enumerate(periods)})
    if plan_ids is not None:
        ids = ",".join(str(int(i)) for i in plan_ids) or "NULL"
        clauses.append(f"p.id IN ({ids})")
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    frame = pd.read_sql_query(
        text(_KR_SQL.format(where=where)), session.connection(), params=params
    )
    frame["breakthrough"] = frame["breakthrough"].astype(bool)
    frame["evidence_required"] = frame["evidence_required"].astype(bool)
    for column in (
        "baseline",
        "target",
        "weight",
        "task_weight",
        "current_value",
        "last_year_actual",
    ):
        frame[column] = frame[column].astype(float)
    for column in ("due", "current_as_of", "period_start", "period_end"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


def checkin_frame(
    session: Session,
    *,
    kr_ids: Collection[int] | None = None,
    until: dt.date | None = None,
    with_notes: bool = False,
) -> pd.DataFrame:
    """Return check-ins as ``kr_id, date, value`` (plus ``id, note, created_at`` on request).

    Args:
        session: an open session.
        kr_ids: only these key results (all when omitted).
        until: only readings dated on or before this day.
        with_notes: also return the id, note, reporter and creation time.
    """
    columns = "c.kr_id AS kr_id, c.date AS date, c.value AS value"
    if with_notes:
        columns += (
            ", c.id AS id, c.note AS note, c.reported_by_person_id AS reported_by_person_id,"
            " c.created_at AS created_at, c.blocker_type AS blocker_type"
        )
    clauses, params = [], {}
    if until is not None:
        clauses.append("c.date <= :until")
        params["until"] = until
    if kr_ids is not None and len(kr_ids) <= 5000:
        clauses.append(f"c.kr_id IN ({','.join(str(int(i)) for i in kr_ids) or 'NULL'})")
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = f"SELECT {columns} FROM check_in c {where} ORDER BY c.kr_id, c.date, c.id"
    frame = pd.read_sql_query(text(sql), session.connection(), params=params)
    if kr_ids is not None and len(kr_ids) > 5000:
        frame = frame[frame["kr_id"].isin(set(kr_ids))].reset_index(drop=True)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["value"] = frame["value"].astype(float)
    return frame
