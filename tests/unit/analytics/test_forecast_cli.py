"""The ``woms forecast --input CSV --as-of YYYY-MM`` contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analytics.forecast import ForecastInputError, forecast_csv
from analytics.forecast.cli import format_forecast_vi, parse_as_of
from analytics.forecast.simulate import simulate

CONTRACT_KEYS = {"series", "year", "forecast", "lower", "upper", "p_reach_target"}


def _write(tmp_path: Path, text: str, name: str = "history.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _history_csv(tmp_path: Path, future_value: str | None = None) -> str:
    history, _ = simulate(2, 4, kind="disbursement", seed=3, first_year=2022)
    lines = ["series,year,month,value,target"]
    for row in history.itertuples(index=False):
        if row.year == 2025 and row.month > 7:
            if future_value is None:
                continue
            value = future_value
        else:
            value = f'"{row.value:.4f}"'.replace(".", ",")
        target = "95" if row.year == 2025 else ""
        lines.append(f"{row.series},{row.year},{row.month},{value},{target}")
    return _write(tmp_path, "\n".join(lines) + "\n")


def test_forecast_csv_follows_the_contract(tmp_path: Path) -> None:
    rows = forecast_csv(_history_csv(tmp_path), "2025-07")
    assert len(rows) == 2
    for row in rows:
        assert set(row) >= CONTRACT_KEYS
        assert row["year"] == 2025
        assert row["lower"] <= row["forecast"] <= row["upper"]
        assert 0.0 <= row["p_reach_target"] <= 1.0
        assert row["method"] == "profile+level"
    json.dumps(rows)
    assert "khả năng đạt chỉ tiêu" in format_forecast_vi(rows)


def test_rows_after_the_as_of_month_are_ignored(tmp_path: Path) -> None:
    clean = forecast_csv(_history_csv(tmp_path), "2025-07")
    polluted = forecast_csv(_history_csv(tmp_path, future_value="99999"), "2025-07")
    assert clean == polluted


def test_no_target_gives_null_probability_and_semicolons_are_read(tmp_path: Path) -> None:
    text = "series;year;month;value\nA;2025;1;1,5\nA;2025;2;3\nA;2025;3;4,5\n"
    rows = forecast_csv(_write(tmp_path, text), "2025-03")
    assert rows[0]["p_reach_target"] is None
    assert rows[0]["forecast"] == pytest.approx(18.0)


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("series,year,month,value\nA,2025,1,1\nA,2025,13,2\n", ["dòng 3", "'month'", "row 3"]),
        ("series,year,month,value\nA,2025,1,abc\n", ["dòng 2", "'value'", "row 2"]),
        ("series,year,month,value,colour\nA,2025,1,1,red\n", ["'colour'", "unknown column"]),
        ("series,year,value\nA,2025,1\n", ["'month'", "missing column"]),
        ("series,year,month,value,target\nA,2025,1,1,x\n", ["dòng 2", "'target'"]),
        ("series,year,month,value\n,2025,1,1\n", ["'series'", "row 2"]),
        ("series,year,month,value\nA,2025,1,1\nA,2025,1,2\n", ["dòng 3", "dòng 2"]),
        ("series,year,month,value\nA,2025,1\n", ["dòng 2", "row 2"]),
        ("", ["trống", "empty"]),
    ],
)
def test_bad_files_raise_a_precise_error(tmp_path: Path, text: str, fragments: list[str]) -> None:
    with pytest.raises(ForecastInputError) as info:
        forecast_csv(_write(tmp_path, text), "2025-06")
    for fragment in fragments:
        assert fragment in str(info.value)


@pytest.mark.parametrize("as_of", ["2025", "2025-13", "25-06", "june"])
def test_bad_as_of_is_rejected(as_of: str) -> None:
    with pytest.raises(ForecastInputError):
        parse_as_of(as_of)


def test_missing_file_and_nothing_before_as_of(tmp_path: Path) -> None:
    with pytest.raises(ForecastInputError):
        forecast_csv(str(tmp_path / "none.csv"), "2025-06")
    path = _write(tmp_path, "series,year,month,value\nA,2026,1,1\n")
    with pytest.raises(ForecastInputError):
        forecast_csv(path, "2025-06")
