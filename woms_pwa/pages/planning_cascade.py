"""Cascade a key result: allocate its target to child units and people, see the remainder."""

from __future__ import annotations

from urllib.parse import urlencode

import reflex as rx
from reflex.event import EventSpec

from analytics.cascade import split_evenly
from analytics.vntext import format_number_vi, parse_number
from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.context import db
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.planning.cascading import (
    CascadeTarget,
    cascade_candidates,
    cascade_key_result,
    cascade_status,
)
from woms_pwa.core.planning.common import PlanningError
from woms_pwa.pages.planning_parts import TOUCH, native_select
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

CASCADE_ROUTE = "/lap-ke-hoach/giao-chi-tieu"


def cascade_href(kr_code: str) -> str:
    """Link to the cascade page of a key result."""
    return CASCADE_ROUTE + "?" + urlencode({"kr": kr_code})


def _num(value: float | None) -> str:
    return "" if value is None else format_number_vi(value, 2)


class CascadeState(AuthState):
    """The parent key result, its allocations and the allocation form."""

    kr_code: str = ""
    title: str = ""
    parent_line: str = ""
    unit: str = ""
    direction: str = "increase"
    target: float = 0.0
    checks: list[dict[str, str]] = []
    candidates: list[dict[str, str]] = []
    shares: dict[str, str] = {}
    mode: str = "mandatory"
    error: str = ""
    loaded: bool = False

    def _fill(self, actor: Actor) -> None:
        with db() as session:
            status = cascade_status(session, actor, self.kr_code)
            candidates = cascade_candidates(session, actor, self.kr_code)
        self.title, self.unit, self.target = status.title, status.unit, status.target
        self.direction = status.direction
        self.parent_line = msg.CASCADE_PARENT.format(target=_num(status.target), unit=status.unit)
        rows = []
        for relation, check in status.checks.items():
            rolled = status.rolled_up.get(relation)
            rows.append(
                {
                    "key": relation,
                    "label": msg.CASCADE_RELATIONS.get(relation, relation),
                    "summary": msg.CASCADE_LEVEL
                    if check.aggregation == "level"
                    else msg.CASCADE_REMAINDER.format(
                        allocated=_num(check.allocated),
                        remainder=_num(check.remainder),
                        unit=status.unit,
                    ),
                    "problems": " ".join(text for _, text in check.problems),
                    "rolled": msg.CASCADE_ROLLED.format(value=_num(rolled), unit=status.unit)
                    if rolled is not None
                    else "",
                    "ok": "1" if check.ok else "",
                }
            )
        self.checks = rows
        self.candidates = [
            {
                "code": c.code,
                "name": c.name,
                "id": f"share-{i}",
                "label": msg.CASCADE_TARGET_FOR.format(name=c.name),
            }
            for i, c in enumerate(candidates)
        ]
        self.shares = {c.code: _num(c.target) for c in candidates}

    @rx.event
    def load(self) -> EventSpec | None:
        """Read ``kr`` from the URL."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.loaded, self.error = False, ""
        self.kr_code = self.router.url.query_parameters.get("kr", "")
        try:
            self._fill(actor)
        except (PlanningError, PermissionDenied) as exc:
            self.error, self.title = str(exc), ""
        self.loaded = True
        return None

    @rx.event
    def set_share(self, code: str, value: str) -> None:
        """The share typed for one child."""
        self.shares = {**self.shares, code: value}

    @rx.event
    def set_mode(self, value: str) -> None:
        """Mandatory or suggested."""
        self.mode = value

    @rx.event
    def split(self) -> None:
        """Fill every child's share evenly (levels copied for percentages)."""
        parts = split_evenly(
            self.target, [c["code"] for c in self.candidates], self.unit, self.direction
        )
        self.shares = {p.child: _num(p.target) for p in parts}

    @rx.event
    def save(self) -> EventSpec | None:
        """Give each child with a share its part of the target."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        targets = []
        for code, text in self.shares.items():
            if not text.strip():
                continue
            value = parse_number(text)
            if value is None:
                self.error = msg.KR_NUMBER_INVALID.format(field=msg.FIELD_LABELS["target"])
                return None
            targets.append(CascadeTarget(code, value))
        try:
            with db() as session:
                cascade_key_result(session, actor, self.kr_code, targets, mode=self.mode)
        except (PlanningError, PermissionDenied) as exc:
            self.error = str(exc)
            return None
        self.error = ""
        self._fill(actor)
        return rx.toast.success(msg.CASCADE_SAVED)


def _check(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(row["label"], weight="bold"),
                rx.spacer(),
                rx.cond(
                    row["ok"] == "1",
                    rx.icon("circle-check", color="var(--grass-10)", aria_hidden="true"),
                    rx.icon("triangle-alert", color="var(--amber-10)", aria_hidden="true"),
                ),
                width="100%",
            ),
            rx.text(row["summary"], size="2", class_name="cascade-summary"),
            rx.cond(
                row["problems"] != "", rx.text(row["problems"], size="2", color="var(--red-11)")
            ),
            rx.cond(row["rolled"] != "", rx.text(row["rolled"], size="2")),
            spacing="1",
            width="100%",
        ),
        width="100%",
        class_name="cascade-check",
    )


def _share(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.vstack(
        rx.el.label(row["label"], html_for=row["id"], class_name="field-label"),
        rx.input(
            id=row["id"],
            value=CascadeState.shares[row["code"]],
            input_mode="decimal",
            on_change=lambda v: CascadeState.set_share(row["code"], v),
            size="3",
            width="100%",
            min_height=TOUCH,
        ),
        spacing="1",
        width="100%",
    )


def cascade_page() -> rx.Component:
    """The cascade page."""
    s = CascadeState
    return page(
        rx.heading(msg.CASCADE_TITLE, size="6", as_="h1"),
        rx.cond(
            s.loaded,
            rx.vstack(
                error_callout(s.error),
                rx.cond(
                    s.title != "",
                    rx.vstack(
                        rx.text(s.title, weight="bold"),
                        rx.text(s.parent_line, size="2"),
                        rx.cond(
                            s.checks.length() == 0, rx.text(msg.CASCADE_NONE, color_scheme="gray")
                        ),
                        rx.foreach(s.checks, _check),
                        rx.cond(
                            s.candidates.length() == 0,
                            rx.text(msg.CASCADE_EMPTY_CANDIDATES, color_scheme="gray"),
                            rx.card(
                                rx.vstack(
                                    native_select(
                                        msg.CASCADE_MODE_LABEL,
                                        "cascade-mode",
                                        list(msg.CASCADE_MODES.items()),
                                        value=s.mode,
                                        on_change=s.set_mode,
                                    ),
                                    rx.button(
                                        msg.CASCADE_SPLIT,
                                        on_click=s.split,
                                        variant="soft",
                                        min_height=TOUCH,
                                        type="button",
                                    ),
                                    rx.foreach(s.candidates, _share),
                                    rx.button(
                                        rx.icon("git-fork", aria_hidden="true"),
                                        msg.CASCADE_SAVE,
                                        on_click=s.save,
                                        size="3",
                                        width="100%",
                                        min_height="48px",
                                        id="save-cascade",
                                    ),
                                    spacing="2",
                                    width="100%",
                                ),
                                width="100%",
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


PAGES = [PageSpec(CASCADE_ROUTE, cascade_page, msg.CASCADE_TITLE, CascadeState.load)]
