"""``woms alerts`` and ``woms forecast``: JSON contract and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from woms_pwa.cli import main
from woms_pwa.context import settings


@pytest.fixture
def env(loaded: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WOMS_DB_URL", loaded)
    settings.cache_clear()
    return loaded


def test_alerts_json_contract(env: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["alerts", "--as-of", "2025-09-30", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows
    for row in rows:
        assert {"kr_code", "owner_code", "kind", "message", "forecast", "target"} <= set(row)
    assert {r["kind"] for r in rows} & {"forecast_miss", "stale", "pace"}


@pytest.mark.parametrize(
    "args", [["--as-of", "30/09/2025"], ["--period", "2025-Q3"], ["--period", "2031"]]
)
def test_alerts_bad_input_exits_2(
    env: str, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["alerts", *args]) == 2
    assert capsys.readouterr().err.strip()


def test_forecast_command(env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "h.csv"
    good.write_text(
        "series,year,month,value,target\nA,2025,1,4,\nA,2025,2,9,\nA,2025,3,12,90\n",
        encoding="utf-8",
    )
    assert main(["forecast", "--input", str(good), "--as-of", "2025-03", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["series"] == "A" and rows[0]["p_reach_target"] is not None
    bad = tmp_path / "bad.csv"
    bad.write_text("series,year,month,value\nA,2025,13,1\n", encoding="utf-8")
    assert main(["forecast", "--input", str(bad), "--as-of", "2025-03"]) == 2
    err = capsys.readouterr().err
    assert "dòng 2" in err and "row 2" in err
    assert main(["forecast", "--input", str(good), "--as-of", "2025-13"]) == 2
