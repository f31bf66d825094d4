"""Dictionary in the database: idempotent sync, admin edits kept, retire and merge."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlmodel import select

from metric_library.catalogue import COLUMNS, CatalogueError, default_paths
from woms_pwa.core.db import session_scope
from woms_pwa.core.metrics.curation import (
    create_entry,
    merge_entries,
    restore_entry,
    retire_entry,
    search_entries,
    update_entry,
    usage_counts,
)
from woms_pwa.core.metrics.entries import get_entry, resolve_code
from woms_pwa.core.metrics.models import MetricEntry
from woms_pwa.core.metrics.service import MetricsError, suggest_metrics
from woms_pwa.core.metrics.sync import sync_catalogue_from_files
from woms_pwa.core.models import AuditEntry, KeyResult
from woms_pwa.core.permissions import PermissionDenied
from woms_pwa.core.services.audit import verify_chain

NEW_ENTRY = {
    "code": "TEST.DANVAN.TOHOP",
    "name": "Số tổ hòa giải hoạt động hiệu quả",
    "definition": "Tổ hòa giải ở thôn có biên bản hòa giải thành trong năm.",
    "formula": "Đếm số tổ có ít nhất một vụ hòa giải thành",
    "unit": "tổ",
    "direction": "increase",
    "perspective": "service",
    "area": "Xây dựng Đảng/Nội chính và phòng, chống tham nhũng",
    "data_source": "manual_evidence",
    "evidence": "Biên bản hòa giải thành",
    "is_proxy": "1",
    "synonyms": "tổ hòa giải | hoà giải cơ sở",
    "reference": "Luật Hòa giải ở cơ sở 2013",
    "kind_hint": "kpi",
}


def _entry_count(url: str) -> int:
    with session_scope(url) as session:
        return len(list(session.exec(select(MetricEntry))))


def test_sync_is_idempotent_and_keeps_admin_edits(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        first = sync_catalogue_from_files(session)
    assert first.created >= 300 and first.updated == 0
    with session_scope(loaded) as session:
        second = sync_catalogue_from_files(session)
    assert not second.changed and second.unchanged == first.created
    with session_scope(loaded) as session:
        changed = update_entry(
            session, actor_of("admin"), "ns.dtc.giaingan", {"unit": "phần trăm"}, "thử"
        )
    assert changed == ["unit"]
    with session_scope(loaded) as session:
        third = sync_catalogue_from_files(session)
        entry = get_entry(session, "NS.DTC.GIAINGAN")
        assert entry is not None
        assert (entry.unit, entry.source) == ("phần trăm", "admin")
        log = session.exec(select(AuditEntry).order_by(AuditEntry.id)).all()  # type: ignore[arg-type]
        assert verify_chain(log) is None
    assert third.kept_admin == 1 and not third.changed
    assert _entry_count(loaded) == first.created


def test_sync_refreshes_file_rows_and_retires_codes_gone_from_files(
    loaded: str, tmp_path: Path
) -> None:
    source = default_paths()[0]
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with session_scope(loaded) as session:
        sync_catalogue_from_files(session, [source])
    edited = tmp_path / source.name
    rows[0]["unit"] = "hội nghị (sửa)"
    with edited.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows(rows[:-1])
    with session_scope(loaded) as session:
        summary = sync_catalogue_from_files(session, [edited])
        gone = get_entry(session, rows[-1]["code"])
        refreshed = get_entry(session, rows[0]["code"])
        assert gone is not None and gone.status == "retired"
        assert refreshed is not None and refreshed.unit == "hội nghị (sửa)"
    assert (summary.updated, summary.retired, summary.created) == (1, 1, 0)


def test_invalid_file_writes_nothing(loaded: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(",".join(COLUMNS) + "\nkhong-hop-le,,,,,,,,,,,,,\n", encoding="utf-8")
    with (
        pytest.raises(CatalogueError, match=r"bad\.csv, dòng 2"),
        session_scope(loaded) as session,
    ):
        sync_catalogue_from_files(session, [bad])
    assert _entry_count(loaded) == 0


def test_retired_entry_stays_valid_for_plans_and_leaves_suggestions(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        sync_catalogue_from_files(session)
        before = [s["code"] for s in suggest_metrics(session, "giải ngân vốn đầu tư công", 5)]
        assert "NS.DTC.GIAINGAN" in before
        retire_entry(session, actor_of("admin"), "NS.DTC.GIAINGAN", "Thay bằng chỉ số quý")
    with session_scope(loaded) as session:
        after = [s["code"] for s in suggest_metrics(session, "giải ngân vốn đầu tư công", 5)]
        assert "NS.DTC.GIAINGAN" not in after
        kr = session.exec(select(KeyResult).where(KeyResult.code == "TP-2025-NS1.1")).one()
        assert kr.metric_code == "NS.DTC.GIAINGAN"
        entry = resolve_code(session, kr.metric_code)
        assert entry is not None and entry.status == "retired"
        assert usage_counts(session)["NS.DTC.GIAINGAN"] == 2
        with pytest.raises(MetricsError, match="đã ngừng dùng"):
            retire_entry(session, actor_of("admin"), "NS.DTC.GIAINGAN")
        restore_entry(session, actor_of("admin"), "NS.DTC.GIAINGAN")
    with session_scope(loaded) as session:
        assert "NS.DTC.GIAINGAN" in [
            s["code"] for s in suggest_metrics(session, "giải ngân vốn đầu tư công", 5)
        ]
        actions = session.exec(
            select(AuditEntry.action).where(AuditEntry.entity_code == "NS.DTC.GIAINGAN")
        ).all()
        assert actions == ["metric.retire", "metric.restore"]


def test_merge_resolves_plans_codes_and_keeps_phrasings(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        sync_catalogue_from_files(session)
        merge_entries(session, actor_of("admin"), "NS.DTC.GIAINGAN", "NS.DTC.GIAINGAN_QUY")
    with session_scope(loaded) as session:
        source = get_entry(session, "NS.DTC.GIAINGAN")
        assert source is not None
        assert (source.status, source.merged_into) == ("retired", "NS.DTC.GIAINGAN_QUY")
        resolved = resolve_code(session, "ns.dtc.giaingan")
        assert resolved is not None and resolved.code == "NS.DTC.GIAINGAN_QUY"
        assert "Tỷ lệ giải ngân vốn đầu tư công" in resolved.synonyms
        rows = {v.code: v for v in search_entries(session, "giai ngan", include_retired=True)}
        assert rows["NS.DTC.GIAINGAN"].merged_target == "NS.DTC.GIAINGAN_QUY"
        assert rows["NS.DTC.GIAINGAN"].usage == 2
        with pytest.raises(MetricsError, match="chính nó"):
            merge_entries(session, actor_of("admin"), "NS.THU.DUTOAN", "ns.thu.dutoan")
        with pytest.raises(MetricsError, match="đã ngừng dùng"):
            merge_entries(session, actor_of("admin"), "NS.THU.DUTOAN", "NS.DTC.GIAINGAN")


def test_only_admins_curate_and_bad_fields_get_vietnamese_messages(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        sync_catalogue_from_files(session)
    with session_scope(loaded) as session:
        with pytest.raises(PermissionDenied, match="quản trị viên"):
            retire_entry(session, actor_of("bithu.tanphong"), "NS.DTC.GIAINGAN")
        with pytest.raises(PermissionDenied):
            create_entry(session, actor_of("lanhdao.tinh"), NEW_ENTRY)
        with pytest.raises(MetricsError, match="Chiều đánh giá"):
            create_entry(session, actor_of("admin"), {**NEW_ENTRY, "direction": "len"})
        with pytest.raises(MetricsError, match="Đơn vị: không được để trống"):
            update_entry(session, actor_of("admin"), "NS.DTC.GIAINGAN", {"unit": " "})
        with pytest.raises(MetricsError, match="đã có trong thư viện"):
            create_entry(session, actor_of("admin"), {**NEW_ENTRY, "code": "NS.DTC.GIAINGAN"})
        created = create_entry(session, actor_of("admin"), NEW_ENTRY, "Bổ sung")
        assert created.source == "admin"
    with session_scope(loaded) as session:
        found = [v.code for v in search_entries(session, "to hoa giai")]
        assert found[0] == "TEST.DANVAN.TOHOP"
        assert [v.code for v in search_entries(session, "TỔ HOÀ GIẢI")] == found
        entry = get_entry(session, "NS.DTC.GIAINGAN")
        assert entry is not None and entry.unit == "%"
