"""Feeding the assistant's index: new rows by watermark, changed and deleted rows by log.

Runs in the background (web app lifespan task) or before a command-line
question; it never runs inside the check-in request. Each pass costs what
happened since the previous one:

* new check-ins, notes and plan comments: rows with an id above the stored
  watermark of their table;
* edited or deleted rows (a note rewritten, a check-in corrected by an import,
  a key result retired, a key result moved to another plan, a unit renamed):
  database triggers log them in ``assistant_change`` (migration
  ``0012_assistant_reconcile``); the pass reads the log above its own
  watermark, works out which texts may be affected, and reconciles exactly
  those (re-embeds changed texts, deletes removed ones, rewrites metadata such
  as the unit a text belongs to);
* once, when an index built by an earlier version is met, every indexed text
  is reconciled (:data:`INDEX_VERSION`); ``woms ask --reconcile`` does the same
  on demand (after restoring a backup, or SQL run with the triggers off).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, text
from sqlmodel import Session, select

from woms_pwa.core.assistant_index.models import AssistantWatermark
from woms_pwa.core.models import utcnow

if TYPE_CHECKING:
    from assistant.index import NoteIndex, Reconciled
    from assistant.sources import Source

BATCH = 20000
# Rows are re-read from a little before the watermark: on PostgreSQL a row with
# a lower id can commit after a higher one was already read. Re-read texts are
# recognised by id and not indexed twice.
OVERLAP = 200
# Rows looked up by id per query (and up to three texts each in one Chroma read).
ID_CHUNK = 1000
# Skipped ids of the change log are looked at again for this long (a late commit).
PENDING_SECONDS = 3600.0
MAX_PENDING = 200
# Raise when what an indexed text carries changes: older indexes are then
# reconciled once in full (1: key result status in the metadata).
INDEX_VERSION = 1

_KR_JOIN = """
    JOIN key_result k ON k.id = c.kr_id
    JOIN task t ON t.id = k.task_id
    JOIN plan p ON p.id = t.plan_id
    LEFT JOIN person op ON op.id = p.owner_person_id
    JOIN unit u ON u.id = COALESCE(p.owner_unit_id, op.unit_id)
"""
_CHECKINS = f"""
SELECT c.id, c.date, c.note, c.evidence, c.blocker_type, c.blocker_text,
       k.code AS kr_code, k.metric_code, k.status AS kr_status, t.perspective, p.owner_key,
       u.id AS unit_id, u.code AS unit_code, COALESCE(rp.code, ua.username, '') AS author
FROM check_in c {_KR_JOIN}
LEFT JOIN person rp ON rp.id = c.reported_by_person_id
LEFT JOIN user_account ua ON ua.id = c.recorded_by_user_id
WHERE {{where}}
"""
_NOTES = """
SELECT n.id, n.date, n.text, n.kind, u.id AS unit_id, u.code AS unit_code,
       COALESCE(k.code, '') AS kr_code, COALESCE(k.metric_code, '') AS metric_code,
       COALESCE(k.status, '') AS kr_status,
       COALESCE(t.perspective, '') AS perspective, COALESCE(p.owner_key, '') AS owner_key,
       COALESCE(n.author, ap.code, '') AS author
FROM note n JOIN unit u ON u.id = n.unit_id
LEFT JOIN key_result k ON k.id = n.kr_id
LEFT JOIN task t ON t.id = k.task_id
LEFT JOIN plan p ON p.id = t.plan_id
LEFT JOIN person ap ON ap.id = n.author_person_id
WHERE {where}
"""
# Approval and review comments are the reasons written on plan decisions.
_COMMENTS = """
SELECT a.id, a.at, a.reason, a.actor, p.owner_key, u.id AS unit_id, u.code AS unit_code
FROM audit_entry a JOIN plan p ON a.entity = 'plan' AND p.id = a.entity_id
LEFT JOIN person op ON op.id = p.owner_person_id
JOIN unit u ON u.id = COALESCE(p.owner_unit_id, op.unit_id)
WHERE a.reason IS NOT NULL AND a.reason <> '' AND {where}
"""


@dataclass(frozen=True)
class Stream:
    """One source table: its query, id column and the prefixes of its texts' ids."""

    name: str
    sql: str
    id_column: str
    prefixes: tuple[str, ...]

    def after(self) -> str:
        """Rows above a watermark, in id order."""
        return self.sql.format(
            where=f"{self.id_column} > :after ORDER BY {self.id_column} LIMIT :limit"
        )

    def by_ids(self) -> str:
        """Rows with the given ids (``:ids`` is an expanding parameter)."""
        return self.sql.format(where=f"{self.id_column} IN :ids")


STREAMS = (
    Stream("checkin", _CHECKINS, "c.id", ("c", "b", "e")),
    Stream("note", _NOTES, "n.id", ("n",)),
    Stream("audit", _COMMENTS, "a.id", ("a",)),
)
_BY_PREFIX = {prefix: stream for stream in STREAMS for prefix in stream.prefixes}


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
        "kr_status": str(row["kr_status"] or ""),
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
        kr_status=str(row["kr_status"] or ""),
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
        # Added to the session when first saved (a quiet pass writes nothing).
        found = AssistantWatermark(index_key=key, source=source, last_id=0)
    return found


def _save(session: Session, mark: AssistantWatermark) -> None:
    """Store a watermark that moved. A quiet pass stores nothing: on SQLite a
    write would hold the database lock against check-ins for nothing."""
    if mark.id is not None and not session.is_modified(mark):
        return
    mark.updated_at = utcnow()
    session.add(mark)
    session.flush()


def _chunks(ids: Iterable[int], size: int = ID_CHUNK) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), size):
        yield ordered[start : start + size]


def _ids(session: Session, sql: str, ids: Iterable[int]) -> set[int]:
    """First column of ``sql`` (with an expanding ``:ids``) over all ``ids``, chunked."""
    statement = text(sql).bindparams(bindparam("ids", expanding=True))
    found: set[int] = set()
    for chunk in _chunks(ids):
        found.update(int(r[0]) for r in session.execute(statement, {"ids": chunk}))
    return found


def reconcile_rows(
    session: Session, index: NoteIndex, stream: Stream, row_ids: Iterable[int]
) -> Reconciled:
    """Make the index agree with the database for these rows of one table.

    Rows that no longer exist (or no longer yield a text) lose their texts;
    changed texts and metadata are rewritten; the rest is left alone.
    """
    from assistant.index import Reconciled

    statement = text(stream.by_ids()).bindparams(bindparam("ids", expanding=True))
    done = Reconciled()
    for chunk in _chunks(row_ids):
        rows = [dict(r._mapping) for r in session.execute(statement, {"ids": chunk})]
        candidates = [f"{prefix}{i}" for i in chunk for prefix in stream.prefixes]
        done = done + index.reconcile(_sources(stream.name, rows), candidates)
    return done


def affected_rows(session: Session, changes: Iterable[tuple[str, int]]) -> dict[str, set[int]]:
    """The check-ins, notes and plan comments whose texts a set of changed rows may touch.

    Args:
        session: an open session.
        changes: ``(source, row id)`` pairs from the change log.

    Returns:
        Row ids by stream name (``checkin``, ``note``, ``audit``).
    """
    by: dict[str, set[int]] = {}
    for source, row_id in changes:
        by.setdefault(source, set()).add(int(row_id))
    units, people = by.get("unit", set()), set(by.get("person", set()))
    plans, tasks = set(by.get("plan", set())), set(by.get("task", set()))
    krs = set(by.get("key_result", set()))
    checkins, notes = set(by.get("checkin", set())), set(by.get("note", set()))
    audits: set[int] = set()
    if units:
        # A renamed unit: its plans, the personal plans of its people, its notes.
        plans |= _ids(session, "SELECT id FROM plan WHERE owner_unit_id IN :ids", units)
        people_of_units = _ids(session, "SELECT id FROM person WHERE unit_id IN :ids", units)
        plans |= _ids(session, "SELECT id FROM plan WHERE owner_person_id IN :ids", people_of_units)
        notes |= _ids(session, "SELECT id FROM note WHERE unit_id IN :ids", units)
    if people:
        # A person moved to another unit (their plans follow) or renamed (author).
        plans |= _ids(session, "SELECT id FROM plan WHERE owner_person_id IN :ids", people)
        checkins |= _ids(
            session, "SELECT id FROM check_in WHERE reported_by_person_id IN :ids", people
        )
        notes |= _ids(session, "SELECT id FROM note WHERE author_person_id IN :ids", people)
    if plans:
        tasks |= _ids(session, "SELECT id FROM task WHERE plan_id IN :ids", plans)
        audits |= _ids(
            session,
            "SELECT id FROM audit_entry WHERE entity = 'plan' AND entity_id IN :ids "
            "AND reason IS NOT NULL AND reason <> ''",
            plans,
        )
    if tasks:
        krs |= _ids(session, "SELECT id FROM key_result WHERE task_id IN :ids", tasks)
    if krs:
        checkins |= _ids(session, "SELECT id FROM check_in WHERE kr_id IN :ids", krs)
        notes |= _ids(session, "SELECT id FROM note WHERE kr_id IN :ids", krs)
    return {"checkin": checkins, "note": notes, "audit": audits}


def _pending(mark: AssistantWatermark) -> list[list[float]]:
    try:
        return [list(map(float, r)) for r in json.loads(mark.pending or "[]")]
    except (ValueError, TypeError):
        return []


def _read_changes(
    session: Session, mark: AssistantWatermark, batch: int, now: float
) -> Iterator[list[tuple[int, str, int]]]:
    """Batches of change-log rows not seen yet: late commits below the watermark, then new ones.

    Ids skipped below the watermark (a transaction not committed yet, or rolled
    back) are remembered as ranges and looked at again for a while.
    """
    ranges = [r for r in _pending(mark) if now - r[2] < PENDING_SECONDS]
    still: list[list[float]] = []
    late: list[tuple[int, str, int]] = []
    for lo, hi, seen in ranges:
        rows = [
            (int(r[0]), str(r[1]), int(r[2]))
            for r in session.execute(
                text(
                    "SELECT id, source, row_id FROM assistant_change "
                    "WHERE id BETWEEN :lo AND :hi ORDER BY id"
                ),
                {"lo": int(lo), "hi": int(hi)},
            )
        ]
        start = int(lo)
        for row in rows:
            if row[0] > start:
                still.append([start, row[0] - 1, seen])
            start = row[0] + 1
        if start <= int(hi):
            still.append([start, int(hi), seen])
        late.extend(rows)
    mark.pending = json.dumps(still[-MAX_PENDING:]) if still else None
    if late:
        yield late
    while True:
        rows = [
            (int(r[0]), str(r[1]), int(r[2]))
            for r in session.execute(
                text(
                    "SELECT id, source, row_id FROM assistant_change "
                    "WHERE id > :after ORDER BY id LIMIT :limit"
                ),
                {"after": mark.last_id, "limit": batch},
            )
        ]
        if not rows:
            return
        gaps: list[list[float]] = []
        previous = mark.last_id
        for row in rows:
            if row[0] > previous + 1:
                gaps.append([previous + 1, row[0] - 1, now])
            previous = row[0]
        if gaps:
            kept = _pending(mark) + gaps
            mark.pending = json.dumps(kept[-MAX_PENDING:])
        mark.last_id = rows[-1][0]
        yield rows
        if len(rows) < batch:
            return


def _max_change_id(session: Session) -> int:
    return int(
        session.execute(text("SELECT COALESCE(MAX(id), 0) FROM assistant_change")).scalar_one()
    )


def _add_new_rows(session: Session, index: NoteIndex, key: str, batch: int, restart: bool) -> int:
    """Index rows above each table's watermark; returns how many texts were added."""
    total = 0
    for stream in STREAMS:
        mark = _watermark(session, key, stream.name)
        if restart:
            mark.last_id = 0
        # First the few rows just below the watermark (late commits), then onwards.
        after, limit = max(0, mark.last_id - OVERLAP), min(OVERLAP, mark.last_id) or batch
        while True:
            rows = [
                dict(r._mapping)
                for r in session.execute(text(stream.after()), {"after": after, "limit": limit})
            ]
            total += index.add(_sources(stream.name, rows))
            if rows and (int(rows[-1]["id"]) > mark.last_id or restart):
                mark.last_id = max(mark.last_id, int(rows[-1]["id"]))
                _save(session, mark)
            if after < mark.last_id and limit != batch:
                after, limit = mark.last_id, batch
                continue
            if len(rows) < limit:
                break
            after = mark.last_id
    return total


def _apply_changes(
    session: Session, index: NoteIndex, mark: AssistantWatermark, batch: int
) -> Reconciled:
    from assistant.index import Reconciled

    done = Reconciled()
    pending_before = mark.pending
    for rows in _read_changes(session, mark, batch, time.time()):
        affected = affected_rows(session, ((source, row_id) for _, source, row_id in rows))
        for stream in STREAMS:
            if affected[stream.name]:
                done = done + reconcile_rows(session, index, stream, affected[stream.name])
        _save(session, mark)
    if mark.pending != pending_before:
        _save(session, mark)
    return done


def reconcile_all(session: Session, index: NoteIndex, location: str) -> Reconciled:
    """Reconcile every indexed text with the database, then index what is missing.

    Reads every indexed id and every source row: minutes at a million notes.
    Run once after an upgrade (automatically) or on demand
    (``woms ask --reconcile``); the incremental pass never does this.
    """
    from assistant.index import Reconciled

    key = index_key(location)
    change = _watermark(session, key, "change")
    # Changes logged from here on are handled by the next incremental pass.
    change.last_id, change.pending = _max_change_id(session), None
    _save(session, change)
    indexed: dict[str, set[int]] = {stream.name: set() for stream in STREAMS}
    for page in index.ids():
        for source_id in page:
            stream = _BY_PREFIX.get(source_id[:1])
            if stream is not None and source_id[1:].isdigit():
                indexed[stream.name].add(int(source_id[1:]))
    done = Reconciled()
    for stream in STREAMS:
        done = done + reconcile_rows(session, index, stream, indexed[stream.name])
    added = _add_new_rows(session, index, key, BATCH, restart=True)
    version = _watermark(session, key, "version")
    version.last_id = INDEX_VERSION
    _save(session, version)
    return done + Reconciled(added=added)


@dataclass(frozen=True)
class SyncResult:
    """What one pass did: new texts, texts rewritten or removed, and its duration."""

    added: int
    updated: int
    deleted: int
    seconds: float

    @property
    def total(self) -> int:
        """Every text written or removed."""
        return self.added + self.updated + self.deleted


def sync_pass(
    session: Session, index: NoteIndex, location: str, *, batch: int = BATCH
) -> SyncResult:
    """One incremental pass: new rows, then changed and deleted rows.

    Args:
        session: an open session (the caller commits the watermarks).
        index: the open note index (this process must be its only writer).
        location: the index's folder or URL (its watermark key).
        batch: rows read per query.

    Returns:
        Counts of texts added, rewritten and removed, and the time taken.
    """
    from assistant.index import Reconciled

    started = time.perf_counter()
    key = index_key(location)
    change = _watermark(session, key, "change")
    version = _watermark(session, key, "version")
    if index.count() == 0:
        # A new index, or its folder was removed: build it from the beginning.
        # Changes logged before now are already in what the rows say.
        change.last_id, change.pending = _max_change_id(session), None
        _save(session, change)
        added = _add_new_rows(session, index, key, batch, restart=True)
        version.last_id = INDEX_VERSION
        _save(session, version)
        done = Reconciled(added=added)
    elif version.last_id < INDEX_VERSION:
        done = reconcile_all(session, index, location)
    else:
        added = _add_new_rows(session, index, key, batch, restart=False)
        done = _apply_changes(session, index, change, batch) + Reconciled(added=added)
    return SyncResult(done.added, done.updated, done.deleted, time.perf_counter() - started)


def sync_index(session: Session, index: NoteIndex, location: str, *, batch: int = BATCH) -> int:
    """Index what arrived, and reconcile what changed, since the last pass.

    Returns:
        How many texts were added, rewritten or removed.
    """
    return sync_pass(session, index, location, batch=batch).total
