"""Benchmark: what the alerts, plan and evaluation pages cost per load at province scale.

    python -m tests.bench.bench_alert_pages [--runs 20] [--before-runs 3]

The province (150 units, 10,000 people, 150,000 key results, 1,350,000
check-ins) is ``bench_import``'s dataset, imported once into
``bench-data/province-alerts.db`` (git-ignored; ≈20 s) and copied to a
temporary file for each run (the audit log cannot be rolled back). Times the
core functions the pages call, for a cadre, a unit head and a province leader:

* alerts, before: ``alerts_for`` (what ``/canh-bao`` and the API called: the
  whole province forecast on every load);
* alerts, after: ``alerts_view`` + ``explainable_codes`` — cold (empty store:
  the page answers at once, the start-up warm-up takes the forecast), warm, and
  right after a new check-in (loads served while the one recomputation runs);
* the plan page: ``get_plan_view`` + ``kr_warnings``;
* the evaluation page: ``person_view`` / ``unit_view`` + ``review_queue``.

Medians and p95 (nearest rank) in ms; figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sqlalchemy import text

from tests.bench.bench_import import ROOT, generate
from woms_pwa.core.alerts import service
from woms_pwa.core.alerts.service import (
    STORE,
    alerts_for,
    alerts_view,
    explainable_codes,
    kr_warnings,
    refresh_alerts,
)
from woms_pwa.core.db import get_engine, session_scope
from woms_pwa.core.evaluation.views import person_view, review_queue, unit_view
from woms_pwa.core.permissions import Actor
from woms_pwa.core.services.checkins import record_checkin
from woms_pwa.core.services.plans import get_plan_view
from woms_pwa.core.vocab import Role

DATA = ROOT / "bench-data" / "province"
CACHED_DB = ROOT / "bench-data" / "province-alerts.db"


def cached_database() -> Path:
    """The imported province, built once (generate the CSV files too when missing)."""
    if CACHED_DB.exists():
        return CACHED_DB
    from woms_pwa.core.exchange.importer import import_dataset
    from woms_pwa.core.migrate import upgrade

    if not (DATA / "checkins.csv").exists():
        generate(DATA, 150, 10_000, 150_000, 9)
    partial = CACHED_DB.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    url = f"sqlite:///{partial}"
    upgrade(url)
    started = time.perf_counter()
    with session_scope(url) as session:
        import_dataset(session, DATA)
    get_engine(url).dispose()
    partial.rename(CACHED_DB)
    print(f"imported the province into {CACHED_DB} in {time.perf_counter() - started:.0f} s")
    return CACHED_DB


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, int(np.ceil(0.95 * len(ordered))) - 1)]


def line(name: str, values: list[float], note: str = "") -> None:
    """Print median and p95 of ``values`` (ms)."""
    print(
        f"  {name:<46} median {statistics.median(values):9.1f} ms   "
        f"p95 {p95(values):9.1f} ms   n={len(values)}{('   ' + note) if note else ''}"
    )


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    """Wall times (ms) of ``runs`` calls."""
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def actors(url: str) -> dict[str, tuple[Actor, str, str]]:
    """A cadre (with a personal plan), the head of an agency with departments, a leader.

    Returns:
        Role label -> (actor, owner code of a plan they see, a key result they may write).
    """
    with session_scope(url) as session:
        person_id, person_code, unit_id, kr = session.execute(
            text(
                "SELECT pe.id, pe.code, pe.unit_id, kr.code FROM person pe"
                " JOIN plan p ON p.owner_person_id = pe.id"
                " JOIN task t ON t.plan_id = p.id JOIN key_result kr ON kr.task_id = t.id"
                " ORDER BY pe.id LIMIT 1"
            )
        ).one()
        head_unit, head_code = session.execute(
            text(
                "SELECT u.id, u.code FROM unit u WHERE EXISTS"
                " (SELECT 1 FROM unit c WHERE c.parent_id = u.id) AND u.parent_id IS NOT NULL"
                " ORDER BY u.id LIMIT 1"
            )
        ).one()
        province_id, province_code = session.execute(
            text("SELECT id, code FROM unit WHERE parent_id IS NULL")
        ).one()
    return {
        "cadre": (Actor(None, "canbo", Role.CADRE, person_id, unit_id), person_code, kr),
        "unit head": (Actor(None, "thutruong", Role.HEAD, None, head_unit), head_code, kr),
        "province leader": (
            Actor(None, "lanhdao", Role.PROVINCE, None, province_id),
            province_code,
            kr,
        ),
    }


def main() -> None:
    """Copy the province, then time each page path."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--before-runs", type=int, default=3)
    args = parser.parse_args()
    source = cached_database()
    folder = Path(tempfile.mkdtemp(prefix="woms-bench-alerts-"))
    try:
        shutil.copy(source, folder / "bench.db")
        url = f"sqlite:///{folder / 'bench.db'}"
        run(url, args.runs, args.before_runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(url: str, runs: int, before_runs: int) -> None:
    """All the measurements on one database copy."""
    with session_scope(url) as session:
        counts = session.execute(
            text("SELECT (SELECT COUNT(*) FROM key_result), (SELECT COUNT(*) FROM check_in)")
        ).one()
    print(f"province: {counts[0]:,} key results, {counts[1]:,} check-ins")
    who = actors(url)

    def page(actor: Actor) -> Callable[[], object]:
        def load() -> object:
            with session_scope(url) as session:
                view = alerts_view(session, actor)
                if view.report is not None:
                    explainable_codes(session, actor, view.report.anomalies)
                return view

        return load

    print("alerts page (/canh-bao), BEFORE: alerts_for on every load (whole province)")
    for label, (actor, _, _) in who.items():

        def before(actor: Actor = actor) -> None:
            with session_scope(url) as session:
                alerts_for(session, actor)

        line(label, timed(before, before_runs), "same after a check-in (no cache)")

    print("alerts page, AFTER: alerts_view (stale-while-revalidate store)")
    STORE.clear()
    cold = timed(page(who["cadre"][0]), 1)
    view = page(who["cadre"][0])()
    print(f"  cold: first load on an empty store {cold[0]:.1f} ms -> {view.status_line!r}")  # type: ignore[attr-defined]
    STORE.wait_idle(600)
    STORE.clear()
    started = time.perf_counter()
    with session_scope(url) as session:
        refresh_alerts(session)
    warm_up = time.perf_counter() - started
    print(f"  start-up warm-up (background job, refresh_alerts): {warm_up:.1f} s")
    for label, (actor, _, _) in who.items():
        values = timed(page(actor), runs)
        report = page(actor)().report  # type: ignore[attr-defined]
        n = f"{len(report.warnings)} warnings, {len(report.anomalies)} anomalies in scope"
        line(f"warm, {label}", values, n)

    cadre, _, kr = who["cadre"]
    with session_scope(url) as session:
        record_checkin(
            session,
            cadre,
            kr_code=kr,
            value="1",
            note="Cập nhật tháng 10 (benchmark).",
            client_id="bench-alert-pages-1",
            on_date=dt.date(2025, 10, 5),
            today=dt.date(2025, 10, 5),
        )
    started = time.perf_counter()
    during: dict[str, list[float]] = {label: [] for label in who}
    first_line = ""
    while not during["cadre"] or not STORE.wait_idle(0):
        for label, (actor, _, _) in who.items():
            t0 = time.perf_counter()
            loaded = page(actor)()
            during[label].append((time.perf_counter() - t0) * 1000)
            if label == "cadre" and not first_line:
                first_line = loaded.status_line  # type: ignore[attr-defined]
        time.sleep(0.2)
    fresh_after = time.perf_counter() - started
    print(f"  after a new check-in, the cadre reads: {first_line!r}")
    for label, values in during.items():
        line(f"after check-in, {label}", values, "while the one recomputation runs")
    print(f"  fresh again after {fresh_after:.1f} s; computations so far: {STORE.computations}")
    print(f"  cadre then reads: {page(cadre)().status_line!r}")  # type: ignore[attr-defined]

    print("plan page (/ke-hoach): get_plan_view + kr_warnings (markers from the store)")
    for label, (actor, owner, _) in who.items():

        def plan_page(actor: Actor = actor, owner: str = owner) -> None:
            with session_scope(url) as session:
                view = get_plan_view(session, actor, owner, "2025")
                codes = [
                    kr.code
                    for block in view.perspectives
                    for task in block.tasks
                    for kr in task.key_results
                ]
                kr_warnings(session, codes, "2025")

        line(f"{label} ({owner})", timed(plan_page, runs))

    print("evaluation page (/danh-gia): person_view or unit_view + review_queue")
    for label, (actor, owner, _) in who.items():

        def evaluation_page(
            actor: Actor = actor, owner: str = owner, person: bool = label == "cadre"
        ) -> None:
            with session_scope(url) as session:
                if person:
                    person_view(session, actor, owner, "2025")
                else:
                    unit_view(session, actor, owner, "2025")
                review_queue(session, actor, "2025")

        line(f"{label} ({owner})", timed(evaluation_page, max(3, runs // 4)))
    print(
        f"(alerts computations by the store in this run: {STORE.computations}; sync limit "
        f"{service.SYNC_MAX_KEY_RESULTS:,} key results)"
    )


if __name__ == "__main__":
    main()
