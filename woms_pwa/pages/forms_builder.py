"""``/quan-tri/bieu-mau``: administrators list every form and create new ones."""

from __future__ import annotations

from urllib.parse import urlencode

import reflex as rx
from reflex.event import EventSpec

from woms_pwa.components.layout import TOUCH, error_callout, loading_block, page
from woms_pwa.components.nav import NavItem
from woms_pwa.context import db
from woms_pwa.core.forms.catalogue import FormError, create_form, list_forms
from woms_pwa.core.messages import forms as msg
from woms_pwa.core.permissions import PermissionDenied
from woms_pwa.core.vocab import Role
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

BUILDER_ROUTE = "/quan-tri/bieu-mau"
EDITOR_ROUTE = "/quan-tri/bieu-mau/sua"


def editor_href(code: str) -> str:
    """Link to the editor of a form."""
    return EDITOR_ROUTE + "?" + urlencode({"form": code})


class FormBuilderListState(AuthState):
    """All forms with their status, and the "new form" inputs."""

    forms: list[dict[str, str]] = []
    error: str = ""
    loaded: bool = False

    @rx.event
    def load(self) -> EventSpec | None:
        """Fetch every form (administrators only)."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.loaded = False
        if actor.role != Role.ADMIN:
            self.forms, self.error, self.loaded = [], msg.FORM_ADMIN_ONLY, True
            return None
        with db() as session:
            forms = list_forms(session, published_only=False)
        self.forms = [
            {
                "code": f.code,
                "title": f.title,
                "status": (
                    msg.STATUS_NEVER
                    if not f.current_version
                    else msg.STATUS_PUBLISHED.format(version=f.current_version)
                )
                + (
                    " · " + msg.STATUS_DRAFT_CHANGES
                    if f.has_unpublished_changes and f.current_version
                    else ""
                ),
                "href": editor_href(f.code),
            }
            for f in forms
        ]
        self.error, self.loaded = "", True
        return None

    @rx.event
    def create(self, form: dict[str, str]) -> EventSpec | None:
        """Create a form and open it in the editor."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        try:
            with db() as session:
                spec = create_form(
                    session, actor, code=form.get("code", ""), title=form.get("title", "")
                )
        except (FormError, PermissionDenied) as exc:
            self.error = str(exc)
            return None
        return rx.redirect(editor_href(spec.code))


def _form_row(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.link(
        rx.card(
            rx.hstack(
                rx.vstack(
                    rx.text(row["title"], weight="bold"),
                    rx.text(row["code"], " · ", row["status"], size="2", color_scheme="gray"),
                    spacing="1",
                ),
                rx.spacer(),
                rx.icon("pencil", size=18, aria_hidden="true"),
                align="center",
            ),
            width="100%",
        ),
        href=row["href"],
        underline="none",
        color="inherit",
        width="100%",
        class_name="builder-form",
    )


def builder_list_page() -> rx.Component:
    """The builder's list page."""
    return page(
        rx.heading(msg.BUILDER_TITLE, size="5", as_="h1"),
        rx.text(msg.BUILDER_INTRO, size="2", color_scheme="gray"),
        error_callout(FormBuilderListState.error),
        rx.cond(
            FormBuilderListState.loaded,
            rx.vstack(
                rx.card(
                    rx.form(
                        rx.vstack(
                            rx.heading(msg.NEW_FORM, size="3", as_="h2"),
                            rx.el.label(msg.FORM_TITLE, html_for="new-title"),
                            rx.input(id="new-title", name="title", size="3", width="100%"),
                            rx.el.label(msg.FORM_CODE, html_for="new-code"),
                            rx.input(
                                id="new-code",
                                name="code",
                                size="3",
                                width="100%",
                                auto_complete="off",
                            ),
                            rx.button(
                                msg.CREATE,
                                type="submit",
                                size="3",
                                min_height=TOUCH,
                                id="create-form",
                            ),
                            spacing="2",
                            width="100%",
                        ),
                        on_submit=FormBuilderListState.create,
                        reset_on_submit=False,
                    ),
                    width="100%",
                ),
                rx.foreach(FormBuilderListState.forms, _form_row),
                spacing="3",
                width="100%",
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(BUILDER_ROUTE, builder_list_page, msg.BUILDER_TITLE, FormBuilderListState.load)]
NAV = [NavItem(msg.BUILDER_NAV, BUILDER_ROUTE, "layout-list", roles=("admin",), order=85)]
