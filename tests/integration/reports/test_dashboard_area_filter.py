"""The province heatmap filtered by area (lĩnh vực) against the database."""

from __future__ import annotations

import datetime as dt

from woms_pwa.core.db import session_scope
from woms_pwa.core.reports.dashboard import province_dashboard

TODAY = dt.date(2025, 12, 31)


def test_area_options_filter_and_rescore(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    leader = actor_of("lanhdao.tinh")
    with session_scope(loaded) as session:
        whole = province_dashboard(session, leader, "2025", today=TODAY)
        budget = province_dashboard(session, leader, "2025", area="Ngân sách", today=TODAY)
        party = province_dashboard(session, leader, "2025", area="Xây dựng Đảng", today=TODAY)
        stale = province_dashboard(session, leader, "2025", area="Quốc phòng", today=TODAY)
    # Options from the unit plans only (CB.TANPHONG.02's personal plan is no unit row).
    assert whole.areas == [
        "Cải cách hành chính",
        "Chuyển đổi số",
        "Ngân sách",
        "Ngân sách/Đầu tư công",
        "Ngân sách/Thu ngân sách",
        "Xây dựng Đảng",
        "Xây dựng Đảng/Công tác tuyên truyền",
        "Xây dựng Đảng/Tổ chức đảng",
    ]
    assert whole.area == "" and budget.area == "Ngân sách"
    assert {r["owner_code"] for r in budget.rows} == {"HY", "HY.X.TANPHONG", "HY.P.ANTAO"}
    assert [r["owner_code"] for r in party.rows] == ["HY.X.TANPHONG"]
    tanphong = {r["owner_code"]: r for r in whole.rows}["HY.X.TANPHONG"]
    only_party = party.rows[0]
    # The party-building view has no budget cell and its own score.
    assert only_party["budget_light"] == "none" and tanphong["budget_light"] == "red"
    assert only_party["n_key_results"] < tanphong["n_key_results"]
    assert only_party["total"] == only_party["service_score"] != tanphong["total"]
    assert stale.area == "" and len(stale.rows) == len(whole.rows)  # unknown area: no filter


def test_area_and_kind_combine_within_scope(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        wards = province_dashboard(
            session, actor_of("lanhdao.tinh"), "2025", kind="ward", area="Ngân sách", today=TODAY
        )
        head = province_dashboard(
            session, actor_of("bithu.tanphong"), "2025", area="Ngân sách/Thu ngân sách", today=TODAY
        )
    assert [r["owner_code"] for r in wards.rows] == ["HY.P.ANTAO"]
    # A head's options come from their own subtree: An Tảo's area is not offered.
    assert "Ngân sách/Thu ngân sách" not in head.areas and head.area == ""
    assert [r["owner_code"] for r in head.rows] == ["HY.X.TANPHONG"]
