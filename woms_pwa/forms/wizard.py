# mypy: disable-error-code="index, attr-defined, arg-type, call-overload, operator, union-attr, misc"
"""The wizard's components: one step at a time, big touch targets, a review before sending.

Inputs are uncontrolled (keyed by field, filled from the saved answers) so
typing never waits for the server; every change is sent, debounced, to
validate at once and save the draft, and "Tiếp" sends the step's values too.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from woms_pwa.components.layout import TOUCH, error_callout
from woms_pwa.core.messages import forms as msg
from woms_pwa.forms.wizard_state import UPLOAD_SLOTS

DEBOUNCE_MS = 400


def _label(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.el.label(
        row["label"],
        rx.cond(
            row["required"] == "1", rx.text.span(" *", color="var(--red-11)", aria_hidden="true")
        ),
        html_for=row["dom_id"],
        class_name="field-label",
        font_weight="600",
    )


def _help_and_error(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.fragment(
        rx.cond(row["help"] != "", rx.text(row["help"], size="2", color_scheme="gray")),
        rx.cond(
            row["error"] != "",
            rx.text(
                row["error"],
                size="2",
                color="var(--red-11)",
                role="alert",
                class_name="field-error",
                id=row["dom_id"] + "-error",
            ),
        ),
    )


def _typed(S: Any, row: rx.Var[dict[str, str]], kind: str) -> rx.Component:
    common: dict[str, Any] = {
        "id": row["dom_id"],
        "name": row["key"],
        "default_value": row["value"],
        "size": "3",
        "width": "100%",
        "aria_invalid": rx.cond(row["error"] != "", "true", "false"),
        "on_change": lambda value: S.set_answer(row["key"], value).debounce(DEBOUNCE_MS),
        # Leaving the field saves at once: a tap elsewhere never waits for the debounce.
        "on_blur": lambda value: S.set_answer(row["key"], value),
    }
    if kind == "long_text":
        control = rx.text_area(rows="4", **common)
    elif kind == "date":
        control = rx.input(type="date", min_height=TOUCH, **common)
    else:
        control = rx.input(
            input_mode=row["input_mode"], auto_complete="off", min_height=TOUCH, **common
        )
    return rx.vstack(
        _label(row),
        rx.hstack(
            control,
            rx.cond(row["unit"] != "", rx.text(row["unit"], size="2", white_space="nowrap")),
            align="center",
            width="100%",
        ),
        _help_and_error(row),
        spacing="1",
        width="100%",
    )


def _choices(S: Any, row: rx.Var[dict[str, str]]) -> rx.Component:
    def option(item: rx.Var[dict[str, str]]) -> rx.Component:
        chosen = item["selected"] == "1"
        return rx.button(
            rx.cond(chosen, rx.icon("circle-check", size=18, aria_hidden="true")),
            item["label"],
            type="button",
            variant=rx.cond(chosen, "solid", "outline"),
            size="3",
            min_height=TOUCH,
            width="100%",
            justify="start",
            white_space="normal",
            height="auto",
            padding_y="0.5em",
            aria_pressed=rx.cond(chosen, "true", "false"),
            on_click=S.choose(row["key"], item["value"]),
            class_name="choice-option",
        )

    return rx.vstack(
        rx.text(
            row["label"], rx.cond(row["required"] == "1", " *", ""), weight="bold", id=row["dom_id"]
        ),
        rx.vstack(
            rx.foreach(S.options[row["opt"]], option),
            spacing="2",
            width="100%",
            role="group",
            aria_labelledby=row["dom_id"],
        ),
        _help_and_error(row),
        spacing="1",
        width="100%",
    )


def _group_head(S: Any, row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.vstack(
        rx.heading(row["label"], size="3", as_="h3"),
        _help_and_error(row),
        rx.button(
            rx.icon("plus", size=18, aria_hidden="true"),
            msg.ADD_ROW,
            type="button",
            variant="soft",
            size="3",
            min_height=TOUCH,
            on_click=S.add_row(row["group"]),
            id="add-" + row["dom_id"],
        ),
        spacing="2",
        width="100%",
    )


def _group_end(S: Any, row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.button(
        rx.icon("trash-2", size=16, aria_hidden="true"),
        msg.REMOVE_ROW,
        type="button",
        variant="ghost",
        color_scheme="red",
        min_height=TOUCH,
        aria_label=msg.REMOVE_ROW + ": " + row["label"],
        on_click=S.remove_row(row["group"], row["index"]),
    )


def _computed(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.vstack(
        rx.text(row["label"], weight="bold"),
        rx.text(row["computed"], " ", row["unit"], size="4", id=row["dom_id"]),
        rx.text(msg.COMPUTED_HINT, size="1", color_scheme="gray"),
        spacing="1",
    )


def _row(S: Any, row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.box(
        rx.match(
            row["kind"],
            ("long_text", _typed(S, row, "long_text")),
            ("date", _typed(S, row, "date")),
            ("choice", _choices(S, row)),
            ("multi", _choices(S, row)),
            ("computed", _computed(row)),
            ("group_head", _group_head(S, row)),
            ("group_end", _group_end(S, row)),
            _typed(S, row, "text"),
        ),
        key=row["key"] + "-" + row["kind"],
        width="100%",
        padding_left=rx.cond(row["group"] != "", "0.75em", "0"),
        border_left=rx.cond(row["group"] != "", "3px solid var(--accent-6)", "none"),
    )


def _rejections(rejected: rx.Var) -> rx.Var:
    """Name, size and first error code of each refused file (File objects do not serialise)."""
    return rx.Var(
        f"({rejected}).map((r) => ({{name: r.file.name, size: r.file.size, "
        f"code: (r.errors[0] || {{}}).code}}))"
    ).to(list)


def _labelled_upload(upload: rx.Component, label: Any) -> rx.Component:
    """Give the dropzone's hidden file input an accessible name (axe: label).

    ``rx.upload`` builds the ``<input type=file>`` itself and offers no prop
    for it, so the name is set on that child component after creation.
    """
    for zone in upload.children:
        for child in zone.children:
            if type(child).__name__ == "Input":
                child.custom_attrs["aria-label"] = label
    return upload


def _slot(S: Any, index: int) -> rx.Component:
    row = S.slots[index]
    upload_id = f"upload-{index}"
    handler = getattr(S, f"upload_{index}")
    refused = getattr(S, f"rejected_{index}")
    return rx.cond(
        S.slots.length() > index,
        rx.vstack(
            rx.text(row["label"], rx.cond(row["required"] == "1", " *", ""), weight="bold"),
            rx.cond(row["help"] != "", rx.text(row["help"], size="2", color_scheme="gray")),
            _labelled_upload(
                rx.upload(
                    rx.button(
                        rx.icon("camera", size=20, aria_hidden="true"),
                        rx.cond(row["type"] == "photo", msg.CHOOSE_PHOTO, msg.CHOOSE_FILE),
                        type="button",
                        size="3",
                        variant="outline",
                        min_height=TOUCH,
                        width="100%",
                    ),
                    id=upload_id,
                    multiple=False,
                    max_files=1,
                    # Checked on the phone first: a 12 MB photo is refused before it is sent.
                    max_size=row["max_bytes"].to(int),
                    on_drop=handler(rx.upload_files(upload_id=upload_id)),
                    on_drop_rejected=lambda rejected: refused(_rejections(rejected)),
                    width="100%",
                    class_name="upload-slot",
                ),
                row["label"],
            ),
            rx.cond(
                row["file_name"] != "",
                rx.text(
                    rx.icon("paperclip", size=14, aria_hidden="true"),
                    " ",
                    row["file_name"],
                    size="2",
                    class_name="attached-file",
                ),
            ),
            rx.cond(
                row["error"] != "",
                rx.text(
                    row["error"],
                    size="2",
                    color="var(--red-11)",
                    role="alert",
                    class_name="field-error",
                ),
            ),
            spacing="1",
            width="100%",
            id=f"slot-{index}",
        ),
    )


def _step_panel(S: Any) -> rx.Component:
    step = S.steps[S.step_index]
    return rx.form(
        rx.vstack(
            rx.text(
                msg.STEP,
                S.step_index + 1,
                "/",
                S.steps.length(),
                size="2",
                color_scheme="gray",
                id="step-counter",
            ),
            rx.heading(step["title"], size="4", as_="h2"),
            rx.cond(step["help"] != "", rx.text(step["help"], size="2")),
            rx.foreach(S.rows, lambda row: _row(S, row)),
            *[_slot(S, i) for i in range(UPLOAD_SLOTS)],
            error_callout(S.form_error),
            rx.hstack(
                rx.cond(
                    S.step_index > 0,
                    rx.button(
                        msg.PREVIOUS,
                        type="button",
                        variant="soft",
                        size="3",
                        min_height=TOUCH,
                        on_click=S.prev_step,
                        id="prev-step",
                    ),
                ),
                rx.button(
                    msg.NEXT,
                    rx.icon("arrow-right", size=18, aria_hidden="true"),
                    type="submit",
                    size="3",
                    min_height=TOUCH,
                    flex="1",
                    id="next-step",
                ),
                width="100%",
            ),
            spacing="3",
            width="100%",
        ),
        on_submit=S.next_step,
        reset_on_submit=False,
        width="100%",
    )


def _review_panel(S: Any, submit_id: str, submit_label: str) -> rx.Component:
    def item(row: rx.Var[dict[str, str]]) -> rx.Component:
        return rx.hstack(
            rx.vstack(
                rx.text(row["label"], size="2", color_scheme="gray"),
                rx.text(row["value"], size="3", white_space="pre-wrap"),
                spacing="0",
                flex="1",
            ),
            rx.button(
                msg.EDIT,
                type="button",
                variant="ghost",
                min_height=TOUCH,
                aria_label=msg.EDIT + ": " + row["label"],
                on_click=S.go_to_step(row["step"]),
            ),
            width="100%",
            align="center",
            border_bottom="1px solid var(--gray-5)",
            padding_y="0.4em",
            class_name="review-item",
        )

    return rx.vstack(
        rx.heading(msg.REVIEW, size="4", as_="h2", id="review-heading"),
        rx.text(msg.REVIEW_HINT, size="2", color_scheme="gray"),
        rx.foreach(S.review, item),
        error_callout(S.form_error),
        rx.hstack(
            rx.button(
                msg.PREVIOUS,
                type="button",
                variant="soft",
                size="3",
                min_height=TOUCH,
                on_click=S.prev_step,
            ),
            rx.button(
                rx.icon("send", size=18, aria_hidden="true"),
                submit_label,
                type="button",
                size="3",
                min_height=TOUCH,
                flex="1",
                on_click=S.submit,
                id=submit_id,
                disabled=S.preview,
            ),
            width="100%",
        ),
        spacing="3",
        width="100%",
    )


def wizard(
    S: Any, *, submit_id: str = "submit-form", submit_label: str = msg.SUBMIT
) -> rx.Component:
    """The whole wizard of a state that mixes in ``WizardMixin``."""
    return rx.vstack(
        rx.cond(
            S.done_message != "",
            rx.callout(S.done_message, icon="circle-check", color_scheme="grass", role="status"),
        ),
        rx.cond(S.preview, rx.badge(msg.PREVIEW_MODE, color_scheme="amber", size="2")),
        rx.cond(S.reviewing, _review_panel(S, submit_id, submit_label), _step_panel(S)),
        rx.cond(
            S.draft_note != "",
            rx.text(
                S.draft_note, size="1", color_scheme="gray", id="draft-note", aria_live="polite"
            ),
        ),
        spacing="3",
        width="100%",
    )
