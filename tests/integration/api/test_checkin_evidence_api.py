"""Evidence required over HTTP: the check-in API the offline queue sends to, and forms.

A check-in queued offline without a photo for such a key result comes back
422 with the Vietnamese refusal (the phone keeps it); the same client id sent
again with a photo is stored once, and a retry is still "already stored".
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import func, select

from woms_pwa.api import create_api
from woms_pwa.context import settings
from woms_pwa.core.db import session_scope
from woms_pwa.core.exchange.importer import import_dataset
from woms_pwa.core.forms.catalogue import list_forms
from woms_pwa.core.models import CheckIn
from woms_pwa.core.services.auth import create_account, sign_in

PNG = (Path(__file__).resolve().parents[3] / "assets" / "icon-48.png").read_bytes()
REFUSAL = "Mục tiêu “Kết nạp đảng viên mới” yêu cầu minh chứng; vui lòng đính kèm ảnh hoặc tệp."


@pytest.fixture
def client(
    db_url: str, small_dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    monkeypatch.setenv("WOMS_DB_URL", db_url)
    monkeypatch.setenv("WOMS_UPLOADS_DIR", str(tmp_path / "uploads"))
    settings.cache_clear()
    with session_scope(db_url) as session:
        import_dataset(session, small_dataset)
        list_forms(session)
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


def _stored(db_url: str, client_id: str) -> int:
    with session_scope(db_url) as session:
        return int(
            session.execute(
                select(func.count()).select_from(CheckIn).where(CheckIn.client_id == client_id)
            ).scalar_one()
        )


def _queued(client_id: str) -> dict[str, object]:
    """A check-in as the offline queue sends it (store.js: sendOne)."""
    return {
        "kr_code": "TP-2025-DV2.1",
        "value": "9",
        "note": "Kết nạp thêm 2 đảng viên.",
        "client_id": client_id,
        "date": "2025-09-30",
        "plan_version": 1,
        "evidence": None,
    }


def test_my_plan_says_which_key_results_require_evidence(client: TestClient) -> None:
    plan = client.get("/api/me/plan").json()
    flags = {kr["code"]: kr["evidence_required"] for p in plan["plans"] for kr in p["key_results"]}
    assert flags["TP-2025-DV2.1"] is True and flags["TP-2025-CC1.1"] is False


def test_queued_checkin_without_evidence_is_refused_then_sent_with_a_photo(
    client: TestClient, db_url: str
) -> None:
    body = _queued("pwa-evidence-0001")
    refused = client.post("/api/checkins", json=body)
    assert refused.status_code == 422 and refused.json()["detail"] == REFUSAL
    assert _stored(db_url, "pwa-evidence-0001") == 0
    # The phone kept the item; the user attaches a photo and it goes again.
    key = client.post("/api/evidence", files={"file": ("anh.png", PNG, "image/png")}).json()["key"]
    sent = client.post("/api/checkins", json={**body, "evidence": key})
    assert sent.status_code == 201 and sent.json()["created"] is True
    retry = client.post("/api/checkins", json={**body, "evidence": key})
    assert retry.status_code == 200 and retry.json()["created"] is False
    assert _stored(db_url, "pwa-evidence-0001") == 1


def test_stored_checkin_resent_without_its_photo_is_still_the_duplicate(
    client: TestClient, db_url: str
) -> None:
    key = client.post("/api/evidence", files={"file": ("anh.png", PNG, "image/png")}).json()["key"]
    body = _queued("pwa-evidence-0002")
    assert client.post("/api/checkins", json={**body, "evidence": key}).status_code == 201
    again = client.post("/api/checkins", json=body)
    assert again.status_code == 200 and again.json()["created"] is False
    assert _stored(db_url, "pwa-evidence-0002") == 1


def test_key_result_without_the_flag_needs_no_photo(client: TestClient) -> None:
    body = {**_queued("pwa-evidence-0003"), "kr_code": "TP-2025-CC1.1", "value": "97"}
    assert client.post("/api/checkins", json=body).status_code == 201


def test_guided_form_api_names_the_key_result(client: TestClient, db_url: str) -> None:
    version = client.get("/api/forms/cap_nhat_thang").json()["version"]
    body = {
        "version": version,
        "answers": {"value": "9", "confidence": "on_track"},
        "client_id": "form-evidence-0001",
        "context_key": "TP-2025-DV2.1",
    }
    refused = client.post("/api/forms/cap_nhat_thang/submissions", json=body)
    assert refused.status_code == 422
    assert refused.json()["detail"]["errors"] == [{"key": "evidence", "message": REFUSAL}]
    assert _stored(db_url, "form-evidence-0001") == 0
    upload = client.post(
        "/api/forms/cap_nhat_thang/evidence",
        data={"field_key": "evidence"},
        files={"file": ("anh.png", PNG, "image/png")},
    )
    assert upload.status_code == 201, upload.text
    body["answers"] = {**body["answers"], "evidence": upload.json()["key"]}  # type: ignore[dict-item]
    sent = client.post("/api/forms/cap_nhat_thang/submissions", json=body)
    assert sent.status_code == 201 and sent.json()["checkin_id"] is not None
    assert _stored(db_url, "form-evidence-0001") == 1
