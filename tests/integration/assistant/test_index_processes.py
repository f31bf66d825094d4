"""Several processes on one embedded index folder: one writer, readers always answered."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from woms_pwa.core import assistant_service
from woms_pwa.core.db import session_scope
from woms_pwa.core.permissions import Actor
from woms_pwa.core.settings import Settings

QUESTION = "vi sao tan phong giai ngan cham"
CAUSE = "14 hộ chưa đồng ý giá bồi thường"
ROOT = Path(__file__).resolve().parents[3]


def _env(settings: Settings) -> dict[str, str]:
    return {
        **os.environ,
        "WOMS_DB_URL": settings.db_url,
        "WOMS_CHROMA_PATH": settings.chroma_path,
        "PYTHONPATH": str(ROOT),
    }


def _cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from woms_pwa.cli import main; raise SystemExit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=_env(settings),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


def _ask(settings: Settings, refresh: bool = False):  # type: ignore[no-untyped-def]
    with session_scope(settings.db_url) as session:
        return assistant_service.ask(
            session, Actor.system("kiem-thu"), QUESTION, settings, refresh=refresh
        )


def test_a_question_is_answered_while_another_process_is_indexing(
    assistant_settings: Settings,
) -> None:
    from assistant.locking import StoreLock

    with session_scope(assistant_settings.db_url) as session:
        assistant_service.sync(session, assistant_settings)
    with StoreLock(assistant_settings.chroma_path).writing() as writer:
        assert writer  # this process plays the one indexing
        done = _cli(assistant_settings, "ask", QUESTION, "--json")
        assert done.returncode == 0, done.stderr
        answer = json.loads(done.stdout)
        assert any(CAUSE in s["text"] for s in answer["sources"])
        # An explicit pass waits for the writer; the background one skips its round.
        with session_scope(assistant_settings.db_url) as session:
            assert assistant_service.sync_once(session, assistant_settings, wait=False) is None


def test_answers_keep_coming_while_another_process_writes_batches(
    assistant_settings: Settings,
) -> None:
    with session_scope(assistant_settings.db_url) as session:
        assistant_service.sync(session, assistant_settings)
    writer = (
        "import sys\n"
        "from assistant.index import open_index\n"
        "from assistant.locking import StoreLock\n"
        "from assistant.sources import Source\n"
        "folder = sys.argv[1]\n"
        "lock = StoreLock(folder)\n"
        "for batch in range(6):\n"
        "    with lock.writing(wait=True):\n"
        "        index = open_index(folder, reopen=True)\n"
        "        index.add([Source(id=f's{batch}-{i}', kind='note', unit_code='HY.STC',"
        " unit_id=2, text=f'Sở Tài chính thẩm định hồ sơ số {i} đợt {batch}.')"
        " for i in range(1000)])\n"
        "        lock.bump()\n"
        "print('done', flush=True)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", writer, assistant_settings.chroma_path],
        env=_env(assistant_settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    answers = 0
    try:
        while process.poll() is None or answers < 3:
            answer = _ask(assistant_settings, refresh=answers % 2 == 0)
            assert any(CAUSE in c.source.text for c in answer.citations), answer.text
            answers += 1
            time.sleep(0.05)
    finally:
        out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert "done" in out and answers >= 3
    # This process sees every text the other one wrote.
    index = assistant_service.open_note_index(assistant_service.index_location(assistant_settings))
    assert len(index.get({"unit_code": "HY.STC"}, limit=20000)) == 6 * 1000


def test_a_delete_indexed_by_another_process_is_not_quoted_here(
    assistant_settings: Settings,
) -> None:
    with session_scope(assistant_settings.db_url) as session:
        assistant_service.sync(session, assistant_settings)
    assert any(CAUSE in c.source.text for c in _ask(assistant_settings).citations)
    with session_scope(assistant_settings.db_url) as session:
        session.execute(text(f"DELETE FROM check_in WHERE note LIKE '%{CAUSE}%'"))
    done = _cli(assistant_settings, "ask", "--sync", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["deleted"] == 1
    # This process opened the folder before; it re-opens it, it does not quote the old graph.
    answer = _ask(assistant_settings)
    assert CAUSE not in answer.text
    assert all(CAUSE not in c.source.text for c in answer.citations)


def test_two_processes_writing_in_turn_lose_nothing(
    assistant_settings: Settings, tmp_path: Path
) -> None:
    """A writer first re-opens the folder: its stale graph never overwrites the other's work."""
    with session_scope(assistant_settings.db_url) as session:
        assistant_service.sync(session, assistant_settings)
    _ask(assistant_settings)  # this process holds the folder open
    with session_scope(assistant_settings.db_url) as session:
        session.execute(
            text("UPDATE note SET text = 'Kết luận: khẩn trương thẩm định giá đất tái định cư.'")
        )
    other = _cli(assistant_settings, "ask", "--sync", "--json")
    assert other.returncode == 0 and json.loads(other.stdout)["updated"] == 1
    with session_scope(assistant_settings.db_url) as session:
        session.execute(
            text(
                f"UPDATE check_in SET note = 'Nhà thầu xin gia hạn hợp đồng.' WHERE note LIKE '%{CAUSE}%'"
            )
        )
        assert assistant_service.sync(session, assistant_settings) == 1
    reader = (
        "import sys\n"
        "from assistant.index import open_index\n"
        "index = open_index(sys.argv[1])\n"
        "for q in ('tham dinh gia dat tai dinh cu', 'nha thau xin gia han hop dong'):\n"
        "    print(index.search(q, None, 1)[0].text)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", reader, assistant_settings.chroma_path],
        env=_env(assistant_settings),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.splitlines()
    assert found == [
        "Kết luận: khẩn trương thẩm định giá đất tái định cư.",
        "Nhà thầu xin gia hạn hợp đồng.",
    ]
    # The term statistics hold both processes' changes: as if built from scratch.
    from assistant.index import open_index

    stored = open_index(assistant_settings.chroma_path, reopen=True)
    rebuilt = open_index(str(tmp_path / "rebuilt"))
    rebuilt.add(list(stored.fetch([i for page in stored.ids() for i in page]).values()))
    assert stored.frequencies.total == rebuilt.frequencies.total
    assert (stored.frequencies.counts == rebuilt.frequencies.counts).all()
