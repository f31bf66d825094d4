"""``woms metrics sync|eval``: load the dictionary files, measure suggestion quality."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from woms_pwa.commands import add_command, print_result
from woms_pwa.core.messages import metrics as mmsg
from woms_pwa.core.settings import Settings


def _ratio(value: float) -> str:
    """Three decimals with a Vietnamese decimal comma (``0,974``; ``1,000`` stays visible)."""
    return f"{value:.3f}".replace(".", ",")


def _sync(args: argparse.Namespace, settings: Settings) -> int:
    from metric_library.catalogue import CatalogueError
    from woms_pwa.cli import BadInput
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.metrics.sync import sync_catalogue_from_files

    try:
        with session_scope(settings.db_url) as session:
            summary = sync_catalogue_from_files(session, args.path or None, actor=args.actor)
    except CatalogueError as exc:
        raise BadInput(str(exc)) from exc
    print_result(args, mmsg.SYNC_DONE.format(**summary.to_dict()), summary.to_dict())
    return 0


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    from metric_library.evaluate import LABELLED, evaluate, load_labelled
    from woms_pwa.cli import BadInput
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.metrics.service import evaluation_suggester

    path = Path(args.file) if args.file else LABELLED
    try:
        pairs = load_labelled(path)
    except (OSError, KeyError, ValueError) as exc:
        raise BadInput(mmsg.EVAL_FILE_MISSING.format(path=path)) from exc
    if args.split:
        pairs = [p for p in pairs if p.split == args.split]
    if not pairs:
        raise BadInput(mmsg.EVAL_EMPTY)
    with session_scope(settings.db_url) as session:
        suggester = evaluation_suggester(session)
    scores = evaluate(pairs, suggester)
    order = sorted(scores, key=lambda s: (s == "all", s))
    lines = [
        mmsg.EVAL_LINE.format(
            split=mmsg.SPLIT_ALL if split == "all" else split,
            count=scores[split].count,
            hit1=_ratio(scores[split].hit1),
            hit5=_ratio(scores[split].hit5),
        )
        for split in order
    ]
    data = {
        split: {
            "count": scores[split].count,
            "hit1": scores[split].hit1,
            "hit5": scores[split].hit5,
        }
        for split in order
    }
    print_result(args, "\n".join(lines), data)
    return 0


def cmd_metrics(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``woms metrics sync`` or ``woms metrics eval``."""
    from woms_pwa.core.migrate import upgrade

    upgrade(settings.db_url)
    return _sync(args, settings) if args.action == "sync" else _eval(args, settings)


def register(sub: Any) -> None:
    """Add ``woms metrics``."""
    command = add_command(
        sub,
        "metrics",
        cmd_metrics,
        "thư viện chỉ số: nạp từ tệp dữ liệu (sync), đo chất lượng gợi ý (eval)",
    )
    command.add_argument("action", choices=("sync", "eval"), help="sync hoặc eval")
    command.add_argument("--path", nargs="*", help="sync: các tệp CSV (mặc định tệp đi kèm)")
    command.add_argument("--actor", default="cli", help="sync: người chạy (ghi vào nhật ký)")
    command.add_argument("--file", help="eval: tệp nhãn (mặc định metric_library/eval)")
    command.add_argument("--split", help="eval: chỉ một phần (dev, heldout, unseen)")
