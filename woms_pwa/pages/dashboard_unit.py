"""``/tong-quan/don-vi?unit=CODE&period=2025[&p=budget]``: one unit's dashboard.

Radar of the four perspectives, key results with progress and monthly trend,
breakthrough items apart (own colour), departments and people. Every key
result links to its full history (``/muc-tieu?kr=CODE``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import reflex as rx
from reflex.event import EventSpec
from sqlmodel import Session

from analytics.scoring import PERSPECTIVES
from analytics.vntext import format_date_vi, format_number_vi, format_percent_vi
from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.components.progress import light_badge, progress_bar
from woms_pwa.context import db
from woms_pwa.core import messages as msg
from woms_pwa.core.messages import reports as rmsg
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.reports.dashboard import (
    data_version,
    default_period,
    monthly_ratios,
    unit_dashboard,
)
from woms_pwa.live_refresh import LiveRefreshMixin
from woms_pwa.pages.dashboard import UNIT_ROUTE, unit_href
from woms_pwa.pages.dashboard_charts import (
    radar_chart,
    radar_labels,
    radar_polygon,
    spark,
    sparkline,
)
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

HISTORY_ROUTE = "/muc-tieu"


def history_href(kr_code: str) -> str:
    """Link to a key result's full history."""
    return f"{HISTORY_ROUTE}?{urlencode({'kr': kr_code})}"


def _n(value: Any, decimals: int = 1) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "-"
    return "-" if number != number else format_number_vi(number, decimals)


def kr_card_rows(
    records: list[dict[str, Any]], trends: dict[int, list[float | None]]
) -> list[dict[str, str]]:
    """Display rows of key results (progress, light, sparkline, link)."""
    rows = []
    for r in records:
        has = r["light"] != "none"
        completion = float(r["completion"]) if has else None
        bar = 0.0 if completion is None else max(0.0, min(1.0, completion))
        actual = _n(r["actual"]) if has else msg.NO_DATA_YET
        rows.append(
            {
                "code": str(r["kr_code"]),
                "title": str(r["title"]),
                "task": str(r["task_title"]),
                "perspective": rmsg.PERSPECTIVE_SHORT.get(r["perspective"], ""),
                "figures": f"{actual} / {_n(r['target'])} {r['unit'] or ''}".strip(),
                "percent": f"{bar * 100:.0f}",
                "percent_text": format_percent_vi(completion, 0) if completion is not None else "",
                "light": str(r["light"]),
                "spark": sparkline(trends.get(int(r["kr_id"]), [])),
                "href": history_href(str(r["kr_code"])),
                "breakthrough": "1" if r["breakthrough"] else "0",
            }
        )
    return rows


class UnitDashboardState(LiveRefreshMixin, AuthState):
    """One unit's dashboard."""

    unit: str = ""
    period: str = ""
    perspective: str = ""
    name: str = ""
    as_of: str = ""
    summary: str = ""
    radar: str = ""
    radar_labels: list[dict[str, str]] = []
    scores: list[dict[str, str]] = []
    key_results: list[dict[str, str]] = []
    breakthrough: list[dict[str, str]] = []
    departments: list[dict[str, str]] = []
    people: list[dict[str, str]] = []
    filters: list[dict[str, str]] = []
    error: str = ""
    loaded: bool = False
    version: str = ""

    def _live_route(self) -> str:
        return UNIT_ROUTE

    def _live_stamp(self, session: Session) -> str:
        return data_version(session)

    def _live_shown(self) -> str:
        return self.version

    def _live_paused(self) -> bool:
        return bool(self.error)

    def _fill(self, actor: Actor) -> None:
        with db() as session:
            self.version = data_version(session)
            if not self.period:
                self.period = default_period(session)
            board = unit_dashboard(session, actor, self.unit, self.period)
            ids = [int(r["kr_id"]) for r in board.key_results]
            targets = {int(r["kr_id"]): float(r["target"]) for r in board.key_results}
            trends = monthly_ratios(session, ids, targets, int(self.period[:4]), board.as_of)
        s = board.summary
        self.name = board.name
        self.as_of = rmsg.DATA_AS_OF.format(date=format_date_vi(board.as_of))
        self.summary = (
            f"{msg.STATUS_GREEN}: {s.get('n_green', 0)} · {msg.STATUS_YELLOW}: {s.get('n_yellow', 0)}"
            f" · {msg.STATUS_RED}: {s.get('n_red', 0)} · {rmsg.SCORE}: {_n(s.get('total'))}"
        )
        values = [
            None
            if s.get(f"{p}_score") is None or s.get(f"{p}_score") != s.get(f"{p}_score")
            else float(s[f"{p}_score"])
            for p in PERSPECTIVES
        ]
        self.radar = radar_polygon(values)
        self.radar_labels = radar_labels([rmsg.PERSPECTIVE_SHORT[p] for p in PERSPECTIVES])
        self.scores = [
            {
                "label": msg.PERSPECTIVE_LABELS[p],
                "score": _n(values[i]),
                "light": str(s.get(f"{p}_light", "none")),
            }
            for i, p in enumerate(PERSPECTIVES)
        ]
        records = [
            r
            for r in board.key_results
            if not self.perspective or r["perspective"] == self.perspective
        ]
        rows = kr_card_rows(records, trends)
        self.key_results = [r for r in rows if r["breakthrough"] == "0"]
        self.breakthrough = [r for r in rows if r["breakthrough"] == "1"]
        self.filters = [
            {
                "label": rmsg.ALL_PERSPECTIVES,
                "href": unit_href(self.unit, self.period),
                "active": "1" if not self.perspective else "0",
            }
        ] + [
            {
                "label": rmsg.PERSPECTIVE_SHORT[p],
                "href": unit_href(self.unit, self.period, p),
                "active": "1" if self.perspective == p else "0",
            }
            for p in PERSPECTIVES
        ]
        self.departments = [
            {
                "name": str(d["owner_name"]),
                "href": unit_href(str(d["owner_code"]), self.period),
                "light": str(d["light"]),
                "score": _n(d["total"]),
            }
            for d in board.departments
        ]
        self.people = [
            {
                "name": str(p["owner_name"]),
                "score": _n(p["total"]),
                "counts": f"{p['n_key_results']} mục tiêu · {p['n_red']} chậm",
            }
            for p in board.people
        ]

    @rx.event
    def load(self) -> EventSpec | None:
        """Read ``unit``, ``period`` and ``p`` from the URL, fetch the dashboard, keep it fresh."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        query = self.router.url.query_parameters
        self.unit = query.get("unit", "")
        self.period = query.get("period", "")
        p = query.get("p", "")
        self.perspective = p if p in PERSPECTIVES else ""
        self.error, self.loaded = "", False
        try:
            self._fill(actor)
        except PermissionDenied as exc:
            self.error, self.key_results, self.name = str(exc), [], ""
            self.loaded = True
            return None
        self.loaded = True
        return UnitDashboardState.watch


def kr_card(row: rx.Var[dict[str, str]]) -> rx.Component:
    """A key result: title, figures, progress bar, trend, light; links to its history."""
    return rx.link(
        rx.card(
            rx.vstack(
                rx.hstack(
                    rx.text(row["code"], size="1", color_scheme="gray"),
                    rx.spacer(),
                    light_badge(row["light"]),
                    width="100%",
                ),
                rx.text(row["title"], weight="medium", size="3"),
                rx.hstack(
                    rx.text(row["figures"], size="2"),
                    rx.spacer(),
                    spark(row["spark"]),
                    rx.text(row["percent_text"], size="2", weight="bold"),
                    width="100%",
                    align="center",
                ),
                progress_bar(row["percent"], row["light"], row["title"]),
                spacing="1",
                width="100%",
            ),
            width="100%",
            border_left=rx.cond(row["breakthrough"] == "1", "4px solid var(--purple-9)", "none"),
        ),
        href=row["href"],
        underline="none",
        color="inherit",
        width="100%",
        class_name="kr-link",
        data_kr=row["code"],
    )


def _score_row(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.hstack(
        rx.text(row["label"], size="2"),
        rx.spacer(),
        rx.text(row["score"], weight="bold", size="2"),
        light_badge(row["light"]),
        width="100%",
        align="center",
    )


def _filter_chip(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.link(
        rx.badge(row["label"], size="3", variant=rx.cond(row["active"] == "1", "solid", "soft")),
        href=row["href"],
        underline="none",
        min_height="44px",
        display="inline-flex",
        align_items="center",
    )


def _simple(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.hstack(
        rx.link(row["name"], href=row["href"], size="2"),
        rx.spacer(),
        rx.text(row["score"], size="2", weight="bold"),
        light_badge(row["light"]),
        width="100%",
        align="center",
    )


def _person(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.text(row["name"], size="2", weight="medium"),
            rx.text(row["counts"], size="1", color_scheme="gray"),
            spacing="0",
        ),
        rx.spacer(),
        rx.text(row["score"], size="2", weight="bold"),
        width="100%",
    )


def unit_dashboard_page() -> rx.Component:
    """The unit dashboard page."""
    s = UnitDashboardState
    return page(
        rx.heading(rx.cond(s.name != "", s.name, rmsg.UNIT_DASHBOARD_TITLE), size="5", as_="h1"),
        error_callout(s.error),
        rx.cond(
            s.loaded & (s.error == ""),
            rx.vstack(
                rx.text(s.as_of, size="2", color_scheme="gray"),
                rx.text(s.summary, size="2", weight="medium", id="unit-summary"),
                rx.heading(rmsg.RADAR_TITLE, size="4", as_="h2"),
                rx.center(radar_chart(s.radar, s.radar_labels, rmsg.RADAR_TITLE), width="100%"),
                rx.foreach(s.scores, _score_row),
                rx.heading(rmsg.KEY_RESULTS, size="4", as_="h2"),
                rx.flex(rx.foreach(s.filters, _filter_chip), gap="0.4em", wrap="wrap"),
                rx.foreach(s.key_results, kr_card),
                rx.cond(
                    s.breakthrough.length() > 0,
                    rx.vstack(
                        rx.heading(
                            rmsg.BREAKTHROUGH_ITEMS, size="4", as_="h2", color="var(--purple-11)"
                        ),
                        rx.foreach(s.breakthrough, kr_card),
                        width="100%",
                        spacing="2",
                    ),
                ),
                rx.cond(
                    s.departments.length() > 0,
                    rx.vstack(
                        rx.heading(rmsg.DEPARTMENTS, size="4", as_="h2"),
                        rx.foreach(s.departments, _simple),
                        width="100%",
                    ),
                ),
                rx.cond(
                    s.people.length() > 0,
                    rx.vstack(
                        rx.heading(rmsg.PEOPLE, size="4", as_="h2"),
                        rx.foreach(s.people, _person),
                        width="100%",
                    ),
                ),
                spacing="3",
                width="100%",
            ),
            rx.cond(s.loaded, rx.fragment(), loading_block()),
        ),
    )


PAGES = [
    PageSpec(UNIT_ROUTE, unit_dashboard_page, rmsg.UNIT_DASHBOARD_TITLE, UnitDashboardState.load)
]
