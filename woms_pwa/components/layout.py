"""The page shell: skip link, header with the signed-in user, main column."""

from __future__ import annotations

import reflex as rx

from woms_pwa.core import messages as msg


def header(
    user_name: rx.Var[str] | str = "",
    role_label: rx.Var[str] | str = "",
    on_sign_out: rx.EventHandler | None = None,
) -> rx.Component:
    """Top bar: app name (link home), who is signed in, and sign-out."""
    right: list[rx.Component] = []
    if on_sign_out is not None:
        right = [
            rx.vstack(
                rx.text(user_name, size="2", weight="medium", color="white"),
                rx.text(role_label, size="1", color="white", opacity="0.9"),
                spacing="0",
                align="end",
            ),
            rx.button(
                rx.icon("log-out", size=18, aria_hidden="true"),
                msg.SIGN_OUT,
                on_click=on_sign_out,
                variant="surface",
                color_scheme="gray",
                size="2",
                min_height="44px",
                id="sign-out",
            ),
        ]
    return rx.el.header(
        rx.hstack(
            rx.link(
                rx.hstack(
                    rx.icon("target", size=22, color="white", aria_hidden="true"),
                    rx.text(msg.APP_NAME, weight="bold", size="4", color="white"),
                    align="center",
                    spacing="2",
                ),
                href="/",
                underline="none",
                aria_label=msg.HOME,
            ),
            rx.spacer(),
            *right,
            align="center",
            spacing="3",
            width="100%",
            max_width="760px",
            margin_x="auto",
            padding_x="1em",
            padding_y="0.6em",
        ),
        background="var(--accent-11)",
        width="100%",
    )


def page(
    *children: rx.Component,
    user_name: rx.Var[str] | str = "",
    role_label: rx.Var[str] | str = "",
    on_sign_out: rx.EventHandler | None = None,
) -> rx.Component:
    """A full page: skip link, header, and the main content column."""
    return rx.box(
        rx.el.a(msg.SKIP_TO_CONTENT, href="#main", class_name="skip-link"),
        header(user_name, role_label, on_sign_out),
        rx.el.main(
            rx.vstack(*children, spacing="4", width="100%", align="stretch"),
            id="main",
            tab_index=-1,
            max_width="760px",
            margin_x="auto",
            padding="1em",
            width="100%",
        ),
        min_height="100vh",
        background="var(--gray-2)",
    )


def loading_block() -> rx.Component:
    """What a page shows until its data has arrived."""
    return rx.center(
        rx.spinner(size="3"),
        rx.text(msg.LOADING, margin_left="0.5em"),
        padding="2em",
        role="status",
    )


def error_callout(message: rx.Var[str]) -> rx.Component:
    """A red callout announced to screen readers, shown when ``message`` is set."""
    return rx.cond(
        message != "",
        rx.callout(message, icon="triangle-alert", color_scheme="red", role="alert", id="error"),
    )
