"""Benchmark: what an evaluation page costs per load at province scale, with the run store.

    python -m tests.bench.bench_evaluation_pages [--runs 20] [--changes 5]

The province (150 units, 10,000 people, 150,000 key results, 1,350,000
check-ins) is ``bench_alert_pages``' cached database (``bench-data/
province-alerts.db``, built once), copied to a temporary file. Times the core
functions the pages call on every load — ``person_view`` for a cadre (``/danh-gia``
and ``/ca-nhan``), ``unit_view`` for a unit head and a province leader
(``/don-vi/diem``, the "why this score" rows), each with ``review_queue`` — for:

* cold: an empty store (what every load cost before: ``run_scoring`` each time);
* warm: unchanged data (the run comes from ``evaluation.runs.STORE``);
* after a check-in: the first load after a new check-in by the cadre, which
  recomputes in the request (the chosen policy), then the next loads;
* the alternative, stale-while-revalidate as on the alerts page: the same
  load answered from the previous run while one background recomputation
  runs, and how long the previous score stays on screen.

Medians and p95 (nearest rank) in ms; figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from tests.bench.bench_alert_pages import actors, cached_database, line, timed
from woms_pwa.core.db import session_scope
from woms_pwa.core.evaluation import runs, views
from woms_pwa.core.evaluation.runs import STORE, evaluation_version
from woms_pwa.core.evaluation.scoring import run_scoring
from woms_pwa.core.evaluation.views import person_view, review_queue, unit_view
from woms_pwa.core.permissions import Actor
from woms_pwa.core.services.checkins import record_checkin
from woms_pwa.core.services.snapshots import Entry

PERIOD = "2025"


def resident_mb() -> float:
    """This process's resident memory (MB, Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def page_loader(url: str, actor: Actor, owner: str, person: bool) -> Callable[[], object]:
    """One load of the evaluation page an actor opens."""

    def load() -> object:
        with session_scope(url) as session:
            view = (
                person_view(session, actor, owner, PERIOD)
                if person
                else unit_view(session, actor, owner, PERIOD)
            )
            review_queue(session, actor, PERIOD)
            return view.summary["total"]

    return load


def counted_key_result(url: str, person_code: str) -> tuple[str, float]:
    """A key result of the person's own plan that counts in their total, and its target."""
    with session_scope(url) as session:
        code, target = session.execute(
            text(
                "SELECT kr.code, kr.target FROM key_result kr JOIN task t ON t.id = kr.task_id"
                " JOIN plan p ON p.id = t.plan_id JOIN person pe ON pe.id = p.owner_person_id"
                " WHERE pe.code = :code AND kr.kind = 'kpi' AND NOT kr.breakthrough"
                " AND kr.direction = 'increase' AND kr.target > 0 ORDER BY kr.id LIMIT 1"
            ),
            {"code": person_code},
        ).one()
    return str(code), float(target)


def check_in(url: str, cadre: Actor, kr: tuple[str, float], n: int) -> None:
    """A new reading by the cadre: 80 % and 90 % of the target in turn (each changes the score)."""
    with session_scope(url) as session:
        record_checkin(
            session,
            cadre,
            kr_code=kr[0],
            value=round(kr[1] * (0.8 + 0.1 * (n % 2)), 2),
            note="Cập nhật tháng 10 (benchmark).",
            client_id=f"bench-eval-pages-{n:04d}",
            on_date=dt.date(2025, 10, 5),
            today=dt.date(2025, 10, 5),
        )


def stale_while_revalidate(session, period, as_of=None):  # type: ignore[no-untyped-def]
    """The alternative policy: the stored run at once, one refresh in the background."""
    spec = runs.parse_period_or_fail(period)
    day = runs.parse_as_of(as_of, spec)
    engine = runs._engine(session)
    key = runs._store_key(engine, spec.code, day)
    version = evaluation_version(session)
    entry = STORE.state(key).entry
    if entry is not None and entry.version == version:
        return entry.report
    url = engine.url.render_as_string(hide_password=False)

    def compute(current: Entry | None) -> Entry:
        with session_scope(url) as fresh:
            fresh_version = evaluation_version(fresh)
            return runs._compute(fresh, spec.code, day, fresh_version)(current)

    if entry is None:
        return STORE.compute_now(key, compute, raise_errors=True).report  # type: ignore[union-attr]
    STORE.request_refresh(key, compute)
    return entry.report


def main() -> None:
    """Copy the province, then time each load."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--changes", type=int, default=5)
    args = parser.parse_args()
    source = cached_database()
    folder = Path(tempfile.mkdtemp(prefix="woms-bench-eval-"))
    try:
        shutil.copy(source, folder / "bench.db")
        run(f"sqlite:///{folder / 'bench.db'}", args.runs, args.cold_runs, args.changes)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(url: str, runs_: int, cold_runs: int, changes: int) -> None:
    """All the measurements on one database copy."""
    with session_scope(url) as session:
        counts = session.execute(
            text("SELECT (SELECT COUNT(*) FROM key_result), (SELECT COUNT(*) FROM check_in)")
        ).one()
    print(f"province: {counts[0]:,} key results, {counts[1]:,} check-ins")
    who = actors(url)
    loads = {
        label: page_loader(url, actor, owner, label == "cadre")
        for label, (actor, owner, _) in who.items()
    }
    cadre, cadre_code, _ = who["cadre"]
    kr = counted_key_result(url, cadre_code)

    with session_scope(url) as session:
        started = time.perf_counter()
        run_scoring(session, PERIOD)
        seconds = time.perf_counter() - started
        gc.collect()
        before = resident_mb()
        kept = run_scoring(session, PERIOD)
        gc.collect()
        held = resident_mb() - before
    del kept
    print(
        f"run_scoring alone: {seconds:.2f} s; one stored run holds ≈ {held:.0f} MB resident"
        f" (the store keeps at most {STORE.max_keys})"
    )

    print("cold: empty store on every load (= every load before the store)")
    for label, load in loads.items():

        def cold(load: Callable[[], object] = load) -> None:
            STORE.clear()
            load()

        line(label, timed(cold, cold_runs))

    print("warm: unchanged data")
    STORE.clear()
    for label, load in loads.items():
        load()
        line(label, timed(load, runs_))

    print("after a check-in by the cadre (synchronous recompute: the chosen policy)")
    first: dict[str, list[float]] = {label: [] for label in loads}
    following: dict[str, list[float]] = {label: [] for label in loads}
    n, shown = 0, 0
    for label, load in loads.items():
        for _ in range(changes):
            n += 1
            before = loads["cadre"]()
            check_in(url, cadre, kr, n)
            first[label] += timed(load, 1)
            following[label] += timed(load, 3)
            shown += int(loads["cadre"]() != before)
    for label in loads:
        line(f"first load, {label}", first[label], "recomputes the province")
    for label in loads:
        line(f"next loads, {label}", following[label])
    print(f"  the cadre's total changed right after {shown} of {n} check-ins")

    print("alternative: stale-while-revalidate (as /canh-bao), same check-ins")
    real = views.scored_run
    views.scored_run = stale_while_revalidate  # type: ignore[assignment]
    try:
        swr: dict[str, list[float]] = {label: [] for label in loads}
        stale_for: list[float] = []
        shows_old = 0
        for label, load in loads.items():
            for _ in range(changes):
                n += 1
                STORE.wait_idle(600)
                before = loads["cadre"]()
                check_in(url, cadre, kr, n)
                changed_at = time.perf_counter()
                swr[label] += timed(load, 1)
                shows_old += int(loads["cadre"]() == before)
                STORE.wait_idle(600)
                stale_for.append(time.perf_counter() - changed_at)
        for label in loads:
            line(f"first load, {label}", swr[label], "answers from the previous run")
        print(
            f"  the previous score stays on screen for ≈ {sorted(stale_for)[len(stale_for) // 2]:.1f} s "
            f"(median); the cadre's total was still the old one on {shows_old} of "
            f"{len(stale_for)} loads right after their check-in"
        )
    finally:
        views.scored_run = real
        STORE.wait_idle(600)
    print(f"(runs computed by the store in this benchmark: {STORE.computations})")


if __name__ == "__main__":
    main()
