"""``woms ask "…" [--as USER] [--json]``, ``woms ask --eval``, and the index passes.

``woms ask --eval --file assistant/eval/heldout.csv`` scores another set of
the same columns. ``woms ask --sync`` runs one incremental pass of the index (new, edited and
deleted rows) and prints what it did and how long it took; ``woms ask
--reconcile`` checks every indexed text against the database.
"""

from __future__ import annotations

import argparse
from typing import Any

from woms_pwa.commands import add_command, print_result
from woms_pwa.core.messages import assistant as msg
from woms_pwa.core.settings import Settings


def _actor(session: Any, username: str) -> Any:
    from sqlmodel import select

    from woms_pwa.cli import BadInput
    from woms_pwa.core.models import UserAccount
    from woms_pwa.core.permissions import Actor

    if not username:
        return Actor.system("woms ask")
    account = session.execute(
        select(UserAccount).where(UserAccount.username == username)
    ).scalar_one_or_none()
    if account is None:
        raise BadInput(msg.UNKNOWN_USER.format(username=username))
    return Actor.from_account(account)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one question, or run the evaluation set with ``--eval``."""
    from woms_pwa.cli import BadInput
    from woms_pwa.core import assistant_service
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.migrate import upgrade

    upgrade(settings.db_url)
    if args.sync or args.reconcile:
        return _index_pass(args, settings)
    if args.eval:
        from woms_pwa.core.assistant_index.evaluate import run_evaluation

        with session_scope(settings.db_url) as session:
            report = run_evaluation(session, settings, args.eval_file or None)
        share = report["share"]
        human = msg.EVAL_RESULT.format(
            correct=report["correct"], total=report["total"], share=f"{share:.1%}".replace(".", ",")
        )
        if getattr(args, "verbose", False):
            human += "\n" + "\n".join(
                f"SAI: {r['question']} → {r['why']}" for r in report["rows"] if not r["ok"]
            )
        print_result(args, human, report)
        return 0
    question = " ".join(args.question or [])
    with session_scope(settings.db_url) as session:
        actor = _actor(session, args.as_user)
        try:
            answer = assistant_service.ask(session, actor, question, settings)
        except ValueError as exc:
            raise BadInput(str(exc)) from exc
    lines = [answer.text]
    if answer.citations:
        lines.append(msg.SOURCES_HEADING)
        lines.extend(
            f"[{c.number}] {c.source.date.strftime('%d/%m/%Y') if c.source.date else ''} "
            f"{c.source.unit_code} {c.source.kr_code} – {c.link}"
            for c in answer.citations
        )
    print_result(args, "\n".join(lines), answer.to_json())
    return 0


def _index_pass(args: argparse.Namespace, settings: Settings) -> int:
    from woms_pwa.core import assistant_service
    from woms_pwa.core.db import session_scope

    with session_scope(settings.db_url) as session:
        if args.reconcile:
            result = assistant_service.reconcile(session, settings)
        else:
            found = assistant_service.sync_once(session, settings, wait=True)
            assert found is not None  # waited for the lock
            result = found
    data = {
        "added": result.added,
        "updated": result.updated,
        "deleted": result.deleted,
        "seconds": round(result.seconds, 3),
    }
    human = msg.SYNC_RESULT.format(
        added=result.added,
        updated=result.updated,
        deleted=result.deleted,
        seconds=f"{result.seconds:.3f}".replace(".", ","),
    )
    print_result(args, human, data)
    return 0


def register(sub: Any) -> None:
    """Add ``woms ask``."""
    command = add_command(sub, "ask", cmd_ask, msg.ASK_HELP)
    command.add_argument("question", nargs="*", help="câu hỏi tiếng Việt")
    command.add_argument("--as", dest="as_user", default="", help=msg.ASK_AS_HELP)
    command.add_argument(
        "--eval", action="store_true", help="chạy bộ câu hỏi đánh giá trên tỉnh mẫu"
    )
    command.add_argument(
        "--file",
        "--eval-file",
        dest="eval_file",
        default="",
        help="tệp CSV câu hỏi đánh giá (mặc định assistant/eval/questions.csv)",
    )
    command.add_argument("--verbose", action="store_true", help="in các câu trả lời sai")
    command.add_argument("--sync", action="store_true", help=msg.SYNC_HELP)
    command.add_argument("--reconcile", action="store_true", help=msg.RECONCILE_HELP)
