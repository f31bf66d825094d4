"""Everything recorded about one key result: check-ins (with evidence), notes and audit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import text
from sqlmodel import Session

from woms_pwa.core.permissions import Actor
from woms_pwa.core.services.plans import KeyResultDetail, get_key_result_detail


def _day(value: Any) -> dt.date:
    # SQLite returns text from raw SQL, PostgreSQL returns dates.
    return value if isinstance(value, dt.date) else pd.Timestamp(value).date()


def _moment(value: Any) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else pd.Timestamp(value).to_pydatetime()


@dataclass(frozen=True)
class KeyResultHistory:
    """The full history of a key result, newest first in each list."""

    detail: KeyResultDetail
    checkins: list[dict[str, Any]]
    notes: list[dict[str, Any]]
    audit: list[dict[str, Any]]


def key_result_history(session: Session, actor: Actor, kr_code: str) -> KeyResultHistory:
    """Return the key result's check-ins, notes and audit entries (permission-checked).

    Raises:
        PermissionDenied: no such key result, or not in the actor's scope.
    """
    detail = get_key_result_detail(session, actor, kr_code, history_limit=1)
    kr_id = session.execute(
        text("SELECT id FROM key_result WHERE code = :c"), {"c": kr_code}
    ).scalar_one()
    checkins = [
        {
            "id": r[0],
            "date": _day(r[1]),
            "value": r[2],
            "note": r[3] or "",
            "evidence": r[4] or "",
            "confidence": r[5] or "",
            "blocker": " ".join(x for x in (r[6] or "", r[7] or "") if x),
            "reporter": r[8] or "",
            "created_at": _moment(r[9]),
        }
        for r in session.execute(
            text(
                "SELECT c.id, c.date, c.value, c.note, c.evidence, c.confidence, c.blocker_type,"
                " c.blocker_text, p.full_name, c.created_at FROM check_in c"
                " LEFT JOIN person p ON p.id = c.reported_by_person_id"
                " WHERE c.kr_id = :k ORDER BY c.date DESC, c.id DESC"
            ),
            {"k": kr_id},
        )
    ]
    notes = [
        {"id": r[0], "date": _day(r[1]), "author": r[2] or "", "text": r[3], "kind": r[4]}
        for r in session.execute(
            text(
                "SELECT n.id, n.date, COALESCE(p.full_name, n.author), n.text, n.kind FROM note n"
                " LEFT JOIN person p ON p.id = n.author_person_id"
                " WHERE n.kr_id = :k ORDER BY n.date DESC, n.id DESC"
            ),
            {"k": kr_id},
        )
    ]
    audit = [
        {
            "id": r[0],
            "at": _moment(r[1]),
            "actor": r[2],
            "action": r[3],
            "field": r[4] or "",
            "old": r[5] or "",
            "new": r[6] or "",
            "reason": r[7] or "",
        }
        for r in session.execute(
            text(
                "SELECT id, at, actor, action, field, old_value, new_value, reason FROM audit_entry"
                " WHERE (entity = 'key_result' AND (entity_id = :k OR entity_code = :c))"
                " ORDER BY id DESC LIMIT 200"
            ),
            {"k": kr_id, "c": kr_code},
        )
    ]
    return KeyResultHistory(detail, checkins, notes, audit)
