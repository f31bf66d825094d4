"""The retrieval assistant (Trợ lý): indexing, retrieval and answer composition.

Only this package imports chromadb and langchain (lazily: both are slow to
import); it never imports reflex or the app.

- ``text``: accent folding, abbreviations, index terms (syllables + bigrams).
- ``weighting``: hashed BM25 weights shared by the vectors and the re-ranker.
- ``chroma_ef``: the embedding function registered with chromadb (offline).
- ``index``: embedded Chroma folder or Chroma server, plus document frequencies;
  reconciliation (re-embed changed texts, delete removed ones).
- ``locking``: one writer at a time for an embedded folder shared by processes.
- ``catalogue``/``question``: what may be named, and parsing a question against it.
- ``retrieval``: causes and conclusions of exactly one unit, re-ranked.
- ``answer``/``phrases``: composed Vietnamese answers with numbered citations.
- ``llm``: optional phrasing by an OpenAI-compatible model, citations kept.
- ``evaluate``: the evaluation set's judge (run with ``woms ask --eval``).
"""
