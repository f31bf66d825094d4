"""Guided forms filled on a phone without a signal, and their sending once it returns.

The offline page caches the published definitions the user may fill
(:func:`offline_catalogue`) and queues filled answers with a client id and
the version they were filled with. :func:`submit_queued` stores them once.

Version policy (a newer version may be published while the phone is offline):

* answers filled with the current version go through :func:`submit_form`,
  exactly as the online wizard's;
* answers filled with an older version are checked against *both* versions.
  When they are valid for the version they were filled with **and** still
  meet the current version's rules, they are stored, recorded with the
  version they were filled with (its labels and choices explain them);
* when they no longer meet the current version (a new required question, a
  tighter limit, a removed choice…), :class:`FormHeld` is raised: nothing is
  stored, the phone keeps the answers and asks the user to complete them with
  the new version (a clear message names the first problem);
* answers invalid for their own version are refused like any crafted request.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from woms_pwa.core.forms.catalogue import (
    FormError,
    get_record,
    list_forms,
    published,
)
from woms_pwa.core.forms.definition import FormSpec
from woms_pwa.core.forms.models import FormDraft, FormSubmission, FormVersion
from woms_pwa.core.forms.submissions import (
    SubmissionOutcome,
    check_submission,
    submit_form,
)
from woms_pwa.core.forms.validation import FieldError
from woms_pwa.core.messages import forms as msg
from woms_pwa.core.messages import offline_forms as offline_msg
from woms_pwa.core.permissions import Actor

# The same shape submit_form accepts (the phone makes "pwa-<uuid>").
CLIENT_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")
# Validation and widget wording the offline renderer shows: sent with the
# definitions so that the phone says exactly what the server would.
CLIENT_MESSAGES = (
    "REQUIRED",
    "REQUIRED_CHOICE",
    "REQUIRED_FILE",
    "NOT_NUMBER",
    "NOT_MONEY",
    "BELOW_MIN",
    "ABOVE_MAX",
    "TOO_LONG",
    "PATTERN",
    "NOT_DATE",
    "BAD_CHOICE",
    "BAD_YES_NO",
    "BAD_GROUP",
    "BAD_FILE",
    "TOO_MANY_ROWS",
    "ROW_LABEL",
    "FILE_TOO_LARGE",
    "FILE_NOT_IMAGE",
    "FIX_ERRORS",
    "FORM_DRAFT_RESTORED",
    "ADD_ROW",
    "REMOVE_ROW",
    "YES_LABEL",
    "NO_LABEL",
    "VERSION",
    "CHOOSE_PHOTO",
    "CHOOSE_FILE",
    "ATTACHED",
    "COMPUTED_HINT",
    "MY_SUBMISSIONS",
)


class FormHeld(FormError):
    """Answers of an older version that no longer meet the current one (nothing stored)."""

    def __init__(self, message: str, current_version: int, errors: list[FieldError]) -> None:
        super().__init__(message, errors)
        self.current_version = current_version


@dataclass(frozen=True)
class QueuedOutcome:
    """A stored offline submission; ``current_version`` is the latest published one."""

    outcome: SubmissionOutcome
    current_version: int


def offline_catalogue(session: Session, actor: Actor) -> dict[str, Any]:
    """The published forms ``actor`` may fill offline, each with its definition and version.

    Forms filled about one key result (``context = "kr"``, the monthly
    check-in) are left out: the offline page records check-ins itself.

    Returns:
        A JSON-ready dict: ``username``, ``user``, ``forms`` (title order) and
        ``messages`` (the validation wording of the catalogue).
    """
    forms = []
    for summary in list_forms(session):
        if summary.context == "kr":
            continue
        row, spec = published(session, summary.code)
        forms.append(
            {
                "code": summary.code,
                "title": spec.title,
                "description": spec.description,
                "version": row.version,
                "definition": spec.model_dump(mode="json"),
            }
        )
    return {
        "username": actor.username,
        "user": actor.display_name or actor.username,
        "forms": forms,
        "messages": {name: getattr(msg, name) for name in CLIENT_MESSAGES},
    }


def _version_row(session: Session, form_id: int, code: str, version: int) -> FormVersion:
    row = session.execute(
        select(FormVersion).where(FormVersion.form_id == form_id, FormVersion.version == version)
    ).scalar_one_or_none()
    if row is None:
        raise FormError(offline_msg.FORM_NO_VERSION.format(code=code, version=version))
    return row


def _own_retry(session: Session, actor: Actor, client_id: str) -> FormSubmission | None:
    existing = session.execute(
        select(FormSubmission).where(FormSubmission.client_id == client_id)
    ).scalar_one_or_none()
    return (
        existing
        if existing is not None and existing.submitted_by_user_id == actor.user_id
        else None
    )


def submit_queued(
    session: Session,
    actor: Actor,
    *,
    code: str,
    version: int,
    answers: dict[str, Any],
    client_id: str,
) -> QueuedOutcome:
    """Store answers filled offline once per ``client_id``, with the version policy above.

    Args:
        session: open session (the caller's transaction; nothing is written on error).
        actor: who submits (always the signed-in user: the request names nobody else).
        code: form code.
        version: the published version the answers were filled with.
        answers: raw answers, evidence keys already uploaded.
        client_id: idempotency key made on the phone.

    Raises:
        FormError: unknown form or version, key-result form, invalid answers
            (``errors``), or a client id already used by somebody else.
        FormHeld: an older version's answers that no longer meet the current version.
    """
    # No seeding here: the phone got the definition from offline_catalogue,
    # which seeds the built-in forms in a request that succeeds.
    record = get_record(session, code)
    current = record.current_version
    retry = _own_retry(session, actor, client_id)
    if retry is not None:
        # Stored before (the answer was lost): whatever was published since.
        outcome = SubmissionOutcome(
            retry.id or 0, retry.form_code, retry.version, False, retry.checkin_id
        )
        return QueuedOutcome(outcome, current)
    row = _version_row(session, record.id or 0, code, version)
    spec = FormSpec.model_validate_json(row.definition_json)
    if spec.context == "kr":
        raise FormError(offline_msg.FORM_KR_NOT_OFFLINE.format(code=code))
    if version == current:
        outcome = submit_form(
            session, actor, code=code, version=version, answers=answers, client_id=client_id
        )
        return QueuedOutcome(outcome, current)
    return QueuedOutcome(
        _submit_older(session, actor, record.id or 0, row, spec, answers, client_id), current
    )


def _submit_older(
    session: Session,
    actor: Actor,
    form_id: int,
    row: FormVersion,
    spec: FormSpec,
    answers: dict[str, Any],
    client_id: str,
) -> SubmissionOutcome:
    # Same order of checks as submit_form: client id, own version, then the current one.
    taken = session.execute(
        select(FormSubmission.id).where(FormSubmission.client_id == client_id)
    ).first()
    if taken is not None or not CLIENT_ID.match(client_id or ""):
        raise FormError(msg.FORM_CLIENT_ID)
    values, errors = check_submission(session, spec, answers)
    if errors:
        raise FormError(msg.FORM_INVALID.format(count=len(errors)), errors)
    current_row, current_spec = published(session, spec.code)
    _, current_errors = check_submission(session, current_spec, answers)
    if current_errors:
        raise FormHeld(
            offline_msg.FORM_UPDATED_HOLD.format(
                title=current_spec.title,
                current=current_row.version,
                version=row.version,
                detail=current_errors[0].message,
            ),
            current_row.version,
            current_errors,
        )
    submission = FormSubmission(
        form_id=form_id,
        form_code=spec.code,
        version_id=row.id or 0,
        version=row.version,
        submitted_by_user_id=actor.user_id or 0,
        person_id=actor.person_id,
        context_key="",
        answers_json=json.dumps(values, ensure_ascii=False),
        client_id=client_id,
    )
    session.add(submission)
    # As submit_form: the form is sent, the user's online draft of it is done.
    for draft in session.execute(
        select(FormDraft).where(
            FormDraft.user_id == actor.user_id,
            FormDraft.form_id == form_id,
            FormDraft.context_key == "",
        )
    ).scalars():
        session.delete(draft)
    session.flush()
    return SubmissionOutcome(submission.id or 0, spec.code, row.version, True, None)
