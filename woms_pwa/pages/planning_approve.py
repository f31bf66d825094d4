"""Approver's inbox ranked by the pre-check, and the decision on one plan."""

from __future__ import annotations

from urllib.parse import urlencode

import reflex as rx
from reflex.event import EventSpec

from woms_pwa.components.layout import TOUCH, error_callout, loading_block, page
from woms_pwa.components.nav import NavItem
from woms_pwa.context import db
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.planning import amendments, lifecycle
from woms_pwa.core.planning.common import PlanningError
from woms_pwa.core.planning.precheck import precheck
from woms_pwa.core.planning.views import editor_view
from woms_pwa.pages.planning_parts import editor_rows, field_label, finding_item, finding_rows
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

APPROVE_ROUTE = "/phe-duyet"


class ApproveState(AuthState):
    """The inbox, or one plan being decided."""

    inbox: list[dict[str, str]] = []
    plan_id: int = 0
    header: dict[str, str] = {}
    rows: list[dict[str, str]] = []
    findings: list[dict[str, str]] = []
    amendments_rows: list[dict[str, str]] = []
    is_submitted: bool = False
    comment: str = ""
    error: str = ""
    loaded: bool = False

    def _inbox(self, actor: Actor) -> None:
        with db() as session:
            ranked = precheck(session, actor)
        self.inbox = [
            {
                "id": str(p.plan_id),
                "title": p.owner_name,
                "period": p.period,
                "counts": msg.INBOX_COUNTS.format(errors=p.errors, warnings=p.warnings),
                "amend": msg.INBOX_AMENDMENTS.format(count=p.pending_amendments)
                if p.pending_amendments
                else "",
                "top": p.findings[0].message if p.findings else "",
                "href": APPROVE_ROUTE + "?" + urlencode({"plan": p.plan_id}),
                "errors": str(p.errors),
            }
            for p in ranked
        ]

    def _detail(self, actor: Actor) -> None:
        with db() as session:
            view = editor_view(session, actor, self.plan_id)
            pending = amendments.list_amendments(session, actor, self.plan_id)
            ranked = {p.plan_id: p for p in precheck(session, actor)}
        self.header = {
            "title": view.owner_name,
            "subtitle": f"Kế hoạch kỳ {view.period} · {view.status_label} · "
            f"phiên bản {view.version}",
            "history": f"/lap-ke-hoach/lich-su?plan={view.plan_id}",
        }
        self.rows = editor_rows(view)
        found = ranked.get(self.plan_id)
        self.findings = finding_rows(found.findings if found else [])
        self.is_submitted = view.status == "submitted"
        self.amendments_rows = [
            {"key": str(a.id), "label": a.label, "title": a.title, "reason": a.reason}
            for a in pending
            if a.status == "submitted"
        ]

    @rx.event
    def load(self) -> EventSpec | None:
        """The inbox, or the plan named by ``plan`` in the URL."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.loaded, self.error, self.comment = False, "", ""
        raw = self.router.url.query_parameters.get("plan", "")
        self.plan_id = int(raw) if raw.isdigit() else 0
        try:
            if self.plan_id:
                self._detail(actor)
            else:
                self._inbox(actor)
        except PermissionDenied as exc:
            self.error = str(exc)
        self.loaded = True
        return None

    @rx.event
    def set_comment(self, value: str) -> None:
        """The approver's comment."""
        self.comment = value

    def _decide(self, action, done: str) -> EventSpec | list[EventSpec] | None:  # type: ignore[no-untyped-def]
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        try:
            with db() as session:
                action(session, actor, self.plan_id, self.comment)
        except (PlanningError, PermissionDenied) as exc:
            self.error = str(exc)
            return None
        return [rx.toast.success(done), rx.redirect(APPROVE_ROUTE)]

    @rx.event
    def approve(self) -> EventSpec | list[EventSpec] | None:
        """Approve the submitted plan (it is locked and versioned)."""
        return self._decide(lifecycle.approve_plan, msg.APPROVED_DONE)

    @rx.event
    def return_plan(self) -> EventSpec | list[EventSpec] | None:
        """Return the plan with the comment."""
        return self._decide(lifecycle.return_plan, msg.RETURNED_DONE)

    @rx.event
    def approve_amendments(self) -> EventSpec | list[EventSpec] | None:
        """Approve the pending amendments (a new version)."""
        return self._decide(amendments.approve_amendments, msg.APPROVED_DONE)

    @rx.event
    def return_amendments(self) -> EventSpec | list[EventSpec] | None:
        """Return the pending amendments with the comment."""
        return self._decide(amendments.return_amendments, msg.RETURNED_DONE)


def _inbox_card(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.link(
        rx.card(
            rx.vstack(
                rx.hstack(
                    rx.text(row["title"], weight="bold"),
                    rx.spacer(),
                    rx.badge(
                        row["counts"], color_scheme=rx.cond(row["errors"] != "0", "red", "amber")
                    ),
                    width="100%",
                    wrap="wrap",
                ),
                rx.text("Kỳ " + row["period"], size="2", color_scheme="gray"),
                rx.cond(row["amend"] != "", rx.badge(row["amend"], color_scheme="blue")),
                rx.cond(row["top"] != "", rx.text(row["top"], size="2")),
                spacing="1",
                width="100%",
            ),
            width="100%",
        ),
        href=row["href"],
        underline="none",
        color="inherit",
        width="100%",
        class_name="inbox-item",
    )


def _row(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.match(
        row["kind"],
        ("perspective", rx.heading(row["title"], size="3", as_="h3", margin_top="0.5em")),
        ("task", rx.text(row["title"], weight="bold")),
        rx.box(
            rx.text(row["title"], size="2"),
            rx.text(row["figures"], size="1", color_scheme="gray"),
            rx.cond(
                row["errors"] + row["warnings"] != "",
                rx.text(row["errors"] + " " + row["warnings"], size="1", color="var(--red-11)"),
            ),
            padding_left="0.75em",
            border_left="3px solid var(--gray-6)",
            width="100%",
        ),
    )


def _decision() -> rx.Component:
    s = ApproveState
    return rx.card(
        rx.vstack(
            field_label(msg.COMMENT_LABEL, "approve-comment"),
            rx.text_area(
                id="approve-comment",
                value=s.comment,
                on_change=s.set_comment,
                rows="3",
                size="3",
                width="100%",
            ),
            rx.cond(
                s.is_submitted,
                rx.hstack(
                    rx.button(
                        rx.icon("check", aria_hidden="true"),
                        msg.APPROVE,
                        on_click=s.approve,
                        color_scheme="grass",
                        size="3",
                        min_height=TOUCH,
                        id="approve-plan",
                    ),
                    rx.button(
                        rx.icon("undo-2", aria_hidden="true"),
                        msg.RETURN,
                        on_click=s.return_plan,
                        color_scheme="orange",
                        size="3",
                        min_height=TOUCH,
                        id="return-plan",
                    ),
                    wrap="wrap",
                    spacing="2",
                ),
            ),
            rx.cond(
                s.amendments_rows.length() > 0,
                rx.hstack(
                    rx.button(
                        msg.APPROVE_AMENDMENTS,
                        on_click=s.approve_amendments,
                        color_scheme="grass",
                        size="3",
                        min_height=TOUCH,
                        id="approve-amendments",
                    ),
                    rx.button(
                        msg.RETURN_AMENDMENTS,
                        on_click=s.return_amendments,
                        color_scheme="orange",
                        size="3",
                        min_height=TOUCH,
                        id="return-amendments",
                    ),
                    wrap="wrap",
                    spacing="2",
                ),
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
    )


def approve_page() -> rx.Component:
    """The approver's page."""
    s = ApproveState
    detail = rx.vstack(
        rx.link(msg.BACK_TO_INBOX, href=APPROVE_ROUTE),
        rx.heading(s.header["title"], size="6", as_="h1"),
        rx.text(s.header["subtitle"], size="2", color_scheme="gray"),
        error_callout(s.error),
        rx.foreach(s.findings, finding_item),
        rx.foreach(
            s.amendments_rows,
            lambda a: rx.callout(
                a["label"] + ": " + a["title"] + " — " + a["reason"],
                icon="file-pen",
                color_scheme="blue",
            ),
        ),
        _decision(),
        rx.foreach(s.rows, _row),
        rx.link(msg.HISTORY, href=s.header["history"]),
        spacing="3",
        width="100%",
    )
    inbox = rx.vstack(
        rx.heading(msg.APPROVE_TITLE, size="6", as_="h1"),
        rx.text(msg.INBOX_HINT, size="2", color_scheme="gray"),
        error_callout(s.error),
        rx.cond(s.inbox.length() == 0, rx.text(msg.INBOX_EMPTY, color_scheme="gray")),
        rx.foreach(s.inbox, _inbox_card),
        spacing="3",
        width="100%",
    )
    return page(rx.cond(s.loaded, rx.cond(s.plan_id > 0, detail, inbox), loading_block()))


PAGES = [PageSpec(APPROVE_ROUTE, approve_page, msg.APPROVE_TITLE, ApproveState.load)]
NAV = [
    NavItem(msg.NAV_APPROVE, APPROVE_ROUTE, "stamp", roles=("admin", "province", "head"), order=16)
]
