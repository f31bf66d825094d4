"""Checks of the built-in demo province dataset (woms_pwa.core.demo)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pandas as pd
import pytest

from woms_pwa.core.demo import BEHIND_UNITS, DEMO_ACCOUNTS, DEMO_PASSWORD, build_demo_dataset
from woms_pwa.core.demo.common import vn_num
from woms_pwa.core.demo.dataset import build_plans
from woms_pwa.core.demo.history import SMALL_COUNT, is_seasonal
from woms_pwa.core.demo.people import Directory, build_people
from woms_pwa.core.demo.series import decimals

EXPECTED_COLUMNS = {
    "units": {"code", "name", "kind", "parent_code"},
    "people": {"code", "full_name", "unit_code", "position", "is_head", "email"},
    "plan": {
        "owner_code",
        "period",
        "perspective",
        "area",
        "task_code",
        "task",
        "task_weight",
        "kr_code",
        "kr",
        "kind",
        "breakthrough",
        "unit",
        "baseline",
        "target",
        "direction",
        "weight",
        "due",
        "parent_kr_code",
        "metric_code",
        "reference",
        "evidence_required",
    },
    "checkins": {"kr_code", "date", "value", "note", "reported_by", "evidence"},
    "notes": {"date", "unit_code", "kr_code", "author", "text"},
}
PERSPECTIVES = {"service", "budget", "process", "learning"}
UNIT_KINDS = {"province", "agency", "commune", "ward", "special_zone", "department", "other"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return build_demo_dataset()


@pytest.fixture(scope="module")
def plan(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return data["plan"]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _is_iso(text: str) -> bool:
    if not ISO_DATE.match(text):
        return False
    date.fromisoformat(text)
    return True


def _unit_owned(plan: pd.DataFrame, units: pd.DataFrame, period: str) -> pd.DataFrame:
    return plan[(plan.period == period) & plan.owner_code.isin(set(units.code))]


# --- shape of the sheets -------------------------------------------------------------------


def test_sheets_have_exact_columns(data: dict[str, pd.DataFrame]) -> None:
    assert set(data) == set(EXPECTED_COLUMNS)
    for sheet, columns in EXPECTED_COLUMNS.items():
        assert set(data[sheet].columns) == columns, sheet
        assert len(data[sheet].columns) == len(columns), sheet


def test_every_cell_is_a_string(data: dict[str, pd.DataFrame]) -> None:
    for sheet, frame in data.items():
        for column in frame.columns:
            bad = [v for v in frame[column] if not isinstance(v, str)]
            assert not bad, (sheet, column, bad[:3])


def test_all_text_is_nfc(data: dict[str, pd.DataFrame]) -> None:
    for sheet, frame in data.items():
        for column in frame.columns:
            for value in frame[column]:
                assert unicodedata.normalize("NFC", value) == value, (sheet, column, value)


def test_deterministic() -> None:
    first, second = build_demo_dataset(), build_demo_dataset()
    for sheet in first:
        pd.testing.assert_frame_equal(first[sheet], second[sheet])


# --- units and people ----------------------------------------------------------------------


def test_units_tree(data: dict[str, pd.DataFrame]) -> None:
    units = data["units"]
    assert units.code.is_unique
    assert set(units.kind) <= UNIT_KINDS
    roots = units[units.parent_code == ""]
    assert list(roots.code) == ["HY"]
    assert roots.iloc[0]["name"] == "Tỉnh Hưng Yên" and roots.iloc[0]["kind"] == "province"
    assert set(units.parent_code) - {""} <= set(units.code)
    assert " " not in "".join(units.code)


def test_enough_agencies_and_localities(data: dict[str, pd.DataFrame]) -> None:
    kinds = data["units"].kind.value_counts()
    assert kinds.get("agency", 0) >= 3
    assert kinds.get("commune", 0) + kinds.get("ward", 0) >= 12
    assert kinds.get("department", 0) >= 3
    assert "HY.X.TANPHONG" in set(data["units"].code)


def test_people(data: dict[str, pd.DataFrame]) -> None:
    people, units = data["people"], data["units"]
    assert people.code.is_unique
    assert set(people.unit_code) <= set(units.code)
    assert set(people.is_head) <= {"0", "1"}
    heads = people[people.is_head == "1"].groupby("unit_code").size()
    # Every unit has exactly one head, and 2–6 other staff.
    assert set(heads.index) == set(units.code)
    assert (heads == 1).all()
    staff = people[people.is_head == "0"].groupby("unit_code").size()
    assert staff.min() >= 1 and staff.max() <= 6
    assert (people.full_name.str.split().str.len() >= 3).all()


# --- plans ---------------------------------------------------------------------------------


def test_plan_owners_exist(data: dict[str, pd.DataFrame], plan: pd.DataFrame) -> None:
    owners = set(data["units"].code) | set(data["people"].code)
    assert set(plan.owner_code) <= owners


def test_kr_codes_unique_and_parents_exist(plan: pd.DataFrame) -> None:
    assert plan.kr_code.is_unique
    assert (plan.kr_code != "").all()
    parents = set(plan.parent_kr_code) - {""}
    assert parents <= set(plan.kr_code)
    assert not (plan.parent_kr_code == plan.kr_code).any()


def test_tasks_are_consistent(plan: pd.DataFrame) -> None:
    per_task = plan.groupby(["owner_code", "period", "task_code"])
    for column in ("task", "perspective", "area", "task_weight", "breakthrough"):
        assert (per_task[column].nunique() == 1).all(), column
    sizes = per_task.size()
    assert sizes.min() >= 1 and sizes.max() <= 5
    # a task title is not reused under two codes of the same plan
    titles = plan.groupby(["owner_code", "period", "task"]).task_code.nunique()
    assert (titles == 1).all()


def test_enumerated_values(plan: pd.DataFrame) -> None:
    assert set(plan.perspective) <= PERSPECTIVES
    assert set(plan.kind) <= {"kpi", "okr"}
    assert set(plan.direction) <= {"increase", "decrease", "milestone"}
    assert set(plan.breakthrough) <= {"0", "1"}
    assert set(plan.evidence_required) <= {"", "0", "1"}
    assert set(plan.period) <= {"2024", "2025"}
    assert (plan[plan.direction == "milestone"].target == "1").all()


def test_numbers_and_dates_parse(data: dict[str, pd.DataFrame], plan: pd.DataFrame) -> None:
    for column in ("task_weight", "baseline", "target", "weight"):
        values = [v for v in plan[column] if v != ""]
        assert all(_is_number(v) for v in values), column
        assert all("," not in v for v in values), column
    assert (plan.target != "").all()
    assert all(_is_iso(v) for v in plan.due if v)
    assert all(_is_number(v) for v in data["checkins"].value)
    assert all(_is_iso(v) for v in data["checkins"].date)
    assert all(_is_iso(v) for v in data["notes"].date)


def test_unit_plans_2025(data: dict[str, pd.DataFrame], plan: pd.DataFrame) -> None:
    units = data["units"]
    plans = _unit_owned(plan, units, "2025")
    planned = units[units.kind.isin({"agency", "commune", "ward"})].code
    assert set(planned) | {"HY"} <= set(plans.owner_code)
    for owner, rows in plans.groupby("owner_code"):
        assert set(rows.perspective) == PERSPECTIVES, owner
        tasks = rows.drop_duplicates("task_code")
        share = (tasks.breakthrough == "1").mean()
        assert 0.1 <= share <= 0.3, (owner, share)
        if owner != "HY":
            assert 10 <= len(tasks) <= 16, (owner, len(tasks))
            assert 25 <= len(rows) <= 40, (owner, len(rows))
    assert 6 <= len(plans[plans.owner_code == "HY"]) <= 10


def test_metric_codes_are_consistent(plan: pd.DataFrame) -> None:
    with_metric = plan[plan.metric_code != ""]
    per_metric = with_metric.groupby("metric_code")
    assert (per_metric.unit.nunique() == 1).all()
    assert (per_metric.direction.nunique() == 1).all()
    shared = {
        "NS.DTC.GIAINGAN",
        "NS.THU.DUTOAN",
        "CCHC.HS.DUNGHAN",
        "XDD.DANGVIEN.MOI",
        "CDS.VANBAN.SO",
    }
    owners = per_metric.owner_code.nunique()
    assert all(owners[m] >= 10 for m in shared)


def test_cascade_from_province(plan: pd.DataFrame) -> None:
    province_krs = set(plan[plan.owner_code == "HY"].kr_code)
    children = plan[plan.parent_kr_code.isin(province_krs) & plan.owner_code.str.startswith("HY.")]
    assert len(children) >= 5


def test_personal_plans(data: dict[str, pd.DataFrame], plan: pd.DataFrame) -> None:
    people = data["people"]
    personal = plan[plan.owner_code.isin(set(people.code))]
    heads = set(people[people.is_head == "1"].code)
    assert heads <= set(personal.owner_code)
    cadres = set(personal.owner_code) - heads
    assert 3 <= len(cadres) <= 5
    sizes = personal.groupby("owner_code").size()
    assert sizes.min() >= 3 and sizes.max() <= 6
    assert (personal.period == "2025").all()
    assert (personal.parent_kr_code != "").sum() >= len(heads)


def test_previous_year_plans(data: dict[str, pd.DataFrame], plan: pd.DataFrame) -> None:
    units = data["units"]
    old = _unit_owned(plan, units, "2024")
    planned = set(units[units.kind.isin({"agency", "commune", "ward"})].code)
    assert set(old.owner_code) == planned | {"HY"}
    needed = {"NS.DTC.GIAINGAN", "NS.THU.DUTOAN", "CCHC.HS.DUNGHAN", "XDD.DANGVIEN.MOI"}
    localities = old[old.owner_code.str.match(r"^HY\.[XP]\.")]
    for owner, rows in localities.groupby("owner_code"):
        assert needed <= set(rows.metric_code), owner
    # 2024 is reported to December on the key result's own rhythm (monthly or quarterly).
    checkins = data["checkins"]
    months = {code: {d[:7] for d in dates} for code, dates in checkins.groupby("kr_code").date}
    quarters = {f"2024-{m:02d}" for m in (3, 6, 9, 12)}
    for code in old.kr_code:
        assert months.get(code) in ({f"2024-{m:02d}" for m in range(1, 13)}, quarters), code
    assert not old.metric_code.eq("").any()
    assert (old.parent_kr_code == "").all()
    assert not old.task.str.contains("2025|NQ 68|sau sắp xếp|sau hợp nhất").any()
    assert not old.kr.str.contains("2025").any()


def test_seasonal_key_results_have_a_previous_year() -> None:
    """Every 2025 unit key result drawn on a seasonal profile has a 2024 history alike.

    Forecasts learn a season from the same owner's earlier key results with the
    same metric code; without one, a land clearance or a conference count that
    rushes at the end of the year is extrapolated at the calendar's pace.
    """
    people = Directory(build_people())
    plans = build_plans(people)
    past = {(p.owner, kr.metric): kr for p in plans if p.year == 2024 for _t, kr in p.krs()}
    seasonal = [
        (p.owner, kr)
        for p in plans
        if p.year == 2025 and p.owner == p.unit_code
        for _t, kr in p.krs()
        if is_seasonal(kr)
    ]
    assert len(seasonal) >= 150
    shapes = {kr.shape for _o, kr in seasonal}
    assert {"gpmb", "conf", "step", "land_fee", "disb", "party", "revenue"} <= shapes
    for owner, kr in seasonal:
        old = past.get((owner, kr.metric))
        assert old is not None, kr.code
        # Same profile; the frequency may differ (agencies reported monthly in 2024).
        assert (old.shape, old.unit, old.direction) == (kr.shape, kr.unit, kr.direction), kr.code
        # Last year's plan was the same or a little smaller, never a copy of a large one.
        assert 0.6 * kr.target <= old.target <= kr.target, kr.code
        if kr.unit != "%" and kr.target >= SMALL_COUNT:
            assert old.target < kr.target, kr.code
        if kr.unit != "%":  # the title states last year's number
            assert vn_num(old.target, decimals(old.unit)) in old.title, (kr.code, old.title)
    # A linear or level key result needs no season (and a single item none either).
    assert not any(
        is_seasonal(kr) for p in plans for _t, kr in p.krs() if kr.shape in {"even", "rate"}
    )


# --- check-ins and notes -------------------------------------------------------------------


def test_checkins_reference_plan_and_people(
    data: dict[str, pd.DataFrame], plan: pd.DataFrame
) -> None:
    checkins = data["checkins"]
    assert set(checkins.kr_code) <= set(plan.kr_code)
    assert set(checkins.reported_by) - {""} <= set(data["people"].code)
    assert not checkins.duplicated(["kr_code", "date"]).any()
    assert (checkins.note.str.len() > 20).all()
    periods = checkins.merge(plan[["kr_code", "period"]], on="kr_code")
    assert (periods.date.str[:4] == periods.period).all()
    dates_2025 = set(periods[periods.period == "2025"].date)
    assert dates_2025 <= {
        "2025-01-31",
        "2025-02-28",
        "2025-03-31",
        "2025-04-30",
        "2025-05-31",
        "2025-06-30",
        "2025-07-31",
        "2025-08-31",
        "2025-09-30",
    }
    assert checkins.evidence.str.len().gt(0).sum() >= 50


def test_notes(data: dict[str, pd.DataFrame], plan: pd.DataFrame) -> None:
    notes = data["notes"]
    assert 30 <= len(notes) <= 80
    assert set(notes.unit_code) <= set(data["units"].code)
    assert set(notes.kr_code) - {""} <= set(plan.kr_code)
    authors = set(notes.author) - {""}
    assert authors <= set(data["people"].code)
    assert {"2025-04-10", "2025-07-10"} <= set(notes.date)


def _latest(data: dict[str, pd.DataFrame], owner: str, metric: str) -> tuple[float, float, str]:
    plan = data["plan"]
    row = plan[(plan.owner_code == owner) & (plan.period == "2025") & (plan.metric_code == metric)]
    code = row.kr_code.iloc[0]
    checkins = data["checkins"][data["checkins"].kr_code == code].sort_values("date")
    return float(checkins.value.iloc[-1]), float(row.target.iloc[0]), " ".join(checkins.note)


@pytest.mark.parametrize(
    ("owner", "metric", "keywords"),
    [
        ("HY.X.TANPHONG", "NS.DTC.GIAINGAN", ("GPMB", "thôn An Lạc", "đơn giá bồi thường")),
        ("HY.P.ANTAO", "NS.THU.DUTOAN", ("đấu giá", "khu X1", "giá khởi điểm")),
        ("HY.X.ANTHI", "XDD.DANGVIEN.MOI", ("khu công nghiệp", "Nhật Bản")),
        ("HY.BTG", "CDS.VANBAN.SO", ("bố trí vốn", "thiết bị ký số")),
        ("HY.P.MYHAO", "CCHC.HS.DUNGHAN", ("thiếu 4 công chức", "Nghị định 178")),
    ],
)
def test_behind_units_have_stated_reasons(
    data: dict[str, pd.DataFrame], owner: str, metric: str, keywords: tuple[str, ...]
) -> None:
    assert owner in BEHIND_UNITS
    value, target, notes = _latest(data, owner, metric)
    peers = data["plan"]
    peers = peers[
        (peers.metric_code == metric) & (peers.period == "2025") & (peers.owner_code != owner)
    ]
    # Progress (value / target) is the lowest of all units with the same metric.
    others = [o for o in set(peers.owner_code) if o.startswith("HY.")]
    progress = [v / t for v, t, _ in (_latest(data, o, metric) for o in others)]
    assert value / target < min(progress), (owner, value)
    for word in keywords:
        assert word in notes, (owner, word)
    unit_notes = " ".join(data["notes"][data["notes"].unit_code == owner].text)
    assert any(word in unit_notes for word in keywords), owner


def test_planted_anomalies(data: dict[str, pd.DataFrame]) -> None:
    plan, checkins = data["plan"], data["checkins"]
    # Phường Hồng Châu: a cumulative count goes down once.
    code = plan[
        (plan.owner_code == "HY.P.HONGCHAU")
        & (plan.period == "2025")
        & (plan.metric_code == "XDD.DANGVIEN.MOI")
    ].kr_code.iloc[0]
    series = checkins[checkins.kr_code == code].sort_values("date").value.astype(float)
    assert (series.diff().dropna() < 0).sum() == 1
    # Xã Phù Cừ: rate key results equal their target in every month.
    rates = plan[
        (plan.owner_code == "HY.X.PHUCU")
        & (plan.period == "2025")
        & (plan.unit == "%")
        & plan.metric_code.isin({"CCHC.HS.DUNGHAN", "CDS.VANBAN.SO", "CCHC.HAILONG"})
    ]
    merged = checkins.merge(rates[["kr_code", "target"]], on="kr_code")
    assert len(merged) >= 15
    assert (merged.value.astype(float) == merged.target.astype(float)).all()


# --- accounts ------------------------------------------------------------------------------


def test_demo_accounts(data: dict[str, pd.DataFrame]) -> None:
    people = data["people"].set_index("code")
    keys = {"username", "password", "role", "person_code", "description"}
    usernames = [a["username"] for a in DEMO_ACCOUNTS]
    assert len(set(usernames)) == len(usernames)
    roles = [a["role"] for a in DEMO_ACCOUNTS]
    assert roles.count("admin") == 1 and 1 <= roles.count("province") <= 2
    assert 3 <= roles.count("head") <= 4 and roles.count("cadre") >= 3
    for account in DEMO_ACCOUNTS:
        assert set(account) == keys
        assert account["password"] == DEMO_PASSWORD == "Woms@2025"
        assert re.fullmatch(r"[a-z0-9.]+", account["username"])
        role, code = account["role"], account["person_code"]
        assert role in {"admin", "province", "head", "cadre"}
        if role == "admin":
            assert code == ""
            continue
        person = people.loc[code]
        if role == "province":
            assert person.unit_code == "HY" or person.unit_code.count(".") == 1
        if role == "head":
            assert person.is_head == "1"
        if role == "cadre":
            assert person.is_head == "0"
    tanphong = next(a for a in DEMO_ACCOUNTS if a["username"] == "canbo.tanphong")
    assert tanphong["role"] == "cadre"
    assert people.loc[tanphong["person_code"]].unit_code == "HY.X.TANPHONG"
