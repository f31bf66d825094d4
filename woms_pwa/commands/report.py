"""``woms report KIND --unit CODE --period … --out FILE.pdf|.xlsx``: generate a report file.

Examples::

    woms report monthly --unit HY.X.TANPHONG --month 2025-09 --out thang9.pdf
    woms report quarterly --unit HY.X.TANPHONG --period 2025-Q3 --out quy3.xlsx
    woms report province --period 2025 --out tong-hop.pdf
    woms report monthly --unit HY.X.TANPHONG --month 2025-09 --verify <mã in trên bản giấy>

``--verify`` exits 0 when the printed fingerprint matches the data, 1 when not.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from woms_pwa.commands import add_command, print_result
from woms_pwa.core.settings import Settings

KINDS = ("monthly", "quarterly", "annual", "weekly", "province")


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    """Generate the report and write it to ``--out`` (format from the extension)."""
    from woms_pwa.cli import BadInput
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.messages import reports as rmsg
    from woms_pwa.core.migrate import upgrade
    from woms_pwa.core.permissions import Actor, PermissionDenied
    from woms_pwa.core.reports.generate import generate_report
    from woms_pwa.core.reports.periods import ReportInputError

    if not args.out and not args.verify:
        raise BadInput(rmsg.REPORT_OUT_REQUIRED)
    out = Path(args.out) if args.out else None
    fmt = out.suffix.lower().lstrip(".") if out else "xlsx"
    period = args.month or args.period or ""
    if args.kind != "province" and not args.unit:
        raise BadInput(rmsg.REPORT_UNIT_REQUIRED)
    upgrade(settings.db_url)
    try:
        with session_scope(settings.db_url) as session:
            made = generate_report(
                session, Actor.system("report"), args.kind, period, args.unit or "", fmt
            )
    except (ReportInputError, PermissionDenied) as exc:
        raise BadInput(str(exc)) from exc
    if args.verify:
        # A printed copy's footer code against today's data for the same report.
        same = made.fingerprint == args.verify.strip().lower()
        template = rmsg.REPORT_VERIFY_OK if same else rmsg.REPORT_VERIFY_CHANGED
        print_result(
            args,
            template.format(fingerprint=made.fingerprint),
            {"match": same, "fingerprint": made.fingerprint},
        )
        return 0 if same else 1
    assert out is not None
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(made.content)
    human = rmsg.REPORT_SAVED.format(
        kind=rmsg.REPORT_KINDS[args.kind].lower(),
        unit=args.unit or "toàn tỉnh",
        path=out,
        fingerprint=made.fingerprint,
    )
    data: dict[str, Any] = {
        "path": str(out),
        "kind": args.kind,
        "unit": args.unit,
        "period": period,
        "fingerprint": made.fingerprint,
        "bytes": len(made.content),
    }
    print_result(args, human, data)
    return 0


def register(sub: Any) -> None:
    """Add ``woms report``."""
    command = add_command(sub, "report", cmd_report, "lập báo cáo (PDF hoặc Excel)")
    command.add_argument("kind", choices=KINDS, help="loại báo cáo")
    command.add_argument("--unit", default="", help="mã đơn vị, ví dụ HY.X.TANPHONG")
    command.add_argument("--month", default="", help="tháng YYYY-MM (báo cáo tháng)")
    command.add_argument(
        "--period", default="", help="kỳ: YYYY-Qn (quý), YYYY (năm, tổng hợp), YYYY-Www (tuần)"
    )
    command.add_argument("--out", default="", help="tệp đầu ra .pdf hoặc .xlsx")
    command.add_argument(
        "--verify", default="", help="so mã kiểm tra in trên bản giấy với dữ liệu hiện tại"
    )
