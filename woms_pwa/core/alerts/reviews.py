"""Explaining anomalies ("đã giải trình") and notifying owners and leaders of alerts."""

from __future__ import annotations

from sqlmodel import Session, col, select

from analytics.anomalies import KIND_LABELS
from woms_pwa.core.alerts.models import AnomalyReview
from woms_pwa.core.alerts.service import AlertReport, can_explain, plan_of
from woms_pwa.core.messages import alerts as msg
from woms_pwa.core.models import Person, UserAccount, utcnow
from woms_pwa.core.notifications.service import Recipient, notify
from woms_pwa.core.permissions import Actor, PermissionDenied, require
from woms_pwa.core.services.audit import AuditRecord, append
from woms_pwa.core.vocab import Role

ALERTS_ROUTE = "/canh-bao"
MAX_NOTE = 2000


class AlertInputError(ValueError):
    """Bad input for an alert action; the message is Vietnamese."""


def explain_anomaly(
    session: Session, actor: Actor, *, kr_code: str, kind: str, key: str, note: str
) -> AnomalyReview:
    """Mark one anomaly as explained, with a note; audited. Re-explaining updates the note.

    Raises:
        AlertInputError: unknown key result or anomaly kind, or a bad note.
        PermissionDenied: the actor is not an approver/leader of the plan.
    """
    note = (note or "").strip()
    if len(note) < 5:
        raise AlertInputError(msg.EXPLAIN_NOTE_REQUIRED)
    if len(note) > MAX_NOTE:
        raise AlertInputError(msg.EXPLAIN_NOTE_TOO_LONG)
    found = plan_of(session, kr_code)
    if found is None or kind not in KIND_LABELS or not key or len(key) > 80:
        raise AlertInputError(msg.ANOMALY_NOT_FOUND)
    kr, plan = found
    require(can_explain(session, actor, plan), msg.EXPLAIN_FORBIDDEN)
    review = session.execute(
        select(AnomalyReview).where(
            AnomalyReview.kr_id == kr.id,
            AnomalyReview.kind == kind,
            AnomalyReview.anomaly_key == key,
        )
    ).scalar_one_or_none()
    old = review.note if review else None
    if review is None:
        review = AnomalyReview(kr_id=kr.id or 0, kind=kind, anomaly_key=key, note=note)
    review.note = note
    review.reviewed_by_user_id = actor.user_id
    review.reviewer_name = actor.display_name or actor.username
    review.reviewed_at = utcnow()
    session.add(review)
    session.flush()
    append(
        session,
        [
            AuditRecord(
                actor=actor.username,
                actor_user_id=actor.user_id,
                action="anomaly.explain",
                entity="key_result",
                entity_id=kr.id,
                entity_code=kr.code,
                field=f"{kind}:{key}",
                old_value=old,
                new_value=note,
            )
        ],
    )
    return review


def _owner_recipients(session: Session, row: dict[str, object]) -> list[Recipient]:
    """The owner person, or the head(s) of the owner unit."""
    person = row.get("owner_person_id")
    if person is not None:
        return [Recipient(person_id=int(float(str(person))))]
    unit = row.get("owner_unit_id")
    if unit is None:
        return []
    heads = session.execute(
        select(Person.id).where(
            Person.unit_id == int(float(str(unit))), col(Person.is_head).is_(True)
        )
    ).scalars()
    return [Recipient(person_id=h) for h in heads]


def notify_alerts(session: Session, report: AlertReport) -> int:
    """Notify owners of their new warnings and anomalies, and leaders of a digest.

    Dedupe keys make a re-run harmless: the same warning (key result, kind,
    level, period) or anomaly reaches each account once.

    Returns:
        The number of notifications created.
    """
    created = 0
    for row in report.warnings:
        label = msg.WARNING_KIND_LABELS.get(str(row["kind"]), str(row["kind"]))
        key = f"alert:{report.period}:{row['kr_code']}:{row['kind']}:{row['level']}"
        for recipient in _owner_recipients(session, row):
            created += len(
                notify(
                    session,
                    recipient,
                    kind="alert",
                    title=msg.NOTIFY_OWNER_TITLE.format(kr_code=row["kr_code"], label=label)[:255],
                    body=str(row["message"]),
                    link=f"{ALERTS_ROUTE}?kr={row['kr_code']}",
                    dedupe_key=key,
                )
            )
    for row in report.anomalies:
        if row["explained"]:
            continue
        label = KIND_LABELS.get(str(row["kind"]), str(row["kind"]))
        key = f"anomaly:{row['kr_code']}:{row['kind']}:{row['key']}"
        for recipient in _owner_recipients(session, row):
            created += len(
                notify(
                    session,
                    recipient,
                    kind="anomaly",
                    title=msg.NOTIFY_OWNER_TITLE.format(kr_code=row["kr_code"], label=label)[:255],
                    body=str(row["message"]),
                    link=f"{ALERTS_ROUTE}?kr={row['kr_code']}",
                    dedupe_key=key,
                )
            )
    leaders = session.execute(
        select(UserAccount.id).where(
            UserAccount.role == Role.PROVINCE.value, col(UserAccount.is_active).is_(True)
        )
    ).scalars()
    open_anomalies = sum(1 for r in report.anomalies if not r["explained"])
    for user_id in leaders:
        created += len(
            notify(
                session,
                Recipient(user_id=user_id),
                kind="alert_digest",
                title=msg.NOTIFY_DIGEST_TITLE.format(
                    period=report.period,
                    n_warnings=len({r["kr_code"] for r in report.warnings}),
                    n_anomalies=open_anomalies,
                )[:255],
                body=msg.NOTIFY_DIGEST_BODY.format(as_of=report.as_of.strftime("%d/%m/%Y")),
                link=ALERTS_ROUTE,
                dedupe_key=f"alert-digest:{report.period}:{report.as_of.isoformat()}",
            )
        )
    return created


__all__ = ["AlertInputError", "PermissionDenied", "explain_anomaly", "notify_alerts"]
