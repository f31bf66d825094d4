"""POST /api/checkins: record a check-in (used by the offline queue and integrations)."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, HTTPException, Response
from pydantic import BaseModel, Field
from sqlmodel import Session

from woms_pwa.api.deps import get_actor, get_session
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.services.checkins import CheckInError, record_checkin

router = APIRouter(tags=["check-ins"])


class CheckInRequest(BaseModel):
    """A check-in as the client sends it; ``client_id`` makes retries harmless."""

    kr_code: str = Field(max_length=80)
    value: str | float
    note: str = Field(default="", max_length=4000)
    client_id: str = Field(max_length=64)
    date: dt.date | None = None


class CheckInResponse(BaseModel):
    """The stored check-in; ``created`` is false for a retry already stored."""

    id: int
    kr_code: str
    value: float
    date: dt.date
    created: bool


@router.post("/checkins", response_model=CheckInResponse, status_code=201)
def post_checkin(
    body: CheckInRequest,
    response: Response,
    actor: Actor = Depends(get_actor),
    session: Session = Depends(get_session),
) -> CheckInResponse:
    """Validate on the server and store once per ``client_id`` (200 for a retry)."""
    try:
        outcome = record_checkin(
            session,
            actor,
            kr_code=body.kr_code,
            value=body.value,
            note=body.note,
            client_id=body.client_id,
            on_date=body.date,
        )
    except PermissionDenied as exc:
        raise HTTPException(status_code=403, detail=str(exc)) from exc
    except CheckInError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    if not outcome.created:
        response.status_code = 200
    return CheckInResponse(
        id=outcome.checkin_id,
        kr_code=outcome.kr_code,
        value=outcome.value,
        date=outcome.date,
        created=outcome.created,
    )
