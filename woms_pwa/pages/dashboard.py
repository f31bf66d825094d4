"""``/tong-quan``: the province heatmap (units × four perspectives), filters and ranking.

A cell links to the unit's dashboard filtered on that perspective; a key
result there links to its full history: three clicks from the heatmap.
The page re-reads its figures when the data version changes (a background
poll, one cheap query every few seconds), so a new check-in shows without a
manual refresh. The filters (period, unit kind, area) live in the address
(``?period=2025&kind=commune&area=Xây dựng Đảng``), so a leader can share the
view; the area filter re-scores the units on that area's key results (core).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import reflex as rx
from reflex.event import EventSpec
from sqlmodel import Session

from analytics.scoring import PERSPECTIVES
from analytics.vntext import format_date_vi, format_number_vi, format_percent_vi
from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.components.nav import NavItem
from woms_pwa.context import db
from woms_pwa.core import messages as msg
from woms_pwa.core.messages import reports as rmsg
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.reports.dashboard import (
    data_version,
    default_period,
    province_dashboard,
    year_periods,
)
from woms_pwa.live_refresh import LiveRefreshMixin
from woms_pwa.pages.dashboard_charts import light_color, light_icon
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

DASHBOARD_ROUTE = "/tong-quan"
UNIT_ROUTE = "/tong-quan/don-vi"
ALL = "all"
LIGHT_WORDS = {
    "green": msg.STATUS_GREEN,
    "yellow": msg.STATUS_YELLOW,
    "red": msg.STATUS_RED,
    "none": msg.STATUS_NONE,
}


def unit_href(code: str, period: str, perspective: str = "") -> str:
    """Link to a unit's dashboard (optionally on one perspective)."""
    params = {"unit": code, "period": period}
    if perspective:
        params["p"] = perspective
    return f"{UNIT_ROUTE}?{urlencode(params)}"


def dashboard_href(period: str, kind: str, area: str) -> str:
    """The page's address with its filters (the defaults left out)."""
    params = {"period": period}
    if kind and kind != ALL:
        params["kind"] = kind
    if area and area != ALL:
        params["area"] = area
    return f"{DASHBOARD_ROUTE}?{urlencode(params)}"


def area_label(path: str) -> str:
    """An area path as the filter shows it: ``Kinh tế – xã hội › Văn hóa – xã hội``."""
    return rmsg.AREA_LEVEL_SEPARATOR.join(path.split("/"))


def _score(value: Any) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "-"
    return "-" if number != number else format_number_vi(number, 1)


def heat_rows(rows: list[dict[str, Any]], period: str) -> list[dict[str, str]]:
    """Display rows of the heatmap: one per unit, four cells each."""
    out = []
    for row in rows:
        item = {
            "code": str(row["owner_code"]),
            "name": str(row["owner_name"]),
            "kind": msg.UNIT_KIND_LABELS.get(row["owner_unit_kind"] or "", ""),
            "href": unit_href(row["owner_code"], period),
            "n_red": str(int(row["n_red"])),
            "score": _score(row["total"]),
            "rank": str(int(row["rank"])),
            "light": str(row["light"]),
        }
        for p in PERSPECTIVES:
            light = str(row[f"{p}_light"])
            health = row[f"{p}_health"]
            share = "" if health != health else format_percent_vi(float(health), 0)
            item[f"{p}_light"] = light
            item[f"{p}_text"] = share  # empty cell: the "minus" icon alone
            item[f"{p}_href"] = unit_href(row["owner_code"], period, p)
            item[f"{p}_label"] = rmsg.CELL_LABEL.format(
                unit=row["owner_name"],
                perspective=rmsg.PERSPECTIVE_SHORT[p],
                status=LIGHT_WORDS[light],
                share=share or "0%",
            )
        out.append(item)
    return out


class DashboardState(LiveRefreshMixin, AuthState):
    """The province heatmap."""

    period: str = ""
    periods: list[str] = []
    kind: str = ALL
    kinds: list[dict[str, str]] = []
    area: str = ALL
    areas: list[dict[str, str]] = []
    area_note: str = ""
    rows: list[dict[str, str]] = []
    ranking: list[dict[str, str]] = []
    as_of: str = ""
    version: str = ""
    error: str = ""
    loaded: bool = False

    def _live_route(self) -> str:
        return DASHBOARD_ROUTE

    def _live_stamp(self, session: Session) -> str:
        return data_version(session)

    def _live_shown(self) -> str:
        return self.version

    def _fill(self, actor: Actor) -> None:
        with db() as session:
            if not self.period:
                self.period = default_period(session)
            self.periods = year_periods(session) or [self.period]
            board = province_dashboard(
                session,
                actor,
                self.period,
                kind=None if self.kind == ALL else self.kind,
                area=None if self.area == ALL else self.area,
            )
        self.kinds = [{"value": ALL, "label": rmsg.ALL_KINDS}] + [
            {"value": k, "label": msg.UNIT_KIND_LABELS.get(k, k)} for k in board.kinds
        ]
        self.areas = [{"value": ALL, "label": rmsg.ALL_AREAS}] + [
            {"value": a, "label": area_label(a)} for a in board.areas
        ]
        self.area = board.area or ALL  # an area gone from the data falls back to all
        self.area_note = rmsg.AREA_NOTE.format(area=area_label(board.area)) if board.area else ""
        self.rows = heat_rows(board.rows, self.period)
        self.ranking = sorted(self.rows, key=lambda r: (int(r["rank"]), r["code"]))
        self.as_of = rmsg.DATA_AS_OF.format(date=format_date_vi(board.as_of))
        self.version = board.version

    @rx.event
    def load(self) -> list[EventSpec] | EventSpec | None:
        """Read the filters from the URL, compute the heatmap and start watching for changes."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        query = self.router.url.query_parameters
        self.period = query.get("period", "") or self.period
        self.kind = query.get("kind", "") or self.kind or ALL
        self.area = query.get("area", "") or self.area or ALL
        self.error = ""
        try:
            self._fill(actor)
        except PermissionDenied as exc:
            self.error = str(exc)
        self.loaded = True
        return DashboardState.watch

    def _refilter(self) -> EventSpec | None:
        actor = self._actor()
        if actor is None:
            return None
        self._fill(actor)
        # Keep the address in step without reloading, so the view can be shared.
        href = dashboard_href(self.period, self.kind, self.area)
        return rx.call_script(f"window.history.replaceState(null, '', {json.dumps(href)})")

    @rx.event
    def set_kind(self, value: str) -> EventSpec | None:
        """Filter on one kind of unit."""
        self.kind = value or ALL
        return self._refilter()

    @rx.event
    def set_area(self, value: str) -> EventSpec | None:
        """Filter on one area (lĩnh vực): cells and ranking on its key results."""
        self.area = value or ALL
        return self._refilter()

    @rx.event
    def set_period(self, value: str) -> EventSpec | None:
        """Show another year."""
        self.period = value
        return self._refilter()


def _cell(row: rx.Var[dict[str, str]], p: str) -> rx.Component:
    light = row[f"{p}_light"]
    return rx.el.td(
        rx.link(
            rx.hstack(
                light_icon(light),
                rx.text(row[f"{p}_text"], size="1", weight="bold"),
                spacing="1",
                align="center",
                justify="center",
            ),
            href=row[f"{p}_href"],
            aria_label=row[f"{p}_label"],
            title=row[f"{p}_label"],
            color="white",
            underline="none",
            display="flex",
            align_items="center",
            justify_content="center",
            min_height="44px",
            min_width="52px",
            background=light_color(light),
            border_radius="6px",
            class_name="heat-cell",
            data_light=light,
            data_perspective=p,
        ),
        padding="2px",
    )


def _heat_row(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.el.tr(
        rx.el.th(
            rx.link(row["name"], href=row["href"], size="2", weight="medium"),
            rx.text(row["kind"], size="1", color_scheme="gray"),
            scope="row",
            text_align="left",
            padding_right="4px",
        ),
        *[_cell(row, p) for p in PERSPECTIVES],
        rx.el.td(rx.text(row["n_red"], size="2", weight="bold"), text_align="center"),
        class_name="heat-row",
        data_unit=row["code"],
    )


def _heatmap() -> rx.Component:
    return rx.box(
        rx.el.table(
            rx.el.thead(
                rx.el.tr(
                    rx.el.th(rmsg.UNIT, scope="col", text_align="left"),
                    *[
                        rx.el.th(rx.text(rmsg.PERSPECTIVE_SHORT[p], size="1"), scope="col")
                        for p in PERSPECTIVES
                    ],
                    rx.el.th(rx.text(rmsg.RED_COUNT, size="1"), scope="col"),
                )
            ),
            rx.el.tbody(rx.foreach(DashboardState.rows, _heat_row)),
            width="100%",
            id="heatmap",
            style={"border_collapse": "separate", "border_spacing": "0 2px"},
        ),
        overflow_x="auto",
        width="100%",
    )


def _rank_item(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.hstack(
        rx.text(row["rank"], weight="bold", width="2em"),
        rx.link(row["name"], href=row["href"], size="2"),
        rx.spacer(),
        rx.text(row["score"], size="2", weight="bold"),
        width="100%",
        padding_y="0.4em",
        border_bottom="1px solid var(--gray-5)",
        class_name="rank-item",
        data_unit=row["code"],
    )


def _filters() -> rx.Component:
    return rx.flex(
        rx.vstack(
            rx.el.label(rmsg.PERIOD, html_for="period-select", class_name="field-label"),
            rx.select(
                DashboardState.periods,
                value=DashboardState.period,
                on_change=DashboardState.set_period,
                id="period-select",
                size="3",
            ),
            spacing="1",
        ),
        rx.vstack(
            rx.el.label(rmsg.UNIT_KIND_FILTER, html_for="kind-select", class_name="field-label"),
            rx.select.root(
                rx.select.trigger(id="kind-select"),
                rx.select.content(
                    rx.foreach(
                        DashboardState.kinds,
                        lambda k: rx.select.item(k["label"], value=k["value"]),
                    )
                ),
                value=DashboardState.kind,
                on_change=DashboardState.set_kind,
                size="3",
            ),
            spacing="1",
        ),
        rx.vstack(
            rx.el.label(rmsg.AREA_FILTER, html_for="area-select", class_name="field-label"),
            rx.select.root(
                rx.select.trigger(id="area-select", max_width="100%"),
                rx.select.content(
                    rx.foreach(
                        DashboardState.areas,
                        lambda a: rx.select.item(a["label"], value=a["value"]),
                    )
                ),
                value=DashboardState.area,
                on_change=DashboardState.set_area,
                size="3",
            ),
            spacing="1",
            max_width="100%",
        ),
        gap="1em",
        wrap="wrap",
    )


def dashboard_page() -> rx.Component:
    """The province heatmap page."""
    return page(
        rx.heading(rmsg.DASHBOARD_TITLE, size="5", as_="h1"),
        error_callout(DashboardState.error),
        rx.cond(
            DashboardState.loaded,
            rx.vstack(
                _filters(),
                rx.text(DashboardState.as_of, size="2", color_scheme="gray", id="as-of"),
                rx.text(rmsg.DASHBOARD_HINT, size="2"),
                rx.cond(
                    DashboardState.area_note != "",
                    rx.text(DashboardState.area_note, size="2", weight="medium", id="area-note"),
                ),
                rx.cond(
                    DashboardState.rows.length() == 0,
                    rx.text(
                        rx.cond(DashboardState.area == ALL, rmsg.NO_UNITS, rmsg.NO_UNITS_IN_AREA)
                    ),
                    _heatmap(),
                ),
                rx.heading(rmsg.RANKING, size="4", as_="h2"),
                rx.foreach(DashboardState.ranking, _rank_item),
                rx.text(rmsg.AUTO_REFRESH, size="1", color_scheme="gray"),
                spacing="3",
                width="100%",
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(DASHBOARD_ROUTE, dashboard_page, rmsg.DASHBOARD_TITLE, DashboardState.load)]

NAV = [
    NavItem(
        rmsg.NAV_DASHBOARD,
        DASHBOARD_ROUTE,
        "layout-grid",
        roles=("admin", "province", "head"),
        order=10,
    )
]
