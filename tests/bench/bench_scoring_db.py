"""Benchmark: score a whole province FROM THE DATABASE to ratings, vs a naive ORM loop.

≈150 units, 10,000 people, 150,000 key results and 1,350,000 check-ins (the
synthetic province of ``bench_scoring_pure``) are bulk-inserted into a
temporary SQLite database. Then, median of 3:

* the real path: ``woms_pwa.core.evaluation.scoring.run_scoring`` — one query
  per frame, the latest reading per key result aggregated in the database,
  the vectorised engine, collective and individual ratings;
* the naive path: a loop over ORM objects (plan → tasks → key results → that
  key result's check-ins), scoring each key result on its own with the same
  rules, then tasks, perspectives, owner totals and threshold ratings. It is
  run on a sample of plans and extrapolated to the whole province by key-result
  count (``--naive-full`` runs it on everything). Its owner totals are checked
  against the real path's so that both compute the same thing.

Run from the repository root: ``python -m tests.bench.bench_scoring_db``.
Target (printed, not asserted): under 3 s on 2 cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import text
from sqlmodel import Session, select

from analytics.scoring import PERSPECTIVES, RatingPolicy, ScoringPolicy
from analytics.scoring.completion import completion_rates, key_result_points
from analytics.scoring.ratings import ranks_from_totals
from analytics.vntext import format_number_vi
from tests.bench.bench_scoring_pure import N_PEOPLE, N_UNITS, synthetic_province
from woms_pwa.core.db import get_engine, session_scope
from woms_pwa.core.evaluation.config import load_config
from woms_pwa.core.evaluation.scoring import EvaluationRun, run_scoring
from woms_pwa.core.migrate import upgrade
from woms_pwa.core.models import CheckIn, KeyResult, Plan, Task

AS_OF = dt.date(2025, 9, 15)
STAMP = "2025-10-01 00:00:00.000000"


def _nan_to_none(values: np.ndarray) -> list[float | None]:
    return [None if v != v else float(v) for v in values]


def load_province(url: str) -> dict[str, int]:
    """Bulk-insert the synthetic province into a migrated database; return the counts."""
    frames = synthetic_province()
    krs, checkins, people = frames["key_results"], frames["checkins"], frames["people"]
    units = sorted(people["unit_code"].unique())
    unit_id = {code: i + 2 for i, code in enumerate(units)}
    person_id = {code: i + 1 for i, code in enumerate(people["person_code"])}
    owners = krs["owner_code"].drop_duplicates().tolist()
    plan_id = {code: i + 1 for i, code in enumerate(owners)}
    # Three key results per task, never straddling two owners.
    local = krs.groupby("owner_code", sort=False).cumcount().to_numpy() // 3
    task_key = pd.Series(list(zip(krs["owner_code"], local, strict=True)))
    task_id = pd.factorize(task_key)[0] + 1
    first = pd.Series(np.arange(len(krs))).groupby(task_id).first().to_numpy()
    raw = get_engine(url).raw_connection()
    cur = raw.cursor()
    cur.execute("PRAGMA synchronous=OFF")
    cur.execute("INSERT INTO unit VALUES (1, 'HY', 'Tỉnh mẫu', 'province', NULL)")
    cur.executemany(
        "INSERT INTO unit VALUES (?, ?, ?, 'commune', 1)",
        [(unit_id[c], c, f"Đơn vị {c}") for c in units],
    )
    cur.executemany(
        "INSERT INTO person (id, code, full_name, unit_id, is_head) VALUES (?, ?, ?, ?, ?)",
        [
            (person_id[p], p, f"Cán bộ {p}", unit_id[u], int(h))
            for p, u, h in zip(
                people["person_code"], people["unit_code"], people["is_head"], strict=True
            )
        ],
    )
    cur.execute("INSERT INTO period VALUES (1, '2025', 'year', 2025, '2025-01-01', '2025-12-31')")
    plan_rows = []
    for code in owners:
        is_unit = code in unit_id
        key = f"U{unit_id[code]}" if is_unit else f"P{person_id[code]}"
        plan_rows.append(
            (plan_id[code], key, unit_id.get(code), None if is_unit else person_id[code], STAMP)
        )
    cur.executemany(
        "INSERT INTO plan (id, owner_key, owner_unit_id, owner_person_id, period_id, status,"
        " version, created_at) VALUES (?, ?, ?, ?, 1, 'approved', 1, ?)",
        plan_rows,
    )
    t = krs.iloc[first]
    cur.executemany(
        "INSERT INTO task (id, plan_id, code, title, perspective, area, breakthrough, position,"
        " reporting_frequency) VALUES (?, ?, ?, 'Nhiệm vụ', ?, '', 0, 0, 'month')",
        [
            (int(i), plan_id[o], f"T{i}", p)
            for i, o, p in zip(
                np.arange(1, len(first) + 1), t["owner_code"], t["perspective"], strict=True
            )
        ],
    )
    cur.executemany(
        "INSERT INTO key_result (id, task_id, code, title, kind, breakthrough, unit, baseline,"
        " target, direction, weight, evidence_required, data_source, status, position)"
        " VALUES (?, ?, ?, 'Mục tiêu then chốt', ?, ?, 'chỉ tiêu', ?, ?, ?, ?, 0, 'manual',"
        " 'active', 0)",
        list(
            zip(
                (krs["kr_id"] + 1).tolist(),
                task_id.tolist(),
                krs["kr_code"].tolist(),
                krs["kind"].tolist(),
                krs["breakthrough"].astype(int).tolist(),
                _nan_to_none(krs["baseline"].to_numpy()),
                krs["target"].tolist(),
                krs["direction"].tolist(),
                _nan_to_none(krs["weight"].to_numpy()),
                strict=True,
            )
        ),
    )
    cur.executemany(
        "INSERT INTO check_in (kr_id, date, value, note, created_at) VALUES (?, ?, ?, '', ?)",
        zip(
            (checkins["kr_id"] + 1).tolist(),
            checkins["date"].dt.strftime("%Y-%m-%d").tolist(),
            checkins["value"].tolist(),
            [STAMP] * len(checkins),
            strict=True,
        ),
    )
    raw.commit()
    cur.execute("ANALYZE")
    raw.close()
    return {"units": len(units), "people": len(people), "krs": len(krs), "checkins": len(checkins)}


def _fill(weights: list[float | None]) -> list[float]:
    given = [w for w in weights if w is not None]
    default = sum(given) / len(given) if given else 1.0
    return [default if w is None else w for w in weights]


def _mean(pairs: list[tuple[float, float]]) -> float | None:
    den = sum(w for w, _ in pairs)
    return sum(w * v for w, v in pairs) / den if den > 0 else None


def naive_scores(
    session: Session, policy: ScoringPolicy, rating: RatingPolicy, every: int
) -> tuple[dict[str, float | None], int]:
    """Per-key-result ORM loop over every ``every``-th plan: owner totals and ratings."""
    totals: dict[str, float | None] = {}
    n_krs = 0
    plans = session.exec(select(Plan).order_by(Plan.id)).all()  # type: ignore[arg-type]
    for plan in plans[::every]:
        task_rows: list[tuple[str, float | None, float | None]] = []
        for task in session.exec(select(Task).where(Task.plan_id == plan.id)).all():
            krs = session.exec(select(KeyResult).where(KeyResult.task_id == task.id)).all()
            scored: list[tuple[float, float]] = []
            for kr, weight in zip(krs, _fill([kr.weight for kr in krs]), strict=True):
                n_krs += 1
                readings = session.exec(
                    select(CheckIn)
                    .where(CheckIn.kr_id == kr.id, CheckIn.date <= AS_OF)
                    .order_by(CheckIn.date, CheckIn.id)  # type: ignore[arg-type]
                ).all()
                actual = readings[-1].value if readings else np.nan
                rate, _ = completion_rates(
                    np.array([kr.direction], dtype=object),
                    np.array([np.nan if kr.baseline is None else kr.baseline]),
                    np.array([kr.target]),
                    np.array([actual]),
                    policy,
                )
                points = key_result_points(rate, np.array([kr.kind == "okr"]), policy)
                if not kr.breakthrough:
                    scored.append((weight, float(points.score[0])))
            task_rows.append((task.perspective, task.weight, _mean(scored)))
        task_weights = _fill([w for _, w, _ in task_rows])
        perspective: dict[str, float] = {}
        for name in PERSPECTIVES:
            pairs = [
                (w, score)
                for (p, _, score), w in zip(task_rows, task_weights, strict=True)
                if p == name and score is not None
            ]
            value = _mean(pairs)
            if value is not None:
                perspective[name] = value
        weights = policy.perspective_weights or {}
        totals[plan.owner_key] = _mean([(weights.get(p, 0.0), v) for p, v in perspective.items()])
    ranks_from_totals(np.array([np.nan if v is None else v for v in totals.values()]), rating)
    return totals, n_krs


def fast_totals(url: str, run: EvaluationRun) -> dict[str, float | None]:
    """Owner totals of the real path keyed like plans (``U<id>``/``P<id>``)."""
    with session_scope(url) as session:
        rows = session.execute(
            text(
                "SELECT p.owner_key, COALESCE(u.code, pe.code) FROM plan p "
                "LEFT JOIN unit u ON u.id = p.owner_unit_id "
                "LEFT JOIN person pe ON pe.id = p.owner_person_id"
            )
        ).all()
    total = run.scores.owners.set_index("owner_code")["total"]
    return {key: (None if total[code] != total[code] else float(total[code])) for key, code in rows}


def main() -> None:
    """Build the database, time both paths, print medians and the ratio."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--naive-every", type=int, default=25, help="naive loop on every Nth plan")
    parser.add_argument("--naive-full", action="store_true", help="naive loop on every plan")
    args = parser.parse_args()
    every = 1 if args.naive_full else args.naive_every
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'province.db'}"
        upgrade(url)
        start = time.perf_counter()
        counts = load_province(url)
        assert counts["units"] == N_UNITS and counts["people"] == N_PEOPLE
        print(
            f"Nạp {counts['units']} đơn vị, {format_number_vi(counts['people'], 0)} cá nhân, "
            f"{format_number_vi(counts['krs'], 0)} mục tiêu then chốt, "
            f"{format_number_vi(counts['checkins'], 0)} lần cập nhật vào SQLite "
            f"trong {format_number_vi(time.perf_counter() - start, 1)} s"
        )
        times: list[float] = []
        cpu: list[float] = []
        run: EvaluationRun | None = None
        for _ in range(3):
            start, start_cpu = time.perf_counter(), time.process_time()
            with session_scope(url) as session:
                run = run_scoring(session, "2025", AS_OF)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        assert run is not None
        fast = statistics.median(times)
        rated = int(run.individual.people["rating"].notna().sum())
        print(
            f"CSDL → khung dữ liệu → xếp loại (run_scoring): trung vị {format_number_vi(fast, 3)} s"
            f" (các lần: {'; '.join(format_number_vi(t, 3) for t in times)}; thời gian CPU "
            f"trung vị {format_number_vi(statistics.median(cpu), 3)} s); "
            f"{len(run.collective.units)} đơn vị, {format_number_vi(rated, 0)} cá nhân được xếp loại"
        )
        print(f"Tải máy (load average 1 phút) lúc đo: {format_number_vi(os.getloadavg()[0], 1)}")
        naive_times: list[float] = []
        naive_cpu: list[float] = []
        naive: dict[str, float | None] = {}
        n_krs = 0
        for _ in range(1 if every == 1 else 3):
            start, start_cpu = time.perf_counter(), time.process_time()
            with session_scope(url) as session:
                config = load_config(session)
                naive, n_krs = naive_scores(
                    session, config.scoring, config.collective.rating, every
                )
            naive_times.append(time.perf_counter() - start)
            naive_cpu.append(time.process_time() - start_cpu)
        slow = statistics.median(naive_times)
        slow_cpu = statistics.median(naive_cpu) * counts["krs"] / max(n_krs, 1)
        full = slow * counts["krs"] / max(n_krs, 1)
        reference = fast_totals(url, run)
        gap = max(abs((naive[k] or 0.0) - (reference.get(k) or 0.0)) for k in naive)
        sample = "" if every == 1 else f" (1/{every} số kế hoạch, trung vị 3 lần)"
        print(
            f"Vòng lặp ORM từng mục tiêu: {format_number_vi(slow, 2)} s cho "
            f"{format_number_vi(n_krs, 0)} mục tiêu then chốt{sample} → "
            f"ước tính toàn tỉnh {format_number_vi(full, 1)} s"
        )
        print(f"Chênh lệch tổng điểm lớn nhất giữa hai cách: {gap:.1e} ({len(naive)} chủ thể)")
        print(
            f"Tỷ lệ (vòng lặp ORM / run_scoring): ×{format_number_vi(full / fast, 0)} theo thời gian"
            f" thực, ×{format_number_vi(slow_cpu / statistics.median(cpu), 0)} theo thời gian CPU"
        )


if __name__ == "__main__":
    main()
