"""Fixtures for the assistant: settings with an index folder per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from woms_pwa.core.settings import Settings


@pytest.fixture
def assistant_settings(loaded: str, tmp_path: Path) -> Settings:
    """Settings on the small dataset with a fresh embedded index folder."""
    return Settings(db_url=loaded, chroma_path=str(tmp_path / "chroma"))
