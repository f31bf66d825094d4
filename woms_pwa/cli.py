"""The ``woms`` command: the second door to the system (see exchange-format.md §3).

Human-readable Vietnamese by default, JSON with ``--json``; exit status 0 on
success and 2 on bad input with a clear message.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from woms_pwa.commands import Handler, add_command, print_result
from woms_pwa.core import messages as msg
from woms_pwa.core.settings import Settings

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """Bad input from the user: printed, exit status 2."""


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    """Apply the database migrations."""
    from woms_pwa.core.migrate import upgrade

    upgrade(settings.db_url)
    print_result(args, msg.MIGRATED, {"ok": True})
    return EXIT_OK


def _ensure_schema(settings: Settings) -> None:
    from woms_pwa.core.migrate import upgrade

    upgrade(settings.db_url)


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    """Import a dataset (folder of CSVs or .xlsx), all-or-nothing."""
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.exchange.errors import DatasetError
    from woms_pwa.core.exchange.importer import import_dataset

    _ensure_schema(settings)
    try:
        with session_scope(settings.db_url) as session:
            summary = import_dataset(session, args.path, actor=args.actor)
    except DatasetError as exc:
        raise BadInput(f"{msg.IMPORT_FAILED}\n{exc.describe()}") from exc
    created, updated = sum(summary.created.values()), sum(summary.updated.values())
    human = (
        msg.IMPORT_DONE.format(created=created, updated=updated)
        if summary.changed
        else msg.IMPORT_NOTHING
    )
    print_result(args, human, summary.to_dict())
    return EXIT_OK


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    """Export the whole database in the exchange format."""
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.exchange.exporter import export_dataset

    _ensure_schema(settings)
    with session_scope(settings.db_url) as session:
        path = export_dataset(session, args.path)
    print_result(args, msg.EXPORT_DONE.format(path=path), {"path": str(path)})
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    """Load the demo province (and its demo accounts)."""
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.demo_loader import database_is_empty, load_demo

    _ensure_schema(settings)
    with session_scope(settings.db_url) as session:
        if args.if_empty and not database_is_empty(session):
            print_result(args, msg.DEMO_SKIPPED, {"skipped": True})
            return EXIT_OK
        with tempfile.TemporaryDirectory() as folder:
            counts = load_demo(session, Path(folder))
    print_result(args, msg.DEMO_LOADED.format(**counts), counts)
    return EXIT_OK


def _register_plugins(sub: Any) -> None:
    """Let every module of ``woms_pwa.commands`` add its sub-commands.

    Each feature ships its commands as a module with a ``register(sub)``
    function, so features do not all edit this file.
    """
    import importlib
    import pkgutil

    import woms_pwa.commands as commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"woms_pwa.commands.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="woms", description=msg.APP_LONG_NAME)
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        return add_command(sub, name, handler, help_text)

    add("migrate", cmd_migrate, "cập nhật cấu trúc cơ sở dữ liệu")
    imp = add("import", cmd_import, "nhập dữ liệu (thư mục CSV hoặc tệp .xlsx)")
    imp.add_argument("path")
    imp.add_argument("--actor", default="import", help="người nhập (ghi vào nhật ký)")
    exp = add("export", cmd_export, "xuất toàn bộ dữ liệu (thư mục CSV hoặc tệp .xlsx)")
    exp.add_argument("path")
    demo = add("demo", cmd_demo, "nạp tỉnh mẫu")
    demo.add_argument("--if-empty", action="store_true", help="chỉ nạp khi cơ sở dữ liệu trống")
    _register_plugins(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``woms`` command; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    args.json = bool(getattr(args, "json", False))
    settings = Settings.from_env()
    try:
        return int(args.handler(args, settings))
    except BadInput as exc:
        if args.json:
            print(json.dumps({"error": str(exc)}, ensure_ascii=False))
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
