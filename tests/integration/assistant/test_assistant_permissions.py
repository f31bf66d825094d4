"""The assistant only uses and cites what the asking user may see."""

from __future__ import annotations

import pytest

from woms_pwa.core import assistant_service
from woms_pwa.core.db import session_scope
from woms_pwa.core.settings import Settings

QUESTIONS_ABOUT_TANPHONG = [
    "Vì sao xã Tân Phong giải ngân chậm?",
    "vi sao tan phong giai ngan cham",
    "TP-2025-NS1.1 vì sao chậm?",
    "vì sao giải ngân chậm?",
    "Giao ban kết luận gì về xã Tân Phong?",
    "đơn vị nào có nguy cơ không đạt giải ngân",
]


@pytest.mark.parametrize("question", QUESTIONS_ABOUT_TANPHONG)
def test_a_commune_cadre_cannot_get_another_communes_notes(
    assistant_settings: Settings, actor_of, question: str
) -> None:
    actor = actor_of("canbo.antao")
    with session_scope(assistant_settings.db_url) as session:
        answer = assistant_service.ask(session, actor, question, assistant_settings)
    units = {c.source.unit_code for c in answer.citations}
    assert not units - {"HY.P.ANTAO"}, units
    assert "GPMB" not in answer.text and "Tân Phong" not in answer.text


def test_the_head_of_the_commune_gets_its_cause_with_citation(
    assistant_settings: Settings, actor_of
) -> None:
    with session_scope(assistant_settings.db_url) as session:
        answer = assistant_service.ask(
            session,
            actor_of("bithu.tanphong"),
            "vi sao tan phong giai ngan cham",
            assistant_settings,
        )
    assert answer.status == "answer"
    assert answer.citations
    assert {c.source.unit_code for c in answer.citations} == {"HY.X.TANPHONG"}
    assert any("GPMB" in c.source.text for c in answer.citations)
    assert answer.citations[0].link.startswith("/cap-nhat?kr=")


def test_the_province_sees_an_tao_but_never_its_cause_under_tan_phong(
    assistant_settings: Settings, actor_of
) -> None:
    with session_scope(assistant_settings.db_url) as session:
        answer = assistant_service.ask(
            session,
            actor_of("lanhdao.tinh"),
            "Vì sao phường An Tảo thu ngân sách chậm?",
            assistant_settings,
        )
    assert {c.source.unit_code for c in answer.citations} <= {"HY.P.ANTAO"}
    assert any("đấu giá" in c.source.text for c in answer.citations)
