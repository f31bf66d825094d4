"""Alerts page (``/canh-bao``): early warnings and anomalies in the actor's scope.

Owners see their own key results ("Chỉ của tôi"); leaders see everything in
their scope. Approvers and leaders mark an anomaly "đã giải trình" with a note.
"""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec
from sqlmodel import Session

from analytics.anomalies import KIND_LABELS
from analytics.vntext import fold_accents, format_number_vi
from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.components.nav import NavItem
from woms_pwa.context import db
from woms_pwa.core.alerts.reviews import AlertInputError, explain_anomaly
from woms_pwa.core.alerts.service import (
    AlertReport,
    alerts_snapshot,
    alerts_view,
    explainable_codes,
)
from woms_pwa.core.messages import alerts as amsg
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.live_refresh import LiveRefreshMixin
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

ALERTS_ROUTE = "/canh-bao"
MAX_SHOWN = 60


def _number(value: object, unit: str) -> str:
    if value is None:
        return "–"
    text = format_number_vi(float(str(value)), 1)
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}".strip()


def _is_mine(actor: Actor, row: dict[str, object]) -> bool:
    if actor.person_id is not None and row.get("owner_person_id") == actor.person_id:
        return True
    return actor.unit_id is not None and row.get("owner_unit_id") == actor.unit_id


def _common(actor: Actor, row: dict[str, object], index: int) -> dict[str, str]:
    code = str(row["kr_code"])
    title = str(row.get("title") or "")
    owner = str(row.get("owner_name") or row.get("owner_code") or "")
    return {
        "id": f"{row.get('source')}-{index}",
        "kr_code": code,
        "title": title,
        "owner": amsg.OWNER_LINE.format(owner=owner),
        "message": str(row["message"]),
        "href": f"/cap-nhat?kr={code}",
        "mine": "1" if _is_mine(actor, row) else "0",
        "search": fold_accents(f"{code} {title} {owner} {row['message']}").lower(),
    }


def warning_rows(actor: Actor, report: AlertReport) -> list[dict[str, str]]:
    """Display rows of the warnings."""
    rows = []
    for i, w in enumerate(report.warnings):
        unit = str(w.get("unit") or "")
        line = ""
        if w.get("forecast") is not None and w["kind"] == "forecast_miss":
            line = amsg.FORECAST_LINE.format(
                forecast=_number(w["forecast"], unit),
                lower=_number(w.get("lower"), unit),
                upper=_number(w.get("upper"), unit),
                method=w.get("method_label", ""),
            )
        rows.append(
            _common(actor, w, i)
            | {
                "kind": amsg.WARNING_KIND_LABELS.get(str(w["kind"]), str(w["kind"])),
                "level": str(w["level"]),
                "level_label": amsg.LEVEL_LABELS.get(str(w["level"]), ""),
                "forecast_line": line,
            }
        )
    return rows


def anomaly_rows(actor: Actor, report: AlertReport, explainable: set[str]) -> list[dict[str, str]]:
    """Display rows of the anomalies."""
    rows = []
    for i, a in enumerate(report.anomalies):
        review = ""
        if a.get("explained"):
            review = amsg.EXPLAINED_BY.format(
                who=a.get("reviewed_by", ""),
                when="/".join(reversed(str(a.get("reviewed_at", "")).split("-"))),
                note=a.get("review_note", ""),
            )
        rows.append(
            _common(actor, a, i)
            | {
                "kind": KIND_LABELS.get(str(a["kind"]), str(a["kind"])),
                "kind_code": str(a["kind"]),
                "key": str(a["key"]),
                "evidence": f"{amsg.EVIDENCE_LABEL}: {a.get('evidence', '')}",
                "explained": "1" if a.get("explained") else "0",
                "review": review,
                "can_explain": "1" if str(a["kr_code"]) in explainable else "0",
                # Stable across refreshes (the poll may replace the list while a form is open).
                "id": f"anomaly-{a['kr_code']}-{a['kind']}-{a['key']}",
            }
        )
    return rows


class AlertsState(LiveRefreshMixin, AuthState):
    """Warnings and anomalies of the actor's scope, with a filter."""

    warnings: list[dict[str, str]] = []
    anomalies: list[dict[str, str]] = []
    as_of_line: str = ""
    query: str = ""
    mine_only: bool = False
    explaining: str = ""
    error: str = ""
    loaded: bool = False
    ready: bool = False
    status_line: str = ""
    refreshing: bool = False
    report_token: str = ""

    def _live_route(self) -> str:
        return ALERTS_ROUTE

    def _live_stamp(self, session: Session) -> str:
        # Cheap (two maxima); a changed data version queues the recomputation.
        return alerts_snapshot(session).token

    def _live_shown(self) -> str:
        return self.report_token

    def _fill(self, actor: Actor) -> None:
        # The latest stored report, at once; the core recomputes in the background.
        with db() as session:
            view = alerts_view(session, actor)
            report = view.report
            explainable = explainable_codes(session, actor, report.anomalies) if report else set()
        self.report_token, self.status_line = view.snapshot.token, view.status_line
        self.refreshing = not view.snapshot.fresh
        self.ready = report is not None
        if view.snapshot.period is None:
            self.warnings, self.anomalies, self.as_of_line = [], [], amsg.NO_PERIOD
            return
        if report is None:  # the first computation is under way: show nothing as "none"
            self.warnings, self.anomalies, self.as_of_line = [], [], ""
            return
        self.warnings = warning_rows(actor, report)
        self.anomalies = anomaly_rows(actor, report, explainable)
        self.as_of_line = amsg.AS_OF_LINE.format(
            as_of=report.as_of.strftime("%d/%m/%Y"), period=report.period
        )

    @rx.event
    def load(self) -> EventSpec | None:
        """Show the latest alerts in the actor's scope (``?kr=CODE`` pre-fills the filter)."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.loaded, self.error, self.explaining = False, "", ""
        self.query = self.router.url.query_parameters.get("kr", "")
        self._fill(actor)
        self.loaded = True
        return AlertsState.watch

    @rx.event
    def set_query(self, value: str) -> None:
        """Update the filter text."""
        self.query = value[:200]

    @rx.event
    def set_mine_only(self, value: bool) -> None:
        """Show only the actor's own key results."""
        self.mine_only = bool(value)

    @rx.event
    def start_explain(self, row_id: str) -> None:
        """Open the explanation form of one anomaly."""
        self.explaining, self.error = row_id, ""

    @rx.event
    def cancel_explain(self) -> None:
        """Close the explanation form."""
        self.explaining = ""

    @rx.event
    def explain(self, form: dict[str, str]) -> list[EventSpec] | EventSpec | None:
        """Store the explanation of the open anomaly."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        row = next((a for a in self.anomalies if a["id"] == self.explaining), None)
        if row is None:
            self.error = amsg.ANOMALY_NOT_FOUND
            return None
        try:
            with db() as session:
                explain_anomaly(
                    session,
                    actor,
                    kr_code=row["kr_code"],
                    kind=row["kind_code"],
                    key=row["key"],
                    note=form.get("note", ""),
                )
        except (AlertInputError, PermissionDenied) as exc:
            self.error = str(exc)
            return None
        self.explaining, self.error = "", ""
        self._fill(actor)
        return rx.toast.success(amsg.EXPLAIN_DONE)

    def _keep(self, rows: list[dict[str, str]]) -> list[dict[str, str]]:
        words = fold_accents(self.query).lower().split()
        return [
            r
            for r in rows
            if (not self.mine_only or r["mine"] == "1") and all(w in r["search"] for w in words)
        ]

    @rx.var
    def shown_warnings(self) -> list[dict[str, str]]:
        """Warnings after the filter (at most ``MAX_SHOWN``: a phone cannot scroll 400 cards)."""
        return self._keep(self.warnings)[:MAX_SHOWN]

    @rx.var
    def shown_anomalies(self) -> list[dict[str, str]]:
        """Anomalies after the filter, those still to explain first."""
        rows = self._keep(self.anomalies)
        return sorted(rows, key=lambda r: r["explained"])[:MAX_SHOWN]

    @rx.var
    def counts_line(self) -> str:
        """How many match the filter, and how many are shown."""
        return amsg.COUNTS_LINE.format(
            n_warnings=len(self._keep(self.warnings)),
            n_anomalies=len(self._keep(self.anomalies)),
            shown=MAX_SHOWN,
        )


def _head(row: rx.Var[dict[str, str]], badge: rx.Component) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            badge,
            rx.text(row["kind"], weight="bold", size="2"),
            spacing="2",
            align="center",
            wrap="wrap",
        ),
        rx.link(row["kr_code"] + " · " + row["title"], href=row["href"], size="2"),
        rx.text(row["owner"], size="1", color_scheme="gray"),
        rx.text(row["message"], size="2", class_name="alert-message"),
        spacing="1",
        align="start",
        width="100%",
    )


def _warning_card(row: rx.Var[dict[str, str]]) -> rx.Component:
    badge = rx.badge(
        rx.icon("triangle-alert", size=14, aria_hidden="true"),
        row["level_label"],
        color_scheme=rx.cond(row["level"] == "off_track", "red", "amber"),
        size="2",
    )
    return rx.card(
        _head(row, badge),
        rx.cond(
            row["forecast_line"] != "", rx.text(row["forecast_line"], size="1", color_scheme="gray")
        ),
        width="100%",
        class_name="alert-card warning-card",
        data_kr=row["kr_code"],
    )


def _explain_form(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.el.label(amsg.EXPLAIN_NOTE_LABEL, html_for="explain-note", class_name="field-label"),
            rx.text_area(
                id="explain-note", name="note", rows="3", size="3", width="100%", max_length=2000
            ),
            error_callout(AlertsState.error),
            rx.hstack(
                rx.button(
                    amsg.EXPLAIN_SAVE, type="submit", size="3", min_height="44px", id="save-explain"
                ),
                rx.button(
                    amsg.CANCEL,
                    type="button",
                    variant="soft",
                    size="3",
                    min_height="44px",
                    on_click=AlertsState.cancel_explain,
                ),
                spacing="2",
            ),
            spacing="2",
            width="100%",
        ),
        on_submit=AlertsState.explain,
        reset_on_submit=True,
        width="100%",
    )


def _anomaly_card(row: rx.Var[dict[str, str]]) -> rx.Component:
    badge = rx.cond(
        row["explained"] == "1",
        rx.badge(
            rx.icon("circle-check", size=14, aria_hidden="true"),
            amsg.EXPLAINED,
            color_scheme="grass",
            size="2",
        ),
        rx.badge(
            rx.icon("search", size=14, aria_hidden="true"),
            amsg.ANOMALY_BADGE,
            color_scheme="purple",
            size="2",
        ),
    )
    return rx.card(
        _head(row, badge),
        rx.text(row["evidence"], size="1", color_scheme="gray"),
        rx.cond(row["review"] != "", rx.text(row["review"], size="2", class_name="anomaly-review")),
        rx.cond(
            (row["can_explain"] == "1") & (row["explained"] == "0"),
            rx.cond(
                AlertsState.explaining == row["id"],
                _explain_form(row),
                rx.button(
                    rx.icon("message-square-check", size=16, aria_hidden="true"),
                    amsg.EXPLAIN_ACTION,
                    size="3",
                    variant="soft",
                    min_height="44px",
                    class_name="explain-button",
                    on_click=AlertsState.start_explain(row["id"]),
                ),
            ),
        ),
        width="100%",
        class_name="alert-card anomaly-card",
        data_kr=row["kr_code"],
    )


def alerts_page() -> rx.Component:
    """The alerts page."""
    return page(
        rx.heading(amsg.PAGE_TITLE, size="5", as_="h1"),
        rx.text(amsg.INTRO, size="2", color_scheme="gray"),
        rx.cond(
            AlertsState.loaded,
            rx.vstack(
                rx.hstack(
                    rx.cond(AlertsState.refreshing, rx.spinner(size="1")),
                    rx.text(AlertsState.status_line, size="1", color_scheme="gray"),
                    id="alert-freshness",
                    role="status",
                    spacing="2",
                    align="center",
                ),
                rx.text(AlertsState.as_of_line, size="1", color_scheme="gray"),
                rx.cond(AlertsState.ready, _lists()),
                spacing="2",
                width="100%",
            ),
            loading_block(),
        ),
    )


def _lists() -> rx.Component:
    """Filter, warnings and anomalies (only once a report exists: "none" must be true)."""
    return rx.vstack(
        rx.el.label(amsg.FILTER_LABEL, html_for="alert-filter", class_name="field-label"),
        rx.input(
            id="alert-filter",
            value=AlertsState.query,
            on_change=AlertsState.set_query,
            size="3",
            width="100%",
        ),
        rx.el.label(
            rx.hstack(
                rx.checkbox(
                    checked=AlertsState.mine_only,
                    on_change=AlertsState.set_mine_only,
                    id="alert-mine",
                    size="3",
                ),
                rx.text(amsg.FILTER_MINE, size="2"),
                align="center",
                spacing="2",
                min_height="44px",
            ),
        ),
        rx.text(AlertsState.counts_line, size="2", id="alert-counts"),
        rx.heading(amsg.WARNINGS_HEADING, size="4", as_="h2"),
        rx.cond(
            AlertsState.shown_warnings.length() == 0,
            rx.text(amsg.NO_WARNINGS, color_scheme="gray"),
        ),
        rx.foreach(AlertsState.shown_warnings, _warning_card),
        rx.heading(amsg.ANOMALIES_HEADING, size="4", as_="h2", margin_top="0.5em"),
        rx.cond(
            AlertsState.shown_anomalies.length() == 0,
            rx.text(amsg.NO_ANOMALIES, color_scheme="gray"),
        ),
        rx.foreach(AlertsState.shown_anomalies, _anomaly_card),
        spacing="2",
        width="100%",
    )


PAGES = [PageSpec(ALERTS_ROUTE, alerts_page, amsg.PAGE_TITLE, AlertsState.load)]

NAV = [NavItem(amsg.NAV_LABEL, ALERTS_ROUTE, "triangle-alert", order=20)]
