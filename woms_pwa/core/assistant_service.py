"""The bridge between the database and the retrieval assistant (Trợ lý).

Builds the catalogue and the facts for the asking user's scope, keeps the
index in step with the data (new rows by watermark, edited and deleted rows
by the change log) and asks the ``assistant`` package to answer. Every source
is checked against the user's scope before it can be quoted.

Several processes (Reflex workers, ``woms ask`` beside the app) may share one
embedded index folder: one of them writes at a time under an OS file lock next
to the folder, the others skip their pass; every process re-opens the folder
when another one has written since (see :mod:`assistant.locking`). A question
never waits for indexing and never fails because of the store: when the index
cannot be read, the answer gives the figures without quoting notes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlalchemy.engine import make_url
from sqlmodel import Session

from woms_pwa.core.assistant_index.facts import build_catalogue, compute_facts
from woms_pwa.core.assistant_index.sync import SyncResult, reconcile_all, sync_pass
from woms_pwa.core.permissions import Actor, Scope, scope_for
from woms_pwa.core.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Sequence

    from assistant.catalogue import Catalogue
    from assistant.index import NoteIndex
    from assistant.sources import Source
    from assistant.wording import Answer

_LOG = logging.getLogger(__name__)
MAX_QUESTION_LENGTH = 500
CATALOGUE_SECONDS = 60.0
_LOCK = threading.Lock()
# One sync at a time per process; a question never waits for a long sync
# (the first indexing of a big database): it answers from what is indexed.
_SYNC_LOCK = threading.Lock()
# Open index per location, with the generation stamp of the folder when opened
# and when it was opened.
_INDEXES: dict[str, tuple[NoteIndex, str, float]] = {}
# A reader keeps an index another process wrote to for up to this long before
# re-opening it (re-loading a big vector graph costs seconds and memory). Meanwhile
# it still never quotes a deleted or old text: documents and metadata are read
# from the folder's database at each question; only texts added meanwhile may be
# missed by the vector search. A writer always re-opens first.
READER_REOPEN_SECONDS = 60.0
# Building the catalogue reads every visible key result: cached per user for a
# minute. Safe: facts and sources are still checked against a fresh scope.
_CATALOGUES: dict[tuple[object, ...], tuple[float, Catalogue]] = {}


@dataclass(frozen=True)
class IndexLocation:
    """Where the index lives: a folder (embedded Chroma) or a server URL.

    ``collection`` names this database's collection: a Chroma server may hold
    the indexes of several databases.
    """

    path: str
    url: str
    collection: str = "woms_notes"

    @property
    def key(self) -> str:
        """The location as one string (watermark key, cache key)."""
        return f"{self.url}#{self.collection}" if self.url else self.path


def index_location(settings: Settings) -> IndexLocation:
    """The configured index location; by default a folder next to the SQLite database."""
    if settings.chroma_url:
        digest = hashlib.sha1(settings.db_url.encode("utf-8")).hexdigest()[:16]
        return IndexLocation("", settings.chroma_url, f"woms_notes_{digest}")
    if settings.chroma_path:
        return IndexLocation(settings.chroma_path, "")
    url = make_url(settings.db_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        db = Path(url.database)
        return IndexLocation(str(db.with_name(db.name + ".chroma")), "")
    # A server database has no folder of its own: use the temporary folder unless
    # WOMS_CHROMA_PATH says otherwise (production should set it). A lost folder
    # is rebuilt from the database on the next sync.
    return IndexLocation(
        str(Path(tempfile.gettempdir()) / "woms-chroma" / (url.database or "db")), ""
    )


def open_note_index(
    location: IndexLocation, *, fresh: bool = False, writing: bool = False
) -> NoteIndex:
    """Open (once per process) the index at ``location``.

    An embedded folder is opened again when another process has written to it
    since (its generation stamp changed) and either this process is about to
    write (``writing``) or the open index is older than
    :data:`READER_REOPEN_SECONDS`; or at once when ``fresh`` is set.
    """
    from assistant.index import open_index
    from assistant.locking import StoreLock

    generation = "" if location.url else StoreLock(location.path).generation()
    with _LOCK:
        found = _INDEXES.get(location.key)
        if found is not None and location.url and not fresh:
            # A server is always current; only the statistics are cached here.
            found[0].reload()
            return found[0]
        if found is not None and not fresh:
            current = found[1] == generation
            patient = not writing and time.monotonic() - found[2] < READER_REOPEN_SECONDS
            if current or patient:
                return found[0]
        index = open_index(
            path=location.path,
            url=location.url,
            name=location.collection,
            reopen=found is not None,
        )
        _INDEXES[location.key] = (index, generation, time.monotonic())
        return index


def _remember(location: IndexLocation, index: NoteIndex, generation: str) -> None:
    with _LOCK:
        _INDEXES[location.key] = (index, generation, time.monotonic())


def _run_pass(location: IndexLocation, work: Any, *, wait: bool) -> Any:
    """Run ``work(index)`` as the only writer of the index; ``None`` when another writes."""
    from assistant.locking import StoreLock

    if not _SYNC_LOCK.acquire(blocking=wait):
        return None
    try:
        if location.url:
            # The Chroma server serialises writes: no file lock.
            return work(open_note_index(location))
        lock = StoreLock(location.path)
        with lock.writing(wait=wait) as writer:
            if not writer:
                return None
            # Opened after taking the lock, so it holds every other writer's work.
            index = open_note_index(location, writing=True)
            result = work(index)
            if getattr(result, "total", 0):
                _remember(location, index, lock.bump())
            return result
    finally:
        _SYNC_LOCK.release()


def sync_once(session: Session, settings: Settings, *, wait: bool = True) -> SyncResult | None:
    """One incremental pass (new, changed and deleted rows) on the configured index.

    Args:
        session: an open session (the caller commits the watermarks).
        settings: where the index is.
        wait: wait for a pass running in this or another process; otherwise
            give up at once.

    Returns:
        What the pass did, or ``None`` when another writer held the index.
    """
    location = index_location(settings)
    result: SyncResult | None = _run_pass(
        location, lambda index: sync_pass(session, index, location.key), wait=wait
    )
    return result


def sync(session: Session, settings: Settings, *, wait: bool = True) -> int:
    """Index what arrived and reconcile what changed; returns how many texts were written.

    Args:
        session: an open session (the caller commits the watermarks).
        settings: where the index is.
        wait: wait for a pass running in this or another process (then do
            this one, usually a no-op); ``False`` skips the round and returns 0.
    """
    result = sync_once(session, settings, wait=wait)
    return result.total if result is not None else 0


def reconcile(session: Session, settings: Settings) -> SyncResult:
    """Check every indexed text against the database (``woms ask --reconcile``).

    Waits for a running pass; reads every indexed id and every source row.
    """
    location = index_location(settings)
    started = time.perf_counter()
    done = _run_pass(location, lambda index: reconcile_all(session, index, location.key), wait=True)
    assert done is not None  # waited for the lock
    return SyncResult(done.added, done.updated, done.deleted, time.perf_counter() - started)


def link_for(source: Source) -> str:
    """The app page of a source: the key result's history, else the unit's plan."""
    if source.kr_code:
        return f"/cap-nhat?kr={quote(source.kr_code)}"
    return f"/ke-hoach?owner={quote(source.unit_code)}"


def allowed_by(scope: Scope) -> Any:
    """A predicate: may this scope see (and be quoted) this source?"""

    def allowed(source: Source) -> bool:
        key = source.owner_key
        if key.startswith("P"):
            return scope.view_people is None or int(key[1:]) in scope.view_people
        return scope.can_view_unit(source.unit_id)

    return allowed


def with_people(session: Session, scope: Scope, catalogue: Catalogue) -> Catalogue:
    """The catalogue plus the people of its units, so a question may name a unit by a person.

    Only people of units the scope may see: a name never reveals another unit.
    """
    from dataclasses import replace

    from sqlalchemy import text

    from assistant.catalogue import PersonEntry

    visible = {u.code for u in catalogue.units}
    rows = session.execute(
        text(
            "SELECT p.full_name, p.code AS person_code, u.id, u.code "
            "FROM person p JOIN unit u ON u.id = p.unit_id"
        )
    )
    people = tuple(
        PersonEntry(name=str(r.full_name), unit_code=str(r.code), code=str(r.person_code))
        for r in rows
        if r.code in visible and scope.can_view_unit(r.id)
    )
    return replace(catalogue, people=people)


def _catalogue(session: Session, actor: Actor, scope: Scope, db_url: str) -> Catalogue:
    key = (db_url, actor.user_id, actor.username, actor.role, actor.unit_id, actor.person_id)
    now = time.monotonic()
    found = _CATALOGUES.get(key)
    if found is None or now - found[0] > CATALOGUE_SECONDS:
        found = (now, with_people(session, scope, build_catalogue(session, scope)))
        _CATALOGUES[key] = found
    return found[1]


def anomalies_for(session: Session, actor: Actor) -> Any:
    """A lookup of the data-quality findings ``actor`` may see (the alerts page's rows).

    Reads the latest alerts report (computed in the background; see
    :func:`woms_pwa.core.alerts.service.alerts_view`), restricted to the
    actor's scope, with the explanations units gave.
    """
    from assistant.quality import Anomaly

    def lookup(codes: Sequence[str], year: int) -> list[Anomaly]:
        from woms_pwa.core.alerts.service import alerts_view

        view = alerts_view(session, actor, period=str(year))
        if view.report is None:
            return []
        wanted = set(codes)
        out: list[Anomaly] = []
        for row in view.report.anomalies:
            if row.get("kr_code") not in wanted:
                continue
            person = row.get("owner_person_id")
            out.append(
                Anomaly(
                    kr_code=str(row["kr_code"]),
                    kr_title=str(row.get("title") or ""),
                    unit_code=str(row.get("owner_code") or ""),
                    unit_name=str(row.get("owner_name") or ""),
                    unit_id=int(row.get("owner_unit_id") or 0),
                    kind=str(row.get("kind") or ""),
                    message=str(row.get("message") or ""),
                    evidence=str(row.get("evidence") or ""),
                    owner_key=f"P{person}" if person is not None else "",
                    as_of=view.report.as_of,
                    review_note=str(row.get("review_note") or ""),
                )
            )
        return out

    return lookup


def _answer_tolerantly(location: IndexLocation, compose: Any) -> Answer:
    """Answer from the index; re-open it once on a store error; else answer without notes.

    Another process may be rewriting the folder at that moment; the figures
    come from the database and are still worth giving.
    """
    from assistant.index import EmptyIndex

    try:
        return compose(open_note_index(location))  # type: ignore[no-any-return]
    except Exception:
        _LOG.warning("assistant index unreadable, opening it again", exc_info=True)
    try:
        return compose(open_note_index(location, fresh=True))  # type: ignore[no-any-return]
    except Exception:
        _LOG.exception("assistant index unreadable; answering from the figures alone")
    return compose(EmptyIndex())  # type: ignore[no-any-return]


def ask(
    session: Session,
    actor: Actor,
    question: str,
    settings: Settings,
    *,
    today: dt.date | None = None,
    refresh: bool = True,
) -> Answer:
    """Answer a leader's question from the data the actor may see.

    Args:
        session: an open session.
        actor: the asking user (their scope bounds units, facts and sources).
        question: Vietnamese, with or without diacritics.
        settings: index location and optional language model.
        today: reference date (default year of the question).
        refresh: sync the index first (the web app syncs in the background instead).

    Returns:
        The answer with its citations.

    Raises:
        ValueError: empty or over-long question (Vietnamese message).
    """
    from assistant.answer import Composer
    from assistant.question import parse_question
    from woms_pwa.core.messages import assistant as msg

    question = " ".join(question.split())
    if not question:
        raise ValueError(msg.EMPTY_QUESTION)
    if len(question) > MAX_QUESTION_LENGTH:
        raise ValueError(msg.QUESTION_TOO_LONG.format(n=MAX_QUESTION_LENGTH))
    location = index_location(settings)
    if refresh:
        from woms_pwa.core.db import session_scope

        try:
            # Never waits: a pass running elsewhere is not this question's business.
            # Its own transaction: the question's session never holds a write lock
            # and is not spoilt when the pass fails (e.g. SQLite busy).
            with session_scope(settings.db_url) as own:
                sync_once(own, settings, wait=False)
        except Exception:
            _LOG.exception("assistant index sync before a question failed")
    scope = scope_for(session, actor)
    catalogue = _catalogue(session, actor, scope, settings.db_url)
    parsed = parse_question(question, catalogue, today)

    def compose(index: NoteIndex) -> Answer:
        composer = Composer(
            index,
            catalogue,
            lambda codes, until: compute_facts(session, scope, codes, until),
            allowed_by(scope),
            link_for,
            anomalies_for(session, actor),
        )
        return composer.answer(parsed)

    answer = _answer_tolerantly(location, compose)
    if settings.llm_base_url:
        from assistant.llm import phrase

        answer = phrase(
            question,
            answer,
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=settings.llm_api_key,
        )
    return answer
