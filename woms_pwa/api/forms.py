"""Form API: published definitions, submissions and evidence uploads (also for offline sync).

The same core services as the wizard validate everything: a request crafted
without the client gets the same Vietnamese refusals, and nothing is stored.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Response, UploadFile
from pydantic import BaseModel, Field
from sqlmodel import Session

from woms_pwa.api.deps import get_actor, get_session
from woms_pwa.context import settings
from woms_pwa.core.forms.catalogue import FormError, published
from woms_pwa.core.forms.evidence import EvidenceError
from woms_pwa.core.forms.submissions import submit_form, upload_evidence
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.services.checkins import CheckInError

router = APIRouter(tags=["forms"])
# Hard cap before the per-field limit is applied: never read more than this.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024


class SubmissionRequest(BaseModel):
    """A filled form; ``client_id`` makes retries harmless."""

    version: int = Field(ge=1)
    answers: dict[str, Any]
    client_id: str = Field(max_length=64)
    context_key: str = Field(default="", max_length=80)


class SubmissionResponse(BaseModel):
    """The stored submission."""

    id: int
    form_code: str
    version: int
    created: bool
    checkin_id: int | None


class EvidenceResponse(BaseModel):
    """A stored evidence file; put ``key`` in the answer of the file field."""

    key: str
    mime: str
    size: int
    name: str


def _refuse(exc: Exception) -> HTTPException:
    if isinstance(exc, PermissionDenied):
        return HTTPException(status_code=403, detail=str(exc))
    errors = getattr(exc, "errors", [])
    return HTTPException(
        status_code=422,
        detail={
            "message": str(exc),
            "errors": [{"key": e.key, "message": e.message} for e in errors],
        },
    )


@router.get("/forms/{code}")
def get_form(
    code: str, _actor: Actor = Depends(get_actor), session: Session = Depends(get_session)
) -> dict[str, Any]:
    """The latest published definition and its version number."""
    try:
        row, spec = published(session, code)
    except FormError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    return {"version": row.version, "definition": spec.model_dump(mode="json")}


@router.post("/forms/{code}/submissions", response_model=SubmissionResponse, status_code=201)
def post_submission(
    code: str,
    body: SubmissionRequest,
    response: Response,
    actor: Actor = Depends(get_actor),
    session: Session = Depends(get_session),
) -> SubmissionResponse:
    """Validate on the server and store once per ``client_id`` (200 for a retry)."""
    try:
        outcome = submit_form(
            session,
            actor,
            code=code,
            version=body.version,
            answers=body.answers,
            client_id=body.client_id,
            context_key=body.context_key,
        )
    except (FormError, CheckInError, PermissionDenied) as exc:
        raise _refuse(exc) from exc
    if not outcome.created:
        response.status_code = 200
    return SubmissionResponse(
        id=outcome.submission_id,
        form_code=outcome.form_code,
        version=outcome.version,
        created=outcome.created,
        checkin_id=outcome.checkin_id,
    )


@router.post("/forms/{code}/evidence", response_model=EvidenceResponse, status_code=201)
async def post_evidence(
    code: str,
    field_key: str = Form(max_length=100),
    file: UploadFile = File(),
    actor: Actor = Depends(get_actor),
    session: Session = Depends(get_session),
) -> EvidenceResponse:
    """Store a file for one file/photo field (type checked by content, size limited)."""
    content = await file.read(MAX_UPLOAD_BYTES + 1)
    try:
        stored = upload_evidence(
            session,
            actor,
            code=code,
            field_key=field_key,
            content=content,
            filename=file.filename or "",
            uploads_dir=settings().uploads_dir,
        )
    except (FormError, EvidenceError) as exc:
        raise _refuse(exc) from exc
    return EvidenceResponse(key=stored.key, mime=stored.mime, size=stored.size, name=stored.name)
