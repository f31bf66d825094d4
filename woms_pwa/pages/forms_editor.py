"""``/quan-tri/bieu-mau/sua?form=CODE``: build a form without code, preview it, publish it."""

from __future__ import annotations

from typing import Any

import reflex as rx

from woms_pwa.components.layout import TOUCH, error_callout, loading_block, page
from woms_pwa.core.messages import forms as msg
from woms_pwa.forms import builder_ops as ops
from woms_pwa.pages.forms_builder import BUILDER_ROUTE, EDITOR_ROUTE
from woms_pwa.pages.forms_editor_state import FormEditorState
from woms_pwa.routing import PageSpec


def _outline_row(row: rx.Var[dict[str, str]]) -> rx.Component:
    def small(icon: str, label: str, handler: Any, row_id: str) -> rx.Component:
        return rx.icon_button(
            rx.icon(icon, size=18, aria_hidden="true"),
            variant="soft",
            size="3",
            aria_label=label + ": " + row["label"],
            title=label,
            on_click=handler,
            class_name=row_id,
        )

    child = row["kind"] == "child"
    return rx.cond(
        row["kind"] == "step",
        rx.heading(row["label"], size="3", as_="h3", margin_top="0.5em"),
        rx.hstack(
            rx.vstack(
                rx.text(row["label"], weight="medium"),
                rx.text(row["meta"], size="1", color_scheme="gray"),
                spacing="0",
                flex="1",
            ),
            small("arrow-up", msg.MOVE_UP, FormEditorState.move(row["path"], -1), "move-up"),
            small("arrow-down", msg.MOVE_DOWN, FormEditorState.move(row["path"], 1), "move-down"),
            small("pencil", msg.EDIT, FormEditorState.edit_field(row["path"]), "edit-field"),
            small("trash-2", msg.REMOVE, FormEditorState.remove(row["path"]), "remove-field"),
            rx.cond(
                row["is_group"] == "1",
                rx.button(
                    rx.icon("plus", size=16, aria_hidden="true"),
                    msg.ADD_CHILD,
                    variant="soft",
                    size="3",
                    min_height=TOUCH,
                    aria_label=msg.ADD_CHILD + ": " + row["label"],
                    on_click=FormEditorState.new_child(row["key"]),
                    id="add-child-" + row["key"],
                ),
            ),
            width="100%",
            align="center",
            wrap="wrap",
            padding_y="0.3em",
            # Fields of a repeating group sit under it, indented, as in the wizard.
            padding_left=rx.cond(child, "0.75em", "0"),
            border_left=rx.cond(child, "3px solid var(--accent-6)", "none"),
            border_bottom="1px solid var(--gray-5)",
            id="outline-" + row["dom_id"],
            class_name=rx.cond(child, "outline-child", "outline-field"),
        ),
    )


def _select(
    name: str, label: str, options: Any, default: Any, blank: str = "", on_change: Any = None
) -> rx.Component:
    return rx.vstack(
        rx.el.label(label, html_for="edit-" + name),
        rx.el.select(
            *([rx.el.option(blank, value="")] if blank else []),
            rx.foreach(options, lambda o: rx.el.option(o["label"], value=o["value"])),
            id="edit-" + name,
            name=name,
            default_value=default,
            style={"min_height": TOUCH, "width": "100%", "font_size": "16px"},
            **({"on_change": on_change} if on_change is not None else {}),
        ),
        spacing="1",
        width="100%",
    )


def _text(name: str, label: str, area: bool = False) -> rx.Component:
    control = rx.text_area if area else rx.input
    return rx.vstack(
        rx.el.label(label, html_for="edit-" + name),
        control(
            id="edit-" + name,
            name=name,
            default_value=FormEditorState.edit.get(name, ""),
            size="3",
            width="100%",
        ),
        spacing="1",
        width="100%",
    )


TYPE_OPTIONS = [{"value": k, "label": v} for k, v in msg.TYPE_LABELS.items()]
# No repeating group inside a repeating group.
CHILD_TYPE_OPTIONS = [o for o in TYPE_OPTIONS if o["value"] != "group"]
CHILD_OF_BEFORE, CHILD_OF_AFTER = msg.CHILD_OF.split("{label}")


def _checkbox(name: str, label: str, checked: Any) -> rx.Component:
    return rx.el.label(
        rx.checkbox(name=name, default_checked=checked, id="edit-" + name),
        " " + label,
        display="flex",
        align_items="center",
        gap="0.5em",
        min_height=TOUCH,
    )


def _accept_boxes(kind: str, legend: str) -> rx.Component:
    edit = FormEditorState.edit
    return rx.el.fieldset(
        rx.el.legend(legend, style={"font_weight": "500"}),
        *[
            _checkbox(o["name"], o["label"], edit.get(o["name"], "") == "1")
            for o in ops.accept_options(kind)
        ],
        id="edit-accept",
        style={"border": "1px solid var(--gray-6)", "border_radius": "8px", "padding": "0.5em"},
    )


def _file_inputs() -> rx.Component:
    kind = FormEditorState.edit_type
    return rx.cond(
        (kind == "file") | (kind == "photo"),
        rx.vstack(
            rx.cond(
                kind == "photo",
                _accept_boxes("photo", msg.FIELD_ACCEPT_PHOTO),
                _accept_boxes("file", msg.FIELD_ACCEPT),
            ),
            _text("max_size_mb", msg.FIELD_MAX_SIZE),
            spacing="2",
            width="100%",
        ),
    )


def _field_editor() -> rx.Component:
    s = FormEditorState
    edit = s.edit
    in_group = s.editing_group != ""
    return rx.card(
        rx.form(
            rx.vstack(
                rx.cond(
                    in_group,
                    rx.text(
                        CHILD_OF_BEFORE,
                        s.editing_group_label,
                        CHILD_OF_AFTER,
                        weight="bold",
                        id="editing-group",
                    ),
                ),
                error_callout(s.error),
                _text("label", msg.FIELD_LABEL),
                rx.cond(
                    in_group,
                    _select(
                        "type",
                        msg.FIELD_TYPE,
                        CHILD_TYPE_OPTIONS,
                        edit.get("type", "text"),
                        on_change=s.set_edit_type,
                    ),
                    _select(
                        "type",
                        msg.FIELD_TYPE,
                        TYPE_OPTIONS,
                        edit.get("type", "text"),
                        on_change=s.set_edit_type,
                    ),
                ),
                rx.cond(
                    s.editing_group == "",
                    _select("step", msg.FIELD_STEP, s.step_options, edit.get("step", "0")),
                ),
                _text("help", msg.FIELD_HELP, area=True),
                _checkbox("required", msg.FIELD_REQUIRED, edit.get("required", "") == "1"),
                rx.hstack(_text("min", msg.FIELD_MIN), _text("max", msg.FIELD_MAX), width="100%"),
                _text("unit", msg.FIELD_UNIT),
                _text("choices", msg.FIELD_CHOICES, area=True),
                _select(
                    "show_if",
                    msg.FIELD_SHOW_IF,
                    FormEditorState.field_options,
                    edit.get("show_if", ""),
                    blank=msg.ALWAYS_SHOWN,
                ),
                _text("show_values", msg.FIELD_SHOW_VALUES, area=True),
                _text("pattern", msg.FIELD_PATTERN),
                _text("default", msg.FIELD_DEFAULT),
                _text("compute", msg.FIELD_COMPUTE),
                _file_inputs(),
                rx.hstack(
                    rx.button(
                        msg.PREVIOUS,
                        type="button",
                        variant="soft",
                        size="3",
                        min_height=TOUCH,
                        on_click=FormEditorState.cancel_edit,
                    ),
                    rx.button(
                        msg.SAVE_FIELD,
                        type="submit",
                        size="3",
                        min_height=TOUCH,
                        flex="1",
                        id="save-field",
                    ),
                    width="100%",
                ),
                spacing="2",
                width="100%",
            ),
            on_submit=FormEditorState.save_field,
            reset_on_submit=False,
            key=FormEditorState.edit_rev,
        ),
        width="100%",
        id="field-editor",
    )


def _preview() -> rx.Component:
    return rx.center(
        rx.el.iframe(
            src=f"{'/bieu-mau/dien'}?form=" + FormEditorState.code + "&preview=1",
            title=msg.PREVIEW,
            width="390",
            height="700",
            key=FormEditorState.preview_rev,
            style={
                "border": "10px solid #222",
                "border_radius": "28px",
                "max_width": "100%",
                "background": "white",
            },
            id="phone-preview",
        ),
        width="100%",
    )


def editor_page() -> rx.Component:
    """The form editor page."""
    s = FormEditorState
    return page(
        rx.link(
            rx.hstack(rx.icon("arrow-left", size=16, aria_hidden="true"), msg.BUILDER_TITLE),
            href=BUILDER_ROUTE,
        ),
        rx.cond(
            s.loaded,
            rx.vstack(
                rx.heading(s.title, size="5", as_="h1"),
                rx.text(s.code, " · ", s.status, size="2", color_scheme="gray", id="form-status"),
                # While a field is edited its errors show in the editor, next to the inputs.
                rx.cond(s.editing == "", error_callout(s.error)),
                rx.cond(
                    s.notice != "",
                    rx.callout(s.notice, icon="circle-check", color_scheme="grass", role="status"),
                ),
                rx.card(rx.foreach(s.outline, _outline_row), width="100%", id="outline"),
                rx.cond(
                    s.editing != "",
                    _field_editor(),
                    rx.hstack(
                        rx.button(
                            rx.icon("plus", size=18, aria_hidden="true"),
                            msg.ADD_FIELD,
                            size="3",
                            min_height=TOUCH,
                            on_click=s.new_field,
                            id="add-field",
                        ),
                        rx.form(
                            rx.hstack(
                                rx.input(
                                    name="step_title",
                                    placeholder=msg.STEP_TITLE,
                                    aria_label=msg.STEP_TITLE,
                                    size="3",
                                ),
                                rx.button(
                                    msg.ADD_STEP,
                                    type="submit",
                                    variant="soft",
                                    size="3",
                                    min_height=TOUCH,
                                ),
                            ),
                            on_submit=s.add_step,
                            reset_on_submit=True,
                        ),
                        wrap="wrap",
                        width="100%",
                    ),
                ),
                rx.hstack(
                    rx.button(
                        rx.icon("smartphone", size=18, aria_hidden="true"),
                        msg.PREVIEW,
                        variant="outline",
                        size="3",
                        min_height=TOUCH,
                        on_click=s.toggle_preview,
                        id="toggle-preview",
                    ),
                    rx.button(
                        rx.icon("rocket", size=18, aria_hidden="true"),
                        msg.PUBLISH,
                        size="3",
                        min_height=TOUCH,
                        color_scheme="grass",
                        on_click=s.publish,
                        id="publish-form",
                    ),
                    rx.button(
                        rx.icon("download", size=18, aria_hidden="true"),
                        msg.EXPORT_JSON,
                        variant="soft",
                        size="3",
                        min_height=TOUCH,
                        on_click=s.export,
                    ),
                    wrap="wrap",
                    width="100%",
                ),
                rx.cond(s.preview_open, _preview()),
                rx.heading(msg.SUBMISSIONS, size="4", as_="h2"),
                rx.cond(
                    s.submissions.length() == 0, rx.text(msg.SUBMISSIONS_NONE, color_scheme="gray")
                ),
                rx.foreach(
                    s.submissions,
                    lambda r: rx.hstack(
                        rx.text(r["who"], size="2"),
                        rx.text(r["when"], size="2", color_scheme="gray"),
                        rx.spacer(),
                        rx.badge(r["version"], class_name="submission-version"),
                        width="100%",
                        class_name="submission-row",
                    ),
                ),
                spacing="3",
                width="100%",
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(EDITOR_ROUTE, editor_page, msg.BUILDER_TITLE, FormEditorState.load)]
