"""The evaluation workflow: self-assessment → head's assessment → official conclusion.

Each step checks the actor's authority (``rights``), validates everything
before writing anything, stores the step on the period's ``EvaluationRecord``
and appends audit entries (old → new status, ratings, comments) in the same
transaction. A conclusion re-scores the period and stores the total and the
"why" text, so an official rating stays explainable later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
from sqlmodel import Session, select

from analytics.scoring import Rating
from analytics.vntext import normalize_text
from woms_pwa.core.evaluation import inputs
from woms_pwa.core.evaluation.config import load_config
from woms_pwa.core.evaluation.models import EvaluationItem, EvaluationRecord, EvaluationStance
from woms_pwa.core.evaluation.notices import tell_subject
from woms_pwa.core.evaluation.rights import (
    Subject,
    can_assess,
    can_conclude,
    can_self_assess,
    resolve_subject,
)
from woms_pwa.core.evaluation.runs import scored_run
from woms_pwa.core.evaluation.scoring import EvaluationError, parse_period_or_fail
from woms_pwa.core.messages import evaluation as emsg
from woms_pwa.core.models import Period, utcnow
from woms_pwa.core.permissions import Actor, require
from woms_pwa.core.services.audit import AuditRecord, append
from woms_pwa.core.vocab import PeriodKind

MAX_COMMENT = 4000


@dataclass(frozen=True)
class StepOutcome:
    """What a workflow step stored."""

    record_id: int
    status: str
    rating: str | None = None
    total: float | None = None


def ensure_period(session: Session, code: str) -> Period:
    """The period row for ``code`` (created from its dates when missing)."""
    spec = parse_period_or_fail(code)
    row = session.execute(select(Period).where(Period.code == spec.code)).scalar_one_or_none()
    if row is None:
        row = Period(
            code=spec.code, kind=spec.kind.value, year=spec.year, start_date=spec.start,
            end_date=spec.end,
        )  # fmt: skip
        session.add(row)
        session.flush()
    return row


def get_record(
    session: Session, subject: Subject, period: Period, *, create: bool
) -> EvaluationRecord | None:
    """The subject's record for the period (created as a draft on request)."""
    record = session.execute(
        select(EvaluationRecord).where(
            EvaluationRecord.subject_key == subject.key,
            EvaluationRecord.period_id == period.id,
        )
    ).scalar_one_or_none()
    if record is None and create:
        record = EvaluationRecord(
            subject_key=subject.key,
            subject_type=subject.kind,
            person_id=subject.person_id,
            unit_id=subject.unit_id,
            period_id=period.id or 0,
        )
        session.add(record)
        session.flush()
    return record


def _comment(raw: str | None, *, required: bool = False) -> str:
    text = normalize_text(raw or "")
    if len(text) > MAX_COMMENT:
        raise EvaluationError(emsg.COMMENT_TOO_LONG)
    if required and not text:
        raise EvaluationError(emsg.COMMENT_REQUIRED)
    return text


def _rating(raw: str | None) -> str | None:
    if raw is None or raw == "":
        return None
    try:
        return Rating(raw).value
    except ValueError as exc:
        raise EvaluationError(emsg.BAD_RATING.format(value=raw)) from exc


def _audit(
    session: Session,
    actor: Actor,
    record: EvaluationRecord,
    subject: Subject,
    action: str,
    changes: Mapping[str, tuple[str | None, str | None]],
    reason: str | None = None,
) -> None:
    append(
        session,
        [
            AuditRecord(
                actor=actor.username,
                actor_user_id=actor.user_id,
                action=action,
                entity="evaluation_record",
                entity_id=record.id,
                entity_code=subject.code,
                field=name,
                old_value=old,
                new_value=new,
                reason=reason,
            )
            for name, (old, new) in changes.items()
            if old != new
        ],
    )


def _store_stance(
    session: Session, record: EvaluationRecord, stage: str, values: inputs.StanceValues | None
) -> None:
    if values is None:
        return
    row = session.execute(
        select(EvaluationStance).where(
            EvaluationStance.record_id == record.id, EvaluationStance.stage == stage
        )
    ).scalar_one_or_none() or EvaluationStance(record_id=record.id or 0, stage=stage)
    for name, value in values.as_dict().items():
        setattr(row, name, value)
    row.updated_at = utcnow()
    session.add(row)


def _open(
    session: Session, subject_code: str, period: str
) -> tuple[Subject, Period, EvaluationRecord]:
    subject = resolve_subject(session, subject_code)
    period_row = ensure_period(session, period)
    record = get_record(session, subject, period_row, create=True)
    assert record is not None
    return subject, period_row, record


def submit_self_assessment(
    session: Session,
    actor: Actor,
    *,
    subject_code: str,
    period: str,
    comment: str | None = "",
    proposed_rating: str | None = None,
    stance: Mapping[str, object] | None = None,
) -> StepOutcome:
    """Store (or re-send, until assessed) the self-assessment of a person or unit.

    Raises:
        PermissionDenied: the actor is not the subject (or the unit's head).
        EvaluationError: bad values or a record already assessed.
    """
    # Everything is validated before the record is created: nothing half-saved.
    subject = resolve_subject(session, subject_code)
    require(can_self_assess(session, actor, subject), emsg.FORBIDDEN_SELF)
    spec = parse_period_or_fail(period)
    text = _comment(comment)
    rating = _rating(proposed_rating)
    yearly = spec.kind is PeriodKind.YEAR and subject.kind == "person"
    values = inputs.parse_stance(stance) if yearly and stance else None
    subject, _, record = _open(session, subject_code, period)
    if record.status not in ("draft", "submitted"):
        raise EvaluationError(emsg.WRONG_STATUS_SELF)
    old = (record.status, record.self_rating, record.self_comment)
    _store_stance(session, record, "self", values)
    record.status, record.self_rating, record.self_comment = "submitted", rating, text
    record.self_at, record.self_user_id = utcnow(), actor.user_id
    session.add(record)
    _audit(
        session,
        actor,
        record,
        subject,
        "self_assess",
        {
            "status": (old[0], "submitted"),
            "self_rating": (old[1], rating),
            "self_comment": (old[2] or None, text or None),
            "stance_self": (None, values.describe() if values else None),
        },
    )
    return StepOutcome(record.id or 0, record.status, rating)


def declare_item(
    session: Session,
    actor: Actor,
    *,
    subject_code: str,
    period: str,
    kind: str,
    title: str,
    detail: str = "",
    perspective: str | None = None,
    scope: str | None = None,
    evidence: str | None = None,
) -> int:
    """Declare outside-plan work, an initiative or a learning result (before assessment).

    ``scope`` is the recognition scope of an initiative (``unit``, ``province``,
    ``national``) or the form of a learning result (``self_learning``,
    ``certificate``, ``degree``).

    Returns:
        The new item's id.
    """
    subject = resolve_subject(session, subject_code)
    require(can_self_assess(session, actor, subject), emsg.FORBIDDEN_SELF)
    item = inputs.parse_item(kind, title, detail, perspective, scope, evidence)
    subject, _, record = _open(session, subject_code, period)
    if record.status not in ("draft", "submitted"):
        raise EvaluationError(emsg.WRONG_STATUS_SELF)
    row = EvaluationItem(record_id=record.id or 0, created_by_user_id=actor.user_id, **item)
    session.add(row)
    session.flush()
    append(
        session,
        [
            AuditRecord(
                actor=actor.username,
                actor_user_id=actor.user_id,
                action="declare",
                entity="evaluation_item",
                entity_id=row.id,
                entity_code=subject.code,
                field=kind,
                new_value=row.title,
            )
        ],
    )
    return row.id or 0


def assess(
    session: Session,
    actor: Actor,
    *,
    subject_code: str,
    period: str,
    comment: str,
    proposed_rating: str | None = None,
    stance: Mapping[str, object] | None = None,
    decisions: Mapping[int, tuple[bool, float | None]] | None = None,
) -> StepOutcome:
    """The head's assessment: comments, stance indicators, accepted declarations.

    ``decisions`` maps item ids to ``(accepted, points)``; points default to the
    configured points of the initiative scope / learning form / outside work.
    """
    subject = resolve_subject(session, subject_code)
    require(can_assess(session, actor, subject), emsg.FORBIDDEN_ASSESS)
    spec = parse_period_or_fail(period)
    text = _comment(comment, required=True)
    rating = _rating(proposed_rating)
    yearly = spec.kind is PeriodKind.YEAR and subject.kind == "person"
    values = inputs.parse_stance(stance) if yearly and stance else None
    subject, _, record = _open(session, subject_code, period)
    if record.status not in ("submitted", "assessed"):
        raise EvaluationError(emsg.WRONG_STATUS_ASSESS)
    config = load_config(session)
    items = {
        item.id: item
        for item in session.execute(
            select(EvaluationItem).where(EvaluationItem.record_id == record.id)
        ).scalars()
    }
    resolved = inputs.resolve_decisions(decisions or {}, items, config)
    old = (record.status, record.assess_rating, record.assess_comment)
    _store_stance(session, record, "assess", values)
    now = utcnow()
    item_audit: list[AuditRecord] = []
    for item_id, (status, points) in resolved.items():
        item = items[item_id]
        item_audit.append(
            AuditRecord(
                actor=actor.username,
                actor_user_id=actor.user_id,
                action="review",
                entity="evaluation_item",
                entity_id=item_id,
                entity_code=subject.code,
                field="status",
                old_value=f"{item.status} {item.points}",
                new_value=f"{status} {points}",
            )
        )
        item.status, item.points = status, points
        item.reviewed_by_user_id, item.reviewed_at = actor.user_id, now
        session.add(item)
    record.status, record.assess_rating, record.assess_comment = "assessed", rating, text
    record.assess_at, record.assess_user_id = now, actor.user_id
    session.add(record)
    session.flush()
    _audit(
        session,
        actor,
        record,
        subject,
        "assess",
        {
            "status": (old[0], "assessed"),
            "assess_rating": (old[1], rating),
            "assess_comment": (old[2] or None, text),
            "stance_assess": (None, values.describe() if values else None),
        },
    )
    append(session, item_audit)
    tell_subject(
        session, subject, period,
        title=emsg.NOTIFY_ASSESSED_TITLE.format(name=subject.name, period=period),
        key=f"evaluation-assessed-{record.id}-{now.isoformat()}",
    )  # fmt: skip
    return StepOutcome(record.id or 0, record.status, rating)


def computed_result(
    session: Session, subject: Subject, period: str, as_of: dt.date | str | None = None
) -> tuple[str | None, float | None, str]:
    """The rating, total and explanation the rules give a subject now (the pages' run)."""
    run = scored_run(session, period, as_of)
    if subject.kind == "unit":
        rows = run.collective.units.loc[run.collective.units["code"] == subject.code]
    else:
        rows = run.individual.people.loc[run.individual.people["code"] == subject.code]
    if rows.empty:
        return None, None, emsg.NOT_RATED
    row = rows.iloc[0]
    rating = None if pd.isna(row["rating"]) else str(row["rating"])
    total = None if pd.isna(row["total"]) else round(float(row["total"]), 2)
    if subject.kind == "unit":
        return rating, total, run.collective.explain(subject.code)
    return rating, total, run.individual.explain(subject.code)


def conclude(
    session: Session,
    actor: Actor,
    *,
    subject_code: str,
    period: str,
    rating: str | None = None,
    comment: str = "",
    as_of: dt.date | str | None = None,
) -> StepOutcome:
    """The official conclusion by the competent level.

    The rating defaults to the one computed by the rules; the competent level
    may lower it with a written reason, never raise it above the computed one
    (thresholds, quotas and the head-versus-unit cap are rules, not opinions).
    """
    subject = resolve_subject(session, subject_code)
    require(can_conclude(session, actor, subject), emsg.FORBIDDEN_CONCLUDE)
    subject, _, record = _open(session, subject_code, period)
    if record.status != "assessed":
        raise EvaluationError(emsg.WRONG_STATUS_CONCLUDE)
    chosen = _rating(rating)
    text = _comment(comment)
    computed, total, explanation = computed_result(session, subject, period, as_of)
    if computed is None:
        raise EvaluationError(emsg.NOT_RATED)
    computed_rating = Rating(computed)
    final = Rating(chosen) if chosen else computed_rating
    if final.rank > computed_rating.rank:
        raise EvaluationError(emsg.ABOVE_COMPUTED.format(computed=computed_rating.label))
    if final.rank < computed_rating.rank and not text:
        raise EvaluationError(emsg.LOWER_NEEDS_REASON.format(computed=computed_rating.label))
    old = (record.status, record.conclusion_rating)
    record.status, record.conclusion_rating = "concluded", final.value
    record.conclusion_comment, record.conclusion_total = text, total
    record.conclusion_explanation = explanation
    record.concluded_at, record.concluded_by_user_id = utcnow(), actor.user_id
    session.add(record)
    session.flush()
    _audit(
        session,
        actor,
        record,
        subject,
        "conclude",
        {
            "status": (old[0], "concluded"),
            "conclusion_rating": (old[1], final.value),
            "conclusion_total": (None, None if total is None else str(total)),
        },
        reason=text or None,
    )
    tell_subject(
        session, subject, period,
        title=emsg.NOTIFY_CONCLUDED_TITLE.format(period=period, rating=final.label),
        key=f"evaluation-concluded-{record.id}",
    )  # fmt: skip
    return StepOutcome(record.id or 0, record.status, final.value, total)
