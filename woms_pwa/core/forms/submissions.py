"""Filling forms: autosaved drafts, validated submissions, evidence uploads.

Every submission is validated here, with the version it claims to be filled
with, before anything is written: the wizard's checks are a convenience, this
is the authority. A monthly check-in (``cap_nhat_thang``) also stores a real
``CheckIn`` through ``record_checkin`` in the same transaction; for a key
result that requires evidence its ``evidence`` field becomes required
(:func:`checkin_spec`), so the wizard says so before anything is sent.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from woms_pwa.core import messages as core_msg
from woms_pwa.core.forms.catalogue import CHECKIN_FORM, FormError, draft_spec, get_record, published
from woms_pwa.core.forms.definition import FILE_TYPES, FieldDef, FormSpec
from woms_pwa.core.forms.evidence import (
    EvidencePolicy,
    StoredEvidence,
    evidence_types,
    store_evidence,
)
from woms_pwa.core.forms.models import FormDraft, FormSubmission
from woms_pwa.core.forms.validation import EVIDENCE_KEY, FieldError, check_answers
from woms_pwa.core.messages import forms as msg
from woms_pwa.core.models import KeyResult, Period, Plan, Task, UserAccount, utcnow
from woms_pwa.core.permissions import Actor, require, scope_for
from woms_pwa.core.services.checkins import record_checkin
from woms_pwa.core.vocab import Role

_CLIENT_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")
MAX_DRAFT_BYTES = 200_000
# The check-in form's field that ``record_checkin`` stores as the evidence.
CHECKIN_EVIDENCE_FIELD = "evidence"


@dataclass(frozen=True)
class SubmissionOutcome:
    """A stored submission (``created`` is false for a retry already stored)."""

    submission_id: int
    form_code: str
    version: int
    created: bool
    checkin_id: int | None


@dataclass(frozen=True)
class SubmissionRow:
    """A submission as the lists show it."""

    id: int
    form_code: str
    version: int
    submitted_by: str
    context_key: str
    created_at: dt.datetime
    answers: dict[str, Any]


def _key_result_in_scope(session: Session, actor: Actor, kr_code: str) -> tuple[KeyResult, Period]:
    kr = session.execute(select(KeyResult).where(KeyResult.code == kr_code)).scalar_one_or_none()
    if kr is None:
        raise FormError(core_msg.NOT_FOUND_KR.format(code=kr_code))
    task = session.get(Task, kr.task_id)
    plan = session.get(Plan, task.plan_id) if task else None
    assert plan is not None
    require(scope_for(session, actor).can_write_plan(plan), core_msg.FORBIDDEN_WRITE)
    period = session.get(Period, plan.period_id)
    assert period is not None
    return kr, period


def _form_id(session: Session, code: str) -> int:
    return get_record(session, code).id or 0


def _answers_keys(spec: FormSpec, answers: dict[str, Any]) -> list[str]:
    keys: list[str] = []
    for fdef in spec.all_fields():
        value = answers.get(fdef.key)
        if fdef.type in FILE_TYPES and isinstance(value, str):
            keys.append(value)
        elif fdef.fields and isinstance(value, list):
            for row in value:
                if isinstance(row, dict):
                    keys += [
                        v
                        for f in fdef.fields
                        if f.type in FILE_TYPES and isinstance(v := row.get(f.key), str)
                    ]
    return [k for k in keys if EVIDENCE_KEY.match(k)]


def check_submission(
    session: Session, spec: FormSpec, answers: dict[str, Any]
) -> tuple[dict[str, Any], list[FieldError]]:
    """Validate ``answers`` against ``spec``, resolving evidence keys from the database."""
    types = evidence_types(session, _answers_keys(spec, answers))
    checked = check_answers(spec, answers, evidence=types.get)
    return checked.values, checked.errors


def checkin_spec(spec: FormSpec, kr: KeyResult) -> FormSpec:
    """The check-in form as filled for ``kr``: evidence required when ``kr`` requires it.

    The published definition leaves the photo optional; a key result with
    ``evidence_required`` makes it required, with help text saying why. Other
    key results (and a form without an evidence file field) get ``spec`` as is.
    """
    fdef = spec.field(CHECKIN_EVIDENCE_FIELD)
    if not kr.evidence_required or fdef is None or fdef.type not in FILE_TYPES:
        return spec
    steps = [
        step.model_copy(
            update={
                "fields": [
                    f.model_copy(update={"required": True, "help": core_msg.CHECKIN_EVIDENCE_HELP})
                    if f.key == CHECKIN_EVIDENCE_FIELD
                    else f
                    for f in step.fields
                ]
            }
        )
        for step in spec.steps
    ]
    return spec.model_copy(update={"steps": steps})


def checkin_spec_for(session: Session, actor: Actor, kr_code: str, spec: FormSpec) -> FormSpec:
    """:func:`checkin_spec` for the key result ``kr_code``, checking the actor may write it.

    Raises:
        FormError: no such key result.
        PermissionDenied: the key result is outside the actor's scope.
    """
    kr, _ = _key_result_in_scope(session, actor, kr_code)
    return checkin_spec(spec, kr)


def checkin_errors(
    kr_title: str, answers: dict[str, Any], errors: list[FieldError]
) -> list[FieldError]:
    """Name the key result in the error of a missing required evidence file.

    With the evidence answer blank, the only error the engine can give on that
    field is "required"; it is replaced by the message that says why.
    """
    if answers.get(CHECKIN_EVIDENCE_FIELD) not in (None, ""):
        return errors
    message = core_msg.CHECKIN_EVIDENCE_REQUIRED.format(title=kr_title)
    return [FieldError(e.key, message) if e.key == CHECKIN_EVIDENCE_FIELD else e for e in errors]


def submit_form(
    session: Session,
    actor: Actor,
    *,
    code: str,
    version: int,
    answers: dict[str, Any],
    client_id: str,
    context_key: str = "",
    today: dt.date | None = None,
) -> SubmissionOutcome:
    """Validate and store a filled form once per ``client_id``; nothing is written on error.

    Args:
        session: open session (the caller's transaction; rolled back on error).
        actor: who submits.
        code: form code.
        version: the published version the answers were filled with.
        answers: raw answers.
        client_id: idempotency key chosen by the client.
        context_key: the key result code for forms filled about one.
        today: the date used for a check-in (defaults to today).

    Raises:
        FormError: unknown form or version, stale version, invalid answers (``errors``).
        PermissionDenied: the key result is outside the actor's scope.
        CheckInError: the check-in itself was refused.
    """
    if not _CLIENT_ID.match(client_id or ""):
        raise FormError(msg.FORM_CLIENT_ID)
    existing = session.execute(
        select(FormSubmission).where(FormSubmission.client_id == client_id)
    ).scalar_one_or_none()
    if existing is not None and existing.submitted_by_user_id == actor.user_id:
        return SubmissionOutcome(
            existing.id or 0, existing.form_code, existing.version, False, existing.checkin_id
        )
    if existing is not None:
        raise FormError(msg.FORM_CLIENT_ID)
    record = get_record(session, code)
    if version != record.current_version:
        # Only the latest version takes new answers; the wizard reloads it.
        raise FormError(msg.FORM_VERSION_STALE.format(current=record.current_version))
    row, spec = published(session, code, version)
    kr = period = None
    if spec.context == "kr":
        if not context_key:
            raise FormError(msg.FORM_NEEDS_KR)
        kr, period = _key_result_in_scope(session, actor, context_key)
    elif context_key:
        context_key = ""
    if code == CHECKIN_FORM and kr is not None:
        spec = checkin_spec(spec, kr)
    values, errors = check_submission(session, spec, answers)
    if code == CHECKIN_FORM and kr is not None:
        errors = checkin_errors(kr.title, answers, errors)
    if errors:
        raise FormError(msg.FORM_INVALID.format(count=len(errors)), errors)
    checkin_id = None
    if code == CHECKIN_FORM and kr is not None and period is not None:
        day = min(today or dt.date.today(), period.end_date)
        outcome = record_checkin(
            session,
            actor,
            kr_code=kr.code,
            value=values.get("value"),
            note=str(values.get("note", "")),
            client_id=client_id,
            on_date=day,
            today=today,
            evidence=values.get("evidence"),
            confidence=values.get("confidence"),
            blocker_type=values.get("blocker_type"),
            blocker_text=values.get("blocker_text"),
        )
        checkin_id = outcome.checkin_id
    submission = FormSubmission(
        form_id=record.id or 0,
        form_code=code,
        version_id=row.id or 0,
        version=version,
        submitted_by_user_id=actor.user_id or 0,
        person_id=actor.person_id,
        context_key=context_key,
        answers_json=json.dumps(values, ensure_ascii=False),
        client_id=client_id,
        checkin_id=checkin_id,
    )
    session.add(submission)
    for draft in session.execute(
        select(FormDraft).where(
            FormDraft.user_id == actor.user_id,
            FormDraft.form_id == record.id,
            FormDraft.context_key == context_key,
        )
    ).scalars():
        session.delete(draft)
    session.flush()
    return SubmissionOutcome(submission.id or 0, code, version, True, checkin_id)


def save_draft(
    session: Session, actor: Actor, *, code: str, context_key: str, answers: dict[str, Any]
) -> dt.datetime:
    """Store the answers being filled in (replacing the previous draft)."""
    text = json.dumps(answers, ensure_ascii=False)
    if len(text) > MAX_DRAFT_BYTES:
        raise FormError(msg.FORM_INVALID.format(count=1))
    form_id = _form_id(session, code)
    draft = session.execute(
        select(FormDraft).where(
            FormDraft.user_id == actor.user_id,
            FormDraft.form_id == form_id,
            FormDraft.context_key == context_key,
        )
    ).scalar_one_or_none()
    draft = draft or FormDraft(
        user_id=actor.user_id or 0, form_id=form_id, context_key=context_key, answers_json=text
    )
    draft.answers_json = text
    draft.updated_at = utcnow()
    session.add(draft)
    session.flush()
    return draft.updated_at


def load_draft(session: Session, actor: Actor, *, code: str, context_key: str) -> dict[str, Any]:
    """The saved draft answers (empty when there is none)."""
    text = session.execute(
        select(FormDraft.answers_json).where(
            FormDraft.user_id == actor.user_id,
            FormDraft.form_id == _form_id(session, code),
            FormDraft.context_key == context_key,
        )
    ).scalar_one_or_none()
    loaded = json.loads(text) if text else {}
    return loaded if isinstance(loaded, dict) else {}


def file_policy(spec: FormSpec, field_key: str) -> EvidencePolicy | None:
    """The accepted types and size of file field ``field_key`` (None if not a file field)."""
    fdef = _file_field(spec, field_key)
    return EvidencePolicy.for_field(fdef) if fdef is not None else None


def _file_field(spec: FormSpec, field_key: str) -> FieldDef | None:
    group, _, child = field_key.partition(".")
    fdef = spec.field(group)
    if fdef is not None and child:
        fdef = next((f for f in fdef.fields if f.key == child), None)
    return fdef if fdef is not None and fdef.type in FILE_TYPES else None


def upload_evidence(
    session: Session,
    actor: Actor,
    *,
    code: str,
    field_key: str,
    content: bytes,
    filename: str,
    uploads_dir: Path,
    preview: bool = False,
) -> StoredEvidence:
    """Store a file for a file/photo field, with that field's types and size limit.

    ``field_key`` is ``key`` or ``group.key`` for a file inside a repeating group.
    ``preview`` (administrators only) uses the draft definition.
    """
    record = get_record(session, code)
    if preview and actor.role == Role.ADMIN:
        spec = draft_spec(record)
    else:
        spec = published(session, code)[1]
    fdef = _file_field(spec, field_key)
    if fdef is None:
        raise FormError(msg.BAD_FILE.format(label=field_key))
    return store_evidence(
        session,
        user_id=actor.user_id or 0,
        content=content,
        filename=filename,
        uploads_dir=uploads_dir,
        policy=EvidencePolicy.for_field(fdef),
    )


def list_submissions(
    session: Session, actor: Actor, *, code: str | None = None, limit: int = 200
) -> list[SubmissionRow]:
    """Latest submissions first: all for administrators, one's own for everybody else."""
    query = select(FormSubmission, UserAccount.display_name, UserAccount.username).join(
        UserAccount, col(UserAccount.id) == FormSubmission.submitted_by_user_id
    )
    if code:
        query = query.where(FormSubmission.form_code == code)
    if actor.role != Role.ADMIN:
        query = query.where(FormSubmission.submitted_by_user_id == actor.user_id)
    query = query.order_by(col(FormSubmission.id).desc()).limit(limit)
    return [
        SubmissionRow(
            id=sub.id or 0,
            form_code=sub.form_code,
            version=sub.version,
            submitted_by=name or username,
            context_key=sub.context_key,
            created_at=sub.created_at,
            answers=json.loads(sub.answers_json),
        )
        for sub, name, username in session.execute(query).all()
    ]
