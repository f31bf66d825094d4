"""GET /api/alerts and POST /api/alerts/explain: warnings and anomalies for integrations.

The same rows as ``woms alerts --json``, restricted to what the caller may see.
Without ``as_of`` the rows come from the latest stored report (returned at
once; headers ``X-Alerts-Computed-At`` and ``X-Alerts-Fresh`` say how fresh,
and a changed data version queues one recomputation in the background); 503
with ``Retry-After`` while the very first report of a large database is being
computed. An explicit ``as_of`` is computed on demand (seconds for a province).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Response
from pydantic import BaseModel, Field
from sqlmodel import Session

from woms_pwa.api.deps import get_actor, get_session
from woms_pwa.core.alerts.reviews import AlertInputError, explain_anomaly
from woms_pwa.core.alerts.service import alerts_for, alerts_view, export_rows
from woms_pwa.core.messages import alerts as msg
from woms_pwa.core.periods import parse_period
from woms_pwa.core.permissions import Actor, PermissionDenied

router = APIRouter(tags=["alerts"])
RETRY_AFTER_S = 30


class ExplainRequest(BaseModel):
    """An explanation of one anomaly (its key result, kind and key)."""

    kr_code: str = Field(max_length=80)
    kind: str = Field(max_length=40)
    key: str = Field(max_length=80)
    note: str = Field(max_length=2000)


@router.get("/alerts")
def get_alerts(
    response: Response,
    period: str | None = Query(default=None, max_length=10),
    as_of: dt.date | None = None,
    actor: Actor = Depends(get_actor),
    session: Session = Depends(get_session),
) -> list[dict[str, Any]]:
    """Warnings then anomalies of a year period in the caller's scope."""
    if period is not None:
        spec = parse_period(period)
        if spec is None or spec.code != str(spec.year):
            raise HTTPException(status_code=422, detail=msg.BAD_PERIOD.format(value=period))
    if as_of is not None:
        report = alerts_for(session, actor, period=period, as_of=as_of)
        return export_rows(report.warnings + report.anomalies) if report else []
    view = alerts_view(session, actor, period=period)
    if view.snapshot.period is None:
        return []
    if view.report is None or view.snapshot.computed_at is None:
        raise HTTPException(
            status_code=503, detail=msg.API_NOT_READY, headers={"Retry-After": str(RETRY_AFTER_S)}
        )
    response.headers["X-Alerts-Computed-At"] = view.snapshot.computed_at.isoformat()
    response.headers["X-Alerts-Fresh"] = "1" if view.snapshot.fresh else "0"
    return export_rows(view.report.warnings + view.report.anomalies)


@router.post("/alerts/explain")
def post_explain(
    body: ExplainRequest,
    actor: Actor = Depends(get_actor),
    session: Session = Depends(get_session),
) -> dict[str, Any]:
    """Mark an anomaly "đã giải trình" (approvers and leaders only)."""
    try:
        review = explain_anomaly(
            session, actor, kr_code=body.kr_code, kind=body.kind, key=body.key, note=body.note
        )
    except AlertInputError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    except PermissionDenied as exc:
        raise HTTPException(status_code=403, detail=str(exc)) from exc
    return {
        "kr_code": body.kr_code,
        "kind": review.kind,
        "key": review.anomaly_key,
        "explained": True,
    }
