"""Suggestions through the database: learning from acceptances, fallback to files."""

from __future__ import annotations

import pytest

from woms_pwa.core.db import session_scope
from woms_pwa.core.metrics.curation import merge_entries
from woms_pwa.core.metrics.models import SuggestionAcceptance
from woms_pwa.core.metrics.service import MetricsError, record_acceptance, suggest_metrics
from woms_pwa.core.metrics.sync import sync_catalogue_from_files

TEXT = "Tổ chức ngày hội đại đoàn kết ở các thôn"
SIMILAR = "to chuc ngay hoi dai doan ket toan dan cac thon"
ACCEPTED = "XDD.DANVAN.HIENDAT"


def _rank(url: str, text: str, code: str) -> int:
    with session_scope(url) as session:
        codes = [s["code"] for s in suggest_metrics(session, text, 10)]
    return codes.index(code) if code in codes else 99


def test_fresh_database_suggests_from_the_files(db_url: str) -> None:
    with session_scope(db_url) as session:
        results = suggest_metrics(session, "nang cao chat luong cong tac dan van", 5)
    assert results and all(r["code"].startswith("XDD.DANVAN.") for r in results[:3])
    assert set(results[0]) >= {"code", "name", "unit", "direction", "why"}
    with session_scope(db_url) as session:
        assert suggest_metrics(session, "   ", 5) == []
        with pytest.raises(MetricsError, match="Số gợi ý"):
            suggest_metrics(session, "giải ngân", 0)


def test_accepted_code_ranks_higher_next_time(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        sync_catalogue_from_files(session)
    before = _rank(loaded, SIMILAR, ACCEPTED)
    with session_scope(loaded) as session:
        stored = record_acceptance(session, actor_of("canbo.tanphong"), TEXT, ACCEPTED.lower())
    assert stored == ACCEPTED
    after = _rank(loaded, SIMILAR, ACCEPTED)
    assert after < before and after <= 1
    with session_scope(loaded) as session:
        row = session.get(SuggestionAcceptance, 1)
        assert row is not None and row.folded_text.startswith("to chuc ngay hoi")
        assert row.username == "canbo.tanphong"


def test_acceptance_of_merged_code_teaches_the_replacement(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        sync_catalogue_from_files(session)
        merge_entries(session, actor_of("admin"), ACCEPTED, "XDD.DANVAN.CUOCVANDONG")
    with session_scope(loaded) as session:
        assert record_acceptance(session, None, TEXT, ACCEPTED) == "XDD.DANVAN.CUOCVANDONG"
        with pytest.raises(MetricsError, match="Không tìm thấy chỉ số"):
            record_acceptance(session, None, TEXT, "KHONG.CO")
        with pytest.raises(MetricsError, match="Vui lòng nhập"):
            record_acceptance(session, None, " ", "XDD.DANVAN.CUOCVANDONG")
    assert _rank(loaded, SIMILAR, ACCEPTED) == 99
