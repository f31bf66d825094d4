"""Fill a form: ``/bieu-mau/dien?form=CODE`` (``&kr=CODE`` for a key result, ``&preview=1``)."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.core.forms.catalogue import FormError
from woms_pwa.core.messages import forms as msg
from woms_pwa.core.permissions import PermissionDenied
from woms_pwa.forms.wizard import wizard
from woms_pwa.forms.wizard_state import WizardMixin
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

FILL_ROUTE = "/bieu-mau/dien"


class FormFillState(WizardMixin, AuthState):
    """The wizard of one form."""

    error: str = ""
    loaded: bool = False

    @rx.event
    def load(self) -> EventSpec | None:
        """Open the form named in the URL, restoring the user's draft."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        params = self.router.url.query_parameters
        self.loaded, self.error = False, ""
        try:
            self._open_form(
                actor,
                params.get("form", ""),
                params.get("kr", ""),
                preview=params.get("preview", "") == "1",
            )
        except (FormError, PermissionDenied) as exc:
            self.form_title, self.error = "", str(exc)
        self.loaded = True
        return None


def fill_page() -> rx.Component:
    """The wizard page."""
    return page(
        rx.link(
            rx.hstack(rx.icon("arrow-left", size=16, aria_hidden="true"), msg.FORMS_TITLE),
            href="/bieu-mau",
        ),
        rx.cond(
            FormFillState.loaded,
            rx.cond(
                FormFillState.error == "",
                rx.vstack(
                    rx.heading(FormFillState.form_title, size="5", as_="h1"),
                    rx.cond(
                        FormFillState.form_description != "",
                        rx.text(FormFillState.form_description, size="2", color_scheme="gray"),
                    ),
                    rx.card(wizard(FormFillState), width="100%"),
                    spacing="3",
                    width="100%",
                ),
                error_callout(FormFillState.error),
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(FILL_ROUTE, fill_page, msg.FORMS_TITLE, FormFillState.load)]
