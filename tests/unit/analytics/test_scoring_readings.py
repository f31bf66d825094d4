"""Latest readings given pre-aggregated by the database (``n_readings``) score the same."""

from __future__ import annotations

import pandas as pd
import pytest
from scoring_frames import checkins, key_results

from analytics.scoring import score_units


def _frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    krs = key_results(
        {"target": 10.0},
        {"target": 4.0, "perspective": "budget", "task_id": 2, "task_code": "NV2"},
        {"direction": "decrease", "target": 0.0, "baseline": 8.0, "task_id": 2},
    )
    readings = checkins(
        (1, "2025-03-31", 2.0),
        (1, "2025-06-30", 6.0),
        (2, "2025-06-30", 1.0),
        (2, "2025-06-30", 3.0),  # same day: the later row wins ("last typed")
        (3, "2025-05-31", 2.0),
    )
    return krs, readings


def test_aggregated_latest_readings_give_the_same_scores() -> None:
    krs, readings = _frames()
    full = score_units(krs, readings, as_of="2025-12-31")
    latest = pd.DataFrame(
        {
            "kr_id": [1, 2, 2, 3],
            "date": pd.to_datetime(["2025-06-30"] * 3 + ["2025-05-31"]),
            "value": [6.0, 1.0, 3.0, 2.0],
            "n_readings": [2, 2, 2, 1],
        }
    )
    fast = score_units(krs, latest, as_of="2025-12-31")
    pd.testing.assert_frame_equal(full.owners, fast.owners)
    assert list(fast.key_results["n_checkins"]) == [2, 2, 1]
    assert list(fast.key_results["actual"]) == [6.0, 3.0, 2.0]


def test_perspective_scores_per_owner_with_combined_keys() -> None:
    krs, readings = _frames()
    other = krs.assign(
        kr_id=krs["kr_id"] + 10, kr_code=krs["kr_code"] + "b", task_id=krs["task_id"] + 10,
        owner_code="U2",
    )  # fmt: skip
    result = score_units(pd.concat([krs, other], ignore_index=True), readings)
    rows = result.perspectives.set_index(["owner_code", "perspective"])["score"]
    # KR1: 6/10 → 100 × (0,6 − 0,5 × 0,4) = 40; U2 has no readings → 0.
    assert rows[("U1", "service")] == pytest.approx(40.0)
    assert rows[("U2", "service")] == pytest.approx(0.0)
    # NV2 (budget): KR2 3/4 → 62,5; KR3 target 0, 2 of baseline 8 → 1 − 2/8 = 75%
    # → 100 × (0,75 − 0,5 × 0,25) = 62,5; mean 62,5.
    assert rows[("U1", "budget")] == pytest.approx(62.5)
    assert len(rows) == 4


def test_payload_of_unrated_owners_is_strict_json() -> None:
    import json

    from analytics.scoring import evaluate_collective, evaluate_individuals, score_payload

    krs, readings = _frames()
    scores = score_units(krs, readings)
    units = evaluate_collective(scores)
    people = pd.DataFrame(
        {"person_code": ["P1", "P2"], "unit_code": ["U1", "U1"], "is_head": [True, False]}
    )
    individual = evaluate_individuals(people, scores, units)
    assert "Chưa đủ dữ liệu để xếp loại" in individual.explain("P2")
    payload = score_payload(units, individual)
    text = json.dumps(payload, allow_nan=False)  # raises on NaN
    unrated = next(p for p in payload["people"] if p["code"] == "P2")
    assert unrated["rating"] is None and unrated["total"] is None
    assert '"rating": "' in text
