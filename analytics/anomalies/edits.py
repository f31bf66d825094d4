"""Anomaly rules on the edit trail: bursts of edits before a deadline, edits after approval.

Appendix 4's "manual entry trap": numbers that are typed in by hand get
prettified shortly before they are judged. These rules look at *when* data was
changed, not at the values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analytics.anomalies import messages as msg
from analytics.anomalies.policy import ANOMALY_COLUMNS, AnomalyPolicy
from analytics.vntext import format_date_vi, format_datetime_vi, format_number_vi


def deadline_bursts(
    edits: pd.DataFrame, deadlines: Sequence[dt.date], policy: AnomalyPolicy
) -> pd.DataFrame:
    """Owners whose edits pile up in the days just before a deadline.

    The usual rate is the owner's edits outside every deadline window, spread
    evenly over the days they span (at least 30); a window is flagged when it
    holds at least ``burst_min_edits`` edits and ``burst_ratio`` times the usual
    count for a window of that length.

    Args:
        edits: ``owner_code, at`` (timestamps) and optionally ``kr_code``.
        deadlines: reporting deadlines (dates).
        policy: thresholds.

    Returns:
        One anomaly per owner and deadline (``kr_code`` is the most edited key result).
    """
    if edits.empty or not deadlines:
        return pd.DataFrame(columns=ANOMALY_COLUMNS)
    frame = edits.copy()
    frame["day"] = pd.to_datetime(frame["at"], utc=True).dt.tz_localize(None).dt.normalize()
    if "kr_code" not in frame.columns:
        frame["kr_code"] = ""
    window = pd.Timedelta(days=policy.burst_days)
    in_any = np.zeros(len(frame), dtype=bool)
    spans = []
    for deadline in sorted(set(deadlines)):
        end = pd.Timestamp(deadline)
        inside = ((frame["day"] >= end - window) & (frame["day"] <= end)).to_numpy()
        in_any |= inside
        spans.append((deadline, inside))
    outside = frame.loc[~in_any].groupby("owner_code")["day"].agg(["size", "min", "max"])
    days = ((outside["max"] - outside["min"]).dt.days + 1).clip(lower=30)
    usual = (outside["size"] / days * (policy.burst_days + 1)).to_dict()
    rows = []
    for deadline, inside in spans:
        counts = frame.loc[inside].groupby("owner_code")
        for owner, group in counts:
            n = len(group)
            typical = float(usual.get(owner, 0.0))
            if n < policy.burst_min_edits or n < policy.burst_ratio * max(typical, 1.0):
                continue
            top = group["kr_code"].value_counts().index[0]
            text = msg.DEADLINE_BURST.format(
                n_edits=n,
                days=policy.burst_days + 1,
                deadline=format_date_vi(deadline),
                typical=format_number_vi(typical, 1),
            )
            evidence = ", ".join(
                f"{k} ({c})" for k, c in group["kr_code"].value_counts().head(5).items()
            )
            rows.append(
                (
                    top,
                    owner,
                    "deadline_burst",
                    deadline.isoformat(),
                    text,
                    evidence,
                    n / max(typical, 1.0),
                )
            )
    return pd.DataFrame(rows, columns=ANOMALY_COLUMNS)


def edits_after_approval(changes: pd.DataFrame, policy: AnomalyPolicy) -> pd.DataFrame:
    """Changes to a key result's definition (target, baseline …) after its plan was approved.

    Args:
        changes: ``kr_code, owner_code, at, field, old_value, new_value, approved_at``.
        policy: ``approval_fields``.

    Returns:
        One anomaly per change.
    """
    if changes.empty:
        return pd.DataFrame(columns=ANOMALY_COLUMNS)
    at = pd.to_datetime(changes["at"], utc=True)
    approved = pd.to_datetime(changes["approved_at"], utc=True)
    mask = (
        changes["field"].isin(policy.approval_fields) & approved.notna() & (at > approved)
    ).to_numpy()
    rows = []
    for row, when, ok in zip(
        changes.loc[mask].itertuples(index=False), at[mask], approved[mask], strict=True
    ):
        text = msg.EDIT_AFTER_APPROVAL.format(
            field=row.field,
            old=row.old_value if row.old_value not in (None, "") else "(trống)",
            new=row.new_value if row.new_value not in (None, "") else "(trống)",
            at=format_date_vi(when.date()),
            approved=format_date_vi(ok.date()),
        )
        evidence = f"{row.field}: {row.old_value} → {row.new_value} ({format_datetime_vi(when)})"
        rows.append(
            (
                row.kr_code,
                row.owner_code,
                "edit_after_approval",
                f"{row.field}@{when:%Y-%m-%dT%H:%M:%S}",
                text,
                evidence,
                1.0,
            )
        )
    return pd.DataFrame(rows, columns=ANOMALY_COLUMNS)
