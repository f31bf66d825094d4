"""Incremental indexing by watermark, and ``woms ask --json``."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from woms_pwa.core import assistant_service
from woms_pwa.core.db import session_scope
from woms_pwa.core.services.checkins import record_checkin
from woms_pwa.core.settings import Settings


def test_sync_indexes_only_what_arrived(assistant_settings: Settings, actor_of) -> None:
    with session_scope(assistant_settings.db_url) as session:
        first = assistant_service.sync(session, assistant_settings)
    with session_scope(assistant_settings.db_url) as session:
        assert assistant_service.sync(session, assistant_settings) == 0
    with session_scope(assistant_settings.db_url) as session:
        record_checkin(
            session,
            actor_of("canbo.tanphong"),
            kr_code="TP-2025-NS1.1",
            value="30",
            note="Nhà thầu dừng thi công do mưa lũ kéo dài, chưa nghiệm thu được khối lượng.",
            blocker_type="thoi_tiet",
            blocker_text="Mưa lũ làm ngập công trường",
            evidence="Ảnh công trường ngập nước",
            client_id="assistant-test-0001",
            on_date=dt.date(2025, 9, 30),
            today=dt.date(2025, 10, 2),
        )
    with session_scope(assistant_settings.db_url) as session:
        # The note, the blocker and the evidence caption.
        assert assistant_service.sync(session, assistant_settings) == 3
    assert first > 0
    with session_scope(assistant_settings.db_url) as session:
        answer = assistant_service.ask(
            session,
            actor_of("bithu.tanphong"),
            "tan phong giai ngan vuong gi mua lu",
            assistant_settings,
        )
    assert any("mưa lũ" in c.source.text.lower() for c in answer.citations)


def test_empty_question_is_refused(assistant_settings: Settings, actor_of) -> None:
    with (
        session_scope(assistant_settings.db_url) as session,
        pytest.raises(ValueError, match="nhập câu hỏi"),
    ):
        assistant_service.ask(session, actor_of("lanhdao.tinh"), "   ", assistant_settings)


def test_cli_json_contract(loaded: str, tmp_path, monkeypatch, capsys) -> None:
    from woms_pwa.cli import main

    monkeypatch.setenv("WOMS_DB_URL", loaded)
    monkeypatch.setenv("WOMS_CHROMA_PATH", str(tmp_path / "chroma"))
    assert main(["ask", "Vì sao xã Tân Phong giải ngân chậm?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data["answer"], str) and data["answer"]
    assert data["sources"]
    for source in data["sources"]:
        assert {"kind", "unit_code", "kr_code", "date", "text"} <= source.keys()
        assert source["unit_code"] == "HY.X.TANPHONG"


def test_cli_unknown_user_is_bad_input(loaded: str, tmp_path, monkeypatch) -> None:
    from woms_pwa.cli import main

    monkeypatch.setenv("WOMS_DB_URL", loaded)
    monkeypatch.setenv("WOMS_CHROMA_PATH", str(tmp_path / "chroma"))
    assert main(["ask", "xin chào", "--as", "khong.ton.tai"]) == 2


def test_small_batches_reach_the_end_and_count_each_text_once(assistant_settings: Settings) -> None:
    from woms_pwa.core.assistant_index.sync import sync_index
    from woms_pwa.core.assistant_service import index_location, open_note_index

    location = index_location(assistant_settings)
    index = open_note_index(location)
    with session_scope(assistant_settings.db_url) as session:
        # Batches smaller than the re-read overlap still make progress.
        first = sync_index(session, index, location.key, batch=2)
    with session_scope(assistant_settings.db_url) as session:
        again = sync_index(session, index, location.key, batch=2)
    assert first == index.count() > 0
    assert again == 0
    assert index.frequencies.total == index.count()
