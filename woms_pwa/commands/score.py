"""``woms score --period P [--as-of DATE] [--json]``: collective and individual ratings."""

from __future__ import annotations

import argparse
from typing import Any

from analytics.vntext import format_date_vi, format_number_vi
from woms_pwa.commands import add_command, print_result
from woms_pwa.core.messages import evaluation as emsg
from woms_pwa.core.settings import Settings


def _human(data: dict[str, Any]) -> str:
    def line(row: dict[str, Any]) -> str:
        total = "—" if row["total"] is None else format_number_vi(row["total"], 2)
        return emsg.SCORE_LINE.format(code=row["code"], total=total, rating=row["rating_label"])

    import datetime as dt

    lines = [
        emsg.SCORE_HEADER.format(
            period=data["period"], as_of=format_date_vi(dt.date.fromisoformat(data["as_of"]))
        ),
        emsg.SCORE_UNITS.format(count=len(data["units"])),
        *[line(row) for row in data["units"]],
        emsg.SCORE_PEOPLE.format(count=len(data["people"])),
        *[line(row) for row in data["people"]],
    ]
    return "\n".join(lines)


def cmd_score(args: argparse.Namespace, settings: Settings) -> int:
    """Score every unit and person of the period and print the ratings."""
    from woms_pwa.cli import BadInput
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.evaluation.scoring import (
        EvaluationError,
        parse_as_of,
        parse_period_or_fail,
        run_scoring,
    )
    from woms_pwa.core.migrate import upgrade

    try:
        spec = parse_period_or_fail(args.period)
        as_of = parse_as_of(args.as_of, spec)
    except EvaluationError as exc:
        raise BadInput(str(exc)) from exc
    upgrade(settings.db_url)
    with session_scope(settings.db_url) as session:
        data = run_scoring(session, spec.code, as_of).payload()
    print_result(args, _human(data), data)
    return 0


def register(sub: Any) -> None:
    """Add ``woms score``."""
    command = add_command(sub, "score", cmd_score, "chấm điểm, xếp loại tập thể và cá nhân")
    command.add_argument("--period", required=True, help="kỳ: 2025, 2025-Q3 hoặc 2025-07")
    command.add_argument("--as-of", dest="as_of", default=None, help="tính đến ngày YYYY-MM-DD")
