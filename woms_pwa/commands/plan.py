"""Planning commands.

* ``woms plan precheck [--period P] [--json]`` — submitted plans ranked by findings;
* ``woms plan rollover --from 2025 --to 2026 --owner CODE`` — next year's draft;
* ``woms plan export --owner CODE --period P (--pdf FILE | --xlsx FILE)``;
* ``woms plan deadlines --year 2026`` — the cycle's deadlines;
* ``woms plan deadline-set --key annual_plan --day 20 [--month 11]`` — move a deadline;
* ``woms plan cascade --kr CODE --to OWNER=TARGET[@PERIOD] … [--mode suggested]``;
* ``woms reminders send [--today YYYY-MM-DD]`` — deadline reminders (+ e-mail
  when ``WOMS_SMTP_URL`` is set).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from woms_pwa.commands import add_command, print_result
from woms_pwa.core.settings import Settings

PRECHECK_DONE = "{count} kế hoạch chờ phê duyệt; nhiều vấn đề nhất xếp trước:"
PRECHECK_NONE = "Không có kế hoạch nào đang chờ phê duyệt."
PRECHECK_LINE = "{rank}. {owner} ({code}) – kỳ {period}: {errors} lỗi, {warnings} cảnh báo"
ROLLOVER_DONE = "Đã tạo dự thảo kế hoạch kỳ {to} của {owner} từ kỳ {source} ({krs} mục tiêu)."
EXPORT_DONE = "Đã xuất kế hoạch ra {path}."
EXPORT_NEED_TARGET = "Hãy chọn --pdf TỆP hoặc --xlsx TỆP."
REMINDERS_DONE = "Đã tạo {notified} nhắc hạn cho {accounts} tài khoản; đã gửi {emailed} thư."
BAD_DATE = "Ngày '{value}' không hợp lệ (YYYY-MM-DD)."
DEADLINE_SET = "Đã đặt hạn {key}: ngày {day}{month}."
BAD_SHARE = "Phần giao '{value}' không hợp lệ (dạng MÃ=SỐ hoặc MÃ=SỐ@KỲ)."
CASCADE_DONE = "Đã giao chỉ tiêu {kr} cho {count} nơi."


def _ensure(settings: Settings) -> None:
    from woms_pwa.core.migrate import upgrade

    upgrade(settings.db_url)


def cmd_precheck(args: argparse.Namespace, settings: Settings) -> int:
    """Rank the submitted plans by the problems the pre-check finds."""
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.permissions import Actor
    from woms_pwa.core.planning.precheck import precheck

    _ensure(settings)
    with session_scope(settings.db_url) as session:
        ranked = precheck(session, Actor.system("cli"), period=args.period)
    lines = [PRECHECK_DONE.format(count=len(ranked)) if ranked else PRECHECK_NONE]
    for rank, item in enumerate(ranked, start=1):
        lines.append(
            PRECHECK_LINE.format(
                rank=rank,
                owner=item.owner_name,
                code=item.owner_code,
                period=item.period,
                errors=item.errors,
                warnings=item.warnings,
            )
        )
        lines.extend(f"   - {f.message}" for f in item.findings[:5])
    print_result(args, "\n".join(lines), [item.to_dict() for item in ranked])
    return 0


def cmd_rollover(args: argparse.Namespace, settings: Settings) -> int:
    """Start the next year's plan of an owner from this year's."""
    from woms_pwa.cli import BadInput
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.permissions import Actor
    from woms_pwa.core.planning.common import PlanningError
    from woms_pwa.core.planning.drafting import plan_key_results
    from woms_pwa.core.planning.rollover import rollover_plan

    _ensure(settings)
    try:
        with session_scope(settings.db_url) as session:
            plan = rollover_plan(
                session,
                Actor.system("cli"),
                owner_code=args.owner,
                from_period=args.source,
                to_period=args.to,
            )
            count = sum(len(krs) for _, krs in plan_key_results(session, plan.id or 0))
            data: dict[str, Any] = {
                "plan_id": plan.id,
                "owner_code": args.owner,
                "period": args.to,
                "key_results": count,
            }
    except PlanningError as exc:
        raise BadInput(str(exc)) from exc
    human = ROLLOVER_DONE.format(to=args.to, owner=args.owner, source=args.source, krs=count)
    print_result(args, human, data)
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    """Export a plan as the Đề cương PDF or the exchange-format Excel."""
    from sqlmodel import col, select

    from woms_pwa.cli import BadInput
    from woms_pwa.core import messages as base_msg
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.models import Period, Plan
    from woms_pwa.core.permissions import Actor
    from woms_pwa.core.planning.common import PlanningError, resolve_owner
    from woms_pwa.core.planning.documents import export_plan_xlsx, render_decuong_pdf

    if not (args.pdf or args.xlsx):
        raise BadInput(EXPORT_NEED_TARGET)
    _ensure(settings)
    actor = Actor.system("cli")
    with session_scope(settings.db_url) as session:
        try:
            owner = resolve_owner(session, args.owner)
        except PlanningError as exc:
            raise BadInput(str(exc)) from exc
        plan = session.execute(
            select(Plan)
            .join(Period, col(Period.id) == col(Plan.period_id))
            .where(Plan.owner_key == owner.key, Period.code == args.period)
        ).scalar_one_or_none()
        if plan is None:
            raise BadInput(base_msg.NOT_FOUND_PLAN)
        if args.pdf:
            target = Path(args.pdf)
            target.write_bytes(render_decuong_pdf(session, actor, plan.id or 0))
        else:
            target = export_plan_xlsx(session, actor, plan.id or 0, args.xlsx)
    print_result(args, EXPORT_DONE.format(path=target), {"path": str(target)})
    return 0


def cmd_deadlines(args: argparse.Namespace, settings: Settings) -> int:
    """List the deadlines of a plan year under the province's rules in force."""
    from analytics.vntext import format_date_vi
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.permissions import Actor
    from woms_pwa.core.planning.calendar import compute_deadlines, configured_province, rules_for

    _ensure(settings)
    with session_scope(settings.db_url) as session:
        province = configured_province(session, Actor.system("cli"))
        rules = rules_for(session, province.id if province else None)
    items = compute_deadlines(args.year, rules)
    human = "\n".join(f"{format_date_vi(d.due)}  {d.label}" for d in items)
    data = [
        {"key": d.key, "period": d.period, "due": d.due.isoformat(), "label": d.label}
        for d in items
    ]
    print_result(args, human, data)
    return 0


def cmd_reminders(args: argparse.Namespace, settings: Settings) -> int:
    """Create deadline reminders and e-mail them when SMTP is configured."""
    from woms_pwa.cli import BadInput
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.planning.reminders import send_reminders

    try:
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    except ValueError:
        raise BadInput(BAD_DATE.format(value=args.today)) from None
    _ensure(settings)
    with session_scope(settings.db_url) as session:
        summary = send_reminders(session, today=today, smtp_url=settings.smtp_url)
    data = {"accounts": summary.accounts, "notified": summary.notified, "emailed": summary.emailed}
    print_result(args, REMINDERS_DONE.format(**data), data)
    return 0


def cmd_deadline_set(args: argparse.Namespace, settings: Settings) -> int:
    """Move one deadline of the province's cycle."""
    from woms_pwa.cli import BadInput
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.permissions import Actor
    from woms_pwa.core.planning.calendar import set_rule

    _ensure(settings)
    try:
        with session_scope(settings.db_url) as session:
            set_rule(session, Actor.system("cli"), args.key, day=args.day, month=args.month)
    except ValueError as exc:
        raise BadInput(str(exc)) from exc
    month = f"/{args.month}" if args.month else " của kỳ"
    data = {"key": args.key, "day": args.day, "month": args.month}
    print_result(args, DEADLINE_SET.format(key=args.key, day=args.day, month=month), data)
    return 0


def _share(text: str) -> tuple[str, float, str | None]:
    from analytics.vntext import parse_number
    from woms_pwa.cli import BadInput

    owner, _, rest = text.partition("=")
    value_text, _, period = rest.partition("@")
    value = parse_number(value_text)
    if not owner or value is None:
        raise BadInput(BAD_SHARE.format(value=text))
    return owner.strip(), value, period.strip() or None


def cmd_cascade(args: argparse.Namespace, settings: Settings) -> int:
    """Allocate a key result's target to child units, people or shorter periods."""
    from woms_pwa.cli import BadInput
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.permissions import Actor
    from woms_pwa.core.planning.cascading import CascadeTarget, cascade_key_result
    from woms_pwa.core.planning.common import PlanningError

    targets = [CascadeTarget(*_share(text)) for text in args.to]
    _ensure(settings)
    try:
        with session_scope(settings.db_url) as session:
            status = cascade_key_result(
                session, Actor.system("cli"), args.kr, targets, mode=args.mode
            )
    except PlanningError as exc:
        raise BadInput(str(exc)) from exc
    data = {
        "kr_code": status.kr_code,
        "children": [c.__dict__ for c in status.children],
        "checks": {
            k: {
                "ok": c.ok,
                "allocated": c.allocated,
                "remainder": c.remainder,
                "problems": [m for _, m in c.problems],
            }
            for k, c in status.checks.items()
        },
    }
    lines = [CASCADE_DONE.format(kr=args.kr, count=len(targets))]
    lines += [m for c in status.checks.values() for _, m in c.problems]
    print_result(args, "\n".join(lines), data)
    return 0


def register(sub: Any) -> None:
    """Add ``woms plan …`` and ``woms reminders send``."""
    plan = sub.add_parser("plan", help="lập, kiểm tra và xuất kế hoạch")
    plan_sub = plan.add_subparsers(dest="plan_command", required=True)
    check = add_command(plan_sub, "precheck", cmd_precheck, "tiền kiểm kế hoạch chờ phê duyệt")
    check.add_argument("--period", default=None, help="kỳ kế hoạch, ví dụ 2026")
    roll = add_command(plan_sub, "rollover", cmd_rollover, "tạo kế hoạch năm sau từ năm nay")
    roll.add_argument("--from", dest="source", required=True, help="kỳ nguồn, ví dụ 2025")
    roll.add_argument("--to", required=True, help="kỳ mới, ví dụ 2026")
    roll.add_argument("--owner", required=True, help="mã đơn vị hoặc cán bộ")
    export = add_command(plan_sub, "export", cmd_export, "xuất đề cương PDF hoặc Excel")
    export.add_argument("--owner", required=True)
    export.add_argument("--period", required=True)
    export.add_argument("--pdf", default=None, help="tệp PDF đề cương")
    export.add_argument("--xlsx", default=None, help="tệp Excel theo định dạng trao đổi")
    dates = add_command(plan_sub, "deadlines", cmd_deadlines, "lịch hạn của một năm kế hoạch")
    dates.add_argument("--year", type=int, required=True)
    moved = add_command(plan_sub, "deadline-set", cmd_deadline_set, "đổi một hạn của tỉnh")
    moved.add_argument("--key", required=True, help="annual_plan, annual_approval, …")
    moved.add_argument("--day", type=int, required=True)
    moved.add_argument("--month", type=int, default=None)
    cascade = add_command(plan_sub, "cascade", cmd_cascade, "giao chỉ tiêu xuống cấp dưới")
    cascade.add_argument("--kr", required=True, help="mã mục tiêu then chốt cấp trên")
    cascade.add_argument("--to", nargs="+", required=True, help="MÃ=SỐ hoặc MÃ=SỐ@KỲ")
    cascade.add_argument("--mode", choices=("mandatory", "suggested"), default="mandatory")
    reminders = sub.add_parser("reminders", help="nhắc hạn kế hoạch, tiến độ")
    rem_sub = reminders.add_subparsers(dest="reminders_command", required=True)
    send = add_command(rem_sub, "send", cmd_reminders, "tạo nhắc hạn và gửi thư (nếu có SMTP)")
    send.add_argument("--today", default=None, help="ngày tính hạn (YYYY-MM-DD)")
