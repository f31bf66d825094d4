"""Quản trị thư viện chỉ số: administrators search, add, edit, retire and merge entries."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventSpec

from metric_library.catalogue import DATA_SOURCES, DIRECTIONS, KINDS, PERSPECTIVES
from woms_pwa.components.layout import TOUCH, error_callout, loading_block, page
from woms_pwa.components.nav import NavItem
from woms_pwa.context import db
from woms_pwa.core.messages import metrics as mmsg
from woms_pwa.core.metrics import curation
from woms_pwa.core.metrics.entries import entry_values, get_entry
from woms_pwa.core.metrics.service import MetricsError
from woms_pwa.core.metrics.sync import sync_catalogue_from_files
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.vocab import Role
from woms_pwa.pages.metrics_browse import MAX_ROWS, badges, details, entry_row, search_form
from woms_pwa.routing import PageSpec
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

ADMIN_ROUTE = "/quan-tri/thu-vien-chi-so"
_TEXT_FIELDS = ("name", "unit", "area", "reference")
_LONG_FIELDS = ("definition", "formula", "evidence", "synonyms")
_CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "direction": tuple((v, mmsg.DIRECTION_LABELS[v]) for v in sorted(DIRECTIONS)),
    "perspective": tuple((v, mmsg.PERSPECTIVE_LABELS[v]) for v in PERSPECTIVES),
    "data_source": tuple((v, mmsg.DATA_SOURCE_LABELS[v]) for v in sorted(DATA_SOURCES)),
    "kind_hint": tuple((v, mmsg.KIND_LABELS[v]) for v in sorted(KINDS)),
}
_EMPTY_FORM = {
    "code": "",
    "direction": "increase",
    "perspective": "service",
    "data_source": "manual_evidence",
    "kind_hint": "kpi",
    "is_proxy": "0",
}


class MetricsAdminState(AuthState):
    """Search, the list with usage counts, the edit form and the merge form."""

    query: str = ""
    rows: list[dict[str, str]] = []
    count_text: str = ""
    stored: bool = True
    allowed: bool = False
    mode: str = ""  # "" | "edit" | "add"
    form: dict[str, str] = {}
    form_key: str = ""
    error: str = ""
    notice: str = ""
    loaded: bool = False

    def _admin(self) -> Actor | None:
        actor = self._actor()
        self.allowed = actor is not None and actor.role is Role.ADMIN
        if actor is not None and not self.allowed:
            self.error = mmsg.FORBIDDEN_CURATE
        return actor if self.allowed else None

    def _fill(self) -> None:
        with db() as session:
            views = curation.search_entries(session, self.query, include_retired=True)
            self.stored = curation.dictionary_is_stored(session)
        self.rows = [entry_row(v) for v in views[:MAX_ROWS]]
        shown = len(self.rows)
        self.count_text = mmsg.RESULTS_COUNT.format(count=len(views)) + (
            mmsg.RESULTS_SHOWN.format(shown=shown) if shown < len(views) else ""
        )

    def _done(self, notice: str) -> list[EventSpec]:
        self.error, self.notice, self.mode = "", notice, ""
        self._fill()
        return [rx.toast.success(notice)]

    @rx.event
    def load(self) -> EventSpec | None:
        """Check the role and list the dictionary (retired entries included)."""
        if self._actor() is None:
            return rx.redirect(SIGN_IN_ROUTE)
        self.error, self.notice, self.mode = "", "", ""
        self.query = self.router.url.query_parameters.get("q", "")
        if self._admin() is not None:
            self._fill()
        self.loaded = True
        return None

    @rx.event
    def search(self, form: dict[str, str]) -> EventSpec | None:
        """Search with the submitted words."""
        if self._actor() is None:
            return rx.redirect(SIGN_IN_ROUTE)
        if self._admin() is None:
            return None
        self.query = (form.get("q") or "")[:200]
        self._fill()
        return None

    @rx.event
    def start_edit(self, code: str) -> None:
        """Open the edit form on one entry."""
        if self._admin() is None:
            return
        with db() as session:
            entry = get_entry(session, code)
            values = entry_values(entry) if entry is not None else None
        if values is None:
            self.error = mmsg.UNKNOWN_CODE.format(code=code)
            return
        self.form = {
            k: ("1" if v is True else "0" if v is False else str(v)) for k, v in values.items()
        }
        self.mode, self.form_key, self.error, self.notice = "edit", f"edit-{code}", "", ""

    @rx.event
    def start_add(self) -> None:
        """Open an empty form for a new entry."""
        if self._admin() is None:
            return
        self.form = dict(_EMPTY_FORM)
        self.mode, self.form_key, self.error, self.notice = "add", "add", "", ""

    @rx.event
    def cancel(self) -> None:
        """Close the form without saving."""
        self.mode, self.error = "", ""

    @rx.event
    def save(self, form: dict[str, str]) -> list[EventSpec] | None:
        """Validate in the core and save; nothing is saved on an error."""
        actor = self._admin()
        if actor is None:
            return None
        values: dict[str, str | bool | None] = {k: v for k, v in form.items() if k != "reason"}
        values["is_proxy"] = "1" if form.get("is_proxy") in {"on", "1", "true"} else "0"
        try:
            with db() as session:
                if self.mode == "add":
                    code = curation.create_entry(
                        session, actor, values, form.get("reason", "")
                    ).code
                    notice = mmsg.CREATED.format(code=code)
                else:
                    code = self.form.get("code", "")
                    changed = curation.update_entry(
                        session, actor, code, values, form.get("reason", "")
                    )
                    notice = mmsg.SAVED.format(code=code) if changed else mmsg.NOTHING_CHANGED
        except (MetricsError, PermissionDenied) as exc:
            self.error = str(exc)
            self.form = {**self.form, **{k: str(v) for k, v in values.items()}}
            return None
        return self._done(notice)

    @rx.event
    def retire(self, code: str) -> list[EventSpec] | None:
        """Retire one entry (plans keep using it)."""
        return self._status(code, retire=True)

    @rx.event
    def restore(self, code: str) -> list[EventSpec] | None:
        """Make a retired entry active again."""
        return self._status(code, retire=False)

    def _status(self, code: str, retire: bool) -> list[EventSpec] | None:
        actor = self._admin()
        if actor is None:
            return None
        try:
            with db() as session:
                if retire:
                    curation.retire_entry(session, actor, code)
                else:
                    curation.restore_entry(session, actor, code)
        except (MetricsError, PermissionDenied) as exc:
            self.error = str(exc)
            return None
        return self._done((mmsg.RETIRED_DONE if retire else mmsg.RESTORED_DONE).format(code=code))

    @rx.event
    def merge(self, form: dict[str, str]) -> list[EventSpec] | None:
        """Merge a duplicate into the entry that stays."""
        actor = self._admin()
        if actor is None:
            return None
        source, target = form.get("source", "").strip(), form.get("target", "").strip()
        try:
            with db() as session:
                kept = curation.merge_entries(session, actor, source, target)
        except (MetricsError, PermissionDenied) as exc:
            self.error = str(exc)
            return None
        done = self._done(mmsg.MERGED_DONE.format(source=source.upper(), target=kept.code))
        return [*done, rx.set_value("merge-source", ""), rx.set_value("merge-target", "")]

    @rx.event
    def sync(self) -> list[EventSpec] | None:
        """Load the bundled files into the database (idempotent)."""
        actor = self._admin()
        if actor is None:
            return None
        with db() as session:
            summary = sync_catalogue_from_files(session, actor=actor.username)
        return self._done(mmsg.SYNCED.format(created=summary.created, updated=summary.updated))


def _field(name: str) -> rx.Component:
    label = rx.el.label(mmsg.FIELD_LABELS[name], html_for=f"f-{name}", class_name="field-label")
    value = MetricsAdminState.form[name]
    if name in _CHOICES:
        control: rx.Component = rx.el.select(
            *[rx.el.option(text, value=v) for v, text in _CHOICES[name]],
            id=f"f-{name}",
            name=name,
            default_value=value,
            class_name="native-select",
            style={"minHeight": "44px", "width": "100%"},
        )
    elif name in _LONG_FIELDS:
        control = rx.text_area(
            id=f"f-{name}", name=name, default_value=value, rows="3", width="100%"
        )
    else:
        control = rx.input(id=f"f-{name}", name=name, default_value=value, size="3", width="100%")
    return rx.vstack(label, control, spacing="1", width="100%")


def _editor() -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading(
                    rx.cond(
                        MetricsAdminState.mode == "add",
                        mmsg.ADD_TITLE,
                        mmsg.EDIT_TITLE.format(code="") + MetricsAdminState.form["code"],
                    ),
                    size="4",
                    as_="h2",
                ),
                rx.cond(MetricsAdminState.mode == "add", _field("code")),
                *[_field(name) for name in ("name", "definition", "formula", "unit")],
                *[_field(name) for name in ("direction", "perspective", "area", "data_source")],
                *[_field(name) for name in ("evidence", "synonyms", "reference", "kind_hint")],
                rx.el.label(
                    rx.el.input(
                        type="checkbox",
                        name="is_proxy",
                        id="f-is_proxy",
                        default_checked=MetricsAdminState.form["is_proxy"] == "1",
                        style={"width": "22px", "height": "22px"},
                    ),
                    " " + mmsg.FIELD_LABELS["is_proxy"],
                    html_for="f-is_proxy",
                    style={"minHeight": "44px", "display": "flex", "alignItems": "center"},
                ),
                rx.el.label(mmsg.REASON_LABEL, html_for="f-reason", class_name="field-label"),
                rx.input(id="f-reason", name="reason", size="3", width="100%"),
                rx.hstack(
                    rx.button(
                        mmsg.SAVE, type="submit", size="3", min_height=TOUCH, id="metric-save"
                    ),
                    rx.button(
                        mmsg.CANCEL,
                        type="button",
                        variant="soft",
                        size="3",
                        min_height=TOUCH,
                        on_click=MetricsAdminState.cancel,
                    ),
                ),
                spacing="2",
                width="100%",
            ),
            on_submit=MetricsAdminState.save,
            reset_on_submit=False,
            key=MetricsAdminState.form_key,
            width="100%",
        ),
        id="metric-editor",
        width="100%",
    )


def _row(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(row["code"], size="1", color_scheme="gray", font_family="monospace"),
                rx.spacer(),
                rx.text(row["usage"], size="1", class_name="metric-usage"),
                width="100%",
            ),
            rx.text(row["name"], weight="bold", size="3"),
            rx.text(row["status"] + " · " + row["source"], size="1", color_scheme="gray"),
            badges(row),
            details(row),
            rx.hstack(
                rx.button(
                    rx.icon("pencil", size=16, aria_hidden="true"),
                    mmsg.EDIT,
                    on_click=MetricsAdminState.start_edit(row["code"]),
                    variant="soft",
                    min_height="44px",
                    class_name="metric-edit",
                ),
                rx.cond(
                    row["retired"] == "1",
                    rx.button(
                        mmsg.RESTORE,
                        on_click=MetricsAdminState.restore(row["code"]),
                        variant="soft",
                        color_scheme="grass",
                        min_height="44px",
                        class_name="metric-restore",
                    ),
                    rx.button(
                        rx.icon("archive", size=16, aria_hidden="true"),
                        mmsg.RETIRE,
                        on_click=MetricsAdminState.retire(row["code"]),
                        variant="soft",
                        color_scheme="red",
                        min_height="44px",
                        class_name="metric-retire",
                    ),
                ),
                wrap="wrap",
            ),
            spacing="1",
            width="100%",
        ),
        id=row["anchor"],
        class_name="metric-row",
        width="100%",
    )


def _merge_form() -> rx.Component:
    def field(id_: str, name: str, label: str) -> rx.Component:
        return rx.vstack(
            rx.el.label(label, html_for=id_, class_name="field-label"),
            rx.input(id=id_, name=name, size="3", width="100%", auto_complete="off"),
            spacing="1",
            width="100%",
        )

    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading(mmsg.MERGE_TITLE, size="4", as_="h2"),
                field("merge-source", "source", mmsg.MERGE_SOURCE),
                field("merge-target", "target", mmsg.MERGE_TARGET),
                rx.button(mmsg.MERGE_BUTTON, type="submit", size="3", min_height=TOUCH),
                spacing="2",
                width="100%",
            ),
            on_submit=MetricsAdminState.merge,
            reset_on_submit=False,
            width="100%",
        ),
        width="100%",
    )


def _content() -> rx.Component:
    return rx.vstack(
        rx.cond(
            MetricsAdminState.notice != "",
            rx.callout(
                MetricsAdminState.notice, icon="circle-check", color_scheme="grass", role="status"
            ),
        ),
        rx.cond(
            ~MetricsAdminState.stored,
            rx.hstack(
                rx.text(mmsg.EMPTY_DICTIONARY, size="2"),
                rx.button(
                    mmsg.SYNC_BUTTON,
                    on_click=MetricsAdminState.sync,
                    min_height="44px",
                    id="metric-sync",
                ),
                wrap="wrap",
            ),
        ),
        search_form(MetricsAdminState.search, MetricsAdminState.query),
        rx.button(
            rx.icon("plus", size=16, aria_hidden="true"),
            mmsg.ADD_NEW,
            on_click=MetricsAdminState.start_add,
            variant="outline",
            min_height="44px",
        ),
        rx.cond(MetricsAdminState.mode != "", _editor()),
        rx.text(MetricsAdminState.count_text, size="2"),
        rx.foreach(MetricsAdminState.rows, _row),
        _merge_form(),
        spacing="3",
        width="100%",
    )


def admin_page() -> rx.Component:
    """The curation page (administrators only; the core checks it too)."""
    return page(
        rx.heading(mmsg.ADMIN_TITLE, size="6", as_="h1"),
        error_callout(MetricsAdminState.error),
        rx.cond(
            MetricsAdminState.loaded,
            rx.cond(MetricsAdminState.allowed, _content()),
            loading_block(),
        ),
    )


PAGES = [PageSpec(ADMIN_ROUTE, admin_page, mmsg.ADMIN_TITLE, MetricsAdminState.load)]
NAV = [NavItem(mmsg.ADMIN_NAV, ADMIN_ROUTE, "library", roles=("admin",), order=90)]
