"""The retrieval assistant (Trợ lý): indexing, retrieval and answer composition.

Only this package imports chromadb and langchain; it never imports reflex.
"""
