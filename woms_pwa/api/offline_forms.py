"""API of the offline page for guided forms: definitions to cache, queued answers to store.

``GET /api/me/forms`` gives the published forms the user may fill, each with
its definition and version (the phone keeps them in IndexedDB).
``POST /api/me/forms/{code}/submissions`` stores answers queued on the phone
once per client id; files go first through ``POST /api/forms/{code}/evidence``
(:mod:`woms_pwa.api.forms`). The version policy is in
:mod:`woms_pwa.core.forms.offline_sync`: answers of an older version that no
longer meet the current one get 409 with ``reason = "form_updated"`` and the
phone holds them for the user to complete.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import Session

from woms_pwa.api.deps import get_actor, get_session
from woms_pwa.core.forms.catalogue import FormError
from woms_pwa.core.forms.offline_sync import FormHeld, offline_catalogue, submit_queued
from woms_pwa.core.forms.validation import FieldError
from woms_pwa.core.permissions import Actor, PermissionDenied

router = APIRouter(tags=["offline"])


class QueuedSubmission(BaseModel):
    """Answers queued on the phone. Who submits is the signed-in user, never a field."""

    model_config = ConfigDict(extra="forbid")

    version: int = Field(ge=1)
    answers: dict[str, Any]
    client_id: str = Field(max_length=64)


class QueuedResponse(BaseModel):
    """The stored submission; ``created`` is false for a retry already stored."""

    id: int
    form_code: str
    version: int
    current_version: int
    created: bool


def _errors(errors: list[FieldError]) -> list[dict[str, str]]:
    return [{"key": e.key, "message": e.message} for e in errors]


@router.get("/me/forms")
def get_my_forms(
    response: Response,
    actor: Actor = Depends(get_actor),
    session: Session = Depends(get_session),
) -> dict[str, Any]:
    """The published forms the signed-in user may fill offline, with definitions and versions."""
    # Tied to the session: only the phone's own IndexedDB keeps it.
    response.headers["Cache-Control"] = "no-store"
    return offline_catalogue(session, actor)


@router.post(
    "/me/forms/{code}/submissions",
    response_model=QueuedResponse,
    status_code=201,
    responses={
        409: {"description": "A newer version was published: hold the answers to complete"},
        422: {"description": "Refused, with Vietnamese messages per field"},
    },
)
def post_queued_submission(
    code: str,
    body: QueuedSubmission,
    response: Response,
    actor: Actor = Depends(get_actor),
    session: Session = Depends(get_session),
) -> QueuedResponse | JSONResponse:
    """Re-validate with the form engine and store once per ``client_id`` (200 for a retry)."""
    try:
        queued = submit_queued(
            session,
            actor,
            code=code,
            version=body.version,
            answers=body.answers,
            client_id=body.client_id,
        )
    except FormHeld as exc:
        return JSONResponse(
            status_code=409,
            content={
                "detail": str(exc),
                "reason": "form_updated",
                "version": exc.current_version,
                "errors": _errors(exc.errors),
            },
        )
    except PermissionDenied as exc:
        raise HTTPException(status_code=403, detail=str(exc)) from exc
    except FormError as exc:
        raise HTTPException(
            status_code=422, detail={"message": str(exc), "errors": _errors(exc.errors)}
        ) from exc
    outcome = queued.outcome
    if not outcome.created:
        response.status_code = 200
    return QueuedResponse(
        id=outcome.submission_id,
        form_code=outcome.form_code,
        version=outcome.version,
        current_version=queued.current_version,
        created=outcome.created,
    )
