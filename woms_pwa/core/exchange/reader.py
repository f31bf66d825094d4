"""Read a dataset (folder of CSV files or one ``.xlsx`` workbook) into frames of text."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from woms_pwa.core.exchange.errors import CellProblem, DatasetError
from woms_pwa.core.exchange.schema import SHEETS, SHEETS_BY_NAME, SheetSpec

_EXCEL_MIDNIGHT = re.compile(r"^(\d{4}-\d{2}-\d{2}) 00:00:00$")


@dataclass(frozen=True)
class RawSheet:
    """One sheet as text: every cell a stripped NFC string, empty string for empty."""

    spec: SheetSpec
    label: str
    frame: pd.DataFrame


def _to_nfc(series: pd.Series) -> pd.Series:
    # Normalise distinct values only, and only those not already NFC: a
    # million check-in notes repeat a lot and are mostly NFC already.
    mapping = {
        value: unicodedata.normalize("NFC", value)
        for value in series.unique()
        if not unicodedata.is_normalized("NFC", value)
    }
    return series.replace(mapping) if mapping else series


def _clean(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.fillna("").astype(str)
    for column in frame.columns:
        frame[column] = _to_nfc(frame[column].str.strip())
    return frame


def _check_columns(spec: SheetSpec, label: str, columns: list[str]) -> list[CellProblem]:
    problems: list[CellProblem] = []
    seen: set[str] = set()
    for name in columns:
        if name in seen:
            problems.append(
                CellProblem(label, 1, name, "cột bị lặp lại", "the column appears twice")
            )
        seen.add(name)
        if name not in spec.columns:
            problems.append(
                CellProblem(
                    label,
                    1,
                    name,
                    f"cột không có trong định dạng (các cột hợp lệ: {', '.join(spec.columns)})",
                    f"unknown column (allowed: {', '.join(spec.columns)})",
                )
            )
    for name in spec.required_columns:
        if name not in seen:
            problems.append(
                CellProblem(label, 1, name, "thiếu cột bắt buộc", "a required column is missing")
            )
    return problems


def _read_csv(path: Path) -> tuple[list[str], pd.DataFrame]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle), [])
    header = [unicodedata.normalize("NFC", name.strip()) for name in header]
    frame = pd.read_csv(
        path,
        dtype=str,
        keep_default_na=False,
        encoding="utf-8-sig",
        header=0,
        names=header,
        skip_blank_lines=True,
    )
    return header, frame


def read_dataset(path: str | Path) -> dict[str, RawSheet]:
    """Read a dataset and check its files and columns.

    Args:
        path: a folder holding ``units.csv``, ``plan.csv`` … or an ``.xlsx`` workbook.

    Returns:
        The sheets present, by sheet name.

    Raises:
        DatasetError: a missing or unreadable file, an unknown file or column,
            or a missing required sheet or column.
    """
    source = Path(path)
    problems: list[CellProblem] = []
    sheets: dict[str, RawSheet] = {}
    if source.is_dir():
        for file in sorted(source.glob("*.csv")):
            spec = SHEETS_BY_NAME.get(file.stem)
            if spec is None:
                problems.append(
                    CellProblem(
                        file.name,
                        None,
                        None,
                        "tên tệp không thuộc định dạng (units, people, plan, checkins, notes)",
                        "unknown file name (expected units, people, plan, checkins, notes)",
                    )
                )
                continue
            try:
                header, frame = _read_csv(file)
            except (UnicodeDecodeError, pd.errors.ParserError, ValueError) as exc:
                problems.append(
                    CellProblem(
                        file.name,
                        None,
                        None,
                        f"không đọc được tệp CSV UTF-8 ({exc})",
                        f"not a readable UTF-8 CSV file ({exc})",
                    )
                )
                continue
            problems += _check_columns(spec, file.name, header)
            sheets[spec.name] = RawSheet(spec, file.name, _clean(frame))
        label_of = "{}.csv"
    elif source.suffix.lower() == ".xlsx" and source.is_file():
        try:
            book = pd.read_excel(source, sheet_name=None, dtype=str, keep_default_na=False)
        except Exception as exc:  # openpyxl raises many kinds for a broken workbook
            raise DatasetError(
                [
                    CellProblem(
                        source.name,
                        None,
                        None,
                        f"không mở được tệp Excel ({exc})",
                        f"cannot open the workbook ({exc})",
                    )
                ]
            ) from exc
        for sheet_name, frame in book.items():
            label = f"{source.name}[{sheet_name}]"
            spec = SHEETS_BY_NAME.get(str(sheet_name).strip())
            if spec is None:
                problems.append(
                    CellProblem(
                        label,
                        None,
                        None,
                        "tên trang tính không thuộc định dạng",
                        "unknown sheet name",
                    )
                )
                continue
            header = [unicodedata.normalize("NFC", str(c).strip()) for c in frame.columns]
            frame.columns = header
            frame = _clean(frame)
            for column in frame.columns:
                frame[column] = frame[column].str.replace(_EXCEL_MIDNIGHT, r"\1", regex=True)
            problems += _check_columns(spec, label, header)
            sheets[spec.name] = RawSheet(spec, label, frame)
        label_of = source.name + "[{}]"
    else:
        raise DatasetError(
            [
                CellProblem(
                    str(source),
                    None,
                    None,
                    "không tìm thấy thư mục CSV hoặc tệp .xlsx",
                    "no such folder of CSV files or .xlsx workbook",
                )
            ]
        )
    for spec in SHEETS:
        if spec.required and spec.name not in sheets:
            problems.append(
                CellProblem(
                    label_of.format(spec.name),
                    None,
                    None,
                    "thiếu tệp bắt buộc",
                    "a required file is missing",
                )
            )
    if problems:
        raise DatasetError(problems)
    return sheets
