"""The base state of every signed-in page: the session token and who is signed in."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from woms_pwa.context import db, settings
from woms_pwa.core import messages as msg
from woms_pwa.core.notifications.service import unread_count
from woms_pwa.core.permissions import Actor
from woms_pwa.core.services.auth import resolve_token, sign_out

SIGN_IN_ROUTE = "/dang-nhap"


class AuthState(rx.State):
    """The session token (kept in the browser) and the signed-in user's display data.

    Page states inherit from it and call :meth:`_actor` in every handler: the
    token is resolved against the database each time, and the core services
    check the actor's rights, so nothing here is trusted for permissions.
    """

    token: str = rx.LocalStorage("", name="woms_token", sync=True)
    user_name: str = ""
    role: str = ""
    role_label: str = ""
    unread: int = 0

    def _actor(self) -> Actor | None:
        """Return the signed-in actor, or ``None`` when the session is gone."""
        with db() as session:
            account = resolve_token(session, settings(), self.token)
            if account is None:
                return None
            actor = Actor.from_account(account)
            self.unread = unread_count(session, actor)
        self.user_name = actor.display_name
        self.role = actor.role.value
        self.role_label = msg.ROLE_LABELS.get(actor.role, "")
        return actor

    @rx.event
    def sign_out(self) -> EventSpec:
        """End the session and go to the sign-in page."""
        if self.token:
            with db() as session:
                sign_out(session, self.token)
        self.token = ""
        self.user_name = ""
        self.role = ""
        return rx.redirect(SIGN_IN_ROUTE)
