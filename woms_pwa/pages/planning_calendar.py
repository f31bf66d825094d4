"""The calendar of deadlines: what is due for my unit and me, what is overdue.

Below the list, the province's rules in force (one line per deadline of the
cycle); province leaders and administrators get a link to change them
(``/lich/cau-hinh``, see ``planning_deadlines``).
"""

from __future__ import annotations

import datetime as dt

import reflex as rx
from reflex.event import EventSpec

from analytics.vntext import format_date_vi
from woms_pwa.components.layout import loading_block, page
from woms_pwa.components.nav import NavItem
from woms_pwa.context import db
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.planning.calendar import rule_text, upcoming_for
from woms_pwa.core.planning.deadline_settings import deadline_settings
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

CALENDAR_ROUTE = "/lich"
DEADLINE_CONFIG_ROUTE = "/lich/cau-hinh"
_COLORS = {"overdue": "red", "due_soon": "amber", "upcoming": "blue", "done": "grass"}
_ICONS = {
    "overdue": "alarm-clock-off",
    "due_soon": "alarm-clock",
    "upcoming": "calendar",
    "done": "circle-check",
}


class CalendarState(AuthState):
    """Upcoming and overdue deadlines as display rows."""

    items: list[dict[str, str]] = []
    rules: list[dict[str, str]] = []
    rules_title: str = ""
    can_edit: bool = False
    loaded: bool = False

    @rx.event
    def load(self) -> EventSpec | None:
        """Compute the signed-in user's deadlines around today."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        today = dt.date.today()
        with db() as session:
            found = upcoming_for(session, actor, today=today, horizon_days=60)
            settings = deadline_settings(session, actor, today=today)
        self.rules = [
            {
                "key": r.key,
                "name": r.name,
                "value": rule_text(r.key, (r.month, r.day)),
                "next": (
                    msg.DEADLINE_NEXT.format(date=format_date_vi(r.next_due), label=r.next_label)
                    if r.next_due
                    else ""
                ),
            }
            for r in settings.rows
        ]
        self.rules_title = msg.DEADLINE_RULES_IN_FORCE.format(province=settings.province)
        self.can_edit = settings.can_edit
        self.items = [
            {
                "key": f"{i.key}-{i.period}-{i.owner_code}",
                "label": i.label,
                "owner": i.owner_name,
                "due": msg.DUE_ON.format(date=format_date_vi(i.due)),
                "left": (
                    msg.DAYS_LATE.format(days=-i.days_left)
                    if i.days_left < 0
                    else msg.DAYS_LEFT.format(days=i.days_left)
                ),
                "status": msg.DEADLINE_STATUS[i.status],
                "color": _COLORS[i.status],
                "icon": _ICONS[i.status],
            }
            for i in found
        ]
        self.loaded = True
        return None


def _item(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.match(
                row["icon"],
                *[(k, rx.icon(k, size=22, aria_hidden="true")) for k in _ICONS.values()],
                rx.icon("calendar", size=22, aria_hidden="true"),
            ),
            rx.vstack(
                rx.text(row["label"], weight="bold"),
                rx.text(row["owner"], size="2", color_scheme="gray"),
                rx.text(row["due"] + " · " + row["left"], size="2"),
                spacing="0",
            ),
            rx.spacer(),
            rx.badge(
                row["status"],
                color_scheme=rx.match(
                    row["color"], ("red", "red"), ("amber", "amber"), ("grass", "grass"), "blue"
                ),
            ),
            align="center",
            width="100%",
            spacing="3",
        ),
        width="100%",
        class_name="deadline-item",
    )


def _rule(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.text(row["name"], size="2", weight="medium"),
            rx.text(row["next"], size="1", color_scheme="gray"),
            spacing="0",
        ),
        rx.spacer(),
        rx.text(row["value"], size="2", weight="bold", class_name="rule-value"),
        width="100%",
        align="center",
        padding_y="0.4em",
        border_bottom="1px solid var(--gray-5)",
        class_name="deadline-rule",
        data_key=row["key"],
    )


def _rules() -> rx.Component:
    s = CalendarState
    return rx.card(
        rx.vstack(
            rx.heading(s.rules_title, size="4", as_="h2"),
            rx.foreach(s.rules, _rule),
            rx.cond(
                s.can_edit,
                rx.link(
                    rx.hstack(
                        rx.icon("settings", size=18, aria_hidden="true"),
                        rx.text(msg.DEADLINE_CONFIG_LINK),
                        align="center",
                        spacing="2",
                    ),
                    href=DEADLINE_CONFIG_ROUTE,
                    id="deadline-config-link",
                    min_height="44px",
                    display="flex",
                    align_items="center",
                ),
            ),
            spacing="1",
            width="100%",
        ),
        width="100%",
        id="deadline-rules",
    )


def calendar_page() -> rx.Component:
    """The calendar page."""
    s = CalendarState
    return page(
        rx.heading(msg.CALENDAR_TITLE, size="6", as_="h1"),
        rx.cond(
            s.loaded,
            rx.vstack(
                rx.cond(s.items.length() == 0, rx.text(msg.CALENDAR_EMPTY, color_scheme="gray")),
                rx.foreach(s.items, _item),
                _rules(),
                spacing="2",
                width="100%",
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(CALENDAR_ROUTE, calendar_page, msg.CALENDAR_TITLE, CalendarState.load)]
NAV = [NavItem(msg.NAV_CALENDAR, CALENDAR_ROUTE, "calendar-days", order=17)]
