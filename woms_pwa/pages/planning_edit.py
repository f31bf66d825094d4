"""The drafting wizard: tasks by perspective, key results with inline 3T findings,
metric suggestions as tappable chips while typing, submission and amendments."""

from __future__ import annotations

import reflex as rx

from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.core import messages as base_msg
from woms_pwa.core.messages import planning as msg
from woms_pwa.pages.planning import EDIT_ROUTE, PLANNING_ROUTE
from woms_pwa.pages.planning_edit_form import kr_form
from woms_pwa.pages.planning_edit_state import PlanEditState
from woms_pwa.pages.planning_parts import (
    TOUCH,
    check_field,
    field_label,
    finding_item,
    native_select,
    text_field,
)
from woms_pwa.routing import PageSpec

S = PlanEditState
PERSPECTIVES = [
    (p, base_msg.PERSPECTIVE_LABELS[p]) for p in ("service", "budget", "process", "learning")
]


def _kr_card(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.cond(
                    row["breakthrough"] == "1",
                    rx.badge(
                        rx.icon("rocket", size=12, aria_hidden="true"),
                        base_msg.BREAKTHROUGH,
                        color_scheme="violet",
                    ),
                ),
                rx.cond(
                    row["cascade"] != "", rx.badge("Giao: " + row["cascade"], variant="outline")
                ),
                rx.cond(row["retired"] == "1", rx.badge("Đã loại bỏ", color_scheme="gray")),
                wrap="wrap",
            ),
            rx.text(row["title"], weight="medium"),
            rx.text(row["figures"], size="2", color_scheme="gray"),
            rx.cond(
                row["errors"] != "",
                rx.callout(
                    row["errors"],
                    icon="circle-x",
                    color_scheme="red",
                    size="1",
                    class_name="kr-error",
                ),
            ),
            rx.cond(
                row["warnings"] != "",
                rx.callout(
                    row["warnings"],
                    icon="triangle-alert",
                    color_scheme="amber",
                    size="1",
                    class_name="kr-warning",
                ),
            ),
            rx.cond(
                (S.can_edit | S.can_amend) & (row["retired"] != "1"),
                rx.hstack(
                    rx.button(
                        rx.cond(S.can_edit, msg.EDIT_KR, msg.AMEND_ADJUST),
                        variant="soft",
                        size="2",
                        min_height=TOUCH,
                        on_click=S.start_edit(row["code"]),
                        class_name="kr-edit",
                    ),
                    rx.button(
                        rx.cond(S.can_edit, msg.DELETE_KR, msg.AMEND_REMOVE),
                        variant="soft",
                        color_scheme="red",
                        size="2",
                        min_height=TOUCH,
                        on_click=S.start_remove(row["code"]),
                        class_name="kr-remove",
                    ),
                    rx.link(
                        msg.CASCADE_LINK,
                        href=row["cascade_href"],
                        class_name="kr-cascade",
                        size="2",
                        padding="0.6em 0.4em",
                    ),
                    spacing="2",
                    wrap="wrap",
                ),
            ),
            spacing="1",
            width="100%",
        ),
        width="100%",
        id="kr-" + row["code"],
        class_name="kr-card",
        border_left=rx.cond(
            row["breakthrough"] == "1", "5px solid var(--violet-9)", "5px solid transparent"
        ),
    )


def _row(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.match(
        row["kind"],
        (
            "perspective",
            rx.heading(
                row["title"], size="4", as_="h2", margin_top="0.5em", color="var(--accent-11)"
            ),
        ),
        (
            "task",
            rx.vstack(
                rx.heading(row["title"], size="3", as_="h3"),
                rx.text(row["area"], size="1", color_scheme="gray"),
                rx.cond(
                    row["reference"] != "", rx.text("Thực hiện: " + row["reference"], size="1")
                ),
                rx.cond(
                    row["findings"] != "",
                    rx.callout(row["findings"], icon="circle-x", color_scheme="red", size="1"),
                ),
                rx.cond(
                    S.can_edit | S.can_amend,
                    rx.hstack(
                        rx.button(
                            rx.icon("plus", size=16, aria_hidden="true"),
                            rx.cond(S.can_edit, msg.ADD_KR, msg.AMEND_ADD),
                            size="2",
                            min_height=TOUCH,
                            variant="outline",
                            on_click=S.start_kr(row["task_id"]),
                            class_name="add-kr",
                        ),
                        rx.cond(
                            S.can_edit,
                            rx.button(
                                msg.DELETE_TASK,
                                size="2",
                                min_height=TOUCH,
                                variant="ghost",
                                color_scheme="red",
                                on_click=S.delete_task(row["task_id"]),
                            ),
                        ),
                        wrap="wrap",
                    ),
                ),
                rx.cond(
                    (S.kr_task_id.to_string() == row["task_id"]) & S.kr_mode.contains("add"),
                    kr_form(),
                ),
                spacing="1",
                width="100%",
                class_name="task-block",
            ),
        ),
        rx.vstack(
            _kr_card(row),
            rx.cond(
                (S.kr_code == row["code"]) & (S.kr_mode != "") & ~S.kr_mode.contains("add"),
                kr_form(),
            ),
            width="100%",
        ),
    )


def _task_form() -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading(msg.ADD_TASK, size="4", as_="h2"),
                native_select(
                    msg.PERSPECTIVE_LABEL,
                    "task-perspective",
                    PERSPECTIVES,
                    name="task_perspective",
                    value=S.task_perspective,
                    on_change=S.set_task_perspective,
                ),
                native_select(msg.AREA_LABEL, "task-area", S.areas, name="task_area"),
                field_label(msg.TASK_TITLE_LABEL, "task-title"),
                rx.text_area(id="task-title", name="task_title", rows="2", size="3", width="100%"),
                text_field(msg.REFERENCE_LABEL, "task-reference", name="task_reference"),
                check_field(msg.BREAKTHROUGH_LABEL, "task-breakthrough", name="task_breakthrough"),
                rx.button(
                    rx.icon("plus", aria_hidden="true"),
                    msg.ADD_TASK,
                    type="submit",
                    size="3",
                    width="100%",
                    min_height="48px",
                    id="add-task",
                ),
                spacing="2",
                width="100%",
            ),
            on_submit=S.add_task,
            reset_on_submit=False,
            width="100%",
        ),
        width="100%",
    )


def _checks() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(msg.CHECKS_TITLE, size="3", as_="h2"),
            rx.text(S.summary, weight="bold", id="checks-summary"),
            rx.foreach(S.plan_findings, finding_item),
            spacing="1",
            width="100%",
        ),
        width="100%",
    )


def edit_page() -> rx.Component:
    """The drafting wizard page."""
    return page(
        rx.link(
            rx.hstack(
                rx.icon("arrow-left", size=16, aria_hidden="true"),
                msg.PLANNING_TITLE,
                align="center",
            ),
            href=PLANNING_ROUTE,
        ),
        rx.cond(
            S.loaded,
            rx.cond(
                S.header.contains("title"),
                rx.vstack(
                    rx.heading(S.header["title"], size="6", as_="h1"),
                    rx.text(S.header["subtitle"], size="2", color_scheme="gray", id="plan-status"),
                    rx.text(S.header["template"], size="1", color_scheme="gray"),
                    rx.cond(
                        S.last_comment != "",
                        rx.callout(
                            S.last_comment,
                            icon="message-square",
                            color_scheme="orange",
                            id="return-comment",
                        ),
                    ),
                    rx.cond(
                        S.can_amend, rx.callout(msg.LOCKED_NOTE, icon="lock", color_scheme="blue")
                    ),
                    rx.cond(
                        S.pending != "",
                        rx.callout(S.pending, icon="clock", id="pending-amendments"),
                    ),
                    rx.cond(
                        S.notice != "",
                        rx.callout(
                            S.notice, icon="circle-check", color_scheme="grass", role="status"
                        ),
                    ),
                    rx.cond(S.kr_mode == "", error_callout(S.error)),
                    _checks(),
                    rx.foreach(S.rows, _row),
                    rx.cond(S.can_edit, _task_form()),
                    rx.cond(
                        S.can_edit,
                        rx.button(
                            rx.icon("send", aria_hidden="true"),
                            msg.SUBMIT_PLAN,
                            on_click=S.submit,
                            size="3",
                            width="100%",
                            min_height="48px",
                            id="submit-plan",
                            disabled=S.has_errors,
                        ),
                    ),
                    rx.hstack(
                        rx.button(
                            rx.icon("file-text", aria_hidden="true"),
                            msg.DOWNLOAD_PDF,
                            on_click=S.download_pdf,
                            variant="soft",
                            min_height=TOUCH,
                        ),
                        rx.button(
                            rx.icon("sheet", aria_hidden="true"),
                            msg.DOWNLOAD_XLSX,
                            on_click=S.download_xlsx,
                            variant="soft",
                            min_height=TOUCH,
                        ),
                        wrap="wrap",
                        spacing="2",
                    ),
                    rx.link(msg.HISTORY, href=S.header["history"], id="history-link"),
                    spacing="3",
                    width="100%",
                ),
                error_callout(S.error),
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(EDIT_ROUTE, edit_page, msg.EDIT_TITLE, PlanEditState.load)]
