"""Run the scoring engine on the database: frames in, frozen evaluation out.

One query per frame (key results, the latest reading per key result
aggregated in the database, people, stance indicators, declarations), fetched
with the driver's cursor, then the pure ``analytics.scoring`` engine. No ORM
object per key result. The key-result query is a lean version of
``services.frames.key_result_frame``: titles are left out (fetching 150,000
titles costs more than scoring them) and read per owner only when a "why this
score" view needs them (:func:`key_result_titles`).

Rules applied here, before the engine:

* only key results of **approved** plans that are not retired are evaluated;
* a month or quarter evaluation uses the owner's plan of that period when it
  has one, otherwise the owner's annual plan measured as of the period's end;
* the political-stance criterion is assessed yearly: it is left out of month
  and quarter evaluations (its weight is spread over the other criteria);
* stance indicators come from the assessor's step when given, else from the
  self-assessment; declarations count only once the assessor accepted them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import text
from sqlmodel import Session

from analytics.scoring import (
    CollectiveResult,
    IndividualResult,
    ScoreResult,
    evaluate_collective,
    evaluate_individuals,
    score_payload,
    score_units,
)
from woms_pwa.core.evaluation.config import ScoringConfig, load_config
from woms_pwa.core.messages import evaluation as emsg
from woms_pwa.core.periods import PeriodSpec, parse_period
from woms_pwa.core.vocab import PeriodKind


class EvaluationError(ValueError):
    """Bad input to an evaluation (period, date, values); Vietnamese message."""


_KR_SQL = """
SELECT kr.id, kr.code, kr.kind, kr.breakthrough, kr.direction, kr.baseline, kr.target,
       kr.weight, kr.unit, t.id, t.code, t.perspective, t.weight, p.id, per.code,
       COALESCE(u.code, pe.code),
       CASE WHEN p.owner_unit_id IS NULL THEN 'person' ELSE 'unit' END
FROM key_result kr
JOIN task t ON t.id = kr.task_id
JOIN plan p ON p.id = t.plan_id
JOIN period per ON per.id = p.period_id
LEFT JOIN unit u ON u.id = p.owner_unit_id
LEFT JOIN person pe ON pe.id = p.owner_person_id
WHERE per.code IN ({periods}) AND p.status = 'approved' AND kr.status <> 'retired'
"""
_KR_COLUMNS = (
    "kr_id", "kr_code", "kind", "breakthrough", "direction", "baseline", "target", "weight",
    "unit", "task_id", "task_code", "perspective", "task_weight", "plan_id", "period",
    "owner_code", "owner_type",
)  # fmt: skip

# The (kr_id, date) index answers the inner aggregate; ties on the last date
# come back in id order and the engine keeps the last one ("last typed wins").
_LATEST_SQL = """
SELECT c.kr_id, c.date, c.value, m.n
FROM check_in c
JOIN (SELECT kr_id, MAX(date) AS last_date, COUNT(*) AS n
      FROM check_in WHERE date <= '{until}' GROUP BY kr_id) m
  ON m.kr_id = c.kr_id AND m.last_date = c.date
ORDER BY c.kr_id, c.id
"""

_PEOPLE_SQL = """
SELECT pe.id AS person_id, pe.code AS person_code, pe.full_name AS full_name,
       u.code AS unit_code, u.id AS unit_id, pe.is_head AS is_head
FROM person pe JOIN unit u ON u.id = pe.unit_id
ORDER BY pe.code
"""

_UNITS_SQL = """
SELECT u.id AS unit_id, u.code AS code, u.name AS name, u.kind AS kind,
       pu.code AS parent_code, pu.parent_id AS grandparent_id
FROM unit u LEFT JOIN unit pu ON pu.id = u.parent_id
ORDER BY u.code
"""

_STANCE_SQL = """
SELECT r.person_id AS person_id, s.stage AS stage, s.level AS stance_level,
       s.assessment_pct AS assessment_pct, s.study_pct AS study_pct,
       s.contributions AS contributions, s.trust_pct AS trust_pct,
       s.reminders AS reminders, s.disciplined AS disciplined
FROM evaluation_stance s
JOIN evaluation_record r ON r.id = s.record_id
JOIN period per ON per.id = r.period_id
WHERE per.code = :period AND r.person_id IS NOT NULL
"""

_ITEMS_SQL = """
SELECT r.subject_type AS subject_type, COALESCE(pe.code, u.code) AS owner_code,
       i.kind AS kind, i.perspective AS perspective, i.title AS description,
       i.points AS score
FROM evaluation_item i
JOIN evaluation_record r ON r.id = i.record_id
JOIN period per ON per.id = r.period_id
JOIN unit u ON u.id = r.unit_id
LEFT JOIN person pe ON pe.id = r.person_id
WHERE per.code = :period AND i.status = 'accepted'
"""

STANCE_COLUMNS: tuple[str, ...] = (
    "stance_level",
    "assessment_pct",
    "study_pct",
    "contributions",
    "trust_pct",
    "reminders",
    "disciplined",
)


def parse_period_or_fail(code: str) -> PeriodSpec:
    """Parse a period code or raise ``EvaluationError`` in Vietnamese."""
    spec = parse_period(code or "")
    if spec is None:
        raise EvaluationError(emsg.BAD_PERIOD.format(period=code))
    return spec


def parse_as_of(value: str | dt.date | None, spec: PeriodSpec) -> dt.date:
    """The evaluation date: given (ISO), else the period's last day."""
    if value is None or value == "":
        return spec.end
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise EvaluationError(emsg.BAD_DATE.format(value=value)) from exc


@dataclass(frozen=True)
class EvaluationRun:
    """A scored period: the engine's results plus names for display.

    Attributes:
        period: the period code.
        as_of: readings up to this day were used.
        scores: key results, tasks, perspectives and owner totals.
        collective: the units' evaluation.
        individual: the people's evaluation.
        unit_names / person_names: code → display name.
        config: the configuration used.
    """

    period: str
    as_of: dt.date
    scores: ScoreResult
    collective: CollectiveResult
    individual: IndividualResult
    config: ScoringConfig
    unit_names: Mapping[str, str] = field(default_factory=dict)
    person_names: Mapping[str, str] = field(default_factory=dict)

    def payload(self) -> dict[str, Any]:
        """The ``woms score --json`` document, with names added."""
        data = score_payload(
            self.collective, self.individual, period=self.period, as_of=self.as_of.isoformat()
        )
        for row in data["units"]:
            row["name"] = self.unit_names.get(row["code"], "")
        for row in data["people"]:
            row["name"] = self.person_names.get(row["code"], "")
        return data


def _fetch(session: Session, sql: str, columns: tuple[str, ...]) -> pd.DataFrame:
    """Run trusted SQL on the driver's cursor (no per-row SQLAlchemy processing)."""
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        rows = cursor.fetchall()
    finally:
        cursor.close()
    return pd.DataFrame.from_records(rows, columns=list(columns))


def scoring_key_results(session: Session, spec: PeriodSpec) -> pd.DataFrame:
    """Key results of approved plans to evaluate for a period (engine columns, no titles).

    Owners without a plan of a month/quarter are measured on their annual plan.
    """
    # Period codes come from ``parse_period`` (digits, dash, Q), safe to inline.
    codes = ", ".join(f"'{code}'" for code in sorted({spec.code, str(spec.year)}))
    krs = _fetch(session, _KR_SQL.format(periods=codes), _KR_COLUMNS)
    krs["breakthrough"] = krs["breakthrough"].astype(bool)
    for column in ("baseline", "target", "weight", "task_weight"):
        krs[column] = pd.to_numeric(krs[column]).astype(float)
    krs["title"] = ""
    krs["task_title"] = ""
    if spec.kind is PeriodKind.YEAR:
        return krs[krs["period"] == spec.code].reset_index(drop=True)
    own = krs[krs["period"] == spec.code]
    fallback = krs[(krs["period"] == str(spec.year)) & ~krs["owner_code"].isin(own["owner_code"])]
    return pd.concat([own, fallback], ignore_index=True)


def latest_checkins(session: Session, until: dt.date) -> pd.DataFrame:
    """Each key result's last reading on or before ``until`` and its reading count.

    The database does the "latest per key result" work, so 1.35 million
    readings never leave it; ``n_readings`` carries the count to the engine.
    """
    sql = _LATEST_SQL.format(until=until.isoformat())
    frame = _fetch(session, sql, ("kr_id", "date", "value", "n_readings"))
    frame["date"] = pd.to_datetime(frame["date"], format="ISO8601")
    frame["value"] = frame["value"].astype(float)
    return frame


def key_result_titles(session: Session, kr_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Titles of some key results and of their tasks: ``kr_id → (title, task title)``."""
    if not kr_ids:
        return {}
    ids = ",".join(str(int(i)) for i in kr_ids)
    sql = (
        "SELECT kr.id, kr.title, t.title FROM key_result kr JOIN task t ON t.id = kr.task_id "
        f"WHERE kr.id IN ({ids})"
    )
    return {int(i): (a, b) for i, a, b in session.execute(text(sql)).all()}


def _people_frame(session: Session, spec: PeriodSpec) -> pd.DataFrame:
    people = pd.read_sql_query(text(_PEOPLE_SQL), session.connection())
    people["is_head"] = people["is_head"].astype(bool)
    if spec.kind is not PeriodKind.YEAR:
        return people
    stance = pd.read_sql_query(
        text(_STANCE_SQL), session.connection(), params={"period": spec.code}
    )
    if stance.empty:
        return people
    # The assessor's indicators win over the self-assessment.
    stance = stance.assign(order=(stance["stage"] == "assess").astype(int))
    stance = stance.sort_values("order").drop_duplicates("person_id", keep="last")
    stance["disciplined"] = stance["disciplined"].astype(float)
    return people.merge(stance[["person_id", *STANCE_COLUMNS]], on="person_id", how="left")


def _items(session: Session, spec: PeriodSpec) -> pd.DataFrame:
    items = pd.read_sql_query(text(_ITEMS_SQL), session.connection(), params={"period": spec.code})
    items["score"] = items["score"].astype(float).fillna(0.0)
    return items


def _unit_groups(units: pd.DataFrame) -> dict[str, str]:
    # Departments compete for quotas inside their parent unit; every unit
    # directly under the province competes province-wide.
    group = np.where(units["kind"] == "department", "D:" + units["parent_code"].fillna(""), "tinh")
    return dict(zip(units["code"], group, strict=True))


def run_scoring(
    session: Session,
    period: str,
    as_of: str | dt.date | None = None,
    config: ScoringConfig | None = None,
) -> EvaluationRun:
    """Score every unit and person of a period, to ratings.

    Args:
        session: an open session.
        period: ``2025``, ``2025-Q3`` or ``2025-07``.
        as_of: readings up to this day (ISO text or date); the period end by default.
        config: scoring configuration; the stored one by default.

    Raises:
        EvaluationError: bad period or date.
    """
    spec = parse_period_or_fail(period)
    day = parse_as_of(as_of, spec)
    config = config or load_config(session)
    krs = scoring_key_results(session, spec)
    readings = latest_checkins(session, day)
    scores = score_units(krs, readings, as_of=day, policy=config.scoring)
    units = pd.read_sql_query(text(_UNITS_SQL), session.connection())
    items = _items(session, spec)
    outside = items[items["kind"] == "outside_work"]
    collective = evaluate_collective(
        scores, outside, policy=config.collective, groups=_unit_groups(units)
    )
    people = _people_frame(session, spec)
    per_person = items[items["subject_type"] == "person"]
    sums = per_person.pivot_table(
        index="owner_code", columns="kind", values="score", aggfunc="sum", fill_value=0.0
    )
    for kind, column in (("initiative", "initiative_points"), ("learning", "learning_points")):
        source = sums[kind] if kind in sums.columns else pd.Series(dtype=float)
        people[column] = people["person_code"].map(source).fillna(0.0)
    individual = evaluate_individuals(people, scores, collective, outside, policy=config.individual)
    return EvaluationRun(
        period=spec.code,
        as_of=day,
        scores=scores,
        collective=collective,
        individual=individual,
        config=config,
        unit_names=dict(zip(units["code"], units["name"], strict=True)),
        person_names=dict(zip(people["person_code"], people["full_name"], strict=True)),
    )
