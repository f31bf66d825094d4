"""Latency benchmark of metric suggestions (not a pytest test).

Run ``python tests/bench/bench_suggest.py``: builds the suggester over the full
dictionary, warms up, then times about 500 varied queries in one process and
prints p50/p95/max in milliseconds. The target is p95 < 50 ms.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from analytics.vntext import fold_accents
from metric_library.api import default_catalogue, default_suggester
from metric_library.evaluate import load_labelled

PREFIXES = ("", "Tăng cường ", "nang cao chat luong ", "Đẩy mạnh ", "Phấn đấu ", "Thực hiện tốt ")


def queries(count: int = 500, seed: int = 7) -> list[str]:
    """Varied queries: labelled texts, metric names and phrasings, folded or not."""
    rng = random.Random(seed)
    pool = [p.text for p in load_labelled()]
    for metric in default_catalogue():
        pool.append(metric.name)
        pool.extend(metric.synonyms[:2])
    out = []
    for _ in range(count):
        text = rng.choice(PREFIXES) + rng.choice(pool)
        if rng.random() < 0.4:
            text = fold_accents(text)
        if rng.random() < 0.1:
            text = " ".join([text, rng.choice(pool), rng.choice(pool)])  # long paragraph
        out.append(text)
    return out


def main() -> int:
    """Time the queries and print the latency percentiles."""
    start = time.perf_counter()
    engine = default_suggester()
    build_ms = (time.perf_counter() - start) * 1000
    batch = queries()
    for text in batch[:50]:  # warm-up
        engine.suggest(text)
    timings = []
    for text in batch:
        t0 = time.perf_counter()
        engine.suggest(text, top=5)
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(0.95 * len(timings)) - 1]
    print(f"entries={len(default_catalogue())} queries={len(timings)} build={build_ms:.0f} ms")
    print(f"p50={p50:.2f} ms  p95={p95:.2f} ms  max={timings[-1]:.2f} ms")
    return 0 if p95 < 50 else 1


if __name__ == "__main__":
    raise SystemExit(main())
