"""``/muc-tieu?kr=CODE``: everything about one key result — check-ins, evidence, notes, audit."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from analytics.vntext import format_date_vi, format_datetime_vi, format_number_vi
from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.components.progress import light_badge, progress_bar
from woms_pwa.context import db
from woms_pwa.core import messages as msg
from woms_pwa.core.messages import reports as rmsg
from woms_pwa.core.permissions import PermissionDenied
from woms_pwa.core.reports.history import key_result_history
from woms_pwa.pages.dashboard import unit_href
from woms_pwa.pages.dashboard_unit import HISTORY_ROUTE
from woms_pwa.pages.home import plan_href
from woms_pwa.pages.rows import kr_display
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState


class HistoryState(AuthState):
    """The full history of one key result."""

    kr_code: str = ""
    kr: dict[str, str] = {}
    context: str = ""
    plan_href: str = "/"
    unit_href: str = ""
    checkins: list[dict[str, str]] = []
    notes: list[dict[str, str]] = []
    audit: list[dict[str, str]] = []
    error: str = ""
    loaded: bool = False

    @rx.event
    def load(self) -> EventSpec | None:
        """Read ``kr`` from the URL and fetch its history (permission-checked in the core)."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.kr_code = self.router.url.query_parameters.get("kr", "")
        self.loaded, self.error = False, ""
        try:
            with db() as session:
                history = key_result_history(session, actor, self.kr_code)
        except PermissionDenied as exc:
            self.error, self.kr, self.checkins, self.notes, self.audit = str(exc), {}, [], [], []
            self.loaded = True
            return None
        d = history.detail
        self.kr = kr_display(d.row)
        self.context = (
            f"{d.owner_name} · {msg.PLAN_OF.format(period=d.period)} · {msg.TASK}: {d.task_title}"
        )
        self.plan_href = plan_href(d.owner_code, d.period)
        self.unit_href = unit_href(d.owner_code, d.period)
        self.checkins = [
            {
                "key": str(c["id"]),
                "date": format_date_vi(c["date"]),
                "value": format_number_vi(float(c["value"]), 2),
                "note": c["note"],
                "evidence": c["evidence"],
                "extra": " · ".join(
                    x
                    for x in (
                        f"{rmsg.CONFIDENCE}: {c['confidence']}" if c["confidence"] else "",
                        f"{rmsg.BLOCKER}: {c['blocker']}" if c["blocker"] else "",
                    )
                    if x
                ),
                "reporter": c["reporter"],
            }
            for c in history.checkins
        ]
        self.notes = [
            {
                "key": str(n["id"]),
                "date": format_date_vi(n["date"]),
                "author": n["author"],
                "text": n["text"],
            }
            for n in history.notes
        ]
        self.audit = [
            {
                "key": str(a["id"]),
                "at": format_datetime_vi(a["at"]),
                "actor": a["actor"],
                "change": f"{a['action']}: {a['old'] or '∅'} → {a['new'] or '∅'}",
                "reason": a["reason"],
            }
            for a in history.audit
        ]
        self.loaded = True
        return None


def _checkin(item: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.text(item["date"], weight="bold", size="2"),
            rx.spacer(),
            rx.text(item["value"], weight="bold", size="3"),
            width="100%",
        ),
        rx.text(item["note"], size="2"),
        rx.cond(
            item["evidence"] != "",
            rx.hstack(
                rx.icon("paperclip", size=14, aria_hidden="true"),
                rx.text(rmsg.EVIDENCE + ": " + item["evidence"], size="1"),
                spacing="1",
            ),
        ),
        rx.cond(item["extra"] != "", rx.text(item["extra"], size="1", color_scheme="amber")),
        rx.text(item["reporter"], size="1", color_scheme="gray"),
        padding_y="0.6em",
        border_bottom="1px solid var(--gray-5)",
        width="100%",
        class_name="history-checkin",
    )


def _note(item: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.box(
        rx.text(item["date"] + " · " + item["author"], size="1", weight="bold"),
        rx.text(item["text"], size="2"),
        padding_y="0.5em",
        border_bottom="1px solid var(--gray-5)",
        width="100%",
        class_name="history-note",
    )


def _audit(item: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.box(
        rx.text(item["at"] + " · " + item["actor"], size="1", weight="bold"),
        rx.text(item["change"], size="1", font_family="monospace"),
        rx.cond(item["reason"] != "", rx.text(item["reason"], size="1", color_scheme="gray")),
        padding_y="0.4em",
        border_bottom="1px solid var(--gray-4)",
        width="100%",
        class_name="history-audit",
    )


def _section(title: str, items: rx.Var, render, section_id: str) -> rx.Component:  # type: ignore[no-untyped-def]
    return rx.vstack(
        rx.heading(title, size="4", as_="h2"),
        rx.cond(items.length() == 0, rx.text(rmsg.NONE_YET, size="2", color_scheme="gray")),
        rx.foreach(items, render),
        width="100%",
        spacing="1",
        id=section_id,
    )


def history_page() -> rx.Component:
    """The key-result history page."""
    s = HistoryState
    return page(
        rx.heading(rmsg.KR_HISTORY_TITLE, size="5", as_="h1"),
        error_callout(s.error),
        rx.cond(
            s.loaded & (s.error == ""),
            rx.vstack(
                rx.card(
                    rx.vstack(
                        rx.hstack(
                            rx.text(s.kr["code"], size="1", color_scheme="gray"),
                            rx.spacer(),
                            light_badge(s.kr["light"]),
                            width="100%",
                        ),
                        rx.heading(s.kr["title"], size="4", as_="h2"),
                        rx.text(s.context, size="2", color_scheme="gray"),
                        rx.text(s.kr["figures"], size="2"),
                        progress_bar(s.kr["percent"], s.kr["light"], s.kr["title"]),
                        rx.flex(
                            rx.link(msg.PLAN, href=s.plan_href, size="2"),
                            rx.link(rmsg.UNIT_DASHBOARD_TITLE, href=s.unit_href, size="2"),
                            rx.cond(
                                s.kr["can_write"] == "1",
                                rx.link(msg.UPDATE_PROGRESS, href=s.kr["href"], size="2"),
                            ),
                            gap="1em",
                            wrap="wrap",
                        ),
                        width="100%",
                        spacing="2",
                    ),
                    width="100%",
                ),
                _section(rmsg.CHECKINS, s.checkins, _checkin, "checkins"),
                _section(rmsg.NOTES, s.notes, _note, "notes"),
                _section(rmsg.AUDIT, s.audit, _audit, "audit"),
                width="100%",
                spacing="4",
            ),
            rx.cond(s.loaded, rx.fragment(), loading_block()),
        ),
    )


PAGES = [PageSpec(HISTORY_ROUTE, history_page, rmsg.KR_HISTORY_TITLE, HistoryState.load)]
