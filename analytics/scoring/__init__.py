"""Scoring and evaluation: key results → tasks → perspectives → ratings.

Typical use (the database layer builds the frames)::

    scores = score_units(key_results, checkins, as_of="2025-12-31")
    units = evaluate_collective(scores, outside_work)
    people = evaluate_individuals(people_frame, scores, units, outside_work)
    payload = score_payload(units, people)

Every number can be explained: ``scores.explain(kr_code)``,
``scores.explain_task(task_id)``, ``scores.explain_owner(code)``,
``units.explain(code)`` and ``people.explain(code)`` return Vietnamese text.
"""

from analytics.scoring.collective import CollectiveResult, evaluate_collective
from analytics.scoring.engine import ScoreResult, score_key_results, score_units
from analytics.scoring.individual import IndividualResult, evaluate_individuals
from analytics.scoring.payload import score_payload
from analytics.scoring.policy import (
    PERSPECTIVES,
    CollectivePolicy,
    IndividualPolicy,
    RatingPolicy,
    ScoringPolicy,
)
from analytics.scoring.ratings import Rating
from analytics.scoring.stance import StanceRubric, indicator_levels, stance_level

__all__ = [
    "PERSPECTIVES",
    "CollectivePolicy",
    "CollectiveResult",
    "IndividualPolicy",
    "IndividualResult",
    "Rating",
    "RatingPolicy",
    "ScoreResult",
    "ScoringPolicy",
    "StanceRubric",
    "evaluate_collective",
    "evaluate_individuals",
    "indicator_levels",
    "score_key_results",
    "score_payload",
    "score_units",
    "stance_level",
]
