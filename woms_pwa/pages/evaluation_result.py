"""``/ca-nhan?person=CODE`` (a person's rating, why, portfolio) and ``/don-vi/diem?unit=CODE``."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.context import db
from woms_pwa.core.evaluation.scoring import EvaluationError
from woms_pwa.core.evaluation.views import default_period, person_view, unit_view
from woms_pwa.core.messages import evaluation as emsg
from woms_pwa.core.permissions import PermissionDenied
from woms_pwa.pages.evaluation_parts import (
    EvaluationPageState,
    criteria_list,
    explanation_block,
    steps_list,
    summary_card,
)
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE

PERSON_ROUTE = "/ca-nhan"
UNIT_SCORE_ROUTE = "/don-vi/diem"


class ResultState(EvaluationPageState):
    """A person's or a unit's result page (read-only)."""

    @rx.event
    def load(self) -> EventSpec | None:
        """Fetch the subject named in the URL (``person`` or ``unit``) for ``period``."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        params = self.router.url.query_parameters
        self.loaded, self.error, self.summary = False, "", {}
        try:
            with db() as session:
                self.period = params.get("period", "") or default_period(session)
                if self.router.url.path.rstrip("/").endswith(UNIT_SCORE_ROUTE):
                    view = unit_view(session, actor, params.get("unit", ""), self.period)
                else:
                    view = person_view(session, actor, params.get("person", ""), self.period)
            self._apply(view)
        except (PermissionDenied, EvaluationError) as exc:
            self.error = str(exc)
        self.loaded = True
        return None


def _portfolio() -> rx.Component:
    return rx.card(
        rx.heading(emsg.PORTFOLIO_LABEL, size="3", as_="h2"),
        rx.cond(
            ResultState.portfolio.length() == 0,
            rx.text(emsg.PORTFOLIO_EMPTY, size="2", color_scheme="gray"),
        ),
        rx.foreach(
            ResultState.portfolio,
            lambda row: rx.link(
                rx.hstack(
                    rx.text(row["period"], weight="bold"),
                    rx.text(row["rating_label"], size="2"),
                    rx.spacer(),
                    rx.text(row["total"], size="2"),
                    width="100%",
                    min_height="44px",
                    align="center",
                ),
                href=row["href"],
                class_name="portfolio-row",
                underline="none",
            ),
        ),
        width="100%",
        id="portfolio",
    )


def _key_result(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.el.details(
        rx.el.summary(
            rx.hstack(
                rx.text(row["code"], weight="bold", size="2"),
                rx.text(row["title"], size="2"),
                rx.spacer(),
                rx.text(row["score"], weight="bold", size="2"),
                rx.cond(
                    row["excluded"] == "1", rx.badge(emsg.EXCLUDED_NOTE, color_scheme="violet")
                ),
                wrap="wrap",
                width="100%",
            ),
            style={"minHeight": "44px", "cursor": "pointer"},
        ),
        rx.text(row["task"], size="1", color_scheme="gray"),
        rx.text(row["why"], size="2", white_space="pre-wrap"),
        class_name="kr-score",
        id="krs-" + row["code"],
        style={"borderBottom": "1px solid var(--gray-5)", "padding": "0.4em 0"},
    )


def person_page() -> rx.Component:
    """A person's result."""
    return page(
        rx.cond(
            ResultState.loaded,
            rx.vstack(
                error_callout(ResultState.error),
                rx.cond(
                    ResultState.summary.contains("name"),
                    rx.vstack(
                        summary_card(),
                        criteria_list(emsg.CRITERIA_LABEL),
                        explanation_block(),
                        steps_list(),
                        _portfolio(),
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


def unit_score_page() -> rx.Component:
    """A unit's collective score with per-key-result explanations."""
    return page(
        rx.cond(
            ResultState.loaded,
            rx.vstack(
                error_callout(ResultState.error),
                rx.cond(
                    ResultState.summary.contains("name"),
                    rx.vstack(
                        summary_card(),
                        criteria_list(emsg.PERSPECTIVES_LABEL),
                        explanation_block(),
                        steps_list(),
                        rx.card(
                            rx.heading(emsg.KEY_RESULTS_LABEL, size="3", as_="h2"),
                            rx.foreach(ResultState.key_results, _key_result),
                            width="100%",
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


PAGES = [
    PageSpec(PERSON_ROUTE, person_page, emsg.PERSON_TITLE, ResultState.load),
    PageSpec(UNIT_SCORE_ROUTE, unit_score_page, emsg.UNIT_SCORE_TITLE, ResultState.load),
]
