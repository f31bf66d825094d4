"""``woms forms list|export|import|publish``: form definitions as JSON files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from woms_pwa.commands import add_command, print_result
from woms_pwa.core.messages import forms as msg
from woms_pwa.core.settings import Settings


def cmd_forms(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``woms forms <action>``."""
    from woms_pwa.cli import BadInput
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.forms import catalogue
    from woms_pwa.core.migrate import upgrade
    from woms_pwa.core.permissions import Actor, PermissionDenied

    upgrade(settings.db_url)
    actor = Actor.system(args.actor)
    try:
        with session_scope(settings.db_url) as session:
            if args.action == "list":
                forms = catalogue.list_forms(session, published_only=False)
                rows = [
                    {"code": f.code, "title": f.title, "version": f.current_version} for f in forms
                ]
                human = "\n".join(
                    msg.CLI_LIST_LINE.format(
                        code=f.code,
                        title=f.title,
                        status=msg.STATUS_PUBLISHED.format(version=f.current_version)
                        if f.current_version
                        else msg.STATUS_NEVER,
                    )
                    for f in forms
                )
                print_result(args, human, rows)
            elif args.action == "export":
                if not args.target:
                    raise BadInput(msg.CLI_NEEDS_CODE)
                catalogue.ensure_builtin_forms(session)
                print(catalogue.export_definition(session, args.target))
            elif args.action == "import":
                if not args.target:
                    raise BadInput(msg.CLI_NEEDS_FILE)
                try:
                    text = Path(args.target).read_text(encoding="utf-8")
                except OSError as exc:
                    raise BadInput(msg.CLI_FILE_UNREADABLE.format(path=args.target)) from exc
                catalogue.ensure_builtin_forms(session)
                spec = catalogue.import_definition(session, actor, text)
                print_result(args, msg.CLI_IMPORTED.format(code=spec.code), {"code": spec.code})
            else:
                if not args.target:
                    raise BadInput(msg.CLI_NEEDS_CODE)
                number = catalogue.publish_form(session, actor, args.target)
                print_result(args, msg.FORM_PUBLISHED.format(version=number), {"version": number})
    except (catalogue.FormError, PermissionDenied) as exc:
        raise BadInput(str(exc)) from exc
    return 0


def register(sub: Any) -> None:
    """Add ``woms forms``."""
    command = add_command(sub, "forms", cmd_forms, msg.CLI_HELP)
    command.add_argument("action", choices=("list", "export", "import", "publish"))
    command.add_argument("target", nargs="?", default="", help="mã biểu mẫu hoặc tệp JSON")
    command.add_argument("--actor", default="cli", help="người chạy (ghi vào nhật ký)")
