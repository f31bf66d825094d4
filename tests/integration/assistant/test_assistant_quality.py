"""Data-quality questions are answered from the anomaly rows the asking user may see."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from woms_pwa.core import assistant_service
from woms_pwa.core.alerts.service import alerts_view
from woms_pwa.core.db import session_scope
from woms_pwa.core.settings import Settings


@pytest.fixture
def falling(assistant_settings: Settings) -> Settings:
    """Tân Phong's year-to-date disbursement made to fall in its latest month (an anomaly)."""
    with session_scope(assistant_settings.db_url) as session:
        latest = session.execute(
            text(
                "SELECT c.id FROM check_in c JOIN key_result k ON k.id = c.kr_id "
                "WHERE k.code = 'TP-2025-NS1.1' ORDER BY c.date DESC LIMIT 1"
            )
        ).scalar_one()
        session.execute(text("UPDATE check_in SET value = 0.1 WHERE id = :i"), {"i": latest})
    return assistant_settings


def _flagged(settings: Settings, actor) -> list[dict]:  # type: ignore[no-untyped-def]
    with session_scope(settings.db_url) as session:
        view = alerts_view(session, actor)
        assert view.report is not None
        return list(view.report.anomalies)


def test_the_province_gets_a_units_anomalies_with_their_evidence(
    falling: Settings, actor_of
) -> None:
    assistant_settings = falling
    actor = actor_of("lanhdao.tinh")
    rows = [r for r in _flagged(assistant_settings, actor) if r.get("owner_unit_id")]
    assert rows, "the small dataset should hold at least one anomaly"
    row = rows[0]
    question = f"số liệu của {row['owner_name']} có gì bất thường không"
    with session_scope(assistant_settings.db_url) as session:
        answer = assistant_service.ask(session, actor, question, assistant_settings)
    flagged = [c for c in answer.citations if c.source.kind == "anomaly"]
    assert answer.status == "answer"
    assert row["kr_code"] in {c.source.kr_code for c in flagged}
    assert all(c.source.unit_code == row["owner_code"] for c in flagged)
    assert str(row["evidence"]) in answer.text


def test_a_cadre_never_sees_another_units_anomalies(falling: Settings, actor_of) -> None:
    assistant_settings = falling
    province = [
        r for r in _flagged(assistant_settings, actor_of("lanhdao.tinh")) if r.get("owner_unit_id")
    ]
    others = [r for r in province if r["owner_code"] != "HY.P.ANTAO"]
    assert others
    question = "đơn vị nào có số liệu bất thường"
    with session_scope(assistant_settings.db_url) as session:
        answer = assistant_service.ask(
            session, actor_of("canbo.antao"), question, assistant_settings
        )
    assert {c.source.unit_code for c in answer.citations} <= {"HY.P.ANTAO"}
    assert all(str(r["kr_code"]) not in answer.text for r in others)
    assert all(str(r["title"]) not in answer.text for r in others)
