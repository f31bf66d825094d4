"""The yearly planning cycle's deadlines, configurable per province.

Defaults follow the proposal: the annual plan by 30/11 and its approval by
25/12 of the year before; monthly plans by the 5th of the month; quarterly
plans by the 10th of the quarter's first month; monthly progress by the 3rd of
the following month. A province may move any of them (``DeadlineRule``).
"""

from __future__ import annotations

import calendar as cal
import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from woms_pwa.core.messages import planning as msg
from woms_pwa.core.models import KeyResult, Period, Plan, Task, Unit
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.planning.models import DeadlineRule
from woms_pwa.core.services.audit import AuditRecord, append
from woms_pwa.core.vocab import PlanStatus, Role

# key → (month or None for "of the period", day)
DEFAULT_RULES: dict[str, tuple[int | None, int]] = {
    "annual_plan": (11, 30),
    "annual_approval": (12, 25),
    "quarter_plan": (None, 10),
    "month_plan": (None, 5),
    "progress_entry": (None, 3),
}


@dataclass(frozen=True)
class Deadline:
    """One dated obligation of the cycle."""

    key: str
    period: str
    due: dt.date
    label: str


def _clamp(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, cal.monthrange(year, month)[1]))


def compute_deadlines(
    year: int, rules: dict[str, tuple[int | None, int]] | None = None
) -> list[Deadline]:
    """Every deadline of plan year ``year``, in date order.

    Args:
        year: the plan year (its annual plan is due in the previous year).
        rules: overrides of ``DEFAULT_RULES``.
    """
    r = {**DEFAULT_RULES, **(rules or {})}
    out = []
    for key in ("annual_plan", "annual_approval"):
        month, day = r[key]
        out.append(
            Deadline(
                key,
                str(year),
                _clamp(year - 1, month or 12, day),
                msg.DEADLINE_LABELS[key].format(year=year),
            )
        )
    for quarter in range(1, 5):
        due = _clamp(year, 3 * quarter - 2, r["quarter_plan"][1])
        out.append(
            Deadline(
                "quarter_plan",
                f"{year}-Q{quarter}",
                due,
                msg.DEADLINE_LABELS["quarter_plan"].format(quarter=quarter, year=year),
            )
        )
    for month in range(1, 13):
        out.append(
            Deadline(
                "month_plan",
                f"{year}-{month:02d}",
                _clamp(year, month, r["month_plan"][1]),
                msg.DEADLINE_LABELS["month_plan"].format(month=month, year=year),
            )
        )
        nyear, nmonth = (year + 1, 1) if month == 12 else (year, month + 1)
        out.append(
            Deadline(
                "progress_entry",
                f"{year}-{month:02d}",
                _clamp(nyear, nmonth, r["progress_entry"][1]),
                msg.DEADLINE_LABELS["progress_entry"].format(month=month, year=year),
            )
        )
    return sorted(out, key=lambda d: (d.due, d.key))


def province_of(session: Session, unit_id: int | None) -> Unit | None:
    """The root (province) of a unit's tree."""
    unit = session.get(Unit, unit_id) if unit_id else None
    while unit is not None and unit.parent_id is not None:
        unit = session.get(Unit, unit.parent_id)
    return unit


def rules_for(session: Session, unit_id: int | None) -> dict[str, tuple[int | None, int]]:
    """The deadline rules in force for a unit's province."""
    province = province_of(session, unit_id)
    rules = dict(DEFAULT_RULES)
    if province is None:
        return rules
    for row in session.execute(
        select(DeadlineRule).where(DeadlineRule.province_unit_id == province.id)
    ).scalars():
        rules[row.key] = (row.month, row.day)
    return rules


class DeadlineRuleError(ValueError):
    """Refused deadline settings: one Vietnamese message per deadline key.

    Attributes:
        errors: deadline key (or ``""`` for the whole set) → message.
    """

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(" ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class RuleChange:
    """One deadline moved: ``(month or None, day)`` before and after."""

    key: str
    old: tuple[int | None, int]
    new: tuple[int | None, int]


def has_fixed_month(key: str) -> bool:
    """Whether a deadline has its own month (annual ones) or falls in each period."""
    return DEFAULT_RULES.get(key, (None, 0))[0] is not None


def rule_text(key: str, rule: tuple[int | None, int]) -> str:
    """A rule as people read it: ``30/11`` or ``ngày 3``."""
    month, day = rule
    if has_fixed_month(key) and month:
        return msg.DEADLINE_VALUE_FIXED.format(day=day, month=month)
    return msg.DEADLINE_VALUE_PERIOD.format(day=day)


def rule_error(key: str, day: int, month: int | None) -> str | None:
    """Why one rule is impossible (Vietnamese), or ``None`` when it is valid.

    A fixed date must exist in every year, so 29/02 is refused; a day of the
    period (month, quarter) may be up to 31 and falls on the last day of
    shorter months.
    """
    if key not in DEFAULT_RULES:
        return msg.DEADLINE_RULE_UNKNOWN.format(key=key, keys=", ".join(DEFAULT_RULES))
    name = msg.DEADLINE_RULE_NAMES[key]
    if has_fixed_month(key):
        if month is None:
            return msg.DEADLINE_MONTH_REQUIRED.format(name=name)
        if not 1 <= month <= 12:
            return msg.DEADLINE_MONTH_RANGE.format(name=name, month=month)
    if not 1 <= day <= 31:
        return msg.DEADLINE_DAY_RANGE.format(name=name, day=day)
    if has_fixed_month(key) and month is not None:
        if (month, day) == (2, 29):
            return msg.DEADLINE_FEB_29.format(name=name)
        days = cal.monthrange(2001, month)[1]  # a common year: the date must exist every year
        if day > days:
            return msg.DEADLINE_DAY_NOT_IN_MONTH.format(name=name, month=month, days=days, day=day)
    return None


def order_error(rules: dict[str, tuple[int | None, int]]) -> str | None:
    """The annual plan must be due before its approval (both in the year before)."""
    plan, approval = rules["annual_plan"], rules["annual_approval"]
    if (approval[0] or 12, approval[1]) <= (plan[0] or 12, plan[1]):
        return msg.DEADLINE_APPROVAL_ORDER.format(
            approval=rule_text("annual_approval", approval), plan=rule_text("annual_plan", plan)
        )
    return None


def configured_province(session: Session, actor: Actor) -> Unit | None:
    """The province whose deadlines the actor reads and sets.

    The actor's own province; for an account without a unit (the system
    administrator, the command line) the first root unit.
    """
    return province_of(session, actor.unit_id) or (
        session.execute(select(Unit).where(col(Unit.parent_id).is_(None)).order_by(col(Unit.id)))
        .scalars()
        .first()
    )


def can_configure(actor: Actor) -> bool:
    """Whether the actor may move the province's deadlines (province leaders, admins)."""
    return actor.role in (Role.PROVINCE, Role.ADMIN)


def set_rules(
    session: Session, actor: Actor, changes: dict[str, tuple[int | None, int]]
) -> list[RuleChange]:
    """Move deadlines of the actor's province, all or none, each change audited.

    The one write path of deadline settings: the ``woms plan deadline-set``
    command and the ``/lich/cau-hinh`` page both come here.

    Args:
        session: the open session (the caller commits).
        actor: the user making the change.
        changes: deadline key → ``(month or None, day)``; the month is ignored
            for deadlines of the period (month, quarter).

    Returns:
        The rules that actually changed (unchanged ones write nothing).

    Raises:
        PermissionDenied: not a province leader nor an administrator.
        DeadlineRuleError: an impossible rule (29/02, 31/11, month 13…) or an
            approval due before the plan; nothing is stored.
    """
    if not can_configure(actor):
        raise PermissionDenied(msg.DEADLINE_RULE_FORBIDDEN)
    wanted: dict[str, tuple[int | None, int]] = {}
    errors: dict[str, str] = {}
    for key, (month, day) in changes.items():
        problem = rule_error(key, day, month)
        if problem:
            errors[key] = problem
        else:
            wanted[key] = (month if has_fixed_month(key) else None, day)
    if errors:
        raise DeadlineRuleError(errors)
    province = configured_province(session, actor)
    if province is None or province.id is None:
        raise DeadlineRuleError({"": msg.DEADLINE_NO_PROVINCE})
    current = rules_for(session, province.id)
    problem = order_error({**current, **wanted})
    if problem:
        raise DeadlineRuleError({"annual_approval": problem})
    moved = [RuleChange(k, current[k], v) for k, v in wanted.items() if current[k] != v]
    records = []
    for change in moved:
        row = session.execute(
            select(DeadlineRule).where(
                DeadlineRule.province_unit_id == province.id, DeadlineRule.key == change.key
            )
        ).scalar_one_or_none() or DeadlineRule(
            province_unit_id=province.id, key=change.key, day=change.new[1]
        )
        row.month, row.day = change.new
        session.add(row)
        session.flush()
        records.append(
            AuditRecord(
                actor=actor.username,
                actor_user_id=actor.user_id,
                action="update",
                entity="deadline_rule",
                entity_id=row.id,
                entity_code=f"{province.code}:{change.key}",
                field="due",
                old_value=rule_text(change.key, change.old),
                new_value=rule_text(change.key, change.new),
            )
        )
    if records:
        append(session, records)
    return moved


def set_rule(
    session: Session, actor: Actor, key: str, *, day: int, month: int | None = None
) -> list[RuleChange]:
    """Move one deadline for the actor's province (see :func:`set_rules`).

    Raises:
        PermissionDenied: other roles.
        DeadlineRuleError: unknown key or impossible date (a ``ValueError``).
    """
    return set_rules(session, actor, {key: (month, day)})


@dataclass(frozen=True)
class DeadlineItem:
    """A deadline as one user sees it: for which plan, and whether it is met."""

    key: str
    label: str
    period: str
    due: dt.date
    owner_code: str
    owner_name: str
    status: str  # done | overdue | due_soon | upcoming
    days_left: int


def _plan(session: Session, owner_key: str, period: str) -> Plan | None:
    return session.execute(
        select(Plan)
        .join(Period, col(Period.id) == col(Plan.period_id))
        .where(Plan.owner_key == owner_key, Period.code == period)
    ).scalar_one_or_none()


def _done(session: Session, item: Deadline, owner_key: str) -> bool:
    if item.key in ("annual_plan", "quarter_plan", "month_plan"):
        plan = _plan(session, owner_key, item.period)
        return (
            plan is not None
            and plan.status != PlanStatus.DRAFT.value
            and plan.submitted_at is not None
        )
    if item.key == "annual_approval":
        plan = _plan(session, owner_key, item.period)
        return plan is not None and plan.status == PlanStatus.APPROVED.value
    plan = _plan(session, owner_key, item.period[:4])
    if plan is None:
        return False
    month_start = dt.date.fromisoformat(item.period + "-01")
    stale = session.execute(
        select(KeyResult.id)
        .join(Task, col(Task.id) == col(KeyResult.task_id))
        .where(Task.plan_id == plan.id, KeyResult.status == "active")
        .where(
            (col(KeyResult.current_as_of).is_(None)) | (col(KeyResult.current_as_of) < month_start)
        )
    ).first()
    return stale is None


def upcoming_for(
    session: Session,
    actor: Actor,
    *,
    today: dt.date,
    horizon_days: int = 45,
    past_days: int = 60,
) -> list[DeadlineItem]:
    """The actor's deadlines around ``today``: their unit's plan and their own plan.

    Overdue items (not done, due within the last ``past_days``) come first,
    then the ones due within ``horizon_days``.
    """
    from woms_pwa.core.models import Person

    owners: list[tuple[str, str, str]] = []
    if actor.unit_id is not None:
        unit = session.get(Unit, actor.unit_id)
        if unit is not None:
            owners.append((f"U{unit.id}", unit.code, unit.name))
    if actor.person_id is not None:
        person = session.get(Person, actor.person_id)
        if person is not None:
            owners.append((f"P{person.id}", person.code, person.full_name))
    rules = rules_for(session, actor.unit_id)
    deadlines = [d for y in (today.year, today.year + 1) for d in compute_deadlines(y, rules)]
    window = [d for d in deadlines if -past_days <= (d.due - today).days <= horizon_days]
    out = []
    for owner_key, code, name in owners:
        for d in window:
            if owner_key.startswith("P") and d.key != "annual_plan":
                continue  # personal plans: only the annual plan is tracked
            days = (d.due - today).days
            if _done(session, d, owner_key):
                status = "done"
            elif days < 0:
                status = "overdue"
            else:
                status = "due_soon" if days <= 7 else "upcoming"
            out.append(DeadlineItem(d.key, d.label, d.period, d.due, code, name, status, days))
    order = {"overdue": 0, "due_soon": 1, "upcoming": 2, "done": 3}
    return sorted(out, key=lambda i: (order[i.status], i.due, i.owner_code))
