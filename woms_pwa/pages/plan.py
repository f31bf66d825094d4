"""A plan page: tasks by perspective, key results with progress and traffic lights."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from analytics.vntext import format_date_vi
from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.components.progress import light_badge, progress_bar
from woms_pwa.context import db
from woms_pwa.core import messages as msg
from woms_pwa.core.alerts.service import kr_warnings
from woms_pwa.core.permissions import PermissionDenied
from woms_pwa.core.services.plans import get_plan_view
from woms_pwa.pages.rows import plan_rows
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

PLAN_ROUTE = "/ke-hoach"


class PlanState(AuthState):
    """One plan, as flat display rows."""

    title: str = ""
    subtitle: str = ""
    rows: list[dict[str, str]] = []
    error: str = ""
    loaded: bool = False

    @rx.event
    def load(self) -> EventSpec | None:
        """Read ``owner`` and ``period`` from the URL and fetch the plan."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        params = self.router.url.query_parameters
        owner, period = params.get("owner", ""), params.get("period", "")
        self.loaded, self.error, self.rows = False, "", []
        try:
            with db() as session:
                view = get_plan_view(session, actor, owner, period)
        except PermissionDenied as exc:
            self.error = str(exc)
            self.loaded = True
            return None
        self.title = view.owner_name
        status = msg.PLAN_STATUS_LABELS.get(view.status, view.status)
        as_of = f" · {msg.AS_OF.format(date=format_date_vi(view.as_of))}" if view.as_of else ""
        self.subtitle = (
            f"{msg.PLAN_OF.format(period=view.period)} · {status} · phiên bản {view.version}{as_of}"
        )
        self.rows = plan_rows(view)
        with db() as session:
            marks = kr_warnings(
                session, [r["code"] for r in self.rows if r["kind"] == "kr"], period
            )
        for row in self.rows:
            if row["kind"] == "kr":
                row["warning"] = marks.get(row["code"], "")
        self.loaded = True
        return None


def _kr_card(row: rx.Var[dict[str, str]]) -> rx.Component:
    breakthrough = row["breakthrough"] == "1"
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.badge(row["kr_kind"], variant="outline", size="1"),
                rx.cond(
                    breakthrough,
                    rx.badge(
                        rx.icon("rocket", size=12, aria_hidden="true"),
                        msg.BREAKTHROUGH,
                        color_scheme="violet",
                        size="1",
                    ),
                ),
                rx.spacer(),
                light_badge(row["light"]),
                width="100%",
                align="center",
                wrap="wrap",
            ),
            rx.text(row["title"], weight="medium", size="3"),
            rx.text(row["figures"], size="2"),
            rx.cond(
                row["warning"] != "",
                rx.link(
                    rx.hstack(
                        rx.icon("triangle-alert", size=16, aria_hidden="true", flex_shrink="0"),
                        rx.text(row["warning"], size="2"),
                        spacing="2",
                        align="start",
                    ),
                    href="/canh-bao?kr=" + row["code"],
                    color_scheme="orange",
                    underline="none",
                    class_name="kr-warning",
                ),
            ),
            progress_bar(row["percent"], row["light"], row["title"]),
            rx.hstack(
                rx.text(row["percent_text"], size="2", weight="bold"),
                rx.text(row["as_of"], size="1", color_scheme="gray"),
                width="100%",
                align="center",
            ),
            rx.cond(
                row["can_write"] == "1",
                rx.link(
                    rx.icon("pencil", size=16, aria_hidden="true"),
                    msg.UPDATE_PROGRESS,
                    href=row["href"],
                    aria_label=msg.UPDATE_PROGRESS + ": " + row["title"],
                    class_name="kr-update button-link",
                    underline="none",
                ),
                rx.link(msg.VIEW_HISTORY, href=row["href"], size="2", class_name="kr-history"),
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
        border_left=rx.cond(breakthrough, "5px solid var(--violet-9)", "5px solid transparent"),
        id="kr-" + row["code"],
        class_name="kr-card",
    )


def _row(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.match(
        row["kind"],
        (
            "perspective",
            rx.heading(
                row["title"], size="4", as_="h2", margin_top="0.75em", color="var(--accent-11)"
            ),
        ),
        ("empty", rx.text(row["title"], size="2", color_scheme="gray")),
        (
            "task",
            rx.box(
                rx.hstack(
                    rx.text(msg.TASK, size="1", weight="bold", color_scheme="gray"),
                    rx.cond(
                        row["breakthrough"] == "1",
                        rx.badge(msg.BREAKTHROUGH_HINT, color_scheme="violet", size="1"),
                    ),
                    wrap="wrap",
                ),
                rx.heading(row["title"], size="3", as_="h3"),
                rx.text(row["area"], size="1", color_scheme="gray"),
                padding_top="0.5em",
            ),
        ),
        _kr_card(row),
    )


def plan_page() -> rx.Component:
    """The plan page."""
    return page(
        rx.link(
            rx.hstack(rx.icon("arrow-left", size=16, aria_hidden="true"), msg.HOME, align="center"),
            href="/",
        ),
        rx.cond(
            PlanState.loaded,
            rx.vstack(
                error_callout(PlanState.error),
                rx.heading(PlanState.title, size="6", as_="h1"),
                rx.text(PlanState.subtitle, size="2", color_scheme="gray"),
                rx.foreach(PlanState.rows, _row),
                spacing="3",
                width="100%",
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(PLAN_ROUTE, plan_page, msg.PLAN, PlanState.load)]
