"""Benchmark: ``compute_alerts`` end to end on the demo province (database → rows).

Run with ``python -m tests.bench.bench_alerts_db [--repeat N]``. Loads the demo
into a temporary SQLite database and prints the median time of each stage
(reading the frames, forecasting, warnings, anomalies) over ``N`` runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from woms_pwa.core.alerts.service import compute_alerts
from woms_pwa.core.db import session_scope
from woms_pwa.core.demo_loader import load_demo
from woms_pwa.core.migrate import upgrade


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        upgrade(url)
        with session_scope(url) as session:
            counts = load_demo(session, Path(folder) / "demo")
        stages: dict[str, list[float]] = {}
        totals = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            with session_scope(url) as session:
                report = compute_alerts(session)
            totals.append(time.perf_counter() - t0)
            assert report is not None
            for name, seconds in report.timings.items():
                stages.setdefault(name, []).append(seconds)
        print(
            f"demo: {counts['krs']:,} key results, {counts['checkins']:,} check-ins; "
            f"{len(report.warnings)} warnings, {len(report.anomalies)} anomalies"
        )
        print(f"compute_alerts median {statistics.median(totals):.3f} s over {args.repeat} runs")
        for name, values in stages.items():
            print(f"  stage {name:<10} {statistics.median(values):.3f} s")


if __name__ == "__main__":
    main()
