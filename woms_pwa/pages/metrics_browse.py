"""Thư viện chỉ số: everyone searches the shared dictionary while planning."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.components.nav import NavItem
from woms_pwa.context import db
from woms_pwa.core.messages import metrics as mmsg
from woms_pwa.core.metrics.curation import EntryView, search_entries
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

BROWSE_ROUTE = "/thu-vien-chi-so"
MAX_ROWS = 60  # a phone list stays readable; narrowing the search shows the rest


def entry_row(view: EntryView) -> dict[str, str]:
    """Display strings of one entry (shared with the admin page)."""
    e = view.entry
    return {
        "code": e.code,
        "anchor": "m-" + e.code.replace(".", "-").lower(),
        "name": e.name,
        "unit": e.unit,
        "direction": mmsg.DIRECTION_LABELS.get(e.direction, e.direction),
        "perspective": mmsg.PERSPECTIVE_LABELS.get(e.perspective, e.perspective),
        "area": e.area.replace("/", " › "),
        "definition": e.definition,
        "formula": e.formula,
        "evidence": e.evidence,
        "data_source": mmsg.DATA_SOURCE_LABELS.get(e.data_source, e.data_source),
        "reference": e.reference,
        "synonyms": e.synonyms,
        "proxy": "1" if e.is_proxy else "",
        "retired": "1" if e.status == "retired" else "",
        "status": mmsg.STATUS_LABELS.get(e.status, e.status),
        "source": mmsg.SOURCE_LABELS.get(e.source, e.source),
        "usage": mmsg.USAGE.format(count=view.usage),
        "merged": mmsg.MERGED_INTO.format(code=view.merged_target) if view.merged_target else "",
    }


class MetricsBrowseState(AuthState):
    """Search box and matching entries."""

    query: str = ""
    rows: list[dict[str, str]] = []
    count_text: str = ""
    error: str = ""
    loaded: bool = False

    def _fill(self) -> None:
        with db() as session:
            views = search_entries(session, self.query)
        self.rows = [entry_row(v) for v in views[:MAX_ROWS]]
        shown = len(self.rows)
        self.count_text = mmsg.RESULTS_COUNT.format(count=len(views)) + (
            mmsg.RESULTS_SHOWN.format(shown=shown) if shown < len(views) else ""
        )

    @rx.event
    def load(self) -> EventSpec | None:
        """Read ``q`` from the URL and list the matching entries."""
        if self._actor() is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.query = self.router.url.query_parameters.get("q", "")
        self.error = ""
        self._fill()
        self.loaded = True
        return None

    @rx.event
    def search(self, form: dict[str, str]) -> EventSpec | None:
        """Search again with the submitted words."""
        if self._actor() is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.query = (form.get("q") or "")[:200]
        self._fill()
        return None


def search_form(handler: rx.EventHandler, query: rx.Var[str]) -> rx.Component:
    """The labelled search box (shared with the admin page)."""
    return rx.form(
        rx.el.label(mmsg.SEARCH_LABEL, html_for="metric-q", class_name="field-label"),
        rx.hstack(
            rx.input(
                id="metric-q",
                name="q",
                default_value=query,
                placeholder=mmsg.SEARCH_PLACEHOLDER,
                size="3",
                width="100%",
                type="search",
                auto_complete="off",
            ),
            rx.button(
                rx.icon("search", size=18, aria_hidden="true"),
                mmsg.SEARCH_BUTTON,
                type="submit",
                size="3",
                min_height="44px",
                id="metric-search",
            ),
            width="100%",
        ),
        on_submit=handler,
        reset_on_submit=False,
        width="100%",
    )


def badges(row: rx.Var[dict[str, str]]) -> rx.Component:
    """Unit, direction, proxy and retired badges (text, never colour alone)."""
    return rx.hstack(
        rx.badge(row["unit"], variant="soft"),
        rx.badge(row["direction"], variant="soft", color_scheme="gray"),
        rx.cond(row["proxy"] == "1", rx.badge(mmsg.PROXY_BADGE, color_scheme="violet")),
        rx.cond(row["retired"] == "1", rx.badge(mmsg.RETIRED_BADGE, color_scheme="red")),
        rx.cond(row["merged"] != "", rx.badge(row["merged"], color_scheme="orange")),
        wrap="wrap",
        spacing="1",
    )


def details(row: rx.Var[dict[str, str]]) -> rx.Component:
    """Definition, formula, evidence, source and directive, folded under a summary."""

    def line(label: str, key: str) -> rx.Component:
        return rx.text(rx.text.strong(label + ": "), row[key], size="2")

    return rx.el.details(
        rx.el.summary(mmsg.DETAILS, class_name="metric-details", min_height="44px"),
        rx.vstack(
            line(mmsg.FIELD_LABELS["definition"], "definition"),
            line(mmsg.FIELD_LABELS["formula"], "formula"),
            line(mmsg.FIELD_LABELS["evidence"], "evidence"),
            line(mmsg.FIELD_LABELS["data_source"], "data_source"),
            line(mmsg.FIELD_LABELS["perspective"], "perspective"),
            line(mmsg.FIELD_LABELS["reference"], "reference"),
            line(mmsg.SYNONYMS_SHORT, "synonyms"),
            spacing="1",
            padding_top="0.4em",
        ),
    )


def _card(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(row["code"], size="1", color_scheme="gray", font_family="monospace"),
            rx.text(row["name"], weight="bold", size="3"),
            rx.text(row["area"], size="1", color_scheme="gray"),
            badges(row),
            details(row),
            spacing="1",
            width="100%",
        ),
        id=row["anchor"],
        class_name="metric-row",
        width="100%",
    )


def browse_page() -> rx.Component:
    """The dictionary for planners."""
    return page(
        rx.heading(mmsg.BROWSE_TITLE, size="6", as_="h1"),
        rx.text(mmsg.BROWSE_INTRO, size="2", color_scheme="gray"),
        search_form(MetricsBrowseState.search, MetricsBrowseState.query),
        error_callout(MetricsBrowseState.error),
        rx.cond(
            MetricsBrowseState.loaded,
            rx.vstack(
                rx.text(MetricsBrowseState.count_text, size="2", role="status"),
                rx.cond(
                    MetricsBrowseState.rows.length() == 0,
                    rx.text(mmsg.NO_RESULTS, color_scheme="gray"),
                ),
                rx.foreach(MetricsBrowseState.rows, _card),
                spacing="2",
                width="100%",
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(BROWSE_ROUTE, browse_page, mmsg.BROWSE_TITLE, MetricsBrowseState.load)]
NAV = [NavItem(mmsg.BROWSE_NAV, BROWSE_ROUTE, "book-open", order=60)]
