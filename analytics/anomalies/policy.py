"""Thresholds of the anomaly rules and the shape of their output."""

from __future__ import annotations

from dataclasses import dataclass

ANOMALY_COLUMNS = ["kr_code", "owner_code", "kind", "key", "message", "evidence", "score"]
"""``key`` identifies the anomaly within its key result and kind (a month
``2025-07``, a year ``2025``, a deadline ``2025-10-05`` …) so that a review
("đã giải trình") sticks to it across runs; ``score`` orders by severity."""


@dataclass(frozen=True)
class AnomalyPolicy:
    """Thresholds; the defaults are deliberately conservative (few false alarms).

    Attributes:
        decrease_tolerance: a cumulative value may fall by this share of the
            target (a rounding correction) before it is flagged.
        jump_z: robust z-score (median/MAD against peers) of a monthly change.
        jump_min_share: and the change of a cumulative value must be at least
            this share of the target in one month.
        rate_jump_min_share: the same for non-cumulative values (rates, levels).
        jump_min_spread: floor of the MAD spread (share of target), so that a
            group of identical peers does not turn every small change into an outlier.
        min_peer_points: readings a peer group needs before its spread is used.
        min_peers: other key results a metric needs before peers are compared.
        exact_tolerance: a non-integer reading equals the plan within this.
        exact_max_relative_tolerance: ignore plans so small that rounding alone
            makes readings equal to them (a tolerance above this share of the target).
        exact_min_hits: readings equal to the plan needed in one year.
        exact_min_share: and this share of the year's readings.
        exact_peer_max_share: flag only when peers' median share of exact hits is at most this.
        identical_min_units: owners sharing one sequence of readings.
        identical_min_months: readings in the sequence.
        identical_min_distinct: distinct values in the sequence (constant ones are normal).
        min_integer_scale: whole-number series whose target (or largest value) is
            below this move in steps too coarse for the jump and identity rules.
        burst_days: days before a deadline that form the window.
        burst_min_edits: edits in that window needed to flag.
        burst_ratio: and that many times the owner's usual count in such a window.
        approval_fields: fields whose change after approval is flagged.
    """

    decrease_tolerance: float = 0.005
    jump_z: float = 6.0
    jump_min_share: float = 0.25
    rate_jump_min_share: float = 0.1
    jump_min_spread: float = 0.02
    min_peer_points: int = 12
    min_peers: int = 3
    exact_tolerance: float = 0.05 + 1e-9
    exact_max_relative_tolerance: float = 0.05
    exact_min_hits: int = 4
    exact_min_share: float = 0.8
    exact_peer_max_share: float = 0.3
    identical_min_units: int = 3
    identical_min_months: int = 3
    identical_min_distinct: int = 3
    min_integer_scale: float = 20.0
    burst_days: int = 2
    burst_min_edits: int = 10
    burst_ratio: float = 5.0
    approval_fields: tuple[str, ...] = ("target", "baseline", "direction", "weight", "unit", "due")
