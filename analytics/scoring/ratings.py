"""The four official rating levels and the vectorised rules that assign them.

Ratings are handled internally as integer ranks (4 = best) so that caps and
quotas are plain ``min`` / comparison operations on arrays; the ``Rating`` enum
gives the short codes used in files and JSON and the Vietnamese labels shown to
people.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from analytics.scoring.policy import RatingPolicy


class Rating(StrEnum):
    """Official quality levels (mức xếp loại chất lượng), best first."""

    XUAT_SAC = "xuat_sac"
    TOT = "tot"
    HOAN_THANH = "hoan_thanh"
    KHONG_HOAN_THANH = "khong_hoan_thanh"

    @property
    def label(self) -> str:
        """Vietnamese label, e.g. ``"Hoàn thành xuất sắc nhiệm vụ"``."""
        return _LABELS[self]

    @property
    def rank(self) -> int:
        """4 for the best level down to 1 for "Không hoàn thành nhiệm vụ"."""
        return _RANKS[self]

    @classmethod
    def from_rank(cls, rank: int) -> Rating:
        """Return the level of a rank (1–4)."""
        return _BY_RANK[rank]


_LABELS = {
    Rating.XUAT_SAC: "Hoàn thành xuất sắc nhiệm vụ",
    Rating.TOT: "Hoàn thành tốt nhiệm vụ",
    Rating.HOAN_THANH: "Hoàn thành nhiệm vụ",
    Rating.KHONG_HOAN_THANH: "Không hoàn thành nhiệm vụ",
}
_RANKS = {
    Rating.XUAT_SAC: 4,
    Rating.TOT: 3,
    Rating.HOAN_THANH: 2,
    Rating.KHONG_HOAN_THANH: 1,
}
_BY_RANK = {rank: rating for rating, rank in _RANKS.items()}
UNRATED_LABEL = "Chưa đủ dữ liệu để xếp loại"


def ranks_from_totals(totals: np.ndarray, policy: RatingPolicy) -> np.ndarray:
    """Map totals (0–100 points) to ranks by the policy's thresholds.

    Args:
        totals: float array; NaN means "not enough data".
        policy: the thresholds.

    Returns:
        Float array of ranks 1–4, NaN where the total is NaN.
    """
    totals = np.asarray(totals, dtype=float)
    ranks = np.select(
        [
            totals >= policy.xuat_sac_min,
            totals >= policy.tot_min,
            totals >= policy.hoan_thanh_min,
        ],
        [4.0, 3.0, 2.0],
        default=1.0,
    )
    return np.where(np.isnan(totals), np.nan, ranks)


def cap_ranks(ranks: np.ndarray, caps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Lower each rank to its cap where a cap applies (NaN cap = no cap).

    Returns:
        The capped ranks and a boolean array telling which ranks were lowered.
    """
    lowered = ~np.isnan(caps) & (ranks > caps)
    return np.where(lowered, caps, ranks), lowered


def _allowed(share: float, base: np.ndarray, rounding: str) -> np.ndarray:
    raw = share * base
    # The epsilon keeps 0.2 × 10 = 2 exactly 2 after floating-point error.
    if rounding == "ceil":
        return np.ceil(raw - 1e-9)
    if rounding == "round":
        return np.floor(raw + 0.5)
    return np.floor(raw + 1e-9)


def apply_quotas(
    ranks: np.ndarray,
    totals: np.ndarray,
    codes: np.ndarray,
    groups: np.ndarray,
    policy: RatingPolicy,
) -> tuple[np.ndarray, np.ndarray]:
    """Enforce the maximum share of each level inside each group by ranking.

    Levels are processed from the best down. Within a group, when more owners hold
    a level than its quota allows, the ones with the highest totals keep it (ties
    broken by code, so the result is reproducible) and the others move down one
    level, where they compete under that level's quota if it has one.

    Args:
        ranks: ranks after thresholds and caps (NaN = unrated, never counted).
        totals: the totals used to rank owners.
        codes: owner codes, the tie-breaker.
        groups: quota group of each owner (e.g. one group per unit for people).
        policy: quotas, the base they apply to and the rounding.

    Returns:
        The new ranks and a boolean array of owners downgraded by a quota.
    """
    ranks = np.asarray(ranks, dtype=float).copy()
    downgraded = np.zeros(len(ranks), dtype=bool)
    if not policy.quotas or len(ranks) == 0:
        return ranks, downgraded
    frame = pd.DataFrame(
        {"group": groups, "total": totals, "code": codes, "pos": np.arange(len(ranks))}
    )
    counted = (ranks >= 3) if policy.quota_base == "at_least_tot" else ~np.isnan(ranks)
    base = frame.assign(counted=counted).groupby("group", sort=False)["counted"].sum()
    for rating in sorted(policy.quotas, key=lambda r: -r.rank):
        if rating.rank <= 1:
            continue  # nobody can be moved below the lowest level
        share = policy.quotas[rating]
        holders = frame[ranks == rating.rank].sort_values(
            ["group", "total", "code"], ascending=[True, False, True]
        )
        if holders.empty:
            continue
        allowed = _allowed(
            share, base.reindex(holders["group"]).to_numpy(float), policy.quota_rounding
        )
        order = holders.groupby("group", sort=False).cumcount().to_numpy()
        excess = holders["pos"].to_numpy()[order >= allowed]
        ranks[excess] = rating.rank - 1
        downgraded[excess] = True
    return ranks, downgraded


def rank_codes(ranks: np.ndarray) -> list[str | None]:
    """Turn ranks into rating codes (``None`` for unrated)."""
    return [None if math.isnan(r) else Rating.from_rank(int(r)).value for r in ranks]


def rank_labels(ranks: np.ndarray) -> list[str]:
    """Turn ranks into Vietnamese labels."""
    return [UNRATED_LABEL if math.isnan(r) else Rating.from_rank(int(r)).label for r in ranks]


def rating_caps(ranks_by_key: Mapping[int, Rating], keys: np.ndarray) -> np.ndarray:
    """Look up a cap rank for each key (e.g. a stance level); NaN where none applies."""
    lookup = {float(k): float(v.rank) for k, v in ranks_by_key.items()}
    return pd.Series(np.asarray(keys, dtype=float)).map(lookup).to_numpy(dtype=float)
