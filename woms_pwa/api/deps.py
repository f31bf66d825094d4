"""Shared dependencies of the API routes: database session and the signed-in actor."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Depends, Header, HTTPException
from sqlmodel import Session

from woms_pwa.context import db, settings
from woms_pwa.core import messages as msg
from woms_pwa.core.permissions import Actor
from woms_pwa.core.services.auth import resolve_token


def get_session() -> Iterator[Session]:
    """One transactional session per request (committed when the route returns)."""
    with db() as session:
        yield session


def get_actor(
    authorization: str = Header(default=""), session: Session = Depends(get_session)
) -> Actor:
    """Resolve ``Authorization: Bearer <token>``; 401 with a Vietnamese message otherwise."""
    scheme, _, token = authorization.partition(" ")
    account = (
        resolve_token(session, settings(), token.strip()) if scheme.lower() == "bearer" else None
    )
    if account is None:
        raise HTTPException(status_code=401, detail=msg.SESSION_EXPIRED)
    return Actor.from_account(account)
