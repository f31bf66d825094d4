"""Feeding the assistant's index: new check-ins, notes and comments since the watermark.

Runs in the background (web app lifespan task) or before a command-line
question; it never runs inside the check-in request. Only rows with an id
above the stored watermark are read, so each sync costs what arrived since.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlmodel import Session, select

from woms_pwa.core.assistant_index.models import AssistantWatermark
from woms_pwa.core.models import utcnow

if TYPE_CHECKING:
    from assistant.index import NoteIndex
    from assistant.sources import Source

BATCH = 20000
# Rows are re-read from a little before the watermark: on PostgreSQL a row with
# a lower id can commit after a higher one was already read. Re-read texts are
# recognised by id and not indexed twice.
OVERLAP = 200
_KR_JOIN = """
    JOIN key_result k ON k.id = c.kr_id
    JOIN task t ON t.id = k.task_id
    JOIN plan p ON p.id = t.plan_id
    LEFT JOIN person op ON op.id = p.owner_person_id
    JOIN unit u ON u.id = COALESCE(p.owner_unit_id, op.unit_id)
"""
_CHECKINS = f"""
SELECT c.id, c.date, c.note, c.evidence, c.blocker_type, c.blocker_text,
       k.code AS kr_code, k.metric_code, t.perspective, p.owner_key, u.id AS unit_id,
       u.code AS unit_code, COALESCE(rp.code, ua.username, '') AS author
FROM check_in c {_KR_JOIN}
LEFT JOIN person rp ON rp.id = c.reported_by_person_id
LEFT JOIN user_account ua ON ua.id = c.recorded_by_user_id
WHERE c.id > :after ORDER BY c.id LIMIT :limit
"""
_NOTES = """
SELECT n.id, n.date, n.text, n.kind, u.id AS unit_id, u.code AS unit_code,
       COALESCE(k.code, '') AS kr_code, COALESCE(k.metric_code, '') AS metric_code,
       COALESCE(t.perspective, '') AS perspective, COALESCE(p.owner_key, '') AS owner_key,
       COALESCE(n.author, ap.code, '') AS author
FROM note n JOIN unit u ON u.id = n.unit_id
LEFT JOIN key_result k ON k.id = n.kr_id
LEFT JOIN task t ON t.id = k.task_id
LEFT JOIN plan p ON p.id = t.plan_id
LEFT JOIN person ap ON ap.id = n.author_person_id
WHERE n.id > :after ORDER BY n.id LIMIT :limit
"""
# Approval and review comments are the reasons written on plan decisions.
_COMMENTS = """
SELECT a.id, a.at, a.reason, a.actor, p.owner_key, u.id AS unit_id, u.code AS unit_code
FROM audit_entry a JOIN plan p ON a.entity = 'plan' AND p.id = a.entity_id
LEFT JOIN person op ON op.id = p.owner_person_id
JOIN unit u ON u.id = COALESCE(p.owner_unit_id, op.unit_id)
WHERE a.id > :after AND a.reason IS NOT NULL AND a.reason <> ''
ORDER BY a.id LIMIT :limit
"""


def index_key(location: str) -> str:
    """Short stable key of an index location (folder or URL) for the watermark table."""
    return hashlib.sha1(location.encode("utf-8")).hexdigest()


def _date(value: object) -> object:
    import datetime as dt

    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value


def _checkin_sources(row: dict[str, object]) -> Iterator[Source]:
    from assistant.sources import Source

    common = {
        "unit_code": str(row["unit_code"]),
        "unit_id": int(row["unit_id"]),  # type: ignore[call-overload]
        "owner_key": str(row["owner_key"] or ""),
        "kr_code": str(row["kr_code"]),
        "metric_code": str(row["metric_code"] or ""),
        "perspective": str(row["perspective"] or ""),
        "date": _date(row["date"]),
        "author": str(row["author"] or ""),
    }
    cid = row["id"]
    if row["note"]:
        yield Source(id=f"c{cid}", kind="checkin", text=str(row["note"]), **common)  # type: ignore[arg-type]
    if row["blocker_text"] or row["blocker_type"]:
        label = f"[{row['blocker_type']}] " if row["blocker_type"] else ""
        yield Source(
            id=f"b{cid}",
            kind="blocker",
            text=f"{label}{row['blocker_text'] or ''}".strip(),
            **common,
        )  # type: ignore[arg-type]
    if row["evidence"]:
        yield Source(id=f"e{cid}", kind="evidence", text=str(row["evidence"]), **common)  # type: ignore[arg-type]


def _note_source(row: dict[str, object]) -> Source:
    from assistant.sources import Source

    kind = "comment" if row["kind"] == "comment" else "note"
    return Source(
        id=f"n{row['id']}",
        kind=kind,
        text=str(row["text"]),
        unit_code=str(row["unit_code"]),
        unit_id=int(row["unit_id"]),  # type: ignore[call-overload]
        owner_key=str(row["owner_key"] or ""),
        kr_code=str(row["kr_code"] or ""),
        metric_code=str(row["metric_code"] or ""),
        perspective=str(row["perspective"] or ""),
        date=_date(row["date"]),  # type: ignore[arg-type]
        author=str(row["author"] or ""),
    )


def _comment_source(row: dict[str, object]) -> Source:
    from assistant.sources import Source

    return Source(
        id=f"a{row['id']}",
        kind="comment",
        text=str(row["reason"]),
        unit_code=str(row["unit_code"]),
        unit_id=int(row["unit_id"]),  # type: ignore[call-overload]
        owner_key=str(row["owner_key"] or ""),
        date=_date(row["at"]),  # type: ignore[arg-type]
        author=str(row["actor"] or ""),
    )


def _sources(name: str, rows: list[dict[str, object]]) -> list[Source]:
    sources: list[Source] = []
    for row in rows:
        if name == "checkin":
            sources.extend(_checkin_sources(row))
        elif name == "note":
            sources.append(_note_source(row))
        else:
            sources.append(_comment_source(row))
    return sources


def _watermark(session: Session, key: str, source: str) -> AssistantWatermark:
    found = session.execute(
        select(AssistantWatermark).where(
            AssistantWatermark.index_key == key, AssistantWatermark.source == source
        )
    ).scalar_one_or_none()
    if found is None:
        found = AssistantWatermark(index_key=key, source=source, last_id=0)
        session.add(found)
    return found


def sync_index(session: Session, index: NoteIndex, location: str, *, batch: int = BATCH) -> int:
    """Index every check-in, note and plan comment added since the last sync.

    Args:
        session: an open session (the caller commits the watermarks).
        index: the open note index.
        location: the index's folder or URL (its watermark key).
        batch: rows read per query.

    Returns:
        How many texts were indexed.
    """
    key = index_key(location)
    empty_index = index.count() == 0
    total = 0
    plans = (("checkin", _CHECKINS), ("note", _NOTES), ("audit", _COMMENTS))
    for name, sql in plans:
        mark = _watermark(session, key, name)
        if empty_index:
            # The folder was removed or replaced: start again from the beginning.
            mark.last_id = 0
        # First the few rows just below the watermark (late commits), then onwards.
        after, limit = max(0, mark.last_id - OVERLAP), min(OVERLAP, mark.last_id) or batch
        while True:
            rows = [
                dict(r._mapping)
                for r in session.execute(text(sql), {"after": after, "limit": limit})
            ]
            total += index.add(_sources(name, rows))
            if rows:
                mark.last_id = max(mark.last_id, int(rows[-1]["id"]))
                mark.updated_at = utcnow()
                session.add(mark)
                session.flush()
            if after < mark.last_id and limit != batch:
                after, limit = mark.last_id, batch
                continue
            if len(rows) < limit:
                break
            after = mark.last_id
    return total
