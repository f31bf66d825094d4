"""``/bieu-mau``: the published forms a user can fill, and what they sent recently."""

from __future__ import annotations

from urllib.parse import urlencode

import reflex as rx
from reflex.event import EventSpec

from analytics.vntext import format_date_vi, to_vn_time
from woms_pwa.components.layout import loading_block, page
from woms_pwa.components.nav import NavItem
from woms_pwa.context import db
from woms_pwa.core.forms.catalogue import list_forms
from woms_pwa.core.forms.submissions import list_submissions
from woms_pwa.core.messages import forms as msg
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

LIST_ROUTE = "/bieu-mau"


class FormListState(AuthState):
    """Forms to fill and the user's recent submissions."""

    forms: list[dict[str, str]] = []
    sent: list[dict[str, str]] = []
    loaded: bool = False

    @rx.event
    def load(self) -> EventSpec | None:
        """Fetch the published forms (key-result forms are opened from plans)."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        with db() as session:
            forms = list_forms(session)
            sent = list_submissions(session, actor, limit=20)
        titles = {f.code: f.title for f in forms}
        self.forms = [
            {
                "code": f.code,
                "title": f.title,
                "description": f.description,
                "href": "/bieu-mau/dien?" + urlencode({"form": f.code}),
            }
            for f in forms
            if f.context != "kr"
        ]
        self.sent = [
            {
                "key": str(s.id),
                "title": titles.get(s.form_code, s.form_code),
                "meta": f"{format_date_vi(to_vn_time(s.created_at).date())} · {msg.VERSION.format(version=s.version)}",
            }
            for s in sent
        ]
        self.loaded = True
        return None


def _form_link(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.link(
        rx.card(
            rx.hstack(
                rx.icon("clipboard-list", size=22, aria_hidden="true"),
                rx.vstack(
                    rx.text(row["title"], weight="bold", size="3"),
                    rx.text(row["description"], size="2", color_scheme="gray"),
                    spacing="1",
                ),
                rx.spacer(),
                rx.icon("chevron-right", size=20, aria_hidden="true"),
                align="center",
                spacing="3",
            ),
            width="100%",
            min_height="56px",
        ),
        href=row["href"],
        underline="none",
        color="inherit",
        width="100%",
        class_name="form-link",
        id="form-" + row["code"],
    )


def list_page() -> rx.Component:
    """The form list page."""
    return page(
        rx.heading(msg.FORMS_TITLE, size="5", as_="h1"),
        rx.text(msg.FORMS_INTRO, size="2", color_scheme="gray"),
        rx.cond(
            FormListState.loaded,
            rx.vstack(
                rx.cond(FormListState.forms.length() == 0, rx.text(msg.FORMS_NONE)),
                rx.foreach(FormListState.forms, _form_link),
                rx.cond(
                    FormListState.sent.length() > 0,
                    rx.vstack(
                        rx.heading(msg.MY_SUBMISSIONS, size="4", as_="h2"),
                        rx.foreach(
                            FormListState.sent,
                            lambda s: rx.hstack(
                                rx.text(s["title"], size="2", weight="medium"),
                                rx.spacer(),
                                rx.text(s["meta"], size="1", color_scheme="gray"),
                                width="100%",
                                class_name="sent-item",
                            ),
                        ),
                        width="100%",
                    ),
                ),
                spacing="3",
                width="100%",
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(LIST_ROUTE, list_page, msg.FORMS_TITLE, FormListState.load)]
NAV = [NavItem(msg.FORMS_NAV, LIST_ROUTE, "clipboard-list", order=30)]
