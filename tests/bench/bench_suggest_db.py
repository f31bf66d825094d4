"""Suggestion latency through the database path (``suggest_metrics``), after warm-up.

Run ``python -m tests.bench.bench_suggest_db`` from the repository root. It
syncs the full dictionary into a scratch SQLite database, stores 200
acceptances, warms the process-wide suggester, then times varied task texts
(each call includes the one-query freshness check) and prints p50/p95/max.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np

from metric_library.evaluate import load_labelled
from woms_pwa.core.db import session_scope
from woms_pwa.core.metrics.service import record_acceptance, suggest_metrics
from woms_pwa.core.metrics.sync import sync_catalogue_from_files
from woms_pwa.core.migrate import upgrade


def main() -> None:
    """Print p50, p95 and max latency in milliseconds."""
    pairs = load_labelled()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        upgrade(url)
        with session_scope(url) as session:
            sync_catalogue_from_files(session)
            for pair in pairs[:200]:
                record_acceptance(session, None, pair.text, sorted(pair.acceptable)[0])
        texts = [p.text for p in pairs] * 3
        timings = []
        with session_scope(url) as session:
            suggest_metrics(session, "khởi động", 5)  # warm-up: builds the cached suggester
            for text in texts:
                start = time.perf_counter()
                suggest_metrics(session, text, 5)
                timings.append((time.perf_counter() - start) * 1000)
    arr = np.array(timings)
    print(
        f"suggest_metrics (DB path) n={arr.size}  p50={np.percentile(arr, 50):.2f} ms  "
        f"p95={np.percentile(arr, 95):.2f} ms  max={arr.max():.2f} ms  (target p95 < 50 ms)"
    )


if __name__ == "__main__":
    main()
