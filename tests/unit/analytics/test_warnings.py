"""Early-warning rules: one positive and one negative case each."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from analytics.warnings import WARNING_COLUMNS, WarningPolicy, evaluate_warnings, pace_from_checkins

AS_OF = dt.date(2025, 9, 30)


def _kr(**overrides: object) -> pd.DataFrame:
    row: dict[str, object] = {
        "kr_code": "KR.GN",
        "owner_code": "HY.STC",
        "target": 100.0,
        "direction": "increase",
        "unit": "%",
        "forecast": 98.0,
        "p_reach_target": 0.7,
        "current": 75.0,
        "last_checkin": dt.date(2025, 9, 28),
        "frequency": "month",
        "action": "giải ngân",
    }
    row.update(overrides)
    return pd.DataFrame([row])


def _pace(increments: list[float], year: int = 2025) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kr_code": "KR.GN",
            "year": year,
            "month": range(1, len(increments) + 1),
            "increment": increments,
        }
    )


def test_forecast_miss_flags_low_probability_with_owner_and_numbers() -> None:
    warnings = evaluate_warnings(_kr(forecast=80.5, p_reach_target=0.1), AS_OF)
    assert list(warnings.columns) == WARNING_COLUMNS
    row = warnings.iloc[0]
    assert (row["kind"], row["level"], row["owner_code"]) == (
        "forecast_miss",
        "off_track",
        "HY.STC",
    )
    assert "80,5%" in row["message"] and "10%" in row["message"] and "HY.STC" in row["message"]
    at_risk = evaluate_warnings(_kr(p_reach_target=0.35), AS_OF)
    assert at_risk["level"].tolist() == ["at_risk"]


def test_forecast_miss_silent_when_likely_or_unknown() -> None:
    assert evaluate_warnings(_kr(p_reach_target=0.8), AS_OF).empty
    assert evaluate_warnings(_kr(p_reach_target=np.nan), AS_OF).empty


def test_policy_thresholds_are_configurable() -> None:
    strict = WarningPolicy(at_risk_p=0.9, off_track_p=0.75)
    assert evaluate_warnings(_kr(p_reach_target=0.8), AS_OF, strict)["level"].tolist() == [
        "at_risk"
    ]


def test_stale_flags_a_key_result_without_recent_checkin() -> None:
    warnings = evaluate_warnings(_kr(last_checkin=dt.date(2025, 6, 1)), AS_OF)
    row = warnings.iloc[0]
    assert (row["kind"], row["level"]) == ("stale", "off_track")
    assert "01/06/2025" in row["message"] and "hằng tháng" in row["message"]
    late = evaluate_warnings(_kr(last_checkin=dt.date(2025, 8, 20)), AS_OF)
    assert late["level"].tolist() == ["at_risk"]
    never = evaluate_warnings(_kr(last_checkin=None), AS_OF)
    assert "lần nào" in never.iloc[0]["message"]


def test_stale_respects_the_reporting_frequency() -> None:
    assert evaluate_warnings(
        _kr(last_checkin=dt.date(2025, 7, 15), frequency="quarter"), AS_OF
    ).empty
    assert evaluate_warnings(_kr(last_checkin=dt.date(2025, 9, 20), frequency=30), AS_OF).empty


def test_pace_flags_a_needed_pace_never_achieved() -> None:
    krs = _kr(current=70.6, target=100.0)
    warnings = evaluate_warnings(krs, AS_OF, pace_history=_pace([2, 3, 4, 4.1, 3, 4, 4, 3, 3.5]))
    row = warnings[warnings["kind"] == "pace"].iloc[0]
    assert row["level"] == "off_track"
    assert row["message"].startswith(
        "Cần giải ngân 9,8%/tháng trong 3 tháng còn lại; tốc độ cao nhất từ đầu năm là 4,1%/tháng."
    )
    with_past = pd.concat([_pace([8.0] * 12, 2024), _pace([2, 3, 4, 4.1, 3, 4, 4, 3, 3.5])])
    row = evaluate_warnings(krs, AS_OF, pace_history=with_past).iloc[0]
    assert (row["level"], row["kind"]) == ("at_risk", "pace") and "từng đạt là 8%/tháng" in row[
        "message"
    ]


def test_pace_silent_when_achievable_or_done() -> None:
    history = _pace([2, 3, 4, 12, 3, 4, 4, 3, 3.5])
    assert evaluate_warnings(_kr(current=75.0), AS_OF, pace_history=history).empty
    assert evaluate_warnings(_kr(current=101.0), AS_OF, pace_history=history).empty


def test_pace_for_lower_is_better() -> None:
    krs = _kr(
        direction="decrease", current=50.0, target=20.0, unit="hồ sơ", action="", p_reach_target=0.9
    )
    reductions = _pace([-2.0, -3.0, -1.0])
    row = evaluate_warnings(krs, AS_OF, pace_history=reductions).iloc[0]
    assert row["kind"] == "pace" and "Cần giảm 10 hồ sơ/tháng" in row["message"]
    assert "3 hồ sơ/tháng" in row["message"]
    assert evaluate_warnings(krs.assign(current=25.0), AS_OF, pace_history=reductions).empty


def test_pace_from_checkins_gives_monthly_increments() -> None:
    checkins = pd.DataFrame(
        {
            "kr_code": "KR.GN",
            "date": [
                dt.date(2025, 1, 31),
                dt.date(2025, 2, 10),
                dt.date(2025, 2, 28),
                dt.date(2025, 4, 30),
            ],
            "value": [2.0, 3.0, 5.0, 11.0],
        }
    )
    pace = pace_from_checkins(checkins)
    assert pace["increment"].tolist() == [2.0, 3.0, 3.0]
    assert pace["month"].tolist() == [1, 2, 4]


def test_many_key_results_at_once() -> None:
    n = 2000
    rng = np.random.default_rng(0)
    krs = pd.DataFrame(
        {
            "kr_code": [f"KR{i}" for i in range(n)],
            "owner_code": "HY",
            "target": 100.0,
            "p_reach_target": rng.uniform(0, 1, n),
            "last_checkin": dt.date(2025, 9, 1),
        }
    )
    warnings = evaluate_warnings(krs, AS_OF)
    assert len(warnings) == int((krs["p_reach_target"] < 0.5).sum())
    assert warnings["level"].iloc[0] == "off_track"


def test_messages_name_the_owner_when_a_name_is_given() -> None:
    named = evaluate_warnings(_kr(p_reach_target=0.1, owner_name="Sở Tài chính"), AS_OF)
    assert "Sở Tài chính (HY.STC)" in named.iloc[0]["message"]
    assert named.iloc[0]["owner_code"] == "HY.STC"
    bare = evaluate_warnings(_kr(p_reach_target=0.1), AS_OF)
    assert "chịu trách nhiệm: HY.STC." in bare.iloc[0]["message"]
