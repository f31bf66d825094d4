"""GET /api/reports/{kind}: download a report (PDF or Excel) with the bearer token."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, Response
from sqlmodel import Session

from woms_pwa.api.deps import get_actor, get_session
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.reports.generate import generate_report
from woms_pwa.core.reports.periods import ReportInputError

router = APIRouter(tags=["reports"])


@router.get("/reports/{kind}")
def download_report(
    kind: str,
    period: str = Query(max_length=10),
    unit: str = Query(default="", max_length=64),
    format: str = Query(default="pdf", max_length=5),
    actor: Actor = Depends(get_actor),
    session: Session = Depends(get_session),
) -> Response:
    """Return the file; 400 for bad input, 403 outside the caller's scope (Vietnamese detail).

    The ``X-Woms-Fingerprint`` header carries the data fingerprint printed on the document.
    """
    try:
        made = generate_report(session, actor, kind, period, unit, format)
    except ReportInputError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    except PermissionDenied as exc:
        raise HTTPException(status_code=403, detail=str(exc)) from exc
    return Response(
        content=made.content,
        media_type=made.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{made.filename}"',
            "X-Woms-Fingerprint": made.fingerprint,
        },
    )
