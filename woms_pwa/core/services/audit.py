"""The append-only, hash-chained audit log.

Each entry's hash covers its content and the previous entry's hash, so editing
or deleting a row in the database breaks the chain, and ``verify_chain`` finds
where. The database also refuses UPDATE and DELETE on the table (migration 0001).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import insert, text
from sqlmodel import Session, select

from woms_pwa.core.models import AuditEntry, utcnow

_AUDIT_LOCK_KEY = 7_250_001


@dataclass(frozen=True)
class AuditRecord:
    """One change to be logged."""

    actor: str
    action: str
    entity: str
    entity_id: int | None = None
    entity_code: str | None = None
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None
    reason: str | None = None
    actor_user_id: int | None = None


def _digest(prev_hash: str, at: dt.datetime, record: AuditRecord) -> str:
    payload = json.dumps(
        [
            prev_hash,
            at.isoformat(timespec="microseconds"),
            record.actor,
            record.actor_user_id,
            record.action,
            record.entity,
            record.entity_id,
            record.entity_code,
            record.field,
            record.old_value,
            record.new_value,
            record.reason,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _last_hash(session: Session) -> str:
    if session.get_bind().dialect.name == "postgresql":
        # Serialise writers so two transactions cannot fork the chain.
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _AUDIT_LOCK_KEY})
    row = session.execute(
        select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)  # type: ignore[union-attr]
    ).first()
    return row[0] if row else ""


def append(session: Session, records: Iterable[AuditRecord], at: dt.datetime | None = None) -> int:
    """Append ``records`` to the audit log inside the caller's transaction.

    Args:
        session: the open session whose transaction also holds the change.
        records: the changes, in order.
        at: the timestamp to record; now when omitted.

    Returns:
        How many entries were written.
    """
    stamp = at or utcnow()
    prev = _last_hash(session)
    rows: list[dict[str, object]] = []
    for record in records:
        digest = _digest(prev, stamp, record)
        rows.append(
            {
                "at": stamp,
                "actor": record.actor,
                "actor_user_id": record.actor_user_id,
                "action": record.action,
                "entity": record.entity,
                "entity_id": record.entity_id,
                "entity_code": record.entity_code,
                "field": record.field,
                "old_value": record.old_value,
                "new_value": record.new_value,
                "reason": record.reason,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    for start in range(0, len(rows), 5000):
        session.execute(insert(AuditEntry), rows[start : start + 5000])
    return len(rows)


def verify_chain(entries: Sequence[AuditEntry]) -> int | None:
    """Return the id of the first entry whose hash does not match, or ``None``.

    Args:
        entries: the whole log in id order.
    """
    prev = ""
    for entry in entries:
        record = AuditRecord(
            actor=entry.actor,
            action=entry.action,
            entity=entry.entity,
            entity_id=entry.entity_id,
            entity_code=entry.entity_code,
            field=entry.field,
            old_value=entry.old_value,
            new_value=entry.new_value,
            reason=entry.reason,
            actor_user_id=entry.actor_user_id,
        )
        if entry.prev_hash != prev or entry.hash != _digest(prev, entry.at, record):
            return entry.id
        prev = entry.hash
    return None
