"""Benchmark of the approver's pre-check: 150 submitted plans, ≈ 10,000 key results.

A synthetic province is written straight into a fresh SQLite database (bulk
inserts; the services would audit every row): 150 communes with 17 tasks and
67 key results each, a province plan of 20 key results cascaded to every
commune, some targets copied across communes. Then ``precheck`` ranks every
submitted plan — the 3T and consistency rules, copied-target anomalies and
cascade allocations. Target: under 5 s (median of 3 runs).

Run from the repository root: ``python -m tests.bench.bench_precheck``.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from sqlalchemy import insert

from analytics.vntext import format_number_vi
from woms_pwa.core.db import get_engine, session_scope
from woms_pwa.core.migrate import upgrade
from woms_pwa.core.models import KeyResult, Period, Plan, Task, Unit
from woms_pwa.core.permissions import Actor
from woms_pwa.core.planning.precheck import precheck

N_UNITS = 150
TASKS_PER_PLAN = 17
KRS_PER_PLAN = 67
PARENT_KRS = 20
PERSPECTIVES = ("service", "budget", "process", "learning")
UNITS_OF_MEASURE = ("người", "%", "hội nghị", "tỷ đồng", "hồ sơ")


def build(url: str, seed: int = 11) -> int:
    """Write the synthetic province; return how many key results the inbox holds."""
    rng = np.random.default_rng(seed)
    now = dt.datetime.now(dt.UTC)
    with session_scope(url) as session:
        session.execute(insert(Unit), [{"id": 1, "code": "T", "name": "Tỉnh", "kind": "province"}])
        session.execute(
            insert(Unit),
            [
                {
                    "id": 2 + i,
                    "code": f"T.X{i:03d}",
                    "name": f"Xã {i}",
                    "kind": "commune",
                    "parent_id": 1,
                }
                for i in range(N_UNITS)
            ],
        )
        session.execute(
            insert(Period),
            [
                {
                    "id": 1,
                    "code": "2026",
                    "kind": "year",
                    "year": 2026,
                    "start_date": dt.date(2026, 1, 1),
                    "end_date": dt.date(2026, 12, 31),
                }
            ],
        )
        plans, tasks, krs = [], [], []
        kr_id = task_id = 0
        owners = [1] + [2 + i for i in range(N_UNITS)]
        for plan_id, unit_id in enumerate(owners, start=1):
            plans.append(
                {
                    "id": plan_id,
                    "owner_key": f"U{unit_id}",
                    "owner_unit_id": unit_id,
                    "period_id": 1,
                    "status": "submitted",
                    "version": 1,
                    "created_at": now,
                    "submitted_at": now,
                }
            )
            n_tasks = 4 if unit_id == 1 else TASKS_PER_PLAN
            n_krs = PARENT_KRS if unit_id == 1 else KRS_PER_PLAN
            first_task = task_id + 1
            for t in range(n_tasks):
                task_id += 1
                tasks.append(
                    {
                        "id": task_id,
                        "plan_id": plan_id,
                        "code": f"T{t + 1}",
                        "title": f"Nhiệm vụ {t + 1}",
                        "perspective": PERSPECTIVES[t % 4],
                        "area": "",
                        "breakthrough": False,
                        "position": t,
                        "reporting_frequency": "month",
                    }
                )
            for k in range(n_krs):
                kr_id += 1
                last = float(rng.integers(5, 200))
                target = last * float(rng.choice([0.9, 1.1, 1.2, 2.5]))
                krs.append(
                    {
                        "id": kr_id,
                        "task_id": first_task + k % n_tasks,
                        "code": f"KR{kr_id}",
                        "title": f"Mục tiêu {k} của kế hoạch {plan_id}",
                        "kind": "kpi",
                        "breakthrough": bool(rng.random() < 0.2),
                        "unit": UNITS_OF_MEASURE[k % 5],
                        "target": round(target),
                        "baseline": 0.0,
                        "direction": "increase",
                        "last_year_actual": last,
                        "metric_code": f"M.{k % 10}" if k < 10 else None,
                        "parent_kr_id": (k % PARENT_KRS) + 1
                        if unit_id != 1 and k < PARENT_KRS
                        else None,
                        "cascade_mode": "mandatory" if unit_id != 1 and k < PARENT_KRS else None,
                        "evidence_required": False,
                        "data_source": "manual",
                        "status": "active",
                        "position": k,
                    }
                )
        session.execute(insert(Plan), plans)
        session.execute(insert(Task), tasks)
        for start in range(0, len(krs), 2000):
            session.execute(insert(KeyResult), krs[start : start + 2000])
    return len(krs)


def main() -> None:
    """Build once, run the pre-check three times, print the median."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        upgrade(url)
        n_krs = build(url)
        times, ranked = [], []
        for _ in range(3):
            start = time.perf_counter()
            with session_scope(url) as session:
                ranked = precheck(session, Actor.system("bench"), period="2026")
            times.append(time.perf_counter() - start)
        get_engine(url).dispose()
    findings = sum(len(p.findings) for p in ranked)
    median = statistics.median(times)
    print(
        f"plans: {len(ranked)}, key results: {format_number_vi(n_krs, 0)}, "
        f"findings: {format_number_vi(findings, 0)}"
    )
    print(
        f"worst plan: {ranked[0].owner_code} ({ranked[0].errors} errors, "
        f"{ranked[0].warnings} warnings)"
    )
    print(
        f"precheck median: {median:.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)}); "
        f"target < 5 s: {'OK' if median < 5 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
