"""Anomaly rules on reported values: drops of cumulative totals, jumps, too-perfect numbers.

Input is the *readings* frame: one row per key result and month (the last
reading of that month) with columns ``kr_code, owner_code, owner_kind,
metric_code, year, month, value, target`` and optionally ``cumulative``
(default True). Every rule compares a key result with its peers — the other
key results with the same ``metric_code`` (and, where enough exist, the same
kind of owner unit) — because what is implausible for one metric is routine for
another (a disbursement jump in December is normal, 100% on-time files every
month is normal when everyone reports 100%).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.anomalies import messages as msg
from analytics.anomalies.policy import ANOMALY_COLUMNS, AnomalyPolicy
from analytics.vntext import format_number_vi, format_percent_vi


def _fmt(value: float) -> str:
    """A reading as Vietnamese text: integers without decimals."""
    value = float(value)
    return format_number_vi(value, 0 if value.is_integer() else 1)


def prepare_readings(readings: pd.DataFrame) -> pd.DataFrame:
    """Sort, fill optional columns and add ``prev`` (previous month's value in the same year).

    Args:
        readings: the readings frame described in the module docstring.

    Returns:
        A new frame with ``cumulative``, ``prev``, ``prev_month`` and ``scale``
        (``|target|``, or the largest reading when the target is 0).
    """
    frame = readings.copy()
    if "cumulative" not in frame.columns:
        frame["cumulative"] = True
    for column in ("owner_kind", "metric_code"):
        if column not in frame.columns:
            frame[column] = ""
        frame[column] = frame[column].fillna("").astype(str)
    frame["cumulative"] = frame["cumulative"].fillna(True).astype(bool)
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype(float)
    frame["target"] = pd.to_numeric(frame["target"], errors="coerce").astype(float)
    frame = frame.sort_values(["kr_code", "year", "month"], kind="stable").reset_index(drop=True)
    group = frame.groupby(["kr_code", "year"], sort=False)
    frame["prev"] = group["value"].shift(1)
    frame["prev_month"] = group["month"].shift(1)
    largest = frame["value"].abs().groupby(frame["kr_code"], sort=False).transform("max")
    whole = (np.mod(frame["value"], 1.0) == 0) | frame["value"].isna()
    frame["integer"] = whole.groupby(frame["kr_code"], sort=False).transform("all").astype(bool)
    scale = frame["target"].abs()
    frame["scale"] = scale.where(scale > 0, largest).where(lambda s: s > 0, 1.0)
    return frame


def _rows(
    sub: pd.DataFrame,
    kind: str,
    keys: list[str],
    messages: list[str],
    evidence: list[str],
    score: np.ndarray,
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kr_code": sub["kr_code"].to_numpy(),
            "owner_code": sub["owner_code"].to_numpy(),
            "kind": kind,
            "key": keys,
            "message": messages,
            "evidence": evidence,
            "score": np.asarray(score, dtype=float),
        },
        columns=ANOMALY_COLUMNS,
    )


def cumulative_decrease(frame: pd.DataFrame, policy: AnomalyPolicy) -> pd.DataFrame:
    """A year-to-date total that falls from one month to the next.

    Args:
        frame: output of :func:`prepare_readings`.
        policy: thresholds (``decrease_tolerance`` as a share of the scale).

    Returns:
        One anomaly per drop.
    """
    drop = frame["prev"] - frame["value"]
    mask = frame["cumulative"] & (drop > policy.decrease_tolerance * frame["scale"])
    sub = frame.loc[mask]
    messages, keys, evidence = [], [], []
    for row in sub.itertuples(index=False):
        year, month, prev_month = int(row.year), int(row.month), int(row.prev_month)
        messages.append(
            msg.CUMULATIVE_DECREASE.format(
                before=_fmt(row.prev),
                after=_fmt(row.value),
                prev_month=prev_month,
                month=month,
                year=year,
            )
        )
        keys.append(f"{year}-{month:02d}")
        evidence.append(
            f"T{prev_month}/{year}: {_fmt(row.prev)}; T{month}/{year}: {_fmt(row.value)}"
        )
    score = (drop[mask] / frame.loc[mask, "scale"]).to_numpy()
    return _rows(sub, "cumulative_decrease", keys, messages, evidence, score)


def _robust_stats(
    x: pd.Series, groups: list[pd.Series], min_n: int
) -> tuple[np.ndarray, np.ndarray]:
    """Median and MAD-based spread of ``x`` per the first grouping with at least ``min_n`` members."""
    med = np.full(len(x), np.nan)
    spread = np.full(len(x), np.nan)
    for keys in groups:
        grouped = x.groupby(keys)
        count = grouped.transform("count").to_numpy()
        m = grouped.transform("median").to_numpy()
        mad = (x - m).abs().groupby(keys).transform("median").to_numpy() * 1.4826
        take = np.isnan(med) & (count >= min_n)
        med[take], spread[take] = m[take], mad[take]
    return med, spread


def jumps(frame: pd.DataFrame, policy: AnomalyPolicy) -> pd.DataFrame:
    """Implausible monthly jumps (and drops of non-cumulative values) against peers.

    The monthly change as a share of the target is compared with the robust
    (median/MAD) distribution of the same change among peers: same metric and
    owner kind when there are enough of them, else same metric, else the key
    result's own months. A change must be both far out (``jump_z``) and large
    in itself (``jump_min_share`` of the target, ``rate_jump_min_share`` for
    non-cumulative rates) to be flagged.

    Args:
        frame: output of :func:`prepare_readings`.
        policy: thresholds.

    Returns:
        One anomaly per flagged month.
    """
    cumulative = frame["cumulative"].to_numpy()
    first = frame["prev"].isna().to_numpy()
    prev = frame["prev"].to_numpy(dtype=float)
    # A cumulative series starts the year from zero; a level has no change in its first month.
    base = np.where(cumulative & first, 0.0, prev)
    months = frame["month"].to_numpy(dtype=float)
    gap = np.where(first, months, months - frame["prev_month"].to_numpy(dtype=float))
    change = (frame["value"].to_numpy(dtype=float) - base) / np.maximum(gap, 1.0)
    share = pd.Series(change / frame["scale"].to_numpy(dtype=float), index=frame.index)
    metric = frame["metric_code"].where(frame["metric_code"] != "", frame["kr_code"])
    med, spread = _robust_stats(
        share,
        [[metric, frame["owner_kind"]], [metric], [frame["kr_code"]]],
        policy.min_peer_points,
    )
    spread = np.maximum(np.nan_to_num(spread, nan=0.0), policy.jump_min_spread)
    z = (share.to_numpy() - np.nan_to_num(med)) / spread
    floor = np.where(cumulative, policy.jump_min_share, policy.rate_jump_min_share)
    valid = np.isfinite(z) & ~(cumulative & (share.to_numpy() < 0))
    # Small counts move in whole steps (1 of 3 conferences is 33% in a month): not evidence.
    lumpy = (frame["integer"] & (frame["scale"] < policy.min_integer_scale)).to_numpy()
    mask = valid & ~lumpy & (np.abs(z) >= policy.jump_z) & (np.abs(share.to_numpy()) >= floor)
    sub = frame.loc[mask]
    messages, keys, evidence = [], [], []
    for row, c, s, m in zip(
        sub.itertuples(index=False), change[mask], share[mask], med[mask], strict=True
    ):
        year, month = int(row.year), int(row.month)
        template = msg.JUMP_UP if c > 0 else msg.JUMP_DOWN
        messages.append(
            template.format(
                month=month,
                year=year,
                delta=_fmt(abs(c)),
                share=format_percent_vi(abs(s), 0),
                typical=format_percent_vi(abs(float(np.nan_to_num(m))), 0) + " chỉ tiêu",
            )
        )
        keys.append(f"{year}-{month:02d}")
        before = "0" if np.isnan(row.prev) else _fmt(row.prev)
        evidence.append(f"Trước: {before}; tháng {month}/{year}: {_fmt(row.value)}")
    return _rows(sub, "jump", keys, messages, evidence, np.abs(z[mask]))


def _hits(frame: pd.DataFrame, policy: AnomalyPolicy) -> tuple[np.ndarray, np.ndarray]:
    """Planned value of each reading and whether the reading equals it to its own rounding.

    The plan of a cumulative key result at month ``m`` is ``target × m / 12``
    (the pro-rata plan of the month), of a level it is the target itself.
    """
    value = frame["value"].to_numpy(dtype=float)
    target = frame["target"].to_numpy(dtype=float)
    month = frame["month"].to_numpy(dtype=float)
    planned = np.where(frame["cumulative"].to_numpy(), target * month / 12.0, target)
    tol = np.where(frame["integer"].to_numpy(dtype=bool), 0.5 + 1e-9, policy.exact_tolerance)
    hit = np.isfinite(planned) & (planned != 0) & (np.abs(value - planned) <= tol)
    # Rounding to the unit is only evidence when it is precise relative to the plan.
    hit &= tol <= policy.exact_max_relative_tolerance * np.abs(target)
    return planned, hit


def _median_of_others(shares: pd.Series) -> pd.Series:
    """Median of the other members' values (leave-one-out for small groups)."""
    values = shares.to_numpy(dtype=float)
    if len(values) > 30:
        # One member barely moves the median of a large group.
        return pd.Series(float(np.median(values)), index=shares.index)
    out = [
        float(np.median(np.delete(values, i))) if len(values) > 1 else np.nan
        for i in range(len(values))
    ]
    return pd.Series(out, index=shares.index)


def exact_target(frame: pd.DataFrame, policy: AnomalyPolicy) -> pd.DataFrame:
    """Readings that equal the plan month after month while peers' readings do not.

    Args:
        frame: output of :func:`prepare_readings`.
        policy: ``exact_min_hits``, ``exact_min_share``, ``exact_peer_max_share``.

    Returns:
        One anomaly per key result (key = its year).
    """
    planned, hit = _hits(frame, policy)
    work = frame.assign(_hit=hit, _planned=planned)
    per_kr = work.groupby(["kr_code", "year"], sort=False).agg(
        owner_code=("owner_code", "first"),
        metric_code=("metric_code", "first"),
        hits=("_hit", "sum"),
        cumulative=("cumulative", "first"),
        total=("_hit", "size"),
    )
    per_kr["share"] = per_kr["hits"] / per_kr["total"]
    # Peers: the other key results of the metric (median of their hit shares).
    metric_groups = per_kr.groupby(["metric_code", "year"])["share"]
    n_peers = metric_groups.transform("size") - 1
    peer_share = metric_groups.transform(_median_of_others)
    use_peers = (n_peers >= policy.min_peers) & (per_kr["metric_code"] != "")
    # Without peers only pro-rata hits of a cumulative total count: a rate equal to
    # its target (100% on time) may simply be the ceiling everyone reaches.
    peer_ok = (use_peers & (peer_share <= policy.exact_peer_max_share)) | (
        ~use_peers & per_kr["cumulative"]
    )
    flagged = per_kr[
        (per_kr["hits"] >= policy.exact_min_hits)
        & (per_kr["share"] >= policy.exact_min_share)
        & peer_ok
    ]
    rows = []
    for (kr_code, year), row in flagged.iterrows():
        kr_hits = work[(work["kr_code"] == kr_code) & (work["year"] == year) & work["_hit"]]
        last = kr_hits.iloc[-1]
        fields = {
            "hits": int(row["hits"]),
            "total": int(row["total"]),
            "month": int(last["month"]),
            "year": int(year),
            "value": _fmt(last["value"]),
            "planned": _fmt(round(float(last["_planned"]), 2)),
        }
        text = (
            msg.EXACT_TARGET.format(
                **fields, peer_share=format_percent_vi(float(peer_share.loc[(kr_code, year)]), 0)
            )
            if bool(use_peers.loc[(kr_code, year)])
            else msg.EXACT_TARGET_NO_PEERS.format(**fields)
        )
        evidence = "; ".join(f"T{int(r.month)}: {_fmt(r.value)}" for r in kr_hits.itertuples())
        rows.append(
            (kr_code, row["owner_code"], f"{int(year)}", text, evidence, float(row["share"]))
        )
    return pd.DataFrame(
        [(k, o, "exact_target", key, t, e, s) for k, o, key, t, e, s in rows],
        columns=ANOMALY_COLUMNS,
    )


def identical_across_units(frame: pd.DataFrame, policy: AnomalyPolicy) -> pd.DataFrame:
    """The same non-constant sequence of readings reported by several owners for one metric.

    Constant sequences (all 0, all 100%) are left out: many units legitimately
    report "nothing yet" or "fully achieved" every month.

    Args:
        frame: output of :func:`prepare_readings`.
        policy: ``identical_min_units``, ``identical_min_months``.

    Returns:
        One anomaly per key result in a group of identical sequences.
    """
    usable = frame[frame["metric_code"] != ""]
    if usable.empty:
        return pd.DataFrame(columns=ANOMALY_COLUMNS)
    usable = usable.assign(
        _abs=usable["value"].abs(),
        # One 64-bit fingerprint per (position, month, value), summed per sequence:
        # comparing 150,000 sequences as strings would cost minutes.
        _print=pd.util.hash_pandas_object(
            pd.DataFrame(
                {
                    "pos": usable.groupby(["kr_code", "year"], sort=False).cumcount(),
                    "month": usable["month"].astype(int),
                    "value": usable["value"].round(6),
                }
            ),
            index=False,
        ).to_numpy(),
    )
    signature = usable.groupby(["kr_code", "year"], sort=False).agg(
        owner_code=("owner_code", "first"),
        metric_code=("metric_code", "first"),
        months=("month", "size"),
        distinct=("value", "nunique"),
        largest=("_abs", "max"),
        integer=("integer", "first"),
        fingerprint=("_print", "sum"),
    )
    signature = signature[
        (signature["months"] >= policy.identical_min_months)
        & (signature["distinct"] >= policy.identical_min_distinct)
        # Small whole counts (1; 2; 3) coincide by chance between units.
        & ~(signature["integer"] & (signature["largest"] < policy.min_integer_scale))
    ].reset_index()
    owners = signature.groupby(["metric_code", "year", "fingerprint"])["owner_code"].transform(
        "nunique"
    )
    flagged = signature[owners >= policy.identical_min_units].copy()
    if flagged.empty:
        return pd.DataFrame(columns=ANOMALY_COLUMNS)
    texts = usable[usable["kr_code"].isin(set(flagged["kr_code"]))].groupby(
        ["kr_code", "year"], sort=False
    )
    flagged["sequence"] = [
        ";".join(_fmt(x) for x in texts.get_group((k, y))["value"])
        for k, y in zip(flagged["kr_code"], flagged["year"], strict=True)
    ]
    flagged["months_key"] = [
        ",".join(str(int(x)) for x in texts.get_group((k, y))["month"])
        for k, y in zip(flagged["kr_code"], flagged["year"], strict=True)
    ]
    keys = ["metric_code", "year", "months_key", "sequence"]
    rows = []
    for _, group in flagged.groupby(keys):
        names = sorted(group["owner_code"].unique())
        listed = ", ".join(names[:6]) + (" …" if len(names) > 6 else "")
        for row in group.itertuples(index=False):
            months = row.months_key.split(",")
            shown = "; ".join(
                f"T{m}: {v}" for m, v in zip(months, row.sequence.split(";"), strict=True)
            )
            text = msg.IDENTICAL.format(
                sequence=f"({row.sequence.replace(';', '; ')})",
                n_units=len(names),
                year=int(row.year),
                owners=listed,
            )
            rows.append(
                (
                    row.kr_code,
                    row.owner_code,
                    "identical_across_units",
                    str(int(row.year)),
                    text,
                    shown,
                    float(len(names)),
                )
            )
    return pd.DataFrame(rows, columns=ANOMALY_COLUMNS)
