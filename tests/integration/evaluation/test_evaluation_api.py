"""GET /api/evaluation/scores: same numbers as ``woms score``, filtered by permissions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from woms_pwa.api import create_api
from woms_pwa.context import settings
from woms_pwa.core.db import session_scope
from woms_pwa.core.services.auth import sign_in

PASSWORD = "Woms@2025"


@pytest.fixture
def client(scored: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("WOMS_DB_URL", scored)
    settings.cache_clear()
    with TestClient(create_api()) as test_client:
        yield test_client
    settings.cache_clear()


def _token(url: str, username: str) -> str:
    with session_scope(url) as session:
        return sign_in(session, settings(), username, PASSWORD).token  # type: ignore[union-attr]


def test_cadre_sees_own_unit_and_self_only(client: TestClient, scored: str) -> None:
    headers = {"Authorization": f"Bearer {_token(scored, 'canbo.tanphong')}"}
    response = client.get("/api/evaluation/scores?period=2025", headers=headers)
    assert response.status_code == 200
    data = response.json()
    assert [u["code"] for u in data["units"]] == ["HY.X.TANPHONG"]
    assert data["units"][0]["total"] == pytest.approx(65.28, abs=0.01)
    assert [p["code"] for p in data["people"]] == ["CB.TANPHONG.02"]


def test_bad_period_is_422_in_vietnamese(client: TestClient, scored: str) -> None:
    headers = {"Authorization": f"Bearer {_token(scored, 'lanhdao.tinh')}"}
    response = client.get("/api/evaluation/scores?period=2025-Q9", headers=headers)
    assert response.status_code == 422
    assert "không hợp lệ" in response.json()["detail"]


def test_without_a_token_is_401(client: TestClient) -> None:
    assert client.get("/api/evaluation/scores?period=2025").status_code == 401
