"""POST /api/checkins: record a check-in (used by the offline queue and integrations).

A check-in queued on a phone carries ``plan_version``: when the plan was
amended meanwhile and its key result retired, the answer is 409 with
``reason = "plan_amended"`` and the phone holds the check-in for re-mapping.
"""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, HTTPException, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlmodel import Session

from woms_pwa.api.deps import get_actor, get_session
from woms_pwa.core.messages import pwa as pwa_msg
from woms_pwa.core.offline.plan import hold_reason, owns_evidence
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
    plan_version: int | None = Field(default=None, ge=1)
    evidence: str | None = Field(default=None, max_length=255)


class CheckInResponse(BaseModel):
    """The stored check-in; ``created`` is false for a retry already stored."""

    id: int
    kr_code: str
    value: float
    date: dt.date
    created: bool


@router.post(
    "/checkins",
    response_model=CheckInResponse,
    status_code=201,
    responses={409: {"description": "Plan amended: hold the check-in for re-mapping"}},
)
def post_checkin(
    body: CheckInRequest,
    response: Response,
    actor: Actor = Depends(get_actor),
    session: Session = Depends(get_session),
) -> CheckInResponse | JSONResponse:
    """Validate on the server and store once per ``client_id`` (200 for a retry)."""
    hold = hold_reason(
        session,
        actor,
        kr_code=body.kr_code,
        plan_version=body.plan_version,
        client_id=body.client_id,
    )
    if hold is not None:
        return JSONResponse(
            status_code=409,
            content={
                "detail": hold.message,
                "reason": "plan_amended",
                "kr_code": hold.kr_code,
                "plan_version": hold.current_version,
            },
        )
    if body.evidence and not owns_evidence(session, actor.user_id, body.evidence):
        raise HTTPException(
            status_code=422, detail=pwa_msg.EVIDENCE_UNKNOWN.format(ref=body.evidence)
        )
    try:
        outcome = record_checkin(
            session,
            actor,
            kr_code=body.kr_code,
            value=body.value,
            note=body.note,
            client_id=body.client_id,
            on_date=body.date,
            evidence=body.evidence,
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
