"""Run the assistant's evaluation set on the demo province (``woms ask --eval``)."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlmodel import Session

from woms_pwa.core.db import session_scope
from woms_pwa.core.migrate import upgrade
from woms_pwa.core.permissions import Actor
from woms_pwa.core.settings import Settings


def run_evaluation(
    session: Session | None, settings: Settings, path: str | None = None
) -> dict[str, Any]:
    """Load the demo province into a fresh SQLite database and ask every question.

    Args:
        session: unused (the evaluation never touches the configured database).
        settings: language model settings are honoured; the database is a temporary one.
        path: the evaluation CSV (default ``assistant/eval/questions.csv``).

    Returns:
        ``{"correct", "total", "share", "rows": [{question, ok, why, answer}]}``.
    """
    from assistant.evaluate import judge, load_questions
    from woms_pwa.core import assistant_service
    from woms_pwa.core.demo_loader import load_demo

    questions = load_questions(path)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'eval.db'}"
        upgrade(url)
        local = replace(
            settings, db_url=url, chroma_path=str(Path(folder) / "chroma"), chroma_url=""
        )
        with session_scope(url) as db:
            load_demo(db, Path(folder) / "csv")
        with session_scope(url) as db:
            assistant_service.sync(db, local)
        rows = []
        actor = Actor.system("danh-gia")
        with session_scope(url) as db:
            for item in questions:
                answer = assistant_service.ask(db, actor, item.question, local, refresh=False)
                ok, why = judge(item, answer)
                rows.append(
                    {"question": item.question, "ok": ok, "why": why, "answer": answer.text}
                )
    correct = sum(1 for r in rows if r["ok"] is True)
    return {
        "correct": correct,
        "total": len(rows),
        "share": correct / max(1, len(rows)),
        "rows": rows,
    }
