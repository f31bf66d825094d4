"""Check-in page: the guided monthly check-in of one key result, and its history.

The form is the published ``cap_nhat_thang`` definition (editable by
administrators); submitting stores a real ``CheckIn`` through the core. For a
key result that requires evidence the photo field is required, with help text
saying why, and the instant validation names the key result.
"""

from __future__ import annotations

from typing import Any

import reflex as rx
from reflex.event import EventSpec

from analytics.vntext import format_date_vi, format_number_vi
from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.components.progress import light_badge, progress_bar
from woms_pwa.context import db
from woms_pwa.core import messages as msg
from woms_pwa.core.forms.catalogue import CHECKIN_FORM, FormError
from woms_pwa.core.forms.submissions import SubmissionOutcome, checkin_errors, checkin_spec_for
from woms_pwa.core.forms.validation import FieldError
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.services.plans import get_key_result_detail
from woms_pwa.forms.wizard import wizard
from woms_pwa.forms.wizard_state import WizardMixin
from woms_pwa.pages.home import plan_href
from woms_pwa.pages.rows import kr_display
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

CHECKIN_ROUTE = "/cap-nhat"


class CheckInState(WizardMixin, AuthState):
    """One key result, its history and the guided check-in."""

    kr_code: str = ""
    kr: dict[str, str] = {}
    context: str = ""
    back_href: str = "/"
    history: list[dict[str, str]] = []
    error: str = ""
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

    @rx.event
    def load(self) -> EventSpec | None:
        """Read ``kr`` from the URL, fetch the key result and open the guided form."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.kr_code = self.router.url.query_parameters.get("kr", "")
        self.loaded, self.error = False, ""
        try:
            self._fill(actor)
            if self.kr.get("can_write") == "1":
                self._open_form(actor, CHECKIN_FORM, self.kr_code, preview=False)
                self._fit_form_to_kr(actor)
        except (PermissionDenied, FormError) as exc:
            self.kr = {}
            self.error = str(exc)
        self.loaded = True
        return None

    def _fit_form_to_kr(self, actor: Actor) -> None:
        # The published form is the same for every key result; evidence is
        # required only for those that ask for it, so the spec is adapted here.
        with db() as session:
            spec = checkin_spec_for(session, actor, self.kr_code, self._spec())
        self._spec_json = spec.model_dump_json()
        self._refresh()

    def _field_errors(self, nested: dict[str, Any], errors: list[FieldError]) -> list[FieldError]:
        return checkin_errors(self.kr.get("title", ""), nested, errors)

    def _after_submit(self, actor: Actor, outcome: SubmissionOutcome) -> None:
        self.done_message = msg.CHECKIN_SAVED if outcome.created else msg.CHECKIN_DUPLICATE
        self._fill(actor)


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
                    rx.cond(
                        CheckInState.kr["can_write"] == "1",
                        rx.card(
                            rx.heading(
                                msg.CHECKIN_TITLE, size="4", as_="h2", margin_bottom="0.5em"
                            ),
                            wizard(
                                CheckInState,
                                submit_id="save-checkin",
                                submit_label=msg.CHECKIN_SAVE,
                            ),
                            width="100%",
                        ),
                    ),
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
