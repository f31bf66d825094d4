"""POST /api/assistant/ask: the assistant for integrations (same contract as ``woms ask --json``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field
from sqlmodel import Session

from woms_pwa.api.deps import get_actor, get_session
from woms_pwa.context import settings
from woms_pwa.core import assistant_service
from woms_pwa.core.permissions import Actor

router = APIRouter(tags=["assistant"])


class AskRequest(BaseModel):
    """A question in Vietnamese, with or without diacritics."""

    question: str = Field(max_length=assistant_service.MAX_QUESTION_LENGTH)


@router.post("/assistant/ask")
def post_ask(
    body: AskRequest,
    actor: Actor = Depends(get_actor),
    session: Session = Depends(get_session),
) -> dict[str, Any]:
    """Answer from the data the caller may see: ``{"answer", "sources", "status", "options"}``."""
    try:
        answer = assistant_service.ask(session, actor, body.question, settings())
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return answer.to_json()
