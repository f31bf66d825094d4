"""The two other doors to reports: ``woms report`` and ``GET /api/reports/{kind}``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from woms_pwa.api import create_api
from woms_pwa.cli import main
from woms_pwa.context import settings
from woms_pwa.core.db import session_scope
from woms_pwa.core.services.auth import sign_in

PASSWORD = "Woms@2025"


def test_cli_writes_identical_files(
    loaded: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WOMS_DB_URL", loaded)
    out_a, out_b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    args = ["report", "monthly", "--unit", "HY.X.TANPHONG", "--month", "2025-09", "--json"]
    assert main([*args, "--out", str(out_a)]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main([*args, "--out", str(out_b)]) == 0
    assert out_a.read_bytes() == out_b.read_bytes()
    assert first["fingerprint"] == json.loads(capsys.readouterr().out)["fingerprint"]
    verify = ["report", "monthly", "--unit", "HY.X.TANPHONG", "--month", "2025-09", "--verify"]
    assert main([*verify, first["fingerprint"]]) == 0
    assert "Khớp" in capsys.readouterr().out
    assert main([*verify, "0" * 64]) == 1
    assert "Không khớp" in capsys.readouterr().out
    assert main(["report", "province", "--period", "2025", "--out", str(tmp_path / "t.xlsx")]) == 0
    assert (tmp_path / "t.xlsx").read_bytes()[:2] == b"PK"


def test_cli_bad_input_exits_2_in_vietnamese(
    loaded: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WOMS_DB_URL", loaded)
    code = main(
        [
            "report",
            "monthly",
            "--unit",
            "HY.X.TANPHONG",
            "--month",
            "9/2025",
            "--out",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert code == 2 and "Tháng không hợp lệ" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    code = main(["report", "quarterly", "--period", "2025-Q3", "--out", str(tmp_path / "y.pdf")])
    assert code == 2 and "chọn đơn vị" in capsys.readouterr().err


@pytest.fixture
def client(loaded: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WOMS_DB_URL", loaded)
    settings.cache_clear()
    with TestClient(create_api()) as test_client:
        yield test_client
    settings.cache_clear()


def _token(loaded: str, username: str) -> dict[str, str]:
    with session_scope(loaded) as session:
        return {"Authorization": f"Bearer {sign_in(session, settings(), username, PASSWORD).token}"}


def test_api_downloads_with_bearer_token(client: TestClient, loaded: str) -> None:
    head = _token(loaded, "bithu.tanphong")
    query = {"period": "2025-09", "unit": "HY.X.TANPHONG", "format": "pdf"}
    pdf = client.get("/api/reports/monthly", params=query, headers=head)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-") and len(pdf.headers["x-woms-fingerprint"]) == 64
    assert "bao-cao-monthly-HY.X.TANPHONG-2025-09.pdf" in pdf.headers["content-disposition"]
    xlsx = client.get("/api/reports/monthly", params={**query, "format": "xlsx"}, headers=head)
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert xlsx.headers["x-woms-fingerprint"] == pdf.headers["x-woms-fingerprint"]


def test_api_refuses_without_token_or_outside_scope(client: TestClient, loaded: str) -> None:
    query = {"period": "2025-09", "unit": "HY.X.TANPHONG"}
    assert client.get("/api/reports/monthly", params=query).status_code == 401
    other = client.get("/api/reports/monthly", params=query, headers=_token(loaded, "canbo.antao"))
    assert other.status_code == 403 and "không có quyền" in other.json()["detail"]
    bad = client.get(
        "/api/reports/monthly",
        params={**query, "period": "2025-Q3"},
        headers=_token(loaded, "bithu.tanphong"),
    )
    assert bad.status_code == 400 and "Tháng không hợp lệ" in bad.json()["detail"]
