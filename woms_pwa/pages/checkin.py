"""Check-in page: record a key result's progress, and see its history."""

from __future__ import annotations

import datetime as dt
import uuid

import reflex as rx
from reflex.event import EventSpec

from analytics.vntext import format_date_vi, format_number_vi
from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.components.progress import light_badge, progress_bar
from woms_pwa.context import db
from woms_pwa.core import messages as msg
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.services.checkins import CheckInError, record_checkin
from woms_pwa.core.services.plans import get_key_result_detail
from woms_pwa.pages.home import plan_href
from woms_pwa.pages.rows import kr_display
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

CHECKIN_ROUTE = "/cap-nhat"


class CheckInState(AuthState):
    """One key result, its history and the check-in form."""

    kr_code: str = ""
    kr: dict[str, str] = {}
    context: str = ""
    back_href: str = "/"
    history: list[dict[str, str]] = []
    default_date: str = ""
    min_date: str = ""
    max_date: str = ""
    client_id: str = ""
    error: str = ""
    saved: str = ""
    loaded: bool = False

    def _fill(self, actor: Actor) -> None:
        with db() as session:
            detail = get_key_result_detail(session, actor, self.kr_code)
        self.kr = kr_display(detail.row)
        self.context = f"{detail.owner_name} · {msg.PLAN_OF.format(period=detail.period)} · {msg.TASK}: {detail.task_title}"
        self.back_href = plan_href(detail.owner_code, detail.period)
        self.history = [
            {
                "date": format_date_vi(h.date),
                "value": format_number_vi(h.value, 2),
                "note": h.note,
                "reporter": h.reporter,
                "key": f"{h.date.isoformat()}-{h.created_at.isoformat()}",
            }
            for h in detail.history
        ]
        today = dt.date.today()
        self.default_date = min(today, detail.period_end).isoformat()
        self.min_date = detail.period_start.isoformat()
        self.max_date = min(today, detail.period_end + dt.timedelta(days=60)).isoformat()

    @rx.event
    def load(self) -> EventSpec | None:
        """Read ``kr`` from the URL and fetch the key result."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.kr_code = self.router.url.query_parameters.get("kr", "")
        self.loaded, self.error, self.saved = False, "", ""
        self.client_id = uuid.uuid4().hex
        try:
            self._fill(actor)
        except PermissionDenied as exc:
            self.kr = {}
            self.error = str(exc)
        self.loaded = True
        return None

    @rx.event
    def save(self, form: dict[str, str]) -> list[EventSpec] | None:
        """Validate on the server and store the check-in once (by client id)."""
        actor = self._actor()
        if actor is None:
            return [rx.redirect(SIGN_IN_ROUTE)]
        self.saved = ""
        try:
            on_date = dt.date.fromisoformat(form.get("date") or self.default_date)
        except ValueError:
            self.error = msg.CHECKIN_DATE_INVALID
            return None
        try:
            with db() as session:
                outcome = record_checkin(
                    session,
                    actor,
                    kr_code=self.kr_code,
                    value=form.get("value", ""),
                    note=form.get("note", ""),
                    client_id=self.client_id,
                    on_date=on_date,
                )
        except (CheckInError, PermissionDenied) as exc:
            self.error = str(exc)
            return None
        self.error = ""
        self.saved = msg.CHECKIN_SAVED if outcome.created else msg.CHECKIN_DUPLICATE
        self.client_id = uuid.uuid4().hex
        self._fill(actor)
        return [rx.set_value("value", ""), rx.set_value("note", ""), rx.toast.success(self.saved)]


def _history_item(item: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.text(item["date"], weight="bold", size="2"),
            rx.spacer(),
            rx.text(item["value"], weight="bold", size="3", class_name="history-value"),
            width="100%",
        ),
        rx.text(item["note"], size="2"),
        rx.text(item["reporter"], size="1", color_scheme="gray"),
        padding_y="0.6em",
        border_bottom="1px solid var(--gray-5)",
        width="100%",
        class_name="history-item",
    )


def _form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.heading(msg.CHECKIN_TITLE, size="4", as_="h2"),
            error_callout(CheckInState.error),
            rx.cond(
                CheckInState.saved != "",
                rx.callout(
                    CheckInState.saved, icon="circle-check", color_scheme="grass", role="status"
                ),
            ),
            rx.el.label(
                msg.CHECKIN_VALUE + " (" + CheckInState.kr["unit"] + ")",
                html_for="value",
                class_name="field-label",
            ),
            rx.input(
                id="value",
                name="value",
                input_mode="decimal",
                size="3",
                width="100%",
                auto_complete="off",
                placeholder="Ví dụ: 45,5",
            ),
            rx.el.label(msg.CHECKIN_NOTE, html_for="note", class_name="field-label"),
            rx.text_area(id="note", name="note", rows="4", size="3", width="100%", max_length=4000),
            rx.el.label(msg.CHECKIN_DATE, html_for="date", class_name="field-label"),
            rx.input(
                id="date",
                name="date",
                type="date",
                size="3",
                width="100%",
                default_value=CheckInState.default_date,
                min=CheckInState.min_date,
                max=CheckInState.max_date,
                key=CheckInState.default_date,
            ),
            rx.button(
                rx.icon("save", size=18, aria_hidden="true"),
                msg.CHECKIN_SAVE,
                type="submit",
                size="3",
                width="100%",
                min_height="48px",
                id="save-checkin",
            ),
            spacing="2",
            align="stretch",
            width="100%",
        ),
        on_submit=CheckInState.save,
        reset_on_submit=False,
        width="100%",
    )


def checkin_page() -> rx.Component:
    """The check-in page."""
    return page(
        rx.link(
            rx.hstack(rx.icon("arrow-left", size=16, aria_hidden="true"), msg.PLAN, align="center"),
            href=CheckInState.back_href,
        ),
        rx.cond(
            CheckInState.loaded,
            rx.cond(
                CheckInState.kr.contains("code"),
                rx.vstack(
                    rx.heading(CheckInState.kr["title"], size="5", as_="h1"),
                    rx.text(CheckInState.context, size="2", color_scheme="gray"),
                    rx.card(
                        rx.vstack(
                            rx.hstack(
                                rx.text(CheckInState.kr["figures"], size="3", id="kr-figures"),
                                rx.spacer(),
                                light_badge(CheckInState.kr["light"]),
                                width="100%",
                                wrap="wrap",
                            ),
                            progress_bar(
                                CheckInState.kr["percent"],
                                CheckInState.kr["light"],
                                CheckInState.kr["title"],
                            ),
                            rx.text(CheckInState.kr["as_of"], size="1", color_scheme="gray"),
                            width="100%",
                        ),
                        width="100%",
                    ),
                    rx.cond(CheckInState.kr["can_write"] == "1", rx.card(_form(), width="100%")),
                    rx.heading(msg.CHECKIN_HISTORY, size="4", as_="h2"),
                    rx.cond(
                        CheckInState.history.length() == 0,
                        rx.text(msg.CHECKIN_NONE, color_scheme="gray"),
                    ),
                    rx.foreach(CheckInState.history, _history_item),
                    spacing="3",
                    width="100%",
                ),
                error_callout(CheckInState.error),
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(CHECKIN_ROUTE, checkin_page, msg.CHECKIN_TITLE, CheckInState.load)]
