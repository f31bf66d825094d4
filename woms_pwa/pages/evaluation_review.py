"""``/danh-gia/xet?person=CODE&period=P`` (or ``unit=CODE``): assess and conclude."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from analytics.vntext import parse_number
from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.context import db
from woms_pwa.core.evaluation.scoring import EvaluationError
from woms_pwa.core.evaluation.views import default_period, person_view, unit_view
from woms_pwa.core.evaluation.workflow import assess, conclude
from woms_pwa.core.messages import evaluation as emsg
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.pages.evaluation_parts import (
    EvaluationPageState,
    comment_field,
    criteria_list,
    explanation_block,
    item_card,
    rating_select,
    saved_callout,
    stance_fields,
    stance_values,
    step_form,
    steps_list,
    submit_button,
    summary_card,
)
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE

REVIEW_ROUTE = "/danh-gia/xet"


class ReviewState(EvaluationPageState):
    """The head's assessment and the competent level's conclusion of one subject."""

    def _fill(self, actor: Actor) -> None:
        params = self.router.url.query_parameters
        with db() as session:
            self.period = params.get("period", "") or default_period(session)
            if params.get("unit"):
                view = unit_view(session, actor, params["unit"], self.period)
            else:
                view = person_view(session, actor, params.get("person", ""), self.period)
        self._apply(view)

    @rx.event
    def load(self) -> EventSpec | None:
        """Read the subject and period from the URL and fetch the evaluation."""
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
    def submit_assessment(self, form: dict[str, str]) -> EventSpec | None:
        """Save the head's comments, proposed rating, stance and decisions on declarations."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        decisions: dict[int, tuple[bool, float | None]] = {}
        for row in self.items:
            choice = form.get(f"decision-{row['id']}", "")
            if choice in ("accept", "reject"):
                points = parse_number(form.get(f"points-{row['id']}", "") or "")
                decisions[int(row["id"])] = (choice == "accept", points)
        try:
            with db() as session:
                assess(
                    session,
                    actor,
                    subject_code=self.subject_code,
                    period=self.period,
                    comment=form.get("assess_comment", ""),
                    proposed_rating=form.get("assess_rating", ""),
                    stance=stance_values(form, "assess"),
                    decisions=decisions,
                )
            self._fill(actor)
        except (PermissionDenied, EvaluationError) as exc:
            self.error, self.saved = str(exc), ""
            return None
        self.error, self.saved = "", emsg.ASSESS_SAVED
        return None

    @rx.event
    def submit_conclusion(self, form: dict[str, str]) -> EventSpec | None:
        """Write the official conclusion (rating defaults to the computed one)."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        try:
            with db() as session:
                outcome = conclude(
                    session,
                    actor,
                    subject_code=self.subject_code,
                    period=self.period,
                    rating=form.get("conclusion_rating", ""),
                    comment=form.get("conclusion_comment", ""),
                )
            self._fill(actor)
        except (PermissionDenied, EvaluationError) as exc:
            self.error, self.saved = str(exc), ""
            return None
        self.error = ""
        self.saved = emsg.CONCLUDE_SAVED.format(rating=self.summary.get("official", outcome.rating))
        return None


def _decision(row: rx.Var[dict[str, str]]) -> rx.Component:
    name = "decision-" + row["id"]
    points = "points-" + row["id"]
    return rx.hstack(
        rx.el.select(
            rx.el.option("—", value=""),
            rx.el.option(emsg.ACCEPT_ITEM, value="accept"),
            rx.el.option(emsg.REJECT_ITEM, value="reject"),
            name=name,
            id=name,
            aria_label=emsg.ACCEPT_ITEM + ": " + row["title"],
            style={"minHeight": "44px", "fontSize": "16px"},
        ),
        rx.input(
            name=points,
            id=points,
            placeholder=emsg.POINTS_LABEL,
            input_mode="decimal",
            aria_label=emsg.POINTS_LABEL + ": " + row["title"],
            size="3",
            width="6em",
        ),
        spacing="2",
        wrap="wrap",
    )


def _assess_form() -> rx.Component:
    return step_form(
        emsg.STEP_ASSESS,
        rx.foreach(ReviewState.items, lambda row: item_card(row, _decision(row))),
        comment_field("assess_comment", emsg.COMMENT_LABEL),
        rating_select("assess_rating", emsg.ASSESS_RATING_LABEL, "—"),
        rx.cond(ReviewState.is_year, stance_fields("assess")),
        submit_button(emsg.SUBMIT_ASSESS, "submit-assess"),
        on_submit=ReviewState.submit_assessment,
    )


def _conclude_form() -> rx.Component:
    return step_form(
        emsg.STEP_CONCLUDE,
        rating_select(
            "conclusion_rating",
            emsg.CONCLUDE_RATING_LABEL,
            emsg.COMPUTED_LABEL + ": " + ReviewState.summary["rating_label"],
        ),
        comment_field("conclusion_comment", emsg.COMMENT_LABEL),
        submit_button(emsg.SUBMIT_CONCLUDE, "submit-conclude"),
        on_submit=ReviewState.submit_conclusion,
    )


def review_page() -> rx.Component:
    """The review page."""
    status = ReviewState.summary["status"]
    return page(
        rx.link(emsg.NAV_EVALUATION, href="/danh-gia"),
        rx.cond(
            ReviewState.loaded,
            rx.vstack(
                error_callout(ReviewState.error),
                saved_callout(),
                rx.cond(
                    ReviewState.summary.contains("name"),
                    rx.vstack(
                        summary_card(),
                        criteria_list(emsg.CRITERIA_LABEL),
                        explanation_block(),
                        steps_list(),
                        rx.cond(
                            ReviewState.can_assess
                            & ((status == "submitted") | (status == "assessed")),
                            rx.card(_assess_form(), width="100%"),
                            rx.foreach(ReviewState.items, lambda row: item_card(row)),
                        ),
                        rx.cond(
                            ReviewState.can_conclude & (status == "assessed"),
                            rx.card(_conclude_form(), width="100%"),
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


PAGES = [PageSpec(REVIEW_ROUTE, review_page, emsg.REVIEW_TITLE, ReviewState.load)]
