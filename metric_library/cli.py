"""Command-line helper: ``python -m metric_library "TEXT" [--top N] [--json]``.

The project CLI (``woms suggest``) is wired by the application; this module
gives the same output for checking the dictionary on its own.
"""

from __future__ import annotations

import argparse
import json

from metric_library.api import suggest


def main(argv: list[str] | None = None) -> int:
    """Print suggestions for a text as a table or as JSON.

    Args:
        argv: command-line arguments (defaults to ``sys.argv[1:]``).

    Returns:
        The process exit code.
    """
    parser = argparse.ArgumentParser(description="Gợi ý thước đo cho nhiệm vụ, mục tiêu")
    parser.add_argument("text", help="nội dung nhiệm vụ hoặc mục tiêu then chốt")
    parser.add_argument("--top", type=int, default=5, help="số gợi ý (mặc định 5)")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    args = parser.parse_args(argv)
    results = suggest(args.text, top=args.top)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    if not results:
        print("Không có gợi ý.")
    for rank, item in enumerate(results, 1):
        proxy = " (thay thế)" if item["is_proxy"] else ""
        print(f"{rank}. {item['code']} — {item['name']} [{item['unit']}]{proxy}")
        print(f"   {item['why']}")
    return 0
