"""The store itself: reconciliation, statistics, the writer lock and stale readers."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import numpy as np

from assistant.index import EmptyIndex, open_index
from assistant.locking import StoreLock
from assistant.retrieval import causes
from assistant.sources import Source


def _source(sid: str, text: str, kr: str = "A-1", unit: str = "X.A", **extra: str) -> Source:
    return Source(
        id=sid,
        kind="checkin",
        text=text,
        unit_code=unit,
        unit_id=1 if unit == "X.A" else 2,
        kr_code=kr,
        date=dt.date(2025, 6, 30),
        **extra,  # type: ignore[arg-type]
    )


def test_reconcile_adds_rewrites_and_deletes_and_keeps_the_statistics_exact(
    tmp_path: Path,
) -> None:
    index = open_index(str(tmp_path / "a"))
    index.add(
        [
            _source("c1", "Giải ngân chậm do vướng giải phóng mặt bằng."),
            _source("c2", "Đã nghiệm thu trường mầm non."),
            _source("c3", "Thiếu công chức một cửa."),
        ]
    )
    done = index.reconcile(
        [
            _source("c1", "Giải ngân chậm do nhà thầu thiếu máy thi công."),
            _source("c2", "Đã nghiệm thu trường mầm non.", unit="X.B"),
            _source("c4", "Phiên đấu giá bị hoãn."),
        ],
        ["c1", "c2", "c3", "c4"],
    )
    assert (done.added, done.updated, done.deleted) == (1, 2, 1)
    stored = index.fetch(["c1", "c2", "c3", "c4"])
    assert set(stored) == {"c1", "c2", "c4"}
    assert stored["c1"].text.endswith("máy thi công.") and stored["c2"].unit_code == "X.B"
    # The same texts indexed from scratch give the same statistics.
    fresh = open_index(str(tmp_path / "b"))
    fresh.add(list(stored.values()))
    assert index.frequencies.total == fresh.frequencies.total == 3
    assert np.array_equal(index.frequencies.counts, fresh.frequencies.counts)
    # Nothing changed: nothing written.
    assert index.reconcile(list(stored.values()), ["c1", "c2", "c3", "c4"]).total == 0


def test_a_retired_key_results_texts_explain_nothing_else(tmp_path: Path) -> None:
    index = open_index(str(tmp_path / "r"))
    index.add(
        [
            _source("c1", "Giải ngân đầu tư công chậm do vướng giải phóng mặt bằng.", kr="A-1"),
            _source(
                "c2",
                "Giải ngân đầu tư công chậm do thiếu vốn đối ứng của xã.",
                kr="A-9",
                kr_status="retired",
            ),
        ]
    )
    found = causes(
        index,
        "vi sao giai ngan dau tu cong cham",
        "X.A",
        "A-1",
        lambda s: True,
        k=5,
        topic="Giải ngân đầu tư công",
    )
    assert [r.source.id for r in found] == ["c1"]
    unit_wide = causes(index, "vi sao giai ngan cham", "X.A", "", lambda s: True, k=5)
    assert "c2" not in {r.source.id for r in unit_wide}


def test_the_empty_index_answers_nothing() -> None:
    empty = EmptyIndex()
    assert empty.count() == 0 and empty.get(None) == [] and empty.search("giải ngân", None) == []


def test_one_writer_at_a_time_across_threads_and_processes(tmp_path: Path) -> None:
    folder = str(tmp_path / "chroma")
    lock = StoreLock(folder)
    assert lock.lock_path.parent == tmp_path and lock.lock_path.name == "chroma.lock"
    with lock.writing() as first:
        assert first
        with StoreLock(folder).writing() as second:
            assert not second
        probe = (
            "import sys; from assistant.locking import StoreLock\n"
            "with StoreLock(sys.argv[1]).writing() as w: print(w)"
        )
        other = subprocess.run(
            [sys.executable, "-c", probe, folder], capture_output=True, text=True, check=True
        )
        assert other.stdout.strip() == "False"
    with StoreLock(folder).writing() as again:
        assert again


def test_the_generation_changes_on_every_write(tmp_path: Path) -> None:
    lock = StoreLock(str(tmp_path / "chroma"))
    assert lock.generation() == ""
    first = lock.bump()
    assert lock.generation() == first
    assert lock.bump() != first


def test_a_process_that_opened_the_folder_earlier_sees_another_ones_writes(
    tmp_path: Path,
) -> None:
    folder = str(tmp_path / "shared")
    index = open_index(folder)
    index.add(
        [
            _source("c1", "Giải ngân chậm do vướng giải phóng mặt bằng."),
            _source("c3", "Thu ngân sách chậm do phiên đấu giá đất bị hoãn."),
        ]
    )
    assert [s.id for s in index.search("giai ngan cham", None, 1)] == ["c1"]
    writer = (
        "import sys\n"
        "from assistant.index import open_index\n"
        "from assistant.sources import Source\n"
        "index = open_index(sys.argv[1])\n"
        "def s(i, t): return Source(id=i, kind='checkin', text=t, unit_code='X.A', unit_id=1)\n"
        "index.reconcile([s('c2', 'Giải ngân chậm do thiếu vốn.'),"
        " s('c3', 'Thu ngân sách vượt dự toán.')], ['c1', 'c2', 'c3'])\n"
    )
    subprocess.run([sys.executable, "-c", writer, folder], check=True)
    # The old handle may still propose the deleted id or the old vector of an
    # edited text: the deleted one is never returned, the edited one with its new text.
    stale = {s.id: s.text for s in index.search("giai ngan cham dau gia dat hoan", None, 5)}
    assert "c1" not in stale
    assert stale.get("c3", "Thu ngân sách vượt dự toán.") == "Thu ngân sách vượt dự toán."
    assert all(stale.values())
    reopened = open_index(folder, reopen=True)
    assert [s.id for s in reopened.search("giai ngan cham", None, 1)] == ["c2"]
    assert reopened.frequencies.total == 2
