"""The metric dictionary (thư viện thước đo): data model and validated loading.

The dictionary lives in reviewable CSV files under ``metric_library/data/`` (one
file per group of areas). Each row is one metric with a stable dotted code, so
plans written by different units can refer to the same measure (Phụ lục 4 asks
for a shared dictionary with unified codes). Errors are reported in Vietnamese
with the file, row and column so a reviewer can fix the data directly.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from analytics.vntext import normalize_text

DATA_DIR = Path(__file__).resolve().parent / "data"

COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "definition",
    "formula",
    "unit",
    "direction",
    "perspective",
    "area",
    "data_source",
    "evidence",
    "is_proxy",
    "synonyms",
    "reference",
    "kind_hint",
)
DIRECTIONS = frozenset({"increase", "decrease", "milestone"})
PERSPECTIVES = ("service", "budget", "process", "learning")
DATA_SOURCES = frozenset(
    {
        "manual_evidence",
        "public_service_portal",
        "document_system",
        "treasury",
        "statistics",
        "other",
    }
)
KINDS = frozenset({"kpi", "okr"})
_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]*(\.[A-Z0-9_]+)+$")
# Free-text columns that must never be empty: a metric nobody can read is useless.
_REQUIRED_TEXT = ("name", "definition", "formula", "unit", "area", "evidence", "reference")


class CatalogueError(ValueError):
    """Raised when a dictionary file is malformed; the message is in Vietnamese."""


@dataclass(frozen=True, slots=True)
class Metric:
    """One entry of the metric dictionary.

    Attributes:
        code: stable dotted uppercase code, e.g. ``NS.DTC.GIAINGAN``.
        name: Vietnamese name shown to planners.
        definition: what is measured and why.
        formula: how the value is computed.
        unit: unit of the value (``%``, ``hội nghị``, ``tỷ đồng`` …).
        direction: ``increase``, ``decrease`` or ``milestone``.
        perspective: BSC perspective: ``service``, ``budget``, ``process``, ``learning``.
        area: ``/``-separated area path, e.g. ``Xây dựng Đảng/Dân vận, Mặt trận và đoàn thể``.
        data_source: where the value normally comes from.
        evidence: the evidence that proves the value.
        is_proxy: True when the metric stands in for a hard-to-measure outcome.
        synonyms: common phrasings and abbreviations planners use.
        reference: the directive or appendix the metric comes from.
        kind_hint: ``kpi`` (routine) or ``okr`` (stretch).
    """

    code: str
    name: str
    definition: str
    formula: str
    unit: str
    direction: str
    perspective: str
    area: str
    data_source: str
    evidence: str
    is_proxy: bool
    synonyms: tuple[str, ...]
    reference: str
    kind_hint: str

    @property
    def area_group(self) -> str:
        """The first segment of the area path (e.g. ``Xây dựng Đảng``)."""
        return self.area.split("/", 1)[0]


def default_paths() -> list[Path]:
    """Return the bundled dictionary files, sorted by name."""
    return sorted(DATA_DIR.glob("*.csv"))


class EntryError(CatalogueError):
    """One invalid field of an entry; ``column`` names it, the message is Vietnamese."""

    def __init__(self, column: str, message: str) -> None:
        """Keep the column so callers (files, admin forms) can say where the error is."""
        super().__init__(message)
        self.column = column
        self.detail = message


def _fail(path: Path, row: int, column: str, message: str) -> CatalogueError:
    return CatalogueError(f"Tệp {path.name}, dòng {row}, cột '{column}': {message}")


def parse_entry(raw: Mapping[str, str | bool | None]) -> Metric:
    """Validate one entry given as column → value and build the metric.

    Used for the file rows and for entries an administrator adds or edits, so
    both follow the same rules.

    Args:
        raw: values keyed by the names in :data:`COLUMNS`; ``synonyms`` is
            ``|``-separated, ``is_proxy`` is ``0``/``1`` (or a bool).

    Returns:
        The validated metric.

    Raises:
        EntryError: the first invalid column, with a Vietnamese message.
    """
    values = {}
    for key in COLUMNS:
        value = raw.get(key)
        if isinstance(value, bool):
            value = "1" if value else "0"
        values[key] = normalize_text(value or "")
    code = values["code"]
    if not _CODE_RE.match(code):
        raise EntryError(
            "code", f"mã '{code}' không hợp lệ (chữ in hoa ASCII, phân cách bằng dấu chấm)"
        )
    for column in _REQUIRED_TEXT:
        if not values[column]:
            raise EntryError(column, "không được để trống")
    checks = (
        ("direction", DIRECTIONS),
        ("perspective", frozenset(PERSPECTIVES)),
        ("data_source", DATA_SOURCES),
        ("kind_hint", KINDS),
    )
    for column, allowed in checks:
        if values[column] not in allowed:
            raise EntryError(
                column,
                f"giá trị '{values[column]}' không thuộc {{{', '.join(sorted(allowed))}}}",
            )
    if values["is_proxy"] not in {"0", "1"}:
        raise EntryError("is_proxy", f"giá trị '{values['is_proxy']}' phải là 0 hoặc 1")
    synonyms = tuple(s.strip() for s in values["synonyms"].split("|") if s.strip())
    return Metric(
        code=code,
        name=values["name"],
        definition=values["definition"],
        formula=values["formula"],
        unit=values["unit"],
        direction=values["direction"],
        perspective=values["perspective"],
        area=values["area"],
        data_source=values["data_source"],
        evidence=values["evidence"],
        is_proxy=values["is_proxy"] == "1",
        synonyms=synonyms,
        reference=values["reference"],
        kind_hint=values["kind_hint"],
    )


def _parse_row(path: Path, line: int, raw: dict[str, str | None]) -> Metric:
    try:
        return parse_entry(raw)
    except EntryError as exc:
        raise _fail(path, line, exc.column, exc.detail) from exc


def _read_file(path: Path) -> list[tuple[int, Metric]]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise CatalogueError(f"Không đọc được tệp {path}: {exc}") from exc
    with handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [c for c in COLUMNS if c not in header]
        if missing:
            raise _fail(path, 1, missing[0], "thiếu cột trong dòng tiêu đề")
        out = []
        for raw in reader:
            # line_num counts physical lines, so quoted multi-line cells still point right.
            out.append((reader.line_num, _parse_row(path, reader.line_num, raw)))
    return out


def load_catalogue(paths: Iterable[str | Path] | None = None) -> list[Metric]:
    """Load and validate the metric dictionary.

    Args:
        paths: CSV files to read; defaults to every ``*.csv`` under ``metric_library/data``.

    Returns:
        The metrics in file order.

    Raises:
        CatalogueError: on a missing column, an invalid value or a duplicate code; the
            message names the file, the row and the column.
    """
    files = [Path(p) for p in paths] if paths is not None else default_paths()
    if not files:
        raise CatalogueError(f"Không tìm thấy tệp dữ liệu thước đo trong {DATA_DIR}")
    seen: dict[str, tuple[str, int]] = {}
    metrics: list[Metric] = []
    for path in files:
        for line, metric in _read_file(path):
            if metric.code in seen:
                first_file, first_line = seen[metric.code]
                raise _fail(
                    path,
                    line,
                    "code",
                    f"mã '{metric.code}' bị trùng (đã có ở {first_file}, dòng {first_line})",
                )
            seen[metric.code] = (path.name, line)
            metrics.append(metric)
    return metrics
