"""The check-in API: bearer token, stored once per client id, Vietnamese errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from woms_pwa.api import create_api
from woms_pwa.context import settings
from woms_pwa.core.db import session_scope
from woms_pwa.core.exchange.importer import import_dataset
from woms_pwa.core.services.auth import create_account, sign_in


@pytest.fixture
def client(db_url: str, small_dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WOMS_DB_URL", db_url)
    monkeypatch.setenv("WOMS_UPLOADS_DIR", str(tmp_path / "uploads"))
    settings.cache_clear()
    with session_scope(db_url) as session:
        import_dataset(session, small_dataset)
        create_account(
            session,
            username="canbo.tanphong",
            password="Woms@2025",
            role="cadre",
            person_code="CB.TANPHONG.02",
        )
        token = sign_in(session, settings(), "canbo.tanphong", "Woms@2025").token
    with TestClient(create_api()) as test_client:
        test_client.headers["Authorization"] = f"Bearer {token}"
        yield test_client
    settings.cache_clear()


def test_post_twice_is_stored_once(client: TestClient) -> None:
    # TP-2025-DV1.1 requires evidence: the photo of the meeting goes first.
    photo = (Path(__file__).resolve().parents[3] / "assets" / "icon-48.png").read_bytes()
    upload = client.post("/api/evidence", files={"file": ("hoi-nghi.png", photo, "image/png")})
    assert upload.status_code == 201
    body = {
        "kr_code": "TP-2025-DV1.1",
        "value": "5",
        "note": "Hội nghị quý III",
        "client_id": "offline-000001",
        "date": "2025-09-30",
        "evidence": upload.json()["key"],
    }
    first = client.post("/api/checkins", json=body)
    again = client.post("/api/checkins", json=body)
    assert first.status_code == 201 and first.json()["created"] is True
    assert again.status_code == 200 and again.json()["created"] is False
    assert first.json()["id"] == again.json()["id"]


def test_errors_are_vietnamese(client: TestClient) -> None:
    bad = client.post(
        "/api/checkins",
        json={
            "kr_code": "TP-2025-DV1.1",
            "value": "năm",
            "client_id": "offline-000002",
            "date": "2025-09-30",
        },
    )
    assert bad.status_code == 422 and "phải là một số" in bad.json()["detail"]
    other = client.post(
        "/api/checkins",
        json={
            "kr_code": "AT-2025-NS1.1",
            "value": "50",
            "client_id": "offline-000003",
            "date": "2025-09-30",
        },
    )
    assert other.status_code == 403 and "không có quyền" in other.json()["detail"]
    client.headers["Authorization"] = "Bearer sai"
    assert (
        client.post(
            "/api/checkins", json={"kr_code": "x", "value": 1, "client_id": "offline-000004"}
        ).status_code
        == 401
    )


def test_health(client: TestClient) -> None:
    assert client.get("/api/health").json() == {"status": "ok"}
