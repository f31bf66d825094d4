"""``woms suggest "TEXT" [--top N] [--json]``: metric suggestions for a task text."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from analytics.vntext import normalize_text
from woms_pwa.commands import add_command, print_result
from woms_pwa.core.messages import metrics as mmsg
from woms_pwa.core.settings import Settings


def _suggest(settings: Settings, text: str, top: int) -> list[dict[str, Any]]:
    """Suggestions from the database dictionary, or from the files if there is no database."""
    from sqlalchemy.exc import SQLAlchemyError

    from woms_pwa.core.db import session_scope
    from woms_pwa.core.metrics.service import suggest_metrics
    from woms_pwa.core.migrate import upgrade

    try:
        upgrade(settings.db_url)
        with session_scope(settings.db_url) as session:
            return suggest_metrics(session, text, top)
    except SQLAlchemyError as exc:
        # No usable database (unreachable server, read-only file): the bundled
        # dictionary still answers, without what planners taught it.
        from metric_library.api import suggest

        print(f"{mmsg.DB_UNAVAILABLE}: {exc.__class__.__name__}", file=sys.stderr)
        return suggest(text, top=top)


def cmd_suggest(args: argparse.Namespace, settings: Settings) -> int:
    """Print the best dictionary metrics for a task or key-result text."""
    from woms_pwa.cli import BadInput
    from woms_pwa.core.metrics.service import MAX_TOP, MetricsError

    text = normalize_text(args.text or "")
    if not text:
        raise BadInput(mmsg.TEXT_REQUIRED)
    if not 1 <= args.top <= MAX_TOP:
        raise BadInput(mmsg.TOP_INVALID.format(limit=MAX_TOP))
    try:
        results = _suggest(settings, text, args.top)
    except MetricsError as exc:
        raise BadInput(str(exc)) from exc
    lines = []
    for rank, item in enumerate(results, 1):
        proxy = mmsg.PROXY_TAG if item.get("is_proxy") else ""
        lines.append(f"{rank}. {item['code']} — {item['name']} [{item['unit']}]{proxy}")
        lines.append(f"   {item['why']}")
    print_result(args, "\n".join(lines) or mmsg.NO_SUGGESTION, results)
    return 0


def register(sub: Any) -> None:
    """Add ``woms suggest``."""
    command = add_command(sub, "suggest", cmd_suggest, "gợi ý thước đo cho nhiệm vụ, mục tiêu")
    command.add_argument("text", help="nội dung nhiệm vụ hoặc mục tiêu then chốt")
    command.add_argument("--top", type=int, default=5, help="số gợi ý (mặc định 5)")
