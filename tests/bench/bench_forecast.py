"""Benchmark: year-end forecasts and early warnings for 150,000 key results.

Run with ``python tests/bench/bench_forecast.py [--series N] [--ets-sample K]``.
Not collected by pytest. Prints the total time, the time per stage and per
method, the cost of the anomaly rules over the same key results, and — on a small sample — the cost and accuracy of a per-series seasonal
ETS (statsmodels) against the vectorised share profile, which is why ETS is not
used in production.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from analytics.anomalies import detect_anomalies
from analytics.forecast import forecast_year_end
from analytics.forecast.simulate import run_rate, simulate
from analytics.warnings import evaluate_warnings

AS_OF_MONTH = 9


def build_population(n_series: int) -> tuple[pd.DataFrame, pd.Series, dict[str, str]]:
    """60% with 5 earlier years (drive ``profile+level``), 25% new but with peers, 15% bare."""
    n_hist = int(n_series * 0.6)
    n_peer = int(n_series * 0.25)
    n_bare = n_series - n_hist - n_peer
    parts, truths, groups = [], [], {}
    for kind, n, seed in [("disbursement", n_hist // 2, 1), ("revenue", n_hist - n_hist // 2, 2)]:
        frame, truth = simulate(n, 6, kind=kind, seed=seed)
        parts.append(frame)
        truths.append(truth)
        groups.update(dict.fromkeys(truth.index, kind))
    peers, truth = simulate(n_peer, 6, kind="disbursement", seed=3)
    peers["series"] = "P" + peers["series"]
    truth.index = "P" + truth.index
    parts.append(peers[peers["year"] == peers["year"].max()])
    truths.append(truth)
    groups.update(dict.fromkeys(truth.index, "disbursement"))
    bare, truth = simulate(n_bare, 1, kind="flat", seed=4, first_year=2023)
    parts.append(bare)
    truths.append(truth)
    return pd.concat(parts, ignore_index=True), pd.concat(truths), groups


def krs_for_warnings(
    result: pd.DataFrame, history: pd.DataFrame, year: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Key-result and pace frames as the lead's wiring would build them."""
    cur = history[(history["year"] == year) & (history["month"] <= AS_OF_MONTH)]
    cur = cur.sort_values(["series", "month"])
    increments = cur.groupby("series")["value"].diff().fillna(cur["value"])
    pace = pd.DataFrame(
        {
            "kr_code": cur["series"].to_numpy(),
            "year": year,
            "month": cur["month"].to_numpy(),
            "increment": increments.to_numpy(),
        }
    )
    last = cur.groupby("series")["value"].last()
    rng = np.random.default_rng(0)
    krs = pd.DataFrame(
        {
            "kr_code": result["series"].to_numpy(),
            "owner_code": "HY.X." + pd.Series(result.index % 120).astype(str).to_numpy(),
            "target": result["target"].fillna(result["forecast"] * 1.05).to_numpy(),
            "unit": "%",
            "forecast": result["forecast"].to_numpy(),
            "p_reach_target": result["p_reach_target"].to_numpy(),
            "current": result["series"].map(last).to_numpy(),
            "last_checkin": pd.Timestamp(year, AS_OF_MONTH, 28)
            - pd.to_timedelta(rng.integers(0, 90, len(result)), unit="D"),
            "frequency": "month",
        }
    )
    return krs, pace


def ets_sample(history: pd.DataFrame, truth: pd.Series, year: int, k: int) -> None:
    """Per-series seasonal ETS on monthly flows, for the cost/accuracy comparison."""
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    names = history.loc[history["series"].str.startswith("DIS"), "series"].unique()[:k]
    sub = history[history["series"].isin(names)]
    usable = sub[(sub["year"] < year) | (sub["month"] <= AS_OF_MONTH)]
    t0 = time.perf_counter()
    ets: dict[str, float] = {}
    for name, frame in usable.groupby("series"):
        wide = frame.pivot(index="year", columns="month", values="value")
        flows = np.diff(
            np.concatenate([np.zeros((len(wide), 1)), wide.to_numpy()], axis=1), axis=1
        ).ravel()
        flows = flows[np.isfinite(flows)]
        index = pd.period_range(f"{wide.index[0]}-01", periods=len(flows), freq="M")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit = ETSModel(
                pd.Series(flows, index=index), error="add", seasonal="add", seasonal_periods=12
            ).fit(disp=False)
        rest = fit.forecast(12 - AS_OF_MONTH).sum()
        ets[str(name)] = float(wide.loc[year, AS_OF_MONTH]) + float(rest)
    cost = (time.perf_counter() - t0) / len(names)
    ets_series = pd.Series(ets)
    ours = (
        forecast_year_end(sub, year, AS_OF_MONTH)
        .frame.set_index("series")["forecast"]
        .reindex(ets_series.index)
    )
    naive = run_rate(sub, year, AS_OF_MONTH).reindex(ets_series.index)
    t = truth.reindex(ets_series.index)
    print(
        f"ETS sample ({len(names)} disbursement series): {1000 * cost:.1f} ms/series "
        f"(150,000 series ≈ {cost * 150_000 / 60:.0f} min); MAE ETS {(ets_series - t).abs().mean():.2f}, "
        f"profile {(ours - t).abs().mean():.2f}, run-rate {(naive - t).abs().mean():.2f}"
    )


def bench_anomalies(history: pd.DataFrame, year: int, groups: dict[str, str]) -> None:
    """Anomaly rules over the as-of year's readings of every series, peers by metric."""
    cur = history[(history["year"] == year) & (history["month"] <= AS_OF_MONTH)]
    readings = pd.DataFrame(
        {
            "kr_code": cur["series"].to_numpy(),
            "owner_code": cur["series"].to_numpy(),
            "owner_kind": "commune",
            "metric_code": cur["series"].map(groups).fillna("").to_numpy(),
            "year": year,
            "month": cur["month"].to_numpy(),
            "value": cur["value"].to_numpy(),
            "target": cur["target"].to_numpy(),
        }
    )
    t0 = time.perf_counter()
    found = detect_anomalies(readings)
    seconds = time.perf_counter() - t0
    print(
        f"anomalies {seconds:.2f} s for {readings['kr_code'].nunique():,} key results "
        f"({len(readings):,} readings): {found['kind'].value_counts().to_dict()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--series", type=int, default=150_000)
    parser.add_argument("--ets-sample", type=int, default=100)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        cores = sorted(os.sched_getaffinity(0))[:2]
        os.sched_setaffinity(0, set(cores))
    print(f"building {args.series:,} series …", flush=True)
    history, truth, groups = build_population(args.series)
    year = int(history["year"].max())
    print(
        f"{len(history):,} history rows; cores: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else '?'}"
    )

    t0 = time.perf_counter()
    result = forecast_year_end(history, year, AS_OF_MONTH, peer_groups=groups)
    t_forecast = time.perf_counter() - t0
    frame = result.frame
    krs, pace = krs_for_warnings(frame, history, year)
    t1 = time.perf_counter()
    alerts = evaluate_warnings(krs, dt.date(year, AS_OF_MONTH, 30), pace_history=pace)
    t_warn = time.perf_counter() - t1
    total = t_forecast + t_warn
    print(
        f"forecast {t_forecast:.2f} s + warnings {t_warn:.2f} s = {total:.2f} s for {len(frame):,} key results"
    )
    # Every stage is vectorised over all series at once, so its cost is per series overall.
    n_all = max(len(frame), 1)
    for stage, seconds in result.timings.items():
        print(f"  stage {stage:<10} {seconds:.3f} s  ({1e6 * seconds / n_all:.2f} µs/series)")
    counts = frame["method"].value_counts()
    t = truth.reindex(frame["series"]).to_numpy()
    naive = run_rate(history, year, AS_OF_MONTH).reindex(frame["series"]).to_numpy()
    for method, n in counts.items():
        mask = (frame["method"] == method).to_numpy()
        err = np.abs(frame["forecast"].to_numpy()[mask] - t[mask]).mean()
        cover = (
            (t[mask] >= frame["lower"].to_numpy()[mask])
            & (t[mask] <= frame["upper"].to_numpy()[mask])
        ).mean()
        print(
            f"  method {method!s:<14} {n:>7,} series  MAE {err:8.2f} vs run-rate "
            f"{np.abs(naive[mask] - t[mask]).mean():8.2f}  80% coverage {cover:.2f}"
        )
    print(f"warnings: {len(alerts):,} ({alerts['kind'].value_counts().to_dict()})")
    bench_anomalies(history, year, groups)
    if args.ets_sample:
        ets_sample(history, truth, year, args.ets_sample)
    print("OK" if total < 30 else "SLOW: over 30 s")


if __name__ == "__main__":
    main()
