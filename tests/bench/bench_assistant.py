"""Benchmark of the assistant: indexing throughput and answer time on synthetic notes.

Run: ``python -m tests.bench.bench_assistant [--notes 1000000] [--questions 200]``,
or ``--demo`` for the full path (database facts, permissions, catalogue) on the
demo province.
Prints notes/s for indexing and the median/p95 answer time after warm-up.
The answer path measured is the whole assistant package (parse against a
catalogue of all units and key results, filtered retrieval, BM25 re-ranking,
composition); facts come from an in-memory lookup, not the database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import tempfile
import time

from assistant.answer import Composer
from assistant.catalogue import Catalogue, KeyResultEntry, UnitEntry
from assistant.facts import KeyResultFacts
from assistant.index import open_index
from assistant.question import parse_question
from assistant.sources import Source

SYLLABLES = [
    "an",
    "binh",
    "dong",
    "tay",
    "nam",
    "bac",
    "hoa",
    "phu",
    "my",
    "tan",
    "thanh",
    "son",
    "ha",
    "long",
    "phong",
    "vinh",
    "quang",
    "hung",
    "xuan",
]
TOPICS = (
    ("NS.DTC.GIAINGAN", "Giải ngân 100% kế hoạch vốn đầu tư công", "giải ngân"),
    ("NS.THU.DUTOAN", "Thu ngân sách đạt 100% dự toán", "thu ngân sách"),
    ("XDD.DANGVIEN.MOI", "Kết nạp 30 đảng viên mới", "kết nạp đảng viên"),
    ("CCHC.HS.DUNGHAN", "98% hồ sơ thủ tục hành chính giải quyết đúng hạn", "hồ sơ đúng hạn"),
    ("CDS.VANBAN.SO", "90% văn bản xử lý trên môi trường số", "chuyển đổi số"),
)
CAUSES = (
    "vướng giải phóng mặt bằng do {n} hộ chưa đồng ý đơn giá bồi thường",
    "phiên đấu giá quyền sử dụng đất bị hoãn do chưa phê duyệt giá khởi điểm",
    "thanh niên trong diện nguồn đi làm việc tại khu công nghiệp",
    "thiếu {n} công chức tại bộ phận một cửa sau sắp xếp",
    "chưa được bố trí vốn mua sắm máy tính và thiết bị ký số",
)
ROUTINE = (
    "Lũy kế đạt {p}% kế hoạch; nghiệm thu giai đoạn và thanh toán cho các gói thầu.",
    "Tổ chức họp triển khai, đôn đốc các bộ phận thực hiện đúng tiến độ.",
    "Đã hoàn thành {n} đầu việc trong tháng theo kế hoạch.",
)


def build(
    n_notes: int, seed: int = 7
) -> tuple[list[UnitEntry], list[KeyResultEntry], list[Source]]:
    """Synthetic units (≈ notes/500), five key results each, and notes."""
    rng = random.Random(seed)
    n_units = max(10, n_notes // 500)
    names: set[str] = set()
    units: list[UnitEntry] = []
    while len(units) < n_units:
        name = " ".join(rng.sample(SYLLABLES, 2)).title() + f" {len(units)}"
        if name not in names:
            names.add(name)
            units.append(UnitEntry(f"T.X.U{len(units)}", f"Xã {name}", "commune", "T"))
    krs = [
        KeyResultEntry(f"U{i}-K{j}", u.code, title, metric_code=code, year=2025)
        for i, u in enumerate(units)
        for j, (code, title, _) in enumerate(TOPICS)
    ]
    sources: list[Source] = []
    for i in range(n_notes):
        unit_i = rng.randrange(n_units)
        j = rng.randrange(len(TOPICS))
        if rng.random() < 0.3:
            text = f"Tiến độ {TOPICS[j][2]} chậm: {CAUSES[j].format(n=rng.randint(2, 20))}."
        else:
            text = rng.choice(ROUTINE).format(p=rng.randint(5, 95), n=rng.randint(1, 9))
        sources.append(
            Source(
                id=f"c{i}",
                kind="checkin",
                text=text,
                unit_code=units[unit_i].code,
                unit_id=unit_i,
                owner_key=f"U{unit_i}",
                kr_code=f"U{unit_i}-K{j}",
                metric_code=TOPICS[j][0],
                date=dt.date(2025, 1 + i % 9, 28),
            )
        )
    return units, krs, sources


def _facts(codes: object, until: object = None) -> dict[str, KeyResultFacts]:
    out = {}
    for code in codes:  # type: ignore[attr-defined]
        out[code] = KeyResultFacts(
            code,
            "Chỉ tiêu",
            "",
            "Đơn vị",
            "%",
            "increase",
            100.0,
            40.0,
            dt.date(2025, 9, 30),
            75.0,
            0.4,
            "red",
            55.0,
            0.05,
        )
    return out


def bench_demo(rounds: int = 3) -> None:
    """The whole path with database facts: the evaluation questions on the demo province."""
    from dataclasses import replace
    from pathlib import Path

    from assistant.evaluate import load_questions
    from woms_pwa.core import assistant_service
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.demo_loader import load_demo
    from woms_pwa.core.migrate import upgrade
    from woms_pwa.core.permissions import Actor
    from woms_pwa.core.settings import Settings

    folder = Path(tempfile.mkdtemp(prefix="bench-assistant-demo-"))
    url = f"sqlite:///{folder / 'demo.db'}"
    upgrade(url)
    settings = replace(Settings(db_url=url), chroma_path=str(folder / "chroma"))
    with session_scope(url) as session:
        load_demo(session, folder / "csv")
    t0 = time.perf_counter()
    with session_scope(url) as session:
        indexed = assistant_service.sync(session, settings)
    print(
        f"demo indexing: {indexed:,} texts in {time.perf_counter() - t0:,.1f} s (includes opening Chroma)"
    )
    questions = [q.question for q in load_questions()]
    actor = Actor.system("bench")
    times = []
    with session_scope(url) as session:
        for q in questions[:5]:
            assistant_service.ask(session, actor, q, settings, refresh=False)
        for _ in range(rounds):
            for q in questions:
                t = time.perf_counter()
                assistant_service.ask(session, actor, q, settings, refresh=False)
                times.append(time.perf_counter() - t)
    shutil.rmtree(folder, ignore_errors=True)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(
        f"demo, full path with database facts, {len(times)} answers after warm-up: "
        f"median {statistics.median(times) * 1000:,.0f} ms, p95 {p95 * 1000:,.0f} ms"
    )


def main() -> None:
    """Build the index, then time questions."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--path", default="")
    parser.add_argument(
        "--demo", action="store_true", help="time the full path on the demo province"
    )
    args = parser.parse_args()
    if args.demo:
        bench_demo()
        return
    units, krs, sources = build(args.notes)
    folder = args.path or tempfile.mkdtemp(prefix="bench-assistant-")
    index = open_index(folder)
    if index.count() >= len(sources):
        # ``--path`` of an earlier run: time the questions on the existing index.
        print(f"reusing {index.count():,} indexed notes in {folder}")
        sources = []
    t0 = time.perf_counter()
    step = 50_000
    for start in range(0, len(sources), step):
        index.add(sources[start : start + step])
        done = min(start + step, len(sources))
        print(f"  {done:>9,} notes  {done / (time.perf_counter() - t0):,.0f} notes/s", flush=True)
    elapsed = time.perf_counter() - t0
    if sources:
        print(
            f"indexing: {len(sources):,} notes in {elapsed:,.1f} s = {len(sources) / elapsed:,.0f} notes/s"
        )
    catalogue = Catalogue(tuple(units), tuple(krs))
    composer = Composer(index, catalogue, _facts, lambda s: True, lambda s: "")
    rng = random.Random(3)
    questions = []
    for _ in range(args.questions):
        unit = rng.choice(units)
        topic = rng.choice(TOPICS)[2]
        questions.append(
            rng.choice(
                ("Vì sao {u} {t} chậm?", "vi sao {u} {t} cham", "Tình hình {t} của {u}?")
            ).format(u=unit.name, t=topic)
        )
    for q in questions[:20]:
        composer.answer(parse_question(q, catalogue))
    times = []
    for q in questions:
        t = time.perf_counter()
        composer.answer(parse_question(q, catalogue))
        times.append(time.perf_counter() - t)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    if not args.path:
        shutil.rmtree(folder, ignore_errors=True)
    print(
        f"answer time over {len(times)} questions after warm-up: median {statistics.median(times) * 1000:,.0f} ms, p95 {p95 * 1000:,.0f} ms"
    )


if __name__ == "__main__":
    main()
