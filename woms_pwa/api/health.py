"""GET /api/health: liveness and database reachability."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy import text
from sqlmodel import Session

from woms_pwa.api.deps import get_session

router = APIRouter(tags=["health"])


@router.get("/health")
def health(session: Session = Depends(get_session)) -> dict[str, str]:
    """Return ``{"status": "ok"}`` when the database answers."""
    session.execute(text("SELECT 1"))
    return {"status": "ok"}
