"""The key-result form of the drafting wizard, with metric suggestions as chips."""

from __future__ import annotations

import reflex as rx

from woms_pwa.components.layout import error_callout
from woms_pwa.core import messages as base_msg
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.planning.kr_input import DATA_SOURCES
from woms_pwa.pages.planning_edit_state import PlanEditState
from woms_pwa.pages.planning_parts import (
    TOUCH,
    check_field,
    field_label,
    native_select,
    text_field,
)

S = PlanEditState
DIRECTIONS = list(base_msg.DIRECTION_LABELS.items())
KINDS = [("kpi", "KPI (thường xuyên, bắt buộc)"), ("okr", "OKR (thách thức)")]
SOURCES = [(s, msg.DATA_SOURCE_LABELS[s]) for s in DATA_SOURCES]


def _chip(item: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.button(
        rx.vstack(
            rx.text(item["name"], size="2", weight="medium", text_align="left"),
            rx.text(
                item["unit"] + " · " + item["why"], size="1", color_scheme="gray", text_align="left"
            ),
            spacing="0",
            align="start",
        ),
        on_click=S.apply_suggestion(item["code"]),
        variant="soft",
        color_scheme="green",
        height="auto",
        min_height=TOUCH,
        padding="0.4em 0.7em",
        white_space="normal",
        class_name="suggestion-chip",
        type="button",
    )


def kr_form() -> rx.Component:
    """The key-result form: fields, suggestion chips, and the amendment reason."""
    kr = S.kr
    removing = S.kr_mode == "amend_remove"
    return rx.card(
        rx.vstack(
            rx.heading(
                rx.match(
                    S.kr_mode,
                    ("add", msg.KR_FORM_ADD),
                    ("edit", msg.KR_FORM_EDIT),
                    ("amend_add", msg.KR_FORM_AMEND_ADD),
                    ("amend_remove", msg.KR_FORM_AMEND_REMOVE),
                    msg.KR_FORM_AMEND_ADJUST,
                ),
                size="3",
                as_="h4",
            ),
            error_callout(S.error),
            rx.cond(
                removing,
                rx.text(kr["title"], weight="medium"),
                rx.vstack(
                    field_label(msg.KR_TITLE_LABEL, "kr-title"),
                    rx.text_area(
                        id="kr-title",
                        value=kr["title"],
                        on_change=S.set_kr_title,
                        debounce_timeout=350,
                        rows="2",
                        size="3",
                        width="100%",
                    ),
                    rx.cond(
                        S.suggestions.length() > 0,
                        rx.vstack(
                            rx.text(msg.SUGGESTIONS, size="1", weight="bold"),
                            rx.flex(rx.foreach(S.suggestions, _chip), wrap="wrap", gap="2"),
                            width="100%",
                            id="suggestions",
                            role="list",
                        ),
                    ),
                    rx.grid(
                        text_field(
                            msg.KR_UNIT_LABEL,
                            "kr-unit",
                            value=kr["unit"],
                            on_change=lambda v: S.set_kr_field("unit", v),
                        ),
                        text_field(
                            msg.KR_TARGET_LABEL,
                            "kr-target",
                            value=kr["target"],
                            input_mode="decimal",
                            on_change=lambda v: S.set_kr_field("target", v),
                        ),
                        text_field(
                            msg.KR_BASELINE_LABEL,
                            "kr-baseline",
                            value=kr["baseline"],
                            input_mode="decimal",
                            on_change=lambda v: S.set_kr_field("baseline", v),
                        ),
                        text_field(
                            msg.KR_LAST_LABEL,
                            "kr-last",
                            value=kr["last_year_actual"],
                            input_mode="decimal",
                            on_change=lambda v: S.set_kr_field("last_year_actual", v),
                        ),
                        native_select(
                            msg.KR_DIRECTION_LABEL,
                            "kr-direction",
                            DIRECTIONS,
                            value=kr["direction"],
                            on_change=lambda v: S.set_kr_field("direction", v),
                        ),
                        native_select(
                            msg.KR_KIND_LABEL,
                            "kr-kind",
                            KINDS,
                            value=kr["kind"],
                            on_change=lambda v: S.set_kr_field("kind", v),
                        ),
                        text_field(
                            msg.KR_WEIGHT_LABEL,
                            "kr-weight",
                            value=kr["weight"],
                            input_mode="decimal",
                            on_change=lambda v: S.set_kr_field("weight", v),
                        ),
                        text_field(
                            msg.KR_DUE_LABEL,
                            "kr-due",
                            type="date",
                            value=kr["due"],
                            on_change=lambda v: S.set_kr_field("due", v),
                        ),
                        columns="2",
                        spacing="2",
                        width="100%",
                    ),
                    native_select(
                        msg.KR_SOURCE_LABEL,
                        "kr-source",
                        SOURCES,
                        value=kr["data_source"],
                        on_change=lambda v: S.set_kr_field("data_source", v),
                    ),
                    check_field(
                        msg.KR_EVIDENCE_LABEL,
                        "kr-evidence",
                        checked=kr["evidence_required"] == "1",
                        on_change=lambda v: S.set_kr_field("evidence_required", v),
                    ),
                    check_field(
                        msg.KR_BREAKTHROUGH_LABEL,
                        "kr-breakthrough",
                        checked=kr["breakthrough"] == "1",
                        on_change=lambda v: S.set_kr_field("breakthrough", v),
                    ),
                    spacing="2",
                    width="100%",
                ),
            ),
            rx.cond(
                S.kr_mode.contains("amend"),
                text_field(
                    msg.AMEND_REASON_LABEL,
                    "kr-reason",
                    value=S.kr_reason,
                    on_change=S.set_kr_reason,
                ),
            ),
            rx.hstack(
                rx.button(
                    rx.cond(S.kr_mode.contains("amend"), msg.SEND_AMENDMENT, msg.SAVE_KR),
                    on_click=S.save_kr,
                    size="3",
                    min_height="48px",
                    id="save-kr",
                ),
                rx.button(
                    msg.CANCEL,
                    on_click=S.cancel_kr,
                    variant="soft",
                    color_scheme="gray",
                    size="3",
                    min_height="48px",
                ),
                spacing="2",
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
        id="kr-form",
        variant="surface",
    )
