"""POST /api/assistant/ask: bearer token, the caller's scope, Vietnamese errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from woms_pwa.api import create_api
from woms_pwa.context import settings
from woms_pwa.core.db import session_scope
from woms_pwa.core.services.auth import sign_in


@pytest.fixture
def client_of(loaded: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WOMS_DB_URL", loaded)
    monkeypatch.setenv("WOMS_CHROMA_PATH", str(tmp_path / "chroma"))
    settings.cache_clear()
    clients: list[TestClient] = []

    def make(username: str) -> TestClient:
        with session_scope(loaded) as session:
            token = sign_in(session, settings(), username, "Woms@2025").token
        client = TestClient(create_api())
        client.headers["Authorization"] = f"Bearer {token}"
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
    settings.cache_clear()


def test_leader_gets_answer_with_sources(client_of) -> None:  # type: ignore[no-untyped-def]
    reply = client_of("lanhdao.tinh").post(
        "/api/assistant/ask", json={"question": "vi sao tan phong giai ngan cham"}
    )
    assert reply.status_code == 200
    data = reply.json()
    assert data["sources"] and {s["unit_code"] for s in data["sources"]} == {"HY.X.TANPHONG"}


def test_other_commune_gets_nothing_of_tan_phong(client_of) -> None:  # type: ignore[no-untyped-def]
    reply = client_of("canbo.antao").post(
        "/api/assistant/ask", json={"question": "vi sao tan phong giai ngan cham"}
    )
    assert reply.status_code == 200
    assert all(s["unit_code"] == "HY.P.ANTAO" for s in reply.json()["sources"])


def test_empty_question_is_422_in_vietnamese(client_of) -> None:  # type: ignore[no-untyped-def]
    reply = client_of("lanhdao.tinh").post("/api/assistant/ask", json={"question": "  "})
    assert reply.status_code == 422
    assert "câu hỏi" in reply.json()["detail"]


def test_without_token_is_401() -> None:
    with TestClient(create_api()) as client:
        assert client.post("/api/assistant/ask", json={"question": "x"}).status_code == 401
