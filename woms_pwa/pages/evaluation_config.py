"""``/danh-gia/cau-hinh``: the province sets thresholds, quotas and weights."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from woms_pwa.components.layout import error_callout, loading_block, page
from woms_pwa.components.nav import NavItem
from woms_pwa.components.settings_form import settings_form
from woms_pwa.context import db
from woms_pwa.core.evaluation.config import (
    FORM_FIELDS,
    ConfigError,
    form_values,
    load_config,
    update_from_form,
)
from woms_pwa.core.messages import evaluation as emsg
from woms_pwa.core.permissions import PermissionDenied
from woms_pwa.core.vocab import Role
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

CONFIG_ROUTE = "/danh-gia/cau-hinh"


class ConfigState(AuthState):
    """The province's scoring configuration as text fields."""

    values: dict[str, str] = {}
    error: str = ""
    saved: str = ""
    loaded: bool = False

    @rx.event
    def load(self) -> EventSpec | None:
        """Fetch the effective configuration (province level only)."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.loaded, self.error, self.saved = False, "", ""
        if actor.role not in (Role.ADMIN, Role.PROVINCE):
            self.error = emsg.CONFIG_FORBIDDEN
        else:
            with db() as session:
                self.values = form_values(load_config(session))
        self.loaded = True
        return None

    @rx.event
    def save(self, form: dict[str, str]) -> EventSpec | None:
        """Validate and store the configuration; nothing is saved on error."""
        actor = self._actor()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        try:
            with db() as session:
                config = update_from_form(session, actor, form)
        except (PermissionDenied, ConfigError) as exc:
            self.error, self.saved = str(exc), ""
            return None
        self.values = form_values(config)
        self.error, self.saved = "", emsg.CONFIG_SAVED
        return None


def _field(name: str) -> rx.Component:
    return rx.vstack(
        rx.el.label(emsg.CONFIG_LABELS[name], html_for=name, class_name="field-label"),
        rx.input(
            id=name,
            name=name,
            input_mode="decimal",
            size="3",
            width="100%",
            default_value=ConfigState.values[name],
            key=ConfigState.values[name],
        ),
        spacing="1",
        width="100%",
        align="stretch",
    )


def config_page() -> rx.Component:
    """The configuration page."""
    return page(
        rx.heading(emsg.CONFIG_TITLE, size="5", as_="h1"),
        rx.cond(
            ConfigState.loaded,
            rx.vstack(
                error_callout(ConfigState.error),
                rx.cond(
                    ConfigState.saved != "",
                    rx.callout(
                        ConfigState.saved, icon="circle-check", color_scheme="grass", role="status"
                    ),
                ),
                rx.cond(
                    ConfigState.values.contains("tot_min"),
                    settings_form(
                        emsg.CONFIG_HINT,
                        [_field(name) for name in FORM_FIELDS],
                        save_label=emsg.CONFIG_SAVE,
                        save_id="save-config",
                        on_submit=ConfigState.save,
                    ),
                ),
                spacing="3",
                width="100%",
            ),
            loading_block(),
        ),
    )


PAGES = [PageSpec(CONFIG_ROUTE, config_page, emsg.CONFIG_TITLE, ConfigState.load)]
NAV = [NavItem(emsg.CONFIG_NAV, CONFIG_ROUTE, "sliders-horizontal", ("admin", "province"), 41)]
