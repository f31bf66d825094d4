"""The note index: an embedded Chroma folder or a Chroma server, with BM25 statistics.

``chromadb`` takes seconds to import, so it is imported when an index is
opened, never when this module is imported.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.sources import Source
from assistant.weighting import DEFAULT_DIM, DocumentFrequencies, encode_documents

COLLECTION = "woms_notes"
# Chroma refuses batches above 5,461 records.
BATCH = 5000
HNSW = {
    "space": "ip",
    "ef_construction": 50,
    "max_neighbors": 12,
    "ef_search": 100,
    "batch_size": 5000,
    "sync_threshold": 50000,
}


def where_clause(
    **equals: str | int | Sequence[str] | Sequence[int] | None,
) -> dict[str, Any] | None:
    """Build a Chroma ``where`` filter: scalars match exactly, sequences with ``$in``.

    ``None`` values are skipped; returns ``None`` when nothing is left.
    """
    parts: list[dict[str, Any]] = []
    for key, value in equals.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            parts.append({key: {"$in": list(value)}})
        else:
            parts.append({key: value})
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else {"$and": parts}


@dataclass(frozen=True)
class Reconciled:
    """What one reconciliation wrote: texts added, re-written and removed."""

    added: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def total(self) -> int:
        """Every text written or removed."""
        return self.added + self.updated + self.deleted

    def __add__(self, other: Reconciled) -> Reconciled:
        """Sum of two reconciliations."""
        return Reconciled(
            self.added + other.added, self.updated + other.updated, self.deleted + other.deleted
        )


def _records(found: Any) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(id, document, metadata) of a Chroma ``get``; records without a document are
    skipped: a process whose graph predates a delete may still return the id."""
    ids = found.get("ids") or []
    docs = found.get("documents") or [None] * len(ids)
    metas = found.get("metadatas") or [None] * len(ids)
    for i, d, m in zip(ids, docs, metas, strict=False):
        if d is not None and m is not None:
            yield i, d, dict(m)


class NoteIndex:
    """Indexed sources in one Chroma collection, plus hashed document frequencies."""

    def __init__(self, client: Any, dim: int = DEFAULT_DIM, name: str = COLLECTION) -> None:
        """Wrap an open Chroma client (use :func:`open_index`)."""
        from assistant.chroma_ef import HashedBM25Embedding

        self.client = client
        self.embedding = HashedBM25Embedding(dim)
        self.collection = client.get_or_create_collection(
            name,
            embedding_function=self.embedding,
            # Lighter graph than the default: the vector search only proposes
            # candidates inside one unit, which are then re-ranked exactly;
            # this nearly doubles indexing speed.
            configuration={"hnsw": HNSW},
        )
        self.stats = client.get_or_create_collection(f"{name}_stats", embedding_function=None)
        self.frequencies = self._load_frequencies(dim)

    def _load_frequencies(self, dim: int) -> DocumentFrequencies:
        found = self.stats.get(ids=["df"], include=["documents"])
        documents = found.get("documents") or []
        if documents and documents[0]:
            return DocumentFrequencies.from_json(json.loads(documents[0]))
        return DocumentFrequencies(dim=dim)

    def reload(self) -> None:
        """Re-read the statistics (another process may have indexed since)."""
        self.frequencies = self._load_frequencies(self.embedding.dim)

    def count(self) -> int:
        """Number of indexed sources."""
        return int(self.collection.count())

    def add(self, sources: Sequence[Source]) -> int:
        """Add (or replace) sources, in batches Chroma accepts; update the statistics.

        Returns:
            How many sources were written.
        """
        written = 0
        for start in range(0, len(sources), BATCH):
            chunk = [s for s in sources[start : start + BATCH] if s.text.strip()]
            if chunk:
                # Texts already indexed (a re-read overlap, a re-run) are skipped, so the
                # statistics count each text once.
                known = set(self.collection.get(ids=[s.id for s in chunk], include=[])["ids"])
                chunk = [s for s in chunk if s.id not in known]
            if not chunk:
                continue
            texts = [s.text for s in chunk]
            vectors, buckets = encode_documents(texts, self.embedding.dim)
            # ``add`` is faster than ``upsert``; ids were checked above.
            self.collection.add(
                ids=[s.id for s in chunk],
                documents=texts,
                metadatas=[s.metadata() for s in chunk],  # type: ignore[misc]
                embeddings=vectors,
            )
            self.frequencies.add_buckets(buckets)
            written += len(chunk)
        if written:
            self._save_frequencies()
        return written

    def _save_frequencies(self) -> None:
        self.stats.upsert(
            ids=["df"],
            documents=[json.dumps(self.frequencies.to_json())],
            embeddings=[[0.0]],
        )

    def fetch(self, ids: Collection[str]) -> dict[str, Source]:
        """The indexed sources among ``ids`` (absent ids are left out)."""
        out: dict[str, Source] = {}
        wanted = list(ids)
        for start in range(0, len(wanted), BATCH):
            found = self.collection.get(
                ids=wanted[start : start + BATCH], include=["documents", "metadatas"]
            )
            for i, d, m in _records(found):
                out[i] = Source.from_record(i, d, m)
        return out

    def reconcile(self, fresh: Sequence[Source], candidates: Collection[str]) -> Reconciled:
        """Make the index hold exactly ``fresh`` among the ``candidates`` ids.

        A candidate missing from ``fresh`` is deleted (its row was deleted, or its
        text emptied); a fresh source whose text or metadata differ from the
        indexed one is re-embedded and re-counted; unchanged ones cost one read.

        Args:
            fresh: the sources as the database gives them now.
            candidates: every id that may be indexed for the rows looked at
                (the ids of ``fresh`` are added to it).

        Returns:
            Counts of added, updated and deleted texts.
        """
        wanted = {s.id: s for s in fresh if s.text.strip()}
        ids = set(candidates) | set(wanted)
        if not ids:
            return Reconciled()
        stored = self.fetch(ids)
        gone = [i for i in stored if i not in wanted]
        added = [s for i, s in wanted.items() if i not in stored]
        changed = [
            s
            for i, s in wanted.items()
            if i in stored and (stored[i].text != s.text or stored[i].metadata() != s.metadata())
        ]
        old = [stored[i].text for i in gone] + [stored[s.id].text for s in changed]
        if old:
            _, buckets = encode_documents(old, self.embedding.dim)
            self.frequencies.remove_buckets(buckets)
        for start in range(0, len(gone), BATCH):
            self.collection.delete(ids=gone[start : start + BATCH])
        writes = added + changed
        for start in range(0, len(writes), BATCH):
            chunk = writes[start : start + BATCH]
            texts = [s.text for s in chunk]
            vectors, buckets = encode_documents(texts, self.embedding.dim)
            self.collection.upsert(
                ids=[s.id for s in chunk],
                documents=texts,
                metadatas=[s.metadata() for s in chunk],  # type: ignore[misc]
                embeddings=vectors,
            )
            self.frequencies.add_buckets(buckets)
        if old or writes:
            self._save_frequencies()
        return Reconciled(len(added), len(changed), len(gone))

    def ids(self, page: int = BATCH) -> Iterator[list[str]]:
        """Every indexed id, a page at a time (for a full reconciliation)."""
        offset = 0
        while True:
            found = self.collection.get(include=[], limit=page, offset=offset)
            chunk = list(found["ids"])
            if not chunk:
                return
            yield chunk
            offset += len(chunk)

    def get(self, where: dict[str, Any] | None, limit: int = 200) -> list[Source]:
        """Sources matching a metadata filter (no ranking)."""
        found = self.collection.get(where=where, limit=limit, include=["documents", "metadatas"])
        return [Source.from_record(i, d, m) for i, d, m in _records(found)]

    def search(self, question: str, where: dict[str, Any] | None, n: int = 30) -> list[Source]:
        """Nearest sources to the question (hashed BM25 inner product) under a filter."""
        if self.count() == 0:
            return []
        found = self.collection.query(
            query_embeddings=[self.frequencies.query_vector(question)],
            where=where,
            n_results=n,
            include=["documents", "metadatas"],
        )
        first = {
            "ids": found["ids"][0] if found["ids"] else [],
            "documents": (found.get("documents") or [[]])[0],
            "metadatas": (found.get("metadatas") or [[]])[0],
        }
        return [Source.from_record(i, d, m) for i, d, m in _records(first)]


class EmptyIndex(NoteIndex):
    """An index with nothing in it: answers from facts alone when the store fails."""

    def __init__(self, dim: int = DEFAULT_DIM) -> None:
        """Empty statistics; no Chroma client (the store is what failed)."""
        self.frequencies = DocumentFrequencies(dim=dim)

    def reload(self) -> None:
        """Nothing to re-read."""

    def count(self) -> int:
        """Always empty."""
        return 0

    def get(self, where: dict[str, Any] | None, limit: int = 200) -> list[Source]:
        """No sources."""
        return []

    def search(self, question: str, where: dict[str, Any] | None, n: int = 30) -> list[Source]:
        """No sources."""
        return []


def forget_folder(path: str) -> None:
    """Drop this process's cached Chroma system of ``path``, so the next open re-reads it.

    Chroma shares one system per folder within a process and keeps the vector
    graph it loaded; after another process wrote, only a new system sees it.
    The old system is not stopped: a question running on it finishes.
    """
    from chromadb.api.client import SharedSystemClient

    # Private registry of chromadb 1.x; the only way to reopen one folder alone.
    for key in [k for k in SharedSystemClient._identifier_to_system if k == path]:
        SharedSystemClient._identifier_to_system.pop(key, None)
        SharedSystemClient._identifier_to_refcount.pop(key, None)


def open_index(
    path: str = "",
    url: str = "",
    dim: int = DEFAULT_DIM,
    name: str = COLLECTION,
    *,
    reopen: bool = False,
) -> NoteIndex:
    """Open the index: a Chroma server when ``url`` is set, else an embedded folder.

    Args:
        path: folder of the embedded index (created when missing).
        url: ``http://host:port`` of a Chroma server; wins over ``path``.
        dim: hash buckets of the embedding.
        name: collection name (one per database when several share a server).
        reopen: re-read the folder from disk (another process wrote to it).

    Returns:
        The open index.
    """
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if url:
        from urllib.parse import urlparse

        parts = urlparse(url)
        client = chromadb.HttpClient(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 8000,
            ssl=parts.scheme == "https",
            settings=chroma_settings,
        )
    else:
        if not path:
            raise ValueError("Cần đường dẫn thư mục chỉ mục hoặc địa chỉ máy chủ Chroma.")
        if reopen:
            forget_folder(path)
        client = chromadb.PersistentClient(path=path, settings=chroma_settings)
    return NoteIndex(client, dim, name)
