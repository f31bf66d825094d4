"""Dashboards, key-result history and search against the database, with permissions."""

from __future__ import annotations

import datetime as dt

import pytest

from woms_pwa.core.db import session_scope
from woms_pwa.core.permissions import PermissionDenied
from woms_pwa.core.reports.dashboard import (
    data_version,
    default_period,
    person_dashboard,
    province_dashboard,
    unit_dashboard,
)
from woms_pwa.core.reports.history import key_result_history
from woms_pwa.core.search import search
from woms_pwa.core.services.checkins import record_checkin

TODAY = dt.date(2025, 12, 31)


def test_province_leader_sees_every_unit_reddest_first(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        board = province_dashboard(session, actor_of("lanhdao.tinh"), "2025", today=TODAY)
        assert default_period(session, TODAY) == "2025"
    codes = [r["owner_code"] for r in board.rows]
    assert set(codes) == {"HY", "HY.X.TANPHONG", "HY.P.ANTAO"}
    reds = [r["n_red"] for r in board.rows]
    assert reds == sorted(reds, reverse=True)
    tanphong = next(r for r in board.rows if r["owner_code"] == "HY.X.TANPHONG")
    assert tanphong["budget_light"] == "red"  # disbursement 21,4% at 30/06
    assert board.as_of == dt.date(2025, 6, 30)
    assert "commune" in board.kinds
    with session_scope(loaded) as session:
        wards = province_dashboard(
            session, actor_of("lanhdao.tinh"), "2025", kind="ward", today=TODAY
        )
    assert [r["owner_code"] for r in wards.rows] == ["HY.P.ANTAO"]


def test_a_head_sees_only_their_subtree(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        board = province_dashboard(session, actor_of("bithu.tanphong"), "2025", today=TODAY)
        with pytest.raises(PermissionDenied):
            unit_dashboard(session, actor_of("bithu.tanphong"), "HY.P.ANTAO", "2025", today=TODAY)
    assert {r["owner_code"] for r in board.rows} == {"HY.X.TANPHONG"}


def test_unit_dashboard_separates_breakthrough_and_lists_people(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        board = unit_dashboard(
            session, actor_of("bithu.tanphong"), "HY.X.TANPHONG", "2025", today=TODAY
        )
    codes = {r["kr_code"]: r for r in board.key_results}
    assert codes["TP-2025-CD1.1"]["breakthrough"] and not codes["TP-2025-NS1.1"]["breakthrough"]
    assert board.summary["n_breakthrough"] == 1
    assert [p["owner_code"] for p in board.people] == ["CB.TANPHONG.02"]


def test_numbers_follow_a_new_checkin(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    leader = actor_of("lanhdao.tinh")
    with session_scope(loaded) as session:
        before_version = data_version(session)
        before = province_dashboard(session, leader, "2025", today=TODAY)
    with session_scope(loaded) as session:
        record_checkin(
            session,
            actor_of("canbo.tanphong"),
            kr_code="TP-2025-NS1.1",
            value="95",
            note="Đã giải ngân gần hết",
            evidence="bao-cao-giai-ngan-thang-09-2025.pdf",  # the key result requires evidence
            client_id="dash-0001",
            on_date=dt.date(2025, 9, 30),
            today=dt.date(2025, 10, 1),
        )
    with session_scope(loaded) as session:
        assert data_version(session) != before_version
        after = province_dashboard(session, leader, "2025", today=TODAY)
    old = next(r for r in before.rows if r["owner_code"] == "HY.X.TANPHONG")
    new = next(r for r in after.rows if r["owner_code"] == "HY.X.TANPHONG")
    assert after.as_of == dt.date(2025, 9, 30)
    assert new["budget_score"] > old["budget_score"]


def test_history_has_checkins_evidence_notes_and_audit(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        record_checkin(
            session,
            actor_of("canbo.tanphong"),
            kr_code="TP-2025-NS1.1",
            value="30",
            note="GPMB xong 10 hộ",
            evidence="bien-ban-gpmb.pdf",
            client_id="hist-0001",
            on_date=dt.date(2025, 8, 31),
            today=dt.date(2025, 9, 1),
        )
    with session_scope(loaded) as session:
        history = key_result_history(session, actor_of("lanhdao.tinh"), "TP-2025-NS1.1")
        with pytest.raises(PermissionDenied):
            key_result_history(session, actor_of("canbo.antao"), "TP-2025-NS1.1")
    assert [c["value"] for c in history.checkins] == [30.0, 21.4, 8.5]
    assert history.checkins[0]["evidence"] == "bien-ban-gpmb.pdf"
    assert history.checkins[1]["date"] == dt.date(2025, 6, 30)
    assert "GPMB" in history.notes[0]["text"]
    assert history.audit and history.audit[0]["action"] == "checkin.create"
    assert history.audit[0]["new"] == "30"


def test_person_dashboard(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        mine = person_dashboard(session, actor_of("canbo.tanphong"), "2025", today=TODAY)
    assert [r["kr_code"] for r in mine["key_results"]] == ["CN-TP02-2025-1"]
    assert mine["summary"]["owner_code"] == "CB.TANPHONG.02"


def test_search_is_accent_insensitive_and_respects_scope(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        leader = search(session, actor_of("lanhdao.tinh"), "giai ngan")
        accented = search(session, actor_of("lanhdao.tinh"), "GIẢI NGÂN")
        antao = search(session, actor_of("canbo.antao"), "giai ngan")
        antao_own = search(session, actor_of("canbo.antao"), "thu ngan sach")
        units = search(session, actor_of("lanhdao.tinh"), "tan phong")
        notes = search(session, actor_of("bithu.tanphong"), "duong truc xa")
        reports = search(session, actor_of("bithu.tanphong"), "bao cao tan phong")
        nothing = search(session, actor_of("lanhdao.tinh"), "x")
    codes = {h.code for h in leader}
    assert {"TP-2025-NS1.1", "HY-2025-NS1.1"} <= codes
    assert codes == {h.code for h in accented}
    assert "TP-2025-NS1.1" not in {h.code for h in antao}  # not their unit
    assert "AT-2025-NS1.1" in {h.code for h in antao_own}
    assert units[0].kind == "unit" and units[0].code == "HY.X.TANPHONG"
    assert any(h.kind == "note" and h.href == "/muc-tieu?kr=TP-2025-NS1.1" for h in notes)
    assert any(
        h.kind == "report" and h.href.startswith("/bao-cao?unit=HY.X.TANPHONG") for h in reports
    )
    assert nothing == []
