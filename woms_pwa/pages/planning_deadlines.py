"""``/lich/cau-hinh``: province leaders and administrators move the cycle's deadlines.

One row per deadline (name, day and, for the annual ones, month). Saving goes
through ``core.planning.deadline_settings.save_form`` → ``calendar.set_rules``
(permission, validation, audit): the same path as ``woms plan deadline-set``.
A refused form keeps what was typed and names the deadline at fault.
"""

from __future__ import annotations

import datetime as dt

import reflex as rx
from reflex.event import EventSpec

from analytics.vntext import format_date_vi
from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.components.settings_form import settings_form
from woms_pwa.context import db
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.permissions import PermissionDenied
from woms_pwa.core.planning.calendar import DEFAULT_RULES, DeadlineRuleError, has_fixed_month
from woms_pwa.core.planning.deadline_settings import (
    day_field,
    deadline_settings,
    month_field,
    save_form,
)
from woms_pwa.pages.planning_calendar import CALENDAR_ROUTE, DEADLINE_CONFIG_ROUTE
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState


class DeadlineConfigState(AuthState):
    """The province's deadline rules as text fields, with per-deadline errors."""

    values: dict[str, str] = {}
    badges: dict[str, str] = {}
    nexts: dict[str, str] = {}
    errors: dict[str, str] = {}
    hint: str = ""
    error: str = ""
    saved: str = ""
    can_edit: bool = False
    loaded: bool = False
    revision: int = 0

    def _read(self) -> None:
        actor = self._actor()
        if actor is None:
            return
        with db() as session:
            settings = deadline_settings(session, actor, today=dt.date.today())
        values, badges, nexts = {}, {}, {}
        for row in settings.rows:
            values[day_field(row.key)] = str(row.day)
            if row.fixed_month:
                values[month_field(row.key)] = str(row.month or "")
            badges[row.key] = (
                msg.DEADLINE_DEFAULT_BADGE if row.is_default else msg.DEADLINE_CHANGED_BADGE
            )
            nexts[row.key] = (
                msg.DEADLINE_NEXT.format(date=format_date_vi(row.next_due), label=row.next_label)
                if row.next_due
                else ""
            )
        self.values, self.badges, self.nexts = values, badges, nexts
        self.hint = msg.DEADLINE_CONFIG_HINT.format(province=settings.province)
        self.can_edit = settings.can_edit
        self.revision += 1  # re-mount the inputs with the stored values

    @rx.event
    def load(self) -> EventSpec | None:
        """Read the rules in force; other roles get the "not allowed" message."""
        if self._actor() is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.loaded, self.error, self.saved, self.errors = False, "", "", {}
        self._read()
        if not self.can_edit:
            self.error = msg.DEADLINE_RULE_FORBIDDEN
        self.loaded = True
        return None

    @rx.event
    def save(self, form: dict[str, str]) -> EventSpec | None:
        """Store the rules (all or none); on error keep the typed values and say why."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        try:
            with db() as session:
                changes = save_form(session, actor, form)
        except PermissionDenied as exc:
            self.error, self.saved, self.errors = str(exc), "", {}
            return None
        except DeadlineRuleError as exc:
            self.errors = {k: v for k, v in exc.errors.items() if k}
            self.error, self.saved = exc.errors.get("", ""), ""
            return None
        self.errors, self.error = {}, ""
        self._read()
        self.saved = (
            msg.DEADLINE_CONFIG_SAVED.format(count=len(changes))
            if changes
            else msg.DEADLINE_CONFIG_UNCHANGED
        )
        return None


def _number_input(name: str, label: str, key: str) -> rx.Component:
    s = DeadlineConfigState
    return rx.vstack(
        rx.el.label(label, html_for=name, class_name="field-label"),
        rx.input(
            id=name,
            name=name,
            input_mode="numeric",
            max_length=2,
            size="3",
            width="5em",
            default_value=s.values[name],
            key=name + s.revision.to_string(),
            aria_invalid=rx.cond(s.errors.contains(key), "true", "false"),
            aria_describedby=f"{key}-hint {key}-error",
        ),
        spacing="1",
    )


def _rule_row(key: str) -> rx.Component:
    s = DeadlineConfigState
    inputs = [_number_input(day_field(key), msg.DEADLINE_DAY_LABEL, key)]
    if has_fixed_month(key):
        inputs.append(_number_input(month_field(key), msg.DEADLINE_MONTH_LABEL, key))
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(msg.DEADLINE_RULE_NAMES[key], weight="bold"),
                rx.spacer(),
                rx.badge(s.badges[key], color_scheme="gray"),
                width="100%",
                align="center",
            ),
            rx.text(msg.DEADLINE_RULE_HINTS[key], size="2", color_scheme="gray", id=f"{key}-hint"),
            rx.hstack(*inputs, spacing="4"),
            rx.text(s.nexts[key], size="2", class_name="rule-next"),
            rx.text(
                s.errors[key],
                size="2",
                color_scheme="red",
                id=f"{key}-error",
                role="alert",
                display=rx.cond(s.errors.contains(key), "block", "none"),
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
        class_name="deadline-rule-editor",
        data_key=key,
    )


def deadline_config_page() -> rx.Component:
    """The deadline settings page."""
    s = DeadlineConfigState
    return page(
        rx.heading(msg.DEADLINE_CONFIG_TITLE, size="5", as_="h1"),
        rx.link(msg.DEADLINE_BACK, href=CALENDAR_ROUTE, size="2", id="back-to-calendar"),
        rx.cond(
            s.loaded,
            rx.vstack(
                error_callout(s.error),
                rx.cond(
                    s.saved != "",
                    rx.callout(
                        s.saved,
                        icon="circle-check",
                        color_scheme="grass",
                        role="status",
                        id="saved",
                    ),
                ),
                rx.cond(
                    s.can_edit,
                    settings_form(
                        s.hint,
                        [_rule_row(key) for key in DEFAULT_RULES],
                        save_label=msg.DEADLINE_CONFIG_SAVE,
                        save_id="save-deadlines",
                        on_submit=DeadlineConfigState.save,
                    ),
                ),
                spacing="3",
                width="100%",
            ),
            loading_block(),
        ),
    )


PAGES = [
    PageSpec(
        DEADLINE_CONFIG_ROUTE,
        deadline_config_page,
        msg.DEADLINE_CONFIG_TITLE,
        DeadlineConfigState.load,
    )
]
