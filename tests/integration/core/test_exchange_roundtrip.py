"""Import → export → import round trip, idempotency and audit of changes."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import func, select

from woms_pwa.core.db import session_scope
from woms_pwa.core.exchange.exporter import export_dataset
from woms_pwa.core.exchange.importer import import_dataset
from woms_pwa.core.models import AuditEntry, CheckIn, KeyResult, Note, Unit
from woms_pwa.core.services.audit import verify_chain


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


def test_round_trip_is_byte_for_byte_stable(
    db_url: str, small_dataset: Path, tmp_path: Path
) -> None:
    with session_scope(db_url) as session:
        import_dataset(session, small_dataset)
    with session_scope(db_url) as session:
        export_dataset(session, tmp_path / "first")
    with session_scope(db_url) as session:
        summary = import_dataset(session, tmp_path / "first")
    assert not summary.changed, summary.to_dict()
    with session_scope(db_url) as session:
        export_dataset(session, tmp_path / "second")
    assert _files(tmp_path / "first") == _files(tmp_path / "second")
    assert set(_files(tmp_path / "first")) == {
        "units.csv",
        "people.csv",
        "plan.csv",
        "checkins.csv",
        "notes.csv",
    }


def test_round_trip_into_a_fresh_database(db_url: str, small_dataset: Path, tmp_path: Path) -> None:
    with session_scope(db_url) as session:
        import_dataset(session, small_dataset)
        export_dataset(session, tmp_path / "first")
    other = f"sqlite:///{tmp_path / 'other.db'}"
    from woms_pwa.core.migrate import upgrade

    upgrade(other)
    with session_scope(other) as session:
        import_dataset(session, tmp_path / "first")
        export_dataset(session, tmp_path / "second")
    assert _files(tmp_path / "first") == _files(tmp_path / "second")


def test_import_twice_changes_nothing(db_url: str, small_dataset: Path) -> None:
    with session_scope(db_url) as session:
        first = import_dataset(session, small_dataset)
    assert first.created["unit"] == 5 and first.created["key_result"] == 9
    assert first.created["check_in"] == 4 and first.created["note"] == 1
    with session_scope(db_url) as session:
        audit_before = session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
        second = import_dataset(session, small_dataset)
        audit_after = session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    assert not second.changed
    assert audit_after == audit_before


def test_changed_row_updates_record_and_is_audited(
    db_url: str, small_dataset: Path, tmp_path: Path
) -> None:
    with session_scope(db_url) as session:
        import_dataset(session, small_dataset)
    changed = tmp_path / "changed"
    shutil.copytree(small_dataset, changed)
    plan = (changed / "plan.csv").read_text(encoding="utf-8")
    plan = plan.replace(
        "Kết nạp đảng viên mới,kpi,0,người,,12,", "Kết nạp đảng viên mới,kpi,0,người,,15,"
    )
    (changed / "plan.csv").write_text(plan, encoding="utf-8")
    with session_scope(db_url) as session:
        summary = import_dataset(session, changed)
    assert summary.updated == {"key_result": 1}
    assert not summary.created
    with session_scope(db_url) as session:
        kr = session.execute(
            select(KeyResult).where(KeyResult.code == "TP-2025-DV2.1")
        ).scalar_one()
        assert kr.target == 15
        entry = session.execute(
            select(AuditEntry).where(AuditEntry.entity_code == "TP-2025-DV2.1")
        ).scalar_one()
        assert (entry.field, entry.old_value, entry.new_value) == ("target", "12.0", "15.0")
        assert (
            verify_chain(
                list(session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars())
            )
            is None
        )


def test_import_links_hierarchy_and_current_values(db_url: str, small_dataset: Path) -> None:
    with session_scope(db_url) as session:
        import_dataset(session, small_dataset)
    with session_scope(db_url) as session:
        dept = session.execute(select(Unit).where(Unit.code == "HY.X.TANPHONG.VP")).scalar_one()
        parent = session.get(Unit, dept.parent_id)
        assert parent is not None and parent.code == "HY.X.TANPHONG"
        kr = session.execute(
            select(KeyResult).where(KeyResult.code == "TP-2025-NS1.1")
        ).scalar_one()
        assert kr.current_value == 21.4 and kr.current_as_of.isoformat() == "2025-06-30"
        province_kr = session.execute(
            select(KeyResult).where(KeyResult.code == "HY-2025-NS1.1")
        ).scalar_one()
        assert kr.parent_kr_id == province_kr.id
        revenue = session.execute(
            select(KeyResult).where(KeyResult.code == "AT-2025-NS1.1")
        ).scalar_one()
        assert revenue.current_value == 38.5  # "38,5" in the file
        assert session.execute(select(func.count()).select_from(CheckIn)).scalar_one() == 4
        note = session.execute(select(Note)).scalar_one()
        assert "GPMB" in note.text and note.kr_id == kr.id
