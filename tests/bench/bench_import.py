"""Benchmark: import a province-scale dataset and print the time and peak memory.

    python -m tests.bench.bench_import [--db URL] [--data DIR] [--units 150]
        [--people 10000] [--krs 150000] [--months 9]

The dataset (≈150 units, 10,000 people, 150,000 key results, 1,350,000 check-ins)
is generated once into ``bench-data/`` (git-ignored) in the exchange format, then
imported with ``woms import`` in a child process so that its peak memory
(ru_maxrss) is measured alone. A second import of the same files shows the
cost of an idempotent re-import. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
PERSPECTIVES = np.array(["service", "budget", "process", "learning"])


def generate(folder: Path, units: int, people: int, krs: int, months: int, seed: int = 7) -> None:
    """Write a synthetic province in the exchange format into ``folder``."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    kinds = ["agency"] * 20 + ["commune"] * 80 + ["ward"] * 30 + ["department"] * (units - 131)
    codes = ["HY"] + [f"HY.U{i:03d}" for i in range(1, units)]
    parents = [""] + ["HY"] * 130 + [f"HY.U{1 + (i % 20):03d}" for i in range(units - 131)]
    pd.DataFrame(
        {
            "code": codes,
            "name": ["Tỉnh Hưng Yên"] + [f"Đơn vị số {i}" for i in range(1, units)],
            "kind": ["province", *kinds],
            "parent_code": parents,
        }
    ).to_csv(folder / "units.csv", index=False)
    person_units = rng.choice(codes[1:], size=people)
    person_codes = np.array([f"CB{i:05d}" for i in range(people)])
    pd.DataFrame(
        {
            "code": person_codes,
            "full_name": [f"Cán bộ số {i}" for i in range(people)],
            "unit_code": person_units,
            "position": "Chuyên viên",
            "is_head": "0",
            "email": "",
        }
    ).to_csv(folder / "people.csv", index=False)
    # Unit plans take 40 key results each; people share the rest.
    unit_krs = min(krs, 40 * units)
    owners = np.concatenate(
        [
            np.repeat(codes, 40)[:unit_krs],
            np.repeat(person_codes, -(-(krs - unit_krs) // people))[: krs - unit_krs],
        ]
    )
    index = np.arange(krs)
    position_in_owner = pd.Series(owners).groupby(owners).cumcount().to_numpy()
    task_number = position_in_owner // 3
    targets = rng.integers(10, 500, size=krs).astype(float)
    plan = pd.DataFrame(
        {
            "owner_code": owners,
            "period": "2025",
            "perspective": PERSPECTIVES[task_number % 4],
            "area": "Lĩnh vực chung",
            "task_code": [f"T{t}" for t in task_number],
            "task": [f"Nhiệm vụ số {t}" for t in task_number],
            "task_weight": "",
            "kr_code": [f"KR{i:06d}" for i in index],
            "kr": [f"Mục tiêu then chốt số {i}" for i in index],
            "kind": np.where(index % 5 == 0, "okr", "kpi"),
            "breakthrough": np.where(index % 10 == 0, "1", "0"),
            "unit": "hồ sơ",
            "baseline": "",
            "target": targets,
            "direction": "increase",
            "weight": "",
            "due": "",
            "parent_kr_code": "",
            "metric_code": "",
            "reference": "",
            "evidence_required": "0",
        }
    )
    plan.to_csv(folder / "plan.csv", index=False)
    month_ends = (
        pd.date_range("2025-01-31", periods=months, freq="ME").strftime("%Y-%m-%d").to_numpy()
    )
    shares = np.cumsum(rng.uniform(0.05, 0.14, size=(krs, months)), axis=1)
    values = np.round(shares * targets[:, None], 1)
    checkins = pd.DataFrame(
        {
            "kr_code": np.repeat(plan["kr_code"].to_numpy(), months),
            "date": np.tile(month_ends, krs),
            "value": values.ravel(),
            "note": "Đã triển khai theo kế hoạch tháng.",
            "reported_by": "",
            "evidence": "",
        }
    )
    checkins.to_csv(folder / "checkins.csv", index=False)
    pd.DataFrame(columns=["date", "unit_code", "kr_code", "author", "text"]).to_csv(
        folder / "notes.csv", index=False
    )


def _child(db_url: str, data: Path) -> None:
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.exchange.importer import import_dataset
    from woms_pwa.core.migrate import upgrade

    upgrade(db_url)
    started = time.perf_counter()
    with session_scope(db_url) as session:
        summary = import_dataset(session, data)
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "peak_mb": peak_mb, "summary": summary.to_dict()}))


def main() -> None:
    """Generate (once) and import the dataset twice; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="", help="database URL (default: a fresh SQLite file)")
    parser.add_argument("--data", default=str(ROOT / "bench-data" / "province"))
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--krs", type=int, default=150_000)
    parser.add_argument("--months", type=int, default=9)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], Path(args.child[1]))
        return
    data = Path(args.data)
    if not (data / "checkins.csv").exists():
        started = time.perf_counter()
        generate(data, args.units, args.people, args.krs, args.months)
        print(f"generated {data} in {time.perf_counter() - started:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        db_url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        for label in ("first import", "re-import (idempotent)"):
            out = subprocess.run(
                [sys.executable, "-m", "tests.bench.bench_import", "--child", db_url, str(data)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            result = json.loads(out.stdout.strip().splitlines()[-1])
            created = sum(result["summary"]["created"].values())
            print(
                f"{label}: {result['seconds']:.1f} s, peak memory {result['peak_mb']:.0f} MB, {created} records created, {sum(result['summary']['updated'].values())} updated"
            )


if __name__ == "__main__":
    main()
