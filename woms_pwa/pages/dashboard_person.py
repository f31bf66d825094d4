"""``/tong-quan/ca-nhan``: my key results, deadlines and evaluation so far."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from analytics.vntext import format_date_vi, format_number_vi
from woms_pwa.components.layout import loading_block, page
from woms_pwa.components.nav import NavItem
from woms_pwa.context import db
from woms_pwa.core import messages as msg
from woms_pwa.core.messages import reports as rmsg
from woms_pwa.core.reports.dashboard import default_period, monthly_ratios, person_dashboard
from woms_pwa.pages.dashboard_unit import kr_card, kr_card_rows
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

PERSON_ROUTE = "/tong-quan/ca-nhan"


class PersonDashboardState(AuthState):
    """The signed-in person's own dashboard."""

    period: str = ""
    as_of: str = ""
    evaluation: str = ""
    key_results: list[dict[str, str]] = []
    deadlines: list[dict[str, str]] = []
    loaded: bool = False

    @rx.event
    def load(self) -> EventSpec | None:
        """Fetch the person's key results (only their own: nothing to permission-check)."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        with db() as session:
            self.period = self.router.url.query_parameters.get("period", "") or default_period(
                session
            )
            board = person_dashboard(session, actor, self.period)
            records = board["key_results"]
            trends = monthly_ratios(
                session,
                [int(r["kr_id"]) for r in records],
                {int(r["kr_id"]): float(r["target"]) for r in records},
                int(self.period[:4]),
                board["as_of"],
            )
        self.as_of = rmsg.DATA_AS_OF.format(date=format_date_vi(board["as_of"]))
        summary = board["summary"]
        total = summary.get("total")
        self.evaluation = (
            f"{rmsg.SCORE}: {format_number_vi(float(total), 1)} · {summary.get('n_red', 0)} "
            f"{msg.STATUS_RED.lower()}"
            if total is not None and total == total
            else msg.NO_DATA_YET
        )
        self.key_results = kr_card_rows(records, trends)
        self.deadlines = [
            {
                "code": str(r["kr_code"]),
                "title": str(r["title"]),
                "due": format_date_vi(r["due"]),
                "light": str(r["light"]),
            }
            for r in board["deadlines"]
        ]
        self.loaded = True
        return None


def _deadline(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.hstack(
        rx.text(row["due"], weight="bold", size="2", min_width="6em"),
        rx.text(row["title"], size="2"),
        width="100%",
        border_bottom="1px solid var(--gray-5)",
        padding_y="0.4em",
    )


def person_page() -> rx.Component:
    """The person dashboard page."""
    s = PersonDashboardState
    return page(
        rx.heading(rmsg.PERSON_DASHBOARD_TITLE, size="5", as_="h1"),
        rx.cond(
            s.loaded,
            rx.vstack(
                rx.text(s.as_of, size="2", color_scheme="gray"),
                rx.heading(rmsg.EVALUATION_SO_FAR, size="4", as_="h2"),
                rx.text(s.evaluation, size="3", weight="bold", id="evaluation"),
                rx.heading(rmsg.KEY_RESULTS, size="4", as_="h2"),
                rx.cond(s.key_results.length() == 0, rx.text(msg.NO_PLANS)),
                rx.foreach(s.key_results, kr_card),
                rx.cond(
                    s.deadlines.length() > 0,
                    rx.vstack(
                        rx.heading(rmsg.DEADLINES, size="4", as_="h2"),
                        rx.foreach(s.deadlines, _deadline),
                        width="100%",
                    ),
                ),
                width="100%",
                spacing="3",
            ),
            loading_block(),
        ),
    )


PAGES = [
    PageSpec(PERSON_ROUTE, person_page, rmsg.PERSON_DASHBOARD_TITLE, PersonDashboardState.load)
]

NAV = [
    NavItem(
        rmsg.NAV_MY_DASHBOARD,
        PERSON_ROUTE,
        "user-round",
        roles=("head", "cadre", "province"),
        order=12,
    )
]
