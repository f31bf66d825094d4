"""The wizard's state, as a mixin: the fill page and the check-in page both use it.

Handlers follow the app's habit: resolve the actor, call a core service,
assign display rows. The engine's validation runs on every change (instant
messages); the core runs it again on submit and is the one that decides.
"""

from __future__ import annotations

import uuid
from typing import Any

import reflex as rx
from reflex.event import EventSpec

from analytics.vntext import format_time_vi
from woms_pwa.context import db, settings
from woms_pwa.core.forms.catalogue import (
    FormError,
    draft_spec,
    ensure_builtin_forms,
    get_record,
    published,
)
from woms_pwa.core.forms.definition import (
    FILE_TYPES,
    FieldDef,
    FieldType,
    FormSpec,
    parse_definition,
)
from woms_pwa.core.forms.evidence import EvidenceError, evidence_names, size_refusal
from woms_pwa.core.forms.submissions import (
    SubmissionOutcome,
    file_policy,
    load_draft,
    save_draft,
    submit_form,
    upload_evidence,
)
from woms_pwa.core.forms.validation import FieldError, check_answers, visible_keys
from woms_pwa.core.messages import forms as msg
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.services.checkins import CheckInError
from woms_pwa.core.vocab import Role
from woms_pwa.forms.answers import (
    MULTI_SEPARATOR,
    flat_key,
    from_nested,
    review_rows,
    step_keys,
    step_of_error,
    step_rows,
    to_nested,
)

# Upload boxes rendered per step: the definition allows 3 top-level file fields;
# the rest serve file fields inside the rows of a repeating group.
UPLOAD_SLOTS = 6
MAX_UPLOAD_BYTES = 50 * 1024 * 1024


class WizardMixin(rx.State, mixin=True):
    """Vars and handlers of a step-by-step form; pages mix it into their state."""

    form_code: str = ""
    context_key: str = ""
    version: int = 0
    preview: bool = False
    form_title: str = ""
    form_description: str = ""
    steps: list[dict[str, str]] = []
    step_index: int = 0
    reviewing: bool = False
    rows: list[dict[str, str]] = []
    options: dict[str, list[dict[str, str]]] = {}
    slots: list[dict[str, str]] = []
    answers: dict[str, str] = {}
    groups: dict[str, int] = {}
    file_names: dict[str, str] = {}
    errors: dict[str, str] = {}
    review: list[dict[str, str]] = []
    form_error: str = ""
    done_message: str = ""
    draft_note: str = ""
    client_id: str = ""
    _spec_json: str = ""
    _touched: list[str] = []

    def _spec(self) -> FormSpec:
        return parse_definition(self._spec_json)

    def _field(self, key: str) -> FieldDef | None:
        parts = key.split(".")
        fdef = self._spec().field(parts[0])
        if fdef is not None and len(parts) == 3:
            return next((f for f in fdef.fields if f.key == parts[2]), None)
        return fdef

    def _open_form(self, actor: Actor, code: str, context_key: str, preview: bool) -> None:
        """Load the published (or, for an administrator's preview, the draft) definition."""
        self.form_error, self.done_message, self.draft_note = "", "", ""
        self.preview = preview and actor.role == Role.ADMIN
        with db() as session:
            ensure_builtin_forms(session)
            if self.preview:
                spec, self.version = draft_spec(get_record(session, code)), 0
            else:
                row, spec = published(session, code)
                self.version = row.version
            saved = (
                {}
                if self.preview
                else load_draft(session, actor, code=code, context_key=context_key)
            )
            keys = [v for v in _file_values(spec, saved)]
            self.file_names = evidence_names(session, keys)
        self._spec_json = spec.model_dump_json()
        self.form_code, self.context_key = code, context_key
        self.form_title, self.form_description = spec.title, spec.description
        self.steps = [
            {"title": s.title, "help": s.help, "index": str(i)} for i, s in enumerate(spec.steps)
        ]
        self.answers, self.groups = from_nested(spec, saved)
        if saved:
            self.draft_note = msg.FORM_DRAFT_RESTORED
        self.step_index, self.reviewing = 0, False
        self.errors, self._touched = {}, []
        self.client_id = uuid.uuid4().hex
        self._refresh()

    def _refresh(self) -> None:
        spec = self._spec()
        nested = to_nested(spec, self.answers, self.groups)
        checked = check_answers(spec, nested)
        touched = set(self._touched)
        self.errors = {
            e.key: e.message
            for e in self._field_errors(nested, checked.errors)
            if e.key in touched or not e.key
        }
        rows, self.options = step_rows(
            spec, self.step_index, self.answers, self.groups, self.errors
        )
        self.rows = [r for r in rows if r["kind"] != "file"]
        self.slots = [
            {
                **r,
                "slot": str(i),
                "file_name": self.file_names.get(r["value"], ""),
                "max_bytes": str(_max_bytes(spec, r)),
            }
            for i, r in enumerate(r for r in rows if r["kind"] == "file")
        ][:UPLOAD_SLOTS]
        if self.reviewing:
            self.review = review_rows(
                spec, checked.values, self.file_names, visible_keys(spec, nested)
            )

    def _field_errors(self, nested: dict[str, Any], errors: list[FieldError]) -> list[FieldError]:
        """Pages override it to word an engine error for their context (the check-in page)."""
        return errors

    def _autosave(self, actor: Actor) -> None:
        if self.preview or not self.form_code:
            return
        with db() as session:
            stamp = save_draft(
                session,
                actor,
                code=self.form_code,
                context_key=self.context_key,
                answers=to_nested(self._spec(), self.answers, self.groups),
            )
        local = format_time_vi(stamp)
        self.draft_note = msg.FORM_DRAFT_SAVED.format(time=local)

    def _changed(self, key: str) -> EventSpec | None:
        actor = self._actor()  # type: ignore[attr-defined]
        if actor is None:
            return rx.redirect("/dang-nhap")
        if key not in self._touched:
            self._touched = [*self._touched, key]
        self._refresh()
        self._autosave(actor)
        return None

    @rx.event
    def set_answer(self, key: str, value: str) -> EventSpec | None:
        """A typed answer changed: validate it at once and save the draft."""
        if self._field(key) is None:
            return None
        self.answers = {**self.answers, key: value}
        return self._changed(key)

    @rx.event
    def choose(self, key: str, value: str) -> EventSpec | None:
        """A choice button was tapped (toggles for multiple choice)."""
        fdef = self._field(key)
        if fdef is None:
            return None
        if fdef.type == FieldType.MULTI_CHOICE:
            chosen = [v for v in self.answers.get(key, "").split(MULTI_SEPARATOR) if v]
            chosen = [v for v in chosen if v != value] if value in chosen else [*chosen, value]
            value = MULTI_SEPARATOR.join(chosen)
        self.answers = {**self.answers, key: value}
        return self._changed(key)

    @rx.event
    def add_row(self, group: str) -> EventSpec | None:
        """Add an empty row to a repeating group (unless its files would lack upload boxes)."""
        fdef = self._spec().field(group)
        files_per_row = sum(1 for f in fdef.fields if f.type in FILE_TYPES) if fdef else 0
        if files_per_row and len(self.slots) + files_per_row > UPLOAD_SLOTS:
            self.form_error = msg.FILE_SLOTS_FULL.format(count=UPLOAD_SLOTS)
            return None
        if self.form_error == msg.FILE_SLOTS_FULL.format(count=UPLOAD_SLOTS):
            self.form_error = ""
        self.groups = {**self.groups, group: self.groups.get(group, 0) + 1}
        return self._changed(group)

    @rx.event
    def remove_row(self, group: str, index: str) -> EventSpec | None:
        """Remove one row of a repeating group; later rows move up."""
        count, gone = self.groups.get(group, 0), int(index)
        prefix = f"{group}."
        kept: dict[str, str] = {k: v for k, v in self.answers.items() if not k.startswith(prefix)}
        for key, value in self.answers.items():
            if key.startswith(prefix):
                _, row, sub = key.split(".", 2)
                if int(row) != gone:
                    kept[flat_key(group, int(row) - (int(row) > gone), sub)] = value
        self.answers, self.groups = kept, {**self.groups, group: max(count - 1, 0)}
        return self._changed(group)

    @rx.event
    def next_step(self, form_data: dict[str, Any]) -> EventSpec | None:
        """Take the step's typed values, check them, and move on when they are right."""
        actor = self._actor()  # type: ignore[attr-defined]
        if actor is None:
            return rx.redirect("/dang-nhap")
        spec = self._spec()
        keys = step_keys(spec, self.step_index, self.groups)
        typed = {k: str(v) for k, v in form_data.items() if k in keys and self._field(k)}
        self.answers = {**self.answers, **typed}
        self._touched = sorted(set(self._touched) | keys)
        self._refresh()
        self._autosave(actor)
        if any(
            k.split(".", 1)[0] in {f.key for f in spec.steps[self.step_index].fields}
            for k in self.errors
        ):
            self.form_error = msg.FIX_ERRORS
            return None
        self.form_error = ""
        if self.step_index + 1 < len(spec.steps):
            self.step_index += 1
        else:
            self.reviewing = True
        self._refresh()
        return rx.call_script("window.scrollTo(0, 0)")

    @rx.event
    def prev_step(self) -> EventSpec | None:
        """Back one step (from the review: back to the last step)."""
        if self._actor() is None:  # type: ignore[attr-defined]
            return rx.redirect("/dang-nhap")
        if self.reviewing:
            self.reviewing = False
        elif self.step_index > 0:
            self.step_index -= 1
        self.form_error = ""
        self._refresh()
        return None

    @rx.event
    def go_to_step(self, index: str) -> EventSpec | None:
        """Jump to a step from the review."""
        if self._actor() is None:  # type: ignore[attr-defined]
            return rx.redirect("/dang-nhap")
        self.reviewing, self.step_index, self.form_error = False, int(index), ""
        self._refresh()
        return None

    def _after_submit(self, actor: Actor, outcome: SubmissionOutcome) -> None:
        """Pages override it to refresh what the submission changed."""

    @rx.event
    def submit(self) -> EventSpec | list[EventSpec] | None:
        """Send the answers; the server validates again and stores them once."""
        actor = self._actor()  # type: ignore[attr-defined]
        if actor is None:
            return rx.redirect("/dang-nhap")
        if self.preview:
            self.form_error = msg.PREVIEW_MODE
            return None
        spec = self._spec()
        try:
            with db() as session:
                outcome = submit_form(
                    session,
                    actor,
                    code=self.form_code,
                    version=self.version,
                    answers=to_nested(spec, self.answers, self.groups),
                    client_id=self.client_id,
                    context_key=self.context_key,
                )
        except FormError as exc:
            self.form_error = str(exc)
            if exc.errors:
                self._touched = sorted({*self._touched, *(e.key for e in exc.errors)})
                self.reviewing = False
                self.step_index = step_of_error(spec, exc.errors[0].key)
            self._refresh()
            return None
        except (CheckInError, PermissionDenied) as exc:
            self.form_error = str(exc)
            return None
        self.done_message = msg.FORM_SUBMITTED if outcome.created else msg.FORM_DUPLICATE
        self.answers, self.groups = from_nested(spec, {})
        self.file_names, self._touched, self.form_error, self.draft_note = {}, [], "", ""
        self.step_index, self.reviewing = 0, False
        self.client_id = uuid.uuid4().hex
        self._after_submit(actor, outcome)
        self._refresh()
        return [rx.toast.success(self.done_message), rx.call_script("window.scrollTo(0, 0)")]

    async def _receive(self, slot: int, files: list[rx.UploadFile]) -> EventSpec | None:
        actor = self._actor()  # type: ignore[attr-defined]
        if actor is None:
            return rx.redirect("/dang-nhap")
        if slot >= len(self.slots) or not files:
            return None
        row = self.slots[slot]
        field_key = _field_key(row)
        upload = files[0]
        content = await upload.read(MAX_UPLOAD_BYTES + 1)
        try:
            with db() as session:
                stored = upload_evidence(
                    session,
                    actor,
                    code=self.form_code,
                    field_key=field_key,
                    content=content,
                    filename=upload.name or upload.filename or "",
                    uploads_dir=settings().uploads_dir,
                    preview=self.preview,
                )
        except (EvidenceError, FormError) as exc:
            self._refuse(row["key"], str(exc))
            return None
        self.file_names = {**self.file_names, stored.key: stored.name}
        self.answers = {**self.answers, row["key"]: stored.key}
        self._changed(row["key"])
        return rx.toast.success(msg.FILE_UPLOADED.format(name=stored.name))

    def _refuse(self, key: str, message: str) -> None:
        # The rest of the form is untouched; only this field shows the refusal.
        self._refresh()
        self.errors = {**self.errors, key: message}
        self.slots = [{**s, "error": message} if s["key"] == key else s for s in self.slots]

    def _rejected(self, slot: int, rejected: list[dict[str, Any]]) -> None:
        """The phone refused a file before sending it (too large, or several at once)."""
        if slot >= len(self.slots) or not rejected:
            return
        row = self.slots[slot]
        first = rejected[0]
        name, code = str(first.get("name") or "tệp"), str(first.get("code") or "")
        size = int(first.get("size") or 0)
        message = None
        if code == "file-too-large":
            policy = file_policy(self._spec(), _field_key(row))
            if policy is not None:
                message = size_refusal(name, size, policy)
        elif code == "too-many-files":
            message = msg.FILE_ONE_AT_A_TIME
        self._refuse(row["key"], message or msg.FILE_REFUSED.format(name=name))

    @rx.event
    def rejected_0(self, rejected: list[dict[str, Any]]) -> None:
        """A file the first slot refused on the phone."""
        self._rejected(0, rejected)

    @rx.event
    def rejected_1(self, rejected: list[dict[str, Any]]) -> None:
        """A file the second slot refused on the phone."""
        self._rejected(1, rejected)

    @rx.event
    def rejected_2(self, rejected: list[dict[str, Any]]) -> None:
        """A file the third slot refused on the phone."""
        self._rejected(2, rejected)

    @rx.event
    def rejected_3(self, rejected: list[dict[str, Any]]) -> None:
        """A file the fourth slot refused on the phone."""
        self._rejected(3, rejected)

    @rx.event
    def rejected_4(self, rejected: list[dict[str, Any]]) -> None:
        """A file the fifth slot refused on the phone."""
        self._rejected(4, rejected)

    @rx.event
    def rejected_5(self, rejected: list[dict[str, Any]]) -> None:
        """A file the sixth slot refused on the phone."""
        self._rejected(5, rejected)

    @rx.event
    async def upload_0(self, files: list[rx.UploadFile]) -> EventSpec | None:
        """Files chosen in the first upload slot of the step."""
        return await self._receive(0, files)

    @rx.event
    async def upload_1(self, files: list[rx.UploadFile]) -> EventSpec | None:
        """Files chosen in the second upload slot of the step."""
        return await self._receive(1, files)

    @rx.event
    async def upload_2(self, files: list[rx.UploadFile]) -> EventSpec | None:
        """Files chosen in the third upload slot of the step."""
        return await self._receive(2, files)

    @rx.event
    async def upload_3(self, files: list[rx.UploadFile]) -> EventSpec | None:
        """Files chosen in the fourth upload slot of the step."""
        return await self._receive(3, files)

    @rx.event
    async def upload_4(self, files: list[rx.UploadFile]) -> EventSpec | None:
        """Files chosen in the fifth upload slot of the step."""
        return await self._receive(4, files)

    @rx.event
    async def upload_5(self, files: list[rx.UploadFile]) -> EventSpec | None:
        """Files chosen in the sixth upload slot of the step."""
        return await self._receive(5, files)


def _field_key(row: dict[str, str]) -> str:
    """``key`` or ``group.key`` (the engine's name of a file field, without the row index)."""
    return row["key"] if not row["group"] else f"{row['group']}.{row['key'].split('.')[2]}"


def _max_bytes(spec: FormSpec, row: dict[str, str]) -> int:
    policy = file_policy(spec, _field_key(row))
    return policy.max_bytes if policy is not None else MAX_UPLOAD_BYTES


def _file_values(spec: FormSpec, nested: dict[str, Any]) -> list[str]:
    values: list[str] = []
    for fdef in spec.all_fields():
        answer = nested.get(fdef.key)
        if fdef.type in FILE_TYPES and isinstance(answer, str):
            values.append(answer)
        elif fdef.type == FieldType.GROUP and isinstance(answer, list):
            values += [
                str(row[f.key])
                for row in answer
                if isinstance(row, dict)
                for f in fdef.fields
                if f.type in FILE_TYPES and row.get(f.key)
            ]
    return values
