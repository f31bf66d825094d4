"""Shared state and pieces of the evaluation pages (no route of its own)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import reflex as rx

from analytics.scoring import Rating
from woms_pwa.components.layout import TOUCH
from woms_pwa.core import messages as msg
from woms_pwa.core.evaluation.views import EvaluationView
from woms_pwa.core.messages import evaluation as emsg
from woms_pwa.state import AuthState


def person_href(code: str, period: str) -> str:
    """Link to a person's result page."""
    return "/ca-nhan?" + urlencode({"person": code, "period": period})


def unit_score_href(code: str, period: str) -> str:
    """Link to a unit's score page."""
    return "/don-vi/diem?" + urlencode({"unit": code, "period": period})


def review_href(kind: str, code: str, period: str) -> str:
    """Link to the review page of a person or a unit."""
    key = "person" if kind == "person" else "unit"
    return "/danh-gia/xet?" + urlencode({key: code, "period": period})


class EvaluationPageState(AuthState):
    """Display rows of one evaluation (person or unit), filled from a core view."""

    period: str = ""
    subject_code: str = ""
    subject_kind: str = ""
    summary: dict[str, str] = {}
    criteria: list[dict[str, str]] = []
    steps: list[dict[str, str]] = []
    items: list[dict[str, str]] = []
    key_results: list[dict[str, str]] = []
    portfolio: list[dict[str, str]] = []
    stance: dict[str, str] = {}
    can_self: bool = False
    can_assess: bool = False
    can_conclude: bool = False
    is_year: bool = False
    error: str = ""
    saved: str = ""
    loaded: bool = False

    def _apply(self, view: EvaluationView) -> None:
        self.subject_code = view.subject.code
        self.subject_kind = view.subject.kind
        self.summary = dict(view.summary)
        self.summary["person_href"] = person_href(view.subject.code, self.period)
        self.summary["unit_href"] = unit_score_href(view.subject.unit_code, self.period)
        self.summary["review_href"] = review_href(view.subject.kind, view.subject.code, self.period)
        self.criteria = list(view.criteria)
        self.steps = list(view.steps)
        self.items = list(view.items)
        self.key_results = list(view.key_results)
        self.portfolio = [
            {**row, "href": person_href(view.subject.code, row["period"])} for row in view.portfolio
        ]
        self.stance = dict(view.stance)
        self.can_self = view.can_self
        self.can_assess = view.can_assess
        self.can_conclude = view.can_conclude
        self.is_year = len(self.period) == 4 and view.subject.kind == "person"


def rating_select(name: str, label: str, blank: str) -> rx.Component:
    """A labelled native select of the four official levels (blank first)."""
    return rx.vstack(
        rx.el.label(label, html_for=name, class_name="field-label"),
        rx.el.select(
            rx.el.option(blank, value=""),
            *[rx.el.option(r.label, value=r.value) for r in Rating],
            id=name,
            name=name,
            class_name="native-select",
            style={"minHeight": "44px", "width": "100%", "fontSize": "16px"},
        ),
        spacing="1",
        width="100%",
        align="stretch",
    )


def text_field(name: str, label: str, **props: object) -> rx.Component:
    """A labelled input."""
    return rx.vstack(
        rx.el.label(label, html_for=name, class_name="field-label"),
        rx.input(id=name, name=name, size="3", width="100%", **props),
        spacing="1",
        width="100%",
        align="stretch",
    )


def stance_values(form: dict[str, str], prefix: str) -> dict[str, str]:
    """The rubric indicators typed in a form (field names ``<prefix>-<indicator>``)."""
    names = [*emsg.STANCE_FIELDS, "disciplined"]
    return {name: form.get(f"{prefix}-{name}", "") for name in names}


def stance_fields(prefix: str) -> rx.Component:
    """The rubric indicators of criterion 1 (yearly evaluations)."""
    inputs = [
        text_field(f"{prefix}-{name}", label, input_mode="decimal")
        for name, label in emsg.STANCE_FIELDS.items()
    ]
    return rx.vstack(
        rx.heading(emsg.STANCE_HEADING, size="3", as_="h3"),
        rx.text(emsg.STANCE_RUBRIC_HINT, size="1", color_scheme="gray"),
        *inputs,
        rx.hstack(
            rx.el.input(
                type="checkbox", id=f"{prefix}-disciplined", name=f"{prefix}-disciplined", value="1"
            ),
            rx.el.label(emsg.DISCIPLINED_LABEL, html_for=f"{prefix}-disciplined"),
            align="center",
            spacing="2",
            min_height="44px",
        ),
        spacing="2",
        width="100%",
        align="stretch",
    )


def comment_field(name: str, label: str) -> rx.Component:
    """A labelled text area."""
    return rx.vstack(
        rx.el.label(label, html_for=name, class_name="field-label"),
        rx.text_area(id=name, name=name, rows="4", size="3", width="100%", max_length=4000),
        spacing="1",
        width="100%",
        align="stretch",
    )


def step_form(heading: str, *fields: rx.Component, on_submit: Any) -> rx.Component:
    """One step of the evaluation: a heading and its fields in a form kept on error."""
    return rx.form(
        rx.vstack(
            rx.heading(heading, size="4", as_="h2"),
            *fields,
            spacing="3",
            width="100%",
            align="stretch",
        ),
        on_submit=on_submit,
        reset_on_submit=False,
        width="100%",
    )


def submit_button(label: str, button_id: str) -> rx.Component:
    """A full-width submit button (48px high)."""
    return rx.button(label, type="submit", size="3", width="100%", min_height=TOUCH, id=button_id)


def saved_callout() -> rx.Component:
    """The green "saved" message."""
    return rx.cond(
        EvaluationPageState.saved != "",
        rx.callout(
            EvaluationPageState.saved, icon="circle-check", color_scheme="grass", role="status"
        ),
    )


def summary_card() -> rx.Component:
    """Name, period, status, computed total and rating, official conclusion."""
    s = EvaluationPageState.summary
    return rx.card(
        rx.vstack(
            rx.heading(s["name"], size="5", as_="h1"),
            rx.text(s["unit"] + " · " + emsg.PERIOD_LABEL + " " + s["period"], size="2"),
            rx.text(s["status_label"], size="2", id="eval-status", weight="medium"),
            rx.hstack(
                rx.text(emsg.TOTAL_LABEL + ": ", size="3"),
                rx.text(s["total"], size="3", weight="bold", id="eval-total"),
                wrap="wrap",
            ),
            rx.text(
                emsg.COMPUTED_LABEL + ": " + s["rating_label"],
                size="3",
                id="eval-rating",
            ),
            rx.cond(
                s["official"] != "",
                rx.badge(
                    rx.icon("award", size=14, aria_hidden="true"),
                    emsg.OFFICIAL_LABEL + ": " + s["official"],
                    color_scheme="grass",
                    size="3",
                    id="eval-official",
                ),
            ),
            rx.text(msg.AS_OF.format(date="") + s["as_of"], size="1", color_scheme="gray"),
            spacing="2",
            width="100%",
        ),
        width="100%",
    )


def explanation_block() -> rx.Component:
    """The "why this score" text."""
    return rx.cond(
        EvaluationPageState.summary["explanation"] != "",
        rx.card(
            rx.heading(emsg.WHY_LABEL, size="3", as_="h2"),
            rx.text(
                EvaluationPageState.summary["explanation"],
                size="2",
                white_space="pre-wrap",
                id="eval-why",
            ),
            width="100%",
        ),
    )


def criteria_list(title: str) -> rx.Component:
    """Criterion (or perspective) scores."""
    return rx.card(
        rx.heading(title, size="3", as_="h2"),
        rx.foreach(
            EvaluationPageState.criteria,
            lambda row: rx.hstack(
                rx.text(row["label"], size="2"),
                rx.spacer(),
                rx.text(row["score"], size="2", weight="bold"),
                width="100%",
                padding_y="0.3em",
                border_bottom="1px solid var(--gray-4)",
            ),
        ),
        width="100%",
    )


def steps_list() -> rx.Component:
    """The workflow history: who did what, when, with which comment."""
    return rx.foreach(
        EvaluationPageState.steps,
        lambda row: rx.card(
            rx.text(row["step"], weight="bold", size="2"),
            rx.text(row["who"], size="1", color_scheme="gray"),
            rx.cond(row["rating"] != "", rx.text(row["rating"], size="2")),
            rx.text(row["comment"], size="2", white_space="pre-wrap"),
            width="100%",
            class_name="eval-step",
        ),
    )


def item_card(row: rx.Var[dict[str, str]], extra: rx.Component | None = None) -> rx.Component:
    """One declaration with its status (and optional review inputs)."""
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.badge(row["kind"], variant="outline", size="1"),
                rx.badge(row["status_label"], size="1"),
                rx.cond(row["points"] != "", rx.badge(emsg.POINTS_LABEL + " " + row["points"])),
                wrap="wrap",
            ),
            rx.text(row["title"], weight="medium", size="2"),
            rx.text(row["detail"], size="1"),
            rx.text(row["extra"], size="1", color_scheme="gray"),
            *([extra] if extra is not None else []),
            spacing="1",
            width="100%",
        ),
        width="100%",
        class_name="eval-item",
    )
