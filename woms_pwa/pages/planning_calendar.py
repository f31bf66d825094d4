"""The calendar of deadlines: what is due for my unit and me, what is overdue."""

from __future__ import annotations

import datetime as dt

import reflex as rx
from reflex.event import EventSpec

from analytics.vntext import format_date_vi
from woms_pwa.components.layout import loading_block, page
from woms_pwa.components.nav import NavItem
from woms_pwa.context import db
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.planning.calendar import upcoming_for
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

CALENDAR_ROUTE = "/lich"
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
    loaded: bool = False

    @rx.event
    def load(self) -> EventSpec | None:
        """Compute the signed-in user's deadlines around today."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        with db() as session:
            found = upcoming_for(session, actor, today=dt.date.today(), horizon_days=60)
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
                spacing="2",
                width="100%",
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(CALENDAR_ROUTE, calendar_page, msg.CALENDAR_TITLE, CalendarState.load)]
NAV = [NavItem(msg.NAV_CALENDAR, CALENDAR_ROUTE, "calendar-days", order=17)]
