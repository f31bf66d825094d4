"""A plan's history: review steps with comments, approved versions and what changed."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from analytics.vntext import format_date_vi
from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.context import db
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.permissions import PermissionDenied
from woms_pwa.core.planning.lifecycle import list_reviews
from woms_pwa.core.planning.versions import diff_snapshots, get_version, list_versions
from woms_pwa.pages.planning import edit_href
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

HISTORY_ROUTE = "/lap-ke-hoach/lich-su"


class PlanHistoryState(AuthState):
    """Reviews and versions of one plan, as display rows."""

    title: str = ""
    back: str = "/lap-ke-hoach"
    reviews: list[dict[str, str]] = []
    versions: list[dict[str, str]] = []
    error: str = ""
    loaded: bool = False

    @rx.event
    def load(self) -> EventSpec | None:
        """Read ``plan`` from the URL."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.loaded, self.error, self.reviews, self.versions = False, "", [], []
        raw = self.router.url.query_parameters.get("plan", "")
        plan_id = int(raw) if raw.isdigit() else 0
        self.back = edit_href(plan_id)
        try:
            with db() as session:
                reviews = list_reviews(session, actor, plan_id)
                summaries = list_versions(session, actor, plan_id)
                snaps = {
                    v.version: get_version(session, actor, plan_id, v.version) for v in summaries
                }
        except PermissionDenied as exc:
            self.error, self.loaded = str(exc), True
            return None
        self.title = next(iter(snaps.values()))["owner_name"] if snaps else msg.HISTORY_TITLE
        self.reviews = [
            {"key": f"{i}", "label": r.label, "comment": r.comment, "who": f"{r.actor} · {r.at}"}
            for i, r in enumerate(reviews)
        ]
        rows: list[dict[str, str]] = []
        for summary in summaries:
            snap = snaps[summary.version]
            rows.append(
                {
                    "kind": "version",
                    "key": f"v{summary.version}",
                    "text": msg.VERSION_TITLE.format(
                        version=summary.version,
                        date=format_date_vi(summary.approved_at),
                        count=summary.key_results,
                    ),
                }
            )
            for task in snap["tasks"]:
                for kr in task["key_results"]:
                    rows.append(
                        {
                            "kind": "kr",
                            "key": f"v{summary.version}-{kr['code']}",
                            "text": f"{kr['title']}: {kr['target']:g} {kr['unit']}"
                            + (" (đã loại bỏ)" if kr["status"] != "active" else ""),
                        }
                    )
            previous = snaps.get(summary.version - 1)
            if previous:
                rows.append(
                    {
                        "kind": "diff",
                        "key": f"d{summary.version}",
                        "text": msg.CHANGES_FROM.format(version=summary.version - 1),
                    }
                )
                for change in diff_snapshots(previous, snap):
                    label = msg.CHANGE_LABELS[change["change"]]
                    detail = (
                        f" {change['field']}: {change['old']} → {change['new']}"
                        if change["field"]
                        else ""
                    )
                    rows.append(
                        {
                            "kind": "change",
                            "key": f"c{summary.version}-{change['code']}-{change['field']}",
                            "text": f"{label}: {change['title']}{detail}",
                        }
                    )
        self.versions = rows
        self.loaded = True
        return None


def _review(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.box(
        rx.text(row["label"], weight="bold", size="2"),
        rx.cond(row["comment"] != "", rx.text(row["comment"], size="2")),
        rx.text(row["who"], size="1", color_scheme="gray"),
        padding_y="0.4em",
        border_bottom="1px solid var(--gray-5)",
        width="100%",
        class_name="review-item",
    )


def _version_row(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.match(
        row["kind"],
        (
            "version",
            rx.heading(
                row["text"], size="3", as_="h3", margin_top="0.75em", class_name="version-title"
            ),
        ),
        ("diff", rx.text(row["text"], weight="bold", size="2", margin_top="0.4em")),
        (
            "change",
            rx.text(row["text"], size="2", color="var(--orange-11)", class_name="change-item"),
        ),
        rx.text(row["text"], size="2", class_name="version-kr"),
    )


def history_page() -> rx.Component:
    """The history page."""
    s = PlanHistoryState
    return page(
        rx.link(
            rx.hstack(
                rx.icon("arrow-left", size=16, aria_hidden="true"), msg.EDIT_TITLE, align="center"
            ),
            href=s.back,
        ),
        rx.cond(
            s.loaded,
            rx.vstack(
                error_callout(s.error),
                rx.heading(msg.HISTORY_TITLE, size="6", as_="h1"),
                rx.text(s.title, size="2", color_scheme="gray"),
                rx.heading(msg.REVIEWS, size="4", as_="h2"),
                rx.foreach(s.reviews, _review),
                rx.heading(msg.VERSIONS, size="4", as_="h2"),
                rx.cond(s.versions.length() == 0, rx.text(msg.NO_VERSIONS, color_scheme="gray")),
                rx.foreach(s.versions, _version_row),
                spacing="2",
                width="100%",
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(HISTORY_ROUTE, history_page, msg.HISTORY_TITLE, PlanHistoryState.load)]
