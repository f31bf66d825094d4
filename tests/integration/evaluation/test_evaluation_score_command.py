"""``woms score``: the JSON shape of the exchange format, Vietnamese errors, exit 2."""

from __future__ import annotations

import json

import pytest

from woms_pwa.cli import main
from woms_pwa.context import settings


@pytest.fixture
def cli_db(scored: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WOMS_DB_URL", scored)
    settings.cache_clear()
    return scored


def test_score_json_has_the_documented_shape(
    cli_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", "--period", "2025", "--as-of", "2025-12-31", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"units", "people"}
    unit = next(u for u in data["units"] if u["code"] == "HY.X.TANPHONG")
    assert set(unit) >= {"code", "total", "rating", "perspectives"}
    assert set(unit["perspectives"]) == {"service", "budget", "process", "learning"}
    assert unit["total"] == pytest.approx(65.28, abs=0.01)
    assert unit["rating"] == "hoan_thanh"
    assert unit["perspectives"]["learning"] is None
    person = next(p for p in data["people"] if p["code"] == "CB.TANPHONG.02")
    assert set(person) >= {"code", "total", "rating", "criteria", "unit_code"}
    assert data["as_of"] == "2025-12-31"


def test_score_human_output_is_vietnamese(cli_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--period", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Kết quả chấm điểm kỳ 2025 (số liệu đến 31/12/2025)" in out
    assert "65,28" in out and "Hoàn thành nhiệm vụ" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2025-Q7"], "Kỳ đánh giá '2025-Q7' không hợp lệ"),
        (["--period", "2025", "--as-of", "30/09/2025"], "Ngày tính điểm '30/09/2025'"),
    ],
)
def test_bad_input_exits_2(
    cli_db: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["score", *args]) == 2
    assert message in capsys.readouterr().err
