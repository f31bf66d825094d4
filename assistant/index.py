"""The note index: an embedded Chroma folder or a Chroma server, with BM25 statistics.

``chromadb`` takes seconds to import, so it is imported when an index is
opened, never when this module is imported.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
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
            self.stats.upsert(
                ids=["df"],
                documents=[json.dumps(self.frequencies.to_json())],
                embeddings=[[0.0]],
            )
        return written

    def get(self, where: dict[str, Any] | None, limit: int = 200) -> list[Source]:
        """Sources matching a metadata filter (no ranking)."""
        found = self.collection.get(where=where, limit=limit, include=["documents", "metadatas"])
        return [
            Source.from_record(i, d or "", dict(m or {}))
            for i, d, m in zip(
                found["ids"],
                found.get("documents") or [],
                found.get("metadatas") or [],
                strict=False,
            )
        ]

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
        ids = found["ids"][0] if found["ids"] else []
        docs = (found.get("documents") or [[]])[0]
        metas = (found.get("metadatas") or [[]])[0]
        return [
            Source.from_record(i, d or "", dict(m or {}))
            for i, d, m in zip(ids, docs, metas, strict=False)
        ]


def open_index(
    path: str = "", url: str = "", dim: int = DEFAULT_DIM, name: str = COLLECTION
) -> NoteIndex:
    """Open the index: a Chroma server when ``url`` is set, else an embedded folder.

    Args:
        path: folder of the embedded index (created when missing).
        url: ``http://host:port`` of a Chroma server; wins over ``path``.
        dim: hash buckets of the embedding.
        name: collection name (one per database when several share a server).

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
        client = chromadb.PersistentClient(path=path, settings=chroma_settings)
    return NoteIndex(client, dim, name)
