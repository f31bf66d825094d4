"""Metric suggestions over HTTP: ``GET /api/suggest`` and ``POST /api/suggest/accept``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel, Field
from sqlmodel import Session

from analytics.vntext import normalize_text
from woms_pwa.api.deps import get_actor, get_session
from woms_pwa.core.messages import metrics as mmsg
from woms_pwa.core.metrics.service import (
    MAX_TEXT,
    MAX_TOP,
    MetricsError,
    record_acceptance,
    suggest_metrics,
)
from woms_pwa.core.permissions import Actor

router = APIRouter(tags=["metrics"])


class AcceptRequest(BaseModel):
    """A suggestion the planner took: the text it was made for and the code."""

    text: str = Field(max_length=MAX_TEXT)
    code: str = Field(max_length=64)


class AcceptResponse(BaseModel):
    """The stored acceptance (``code`` is the merge target for a merged code)."""

    ok: bool
    code: str


@router.get("/suggest")
def get_suggestions(
    q: str = Query(default="", max_length=MAX_TEXT),
    top: int = Query(default=5, ge=1, le=MAX_TOP),
    actor: Actor = Depends(get_actor),
    session: Session = Depends(get_session),
) -> list[dict[str, Any]]:
    """Best ``top`` dictionary metrics for the text ``q``, best first (422 for a blank text)."""
    if not normalize_text(q):
        raise HTTPException(status_code=422, detail=mmsg.TEXT_REQUIRED)
    try:
        return suggest_metrics(session, q, top)
    except MetricsError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc


@router.post("/suggest/accept", response_model=AcceptResponse, status_code=201)
def accept_suggestion(
    body: AcceptRequest,
    actor: Actor = Depends(get_actor),
    session: Session = Depends(get_session),
) -> AcceptResponse:
    """Remember the accepted code; similar texts rank it higher from now on."""
    try:
        code = record_acceptance(session, actor, body.text, body.code)
    except MetricsError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return AcceptResponse(ok=True, code=code)
