"""Notifications page: reminders, warnings, approvals and comments for the signed-in user."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from analytics.vntext import format_date_vi, to_vn_time
from woms_pwa.components.layout import loading_block, page
from woms_pwa.context import db
from woms_pwa.core import messages as msg
from woms_pwa.core.notifications.service import list_for, mark_read
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

NOTIFICATIONS_ROUTE = "/thong-bao"


class NotificationsState(AuthState):
    """The user's newest notifications."""

    items: list[dict[str, str]] = []
    loaded: bool = False

    def _fill(self) -> EventSpec | None:
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        with db() as session:
            rows = list_for(session, actor, limit=100)
            self.items = [
                {
                    "id": str(n.id),
                    "title": n.title,
                    "body": n.body,
                    "link": n.link,
                    "date": format_date_vi(to_vn_time(n.created_at).date()),
                    "unread": "1" if n.read_at is None else "0",
                }
                for n in rows
            ]
        self.loaded = True
        return None

    @rx.event
    def load(self) -> EventSpec | None:
        """Fetch the notifications (or send the user to sign in)."""
        return self._fill()

    @rx.event
    def mark_all_read(self) -> EventSpec | None:
        """Mark every notification of the user as read."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        with db() as session:
            mark_read(session, actor)
        return self._fill()


def _item(row: rx.Var[dict[str, str]]) -> rx.Component:
    unread = row["unread"] == "1"
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.cond(
                    unread, rx.badge(msg.NOTIFICATIONS_UNREAD, color_scheme="amber", variant="soft")
                ),
                rx.text(row["date"], size="1", color_scheme="gray"),
                spacing="2",
                align="center",
            ),
            rx.text(row["title"], weight=rx.cond(unread, "bold", "regular"), size="3"),
            rx.cond(row["body"] != "", rx.text(row["body"], size="2")),
            rx.cond(row["link"] != "", rx.link(msg.NOTIFICATIONS_OPEN, href=row["link"], size="2")),
            spacing="1",
            width="100%",
        ),
        width="100%",
        class_name="notification-item",
    )


def notifications_page() -> rx.Component:
    """The notifications page."""
    return page(
        rx.heading(msg.NOTIFICATIONS, size="5", as_="h1"),
        rx.cond(
            NotificationsState.loaded,
            rx.vstack(
                rx.cond(
                    NotificationsState.unread > 0,
                    rx.button(
                        msg.NOTIFICATIONS_MARK_READ,
                        on_click=NotificationsState.mark_all_read,
                        size="3",
                        min_height="44px",
                        id="mark-read",
                    ),
                ),
                rx.cond(
                    NotificationsState.items.length() == 0,
                    rx.text(msg.NOTIFICATIONS_NONE, color_scheme="gray"),
                ),
                rx.foreach(NotificationsState.items, _item),
                spacing="2",
                width="100%",
            ),
            loading_block(),
        ),
    )


PAGES = [
    PageSpec(NOTIFICATIONS_ROUTE, notifications_page, msg.NOTIFICATIONS, NotificationsState.load)
]
