"""Benchmark of the pure scoring path on a synthetic province.

≈150 units, 10,000 people, 150,000 key results and 1,350,000 check-ins, scored
to collective and individual ratings. Target: under 3 s on 2 cores.

Run from the repository root: ``python -m tests.bench.bench_scoring_pure`` (or with
``PYTHONPATH=.`` when the project is not installed).
"""

from __future__ import annotations

import statistics
import time

import numpy as np
import pandas as pd

from analytics.scoring import evaluate_collective, evaluate_individuals, score_units
from analytics.vntext import format_number_vi

N_UNITS = 150
N_PEOPLE = 10_000
N_KEY_RESULTS = 150_000
UNIT_KEY_RESULTS = 100  # per unit; the rest belong to people
CHECKINS_PER_KR = 9  # January … September
KRS_PER_TASK = 3


def synthetic_province(seed: int = 7) -> dict[str, pd.DataFrame]:
    """Build the input frames of a whole province, all vectorised."""
    rng = np.random.default_rng(seed)
    n = N_KEY_RESULTS
    units = np.array([f"U{i:03d}" for i in range(N_UNITS)])
    people = np.array([f"P{i:05d}" for i in range(N_PEOPLE)])
    n_unit_krs = N_UNITS * UNIT_KEY_RESULTS
    owner = np.concatenate(
        [
            np.repeat(units, UNIT_KEY_RESULTS),
            people[np.arange(n - n_unit_krs) % N_PEOPLE],
        ]
    )
    owner_type = np.where(np.arange(n) < n_unit_krs, "unit", "person")
    order = np.argsort(owner, kind="stable")
    owner, owner_type = owner[order], owner_type[order]
    task_id = np.arange(n) // KRS_PER_TASK
    direction = rng.choice(["increase", "decrease", "milestone"], n, p=[0.7, 0.2, 0.1])
    target = np.round(rng.uniform(10, 500, n), 0)
    target[(direction == "decrease") & (rng.random(n) < 0.1)] = 0.0
    target[direction == "milestone"] = 1.0
    baseline = np.where(rng.random(n) < 0.5, target * rng.uniform(0.5, 1.5, n), np.nan)
    weight = np.where(rng.random(n) < 0.5, rng.integers(1, 4, n).astype(float), np.nan)
    perspective = np.array(["service", "budget", "process", "learning"])[(task_id // 2) % 4]
    key_results = pd.DataFrame(
        {
            "kr_id": np.arange(n),
            "kr_code": [f"KR{i}" for i in range(n)],
            "task_id": task_id,
            "task_code": [f"T{i}" for i in task_id],
            "plan_id": pd.factorize(owner)[0],
            "owner_code": owner,
            "owner_type": owner_type,
            "perspective": perspective,
            "kind": rng.choice(["kpi", "okr"], n, p=[0.7, 0.3]),
            "breakthrough": rng.random(n) < 0.1,
            "direction": direction,
            "baseline": baseline,
            "target": target,
            "weight": weight,
            "task_weight": np.nan,
            "unit": "chỉ tiêu",
            "title": "Mục tiêu then chốt",
            "task_title": "Nhiệm vụ",
        }
    )
    reach = rng.uniform(0.3, 1.3, n)
    months = np.tile(np.arange(1, CHECKINS_PER_KR + 1), n)
    kr = np.repeat(np.arange(n), CHECKINS_PER_KR)
    progress = months / 12.0 * np.repeat(reach, CHECKINS_PER_KR)
    value = np.where(
        np.repeat(direction, CHECKINS_PER_KR) == "milestone",
        (progress > 0.6).astype(float),
        np.repeat(np.where(target > 0, target, 5.0), CHECKINS_PER_KR) * progress,
    )
    shuffle = rng.permutation(len(kr))
    checkins = pd.DataFrame(
        {
            "kr_id": kr[shuffle],
            "date": pd.to_datetime({"year": 2025, "month": months[shuffle], "day": 28}),
            "value": value[shuffle],
        }
    )
    people_frame = pd.DataFrame(
        {
            "person_code": people,
            "unit_code": units[np.arange(N_PEOPLE) % N_UNITS],
            "is_head": np.arange(N_PEOPLE) < N_UNITS,
            "assessment_pct": rng.uniform(60, 100, N_PEOPLE),
            "study_pct": rng.uniform(80, 100, N_PEOPLE),
            "contributions": rng.integers(0, 5, N_PEOPLE),
            "trust_pct": rng.uniform(60, 100, N_PEOPLE),
            "initiative_points": rng.integers(0, 3, N_PEOPLE),
            "learning_points": rng.integers(0, 3, N_PEOPLE),
        }
    )
    owners_out = rng.choice(np.concatenate([units, people]), 5_000)
    outside = pd.DataFrame(
        {
            "owner_code": owners_out,
            "perspective": rng.choice(["service", "budget", None], 5_000),
            "description": "Nhiệm vụ phát sinh",
            "score": rng.integers(1, 5, 5_000).astype(float),
        }
    )
    return {
        "key_results": key_results,
        "checkins": checkins,
        "people": people_frame,
        "outside_work": outside,
    }


def run(frames: dict[str, pd.DataFrame]) -> float:
    """Score the province to ratings once; return the elapsed seconds."""
    start = time.perf_counter()
    scores = score_units(frames["key_results"], frames["checkins"], as_of="2025-09-15")
    units = evaluate_collective(scores, frames["outside_work"])
    evaluate_individuals(frames["people"], scores, units, frames["outside_work"])
    return time.perf_counter() - start


if __name__ == "__main__":
    data = synthetic_province()
    n_krs = format_number_vi(len(data["key_results"]), 0)
    n_checkins = format_number_vi(len(data["checkins"]), 0)
    print(f"{n_krs} mục tiêu then chốt, {n_checkins} lần cập nhật, {N_UNITS} đơn vị, "
          f"{format_number_vi(N_PEOPLE, 0)} cá nhân")  # fmt: skip
    times = [run(data) for _ in range(3)]
    runs = "; ".join(format_number_vi(t, 3) for t in times)
    print(f"Chấm điểm đến xếp loại: trung vị {format_number_vi(statistics.median(times), 3)} s "
          f"(các lần: {runs})")  # fmt: skip
