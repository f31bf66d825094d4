"""GET /api/evaluation/scores: read-only scores and ratings, filtered to what the actor sees."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlmodel import Session, select

from woms_pwa.api.deps import get_actor, get_session
from woms_pwa.core.evaluation.runs import scored_run
from woms_pwa.core.evaluation.scoring import EvaluationError
from woms_pwa.core.models import Person, Unit
from woms_pwa.core.permissions import Actor, scope_for

router = APIRouter(tags=["evaluation"])


@router.get("/evaluation/scores")
def get_scores(
    period: str = Query(max_length=10),
    as_of: str | None = Query(default=None, max_length=10),
    actor: Actor = Depends(get_actor),
    session: Session = Depends(get_session),
) -> dict[str, Any]:
    """The ``woms score --json`` document for the units and people the actor may see."""
    try:
        data = scored_run(session, period, as_of).payload()
    except EvaluationError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    scope = scope_for(session, actor)
    if scope.view_units is not None:
        unit_ids = {code: uid for uid, code in session.execute(select(Unit.id, Unit.code)).all()}
        data["units"] = [u for u in data["units"] if scope.can_view_unit(unit_ids[u["code"]])]
    if scope.view_people is not None:
        visible = set(scope.view_people)
        people = {code: pid for pid, code in session.execute(select(Person.id, Person.code)).all()}
        data["people"] = [p for p in data["people"] if people[p["code"]] in visible]
    return data
