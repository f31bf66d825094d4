"""The sign-in page."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from woms_pwa.components.layout import TOUCH, error_callout, page
from woms_pwa.context import db, settings
from woms_pwa.core import messages as msg
from woms_pwa.core.services.auth import AuthError, sign_in
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState


class SignInState(AuthState):
    """The sign-in form."""

    error: str = ""
    busy: bool = False

    @rx.event
    def open(self) -> EventSpec | None:
        """Skip the form when the browser is already signed in."""
        self.error = ""
        self.busy = False
        if self.token and self._actor() is not None:
            return rx.redirect("/")
        return None

    @rx.event
    def submit(self, form: dict[str, str]) -> EventSpec | None:
        """Check the password; on success keep the token and go home."""
        username, password = (form.get("username") or "").strip(), form.get("password") or ""
        if not username or not password:
            self.error = msg.SIGN_IN_MISSING
            return None
        try:
            with db() as session:
                signed = sign_in(session, settings(), username, password)
        except AuthError as exc:
            self.error = str(exc)
            return None
        self.error = ""
        self.token = signed.token
        return rx.redirect("/")


def sign_in_page() -> rx.Component:
    """The sign-in form, large and simple for phones."""
    return page(
        rx.card(
            rx.form(
                rx.vstack(
                    rx.heading(msg.SIGN_IN, size="6", as_="h1"),
                    rx.text(msg.APP_LONG_NAME, size="2", color_scheme="gray"),
                    error_callout(SignInState.error),
                    rx.el.label(msg.USERNAME, html_for="username", class_name="field-label"),
                    rx.input(
                        id="username",
                        name="username",
                        auto_complete="username",
                        auto_capitalize="none",
                        size="3",
                        required=True,
                        width="100%",
                    ),
                    rx.el.label(msg.PASSWORD, html_for="password", class_name="field-label"),
                    rx.input(
                        id="password",
                        name="password",
                        type="password",
                        auto_complete="current-password",
                        size="3",
                        required=True,
                        width="100%",
                    ),
                    rx.button(
                        msg.SIGN_IN,
                        type="submit",
                        size="3",
                        width="100%",
                        min_height=TOUCH,
                        id="sign-in",
                    ),
                    spacing="3",
                    align="stretch",
                ),
                on_submit=SignInState.submit,
                reset_on_submit=False,
            ),
            width="100%",
            max_width="420px",
            margin_x="auto",
            margin_top="1em",
        ),
    )


PAGES = [PageSpec(SIGN_IN_ROUTE, sign_in_page, msg.SIGN_IN, SignInState.open)]
