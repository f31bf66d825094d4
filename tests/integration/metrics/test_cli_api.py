"""``woms suggest``, ``woms metrics`` and the suggestion API."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from woms_pwa.api import create_api
from woms_pwa.cli import main
from woms_pwa.context import settings
from woms_pwa.core.db import session_scope
from woms_pwa.core.services.auth import sign_in

DAN_VAN = "nang cao chat luong cong tac dan van"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_suggest_json_on_a_fresh_database_proposes_dan_van_proxies(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WOMS_DB_URL", db_url)
    code, out, _ = _run(capsys, "suggest", DAN_VAN, "--json")
    assert code == 0
    items = json.loads(out)
    assert len(items) == 5
    for item in items:
        assert {"code", "name", "unit", "direction", "why"} <= set(item)
        assert item["direction"] in {"increase", "decrease", "milestone"}
    top3 = items[:3]
    assert all(i["code"].startswith("XDD.DANVAN.") and i["is_proxy"] for i in top3)
    assert "dân vận" in top3[0]["why"].lower()


def test_suggest_human_output_top_and_bad_input(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WOMS_DB_URL", db_url)
    code, out, _ = _run(capsys, "suggest", "Đẩy nhanh GPMB dự án đường trục xã", "--top", "2")
    assert code == 0
    assert out.startswith("1. KT.GPMB.") and "\n2. " in out and "\n3. " not in out
    code, _, err = _run(capsys, "suggest", "   ")
    assert code == 2 and "Vui lòng nhập nội dung" in err
    code, _, err = _run(capsys, "suggest", "giải ngân", "--top", "0")
    assert code == 2 and "Số gợi ý phải từ 1 đến 50" in err


def test_metrics_sync_then_eval(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WOMS_DB_URL", db_url)
    code, out, _ = _run(capsys, "metrics", "sync", "--json")
    created = json.loads(out)["created"]
    assert code == 0 and created >= 300
    code, out, _ = _run(capsys, "metrics", "sync")
    assert f"giữ nguyên {created}" in out
    code, out, _ = _run(capsys, "metrics", "eval", "--json")
    scores = json.loads(out)
    assert code == 0 and scores["all"]["count"] >= 150
    assert scores["all"]["hit5"] >= 0.9
    code, out, _ = _run(capsys, "metrics", "eval", "--split", "heldout")
    assert "heldout:" in out and "hit@5 = " in out
    code, _, err = _run(capsys, "metrics", "eval", "--split", "khong-co")
    assert code == 2 and "Không có câu nào" in err


@pytest.fixture
def client(loaded: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WOMS_DB_URL", loaded)
    settings.cache_clear()
    with session_scope(loaded) as session:
        token = sign_in(session, settings(), "canbo.tanphong", "Woms@2025").token
    with TestClient(create_api()) as test_client:
        test_client.headers["Authorization"] = f"Bearer {token}"
        yield test_client
    settings.cache_clear()


def test_api_suggest_and_accept(client: TestClient) -> None:
    response = client.get("/api/suggest", params={"q": "giai ngan von DTC", "top": 3})
    assert response.status_code == 200
    items = response.json()
    assert len(items) == 3 and items[0]["code"].startswith("NS.DTC.GIAINGAN")
    accepted = client.post(
        "/api/suggest/accept", json={"text": "giai ngan von DTC", "code": "ns.dtc.quyettoan"}
    )
    assert accepted.status_code == 201 and accepted.json() == {
        "ok": True,
        "code": "NS.DTC.QUYETTOAN",
    }
    again = client.get("/api/suggest", params={"q": "giải ngân vốn ĐTC", "top": 3}).json()
    assert "NS.DTC.QUYETTOAN" in [i["code"] for i in again]


def test_api_errors_are_vietnamese(client: TestClient) -> None:
    blank = client.get("/api/suggest", params={"q": "  "})
    assert blank.status_code == 422 and "Vui lòng nhập" in blank.json()["detail"]
    unknown = client.post("/api/suggest/accept", json={"text": "abc", "code": "KHONG.CO"})
    assert unknown.status_code == 422 and "Không tìm thấy" in unknown.json()["detail"]
    assert client.get("/api/suggest", params={"q": "x", "top": 99}).status_code == 422
    client.headers["Authorization"] = "Bearer sai"
    assert client.get("/api/suggest", params={"q": "giải ngân"}).status_code == 401
