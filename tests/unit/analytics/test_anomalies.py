"""Anomaly rules: one positive and one negative case each."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from analytics.anomalies import ANOMALY_COLUMNS, AnomalyPolicy, detect_anomalies


def _series(
    code: str, owner: str, values: list[float], target: float, **extra: object
) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "kr_code": code,
            "owner_code": owner,
            "owner_kind": extra.get("owner_kind", "commune"),
            "metric_code": extra.get("metric_code", "NS.DTC.GIAINGAN"),
            "year": 2025,
            "month": list(range(1, len(values) + 1)),
            "value": values,
            "target": target,
            "cumulative": extra.get("cumulative", True),
        }
    )
    return frame


def _peers(n: int = 8, seed: int = 0, target: float = 100.0) -> list[pd.DataFrame]:
    """Noisy disbursement-like peers: nobody exactly on plan, nobody jumping."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        steps = rng.uniform(3.0, 9.0, 9)
        out.append(_series(f"P{i}", f"HY.X.P{i}", list(np.round(np.cumsum(steps), 1)), target))
    return out


def _kinds(frame: pd.DataFrame, code: str) -> set[str]:
    return set(frame.loc[frame["kr_code"] == code, "kind"])


def test_cumulative_value_that_goes_down_is_flagged() -> None:
    down = _series(
        "KR.DOWN",
        "HY.P.HONGCHAU",
        [1, 6, 7, 9, 13, 15, 13, 17, 22],
        34,
        metric_code="XDD.DANGVIEN.MOI",
    )
    found = detect_anomalies(down)
    row = found[found["kind"] == "cumulative_decrease"].iloc[0]
    assert list(found.columns) == ANOMALY_COLUMNS
    assert row["key"] == "2025-07" and "15" in row["message"] and "13" in row["message"]


def test_falling_rate_or_rising_total_is_not_a_cumulative_decrease() -> None:
    rate = _series(
        "KR.RATE",
        "HY.P.MYHAO",
        [98.5, 98.4, 98.4, 98.3, 98.2, 98.0, 92.1, 90.3, 89.9],
        98,
        cumulative=False,
    )
    up = _series("KR.UP", "HY.X.A", [1, 2, 3, 5, 8, 9, 12, 15, 16], 30)
    found = detect_anomalies(pd.concat([rate, up]))
    assert "cumulative_decrease" not in set(found["kind"])


def test_values_exactly_on_plan_every_month_are_flagged_against_peers() -> None:
    exact = _series("KR.EXACT", "HY.X.PHUCU", [round(100 * m / 12, 1) for m in range(1, 10)], 100)
    found = detect_anomalies(pd.concat([exact, *_peers()]))
    assert _kinds(found, "KR.EXACT") == {"exact_target"}
    row = found[found["kr_code"] == "KR.EXACT"].iloc[0]
    assert "9/9" in row["message"] and "0%" in row["message"]


def test_exact_hits_are_normal_when_peers_all_report_the_ceiling() -> None:
    ceiling = [
        _series(
            f"R{i}",
            f"HY.X.R{i}",
            [100.0] * 9,
            100,
            cumulative=False,
            metric_code="NC.DONTHU.DUNGHAN",
        )
        for i in range(6)
    ]
    found = detect_anomalies(pd.concat(ceiling))
    assert "exact_target" not in set(found["kind"])


def test_an_implausible_jump_against_peers_is_flagged() -> None:
    values = [3.0, 7.0, 11.0, 16.0, 20.0, 65.0, 70.0, 74.0, 79.0]
    jumper = _series("KR.JUMP", "HY.X.J", values, 100)
    found = detect_anomalies(pd.concat([jumper, *_peers()]))
    row = found[(found["kr_code"] == "KR.JUMP") & (found["kind"] == "jump")]
    assert row["key"].tolist() == ["2025-06"]
    assert "tăng đột biến 45" in row.iloc[0]["message"]


def test_ordinary_progress_and_small_counts_do_not_jump() -> None:
    small = _series("KR.SMALL", "HY.X.S", [0, 0, 1, 1, 1, 2, 3, 3, 3], 3, metric_code="KT.TAPHUAN")
    found = detect_anomalies(pd.concat([small, *_peers()]))
    assert "jump" not in set(found["kind"])


def test_identical_sequences_across_units_are_flagged() -> None:
    values = [12.5, 19.0, 27.5, 33.0, 41.5]
    copies = [
        _series(f"C{i}", f"HY.X.C{i}", values, 100, metric_code="NS.THU.DUTOAN") for i in range(3)
    ]
    found = detect_anomalies(pd.concat([*copies, *_peers()]))
    flagged = found[found["kind"] == "identical_across_units"]
    assert sorted(flagged["kr_code"]) == ["C0", "C1", "C2"]
    assert "3 đơn vị" in flagged.iloc[0]["message"]


def test_constant_or_small_identical_sequences_are_not_flagged() -> None:
    constant = [
        _series(f"Z{i}", f"HY.X.Z{i}", [100.0] * 5, 100, cumulative=False, metric_code="M.RATE")
        for i in range(4)
    ]
    small = [_series(f"S{i}", f"HY.X.S{i}", [1, 2, 3], 3, metric_code="M.SMALL") for i in range(4)]
    found = detect_anomalies(pd.concat([*constant, *small]))
    assert "identical_across_units" not in set(found["kind"])


def _edits(owner: str, days: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {"owner_code": owner, "kr_code": "KR.A", "at": pd.to_datetime(days, utc=True)}
    )


def test_burst_of_edits_before_a_deadline_is_flagged() -> None:
    usual = [f"2025-{m:02d}-15" for m in range(1, 10)]
    burst = ["2025-10-04"] * 12 + ["2025-10-05"] * 3
    found = detect_anomalies(
        pd.DataFrame(columns=["kr_code"]),
        edits=_edits("HY.X.B", usual + burst),
        deadlines=[dt.date(2025, m, 5) for m in range(1, 13)],
    )
    row = found.iloc[0]
    assert (row["kind"], row["owner_code"], row["key"]) == (
        "deadline_burst",
        "HY.X.B",
        "2025-10-05",
    )
    assert "15 lần" in row["message"] and "05/10/2025" in row["message"]


def test_edits_spread_over_the_month_are_not_a_burst() -> None:
    spread = [f"2025-10-{d:02d}" for d in range(6, 31)] * 2
    found = detect_anomalies(
        pd.DataFrame(columns=["kr_code"]),
        edits=_edits("HY.X.B", spread),
        deadlines=[dt.date(2025, m, 5) for m in range(1, 13)],
    )
    assert found.empty


def _change(at: str, field: str = "target") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kr_code": ["KR.A"],
            "owner_code": ["HY.X.A"],
            "at": [pd.Timestamp(at, tz="UTC")],
            "field": [field],
            "old_value": ["100"],
            "new_value": ["60"],
            "approved_at": [pd.Timestamp("2025-01-10", tz="UTC")],
        }
    )


def test_target_changed_after_approval_is_flagged() -> None:
    found = detect_anomalies(pd.DataFrame(columns=["kr_code"]), changes=_change("2025-09-20"))
    row = found.iloc[0]
    assert row["kind"] == "edit_after_approval"
    assert "100" in row["message"] and "60" in row["message"] and "10/01/2025" in row["message"]


def test_changes_before_approval_or_to_other_fields_are_not_flagged() -> None:
    before = detect_anomalies(pd.DataFrame(columns=["kr_code"]), changes=_change("2025-01-05"))
    note = detect_anomalies(
        pd.DataFrame(columns=["kr_code"]), changes=_change("2025-09-20", "title")
    )
    assert before.empty and note.empty


def test_policy_thresholds_are_configurable() -> None:
    exact = _series("KR.EXACT", "HY.X.PHUCU", [round(100 * m / 12, 1) for m in range(1, 5)], 100)
    assert "exact_target" in set(detect_anomalies(pd.concat([exact, *_peers()]))["kind"])
    strict = AnomalyPolicy(exact_min_hits=6)
    assert "exact_target" not in set(
        detect_anomalies(pd.concat([exact, *_peers()]), policy=strict)["kind"]
    )
