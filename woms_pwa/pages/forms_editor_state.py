"""State of the form editor: the outline of one form, the field being edited, publishing."""

from __future__ import annotations

import json
from typing import Any

import reflex as rx
from reflex.event import EventSpec

from analytics.vntext import format_date_vi, to_vn_time
from woms_pwa.context import db
from woms_pwa.core.forms.catalogue import (
    FormError,
    draft_spec,
    export_definition,
    get_record,
    publish_form,
    published,
    require_admin,
    save_definition,
)
from woms_pwa.core.forms.definition import FieldType, FormSpec
from woms_pwa.core.forms.submissions import list_submissions
from woms_pwa.core.messages import forms as msg
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.forms import builder_ops as ops
from woms_pwa.state import SIGN_IN_ROUTE, AuthState

NEW = "__new__"


class FormEditorState(AuthState):
    """The outline of one form, the field being edited, publishing and submissions."""

    code: str = ""
    title: str = ""
    status: str = ""
    outline: list[dict[str, str]] = []
    step_options: list[dict[str, str]] = []
    field_options: list[dict[str, str]] = []
    editing: str = ""
    editing_group: str = ""
    editing_group_label: str = ""
    edit_type: str = "text"
    edit: dict[str, str] = {}
    edit_rev: int = 0
    notice: str = ""
    error: str = ""
    submissions: list[dict[str, str]] = []
    preview_open: bool = False
    preview_rev: int = 0
    loaded: bool = False

    def _admin(self) -> Actor | None:
        actor = self._actor()
        if actor is not None:
            require_admin(actor)
        return actor

    def _show(self, spec: FormSpec, current_version: int, changed: bool) -> None:
        self.title = spec.title
        self.outline = ops.field_rows(spec)
        self.step_options = [{"value": str(i), "label": s.title} for i, s in enumerate(spec.steps)]
        self.field_options = ops.condition_options(
            spec, "" if self.editing == NEW else self.editing, self.editing_group
        )
        state = (
            msg.STATUS_PUBLISHED.format(version=current_version)
            if current_version
            else msg.STATUS_NEVER
        )
        self.status = state + (
            " · " + msg.STATUS_DRAFT_CHANGES if changed and current_version else ""
        )
        self.preview_rev += 1

    def _reload(self, actor: Actor) -> None:
        with db() as session:
            record = get_record(session, self.code)
            spec = draft_spec(record)
            changed = record.current_version == 0 or export_definition(session, self.code) != (
                _published_text(session, self.code, record.current_version)
            )
            rows = list_submissions(session, actor, code=self.code, limit=50)
            version = record.current_version
        self.submissions = [
            {
                "key": str(r.id),
                "who": r.submitted_by,
                "when": format_date_vi(to_vn_time(r.created_at).date()),
                "version": msg.VERSION.format(version=r.version),
            }
            for r in rows
        ]
        self._show(spec, version, changed)

    def _apply(self, change: Any, notice: str = "") -> EventSpec | None:
        """Load the draft, change it, validate and store it; show the outcome."""
        try:
            actor = self._admin()
            if actor is None:
                return rx.redirect(SIGN_IN_ROUTE)
            with db() as session:
                data = json.loads(export_definition(session, self.code))
                save_definition(session, actor, self.code, change(data))
            self._reload(actor)
        except (FormError, ops.BuilderError, PermissionDenied) as exc:
            self.error, self.notice = str(exc), ""
            return None
        self.error, self.notice = "", notice
        return None

    @rx.event
    def load(self) -> EventSpec | None:
        """Open the form named in the URL."""
        self.loaded, self.error, self.notice, self.editing = False, "", "", ""
        self.editing_group = ""
        self.code = self.router.url.query_parameters.get("form", "")
        try:
            actor = self._admin()
            if actor is None:
                return rx.redirect(SIGN_IN_ROUTE)
            self._reload(actor)
        except (FormError, PermissionDenied) as exc:
            self.outline, self.error = [], str(exc)
        self.loaded = True
        return None

    def _start(self, key: str, group: str = "") -> EventSpec | None:
        try:
            if self._admin() is None:
                return rx.redirect(SIGN_IN_ROUTE)
            with db() as session:
                spec = draft_spec(get_record(session, self.code))
        except (FormError, PermissionDenied) as exc:
            self.error = str(exc)
            return None
        parent = spec.field(group) if group else None
        if group and (parent is None or parent.type != FieldType.GROUP):
            self.error = msg.BUILDER_GROUP_MISSING.format(key=group)
            return None
        own = "" if key == NEW else key
        self.editing, self.editing_group = key, group
        self.editing_group_label = parent.label if parent is not None else ""
        self.edit = ops.edit_values(spec, own, group)
        self.edit_type = self.edit.get("type", "text")
        self.edit_rev += 1
        self.error = ""
        self.field_options = ops.condition_options(spec, own, group)
        return None

    @rx.event
    def new_field(self) -> EventSpec | None:
        """Open an empty field editor."""
        return self._start(NEW)

    @rx.event
    def new_child(self, group: str) -> EventSpec | None:
        """Open an empty editor for a new field of repeating group ``group``."""
        return self._start(NEW, group)

    @rx.event
    def edit_field(self, path: str) -> EventSpec | None:
        """Open the editor of an existing field (``key`` or ``group.key``)."""
        group, key = ops.split_path(path)
        return self._start(key, group)

    @rx.event
    def set_edit_type(self, kind: str) -> None:
        """Follow the type chosen in the editor (which inputs apply, e.g. file types)."""
        self.edit_type = kind

    @rx.event
    def cancel_edit(self) -> None:
        """Close the field editor without saving."""
        self.editing, self.editing_group = "", ""

    @rx.event
    def save_field(self, form: dict[str, Any]) -> EventSpec | None:
        """Store the field from the editor's inputs."""
        values = {k: str(v) for k, v in form.items()}
        editing = "" if self.editing == NEW else self.editing
        group = self.editing_group
        step = int(values["step"]) if values.get("step", "").isdigit() else 0

        def change(data: dict[str, Any]) -> dict[str, Any]:
            field = ops.field_from_form(data, values, editing, group)
            if group:
                return ops.put_child(data, group, field, editing)
            return ops.put_field(data, field, min(step, len(data["steps"]) - 1), editing)

        outcome = self._apply(change, msg.FIELD_SAVED.format(label=values.get("label", "")))
        if self.error:
            # The editor stays open with what was typed (also if it is drawn again).
            self.edit = ops.inputs_as_edit(values, group)
            self.edit_type = values.get("type", self.edit_type)
        else:
            self.editing, self.editing_group = "", ""
        return outcome

    @rx.event
    def move(self, path: str, delta: int) -> EventSpec | None:
        """Move a field (``key`` or ``group.key``) up (-1) or down (+1)."""
        return self._apply(lambda data: ops.move_field(data, path, delta))

    @rx.event
    def remove(self, path: str) -> EventSpec | None:
        """Remove a field (``key`` or ``group.key``)."""
        return self._apply(lambda data: ops.remove_field(data, path), msg.FIELD_REMOVED)

    @rx.event
    def add_step(self, form: dict[str, Any]) -> EventSpec | None:
        """Append a step."""
        title = str(form.get("step_title", "")).strip() or msg.STEP + str(
            len(self.step_options) + 1
        )
        return self._apply(lambda data: ops.add_step(data, title))

    @rx.event
    def publish(self) -> EventSpec | None:
        """Publish the draft as the next version."""
        try:
            actor = self._admin()
            if actor is None:
                return rx.redirect(SIGN_IN_ROUTE)
            with db() as session:
                number = publish_form(session, actor, self.code)
            self._reload(actor)
        except (FormError, PermissionDenied) as exc:
            self.error, self.notice = str(exc), ""
            return None
        self.error, self.notice = "", msg.FORM_PUBLISHED.format(version=number)
        return None

    @rx.event
    def toggle_preview(self) -> None:
        """Show or hide the phone-sized preview."""
        self.preview_open = not self.preview_open
        self.preview_rev += 1

    @rx.event
    def export(self) -> EventSpec | None:
        """Download the definition as JSON."""
        actor = self._admin()
        if actor is None:
            return rx.redirect(SIGN_IN_ROUTE)
        with db() as session:
            text = export_definition(session, self.code)
        return rx.download(data=text, filename=f"{self.code}.json")


def _published_text(session: Any, code: str, version: int) -> str:
    if not version:
        return ""
    return json.dumps(
        published(session, code, version)[1].model_dump(mode="json", exclude_defaults=True),
        ensure_ascii=False,
        indent=1,
    )
