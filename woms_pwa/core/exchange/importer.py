"""Write a validated dataset into the database: all-or-nothing and idempotent.

Rows are matched to existing records by their codes (check-ins by key result,
date and order within that date; notes by date, unit, key result, author and
order). New records are bulk-inserted; a changed field updates the record and
leaves one audit entry with the old and new value. Nothing is deleted: a
dataset may cover part of the province.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy import select as core_select
from sqlmodel import Session, select

from woms_pwa.core.exchange.reader import read_dataset
from woms_pwa.core.exchange.validate import KnownCodes, ValidatedDataset, validate_dataset
from woms_pwa.core.models import CheckIn, KeyResult, Note, Period, Person, Plan, Task, Unit, utcnow
from woms_pwa.core.periods import parse_period
from woms_pwa.core.services.audit import AuditRecord, append
from woms_pwa.core.services.keyresults import refresh_current_values

_CHUNK = 20_000


@dataclass
class ImportSummary:
    """Counts of what an import created and updated, per kind of record."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """Whether the import changed anything."""
        return any(self.created.values()) or any(self.updated.values())

    def to_dict(self) -> dict[str, dict[str, int]]:
        """Return the counts as plain dicts (for ``--json``)."""
        return {"created": dict(self.created), "updated": dict(self.updated)}


def _table(model: Any) -> Table:
    return model.__table__  # type: ignore[no-any-return]


def _clean(value: Any) -> Any:
    """Turn pandas' missing markers into None so that comparisons are exact."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, str) and value == "":
        return None
    return value


def _chunks(rows: list[dict[str, Any]], size: int = _CHUNK) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


class _Writer:
    """Holds the session, the audit trail and the counts of one import."""

    def __init__(self, session: Session, actor: str, reason: str) -> None:
        self.session = session
        self.actor = actor
        self.reason = reason
        self.audit: list[AuditRecord] = []
        self.summary = ImportSummary()

    def insert_rows(self, entity: str, model: Any, rows: list[dict[str, Any]]) -> None:
        for chunk in _chunks(rows):
            self.session.execute(insert(_table(model)), chunk)
        if rows:
            self.summary.created[entity] = self.summary.created.get(entity, 0) + len(rows)
            self.audit.append(
                AuditRecord(
                    actor=self.actor,
                    action="import.create",
                    entity=entity,
                    new_value=f"{len(rows)} bản ghi mới",
                    reason=self.reason,
                )
            )

    def sync(
        self,
        entity: str,
        model: Any,
        incoming: Iterable[tuple[Any, dict[str, Any]]],
        existing: dict[Any, dict[str, Any]],
        code_of: Any = None,
        silent: frozenset[Any] = frozenset(),
    ) -> set[Any]:
        """Insert unseen keys; update changed fields of known keys (with audit).

        Keys in ``silent`` were created by this import a moment ago: their
        second-pass fields (parents) are set without audit or counting.

        Returns:
            The keys that were inserted.
        """
        new_rows: list[dict[str, Any]] = []
        new_keys: set[Any] = set()
        updates: list[dict[str, Any]] = []
        changed_ids: set[int] = set()
        for key, values in incoming:
            values = {name: _clean(value) for name, value in values.items()}
            current = existing.get(key)
            if current is None:
                new_rows.append(values)
                new_keys.add(key)
                continue
            diffs = {
                name: value for name, value in values.items() if _clean(current.get(name)) != value
            }
            if not diffs:
                continue
            updates.append(
                {"_id": current["id"], **{**{n: _clean(current.get(n)) for n in values}, **diffs}}
            )
            if key in silent:
                continue
            changed_ids.add(current["id"])
            for name, value in diffs.items():
                self.audit.append(
                    AuditRecord(
                        actor=self.actor,
                        action="import.update",
                        entity=entity,
                        entity_id=current["id"],
                        entity_code=str(code_of(key)) if code_of else str(key),
                        field=name,
                        old_value=None if current.get(name) is None else str(current.get(name)),
                        new_value=None if value is None else str(value),
                        reason=self.reason,
                    )
                )
        self.insert_rows(entity, model, new_rows)
        if updates:
            table = _table(model)
            columns = [name for name in updates[0] if name != "_id"]
            statement = (
                update(table)
                .where(table.c.id == bindparam("_id"))
                .values({name: bindparam(name) for name in columns})
            )
            for chunk in _chunks(updates):
                self.session.connection().execute(statement, chunk)
            if changed_ids:
                self.summary.updated[entity] = self.summary.updated.get(entity, 0) + len(
                    changed_ids
                )
        return new_keys


def load_known_codes(session: Session) -> KnownCodes:
    """Return the codes already stored, for validating references."""
    units = session.execute(select(Unit.code, Unit.parent_id)).all()
    return KnownCodes(
        units=frozenset(code for code, _ in units),
        people=frozenset(session.execute(select(Person.code)).scalars()),
        key_results=frozenset(session.execute(select(KeyResult.code)).scalars()),
        roots=frozenset(code for code, parent in units if parent is None),
    )


def _rows_by(
    session: Session, model: Any, key: str, columns: list[str], where: Any = None
) -> dict[Any, dict[str, Any]]:
    table = _table(model)
    statement = core_select(*[table.c[name] for name in ["id", key, *columns]])
    if where is not None:
        statement = statement.where(where)
    return {
        row[1]: dict(zip(["id", key, *columns], row, strict=True))
        for row in session.execute(statement)
    }


def _sync_periods(w: _Writer, codes: Iterable[str]) -> dict[str, int]:
    existing = _rows_by(w.session, Period, "code", [])
    fresh = []
    for code in sorted(set(codes) - set(existing)):
        spec = parse_period(code)
        assert spec is not None  # validated before
        fresh.append(
            {
                "code": spec.code,
                "kind": spec.kind.value,
                "year": spec.year,
                "start_date": spec.start,
                "end_date": spec.end,
            }
        )
    for row in fresh:
        w.session.execute(insert(_table(Period)), [row])
    return {code: row["id"] for code, row in _rows_by(w.session, Period, "code", []).items()}


def _sync_units(w: _Writer, units: pd.DataFrame) -> dict[str, int]:
    existing = _rows_by(w.session, Unit, "code", ["name", "kind", "parent_id"])
    created = w.sync(
        "unit",
        Unit,
        ((r.code, {"code": r.code, "name": r.name, "kind": r.kind}) for r in units.itertuples()),
        existing,
    )
    ids = {code: row["id"] for code, row in _rows_by(w.session, Unit, "code", []).items()}
    parents = _rows_by(w.session, Unit, "code", ["parent_id"])
    w.sync(
        "unit",
        Unit,
        ((r.code, {"parent_id": ids.get(r.parent_code)}) for r in units.itertuples()),
        parents,
        silent=frozenset(created),
    )
    return ids


def _sync_people(w: _Writer, people: pd.DataFrame, unit_ids: dict[str, int]) -> dict[str, int]:
    existing = _rows_by(
        w.session, Person, "code", ["full_name", "unit_id", "position", "is_head", "email"]
    )
    w.sync(
        "person",
        Person,
        (
            (
                r.code,
                {
                    "code": r.code,
                    "full_name": r.full_name,
                    "unit_id": unit_ids[r.unit_code],
                    "position": r.position,
                    "is_head": bool(r.is_head),
                    "email": r.email,
                },
            )
            for r in people.itertuples()
        ),
        existing,
    )
    return {code: row["id"] for code, row in _rows_by(w.session, Person, "code", []).items()}


def _owner_key(
    code: str, unit_ids: dict[str, int], person_ids: dict[str, int]
) -> tuple[str, int | None, int | None]:
    if code in unit_ids:
        return f"U{unit_ids[code]}", unit_ids[code], None
    return f"P{person_ids[code]}", None, person_ids[code]


def _sync_plans(
    w: _Writer,
    plan: pd.DataFrame,
    unit_ids: dict[str, int],
    person_ids: dict[str, int],
    period_ids: dict[str, int],
) -> dict[tuple[str, str], int]:
    table = _table(Plan)
    existing = {
        (row.owner_key, row.period_id): row.id
        for row in w.session.execute(core_select(table.c.id, table.c.owner_key, table.c.period_id))
    }
    wanted: dict[tuple[str, str], tuple[str, int]] = {}
    fresh = []
    for owner_code, period in (
        plan[["owner_code", "period"]].drop_duplicates().itertuples(index=False)
    ):
        key, unit_id, person_id = _owner_key(owner_code, unit_ids, person_ids)
        wanted[(owner_code, period)] = (key, period_ids[period])
        if (key, period_ids[period]) not in existing:
            # Plans arriving by file were agreed on paper: they start approved.
            fresh.append(
                {
                    "owner_key": key,
                    "owner_unit_id": unit_id,
                    "owner_person_id": person_id,
                    "period_id": period_ids[period],
                    "status": "approved",
                    "version": 1,
                }
            )
    w.insert_rows("plan", Plan, fresh)
    existing = {
        (row.owner_key, row.period_id): row.id
        for row in w.session.execute(core_select(table.c.id, table.c.owner_key, table.c.period_id))
    }
    return {pair: existing[target] for pair, target in wanted.items()}


def _sync_tasks(
    w: _Writer, plan: pd.DataFrame, plan_ids: dict[tuple[str, str], int]
) -> dict[tuple[int, str], int]:
    plan = plan.assign(
        plan_id=[plan_ids[(o, p)] for o, p in zip(plan["owner_code"], plan["period"], strict=True)]
    )
    grouped = plan.groupby(["plan_id", "task_code"], sort=False)
    tasks = grouped.agg(
        title=("task", "first"),
        perspective=("perspective", "first"),
        area=("area", "first"),
        weight=("task_weight", "first"),
        breakthrough=("breakthrough", "all"),
    ).reset_index()
    tasks["position"] = tasks.groupby("plan_id").cumcount()
    table = _table(Task)
    plan_id_set = set(tasks["plan_id"].tolist())
    existing: dict[Any, dict[str, Any]] = {}
    columns = ["title", "perspective", "area", "weight", "breakthrough", "position"]
    for row in w.session.execute(
        core_select(table.c.id, table.c.plan_id, table.c.code, *[table.c[c] for c in columns])
    ):
        if row.plan_id in plan_id_set:
            existing[(row.plan_id, row.code)] = {
                "id": row.id,
                "plan_id": row.plan_id,
                "code": row.code,
                **{c: getattr(row, c) for c in columns},
            }
    w.sync(
        "task",
        Task,
        (
            (
                (int(r.plan_id), r.task_code),
                {
                    "plan_id": int(r.plan_id),
                    "code": r.task_code,
                    "title": r.title,
                    "perspective": r.perspective,
                    "area": r.area or "",
                    "weight": r.weight,
                    "breakthrough": bool(r.breakthrough),
                    "position": int(r.position),
                },
            )
            for r in tasks.itertuples()
        ),
        existing,
        code_of=lambda key: key[1],
    )
    ids: dict[tuple[int, str], int] = {}
    for row in w.session.execute(core_select(table.c.id, table.c.plan_id, table.c.code)):
        if row.plan_id in plan_id_set:
            ids[(row.plan_id, row.code)] = row.id
    return ids


_KR_FIELDS = [
    "task_id",
    "title",
    "kind",
    "breakthrough",
    "unit",
    "baseline",
    "target",
    "direction",
    "weight",
    "due",
    "metric_code",
    "reference",
    "evidence_required",
    "position",
]


def _sync_key_results(
    w: _Writer,
    plan: pd.DataFrame,
    plan_ids: dict[tuple[str, str], int],
    task_ids: dict[tuple[int, str], int],
) -> dict[str, int]:
    plan_id = [plan_ids[(o, p)] for o, p in zip(plan["owner_code"], plan["period"], strict=True)]
    task_id = [task_ids[(pid, t)] for pid, t in zip(plan_id, plan["task_code"], strict=True)]
    plan = plan.assign(task_id=task_id)
    plan["position"] = plan.groupby("task_id", sort=False).cumcount()
    existing = _rows_by(w.session, KeyResult, "code", _KR_FIELDS)
    created = w.sync(
        "key_result",
        KeyResult,
        (
            (
                r.kr_code,
                {
                    "code": r.kr_code,
                    "task_id": int(r.task_id),
                    "title": r.kr,
                    "kind": r.kind,
                    "breakthrough": bool(r.breakthrough),
                    "unit": r.unit or "",
                    "baseline": r.baseline,
                    "target": float(r.target),
                    "direction": r.direction,
                    "weight": r.weight,
                    "due": r.due,
                    "metric_code": r.metric_code,
                    "reference": r.reference,
                    "evidence_required": bool(r.evidence_required),
                    "position": int(r.position),
                },
            )
            for r in plan.itertuples()
        ),
        existing,
    )
    ids = {code: row["id"] for code, row in _rows_by(w.session, KeyResult, "code", []).items()}
    parents = _rows_by(w.session, KeyResult, "code", ["parent_kr_id"])
    w.sync(
        "key_result",
        KeyResult,
        ((r.kr_code, {"parent_kr_id": ids.get(r.parent_kr_code)}) for r in plan.itertuples()),
        parents,
        silent=frozenset(created),
    )
    return ids


def _sync_checkins(
    w: _Writer, checkins: pd.DataFrame, kr_ids: dict[str, int], person_ids: dict[str, int]
) -> set[int]:
    if checkins.empty:
        return set()
    frame = pd.DataFrame(
        {
            "kr_id": checkins["kr_code"].map(kr_ids).astype("int64"),
            "date": checkins["date"],
            "seq": checkins["seq"].astype("int64"),
            "value": checkins["value"].astype(float),
            "note": checkins["note"].fillna(""),
            "evidence": checkins["evidence"].where(checkins["evidence"] != "", None),
            "reported_by_person_id": checkins["reported_by"].map(person_ids).astype("Int64"),
        }
    )
    affected = set(frame["kr_id"].unique().tolist())
    stored = _stored_checkins(w.session, affected)
    if stored.empty:
        _insert_checkins(w, frame)
        return affected
    # Compare column-wise on the merged frame; only changed rows become dicts,
    # so re-importing a province costs no per-row Python objects.
    merged = frame.merge(stored, on=["kr_id", "date", "seq"], how="left", suffixes=("", "_old"))
    known = merged["id"].notna()
    old_reporter = merged["reported_by_person_id_old"].astype("Int64")
    differs = (
        (merged["value"] != merged["value_old"])
        | (merged["note"].fillna("") != merged["note_old"].fillna(""))
        | (merged["evidence"].fillna("") != merged["evidence_old"].fillna(""))
        | (merged["reported_by_person_id"].fillna(-1) != old_reporter.fillna(-1))
    )
    changed = merged[known & differs]

    def reporter(value: Any) -> int | None:
        return None if pd.isna(value) else int(value)

    w.sync(
        "check_in",
        CheckIn,
        (
            (
                (r.kr_id, r.date, r.seq),
                {
                    "value": float(r.value),
                    "note": r.note or None,
                    "evidence": _clean(r.evidence),
                    "reported_by_person_id": reporter(r.reported_by_person_id),
                },
            )
            for r in changed.itertuples()
        ),
        {
            (r.kr_id, r.date, r.seq): {
                "id": int(r.id),
                "value": r.value_old,
                "note": r.note_old or None,
                "evidence": _clean(r.evidence_old),
                "reported_by_person_id": reporter(r.reported_by_person_id_old),
            }
            for r in changed.itertuples()
        },
        code_of=lambda key: f"{key[0]}@{key[1]}",
    )
    fresh = merged.loc[~known, list(frame.columns)]
    _insert_checkins(w, fresh)
    return affected


def _stored_checkins(session: Session, kr_ids: set[int]) -> pd.DataFrame:
    """Stored check-ins of ``kr_ids`` with their order within (key result, date)."""
    table = _table(CheckIn)
    columns = ["id", "kr_id", "date", "value", "note", "evidence", "reported_by_person_id"]
    statement = core_select(*[table.c[c] for c in columns]).order_by(
        table.c.kr_id, table.c.date, table.c.id
    )
    if len(kr_ids) <= 1000:
        statement = statement.where(table.c.kr_id.in_(sorted(kr_ids)))
    stored = pd.DataFrame(session.execute(statement).all(), columns=columns)
    if stored.empty:
        return stored
    stored = stored[stored["kr_id"].isin(kr_ids)]
    stored["seq"] = stored.groupby(["kr_id", "date"]).cumcount()
    return stored.rename(
        columns={c: f"{c}_old" for c in ("value", "note", "evidence", "reported_by_person_id")}
    )


def _insert_checkins(w: _Writer, fresh: pd.DataFrame) -> None:
    total = len(fresh)
    if not total:
        return
    kr = fresh["kr_id"].to_numpy()
    dates = fresh["date"].to_numpy()
    values = fresh["value"].to_numpy()
    notes = fresh["note"].to_numpy()
    evidence = fresh["evidence"].to_numpy()
    reporter = (
        fresh["reported_by_person_id"]
        .astype(object)
        .where(fresh["reported_by_person_id"].notna(), None)
        .to_numpy()
    )
    table = _table(CheckIn)
    now = utcnow()
    rows = (
        (
            int(kr[i]),
            dates[i],
            float(values[i]),
            _clean(notes[i]) or "",
            _clean(evidence[i]),
            None if reporter[i] is None else int(reporter[i]),
            now,
        )
        for i in range(total)
    )
    columns = ("kr_id", "date", "value", "note", "evidence", "reported_by_person_id", "created_at")
    connection = w.session.connection()
    if connection.dialect.name == "postgresql":
        # COPY is an order of magnitude faster than INSERT for a million rows,
        # and runs inside the same transaction (all-or-nothing still holds).
        raw: Any = connection.connection.dbapi_connection
        buffer = io.StringIO()
        pd.DataFrame(
            {
                "kr_id": kr,
                "date": dates,
                "value": values,
                "note": [_clean(n) or "" for n in notes],
                "evidence": [_clean(e) for e in evidence],
                "reported_by_person_id": pd.array(reporter, dtype="Int64"),
                "created_at": now.isoformat(),
            }
        ).to_csv(buffer, index=False, header=False, na_rep="\\N")
        with (
            raw.cursor() as cursor,
            cursor.copy(
                f"COPY check_in ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
            ) as copy,
        ):
            copy.write(buffer.getvalue())
    else:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(dict(zip(columns, row, strict=True)))
            if len(batch) == _CHUNK:
                w.session.execute(insert(table), batch)
                batch = []
        if batch:
            w.session.execute(insert(table), batch)
    w.summary.created["check_in"] = w.summary.created.get("check_in", 0) + total
    w.audit.append(
        AuditRecord(
            actor=w.actor,
            action="import.create",
            entity="check_in",
            new_value=f"{total} bản ghi mới",
            reason=w.reason,
        )
    )


def _sync_notes(
    w: _Writer,
    notes: pd.DataFrame,
    unit_ids: dict[str, int],
    kr_ids: dict[str, int],
    person_ids: dict[str, int],
) -> None:
    if notes.empty:
        return
    table = _table(Note)
    stored = pd.DataFrame(
        list(
            w.session.execute(
                core_select(
                    table.c.id,
                    table.c.date,
                    table.c.unit_id,
                    table.c.kr_id,
                    table.c.author,
                    table.c.text,
                ).order_by(table.c.id)
            )
        ),
        columns=["id", "date", "unit_id", "kr_id", "author", "text"],
    )
    existing: dict[Any, dict[str, Any]] = {}
    if not stored.empty:
        stored["kr_key"] = stored["kr_id"].fillna(-1).astype(int)
        stored["author_key"] = stored["author"].fillna("")
        stored["seq"] = stored.groupby(["date", "unit_id", "kr_key", "author_key"]).cumcount()
        existing = {
            (r.date, r.unit_id, r.kr_key, r.author_key, r.seq): {"id": r.id, "text": r.text}
            for r in stored.itertuples()
        }
    incoming = []
    for r in notes.itertuples():
        kr_id = kr_ids.get(r.kr_code) if r.kr_code else None
        key = (r.date, unit_ids[r.unit_code], kr_id if kr_id is not None else -1, r.author or "", 0)
        incoming.append((key, r, kr_id))
    # Re-number occurrences on the same resolved key, as the stored side does.
    counts: dict[Any, int] = {}
    rows = []
    for key, r, kr_id in incoming:
        base = key[:4]
        seq = counts.get(base, 0)
        counts[base] = seq + 1
        rows.append(
            (
                (*base, seq),
                {
                    "date": r.date,
                    "unit_id": base[1],
                    "kr_id": kr_id,
                    "author": r.author,
                    "author_person_id": person_ids.get(r.author),
                    "text": r.text,
                    "kind": "note",
                },
            )
        )
    # A known note can only change its text; a new one needs every column.
    w.sync(
        "note",
        Note,
        (
            (key, values if key not in existing else {"text": values["text"]})
            for key, values in rows
        ),
        existing,
    )


def apply_dataset(
    session: Session, data: ValidatedDataset, *, actor: str = "import", reason: str = ""
) -> ImportSummary:
    """Write validated frames in the caller's transaction.

    Args:
        session: an open session; the caller commits or rolls back.
        data: the output of ``validate_dataset``.
        actor: who is importing (for the audit log).
        reason: why (for the audit log), e.g. the file name.

    Returns:
        What was created and updated.
    """
    w = _Writer(session, actor, reason)
    period_ids = _sync_periods(w, data.plan["period"].unique().tolist())
    unit_ids = _sync_units(w, data.units)
    person_ids = _sync_people(w, data.people, unit_ids)
    plan_ids = _sync_plans(w, data.plan, unit_ids, person_ids, period_ids)
    task_ids = _sync_tasks(w, data.plan, plan_ids)
    kr_ids = _sync_key_results(w, data.plan, plan_ids, task_ids)
    affected = _sync_checkins(w, data.checkins, kr_ids, person_ids)
    _sync_notes(w, data.notes, unit_ids, kr_ids, person_ids)
    if affected:
        refresh_current_values(session, affected)
    if w.audit:
        append(session, w.audit)
    session.flush()
    return w.summary


def import_dataset(session: Session, path: str | Path, *, actor: str = "import") -> ImportSummary:
    """Read, validate and write a dataset; raise ``DatasetError`` before writing anything.

    Args:
        session: an open session; the caller commits (or rolls back on error).
        path: folder of CSV files or ``.xlsx`` workbook.
        actor: who is importing, for the audit log.
    """
    sheets = read_dataset(path)
    data = validate_dataset(sheets, load_known_codes(session))
    return apply_dataset(session, data, actor=actor, reason=f"Nhập dữ liệu từ {Path(path).name}")
