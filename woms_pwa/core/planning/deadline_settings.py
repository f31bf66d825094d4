"""The province's deadline settings as a form: read for display, parse and save.

The page ``/lich/cau-hinh`` shows one row per deadline of the cycle (name,
day and, for the annual deadlines, month) and saves through
``calendar.set_rules``, the same write path as ``woms plan deadline-set``:
permission, validation and the audit entry live there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlmodel import Session

from woms_pwa.core.messages import planning as msg
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.planning.calendar import (
    DEFAULT_RULES,
    DeadlineRuleError,
    RuleChange,
    can_configure,
    compute_deadlines,
    configured_province,
    has_fixed_month,
    rules_for,
    set_rules,
)


@dataclass(frozen=True)
class DeadlineSetting:
    """One deadline of the cycle as the settings page shows it."""

    key: str
    name: str
    hint: str
    fixed_month: bool
    day: int
    month: int | None
    is_default: bool
    next_due: dt.date | None
    next_label: str


@dataclass(frozen=True)
class DeadlineSettings:
    """The deadlines in force for the actor's province."""

    province: str
    can_edit: bool
    rows: list[DeadlineSetting]


def day_field(key: str) -> str:
    """Form field name of a deadline's day."""
    return f"{key}-day"


def month_field(key: str) -> str:
    """Form field name of a deadline's month (annual deadlines only)."""
    return f"{key}-month"


def deadline_settings(session: Session, actor: Actor, *, today: dt.date) -> DeadlineSettings:
    """The province's deadlines with their next date after ``today`` (anyone may read).

    Args:
        session: an open session.
        actor: the signed-in user.
        today: the day the "next date" is counted from.
    """
    province = configured_province(session, actor)
    rules = rules_for(session, province.id if province else None)
    upcoming = [
        d for y in (today.year, today.year + 1, today.year + 2) for d in compute_deadlines(y, rules)
    ]
    rows = []
    for key, (month, day) in rules.items():
        nxt = next((d for d in upcoming if d.key == key and d.due >= today), None)
        rows.append(
            DeadlineSetting(
                key=key,
                name=msg.DEADLINE_RULE_NAMES[key],
                hint=msg.DEADLINE_RULE_HINTS[key],
                fixed_month=has_fixed_month(key),
                day=day,
                month=month,
                is_default=(month, day) == DEFAULT_RULES[key],
                next_due=nxt.due if nxt else None,
                next_label=nxt.label if nxt else "",
            )
        )
    return DeadlineSettings(province.name if province else "", can_configure(actor), rows)


def _integer(text: str | None) -> int | None:
    value = (text or "").strip()
    return int(value) if value.isdigit() else None


def parse_form(form: Mapping[str, str]) -> dict[str, tuple[int | None, int]]:
    """Read the page's fields into ``key → (month or None, day)``.

    Only keys whose day field is present are read, so a form may carry a
    subset of the deadlines.

    Raises:
        DeadlineRuleError: a day or month that is not a whole number, per key.
    """
    out: dict[str, tuple[int | None, int]] = {}
    errors: dict[str, str] = {}
    for key in DEFAULT_RULES:
        if day_field(key) not in form:
            continue
        name = msg.DEADLINE_RULE_NAMES[key]
        raw_day = form.get(day_field(key), "")
        day = _integer(raw_day)
        month: int | None = None
        if day is None:
            errors[key] = msg.DEADLINE_DAY_NOT_NUMBER.format(name=name, value=raw_day.strip())
            continue
        if has_fixed_month(key):
            raw_month = form.get(month_field(key), "")
            month = _integer(raw_month)
            if month is None:
                errors[key] = msg.DEADLINE_MONTH_NOT_NUMBER.format(
                    name=name, value=raw_month.strip()
                )
                continue
        out[key] = (month, day)
    if errors:
        raise DeadlineRuleError(errors)
    return out


def save_form(session: Session, actor: Actor, form: Mapping[str, str]) -> list[RuleChange]:
    """Validate and store the page's form through ``calendar.set_rules`` (all or none).

    Raises:
        PermissionDenied: not a province leader nor an administrator.
        DeadlineRuleError: a field that is not a number or an impossible rule.
    """
    if not can_configure(actor):  # before parsing: say "not allowed", not "bad day"
        raise PermissionDenied(msg.DEADLINE_RULE_FORBIDDEN)
    return set_rules(session, actor, parse_form(form))
