"""The bridge between the database and the retrieval assistant (Trợ lý).

Builds the catalogue and the facts for the asking user's scope, keeps the
index in step with new data (incremental, by watermark) and asks the
``assistant`` package to answer. Every source is checked against the user's
scope before it can be quoted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
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
from woms_pwa.core.assistant_index.sync import sync_index
from woms_pwa.core.permissions import Actor, Scope, scope_for
from woms_pwa.core.settings import Settings

if TYPE_CHECKING:
    from assistant.catalogue import Catalogue
    from assistant.index import NoteIndex
    from assistant.sources import Source
    from assistant.wording import Answer

MAX_QUESTION_LENGTH = 500
CATALOGUE_SECONDS = 60.0
_LOCK = threading.Lock()
# One sync at a time per process; a question never waits for a long sync
# (the first indexing of a big database): it answers from what is indexed.
_SYNC_LOCK = threading.Lock()
_INDEXES: dict[str, NoteIndex] = {}
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


def open_note_index(location: IndexLocation) -> NoteIndex:
    """Open (once per process) the index at ``location``."""
    from assistant.index import open_index

    with _LOCK:
        found = _INDEXES.get(location.key)
        if found is None:
            found = open_index(path=location.path, url=location.url, name=location.collection)
            _INDEXES[location.key] = found
        return found


def sync(session: Session, settings: Settings) -> int:
    """Index what arrived since the last sync; returns how many texts were added."""
    location = index_location(settings)
    index = open_note_index(location)
    with _SYNC_LOCK:
        return sync_index(session, index, location.key)


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


def _catalogue(session: Session, actor: Actor, scope: Scope, db_url: str) -> Catalogue:
    key = (db_url, actor.user_id, actor.username, actor.role, actor.unit_id, actor.person_id)
    now = time.monotonic()
    found = _CATALOGUES.get(key)
    if found is None or now - found[0] > CATALOGUE_SECONDS:
        found = (now, build_catalogue(session, scope))
        _CATALOGUES[key] = found
    return found[1]


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
    index = open_note_index(location)
    if refresh and _SYNC_LOCK.acquire(blocking=False):
        try:
            sync_index(session, index, location.key)
        finally:
            _SYNC_LOCK.release()
    else:
        index.reload()
    scope = scope_for(session, actor)
    catalogue = _catalogue(session, actor, scope, settings.db_url)
    parsed = parse_question(question, catalogue, today)
    composer = Composer(
        index,
        catalogue,
        lambda codes, until: compute_facts(session, scope, codes, until),
        allowed_by(scope),
        link_for,
    )
    answer = composer.answer(parsed)
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
