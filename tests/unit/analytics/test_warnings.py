"""Early-warning rules: one positive and one negative case each."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from analytics.warnings import (
    WARNING_COLUMNS,
    WarningPolicy,
    evaluate_warnings,
    on_plan_levels,
    pace_from_checkins,
)

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


# --- Trust on the demo province (issue 8): each cause of false alarms, both ways.


def test_forecast_miss_judges_the_on_plan_margin_when_it_is_known() -> None:
    # 45% to hit 100% exactly, but 80% to end at or above 95% (green at year-end): no alarm.
    near = _kr(forecast=99.2, p_reach_target=0.45, p_reach_margin=0.8)
    assert evaluate_warnings(near, AS_OF).empty
    # Materially short: flagged, and the message says what "on plan" meant.
    far = evaluate_warnings(_kr(forecast=88.0, p_reach_target=0.1, p_reach_margin=0.3), AS_OF)
    row = far.iloc[0]
    assert (row["kind"], row["level"]) == ("forecast_miss", "at_risk")
    assert "khả năng đạt chỉ tiêu 10%, khả năng đạt từ 95% chỉ tiêu là 30%" in row["message"]


def test_okr_margin_is_the_stretch_level_and_kpi_margin_the_green_light() -> None:
    krs = pd.DataFrame(
        {
            "target": [100.0, 100.0, 20.0, 1.0],
            "kind": ["kpi", "okr", "kpi", "kpi"],
            "direction": ["increase", "increase", "decrease", "milestone"],
        }
    )
    levels = on_plan_levels(krs)
    assert levels[:3] == pytest.approx([95.0, 70.0, 20.0 / 0.95])
    assert np.isnan(levels[3])
    strict = on_plan_levels(krs, WarningPolicy(kpi_margin=1.0, okr_margin=1.0))
    assert strict[:3] == pytest.approx([100.0, 100.0, 20.0])


def test_a_milestone_is_not_stale_before_its_last_reporting_period() -> None:
    milestone = _kr(
        direction="milestone",
        target=1.0,
        unit="mốc",
        last_checkin=None,
        period_start=dt.date(2025, 1, 1),
        due=dt.date(2025, 12, 10),
        p_reach_target=np.nan,
        current=np.nan,
    )
    assert evaluate_warnings(milestone, AS_OF).empty
    late = evaluate_warnings(milestone, dt.date(2025, 11, 20))
    assert late["kind"].tolist() == ["stale"]
    assert "hạn hoàn thành 10/12/2025, còn 20 ngày" in late.iloc[0]["message"]
    # "At least one initiative" is done-or-not too; a percentage is not.
    one = milestone.assign(direction="increase", unit="sáng kiến", due=pd.NaT)
    assert evaluate_warnings(one, AS_OF).empty
    rate = one.assign(target=1.0, unit="%")
    assert evaluate_warnings(rate, AS_OF)["kind"].tolist() == ["stale"]


def _pace_with_peers(q4_share: float) -> pd.DataFrame:
    """This year's slow spring of the key result, and a peer's 2024 with a Q4 rush."""
    own = _pace([2, 3, 5, 6, 7, 8, 8, 8, 9]).assign(target=100.0, group="NS.DTC.GIAINGAN")
    peer = pd.DataFrame(
        {
            "kr_code": "PEER",
            "year": 2024,
            "month": range(1, 13),
            "increment": [2.0, 3, 5, 6, 7, 8, 8, 8, 9, 100 * q4_share, 12, 12],
            "target": 100.0,
            "group": "NS.DTC.GIAINGAN",
        }
    )
    return pd.concat([own, peer], ignore_index=True)


def test_pace_without_a_past_uses_the_peers_pace_in_the_same_months() -> None:
    # 56% in September needs 14,7%/month; this year's best month is 9%, but peers
    # disbursed 16%/month in October last year: the year-end rush is normal.
    krs = _kr(current=56.0, peer_group="NS.DTC.GIAINGAN")
    assert evaluate_warnings(krs, AS_OF, pace_history=_pace_with_peers(0.16)).empty
    # Peers never went faster than 12%/month at this time of year: flagged, with both figures.
    rows = evaluate_warnings(krs, AS_OF, pace_history=_pace_with_peers(0.10))
    message = rows[rows["kind"] == "pace"].iloc[0]["message"]
    assert "tốc độ cao nhất từ đầu năm là 9%/tháng" in message
    assert (
        "cùng kỳ những năm trước, các nơi thực hiện cùng chỉ tiêu đạt khoảng 12%/tháng" in message
    )


def test_pace_counts_the_months_from_the_latest_reading() -> None:
    # Reported quarterly: 38% at the end of June, read on 31 August. Six months
    # of progress remain to be shown, not four.
    history = _pace([3.0, 3.0, 3.0, 3.0, 3.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0], 2024)
    krs = _kr(current=38.0, last_checkin=dt.date(2025, 6, 30), frequency="quarter")
    assert evaluate_warnings(krs, dt.date(2025, 8, 31), pace_history=history).empty
    behind = evaluate_warnings(krs.assign(current=20.0), dt.date(2025, 8, 31), pace_history=history)
    message = behind[behind["kind"] == "pace"].iloc[0]["message"]
    assert message.startswith(
        "Cần giải ngân 13,3%/tháng trong 6 tháng kể từ số liệu gần nhất (tháng 6/2025)"
    )


def test_pace_asks_for_the_on_plan_level_not_the_exact_target() -> None:
    history = _pace([8.0] * 9)
    # 75 → 100 needs 8,3/month (above the best 8), but 75 → 95 needs 6,7: no alarm.
    assert evaluate_warnings(_kr(current=75.0), AS_OF, pace_history=history).empty
    strict = WarningPolicy(kpi_margin=1.0)
    flagged = evaluate_warnings(_kr(current=75.0), AS_OF, strict, pace_history=history)
    assert flagged["kind"].tolist() == ["pace"]
