"""Benchmark of the leaders' dashboard and the monthly report on a synthetic province.

≈150 units (each with a unit plan of 100 key results), 10,000 people holding
the other key results: 150,000 key results in all, stored in a fresh SQLite
database (check-ins, 9 a month, only for the reported unit's key results:
the dashboard reads ``current_value``). Measures, p95 of 20 runs after a warm-up:

* ``province_dashboard`` cold: DB read + scoring + heatmap (cache emptied each run);
* ``province_dashboard`` warm: a new request on unchanged data (version check, scope, heatmap);
* the pure part alone (``score_units`` + lights + heatmap on the in-memory frame),
  on the unit plans the dashboard reads (people's key results never enter a
  unit's score) and, for reference, on all 150,000 key results;
* one unit's monthly report, PDF and Excel (target: under 2 s);
* the search box: index build (once per added rows / 5 min) and a query.

Target: the dashboard computed server-side in under 500 ms.
Run from the repository root: ``python -m tests.bench.bench_dashboard``.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import insert

from analytics.dashboard import light_key_results, unit_heatmap
from analytics.scoring import score_units
from woms_pwa.core.db import get_engine, session_scope
from woms_pwa.core.migrate import upgrade
from woms_pwa.core.models import CheckIn, KeyResult, Period, Person, Plan, Task, Unit
from woms_pwa.core.permissions import Actor
from woms_pwa.core.reports import dashboard
from woms_pwa.core.reports.generate import generate_report
from woms_pwa.core.services.frames import key_result_frame

N_UNITS = 150
N_PEOPLE = 10_000
N_KEY_RESULTS = 150_000
UNIT_KRS = 100
KRS_PER_TASK = 3
RUNS = 20
PERSPECTIVES = ("service", "budget", "process", "learning")


def build(url: str, seed: int = 11) -> None:
    """Fill a migrated database with the synthetic province (bulk inserts)."""
    rng = np.random.default_rng(seed)
    engine = get_engine(url)
    kinds = ["commune"] * 100 + ["ward"] * 20 + ["agency"] * 30
    with engine.begin() as con:
        con.execute(
            insert(Unit.__table__),
            [{"id": 1, "code": "P", "name": "Tỉnh mẫu", "kind": "province", "parent_id": None}],
        )  # type: ignore[attr-defined]
        con.execute(
            insert(Unit.__table__),  # type: ignore[attr-defined]
            [
                {
                    "id": i + 2,
                    "code": f"U{i:03d}",
                    "name": f"Xã số {i}",
                    "kind": kinds[i],
                    "parent_id": 1,
                }
                for i in range(N_UNITS)
            ],
        )
        con.execute(
            insert(Person.__table__),  # type: ignore[attr-defined]
            [
                {
                    "id": i + 1,
                    "code": f"CB{i:05d}",
                    "full_name": f"Cán bộ {i}",
                    "unit_id": 2 + i % N_UNITS,
                    "is_head": i < N_UNITS,
                }
                for i in range(N_PEOPLE)
            ],
        )
        con.execute(
            insert(Period.__table__),
            [
                {
                    "id": 1,
                    "code": "2025",
                    "kind": "year",
                    "year": 2025,
                    "start_date": dt.date(2025, 1, 1),
                    "end_date": dt.date(2025, 12, 31),
                }
            ],
        )  # type: ignore[attr-defined]
        plans = [
            {
                "id": i + 1,
                "owner_key": f"U{i + 2}",
                "owner_unit_id": i + 2,
                "owner_person_id": None,
                "period_id": 1,
                "status": "approved",
            }
            for i in range(N_UNITS)
        ]
        plans += [
            {
                "id": N_UNITS + p + 1,
                "owner_key": f"P{p + 1}",
                "owner_unit_id": None,
                "owner_person_id": p + 1,
                "period_id": 1,
                "status": "approved",
            }
            for p in range(N_PEOPLE)
        ]
        con.execute(insert(Plan.__table__), plans)  # type: ignore[attr-defined]
        n_unit = N_UNITS * UNIT_KRS
        plan_of_kr = np.concatenate(
            [
                np.repeat(np.arange(1, N_UNITS + 1), UNIT_KRS),
                N_UNITS + 1 + np.arange(N_KEY_RESULTS - n_unit) % N_PEOPLE,
            ]
        )
        order = np.argsort(plan_of_kr, kind="stable")
        plan_of_kr = plan_of_kr[order]
        task_of_kr = np.arange(N_KEY_RESULTS) // KRS_PER_TASK
        n_tasks = int(task_of_kr.max()) + 1
        first = np.searchsorted(task_of_kr, np.arange(n_tasks))
        con.execute(
            insert(Task.__table__),  # type: ignore[attr-defined]
            [
                {
                    "id": t + 1,
                    "plan_id": int(plan_of_kr[first[t]]),
                    "code": f"T{t}",
                    "title": f"Nhiệm vụ {t}",
                    "perspective": PERSPECTIVES[(t // 2) % 4],
                }
                for t in range(n_tasks)
            ],
        )
        direction = rng.choice(
            ["increase", "decrease", "milestone"], N_KEY_RESULTS, p=[0.7, 0.2, 0.1]
        )
        target = np.where(
            direction == "milestone", 1.0, np.round(rng.uniform(10, 500, N_KEY_RESULTS))
        )
        reach = rng.uniform(0.2, 1.1, N_KEY_RESULTS) * 0.75
        value = np.where(
            direction == "milestone",
            (rng.random(N_KEY_RESULTS) < 0.5).astype(float),
            np.round(target * reach, 1),
        )
        value = np.where(
            direction == "decrease",
            np.round(target * rng.uniform(0.8, 1.6, N_KEY_RESULTS), 1),
            value,
        )
        con.execute(
            insert(KeyResult.__table__),  # type: ignore[attr-defined]
            [
                {
                    "id": k + 1,
                    "task_id": int(task_of_kr[k]) + 1,
                    "code": f"KR{k}",
                    "title": f"Giải ngân vốn {k}",
                    "target": float(target[k]),
                    "direction": str(direction[k]),
                    "kind": "okr" if k % 4 == 0 else "kpi",
                    "breakthrough": k % 10 == 0,
                    "current_value": float(value[k]),
                    "current_as_of": dt.date(2025, 9, 30),
                }
                for k in range(N_KEY_RESULTS)
            ],
        )
        unit_krs = np.flatnonzero(plan_of_kr == 1)
        rows = []
        for k in unit_krs:
            for month in range(1, 10):
                rows.append(
                    {
                        "kr_id": int(k) + 1,
                        "date": dt.date(2025, month, 28),
                        "value": float(value[k]) * month / 9,
                        "note": "Đã thực hiện theo kế hoạch" if month == 9 else "",
                        "client_id": f"c{k}-{month}",
                    }
                )
        con.execute(insert(CheckIn.__table__), rows)  # type: ignore[attr-defined]


def timed(fn: Callable[[], object], runs: int = RUNS) -> list[float]:
    """Wall times in ms of ``runs`` calls after one warm-up call."""
    fn()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, int(np.ceil(0.95 * len(ordered))) - 1)]


def report(name: str, values: list[float], target: float | None = None) -> None:
    """Print median and p95 (and the target ratio)."""
    line = f"{name:<48} median {statistics.median(values):8.1f} ms   p95 {p95(values):8.1f} ms"
    if target:
        line += f"   p95/target {p95(values) / target:5.2f}"
    print(line)


def main() -> None:
    """Build the province, then time each path."""
    folder = Path(tempfile.mkdtemp(prefix="woms-bench-"))
    url = f"sqlite:///{folder / 'bench.db'}"
    upgrade(url)
    start = time.perf_counter()
    build(url)
    print(
        f"built {N_UNITS} units, {N_KEY_RESULTS:,} key results in {time.perf_counter() - start:.1f} s"
    )
    leader = Actor.system("bench")
    today = dt.date(2025, 12, 31)

    def cold() -> None:
        dashboard._CACHE.clear()
        with session_scope(url) as session:
            dashboard.province_dashboard(session, leader, "2025", today=today)

    def warm() -> None:
        with session_scope(url) as session:
            dashboard.province_dashboard(session, leader, "2025", today=today)

    with session_scope(url) as session:
        everything = key_result_frame(session, periods={"2025"})
    units_only = everything[everything["owner_type"] == "unit"].reset_index(drop=True)

    def pure(frame: pd.DataFrame) -> Callable[[], object]:
        readings = frame[["kr_id", "current_as_of", "current_value"]].rename(
            columns={"current_as_of": "date", "current_value": "value"}
        )

        def run() -> None:
            scores = score_units(frame, readings)
            lit = light_key_results(scores, "2025-09-30")
            unit_heatmap(lit[lit["owner_type"] == "unit"], scores, units_only)

        return run

    def monthly(fmt: str) -> Callable[[], object]:
        def run() -> None:
            with session_scope(url) as session:
                generate_report(session, leader, "monthly", "2025-09", "U000", fmt)

        return run

    report("province dashboard, cold (DB read + compute)", timed(cold), 500)
    report("province dashboard, warm (unchanged data)", timed(warm), 500)
    report("pure: unit plans (what the dashboard scores)", timed(pure(units_only)), 500)
    report("pure: all 150,000 key results (reference)", timed(pure(everything), 5), 500)
    from woms_pwa.core import search as search_module

    def search_cold() -> None:
        search_module._INDEX.clear()
        with session_scope(url) as session:
            search_module.search(session, leader, "giai ngan von 12")

    def search_warm() -> None:
        with session_scope(url) as session:
            search_module.search(session, leader, "giai ngan von 12")

    report("search, index build + query (cold)", timed(search_cold, 3))
    report("search, query on the built index (warm)", timed(search_warm), 500)
    report("monthly report of one unit, PDF", timed(monthly("pdf"), 10), 2000)
    report("monthly report of one unit, Excel", timed(monthly("xlsx"), 10), 2000)


if __name__ == "__main__":
    main()
