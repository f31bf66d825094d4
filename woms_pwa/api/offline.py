"""API used by the offline page: the user's own plans, and evidence photo upload.

``GET /api/me/plan`` is cached on the phone (IndexedDB) so that the offline
page can list the user's key results without a connection; ``POST /api/evidence``
stores a photo queued offline before its check-in is sent, through the form
engine's evidence store (type by content, downsized, stored once by hash).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, File, HTTPException, Response, UploadFile
from pydantic import BaseModel
from sqlmodel import Session

from woms_pwa.api.deps import get_actor, get_session
from woms_pwa.context import settings
from woms_pwa.core.forms.evidence import EvidenceError, store_evidence
from woms_pwa.core.offline.plan import OFFLINE_EVIDENCE_POLICY, my_plans
from woms_pwa.core.permissions import Actor

router = APIRouter(tags=["offline"])


class EvidenceResponse(BaseModel):
    """A stored evidence file: ``key`` goes into the check-in's ``evidence``."""

    key: str
    mime: str
    size: int
    name: str


@router.get("/me/plan")
def get_my_plan(
    response: Response,
    actor: Actor = Depends(get_actor),
    session: Session = Depends(get_session),
) -> dict[str, Any]:
    """The signed-in user's own writable plans with plan versions and key-result status."""
    # Personal data: the phone keeps its own copy in IndexedDB, no shared cache may.
    response.headers["Cache-Control"] = "no-store"
    return my_plans(session, actor)


@router.post("/evidence", response_model=EvidenceResponse, status_code=201)
async def post_evidence(
    file: UploadFile = File(...),
    actor: Actor = Depends(get_actor),
    session: Session = Depends(get_session),
) -> EvidenceResponse:
    """Store a photo or PDF for a queued check-in; the same file again gives the same key."""
    content = await file.read(OFFLINE_EVIDENCE_POLICY.max_bytes + 1)
    try:
        stored = store_evidence(
            session,
            user_id=actor.user_id or 0,
            content=content,
            filename=file.filename or "",
            uploads_dir=settings().uploads_dir,
            policy=OFFLINE_EVIDENCE_POLICY,
        )
    except EvidenceError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return EvidenceResponse(key=stored.key, mime=stored.mime, size=stored.size, name=stored.name)
