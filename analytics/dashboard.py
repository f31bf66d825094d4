"""Leaders' dashboard figures: per-key-result lights, the unit heatmap and the ranking.

Pure and vectorised (numpy/pandas, no loop over key results): a province of
150 units and 150,000 key results is aggregated in well under a second.

Reading of a cell (Phụ lục 4, "đèn giao thông"): every key result gets a light
from its pace (completion ÷ share of the period elapsed, see
``analytics.progress.traffic_light``); a heatmap cell (one unit, one
perspective) is the share of its counted key results that are on track, a
yellow key result counting half. The cell is green at or above
``HeatmapThresholds.green``, yellow at or above ``yellow``, red below; a cell
without any reading has no colour. Breakthrough key results are shown apart
and never enter a cell (as in scoring).

Areas (lĩnh vực) are task paths such as ``"Xây dựng Đảng/Công tác tuyên
truyền"``; filtering on an area keeps the key results of tasks in it or under
it (``"Xây dựng Đảng"`` keeps both of its sub-areas) and re-scores the units on
those key results alone, so the cells and the ranking speak of that area only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analytics.progress import LightThresholds
from analytics.scoring import PERSPECTIVES, ScoreResult, score_units
from analytics.scoring.engine import KEY_RESULT_COLUMNS
from analytics.vntext import fold_accents

LIGHT_VALUE = {"green": 1.0, "yellow": 0.5, "red": 0.0}
AREA_SEPARATOR = "/"


@dataclass(frozen=True)
class HeatmapThresholds:
    """Configurable limits of the traffic lights.

    Attributes:
        green: share of on-track key results from which a cell is green.
        yellow: share from which a cell is yellow (red below).
        pace: per-key-result pace limits (``LightThresholds``).
    """

    green: float = 0.8
    yellow: float = 0.6
    pace: LightThresholds = field(default_factory=LightThresholds)

    def __post_init__(self) -> None:
        if not 0.0 <= self.yellow <= self.green <= 1.0:
            raise ValueError("Ngưỡng phải thỏa 0 ≤ vàng ≤ xanh ≤ 1 / need 0 ≤ yellow ≤ green ≤ 1")


def elapsed_shares(start: pd.Series, end: pd.Series, as_of: pd.Timestamp) -> np.ndarray:
    """Share of each period ``[start, end]`` passed on ``as_of`` (0–1), vectorised.

    Same rule as ``analytics.progress.elapsed_share`` (both ends count as days).
    """
    s = pd.to_datetime(start).to_numpy(dtype="datetime64[D]")
    e = pd.to_datetime(end).to_numpy(dtype="datetime64[D]")
    day = np.datetime64(pd.Timestamp(as_of).date(), "D")
    total = (e - s).astype(int) + 1
    clipped = np.minimum(np.maximum(day, s - np.timedelta64(1, "D")), e)
    passed = (clipped - s).astype(int) + 1
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(total > 0, passed / total, 1.0)
    return np.clip(share, 0.0, 1.0)


def key_result_lights(
    direction: np.ndarray,
    completion: np.ndarray,
    has_data: np.ndarray,
    elapsed: np.ndarray,
    thresholds: LightThresholds | None = None,
) -> np.ndarray:
    """Vectorised ``analytics.progress.traffic_light``: ``green|yellow|red|none`` per row."""
    limits = thresholds or LightThresholds()
    direction = np.asarray(direction, dtype=object)
    completion = np.asarray(completion, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        pace = np.where(direction == "decrease", completion, completion / np.maximum(elapsed, 1e-9))
    paced = np.where(
        pace >= limits.green, "green", np.where(pace >= limits.yellow, "yellow", "red")
    )
    milestone = np.where(elapsed >= 1.0, "red", np.where(elapsed >= 0.75, "yellow", "green"))
    light = np.where(direction == "milestone", milestone, paced)
    light = np.where(completion >= 1.0, "green", light)
    return np.where(has_data, light, "none").astype(object)


def light_key_results(
    scores: ScoreResult, as_of: Any, thresholds: HeatmapThresholds | None = None
) -> pd.DataFrame:
    """Add ``elapsed`` and ``light`` to the scored key results of ``score_units``.

    Args:
        scores: the result of ``analytics.scoring.score_units``; its key-result
            frame must carry ``period_start`` and ``period_end``.
        as_of: the reading date (lights compare progress with time passed).
        thresholds: light limits.
    """
    limits = thresholds or HeatmapThresholds()
    krs = scores.key_results.copy()
    elapsed = elapsed_shares(krs["period_start"], krs["period_end"], pd.Timestamp(as_of))
    has_data = (krs["completion_rule"] != "no_data").to_numpy()
    krs["elapsed"] = elapsed
    krs["light"] = key_result_lights(
        krs["direction"].to_numpy(), krs["completion"].to_numpy(), has_data, elapsed, limits.pace
    )
    return krs


def cell_lights(health: np.ndarray, thresholds: HeatmapThresholds) -> np.ndarray:
    """Colour cells from their on-track share (NaN = no colour)."""
    out = np.where(
        health >= thresholds.green, "green", np.where(health >= thresholds.yellow, "yellow", "red")
    )
    return np.where(np.isnan(health), "none", out).astype(object)


def unit_heatmap(
    krs: pd.DataFrame,
    scores: ScoreResult,
    units: pd.DataFrame,
    thresholds: HeatmapThresholds | None = None,
) -> pd.DataFrame:
    """One row per unit: four perspective cells, counts, score and rank.

    Args:
        krs: key results with ``light`` (from ``light_key_results``).
        scores: the same ``ScoreResult`` (gives perspective scores and totals).
        units: ``owner_code``, ``owner_name``, ``owner_unit_kind`` of the units to show.
        thresholds: cell limits.

    Returns:
        Columns ``owner_code, owner_name, owner_unit_kind``; for each perspective
        ``p``: ``{p}_health`` (0–1), ``{p}_light``, ``{p}_score`` (0–100 points),
        ``{p}_red``; then ``n_key_results``, ``n_red``, ``n_yellow``,
        ``n_green``, ``n_none``, ``n_breakthrough``, ``health``, ``light``,
        ``total`` (score), ``rank`` (1 = best total). Sorted with the units with
        the most red key results first, then the lowest health, then code.
    """
    limits = thresholds or HeatmapThresholds()
    out = units[["owner_code", "owner_name", "owner_unit_kind"]].drop_duplicates("owner_code")
    out = out.reset_index(drop=True)
    index = pd.Index(out["owner_code"])
    unit_krs = krs[krs["owner_code"].isin(index)]
    counted = unit_krs[~unit_krs["excluded"]]
    row = index.get_indexer(counted["owner_code"])
    col = pd.Index(PERSPECTIVES).get_indexer(counted["perspective"])
    light = counted["light"].to_numpy()
    value = pd.Series(light).map(LIGHT_VALUE).to_numpy(dtype=float)
    rated = ~np.isnan(value)
    shape = (len(index), len(PERSPECTIVES))
    flat = row * len(PERSPECTIVES) + col
    size = shape[0] * shape[1]
    num = np.bincount(flat[rated], weights=value[rated], minlength=size).reshape(shape)
    den = np.bincount(flat[rated], minlength=size).reshape(shape).astype(float)
    red = np.bincount(flat[light == "red"], minlength=size).reshape(shape)
    with np.errstate(invalid="ignore", divide="ignore"):
        health = np.where(den > 0, num / den, np.nan)
        overall = np.where(den.sum(axis=1) > 0, num.sum(axis=1) / den.sum(axis=1), np.nan)
    owners = scores.owners.set_index("owner_code").reindex(index)
    for j, name in enumerate(PERSPECTIVES):
        out[f"{name}_health"] = health[:, j]
        out[f"{name}_light"] = cell_lights(health[:, j], limits)
        out[f"{name}_score"] = owners[name].to_numpy(dtype=float)
        out[f"{name}_red"] = red[:, j]
    out["n_key_results"] = np.bincount(row, minlength=len(index))
    for name in ("red", "yellow", "green", "none"):
        out[f"n_{name}"] = np.bincount(row[light == name], minlength=len(index))
    out["n_breakthrough"] = np.bincount(
        index.get_indexer(unit_krs.loc[unit_krs["excluded"], "owner_code"]), minlength=len(index)
    )
    out["health"] = overall
    out["light"] = cell_lights(overall, limits)
    out["total"] = owners["total"].to_numpy(dtype=float)
    out["rank"] = out["total"].rank(ascending=False, method="min", na_option="bottom").astype(int)
    out = out.sort_values(
        ["n_red", "health", "owner_code"], ascending=[False, True, True], na_position="last"
    )
    return out.reset_index(drop=True)


def ranking(heatmap: pd.DataFrame) -> pd.DataFrame:
    """Units by total score (best first; no score last), ties by code."""
    return heatmap.sort_values(
        ["rank", "owner_code"], ascending=[True, True], na_position="last"
    ).reset_index(drop=True)


def area_path(text: Any) -> str:
    """An area path with its parts trimmed: ``" Kinh tế / Đầu tư "`` → ``"Kinh tế/Đầu tư"``."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return ""
    parts = (part.strip() for part in str(text).split(AREA_SEPARATOR))
    return AREA_SEPARATOR.join(part for part in parts if part)


def area_options(areas: pd.Series) -> list[str]:
    """Every area present and each of its parent areas, in Vietnamese alphabetical order.

    Args:
        areas: task area paths (one per key result; blanks are skipped).

    Returns:
        ``["Kinh tế – xã hội", "Kinh tế – xã hội/Văn hóa – xã hội", …]``: a
        parent comes right before its sub-areas.
    """
    found: set[str] = set()
    for text in pd.unique(areas.dropna()):
        parts = area_path(text).split(AREA_SEPARATOR)
        found.update(AREA_SEPARATOR.join(parts[:n]) for n in range(1, len(parts) + 1) if parts[0])
    return sorted(
        found, key=lambda a: [(fold_accents(p).lower(), p) for p in a.split(AREA_SEPARATOR)]
    )


def in_area(areas: pd.Series, area: str) -> np.ndarray:
    """Which rows belong to ``area`` or one of its sub-areas (boolean array).

    Exact on the path parts (no accent folding: the value comes from
    :func:`area_options`); ``"Kinh tế"`` does not take ``"Kinh tế – xã hội"``.
    An empty ``area`` keeps every row.
    """
    target = area_path(area)
    if not target:
        return np.ones(len(areas), dtype=bool)
    # Decide once per distinct path: a province has a few hundred, not 150,000.
    codes, uniques = pd.factorize(areas.fillna("").to_numpy(dtype=object))
    prefix = target + AREA_SEPARATOR
    hit = np.array(
        [(p := area_path(u)) == target or p.startswith(prefix) for u in uniques], dtype=bool
    )
    return hit[codes] if len(uniques) else np.zeros(len(areas), dtype=bool)


def restrict_to_area(
    krs: pd.DataFrame, scores: ScoreResult, area: str
) -> tuple[pd.DataFrame, ScoreResult]:
    """Keep the key results of one area and re-score their owners on them alone.

    Args:
        krs: lit key results (``light_key_results``) with an ``area`` column.
        scores: the ``ScoreResult`` they come from (its policy and date are kept).
        area: an area path (see :func:`area_options`).

    Returns:
        The kept key results (lights unchanged: a key result's light does not
        depend on its neighbours) and a ``ScoreResult`` of the owners on those
        key results only, for the cells' scores and the ranking.
    """
    kept = krs[in_area(krs["area"], area)]
    readings = kept.loc[kept["actual"].notna(), ["kr_id", "actual_date", "actual", "n_checkins"]]
    readings = readings.rename(
        columns={"actual_date": "date", "actual": "value", "n_checkins": "n_readings"}
    )
    rescored = score_units(
        kept[list(KEY_RESULT_COLUMNS)].reset_index(drop=True),
        readings.reset_index(drop=True),
        scores.as_of,
        scores.policy,
    )
    return kept, rescored


def radar_points(heatmap_row: dict[str, Any]) -> list[dict[str, Any]]:
    """The four perspective scores of one unit, for a radar (spider) chart."""
    return [
        {"perspective": p, "score": _num(heatmap_row.get(f"{p}_score")), "full": 100.0}
        for p in PERSPECTIVES
    ]


def monthly_trend(checkins: pd.DataFrame, krs: pd.DataFrame, months: list[str]) -> pd.DataFrame:
    """Cumulative value of each key result at the end of each month (for sparklines).

    Args:
        checkins: ``kr_id``, ``date``, ``value``.
        krs: ``kr_id`` and ``target``.
        months: ``YYYY-MM`` codes in order.

    Returns:
        One row per key result and month: ``kr_id``, ``month``, ``value`` (last
        reading on or before the month end, NaN before the first) and
        ``ratio`` (value ÷ target).
    """
    ends = [pd.Period(m, "M").end_time.normalize() for m in months]
    data = checkins.sort_values(["kr_id", "date"], kind="stable")
    frames = []
    for month, end in zip(months, ends, strict=True):
        last = data[data["date"] <= end].groupby("kr_id", sort=False)["value"].last()
        values = last.reindex(krs["kr_id"]).to_numpy(dtype=float)
        frames.append(
            pd.DataFrame({"kr_id": krs["kr_id"].to_numpy(), "month": month, "value": values})
        )
    out = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=["kr_id", "month", "value"])
    )
    target = out["kr_id"].map(krs.set_index("kr_id")["target"]).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        out["ratio"] = np.where(target > 0, out["value"] / target, np.nan)
    return out


def _num(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), 1)
