"""Evidence files: content-checked, size-limited, downsized, stored once by hash; and the API."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlmodel import func, select

from woms_pwa.api import create_api
from woms_pwa.context import settings
from woms_pwa.core.db import session_scope
from woms_pwa.core.forms.catalogue import list_forms
from woms_pwa.core.forms.evidence import EvidenceError, EvidencePolicy, store_evidence
from woms_pwa.core.forms.models import EvidenceFile, FormSubmission
from woms_pwa.core.models import CheckIn, UserAccount
from woms_pwa.core.services.auth import sign_in

EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (2400, 400), (0, 0, 255, 128)).save(out, format="PNG")
    return out.getvalue()


def test_store_checks_content_size_and_downsizes(loaded: str, tmp_path: Path) -> None:
    with session_scope(loaded) as session:
        user_id = session.execute(
            select(UserAccount.id).where(UserAccount.username == "canbo.tanphong")
        ).scalar_one()
        with pytest.raises(EvidenceError, match="không phải loại được phép"):
            store_evidence(
                session,
                user_id=user_id,
                content=EXECUTABLE,
                filename="anh.jpg",
                uploads_dir=tmp_path,
            )
        with pytest.raises(EvidenceError, match="quá lớn"):
            store_evidence(
                session,
                user_id=user_id,
                content=b"%PDF-" + b"0" * 2000,
                filename="to.pdf",
                uploads_dir=tmp_path,
                policy=EvidencePolicy(max_bytes=1000),
            )
        with pytest.raises(EvidenceError, match="bị hỏng"):
            store_evidence(
                session,
                user_id=user_id,
                content=b"\xff\xd8\xff\xe0 not really a jpeg",
                filename="hong.jpg",
                uploads_dir=tmp_path,
            )
        stored = store_evidence(
            session, user_id=user_id, content=_png(), filename="so-do.png", uploads_dir=tmp_path
        )
        again = store_evidence(
            session, user_id=user_id, content=_png(), filename="so-do-2.png", uploads_dir=tmp_path
        )
        path = tmp_path / session.execute(select(EvidenceFile.path)).scalar_one()
    assert stored.key == again.key and (stored.width, stored.height) == (1600, 267)
    assert (
        stored.mime == "image/png" and hashlib.sha256(path.read_bytes()).hexdigest() == stored.key
    )
    assert not list(tmp_path.rglob("*.part"))


@pytest.fixture
def client(loaded: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WOMS_DB_URL", loaded)
    monkeypatch.setenv("WOMS_UPLOADS_DIR", str(tmp_path / "uploads"))
    settings.cache_clear()
    with session_scope(loaded) as session:
        list_forms(session)
        token = sign_in(session, settings(), "canbo.tanphong", "Woms@2025").token
    with TestClient(create_api()) as test_client:
        test_client.headers["Authorization"] = f"Bearer {token}"
        yield test_client
    settings.cache_clear()


def test_api_refuses_renamed_executable_and_forged_submission(
    client: TestClient, loaded: str
) -> None:
    bad = client.post(
        "/api/forms/cap_nhat_thang/evidence",
        data={"field_key": "evidence"},
        files={"file": ("anh.jpg", EXECUTABLE, "image/jpeg")},
    )
    assert bad.status_code == 422 and "kiểm tra nội dung tệp" in bad.json()["detail"]["message"]
    pdf = client.post(
        "/api/forms/cap_nhat_thang/evidence",
        data={"field_key": "evidence"},
        files={"file": ("bb.pdf", b"%PDF-1.4 x", "application/pdf")},
    )
    assert (
        pdf.status_code == 422 and "ảnh JPEG" in pdf.json()["detail"]["message"]
    )  # a photo field takes images only
    forged = client.post(
        "/api/forms/cap_nhat_thang/submissions",
        json={
            "version": 1,
            "client_id": "forged-api-0001",
            "context_key": "TP-2025-DV1.1",
            "answers": {"value": "-5", "confidence": "perfect"},
        },
    )
    assert forged.status_code == 422
    messages = {e["key"]: e["message"] for e in forged.json()["detail"]["errors"]}
    assert "value" not in messages  # growth rates may be negative: record_checkin decides
    assert (
        messages["confidence"]
        == "Lựa chọn của “Khả năng hoàn thành mục tiêu” không có trong danh sách."
    )
    with session_scope(loaded) as session:
        assert session.execute(select(func.count()).select_from(FormSubmission)).scalar_one() == 0
        assert session.execute(select(func.count()).select_from(CheckIn)).scalar_one() == 4


def test_api_uploads_then_submits(client: TestClient) -> None:
    out = io.BytesIO()
    Image.new("RGB", (800, 600), "white").save(out, format="JPEG")
    up = client.post(
        "/api/forms/phat_sinh/evidence",
        data={"field_key": "evidence"},
        files={"file": ("bien-ban.jpg", out.getvalue(), "image/jpeg")},
    )
    assert up.status_code == 201, up.text
    body = {
        "version": 1,
        "client_id": "api-phat-sinh-0001",
        "answers": {
            "title": "Hỗ trợ khắc phục bão số 3",
            "perspective": "service",
            "completion_pct": "100",
            "result": "Dựng lại 12 nhà bị tốc mái.",
            "evidence": up.json()["key"],
        },
    }
    first = client.post("/api/forms/phat_sinh/submissions", json=body)
    again = client.post("/api/forms/phat_sinh/submissions", json=body)
    assert (
        first.status_code == 201
        and again.status_code == 200
        and first.json()["id"] == again.json()["id"]
    )
    assert client.get("/api/forms/phat_sinh").json()["version"] == 1
