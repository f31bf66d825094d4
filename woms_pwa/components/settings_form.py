"""The form of a settings page: a hint, one block per setting, a wide save button."""

from __future__ import annotations

from typing import Any

import reflex as rx

from woms_pwa.components.layout import TOUCH


def settings_form(
    hint: Any, fields: list[rx.Component], *, save_label: str, save_id: str, on_submit: Any
) -> rx.Component:
    """A settings form that keeps what was typed when the save is refused.

    Args:
        hint: text above the fields (a string or a state var).
        fields: one component per setting.
        save_label: the button's text.
        save_id: the button's DOM id (the browser tests use it).
        on_submit: the state's save handler (receives the form data).
    """
    return rx.form(
        rx.vstack(
            rx.text(hint, size="2", color_scheme="gray"),
            *fields,
            rx.button(
                save_label,
                type="submit",
                size="3",
                width="100%",
                min_height=TOUCH,
                id=save_id,
            ),
            spacing="3",
            width="100%",
            align="stretch",
        ),
        on_submit=on_submit,
        reset_on_submit=False,
        width="100%",
    )
