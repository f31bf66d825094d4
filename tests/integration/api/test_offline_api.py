"""The offline-queue API: own plan as JSON, evidence upload, plan-version holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from woms_pwa.api import create_api
from woms_pwa.context import settings
from woms_pwa.core.db import session_scope
from woms_pwa.core.exchange.importer import import_dataset
from woms_pwa.core.forms.models import EvidenceFile
from woms_pwa.core.models import CheckIn, KeyResult, Plan, Task
from woms_pwa.core.services.auth import create_account, sign_in

PNG = (Path(__file__).resolve().parents[3] / "assets" / "icon-48.png").read_bytes()


@pytest.fixture
def client(
    db_url: str, small_dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    monkeypatch.setenv("WOMS_DB_URL", db_url)
    monkeypatch.setenv("WOMS_UPLOADS_DIR", str(tmp_path / "uploads"))
    settings.cache_clear()
    with session_scope(db_url) as session:
        import_dataset(session, small_dataset)
        for username, person in (
            ("canbo.tanphong", "CB.TANPHONG.02"),
            ("canbo.antao", "CB.ANTAO.02"),
        ):
            create_account(
                session, username=username, password="Woms@2025", role="cadre", person_code=person
            )
        token = sign_in(session, settings(), "canbo.tanphong", "Woms@2025").token
    with TestClient(create_api()) as test_client:
        test_client.headers["Authorization"] = f"Bearer {token}"
        yield test_client
    settings.cache_clear()


def _amend(db_url: str, kr_code: str) -> int:
    """Retire a key result and bump its plan's version, as an amendment would."""
    with session_scope(db_url) as session:
        kr = session.execute(select(KeyResult).where(KeyResult.code == kr_code)).scalar_one()
        kr.status = "retired"
        task = session.get(Task, kr.task_id)
        assert task is not None
        plan = session.get(Plan, task.plan_id)
        assert plan is not None
        plan.version += 1
        session.add_all([kr, plan])
        return plan.version


def test_my_plan_lists_only_own_writable_plans(client: TestClient) -> None:
    response = client.get("/api/me/plan")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    owners = {p["owner_code"] for p in body["plans"]}
    assert owners == {"HY.X.TANPHONG", "CB.TANPHONG.02"}
    assert body["username"] == "canbo.tanphong"
    unit_plan = next(p for p in body["plans"] if p["owner_code"] == "HY.X.TANPHONG")
    codes = [kr["code"] for kr in unit_plan["key_results"]]
    assert "TP-2025-DV2.1" in codes and "AT-2025-NS1.1" not in codes
    assert unit_plan["version"] >= 1 and unit_plan["period"] == "2025"
    kr = next(k for k in unit_plan["key_results"] if k["code"] == "TP-2025-DV2.1")
    assert kr["status"] == "active" and kr["unit"] == "người" and kr["target_vi"] == "12"


def test_my_plan_needs_a_session(client: TestClient) -> None:
    client.headers["Authorization"] = "Bearer het-han"
    response = client.get("/api/me/plan")
    assert response.status_code == 401 and "đăng nhập lại" in response.json()["detail"]


def test_evidence_is_sniffed_and_stored_once(client: TestClient, db_url: str) -> None:
    first = client.post("/api/evidence", files={"file": ("anh.jpg", PNG, "image/jpeg")})
    again = client.post("/api/evidence", files={"file": ("khac.jpg", PNG, "image/jpeg")})
    assert first.status_code == 201 and again.status_code == 201
    # The declared type (jpeg) is ignored: the content says PNG.
    assert first.json()["mime"] == "image/png"
    assert first.json()["key"] == again.json()["key"]
    with session_scope(db_url) as session:
        rows = session.execute(select(EvidenceFile)).scalars().all()
        assert len(rows) == 1 and rows[0].uploaded_by_user_id is not None


def test_evidence_refuses_other_files_in_vietnamese(client: TestClient) -> None:
    script = client.post(
        "/api/evidence", files={"file": ("anh.jpg", b"<script>x</script>", "image/jpeg")}
    )
    assert script.status_code == 422 and "anh.jpg" in script.json()["detail"]
    empty = client.post("/api/evidence", files={"file": ("anh.jpg", b"", "image/jpeg")})
    assert empty.status_code == 422 and "rỗng" in empty.json()["detail"]


def test_checkin_with_evidence_keeps_the_key(client: TestClient, db_url: str) -> None:
    key = client.post("/api/evidence", files={"file": ("a.png", PNG, "image/png")}).json()["key"]
    body = {
        "kr_code": "TP-2025-DV2.1",
        "value": "3",
        "client_id": "offline-ev-0001",
        "date": "2025-09-30",
        "plan_version": 1,
        "evidence": key,
    }
    assert client.post("/api/checkins", json=body).status_code == 201
    with session_scope(db_url) as session:
        stored = session.execute(
            select(CheckIn).where(CheckIn.client_id == "offline-ev-0001")
        ).scalar_one()
        assert stored.evidence == key


def test_checkin_refuses_evidence_of_someone_else(client: TestClient, db_url: str) -> None:
    key = client.post("/api/evidence", files={"file": ("a.png", PNG, "image/png")}).json()["key"]
    with session_scope(db_url) as session:
        other = sign_in(session, settings(), "canbo.antao", "Woms@2025").token
    client.headers["Authorization"] = f"Bearer {other}"
    body = {
        "kr_code": "AT-2025-NS1.1",
        "value": "3",
        "client_id": "offline-ev-0002",
        "date": "2025-09-30",
        "evidence": key,
    }
    response = client.post("/api/checkins", json=body)
    assert response.status_code == 422 and "minh chứng" in response.json()["detail"]
    unknown = client.post("/api/checkins", json={**body, "evidence": "f" * 64})
    assert unknown.status_code == 422


def test_retired_key_result_is_held_with_409(client: TestClient, db_url: str) -> None:
    version = _amend(db_url, "TP-2025-DV2.1")
    # Both key results require evidence: the queued photo was uploaded first.
    key = client.post("/api/evidence", files={"file": ("a.png", PNG, "image/png")}).json()["key"]
    body = {
        "kr_code": "TP-2025-DV2.1",
        "value": "4",
        "client_id": "offline-hold-01",
        "date": "2025-09-30",
        "plan_version": version - 1,
        "evidence": key,
    }
    response = client.post("/api/checkins", json=body)
    assert response.status_code == 409
    payload = response.json()
    assert payload["reason"] == "plan_amended" and payload["plan_version"] == version
    assert "chọn mục tiêu mới" in payload["detail"]
    # Re-mapped to an active key result of the amended plan: stored once.
    remapped = {**body, "kr_code": "TP-2025-DV1.1", "plan_version": version}
    assert client.post("/api/checkins", json=remapped).status_code == 201
    assert client.post("/api/checkins", json=remapped).status_code == 200
    with session_scope(db_url) as session:
        rows = (
            session.execute(select(CheckIn).where(CheckIn.client_id == "offline-hold-01"))
            .scalars()
            .all()
        )
        assert len(rows) == 1


def test_stored_checkin_retried_after_amendment_is_not_held(
    client: TestClient, db_url: str
) -> None:
    key = client.post("/api/evidence", files={"file": ("a.png", PNG, "image/png")}).json()["key"]
    body = {
        "kr_code": "TP-2025-DV2.1",
        "value": "4",
        "client_id": "offline-hold-02",
        "date": "2025-09-30",
        "plan_version": 1,
        "evidence": key,
    }
    assert client.post("/api/checkins", json=body).status_code == 201
    _amend(db_url, "TP-2025-DV2.1")
    again = client.post("/api/checkins", json=body)
    assert again.status_code == 200 and again.json()["created"] is False


def test_removed_key_result_is_held_and_unversioned_keeps_422(
    client: TestClient, db_url: str
) -> None:
    gone = client.post(
        "/api/checkins",
        json={
            "kr_code": "TP-2025-XX9.9",
            "value": 1,
            "client_id": "offline-hold-03",
            "plan_version": 1,
        },
    )
    assert gone.status_code == 409 and "không còn mục tiêu" in gone.json()["detail"]
    _amend(db_url, "TP-2025-DV1.1")
    legacy = client.post(
        "/api/checkins",
        json={
            "kr_code": "TP-2025-DV1.1",
            "value": 1,
            "client_id": "offline-hold-04",
            "date": "2025-09-30",
        },
    )
    assert legacy.status_code == 422 and "rút khỏi kế hoạch" in legacy.json()["detail"]


def test_another_communes_retired_key_result_is_forbidden_not_held(
    client: TestClient, db_url: str
) -> None:
    _amend(db_url, "AT-2025-NS1.1")
    response = client.post(
        "/api/checkins",
        json={
            "kr_code": "AT-2025-NS1.1",
            "value": 1,
            "client_id": "offline-hold-05",
            "plan_version": 1,
        },
    )
    assert response.status_code == 403
