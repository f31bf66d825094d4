"""Benchmark of keeping the assistant's index true to the data (issue 9).

Run: ``python -m tests.bench.bench_assistant_reconcile [--extra-notes 200000] [--edits 1000]``.
Loads the demo province into a temporary SQLite database (plus ``--extra-notes``
generated notes), indexes it, then prints the time of an incremental pass when
nothing changed, after ``--edits`` edited notes and check-ins (with a few
deletes), and after a key result moved to another unit.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from sqlalchemy import text


def _pass(settings, label: str) -> None:  # type: ignore[no-untyped-def]
    from woms_pwa.core import assistant_service
    from woms_pwa.core.db import session_scope

    with session_scope(settings.db_url) as session:
        result = assistant_service.sync_once(session, settings)
    assert result is not None
    print(
        f"{label}: {result.seconds * 1000:,.0f} ms "
        f"(added {result.added:,}, updated {result.updated:,}, deleted {result.deleted:,})"
    )


def main() -> None:
    """Build, index, then time the passes."""
    from woms_pwa.core import assistant_service
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.demo_loader import load_demo
    from woms_pwa.core.migrate import upgrade
    from woms_pwa.core.settings import Settings

    parser = argparse.ArgumentParser()
    parser.add_argument("--extra-notes", type=int, default=0)
    parser.add_argument("--edits", type=int, default=1000)
    args = parser.parse_args()
    rng = random.Random(9)
    folder = Path(tempfile.mkdtemp(prefix="bench-reconcile-"))
    url = f"sqlite:///{folder / 'demo.db'}"
    upgrade(url)
    settings = replace(Settings(db_url=url), chroma_path=str(folder / "chroma"))
    with session_scope(url) as session:
        load_demo(session, folder / "csv")
    if args.extra_notes:
        with session_scope(url) as session:
            units = [r[0] for r in session.execute(text("SELECT id FROM unit"))]
            rows = [
                {
                    "date": f"2025-{1 + i % 9:02d}-15",
                    "unit_id": units[i % len(units)],
                    "text": f"Giao ban tháng: rà soát tiến độ hồ sơ số {i}, "
                    f"đôn đốc bộ phận {rng.randint(1, 40)} hoàn thành đúng hạn.",
                    "kind": "note",
                    "created_at": "2025-10-01 00:00:00",
                }
                for i in range(args.extra_notes)
            ]
            for start in range(0, len(rows), 20000):
                session.execute(
                    text(
                        "INSERT INTO note (date, unit_id, text, kind, created_at) "
                        "VALUES (:date, :unit_id, :text, :kind, :created_at)"
                    ),
                    rows[start : start + 20000],
                )
    t0 = time.perf_counter()
    with session_scope(url) as session:
        indexed = assistant_service.sync(session, settings)
    print(f"first indexing: {indexed:,} texts in {time.perf_counter() - t0:,.1f} s")
    quiet = []
    for _ in range(5):
        with session_scope(url) as session:
            result = assistant_service.sync_once(session, settings)
        assert result is not None and result.total == 0
        quiet.append(result.seconds)
    print(f"no-op pass: median {statistics.median(quiet) * 1000:,.0f} ms of 5")
    with session_scope(url) as session:
        notes = [r[0] for r in session.execute(text("SELECT id FROM note"))]
        checkins = [r[0] for r in session.execute(text("SELECT id FROM check_in WHERE note <> ''"))]
        edited_notes = rng.sample(notes, min(args.edits // 2, len(notes)))
        edited_checkins = rng.sample(checkins, args.edits - len(edited_notes) - 10)
        for nid in edited_notes:
            session.execute(
                text("UPDATE note SET text = text || ' (đã sửa)' WHERE id = :i"), {"i": nid}
            )
        for cid in edited_checkins:
            session.execute(
                text("UPDATE check_in SET note = note || ' (đã hiệu chỉnh)' WHERE id = :i"),
                {"i": cid},
            )
        for nid in rng.sample(notes, 10):
            session.execute(text("DELETE FROM note WHERE id = :i"), {"i": nid})
    _pass(
        settings,
        f"pass after {len(edited_notes):,} notes and {len(edited_checkins):,} check-ins "
        "edited and 10 notes deleted",
    )
    _pass(settings, "next pass")
    with session_scope(url) as session:
        kr = session.execute(
            text("SELECT id FROM key_result WHERE code LIKE '%NS%' ORDER BY id LIMIT 1")
        ).scalar_one()
        other = session.execute(
            text(
                "SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id "
                "WHERE p.owner_unit_id IS NOT NULL ORDER BY t.id DESC LIMIT 1"
            )
        ).scalar_one()
        session.execute(
            text("UPDATE key_result SET task_id = :t WHERE id = :k"), {"t": other, "k": kr}
        )
    _pass(settings, "pass after a key result moved to another unit")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
