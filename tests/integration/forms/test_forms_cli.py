"""``woms forms``: export, import as draft, publish; bad input exits 2 in Vietnamese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from woms_pwa.cli import main


def test_export_edit_import_publish(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WOMS_DB_URL", db_url)
    assert main(["forms", "export", "nang_luc"]) == 0
    data = json.loads(capsys.readouterr().out)
    data["title"] = "Nâng cao năng lực (mẫu mới)"
    path = tmp_path / "nang_luc.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["forms", "import", str(path)]) == 0
    assert main(["forms", "publish", "nang_luc", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1]) == {"version": 2}
    assert main(["forms", "list", "--json"]) == 0
    rows = {r["code"]: r["version"] for r in json.loads(capsys.readouterr().out)}
    assert rows["nang_luc"] == 2 and rows["phat_sinh"] == 1
    path.write_text('{"code": "Sai Mã", "title": "x", "steps": []}', encoding="utf-8")
    assert main(["forms", "import", str(path)]) == 2
    assert "Định nghĩa biểu mẫu không hợp lệ" in capsys.readouterr().err
