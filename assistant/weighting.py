"""BM25-style term weighting shared by the embedding function and the re-ranker.

Documents become hashed vectors of saturated, length-normalised term
frequencies; a question becomes a hashed vector of inverse document
frequencies. Their inner product is the BM25 score up to hash collisions, so
a vector search already prefers notes sharing the rare words of the question
(not the short notes that raw hashed vectors favour).
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.text import terms

K1 = 1.2
B = 0.75
AVERAGE_LENGTH = 60.0
DEFAULT_DIM = 384


def bucket(term: str, dim: int) -> int:
    """Stable hash bucket of a term (CRC-32: identical across processes and runs)."""
    return zlib.crc32(term.encode("utf-8")) % dim


def saturate(tf: float, length: int) -> float:
    """BM25 saturated term frequency for a document of ``length`` terms."""
    norm = K1 * (1.0 - B + B * length / AVERAGE_LENGTH)
    return tf * (K1 + 1.0) / (tf + norm)


def encode_documents(
    texts: Sequence[str], dim: int = DEFAULT_DIM
) -> tuple[np.ndarray, list[list[int]]]:
    """Hashed BM25 document vectors of many texts, and each text's distinct buckets.

    One pass over the terms serves both the vectors and the document
    frequencies (indexing speed matters at a million notes).

    Returns:
        (matrix ``len(texts) × dim`` float32, buckets per text).
    """
    matrix = np.zeros((len(texts), dim), dtype=np.float32)
    buckets: list[list[int]] = []
    crc = zlib.crc32
    for row, text in enumerate(texts):
        found = terms(text)
        length = len(found)
        norm = K1 * (1.0 - B + B * length / AVERAGE_LENGTH)
        weights: dict[int, float] = {}
        for term, tf in Counter(found).items():
            b = crc(term.encode("utf-8")) % dim
            weights[b] = weights.get(b, 0.0) + tf * (K1 + 1.0) / (tf + norm)
        if weights:
            keys = list(weights)
            matrix[row, keys] = list(weights.values())
            buckets.append(keys)
        else:
            buckets.append([])
    return matrix, buckets


def document_vector(text: str, dim: int = DEFAULT_DIM) -> list[float]:
    """Hashed BM25 document-side weights of ``text``."""
    found = terms(text)
    vector = np.zeros(dim, dtype=np.float32)
    for term, tf in Counter(found).items():
        vector[bucket(term, dim)] += saturate(tf, len(found))
    return vector.tolist()


@dataclass
class DocumentFrequencies:
    """Hashed document frequencies: how many indexed notes contain each bucket.

    Attributes:
        dim: number of buckets.
        counts: notes per bucket.
        total: notes counted.
    """

    dim: int = DEFAULT_DIM
    counts: np.ndarray = field(default_factory=lambda: np.zeros(DEFAULT_DIM, dtype=np.int64))
    total: int = 0

    def add(self, texts: Iterable[str]) -> None:
        """Count the buckets of new notes."""
        for text in texts:
            seen = {bucket(t, self.dim) for t in terms(text)}
            if seen:
                self.counts[list(seen)] += 1
            self.total += 1

    def add_buckets(self, buckets: Sequence[Sequence[int]]) -> None:
        """Count notes already reduced to their distinct buckets (see ``encode_documents``)."""
        for keys in buckets:
            if keys:
                self.counts[list(keys)] += 1
            self.total += 1

    def remove_buckets(self, buckets: Sequence[Sequence[int]]) -> None:
        """Stop counting notes (deleted, or about to be re-counted with a new text)."""
        for keys in buckets:
            if keys:
                self.counts[list(keys)] -= 1
            self.total -= 1
        # Never below zero, whatever an old index counted.
        np.maximum(self.counts, 0, out=self.counts)
        self.total = max(0, self.total)

    def idf(self, term: str) -> float:
        """BM25 inverse document frequency of ``term`` (always positive)."""
        n = float(self.counts[bucket(term, self.dim)])
        return math.log(1.0 + (self.total - n + 0.5) / (n + 0.5))

    def query_vector(self, question: str) -> list[float]:
        """Hashed IDF vector of the question's terms (abbreviations expanded)."""
        vector = np.zeros(self.dim, dtype=np.float32)
        for term in set(terms(question, expand=True)):
            vector[bucket(term, self.dim)] = self.idf(term)
        return vector.tolist()

    def to_json(self) -> dict[str, object]:
        """Serialisable form (sparse)."""
        nz = np.nonzero(self.counts)[0]
        return {
            "dim": self.dim,
            "total": self.total,
            "counts": {str(i): int(self.counts[i]) for i in nz},
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> DocumentFrequencies:
        """Rebuild from :meth:`to_json`."""
        dim = int(data.get("dim", DEFAULT_DIM))  # type: ignore[call-overload]
        counts = np.zeros(dim, dtype=np.int64)
        for key, value in dict(data.get("counts", {})).items():  # type: ignore[call-overload]
            counts[int(key)] = int(value)
        return cls(dim=dim, counts=counts, total=int(data.get("total", 0)))  # type: ignore[call-overload]


def bm25_scores(
    question: str, documents: Sequence[str], frequencies: DocumentFrequencies
) -> list[float]:
    """Exact-term BM25 score of each document for the question.

    Unlike the vector search, terms are compared exactly (no hash collisions);
    only the IDF comes from the hashed frequencies.

    Args:
        question: the user's question (abbreviations are expanded).
        documents: candidate texts.
        frequencies: corpus statistics of the index.

    Returns:
        One score per document, same order.
    """
    query = set(terms(question, expand=True))
    weights = {t: frequencies.idf(t) for t in query}
    scores: list[float] = []
    for text in documents:
        found = terms(text)
        counts = Counter(found)
        scores.append(
            sum(w * saturate(counts[t], len(found)) for t, w in weights.items() if t in counts)
        )
    return scores
