"""Sub-commands of ``woms`` contributed by features.

A module here defines ``register(sub)``, where ``sub`` is the argparse
sub-parser collection; it adds its parser with :func:`add_command` and sets
``handler(args, settings) -> int``. Handlers raise ``woms_pwa.cli.BadInput``
for bad input (exit status 2) and honour ``args.json``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from woms_pwa.core.settings import Settings

Handler = Callable[[argparse.Namespace, Settings], int]


def add_command(sub: Any, name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
    """Add a sub-command with the common ``--json`` flag.

    Args:
        sub: the sub-parser collection passed to ``register``.
        name: the sub-command's name.
        handler: called with the parsed arguments and the settings.
        help_text: one line of Vietnamese help.

    Returns:
        The new parser, to add arguments to.
    """
    command: argparse.ArgumentParser = sub.add_parser(name, help=help_text)
    command.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="in kết quả dạng JSON"
    )
    command.set_defaults(handler=handler)
    return command


def print_result(args: argparse.Namespace, human: str, data: Any) -> None:
    """Print ``data`` as JSON with ``--json``, else the Vietnamese ``human`` text."""
    import json

    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(human)
