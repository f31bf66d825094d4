"""The ``woms forecast --input CSV --as-of YYYY-MM`` contract, without the command wiring.

The CSV has a header and the columns ``series,year,month,value`` and optionally
``target`` (and, as extensions, ``direction``: ``increase``/``decrease``;
``baseline``: the starting value of a level; ``unit``: ``%`` bounds a level at
100). Column
order is free, unknown columns are an error, an empty ``value`` cell is a month
not reported. Numbers accept ``12.5`` and ``12,5``. A file separated by ``;``
(what Vietnamese-locale Excel writes) is read too. Bad input raises
:class:`ForecastInputError` naming the row (spreadsheet numbering: the header is
row 1) and the column, in Vietnamese and English.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pandas as pd

from analytics.forecast.engine import forecast_year_end
from analytics.vntext import format_number_vi, parse_number

REQUIRED = ("series", "year", "month", "value")
OPTIONAL = ("target", "direction", "baseline", "unit")
DIRECTIONS = {"increase", "decrease", "milestone"}
_AS_OF = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


class ForecastInputError(ValueError):
    """Bad forecast input; the message is Vietnamese, then English."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi} / {en}")
        self.vi = vi
        self.en = en


def parse_as_of(text: str) -> tuple[int, int]:
    """Parse ``YYYY-MM`` into ``(year, month)``.

    Raises:
        ForecastInputError: when the text is not a valid year-month.
    """
    match = _AS_OF.match(text or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ForecastInputError(
            f"Tham số --as-of không hợp lệ: '{text}' (cần dạng YYYY-MM, ví dụ 2025-09)",
            f"invalid --as-of '{text}' (expected YYYY-MM, e.g. 2025-09)",
        )
    return int(match.group(1)), int(match.group(2))


def _cell_error(
    name: str, row: int, column: str, text: str, vi_need: str, en_need: str
) -> ForecastInputError:
    return ForecastInputError(
        f"Tệp {name}, dòng {row}, cột '{column}': giá trị '{text}' không hợp lệ ({vi_need})",
        f"file {name}, row {row}, column '{column}': invalid value '{text}' ({en_need})",
    )


def _integer(text: str, name: str, row: int, column: str, low: int, high: int) -> int:
    number = parse_number(text)
    if number is None or not number.is_integer() or not low <= number <= high:
        raise _cell_error(
            name,
            row,
            column,
            text,
            f"cần số nguyên từ {low} đến {high}",
            f"expected an integer {low}–{high}",
        )
    return int(number)


def read_history_csv(path: str | Path) -> pd.DataFrame:
    """Read and validate a history CSV into a frame ``series, year, month, value, target, direction, baseline, unit``.

    Args:
        path: the CSV file.

    Returns:
        The validated frame (rows with neither a value, a target nor a
        baseline are dropped; absent optional columns are empty).

    Raises:
        ForecastInputError: missing file, bad header, unknown column, bad cell or
            conflicting duplicate row.
    """
    file = Path(path)
    name = file.name
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ForecastInputError(f"Không tìm thấy tệp {path}", f"file not found: {path}") from None
    except UnicodeDecodeError:
        raise ForecastInputError(
            f"Tệp {name} không phải UTF-8", f"file {name} is not UTF-8 encoded"
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        raise ForecastInputError(
            f"Tệp {name} trống hoặc thiếu dòng tiêu đề", f"file {name} is empty or has no header"
        )
    columns = [h.strip().lower() for h in header]
    unknown = [c for c in columns if c not in REQUIRED + OPTIONAL]
    if unknown:
        raise ForecastInputError(
            f"Tệp {name}, dòng 1: cột không được hỗ trợ '{unknown[0]}' (chỉ nhận {', '.join(REQUIRED + OPTIONAL)})",
            f"file {name}, row 1: unknown column '{unknown[0]}' (allowed: {', '.join(REQUIRED + OPTIONAL)})",
        )
    missing = [c for c in REQUIRED if c not in columns]
    if missing or len(set(columns)) != len(columns):
        what = missing[0] if missing else "trùng tên cột"
        raise ForecastInputError(
            f"Tệp {name}, dòng 1: thiếu cột '{what}'" if missing else f"Tệp {name}, dòng 1: {what}",
            f"file {name}, row 1: missing column '{what}'"
            if missing
            else f"file {name}, row 1: duplicate column",
        )
    pos = {c: i for i, c in enumerate(columns)}
    records: list[dict[str, Any]] = []
    seen: dict[tuple[str, int, int], tuple[int, float]] = {}
    for row_no, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(columns):
            raise ForecastInputError(
                f"Tệp {name}, dòng {row_no}: có {len(cells)} ô, tiêu đề có {len(columns)} cột",
                f"file {name}, row {row_no}: {len(cells)} cells but the header has {len(columns)} columns",
            )
        get = {c: cells[i].strip() for c, i in pos.items()}
        if not get["series"]:
            raise _cell_error(
                name, row_no, "series", "", "không được để trống", "must not be empty"
            )
        year = _integer(get["year"], name, row_no, "year", 1900, 2200)
        month = _integer(get["month"], name, row_no, "month", 1, 12)
        value = parse_number(get["value"]) if get["value"] else None
        if get["value"] and value is None:
            raise _cell_error(
                name,
                row_no,
                "value",
                get["value"],
                "cần một số, ví dụ 12,5",
                "expected a number, e.g. 12.5",
            )
        target = None
        if get.get("target"):
            target = parse_number(get["target"])
            if target is None:
                raise _cell_error(
                    name, row_no, "target", get["target"], "cần một số", "expected a number"
                )
        baseline = None
        if get.get("baseline"):
            baseline = parse_number(get["baseline"])
            if baseline is None:
                raise _cell_error(
                    name, row_no, "baseline", get["baseline"], "cần một số", "expected a number"
                )
        direction = (get.get("direction") or "increase").lower()
        if direction not in DIRECTIONS:
            raise _cell_error(
                name,
                row_no,
                "direction",
                direction,
                "increase/decrease/milestone",
                "expected increase/decrease/milestone",
            )
        if value is None and target is None and baseline is None:
            continue
        key = (get["series"], year, month)
        if value is not None and key in seen and seen[key][1] != value:
            raise ForecastInputError(
                f"Tệp {name}, dòng {row_no}: trùng chuỗi '{key[0]}' năm {year} tháng {month} với dòng {seen[key][0]} nhưng khác giá trị",
                f"file {name}, row {row_no}: duplicates series '{key[0]}' {year}-{month:02d} of row {seen[key][0]} with a different value",
            )
        if value is not None:
            seen[key] = (row_no, value)
        records.append(
            {
                "series": get["series"],
                "year": year,
                "month": month,
                "value": value,
                "target": target,
                "direction": direction,
                "baseline": baseline,
                "unit": get.get("unit") or None,
            }
        )
    if not records:
        raise ForecastInputError(
            f"Tệp {name} không có dòng dữ liệu nào", f"file {name} has no data rows"
        )
    frame = pd.DataFrame.from_records(records)
    frame["value"] = frame["value"].astype(float)
    frame["target"] = frame["target"].astype(float)
    frame["baseline"] = frame["baseline"].astype(float)
    return frame


def forecast_csv(path: str, as_of: str) -> list[dict[str, Any]]:
    """Year-end forecasts for every series of a history CSV, as JSON-ready rows.

    Args:
        path: CSV with columns ``series,year,month,value[,target]``.
        as_of: ``YYYY-MM``; rows of that year after that month are ignored.

    Returns:
        One dict per series: ``series, year, forecast, lower, upper,
        p_reach_target`` (None without a target), plus ``method`` and
        ``n_history_years``.

    Raises:
        ForecastInputError: bad file or as-of, or nothing to forecast.
    """
    year, month = parse_as_of(as_of)
    history = read_history_csv(path)
    rows = forecast_year_end(history, year, month).to_rows()
    if not rows:
        raise ForecastInputError(
            f"Không có dữ liệu nào đến tháng {month:02d}/{year} trong tệp {Path(path).name}",
            f"no data up to {year}-{month:02d} in {Path(path).name}",
        )
    return rows


METHOD_LABELS = {
    "observed": "số liệu tháng 12",
    "profile": "theo nhịp các năm trước",
    "profile+level": "theo nhịp và mức cuối năm các năm trước",
    "peer_profile": "theo nhịp của các đơn vị cùng chỉ tiêu",
    "history_level": "theo mức cuối năm các năm trước",
    "drift": "ngoại suy tốc độ bình quân",
    "trend": "ngoại suy xu hướng các kỳ trong năm",
    "last_value": "giữ giá trị gần nhất",
}


def format_forecast_vi(rows: list[dict[str, Any]]) -> str:
    """Human-readable Vietnamese lines for the command's default output."""
    lines = []
    for r in rows:
        text = (
            f"{r['series']}: dự báo cuối năm {r['year']} {format_number_vi(r['forecast'])} "
            f"(khoảng 80%: {format_number_vi(r['lower'])}–{format_number_vi(r['upper'])})"
        )
        if r["p_reach_target"] is not None:
            text += f"; khả năng đạt chỉ tiêu {format_number_vi(100 * r['p_reach_target'], 0)}%"
        lines.append(f"{text}; phương pháp: {METHOD_LABELS.get(r['method'], r['method'])}")
    return "\n".join(lines)
