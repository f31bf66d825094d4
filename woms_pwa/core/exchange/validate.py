"""Validate raw sheets into typed frames, collecting every problem with its cell.

Checks are vectorised (pandas) because a province-scale dataset has over a
million check-in rows. References may point at records already in the database
(``KnownCodes``) as well as at rows of the same dataset.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analytics.vntext import parse_number
from woms_pwa.core.exchange.errors import CellProblem, DatasetError
from woms_pwa.core.exchange.reader import RawSheet
from woms_pwa.core.exchange.schema import SheetSpec
from woms_pwa.core.periods import parse_period
from woms_pwa.core.vocab import Direction, KeyResultKind, Perspective, UnitKind

_PER_CHECK_LIMIT = 50
_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


@dataclass(frozen=True)
class KnownCodes:
    """Codes already in the database, which a dataset may refer to."""

    units: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    key_results: frozenset[str] = frozenset()
    roots: frozenset[str] = frozenset()


@dataclass
class ValidatedDataset:
    """Typed, checked frames ready to be written (empty frames for absent sheets)."""

    units: pd.DataFrame
    people: pd.DataFrame
    plan: pd.DataFrame
    checkins: pd.DataFrame
    notes: pd.DataFrame
    labels: dict[str, str] = field(default_factory=dict)


class _Collector:
    def __init__(self) -> None:
        self.problems: list[CellProblem] = []

    def flag(
        self, label: str, frame: pd.DataFrame, mask: pd.Series, column: str, vi: str, en: str
    ) -> None:
        """Record a problem for each row where ``mask`` holds (up to a limit)."""
        if not mask.any():
            return
        rows = np.flatnonzero(mask.to_numpy())
        for position in rows[:_PER_CHECK_LIMIT]:
            value = frame[column].iat[position] if column in frame.columns else ""
            shown = f" ('{value}')" if value else ""
            self.problems.append(
                CellProblem(label, int(position) + 2, column, f"{vi}{shown}", f"{en}{shown}")
            )
        extra = len(rows) - _PER_CHECK_LIMIT
        if extra > 0:
            self.problems.append(
                CellProblem(
                    label,
                    None,
                    column,
                    f"cùng lỗi ở {extra} dòng khác",
                    f"the same problem in {extra} more rows",
                )
            )


def _empty_frame(spec: SheetSpec) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=str) for name in spec.columns})


def _with_all_columns(sheet: RawSheet) -> pd.DataFrame:
    frame = sheet.frame.copy()
    for name in sheet.spec.columns:
        if name not in frame.columns:
            frame[name] = ""
    return frame.reset_index(drop=True)


def _require(c: _Collector, label: str, frame: pd.DataFrame, columns: tuple[str, ...]) -> None:
    for column in columns:
        c.flag(
            label,
            frame,
            frame[column] == "",
            column,
            "thiếu giá trị bắt buộc",
            "a required value is missing",
        )


def _unique(c: _Collector, label: str, frame: pd.DataFrame, column: str) -> None:
    values = frame[column]
    dup = values.duplicated(keep="first") & (values != "")
    if not dup.any():
        return
    first_row = {v: i + 2 for i, v in reversed(list(enumerate(values)))}
    for position in np.flatnonzero(dup.to_numpy())[:_PER_CHECK_LIMIT]:
        value = values.iat[position]
        c.problems.append(
            CellProblem(
                label,
                int(position) + 2,
                column,
                f"mã '{value}' bị trùng với dòng {first_row[value]}",
                f"code '{value}' duplicates row {first_row[value]}",
            )
        )


def _numbers(
    c: _Collector, label: str, frame: pd.DataFrame, column: str, minimum: float | None = None
) -> pd.Series:
    text = frame[column]
    fast = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
    slow = fast.isna() & (text != "")
    if slow.any():
        fast.loc[slow] = text[slow].map(
            lambda s: parse_number(s) if parse_number(s) is not None else np.nan
        )
    bad = fast.isna() & (text != "")
    bad |= ~np.isfinite(fast.fillna(0.0))
    c.flag(label, frame, bad, column, "không phải là số", "not a number")
    if minimum is not None:
        c.flag(
            label,
            frame,
            fast < minimum,
            column,
            f"phải lớn hơn hoặc bằng {minimum:g}",
            f"must be at least {minimum:g}",
        )
    return fast.astype(float)


def _dates(c: _Collector, label: str, frame: pd.DataFrame, column: str) -> pd.Series:
    text = frame[column]
    parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    bad = (text != "") & (parsed.isna() | ~text.str.match(_ISO_DATE))
    c.flag(
        label,
        frame,
        bad,
        column,
        "ngày không hợp lệ (định dạng YYYY-MM-DD)",
        "invalid date (expected YYYY-MM-DD)",
    )
    return parsed.dt.date.where(parsed.notna(), None)


def _choice(
    c: _Collector,
    label: str,
    frame: pd.DataFrame,
    column: str,
    allowed: set[str],
    default: str | None = None,
) -> pd.Series:
    values = frame[column].str.lower()
    if default is not None:
        values = values.where(values != "", default)
    bad = ~values.isin(allowed) & (values != "")
    c.flag(
        label,
        frame,
        bad,
        column,
        f"giá trị không hợp lệ (cho phép: {', '.join(sorted(allowed))})",
        f"invalid value (allowed: {', '.join(sorted(allowed))})",
    )
    return values


def _flags(c: _Collector, label: str, frame: pd.DataFrame, column: str) -> pd.Series:
    values = frame[column]
    bad = ~values.isin({"", "0", "1"})
    c.flag(label, frame, bad, column, "chỉ nhận 1 hoặc 0", "only 1 or 0 is allowed")
    return values == "1"


def _exists(
    c: _Collector,
    label: str,
    frame: pd.DataFrame,
    column: str,
    known: set[str] | frozenset[str],
    what_vi: str,
    what_en: str,
) -> None:
    values = frame[column]
    missing = (values != "") & ~values.isin(known)
    c.flag(label, frame, missing, column, f"không tìm thấy {what_vi}", f"no such {what_en}")


def _occurrence(frame: pd.DataFrame, keys: list[str]) -> pd.Series:
    return frame.groupby(keys, sort=False, dropna=False).cumcount()


def _validate_units(c: _Collector, sheet: RawSheet, known: KnownCodes) -> pd.DataFrame:
    frame, label = _with_all_columns(sheet), sheet.label
    _require(c, label, frame, ("code", "name", "kind"))
    _unique(c, label, frame, "code")
    frame["kind"] = _choice(c, label, frame, "kind", {k.value for k in UnitKind})
    all_units = set(frame["code"]) | known.units
    _exists(c, label, frame, "parent_code", all_units, "đơn vị cha", "parent unit")
    c.flag(
        label,
        frame,
        (frame["parent_code"] == frame["code"]) & (frame["code"] != ""),
        "parent_code",
        "đơn vị không thể là cha của chính nó",
        "a unit cannot be its own parent",
    )
    roots = set(frame.loc[frame["parent_code"] == "", "code"]) | set(known.roots)
    if len(roots) > 1:
        c.flag(
            label,
            frame,
            (frame["parent_code"] == "") & frame["code"].isin(roots),
            "parent_code",
            f"chỉ được có một đơn vị gốc (đang có: {', '.join(sorted(roots))})",
            f"only one root unit is allowed (found: {', '.join(sorted(roots))})",
        )
    parent_of = dict(zip(frame["code"], frame["parent_code"], strict=True))
    for position, code in enumerate(frame["code"]):
        seen, node = {code}, parent_of.get(code, "")
        while node and node in parent_of:
            if node in seen:
                c.problems.append(
                    CellProblem(
                        label,
                        position + 2,
                        "parent_code",
                        f"quan hệ cha–con tạo thành vòng lặp tại '{code}'",
                        f"the parent chain loops at '{code}'",
                    )
                )
                break
            seen.add(node)
            node = parent_of[node]
    return frame


def _validate_people(c: _Collector, sheet: RawSheet, unit_codes: set[str]) -> pd.DataFrame:
    frame, label = _with_all_columns(sheet), sheet.label
    _require(c, label, frame, ("code", "full_name", "unit_code"))
    _unique(c, label, frame, "code")
    c.flag(
        label,
        frame,
        frame["code"].isin(unit_codes),
        "code",
        "mã người trùng với mã một đơn vị",
        "a person code equals a unit code",
    )
    _exists(c, label, frame, "unit_code", unit_codes, "đơn vị", "unit")
    frame["is_head"] = _flags(c, label, frame, "is_head")
    c.flag(
        label,
        frame,
        (frame["email"] != "") & ~frame["email"].str.contains("@", regex=False),
        "email",
        "địa chỉ thư điện tử không hợp lệ",
        "invalid e-mail address",
    )
    return frame


def _validate_plan(
    c: _Collector, sheet: RawSheet, owners: set[str], kr_known: frozenset[str]
) -> pd.DataFrame:
    frame, label = _with_all_columns(sheet), sheet.label
    _require(
        c,
        label,
        frame,
        ("owner_code", "period", "perspective", "task_code", "task", "kr_code", "kr"),
    )
    _unique(c, label, frame, "kr_code")
    _exists(
        c,
        label,
        frame,
        "owner_code",
        owners,
        "đơn vị hoặc người (owner_code)",
        "unit or person (owner_code)",
    )
    periods = {p: parse_period(p) for p in frame["period"].unique()}
    c.flag(
        label,
        frame,
        frame["period"].map(lambda p: periods[p] is None) & (frame["period"] != ""),
        "period",
        "kỳ không hợp lệ (YYYY, YYYY-Qn hoặc YYYY-MM)",
        "invalid period (YYYY, YYYY-Qn or YYYY-MM)",
    )
    frame["period"] = frame["period"].map(lambda p: spec.code if (spec := periods[p]) else p)
    frame["perspective"] = _choice(c, label, frame, "perspective", {p.value for p in Perspective})
    frame["kind"] = _choice(
        c, label, frame, "kind", {k.value for k in KeyResultKind}, default="kpi"
    )
    frame["direction"] = _choice(
        c, label, frame, "direction", {d.value for d in Direction}, default="increase"
    )
    frame["breakthrough"] = _flags(c, label, frame, "breakthrough")
    frame["evidence_required"] = _flags(c, label, frame, "evidence_required")
    for column in ("task_weight", "weight"):
        frame[column] = _numbers(c, label, frame, column, minimum=0.0)
    frame["baseline"] = _numbers(c, label, frame, "baseline")
    target_text = frame["target"].where(
        ~((frame["target"] == "") & (frame["direction"] == "milestone")), "1"
    )
    frame["target"] = target_text
    _require(c, label, frame, ("target",))
    frame["target"] = _numbers(c, label, frame, "target")
    frame["due"] = _dates(c, label, frame, "due")
    all_krs = set(frame["kr_code"]) | kr_known
    _exists(
        c, label, frame, "parent_kr_code", all_krs, "mục tiêu then chốt cha", "parent key result"
    )
    c.flag(
        label,
        frame,
        (frame["parent_kr_code"] == frame["kr_code"]) & (frame["kr_code"] != ""),
        "parent_kr_code",
        "không thể là cha của chính nó",
        "cannot be its own parent",
    )
    task_key = ["owner_code", "period", "task_code"]
    for column in ("task", "perspective", "area", "task_weight"):
        first = frame.groupby(task_key, sort=False)[column].transform("first")
        differs = (first != frame[column]) & ~(first.isna() & frame[column].isna())
        c.flag(
            label,
            frame,
            differs,
            column,
            "khác với dòng đầu tiên của cùng nhiệm vụ (task_code)",
            "differs from the first row of the same task (task_code)",
        )
    return frame


def _validate_checkins(
    c: _Collector, sheet: RawSheet, kr_codes: set[str], people: set[str]
) -> pd.DataFrame:
    frame, label = _with_all_columns(sheet), sheet.label
    _require(c, label, frame, ("kr_code", "date", "value"))
    _exists(c, label, frame, "kr_code", kr_codes, "mục tiêu then chốt", "key result")
    _exists(c, label, frame, "reported_by", people, "người báo cáo", "person")
    frame["date"] = _dates(c, label, frame, "date")
    frame["value"] = _numbers(c, label, frame, "value")
    frame["seq"] = _occurrence(frame, ["kr_code", "date"])
    return frame


def _validate_notes(
    c: _Collector, sheet: RawSheet, unit_codes: set[str], kr_codes: set[str]
) -> pd.DataFrame:
    frame, label = _with_all_columns(sheet), sheet.label
    _require(c, label, frame, ("date", "unit_code", "text"))
    _exists(c, label, frame, "unit_code", unit_codes, "đơn vị", "unit")
    _exists(c, label, frame, "kr_code", kr_codes, "mục tiêu then chốt", "key result")
    frame["date"] = _dates(c, label, frame, "date")
    frame["seq"] = _occurrence(frame, ["date", "unit_code", "kr_code", "author"])
    return frame


def validate_dataset(sheets: dict[str, RawSheet], known: KnownCodes) -> ValidatedDataset:
    """Check every sheet and reference; return typed frames.

    Args:
        sheets: the output of ``read_dataset``.
        known: codes already in the database that rows may refer to.

    Raises:
        DatasetError: listing every problem found (file, row, column).
    """
    from woms_pwa.core.exchange.schema import CHECKINS, NOTES, PEOPLE

    c = _Collector()
    units = _validate_units(c, sheets["units"], known)
    unit_codes = set(units["code"]) | known.units
    people = (
        _validate_people(c, sheets["people"], unit_codes)
        if "people" in sheets
        else _empty_frame(PEOPLE)
    )
    person_codes = set(people["code"]) | known.people
    plan = _validate_plan(c, sheets["plan"], unit_codes | person_codes, known.key_results)
    kr_codes = set(plan["kr_code"]) | known.key_results
    checkins = (
        _validate_checkins(c, sheets["checkins"], kr_codes, person_codes)
        if "checkins" in sheets
        else _empty_frame(CHECKINS)
    )
    notes = (
        _validate_notes(c, sheets["notes"], unit_codes, kr_codes)
        if "notes" in sheets
        else _empty_frame(NOTES)
    )
    if c.problems:
        raise DatasetError(c.problems)
    if "seq" not in checkins.columns:
        checkins["seq"] = pd.Series(dtype=int)
    if "seq" not in notes.columns:
        notes["seq"] = pd.Series(dtype=int)
    return ValidatedDataset(
        units=units,
        people=people,
        plan=plan,
        checkins=checkins,
        notes=notes,
        labels={name: s.label for name, s in sheets.items()},
    )
