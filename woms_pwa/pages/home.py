"""Home: the plans the signed-in user may see, theirs first."""

from __future__ import annotations

from urllib.parse import urlencode

import reflex as rx
from reflex.event import EventSpec

from woms_pwa.components.layout import loading_block, page
from woms_pwa.components.nav import NavItem
from woms_pwa.core import messages as msg
from woms_pwa.core.services.plans import list_visible_plans
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState


def plan_href(owner_code: str, period: str) -> str:
    """Link to a plan page."""
    return "/ke-hoach?" + urlencode({"owner": owner_code, "period": period})


class HomeState(AuthState):
    """Plan lists for the home page."""

    mine: list[dict[str, str]] = []
    others: list[dict[str, str]] = []
    loaded: bool = False

    @rx.event
    def load(self) -> EventSpec | None:
        """Fetch the visible plans (or send the user to sign in)."""
        from woms_pwa.context import db

        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        with db() as session:
            plans = list_visible_plans(session, actor)
        rows = [
            {
                "title": p.owner_name,
                "subtitle": f"{msg.PLAN_OF.format(period=p.period)} · {msg.PLAN_STATUS_LABELS.get(p.status, p.status)} · {p.key_results} mục tiêu",
                "href": plan_href(p.owner_code, p.period),
                "icon": "user" if p.owner_type == "person" else "building-2",
                "mine": "1" if p.is_mine else "0",
            }
            for p in plans
        ]
        self.mine = [r for r in rows if r["mine"] == "1"]
        self.others = [r for r in rows if r["mine"] == "0"]
        self.loaded = True
        return None


def _plan_link(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.link(
        rx.card(
            rx.hstack(
                # Two static icons, not rx.icon(var): a dynamic icon pulls lucide's map of
                # every icon (≈ 40 KB gzipped) into the page's first load.
                rx.cond(
                    row["icon"] == "user",
                    rx.icon("user", size=22, aria_hidden="true"),
                    rx.icon("building-2", size=22, aria_hidden="true"),
                ),
                rx.vstack(
                    rx.text(row["title"], weight="bold", size="3"),
                    rx.text(row["subtitle"], size="2", color_scheme="gray"),
                    spacing="1",
                    align="start",
                ),
                rx.spacer(),
                rx.icon("chevron-right", size=20, aria_hidden="true"),
                align="center",
                spacing="3",
            ),
            width="100%",
        ),
        href=row["href"],
        underline="none",
        color="inherit",
        width="100%",
        class_name="plan-link",
    )


def home_page() -> rx.Component:
    """The home page."""
    return page(
        rx.heading(msg.MY_PLANS, size="5", as_="h1"),
        rx.cond(
            HomeState.loaded,
            rx.vstack(
                rx.foreach(HomeState.mine, _plan_link),
                rx.cond(HomeState.mine.length() == 0, rx.text(msg.NO_PLANS, color_scheme="gray")),
                rx.cond(
                    HomeState.others.length() > 0,
                    rx.vstack(
                        rx.heading(msg.PLANS_I_CAN_SEE, size="4", as_="h2", margin_top="0.5em"),
                        rx.foreach(HomeState.others, _plan_link),
                        spacing="2",
                        width="100%",
                    ),
                ),
                spacing="2",
                width="100%",
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec("/", home_page, msg.HOME, HomeState.load)]

NAV = [NavItem(msg.HOME, "/", "house", order=0)]
