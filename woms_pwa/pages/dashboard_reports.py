"""``/bao-cao[?unit=CODE&kind=monthly]``: generate and download reports (PDF and Excel)."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec
from sqlalchemy import text

from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.components.nav import NavItem
from woms_pwa.context import db
from woms_pwa.core.messages import reports as rmsg
from woms_pwa.core.permissions import PermissionDenied
from woms_pwa.core.reports.dashboard import default_period, scored_period
from woms_pwa.core.reports.generate import default_report_period, generate_report, report_units
from woms_pwa.core.reports.periods import ReportInputError
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

REPORTS_ROUTE = "/bao-cao"
KINDS = ("monthly", "quarterly", "annual", "weekly", "province")


class ReportsState(AuthState):
    """The report form and the last generated file's fingerprint."""

    units: list[dict[str, str]] = []
    kinds: list[dict[str, str]] = [{"value": k, "label": rmsg.REPORT_KINDS[k]} for k in KINDS]
    unit: str = ""
    kind: str = "monthly"
    period: str = ""
    as_of: str = ""
    fingerprint: str = ""
    error: str = ""
    loaded: bool = False

    @rx.event
    def load(self) -> EventSpec | None:
        """List the units the user may report on; preselect from the URL or their own unit."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        query = self.router.url.query_parameters
        with db() as session:
            units = report_units(session, actor)
            year = default_period(session)
            as_of = scored_period(session, year).as_of
            own = session.execute(
                text("SELECT code FROM unit WHERE id = :i"),
                {"i": actor.unit_id or 0},
            ).scalar_one_or_none()
        self.units = [{"value": c, "label": n} for c, n in units]
        codes = {c for c, _ in units}
        wanted = query.get("unit", "")
        self.unit = (
            wanted if wanted in codes else (own if own in codes else (units[0][0] if units else ""))
        )
        self.kind = query.get("kind", "") if query.get("kind", "") in KINDS else "monthly"
        self.as_of = as_of.isoformat()
        self.period = default_report_period(
            "annual" if self.kind == "province" else self.kind, as_of
        )
        self.error, self.fingerprint, self.loaded = "", "", True
        return None

    @rx.event
    def set_unit(self, value: str) -> None:
        """Choose the unit."""
        self.unit = value

    @rx.event
    def set_kind(self, value: str) -> None:
        """Choose the kind; the period follows its format."""
        import datetime as dt

        self.kind = value if value in KINDS else "monthly"
        day = dt.date.fromisoformat(self.as_of) if self.as_of else dt.date.today()
        self.period = default_report_period("annual" if self.kind == "province" else self.kind, day)

    @rx.event
    def set_period(self, value: str) -> None:
        """Type the period (``2025-09``, ``2025-Q3``, ``2025``, ``2025-W38``)."""
        self.period = value.strip()

    def _download(self, fmt: str) -> EventSpec | None:
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        try:
            with db() as session:
                made = generate_report(session, actor, self.kind, self.period, self.unit, fmt)
        except (ReportInputError, PermissionDenied) as exc:
            self.error, self.fingerprint = str(exc), ""
            return None
        self.error = ""
        self.fingerprint = f"{rmsg.REPORT_FINGERPRINT}: {made.fingerprint}"
        return rx.download(data=made.content, filename=made.filename, mime_type=made.media_type)

    @rx.event
    def download_pdf(self) -> EventSpec | None:
        """Generate the PDF and hand it to the browser."""
        return self._download("pdf")

    @rx.event
    def download_xlsx(self) -> EventSpec | None:
        """Generate the Excel workbook and hand it to the browser."""
        return self._download("xlsx")


def _select(label: str, field_id: str, items, value, on_change) -> rx.Component:  # type: ignore[no-untyped-def]
    return rx.vstack(
        rx.el.label(label, html_for=field_id, class_name="field-label"),
        rx.select.root(
            rx.select.trigger(id=field_id, width="100%"),
            rx.select.content(
                rx.foreach(items, lambda i: rx.select.item(i["label"], value=i["value"]))
            ),
            value=value,
            on_change=on_change,
            size="3",
        ),
        spacing="1",
        width="100%",
    )


def reports_page() -> rx.Component:
    """The report page."""
    s = ReportsState
    return page(
        rx.heading(rmsg.REPORTS_TITLE, size="5", as_="h1"),
        error_callout(s.error),
        rx.cond(
            s.loaded,
            rx.vstack(
                _select(rmsg.REPORT_KIND_LABEL, "report-kind", s.kinds, s.kind, s.set_kind),
                rx.cond(
                    s.kind != "province",
                    _select(rmsg.REPORT_UNIT, "report-unit", s.units, s.unit, s.set_unit),
                ),
                rx.el.label(rmsg.PERIOD, html_for="report-period", class_name="field-label"),
                rx.input(id="report-period", value=s.period, on_change=s.set_period, size="3"),
                rx.hstack(
                    rx.button(
                        rx.icon("file-text", size=18, aria_hidden="true"),
                        rmsg.REPORT_DOWNLOAD_PDF,
                        on_click=s.download_pdf,
                        size="3",
                        min_height="44px",
                        id="download-pdf",
                    ),
                    rx.button(
                        rx.icon("sheet", size=18, aria_hidden="true"),
                        rmsg.REPORT_DOWNLOAD_XLSX,
                        on_click=s.download_xlsx,
                        size="3",
                        min_height="44px",
                        variant="outline",
                        id="download-xlsx",
                    ),
                    spacing="3",
                    wrap="wrap",
                ),
                rx.cond(
                    s.fingerprint != "",
                    rx.text(s.fingerprint, size="1", id="fingerprint", word_break="break-all"),
                ),
                width="100%",
                spacing="2",
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(REPORTS_ROUTE, reports_page, rmsg.REPORTS_TITLE, ReportsState.load)]

NAV = [
    NavItem(
        rmsg.NAV_REPORTS, REPORTS_ROUTE, "file-text", roles=("admin", "province", "head"), order=30
    )
]
