"""The page shell: skip link, header with the signed-in user, main column."""

from __future__ import annotations

import reflex as rx

from woms_pwa.components.nav import nav_bar
from woms_pwa.core import messages as msg
from woms_pwa.state import AuthState

# Touch targets: large enough for a thumb (WCAG 2.5.5 asks for 44 px).
TOUCH = "48px"


def header() -> rx.Component:
    """Top bar: app name (link home), who is signed in, and sign-out."""
    signed_in = AuthState.user_name != ""
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
                # The accessible name must contain the visible text (WCAG 2.5.3).
                aria_label=f"{msg.APP_NAME} – {msg.HOME}",
            ),
            rx.spacer(),
            rx.cond(
                signed_in,
                rx.hstack(
                    rx.link(
                        rx.icon("bell", size=22, color="white", aria_hidden="true"),
                        rx.cond(
                            AuthState.unread > 0,
                            rx.text(
                                AuthState.unread, size="1", weight="bold", class_name="bell-count"
                            ),
                        ),
                        href="/thong-bao",
                        aria_label=rx.cond(
                            AuthState.unread > 0,
                            f"{msg.NOTIFICATIONS}: " + AuthState.unread.to_string() + " chưa đọc",
                            msg.NOTIFICATIONS,
                        ),
                        class_name="bell-link",
                        id="bell",
                    ),
                    rx.vstack(
                        rx.text(
                            AuthState.user_name,
                            size="2",
                            weight="medium",
                            color="white",
                            class_name="header-name",
                        ),
                        rx.text(
                            AuthState.role_label, size="1", color="white", class_name="header-name"
                        ),
                        spacing="0",
                        align="end",
                        min_width="0",
                    ),
                    rx.button(
                        rx.icon("log-out", size=18, aria_hidden="true"),
                        # On a phone the icon alone keeps the header within 390 px.
                        rx.text(msg.SIGN_OUT, display=["none", "inline"]),
                        on_click=AuthState.sign_out,
                        variant="surface",
                        color_scheme="gray",
                        size="2",
                        min_height="44px",
                        min_width="44px",
                        aria_label=msg.SIGN_OUT,
                        title=msg.SIGN_OUT,
                        id="sign-out",
                    ),
                    align="center",
                    spacing="2",
                    min_width="0",
                ),
            ),
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


def page(*children: rx.Component) -> rx.Component:
    """A full page: skip link, header, navigation (when signed in) and the main column."""
    return rx.box(
        rx.el.a(msg.SKIP_TO_CONTENT, href="#main", class_name="skip-link"),
        header(),
        rx.cond(AuthState.user_name != "", nav_bar(AuthState.role)),
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
