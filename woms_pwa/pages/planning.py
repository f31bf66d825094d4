"""Drafting home: my plans, a new plan from a Đề cương template, roll-over to next year."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import reflex as rx
from reflex.event import EventSpec

from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.components.nav import NavItem
from woms_pwa.context import db
from woms_pwa.core import messages as base_msg
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.permissions import PermissionDenied
from woms_pwa.core.planning.common import PlanningError
from woms_pwa.core.planning.drafting import create_plan
from woms_pwa.core.planning.rollover import rollover_plan
from woms_pwa.core.planning.templates import TEMPLATES
from woms_pwa.core.planning.views import default_template, my_plans, owner_choices
from woms_pwa.pages.planning_parts import TOUCH, native_select, text_field
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

PLANNING_ROUTE = "/lap-ke-hoach"
EDIT_ROUTE = "/lap-ke-hoach/sua"


def edit_href(plan_id: int) -> str:
    """Link to the drafting wizard of a plan."""
    return EDIT_ROUTE + "?" + urlencode({"plan": plan_id})


class PlanningState(AuthState):
    """My plans and the new-plan form."""

    plans: list[dict[str, str]] = []
    owners: list[dict[str, str]] = []
    owner: str = ""
    template: str = ""
    period: str = ""
    error: str = ""
    loaded: bool = False

    def _fill(self) -> bool:
        actor = self._actor()
        if actor is None:
            return False
        with db() as session:
            rows = my_plans(session, actor)
            choices = owner_choices(session, actor)
            self.owner = self.owner or (choices[0][0] if choices else "")
            self.template = default_template(session, self.owner) if self.owner else ""
        self.owners = [{"value": c, "label": label} for c, label in choices]
        self.plans = [
            {
                "id": str(r.plan_id),
                "title": r.owner_name,
                "subtitle": f"{base_msg.PLAN_OF.format(period=r.period)} · "
                f"{base_msg.PLAN_STATUS_LABELS.get(r.status, r.status)} · phiên bản {r.version}"
                f" · {r.key_results} mục tiêu",
                "href": edit_href(r.plan_id),
                "owner": r.owner_code,
                "period": r.period,
                "can_roll": "1" if r.status == "approved" and len(r.period) == 4 else "",
            }
            for r in rows
        ]
        return True

    @rx.event
    def load(self) -> EventSpec | None:
        """Fetch my plans and the owners I may draft for."""
        self.error, self.loaded = "", False
        self.period = self.period or str(dt.date.today().year + 1)
        if not self._fill():
            return rx.redirect(SIGN_IN_ROUTE)
        self.loaded = True
        return None

    @rx.event
    def set_owner(self, value: str) -> None:
        """Choose the owner; the template follows the owner's kind."""
        self.owner = value
        with db() as session:
            self.template = default_template(session, value)

    @rx.event
    def set_template(self, value: str) -> None:
        """Choose Phụ lục 1 or 2."""
        self.template = value

    @rx.event
    def set_period(self, value: str) -> None:
        """The period code typed."""
        self.period = value.strip()

    @rx.event
    def create(self) -> EventSpec | None:
        """Create the draft and open the wizard."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        try:
            with db() as session:
                plan = create_plan(
                    session,
                    actor,
                    owner_code=self.owner,
                    period=self.period,
                    template=self.template,
                )
                plan_id = plan.id or 0
        except (PlanningError, PermissionDenied) as exc:
            self.error = str(exc)
            return None
        return rx.redirect(edit_href(plan_id))

    @rx.event
    def rollover(self, owner: str, period: str) -> EventSpec | None:
        """Start next year's draft from an approved plan."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        try:
            with db() as session:
                plan = rollover_plan(
                    session,
                    actor,
                    owner_code=owner,
                    from_period=period,
                    to_period=str(int(period) + 1),
                )
                plan_id = plan.id or 0
        except (PlanningError, PermissionDenied) as exc:
            self.error = str(exc)
            return None
        return rx.redirect(edit_href(plan_id))


def _plan_card(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.link(
                rx.hstack(
                    rx.vstack(
                        rx.text(row["title"], weight="bold"),
                        rx.text(row["subtitle"], size="2", color_scheme="gray"),
                        spacing="1",
                    ),
                    rx.spacer(),
                    rx.icon("chevron-right", aria_hidden="true"),
                    align="center",
                    width="100%",
                ),
                href=row["href"],
                underline="none",
                color="inherit",
                width="100%",
                class_name="draft-link",
                min_height=TOUCH,
            ),
            rx.cond(
                row["can_roll"] == "1",
                rx.button(
                    rx.icon("copy-plus", size=16, aria_hidden="true"),
                    msg.ROLLOVER,
                    variant="soft",
                    size="2",
                    min_height=TOUCH,
                    on_click=PlanningState.rollover(row["owner"], row["period"]),
                ),
            ),
            width="100%",
        ),
        width="100%",
    )


def planning_page() -> rx.Component:
    """The drafting home page."""
    s = PlanningState
    return page(
        rx.heading(msg.PLANNING_TITLE, size="6", as_="h1"),
        rx.cond(
            s.loaded,
            rx.vstack(
                error_callout(s.error),
                rx.card(
                    rx.vstack(
                        rx.heading(msg.NEW_PLAN, size="4", as_="h2"),
                        native_select(
                            msg.OWNER_LABEL,
                            "new-owner",
                            s.owners,
                            value=s.owner,
                            on_change=s.set_owner,
                        ),
                        native_select(
                            msg.TEMPLATE_LABEL,
                            "new-template",
                            [(t.code, t.title) for t in TEMPLATES.values()],
                            value=s.template,
                            on_change=s.set_template,
                        ),
                        text_field(
                            msg.PERIOD_LABEL,
                            "new-period",
                            value=s.period,
                            on_change=s.set_period,
                            input_mode="numeric",
                        ),
                        rx.button(
                            rx.icon("file-plus", aria_hidden="true"),
                            msg.CREATE_PLAN,
                            on_click=s.create,
                            size="3",
                            width="100%",
                            min_height="48px",
                            id="create-plan",
                        ),
                        spacing="2",
                        width="100%",
                    ),
                    width="100%",
                ),
                rx.heading(msg.MY_DRAFTS, size="4", as_="h2"),
                rx.cond(s.plans.length() == 0, rx.text(msg.NO_DRAFTS, color_scheme="gray")),
                rx.foreach(s.plans, _plan_card),
                spacing="3",
                width="100%",
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(PLANNING_ROUTE, planning_page, msg.PLANNING_TITLE, PlanningState.load)]
NAV = [NavItem(msg.NAV_PLANNING, PLANNING_ROUTE, "pencil-ruler", order=15)]
