"""The scored period the evaluation pages show: ``run_scoring`` remembered per data version.

``run_scoring`` scores the whole province (1.5–2 s at 150,000 key results)
and every page of the evaluation (my evaluation, a person's result and "why
this score", a unit's score, the review page, a conclusion) only cuts one
subject out of it. :func:`scored_run` keeps the latest run per (database,
period, as-of day) in a shared :class:`~woms_pwa.core.services.snapshots.ReportStore`,
with the version it was computed at: the data version (the audit log and
check-in maxima) and the stored scoring configuration. A load on unchanged
data costs those few indexed queries; a load after any change (a check-in, an
evaluation step, a configuration change, an import, a plan approval: each
appends to the audit log) recomputes in the request, so a cadre sees the new
score of their own check-in at once. Why synchronous rather than the alerts
page's stale-while-revalidate (``tests/bench/bench_evaluation_pages.py``, 150,000
key results, 2 cores): a warm load takes 3 ms (cadre) to 25 ms (a unit's page),
the first load after a change 1.4–1.5 s (what every load cost before); the
stale-while-revalidate answer would take 3–27 ms but show the cadre their old
score on every load right after their own check-in, for ≈3 s.

Rules that keep the numbers identical to ``run_scoring``:

* a run is computed in the caller's session and stored under the version
  that session read first, in the same transaction;
* a session whose transaction has written (its writes may be rolled back and
  their ids reused) and an in-memory database compute directly and store
  nothing;
* a stored run is shared by every request: its frames are read, never changed.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Hashable

from sqlalchemy import Engine, text
from sqlmodel import Session, select

from woms_pwa.core.evaluation.config import CONFIG_KEY, build_config
from woms_pwa.core.evaluation.models import EvaluationConfig
from woms_pwa.core.evaluation.scoring import (
    EvaluationRun,
    parse_as_of,
    parse_period_or_fail,
    run_scoring,
)
from woms_pwa.core.services.snapshots import Compute, Entry, ReportStore, data_version

STORE = ReportStore(max_keys=3)
"""Latest runs per (database, period, as-of day). A province's run holds
≈165 MB (150,000 key-result rows); the pages use one or two periods at a
time, other periods and explicit days push the least recently used out."""


def _stored_settings(session: Session) -> str:
    stored = session.execute(
        select(EvaluationConfig.settings_json).where(EvaluationConfig.key == CONFIG_KEY)
    ).scalar_one_or_none()
    return stored or ""


def evaluation_version(session: Session) -> tuple[int, int, str]:
    """What a run depends on besides period and day: data version and stored configuration.

    The configuration is saved with an audit entry, so the data version alone
    would do; it is part of the key so that a configuration written any other
    way can never be scored with the previous one.
    """
    audit_id, checkin_id = data_version(session)
    return (audit_id, checkin_id, _stored_settings(session))


def _engine(session: Session) -> Engine:
    return session.get_bind().engine


def _in_memory(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite" and engine.url.database in (None, "", ":memory:")


def has_written(session: Session) -> bool:
    """Whether the session's open transaction has written anything (uncommitted)."""
    connection = session.connection()
    name = connection.dialect.name
    if name == "sqlite":
        # pysqlite opens its transaction at the first write, not at a read.
        return bool(connection.connection.driver_connection.in_transaction)  # type: ignore[union-attr]
    if name == "postgresql":
        assigned = connection.execute(text("SELECT txid_current_if_assigned()")).scalar()
        return assigned is not None
    return True  # unknown driver: never share what it computed


def _store_key(engine: Engine, period: str, day: dt.date) -> Hashable:
    # The URL names the database (its password hidden); the engine's id tells
    # apart two in-process databases that a URL could not.
    return (engine.url.render_as_string(hide_password=True), id(engine), period, day)


def _compute(session: Session, period: str, day: dt.date, version: tuple[int, int, str]) -> Compute:
    def compute(current: Entry | None) -> Entry:
        if current is not None and current.version == version:
            return current  # computed by the request this one waited for
        started = time.perf_counter()
        config = build_config(json.loads(version[2]) if version[2] else None)
        run = run_scoring(session, period, day, config=config)
        return Entry(
            report=run,
            version=version,
            today=dt.date.today(),
            computed_at=dt.datetime.now(dt.UTC),
            seconds=time.perf_counter() - started,
            checkin_id=version[1],
        )

    return compute


def scored_run(session: Session, period: str, as_of: str | dt.date | None = None) -> EvaluationRun:
    """``run_scoring(session, period, as_of)``, reused while nothing it depends on changed.

    What every evaluation page calls. Milliseconds when the province's run at
    the current version is stored; otherwise the run is computed here (at most
    one at a time per process: a request that waited for another's
    computation of the same version reuses it) and stored.

    Args:
        session: an open session.
        period: ``2025``, ``2025-Q3`` or ``2025-07``.
        as_of: readings up to this day (ISO text or date); the period end by default.

    Returns:
        The run; shared with other requests, so read it and never change its frames.

    Raises:
        EvaluationError: bad period or date.
    """
    spec = parse_period_or_fail(period)
    day = parse_as_of(as_of, spec)
    engine = _engine(session)
    if _in_memory(engine) or has_written(session):
        return run_scoring(session, spec.code, day)
    key = _store_key(engine, spec.code, day)
    version = evaluation_version(session)
    entry = STORE.state(key).entry
    if entry is None or entry.version != version:
        entry = STORE.compute_now(
            key, _compute(session, spec.code, day, version), raise_errors=True
        )
    assert entry is not None  # compute_now raises rather than return nothing
    run: EvaluationRun = entry.report
    return run
