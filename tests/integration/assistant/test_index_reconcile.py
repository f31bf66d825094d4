"""The index follows edits and deletes, not only new rows: nothing stale is ever quoted."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from sqlalchemy import event, text

from woms_pwa.core import assistant_service
from woms_pwa.core.assistant_index.sync import INDEX_VERSION, index_key
from woms_pwa.core.db import get_engine, session_scope
from woms_pwa.core.exchange.importer import import_dataset
from woms_pwa.core.permissions import Actor
from woms_pwa.core.settings import Settings

WHY_TANPHONG = "vi sao tan phong giai ngan cham"
CONCLUSIONS_TANPHONG = "giao ban ket luan gi ve tan phong"
OLD_CAUSE = "14 hộ chưa đồng ý giá bồi thường"


def _ask(settings: Settings, question: str, actor: Actor | None = None):  # type: ignore[no-untyped-def]
    with session_scope(settings.db_url) as session:
        return assistant_service.ask(
            session, actor or Actor.system("kiem-thu"), question, settings, refresh=False
        )


def _sync(settings: Settings):  # type: ignore[no-untyped-def]
    with session_scope(settings.db_url) as session:
        result = assistant_service.sync_once(session, settings)
    assert result is not None
    return result


def _id_of(settings: Settings, sql: str) -> int:
    with session_scope(settings.db_url) as session:
        return int(session.execute(text(sql)).scalar_one())


def _index(settings: Settings):  # type: ignore[no-untyped-def]
    return assistant_service.open_note_index(assistant_service.index_location(settings))


def test_an_edited_checkin_is_quoted_with_its_new_text_only(
    assistant_settings: Settings, small_dataset: Path, tmp_path: Path
) -> None:
    _sync(assistant_settings)
    before = _ask(assistant_settings, WHY_TANPHONG)
    assert any(OLD_CAUSE in c.source.text for c in before.citations)
    # The correction arrives the ordinary way: the same row, re-imported with a new note.
    corrected = tmp_path / "corrected"
    shutil.copytree(small_dataset, corrected)
    rows = list(csv.DictReader((corrected / "checkins.csv").open(encoding="utf-8")))
    rows[0]["note"] = "Giải ngân chậm do nhà thầu thiếu máy thi công, phải gia hạn 3 gói thầu."
    with (corrected / "checkins.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with session_scope(assistant_settings.db_url) as session:
        import_dataset(session, corrected)
    result = _sync(assistant_settings)
    assert (result.added, result.updated, result.deleted) == (0, 1, 0)
    after = _ask(assistant_settings, WHY_TANPHONG)
    quoted = " ".join(c.source.text for c in after.citations) + after.text
    assert "nhà thầu thiếu máy thi công" in quoted
    assert OLD_CAUSE not in quoted
    assert "14 hộ" not in quoted
    # The statistics count the new text instead of the old one, not both.
    index = _index(assistant_settings)
    assert index.frequencies.total == index.count()


def test_a_deleted_note_and_checkin_are_never_quoted(assistant_settings: Settings) -> None:
    _sync(assistant_settings)
    note_id = _id_of(assistant_settings, "SELECT id FROM note WHERE text LIKE '%kết luận%'")
    checkin_id = _id_of(
        assistant_settings, f"SELECT id FROM check_in WHERE note LIKE '%{OLD_CAUSE}%'"
    )
    before = _ask(assistant_settings, CONCLUSIONS_TANPHONG)
    assert [c.source.id for c in before.citations] == [f"n{note_id}"]
    with session_scope(assistant_settings.db_url) as session:
        session.execute(text("DELETE FROM note WHERE id = :i"), {"i": note_id})
        session.execute(text("DELETE FROM check_in WHERE id = :i"), {"i": checkin_id})
    result = _sync(assistant_settings)
    assert result.deleted == 2 and result.added == result.updated == 0
    assert _index(assistant_settings).fetch([f"n{note_id}", f"c{checkin_id}"]) == {}
    for question in (CONCLUSIONS_TANPHONG, WHY_TANPHONG):
        answer = _ask(assistant_settings, question)
        ids = {c.source.id for c in answer.citations}
        assert f"n{note_id}" not in ids and f"c{checkin_id}" not in ids
        assert "hoàn thành GPMB dự án đường trục xã trước 30/9" not in answer.text
        assert OLD_CAUSE not in answer.text


def test_a_key_result_moved_to_another_unit_takes_its_texts_along(
    assistant_settings: Settings, actor_of
) -> None:
    _sync(assistant_settings)
    checkin_id = _id_of(
        assistant_settings, f"SELECT id FROM check_in WHERE note LIKE '%{OLD_CAUSE}%'"
    )
    an_tao_task = _id_of(
        assistant_settings,
        "SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id "
        "JOIN unit u ON u.id = p.owner_unit_id WHERE u.code = 'HY.P.ANTAO'",
    )
    # The plan was amended: the key result now belongs to An Tảo's plan.
    with session_scope(assistant_settings.db_url) as session:
        session.execute(
            text("UPDATE key_result SET task_id = :t WHERE code = 'TP-2025-NS1.1'"),
            {"t": an_tao_task},
        )
    result = _sync(assistant_settings)
    # Both check-ins' notes, one's evidence caption, and the note on the key result
    # (the note stays Tân Phong's: it was written about Tân Phong).
    assert result.updated >= 3 and result.added == result.deleted == 0
    moved = _index(assistant_settings).fetch([f"c{checkin_id}"])[f"c{checkin_id}"]
    assert moved.unit_code == "HY.P.ANTAO"
    for actor in (Actor.system("kiem-thu"), actor_of("bithu.tanphong")):
        answer = _ask(assistant_settings, WHY_TANPHONG, actor)
        assert all(c.source.id != f"c{checkin_id}" for c in answer.citations)
        assert OLD_CAUSE not in answer.text
    # The head of Tân Phong may not see An Tảo's texts any more.
    answer = _ask(assistant_settings, "vi sao an tao giai ngan cham", actor_of("bithu.tanphong"))
    assert OLD_CAUSE not in answer.text and not answer.citations


def test_a_retired_key_result_is_no_longer_a_cause(assistant_settings: Settings) -> None:
    _sync(assistant_settings)
    with session_scope(assistant_settings.db_url) as session:
        session.execute(
            text("UPDATE key_result SET status = 'retired' WHERE code = 'TP-2025-NS1.1'")
        )
    result = _sync(assistant_settings)
    assert result.updated >= 3
    index = _index(assistant_settings)
    retired = [s for s in index.get({"kr_code": "TP-2025-NS1.1"}) if s.kind != "note"]
    assert retired and all(s.kr_status == "retired" for s in retired)
    answer = _ask(assistant_settings, WHY_TANPHONG)
    assert all(c.source.kr_code != "TP-2025-NS1.1" for c in answer.citations)


def test_a_quiet_pass_reads_no_source_rows(assistant_settings: Settings) -> None:
    _sync(assistant_settings)
    statements: list[str] = []
    engine = get_engine(assistant_settings.db_url)

    def seen(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        result = _sync(assistant_settings)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert result.total == 0
    # Watermarks, the re-read overlap of new rows and the change log: no lookup by id,
    # and nothing written (on SQLite a write would lock out check-ins).
    assert not [s for s in statements if " IN (" in s and "assistant_watermark" not in s]
    assert not [s for s in statements if s.lstrip().upper().startswith(("UPDATE", "INSERT"))]
    assert len(statements) < 20


def test_a_late_change_below_the_watermark_is_still_applied(assistant_settings: Settings) -> None:
    """On PostgreSQL a change can commit after a higher id was read; it is looked at again."""
    _sync(assistant_settings)
    note_id = _id_of(assistant_settings, "SELECT id FROM note")
    top = _id_of(assistant_settings, "SELECT COALESCE(MAX(id), 0) FROM assistant_change")
    with session_scope(assistant_settings.db_url) as session:
        # Another transaction took ids top+1..top+4 and has not committed; top+5 is read.
        session.execute(
            text("INSERT INTO assistant_change (id, source, row_id) VALUES (:i, 'note', :n)"),
            {"i": top + 5, "n": note_id},
        )
    assert _sync(assistant_settings).total == 0
    with session_scope(assistant_settings.db_url) as session:
        session.execute(
            text("UPDATE note SET text = 'Kết luận mới: dừng dự án đường trục.' WHERE id = :n"),
            {"n": note_id},
        )
        # The trigger logged it above; replay it as that late transaction's row.
        session.execute(text("DELETE FROM assistant_change WHERE id > :i"), {"i": top + 5})
        session.execute(
            text("INSERT INTO assistant_change (id, source, row_id) VALUES (:i, 'note', :n)"),
            {"i": top + 2, "n": note_id},
        )
    assert _sync(assistant_settings).updated == 1
    assert "dừng dự án" in _index(assistant_settings).fetch([f"n{note_id}"])[f"n{note_id}"].text


def test_an_index_of_an_earlier_version_is_reconciled_once(assistant_settings: Settings) -> None:
    _sync(assistant_settings)
    location = assistant_service.index_location(assistant_settings)
    key = index_key(location.key)
    # As if built before the change log existed: a note edited with nobody noticing.
    with session_scope(assistant_settings.db_url) as session:
        session.execute(text("DELETE FROM assistant_watermark WHERE source = 'version'"))
        session.execute(text("UPDATE note SET text = 'Ghi chép đã sửa khi chưa có nhật ký.'"))
        session.execute(text("DELETE FROM assistant_change"))
    result = _sync(assistant_settings)
    assert result.updated == 1
    with session_scope(assistant_settings.db_url) as session:
        version = session.execute(
            text(
                "SELECT last_id FROM assistant_watermark WHERE index_key = :k AND source = 'version'"
            ),
            {"k": key},
        ).scalar_one()
    assert version == INDEX_VERSION
    assert _sync(assistant_settings).total == 0


def test_cli_sync_and_reconcile_print_what_they_did(
    assistant_settings: Settings, monkeypatch, capsys
) -> None:
    import json

    from woms_pwa.cli import main

    monkeypatch.setenv("WOMS_DB_URL", assistant_settings.db_url)
    monkeypatch.setenv("WOMS_CHROMA_PATH", assistant_settings.chroma_path)
    assert main(["ask", "--sync", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["added"] == 6 and first["seconds"] >= 0
    with session_scope(assistant_settings.db_url) as session:
        session.execute(text("DELETE FROM note"))
    assert main(["ask", "--reconcile", "--json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert (second["added"], second["updated"], second["deleted"]) == (0, 0, 1)
    assert main(["ask", "--sync"]) == 0
    assert "thêm 0, cập nhật 0, xóa 0" in capsys.readouterr().out
