"""``/tim-kiem?q=...``: one box over units, people, tasks, key results, notes and reports."""

from __future__ import annotations

from urllib.parse import urlencode

import reflex as rx
from reflex.event import EventSpec

from woms_pwa.components.layout import error_callout, page
from woms_pwa.components.nav import NavItem
from woms_pwa.context import db
from woms_pwa.core.messages import reports as rmsg
from woms_pwa.core.search import search
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

SEARCH_ROUTE = "/tim-kiem"


class SearchState(AuthState):
    """Query and hits."""

    query: str = ""
    hits: list[dict[str, str]] = []
    searched: bool = False
    error: str = ""

    def _run(self) -> None:
        actor = self._actor()
        if actor is None:
            return
        self.error = ""
        if len(self.query.strip()) < 2:
            self.hits, self.searched = [], False
            if self.query.strip():
                self.error = rmsg.SEARCH_TOO_SHORT
            return
        with db() as session:
            found = search(session, actor, self.query)
        self.hits = [
            {
                "kind": rmsg.SEARCH_KINDS.get(h.kind, h.kind),
                "code": h.code,
                "title": h.title,
                "context": h.context,
                "href": h.href or "#",
                "key": f"{h.kind}:{h.code}",
            }
            for h in found
        ]
        self.searched = True

    @rx.event
    def load(self) -> EventSpec | None:
        """Run the query from ``?q=`` when present."""
        if self._actor() is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.query = self.router.url.query_parameters.get("q", "")
        self._run()
        return None

    @rx.event
    def submit(self, form: dict[str, str]) -> EventSpec:
        """Search, keeping the query in the URL (shareable, back button works)."""
        self.query = form.get("q", "")
        self._run()
        return rx.call_script(
            f"window.history.replaceState(null, '', '{SEARCH_ROUTE}?' + {urlencode({'q': self.query})!r})"
        )


def _hit(hit: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.link(
        rx.card(
            rx.vstack(
                rx.hstack(
                    rx.badge(hit["kind"], variant="soft"),
                    rx.text(hit["code"], size="1", color_scheme="gray"),
                    spacing="2",
                ),
                rx.text(hit["title"], weight="medium", size="2"),
                rx.text(hit["context"], size="1", color_scheme="gray"),
                spacing="1",
            ),
            width="100%",
        ),
        href=hit["href"],
        underline="none",
        color="inherit",
        width="100%",
        class_name="search-hit",
    )


def search_page() -> rx.Component:
    """The search page."""
    return page(
        rx.heading(rmsg.SEARCH_TITLE, size="5", as_="h1"),
        rx.form(
            rx.vstack(
                rx.el.label(rmsg.SEARCH_LABEL, html_for="q", class_name="field-label"),
                rx.hstack(
                    rx.input(
                        id="q",
                        name="q",
                        default_value=SearchState.query,
                        type="search",
                        placeholder=rmsg.SEARCH_PLACEHOLDER,
                        size="3",
                        width="100%",
                    ),
                    rx.button(
                        rx.icon("search", size=18, aria_hidden="true"),
                        rmsg.SEARCH_BUTTON,
                        type="submit",
                        size="3",
                        min_height="44px",
                    ),
                    width="100%",
                ),
                width="100%",
            ),
            on_submit=SearchState.submit,
            role="search",
        ),
        error_callout(SearchState.error),
        rx.cond(SearchState.searched & (SearchState.hits.length() == 0), rx.text(rmsg.SEARCH_NONE)),
        rx.vstack(
            rx.foreach(SearchState.hits, _hit), width="100%", spacing="2", id="search-results"
        ),
    )


PAGES = [PageSpec(SEARCH_ROUTE, search_page, rmsg.SEARCH_TITLE, SearchState.load)]

NAV = [NavItem(rmsg.NAV_SEARCH, SEARCH_ROUTE, "search", order=40)]
