"""Guided forms filled offline: cached definitions, queued answers stored once, versions."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlmodel import func, select

from woms_pwa.api import create_api
from woms_pwa.context import settings
from woms_pwa.core.db import session_scope
from woms_pwa.core.forms.catalogue import (
    export_definition,
    list_forms,
    publish_form,
    save_definition,
)
from woms_pwa.core.forms.models import FormDraft, FormSubmission
from woms_pwa.core.forms.submissions import list_submissions, save_draft
from woms_pwa.core.models import UserAccount
from woms_pwa.core.permissions import Actor
from woms_pwa.core.services.auth import sign_in

GOOD = {
    "title": "Hỗ trợ khắc phục hậu quả bão số 3",
    "assigned_by": "Công văn số 45/UBND-VP ngày 08/09/2025",
    "perspective": "service",
    "done_on": "2025-09-12",
    "completion_pct": "100",
    "result": "Dựng lại 12 nhà bị tốc mái, dọn 3 km đường trục xã.",
}


def _token(db_url: str, username: str) -> str:
    with session_scope(db_url) as session:
        return sign_in(session, settings(), username, "Woms@2025").token


@pytest.fixture
def client(loaded: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("WOMS_DB_URL", loaded)
    monkeypatch.setenv("WOMS_UPLOADS_DIR", str(tmp_path / "uploads"))
    settings.cache_clear()
    with session_scope(loaded) as session:
        list_forms(session)  # seeds and publishes the built-in forms (version 1)
    token = _token(loaded, "canbo.tanphong")
    with TestClient(create_api()) as test_client:
        test_client.headers["Authorization"] = f"Bearer {token}"
        yield test_client
    settings.cache_clear()


def _post(client: TestClient, client_id: str, answers: dict[str, Any], version: int = 1) -> Any:
    return client.post(
        "/api/me/forms/phat_sinh/submissions",
        json={"version": version, "client_id": client_id, "answers": answers},
    )


def _stored(db_url: str) -> list[FormSubmission]:
    with session_scope(db_url) as session:
        rows = list(session.execute(select(FormSubmission)).scalars())
        session.expunge_all()
        return rows


def _user_id(db_url: str, username: str) -> int:
    with session_scope(db_url) as session:
        return session.execute(
            select(UserAccount.id).where(UserAccount.username == username)
        ).scalar_one()


def _republish(db_url: str, change: Any) -> int:
    """Edit the phat_sinh draft with ``change(definition)`` and publish it; the new version."""
    with session_scope(db_url) as session:
        data = json.loads(export_definition(session, "phat_sinh"))
        change(data)
        save_definition(session, Actor.system(), "phat_sinh", data)
        return publish_form(session, Actor.system(), "phat_sinh")


def test_lists_the_forms_to_fill_offline_with_definitions(client: TestClient) -> None:
    response = client.get("/api/me/forms")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["username"] == "canbo.tanphong"
    forms = {f["code"]: f for f in body["forms"]}
    # The monthly check-in is filled about one key result: the offline page has its own.
    assert set(forms) == {"phat_sinh", "sang_kien", "nang_luc", "tu_danh_gia"}
    phat_sinh = forms["phat_sinh"]
    assert phat_sinh["version"] == 1 and phat_sinh["title"] == "Nhiệm vụ phát sinh ngoài kế hoạch"
    fields = [f["key"] for step in phat_sinh["definition"]["steps"] for f in step["fields"]]
    first_step = ["title", "assigned_by", "perspective", "done_on"]
    assert fields == [*first_step, "completion_pct", "result", "evidence"]
    assert body["messages"]["REQUIRED"] == "Vui lòng nhập “{label}”."
    assert body["messages"]["ROW_LABEL"] == "{label} – dòng {row}"

    client.headers["Authorization"] = "Bearer het-han"
    assert client.get("/api/me/forms").status_code == 401


def test_queued_answers_are_stored_once_with_their_version(
    client: TestClient, loaded: str, tmp_path: Path
) -> None:
    with session_scope(loaded) as session:
        account = session.execute(
            select(UserAccount).where(UserAccount.username == "canbo.tanphong")
        ).scalar_one()
        actor = Actor.from_account(account)
        save_draft(session, actor, code="phat_sinh", context_key="", answers={"title": "dở"})
    out = io.BytesIO()
    Image.new("RGB", (2000, 1500), "white").save(out, format="JPEG")
    upload = client.post(
        "/api/forms/phat_sinh/evidence",
        data={"field_key": "evidence"},
        files={"file": ("bien-ban.jpg", out.getvalue(), "image/jpeg")},
    )
    assert upload.status_code == 201, upload.text
    answers = {**GOOD, "evidence": upload.json()["key"]}

    first = _post(client, "pwa-offline-form-0001", answers)
    assert first.status_code == 201, first.text
    assert first.json()["created"] is True and first.json()["version"] == 1
    # The answer was lost on a weak signal: the phone sends the same item again.
    again = _post(client, "pwa-offline-form-0001", answers)
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"] and again.json()["created"] is False

    rows = _stored(loaded)
    assert len(rows) == 1
    row = rows[0]
    assert row.version == 1 and row.client_id == "pwa-offline-form-0001"
    assert row.submitted_by_user_id == _user_id(loaded, "canbo.tanphong")
    assert json.loads(row.answers_json)["evidence"] == upload.json()["key"]
    assert json.loads(row.answers_json)["completion_pct"] == 100.0
    with session_scope(loaded) as session:
        shown = list_submissions(session, actor)
        assert [(s.form_code, s.version) for s in shown] == [("phat_sinh", 1)]
        # Sent: the online draft of the same form is done, as with the wizard.
        assert session.execute(select(func.count()).select_from(FormDraft)).scalar_one() == 0


def test_crafted_invalid_answers_are_refused_field_by_field(
    client: TestClient, loaded: str
) -> None:
    crafted = {
        "assigned_by": "x" * 400,
        "perspective": "vui_choi",
        "done_on": "31/02/2025",
        "completion_pct": "150",
        "result": "  ",
        "evidence": "0" * 64,
        "approved_by_head": "co",
    }
    response = _post(client, "pwa-offline-form-0002", crafted)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail["message"] == "Biểu mẫu còn 8 lỗi, vui lòng sửa rồi gửi lại."
    messages = {e["key"]: e["message"] for e in detail["errors"]}
    assert messages == {
        "": "Biểu mẫu có trường lạ không thuộc mẫu: approved_by_head.",
        "title": "Vui lòng nhập “Tên nhiệm vụ”.",
        "assigned_by": "“Cấp giao hoặc căn cứ” dài quá 300 ký tự.",
        "perspective": "Lựa chọn của “Thuộc khía cạnh” không có trong danh sách.",
        "done_on": "“Ngày hoàn thành” phải là ngày hợp lệ (dd/mm/yyyy).",
        "completion_pct": "“Mức độ hoàn thành” không được lớn hơn 100.",
        "result": "Vui lòng nhập “Kết quả cụ thể”.",
        "evidence": "Tệp đính kèm của “Minh chứng (văn bản, ảnh)” không hợp lệ hoặc chưa được tải lên.",
    }
    assert _stored(loaded) == []
    # The key-result form is not filled this way, and an unknown version is refused.
    kr_form = client.post(
        "/api/me/forms/cap_nhat_thang/submissions",
        json={"version": 1, "client_id": "pwa-offline-form-0003", "answers": {"value": "3"}},
    )
    assert kr_form.status_code == 422 and "Ghi nhận tiến độ" in kr_form.json()["detail"]["message"]
    unknown = _post(client, "pwa-offline-form-0004", GOOD, version=7)
    assert unknown.status_code == 422
    assert unknown.json()["detail"]["message"] == "Biểu mẫu 'phat_sinh' không có phiên bản 7."
    assert _stored(loaded) == []


def test_a_cadre_cannot_submit_as_somebody_else(client: TestClient, loaded: str) -> None:
    claimed = client.post(
        "/api/me/forms/phat_sinh/submissions",
        json={
            "version": 1,
            "client_id": "pwa-offline-form-0005",
            "answers": GOOD,
            "submitted_by_user_id": _user_id(loaded, "canbo.antao"),
        },
    )
    assert claimed.status_code == 422 and _stored(loaded) == []

    assert _post(client, "pwa-offline-form-0006", GOOD).status_code == 201
    # Another cadre replaying the same client id gets neither the submission nor a copy.
    client.headers["Authorization"] = f"Bearer {_token(loaded, 'canbo.antao')}"
    replay = _post(client, "pwa-offline-form-0006", {**GOOD, "title": "Của người khác"})
    assert replay.status_code == 422
    assert replay.json()["detail"]["message"] == "Mã định danh của lần gửi không hợp lệ."
    rows = _stored(loaded)
    assert [(r.client_id, r.submitted_by_user_id) for r in rows] == [
        ("pwa-offline-form-0006", _user_id(loaded, "canbo.tanphong"))
    ]
    assert json.loads(rows[0].answers_json)["title"] == GOOD["title"]


def test_a_newer_version_accepts_still_valid_answers_and_holds_the_others(
    client: TestClient, loaded: str
) -> None:
    # v2 only renames a question: answers filled with v1 still meet it.
    def rename(data: dict[str, Any]) -> None:
        data["steps"][0]["fields"][0]["label"] = "Tên nhiệm vụ phát sinh"

    assert _republish(loaded, rename) == 2
    kept = _post(client, "pwa-offline-form-0007", GOOD, version=1)
    assert kept.status_code == 201, kept.text
    assert kept.json()["version"] == 1 and kept.json()["current_version"] == 2

    # v3 adds a required question: v1 answers are held for the user to complete.
    def require_host(data: dict[str, Any]) -> None:
        data["steps"][0]["fields"].append(
            {"key": "host", "type": "text", "label": "Cơ quan chủ trì", "required": True}
        )

    assert _republish(loaded, require_host) == 3
    held = _post(client, "pwa-offline-form-0008", GOOD, version=1)
    assert held.status_code == 409
    body = held.json()
    assert body["reason"] == "form_updated" and body["version"] == 3
    assert "phiên bản mới (v3)" in body["detail"] and "Cơ quan chủ trì" in body["detail"]
    assert body["errors"] == [{"key": "host", "message": "Vui lòng nhập “Cơ quan chủ trì”."}]
    # A retry of the item stored before v3 still answers "already stored".
    assert _post(client, "pwa-offline-form-0007", GOOD, version=1).status_code == 200

    completed = _post(client, "pwa-offline-form-0008", {**GOOD, "host": "UBND xã"}, version=3)
    assert completed.status_code == 201, completed.text
    versions = {r.client_id: r.version for r in _stored(loaded)}
    assert versions == {"pwa-offline-form-0007": 1, "pwa-offline-form-0008": 3}
