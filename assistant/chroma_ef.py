"""The embedding function registered with chromadb (imported lazily: chromadb is slow).

Chroma's default embedding function downloads a model on first use, which
cannot work offline; this one hashes BM25-weighted terms and needs nothing.
"""

from __future__ import annotations

from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

from assistant.weighting import DEFAULT_DIM, document_vector


@register_embedding_function
class HashedBM25Embedding(EmbeddingFunction[Documents]):
    """Hashed BM25 document weights (inner-product space)."""

    def __init__(self, dim: int = DEFAULT_DIM) -> None:
        """Create the function with ``dim`` hash buckets."""
        self.dim = dim

    def __call__(self, input: Documents) -> Embeddings:
        """Embed documents."""
        import numpy as np

        return [np.asarray(document_vector(text, self.dim), dtype=np.float32) for text in input]

    @staticmethod
    def name() -> str:
        """Registry name persisted with the collection."""
        return "woms-hashed-bm25"

    def default_space(self) -> Space:
        """Inner product: the query carries IDF weights, documents BM25 weights."""
        return "ip"

    def supported_spaces(self) -> list[Space]:
        """Only inner product gives BM25 scores."""
        return ["ip"]

    def get_config(self) -> dict[str, Any]:
        """Config persisted with the collection."""
        return {"dim": self.dim}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> HashedBM25Embedding:
        """Rebuild from the persisted config."""
        return HashedBM25Embedding(int(config.get("dim", DEFAULT_DIM)))
