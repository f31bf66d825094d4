"""``/danh-gia``: my evaluation — self-assessment, declarations, and what waits for me."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.components.nav import NavItem
from woms_pwa.context import db
from woms_pwa.core import messages as msg
from woms_pwa.core.evaluation.scoring import EvaluationError
from woms_pwa.core.evaluation.views import (
    default_period,
    person_view,
    review_queue,
    unit_view,
)
from woms_pwa.core.evaluation.workflow import declare_item, submit_self_assessment
from woms_pwa.core.messages import evaluation as emsg
from woms_pwa.core.models import Person, Unit
from woms_pwa.core.periods import parse_period
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.pages.evaluation_parts import (
    EvaluationPageState,
    comment_field,
    item_card,
    rating_select,
    review_href,
    saved_callout,
    stance_fields,
    stance_values,
    step_form,
    steps_list,
    submit_button,
    summary_card,
    text_field,
)
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE

EVALUATION_ROUTE = "/danh-gia"
_TAP = {"minHeight": "44px", "display": "inline-flex", "alignItems": "center"}


class MyEvaluationState(EvaluationPageState):
    """The signed-in person's (or, with ``unit=``, their unit's) self-assessment."""

    queue: list[dict[str, str]] = []
    own_unit_href: str = ""

    def _fill(self, actor: Actor) -> None:
        params = self.router.url.query_parameters
        with db() as session:
            self.period = params.get("period", "") or default_period(session)
            unit_code = params.get("unit", "")
            person = session.get(Person, actor.person_id) if actor.person_id else None
            if unit_code:
                view = unit_view(session, actor, unit_code, self.period)
            elif person is not None:
                view = person_view(session, actor, person.code, self.period)
            else:
                view = None
            if view is not None:
                self._apply(view)
            self.own_unit_href = ""
            if person is not None and person.is_head and not unit_code:
                unit = session.get(Unit, person.unit_id)
                if unit is not None:
                    self.own_unit_href = f"{EVALUATION_ROUTE}?unit={unit.code}&period={self.period}"
            self.queue = [
                {**row, "href": review_href(row["kind"], row["code"], self.period)}
                for row in review_queue(session, actor, self.period)
            ]

    @rx.event
    def load(self) -> EventSpec | None:
        """Read ``period`` (and ``unit``) from the URL and fetch the evaluation."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.loaded, self.error, self.saved, self.summary = False, "", "", {}
        try:
            self._fill(actor)
        except (PermissionDenied, EvaluationError) as exc:
            self.error = str(exc)
        self.loaded = True
        return None

    @rx.event
    def change_period(self, form: dict[str, str]) -> EventSpec | None:
        """Open another period (validated: 2025, 2025-Q3 or 2025-07)."""
        spec = parse_period(form.get("period", ""))
        if spec is None:
            self.error = emsg.BAD_PERIOD.format(period=form.get("period", ""))
            return None
        return rx.redirect(f"{EVALUATION_ROUTE}?period={spec.code}")

    @rx.event
    def submit_self(self, form: dict[str, str]) -> EventSpec | None:
        """Send the self-assessment (comment, proposed rating, stance indicators)."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        try:
            with db() as session:
                submit_self_assessment(
                    session,
                    actor,
                    subject_code=self.subject_code,
                    period=self.period,
                    comment=form.get("self_comment", ""),
                    proposed_rating=form.get("self_rating", ""),
                    stance=stance_values(form, "self"),
                )
            self._fill(actor)
        except (PermissionDenied, EvaluationError) as exc:
            self.error, self.saved = str(exc), ""
            return None
        self.error, self.saved = "", emsg.SELF_SAVED
        return None

    @rx.event
    def add_item(self, form: dict[str, str]) -> list[EventSpec] | None:
        """Declare outside-plan work, an initiative or a learning result."""
        actor = self._actor()
        if actor is None:
            return [rx.redirect(SIGN_IN_ROUTE)]
        kind = form.get("item_kind", "")
        try:
            with db() as session:
                declare_item(
                    session,
                    actor,
                    subject_code=self.subject_code,
                    period=self.period,
                    kind=kind,
                    title=form.get("item_title", ""),
                    detail=form.get("item_detail", ""),
                    perspective=form.get("item_perspective", "") or None,
                    scope=form.get(f"item_scope_{kind}", "") or None,
                )
            self._fill(actor)
        except (PermissionDenied, EvaluationError) as exc:
            self.error, self.saved = str(exc), ""
            return None
        self.error, self.saved = "", emsg.ITEM_SAVED
        return [rx.set_value("item_title", ""), rx.set_value("item_detail", "")]


def _select(name: str, label: str, options: dict[str, str], blank: str | None) -> rx.Component:
    first = [rx.el.option(blank, value="")] if blank is not None else []
    return rx.vstack(
        rx.el.label(label, html_for=name, class_name="field-label"),
        rx.el.select(
            *first,
            *[rx.el.option(text, value=value) for value, text in options.items()],
            id=name,
            name=name,
            style={"minHeight": "44px", "width": "100%", "fontSize": "16px"},
        ),
        spacing="1",
        width="100%",
        align="stretch",
    )


def _self_form() -> rx.Component:
    return step_form(
        emsg.MY_EVALUATION,
        comment_field("self_comment", emsg.SELF_COMMENT_LABEL),
        rating_select("self_rating", emsg.PROPOSED_RATING_LABEL, "—"),
        rx.cond(MyEvaluationState.is_year, stance_fields("self")),
        submit_button(emsg.SUBMIT_SELF, "submit-self"),
        on_submit=MyEvaluationState.submit_self,
    )


def _item_form() -> rx.Component:
    return step_form(
        emsg.ADD_ITEM,
        _select("item_kind", emsg.ITEM_KIND_LABEL, emsg.ITEM_KIND_LABELS, None),
        text_field("item_title", emsg.ITEM_TITLE_LABEL),
        comment_field("item_detail", emsg.ITEM_DETAIL_LABEL),
        _select("item_perspective", emsg.ITEM_PERSPECTIVE_LABEL, msg.PERSPECTIVE_LABELS, "—"),
        _select("item_scope_initiative", emsg.ITEM_SCOPE_LABEL, emsg.SCOPE_LABELS, None),
        _select("item_scope_learning", emsg.ITEM_LEARNING_LABEL, emsg.LEARNING_LABELS, None),
        submit_button(emsg.ADD_ITEM, "add-item"),
        on_submit=MyEvaluationState.add_item,
    )


def _period_form() -> rx.Component:
    return rx.form(
        rx.hstack(
            rx.vstack(
                rx.el.label(emsg.PERIOD_LABEL, html_for="period", class_name="field-label"),
                rx.input(
                    id="period",
                    name="period",
                    size="3",
                    default_value=MyEvaluationState.period,
                    key=MyEvaluationState.period,
                    placeholder=emsg.PERIOD_HINT,
                ),
                spacing="1",
                flex="1",
            ),
            rx.button(emsg.OPEN_PERIOD, type="submit", size="3", min_height="44px"),
            align="end",
            width="100%",
        ),
        on_submit=MyEvaluationState.change_period,
        reset_on_submit=False,
        width="100%",
    )


def _queue() -> rx.Component:
    return rx.cond(
        MyEvaluationState.queue.length() > 0,
        rx.card(
            rx.heading(emsg.REVIEW_LIST, size="4", as_="h2"),
            rx.foreach(
                MyEvaluationState.queue,
                lambda row: rx.link(
                    rx.hstack(
                        rx.text(row["name"], weight="medium"),
                        rx.spacer(),
                        rx.text(row["status_label"], size="1"),
                        width="100%",
                        min_height="44px",
                        align="center",
                    ),
                    href=row["href"],
                    class_name="review-link",
                    underline="none",
                ),
            ),
            width="100%",
        ),
    )


def evaluation_page() -> rx.Component:
    """The "my evaluation" page."""
    s = MyEvaluationState.summary
    editable = MyEvaluationState.can_self & (
        (s["status"] == "draft") | (s["status"] == "submitted")
    )
    return page(
        rx.cond(
            MyEvaluationState.loaded,
            rx.vstack(
                error_callout(MyEvaluationState.error),
                saved_callout(),
                _period_form(),
                _queue(),
                rx.cond(
                    MyEvaluationState.summary.contains("name"),
                    rx.vstack(
                        summary_card(),
                        rx.hstack(
                            rx.link(
                                emsg.VIEW_PERSON, href=s["person_href"], id="my-result", style=_TAP
                            ),
                            rx.link(emsg.UNIT_SCORE_LINK, href=s["unit_href"], style=_TAP),
                            rx.cond(
                                MyEvaluationState.own_unit_href != "",
                                rx.link(
                                    emsg.UNIT_SELF_LINK,
                                    href=MyEvaluationState.own_unit_href,
                                    style=_TAP,
                                ),
                            ),
                            spacing="4",
                            wrap="wrap",
                        ),
                        steps_list(),
                        rx.foreach(MyEvaluationState.items, lambda row: item_card(row)),
                        rx.cond(
                            editable,
                            rx.vstack(
                                rx.card(_self_form(), width="100%"),
                                rx.card(_item_form(), width="100%"),
                                width="100%",
                                spacing="3",
                            ),
                        ),
                        spacing="3",
                        width="100%",
                    ),
                ),
                spacing="3",
                width="100%",
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(EVALUATION_ROUTE, evaluation_page, emsg.NAV_EVALUATION, MyEvaluationState.load)]
NAV = [NavItem(emsg.NAV_EVALUATION, EVALUATION_ROUTE, "clipboard-check", order=40)]
