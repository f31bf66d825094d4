"""Trợ lý (/tro-ly): ask a question, read a grounded answer, tap its sources."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from woms_pwa.components.layout import error_callout, page
from woms_pwa.components.nav import NavItem
from woms_pwa.core.messages import assistant as amsg
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

ROUTE = "/tro-ly"


class AssistantState(AuthState):
    """Question, answer lines, source chips and ask-back options."""

    question: str = ""
    lines: list[str] = []
    sources: list[dict[str, str]] = []
    options: list[str] = []
    suggestions: list[str] = []
    busy: bool = False
    error: str = ""

    @rx.event
    def load(self) -> EventSpec | None:
        """Prepare suggested questions for the signed-in user."""
        from woms_pwa.context import db
        from woms_pwa.core.models import Unit
        from woms_pwa.core.services.plans import most_behind_unit

        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        name = ""
        with db() as session:
            unit = session.get(Unit, actor.unit_id) if actor.unit_id else None
            # Leaders of the province ask about the units behind, not about the province.
            if unit is None or unit.parent_id is None:
                name = most_behind_unit(session, actor) or (unit.name if unit else "")
            else:
                name = unit.name
        self.suggestions = [
            q.format(unit=name) for q in amsg.SUGGESTED_QUESTIONS if name or "{unit}" not in q
        ]
        return None

    @rx.event
    def set_question(self, value: str) -> None:
        """Keep the typed question."""
        self.question = value

    @rx.event
    def pick(self, text: str) -> EventSpec:
        """Ask a suggested question (or the question again with a chosen unit)."""
        self.question = text
        return AssistantState.ask

    @rx.event
    def choose(self, unit_name: str) -> EventSpec:
        """Answer an ask-back by naming the unit in the question."""
        self.question = (
            f"{self.question} ({unit_name})" if unit_name not in self.question else self.question
        )
        return AssistantState.ask

    @rx.event(background=True)
    async def ask(self) -> EventSpec | None:
        """Answer in the background so the page stays responsive."""
        from woms_pwa.context import db, settings
        from woms_pwa.core import assistant_service

        async with self:
            actor = self._actor()
            if actor is None:
                return rx.redirect(SIGN_IN_ROUTE)
            question = self.question
            self.busy, self.error = True, ""
        lines: list[str] = []
        chips: list[dict[str, str]] = []
        options: list[str] = []
        error = ""
        try:
            with db() as session:
                # Incremental: only what arrived since the last background round is indexed here.
                answer = assistant_service.ask(session, actor, question, settings())
            lines = answer.text.split("\n")
            options = answer.options
            chips = [
                {
                    "label": f"[{c.number}] "
                    + amsg.SOURCE_CHIP.format(
                        date=c.source.date.strftime("%d/%m/%Y") if c.source.date else "",
                        unit=c.source.unit_code,
                        kr=c.source.kr_code or "",
                    ),
                    "href": c.link,
                    "title": c.quote,
                }
                for c in answer.citations
            ]
        except ValueError as exc:
            error = str(exc)
        except Exception:
            error = amsg.FAILED
        async with self:
            self.lines, self.sources, self.options, self.error, self.busy = (
                lines,
                chips,
                options,
                error,
                False,
            )
        return None


def _chip(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.link(
        rx.badge(
            rx.icon("file-text", size=14, aria_hidden="true"),
            row["label"],
            size="3",
            variant="soft",
            # Long labels (date · unit · key result) wrap on a phone instead of overflowing.
            white_space="normal",
            overflow_wrap="anywhere",
            max_width="100%",
        ),
        href=row["href"],
        max_width="100%",
        title=row["title"],
        min_height="44px",
        display="inline-flex",
        align_items="center",
        underline="none",
    )


def assistant_page() -> rx.Component:
    """The chat page (mobile first)."""
    return page(
        rx.heading(amsg.PAGE_TITLE, size="5", as_="h1"),
        rx.text(amsg.PAGE_INTRO, size="2", color_scheme="gray"),
        rx.form(
            rx.vstack(
                rx.el.label(
                    amsg.QUESTION_LABEL,
                    html_for="assistant-question",
                    class_name="rt-Text rt-r-size-2",
                ),
                rx.text_area(
                    id="assistant-question",
                    value=AssistantState.question,
                    on_change=AssistantState.set_question,
                    placeholder=amsg.QUESTION_PLACEHOLDER,
                    rows="2",
                    width="100%",
                ),
                rx.button(
                    rx.icon("send", size=18, aria_hidden="true"),
                    amsg.ASK,
                    type="submit",
                    loading=AssistantState.busy,
                    min_height="44px",
                    width="100%",
                ),
                width="100%",
                spacing="2",
            ),
            on_submit=lambda _: AssistantState.ask,
            width="100%",
        ),
        error_callout(AssistantState.error),
        rx.cond(AssistantState.busy, rx.text(amsg.ASKING, size="2", color_scheme="gray")),
        rx.cond(
            AssistantState.lines.length() > 0,
            rx.card(
                rx.vstack(
                    rx.foreach(AssistantState.lines, lambda line: rx.text(line, size="3")),
                    rx.cond(
                        AssistantState.options.length() > 0,
                        rx.vstack(
                            rx.text(amsg.CLARIFY_HINT, size="2", weight="bold"),
                            rx.foreach(
                                AssistantState.options,
                                lambda name: rx.button(
                                    name,
                                    variant="outline",
                                    min_height="44px",
                                    on_click=AssistantState.choose(name),
                                ),
                            ),
                            spacing="2",
                        ),
                    ),
                    rx.cond(
                        AssistantState.sources.length() > 0,
                        rx.vstack(
                            rx.text(amsg.SOURCES, size="2", weight="bold"),
                            rx.flex(
                                rx.foreach(AssistantState.sources, _chip), wrap="wrap", gap="2"
                            ),
                            spacing="1",
                        ),
                    ),
                    spacing="2",
                    width="100%",
                ),
                width="100%",
                data_testid="assistant-answer",
            ),
        ),
        rx.heading(amsg.SUGGESTIONS, size="3", as_="h2", margin_top="0.5em"),
        rx.flex(
            rx.foreach(
                AssistantState.suggestions,
                lambda q: rx.button(
                    q,
                    variant="soft",
                    min_height="44px",
                    white_space="normal",
                    text_align="left",
                    on_click=AssistantState.pick(q),
                ),
            ),
            direction="column",
            gap="2",
            width="100%",
        ),
    )


PAGES = [PageSpec(ROUTE, assistant_page, amsg.PAGE_TITLE, AssistantState.load)]

NAV = [
    NavItem(
        amsg.NAV_LABEL,
        ROUTE,
        "message-circle-question",
        roles=("admin", "province", "head", "cadre"),
        order=40,
    )
]


SYNC_SECONDS = 30.0


async def keep_index_fresh() -> None:
    """Lifespan task: index new check-ins and notes every ~30 s, off the event loop.

    Check-ins never wait for this; a failed round (database busy, index
    locked) is retried at the next one.
    """
    import asyncio
    import logging

    from woms_pwa.context import db, settings
    from woms_pwa.core import assistant_service

    def one_round() -> int:
        with db() as session:
            return assistant_service.sync(session, settings())

    while True:
        try:
            await asyncio.to_thread(one_round)
        except Exception:
            logging.getLogger(__name__).exception("assistant index sync failed")
        await asyncio.sleep(SYNC_SECONDS)
