"""Anomaly detection on reported data (Appendix 4's "manual entry trap").

Pure rules over frames, each returning rows with ``ANOMALY_COLUMNS``:

* ``cumulative_decrease`` — a year-to-date total that falls;
* ``jump`` — an implausible monthly jump or drop against peers of the same metric;
* ``exact_target`` — readings equal to the plan month after month while peers' are not;
* ``identical_across_units`` — the same sequence reported by several units;
* ``deadline_burst`` — a pile of edits just before a reporting deadline;
* ``edit_after_approval`` — a target or baseline changed after the plan was approved.

:func:`detect_anomalies` runs them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from analytics.anomalies.edits import deadline_bursts, edits_after_approval
from analytics.anomalies.messages import KIND_LABELS
from analytics.anomalies.policy import ANOMALY_COLUMNS, AnomalyPolicy
from analytics.anomalies.readings import (
    cumulative_decrease,
    exact_target,
    identical_across_units,
    jumps,
    prepare_readings,
)

__all__ = [
    "ANOMALY_COLUMNS",
    "KIND_LABELS",
    "AnomalyPolicy",
    "detect_anomalies",
]


def detect_anomalies(
    readings: pd.DataFrame,
    *,
    edits: pd.DataFrame | None = None,
    deadlines: Sequence[dt.date] = (),
    changes: pd.DataFrame | None = None,
    policy: AnomalyPolicy | None = None,
) -> pd.DataFrame:
    """Run every anomaly rule.

    Args:
        readings: ``kr_code, owner_code, owner_kind, metric_code, year, month,
            value, target[, cumulative]`` — the last reading of each month.
        edits: ``owner_code, at[, kr_code]`` — when data was typed in or corrected.
        deadlines: reporting deadlines for the burst rule.
        changes: ``kr_code, owner_code, at, field, old_value, new_value, approved_at``.
        policy: thresholds; defaults when None.

    Returns:
        One row per anomaly with ``ANOMALY_COLUMNS``, most severe first within a kind.
    """
    policy = policy or AnomalyPolicy()
    parts = []
    if not readings.empty:
        frame = prepare_readings(readings)
        parts += [
            cumulative_decrease(frame, policy),
            jumps(frame, policy),
            exact_target(frame, policy),
            identical_across_units(frame, policy),
        ]
    if edits is not None and not edits.empty:
        parts.append(deadline_bursts(edits, deadlines, policy))
    if changes is not None and not changes.empty:
        parts.append(edits_after_approval(changes, policy))
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=ANOMALY_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    out["score"] = out["score"].astype(float)
    return out.sort_values(
        ["kind", "score", "kr_code"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)
