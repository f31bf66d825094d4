"""Plan checks: 3T (measurable, feasible, challenging) and consistency rules.

Pure and vectorised: the rules run over two frames — tasks and key results,
one or many plans at once — so the approver's pre-check of a whole province
(≈ 10,000 key results) is a handful of column operations, not a loop.

Frames (extra columns are ignored):

* ``tasks``: ``plan_id, task_code, task_title, perspective, task_weight``;
* ``krs``: ``plan_id, task_code, kr_code, title, unit, target, baseline,
  direction, breakthrough, weight, last_year_actual`` and optionally
  ``task_breakthrough``, ``metric_code``, ``status`` (``retired`` rows are
  left out).

Each finding has a code, a severity (``error`` blocks submission, ``warning``
does not), a Vietnamese message that says what to fix, and its plan, task and
key-result references.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from analytics.plan_messages import (
    COMPARISONS,
    FINDING_MESSAGES,
    PERSPECTIVE_LABELS,
    REFERENCE_SOURCES,
)
from analytics.vntext import fold_accents, format_number_vi, format_percent_vi

ERROR = "error"
WARNING = "warning"
PERSPECTIVES = ("service", "budget", "process", "learning")
PERCENT_UNITS = frozenset({"%", "ty le", "ty le %", "phan tram"})


@dataclass(frozen=True)
class CheckPolicy:
    """Thresholds of the checks.

    Attributes:
        max_krs_per_task: the proposal's 1–5 key results per task.
        max_breakthrough_share: "encouraged up to 30–40%" of a plan.
        max_growth: a target above this multiple of last year's actual (or the
            baseline) is flagged as possibly infeasible.
        weight_total: weights, when all are given, should add up to this (or to 1).
        anomaly_min_plans: identical targets across at least this many plans…
        anomaly_spread: …whose starting points differ by at least this factor.
    """

    max_krs_per_task: int = 5
    max_breakthrough_share: float = 0.40
    max_growth: float = 2.0
    weight_total: float = 100.0
    anomaly_min_plans: int = 3
    anomaly_spread: float = 3.0


@dataclass(frozen=True)
class Finding:
    """One problem found in a plan."""

    code: str
    severity: str
    message: str
    plan_id: int
    task_code: str = ""
    kr_code: str = ""

    def to_dict(self) -> dict[str, object]:
        """The finding as a plain dict (JSON output)."""
        return asdict(self)


def _num(value: float) -> str:
    return format_number_vi(float(value), 2)


def is_percent_unit(unit: object) -> bool:
    """Whether a key result's unit is a percentage (not additive across units)."""
    return isinstance(unit, str) and fold_accents(unit) in PERCENT_UNITS


def _prepare_krs(krs: pd.DataFrame) -> pd.DataFrame:
    frame = krs.copy()
    if "status" in frame.columns:
        frame = frame[frame["status"].fillna("active") != "retired"]
    for column in ("target", "baseline", "weight", "last_year_actual"):
        frame[column] = pd.to_numeric(frame.get(column), errors="coerce").astype(float)
    frame["unit"] = frame["unit"].fillna("").astype(str).str.strip()
    frame["title"] = frame["title"].fillna("").astype(str)
    frame["direction"] = frame["direction"].fillna("increase")
    tb = frame["task_breakthrough"] if "task_breakthrough" in frame.columns else False
    frame["is_breakthrough"] = frame["breakthrough"].fillna(False).astype(bool) | pd.Series(
        tb, index=frame.index
    ).fillna(False).astype(bool)
    folded_units = frame["unit"].map(fold_accents)
    frame["is_percent"] = folded_units.isin(PERCENT_UNITS)
    return frame


def _emit(
    out: list[Finding], rows: pd.DataFrame, code: str, severity: str, **fields: pd.Series
) -> None:
    """Turn the selected rows into findings (a loop only over failing rows)."""
    template = FINDING_MESSAGES[code]
    columns = {name: series.loc[rows.index].tolist() for name, series in fields.items()}
    for i, (plan_id, task_code, kr_code, title) in enumerate(
        zip(rows["plan_id"], rows["task_code"], rows["kr_code"], rows["title"], strict=True)
    ):
        values = {name: column[i] for name, column in columns.items()}
        out.append(
            Finding(
                code,
                severity,
                template.format(kr=title, **values),
                int(plan_id),
                str(task_code),
                str(kr_code),
            )
        )


def _kr_rules(krs: pd.DataFrame, policy: CheckPolicy, out: list[Finding]) -> None:
    target, baseline, last = krs["target"], krs["baseline"], krs["last_year_actual"]
    milestone = krs["direction"] == "milestone"
    increase, decrease = krs["direction"] == "increase", krs["direction"] == "decrease"
    _emit(out, krs[(krs["unit"] == "") & ~milestone], "T3_MEASURABLE_UNIT", ERROR)
    _emit(out, krs[target.isna()], "T3_MEASURABLE_TARGET", ERROR)
    over = krs[krs["is_percent"] & increase & (target > 100)]
    _emit(out, over, "T3_FEASIBLE_PERCENT", ERROR, target=target.map(_num))
    _emit(out, krs[target < 0], "T3_FEASIBLE_NEGATIVE", ERROR)
    reference = last.where(last.notna(), baseline)
    source = pd.Series(
        np.where(last.notna(), REFERENCE_SOURCES["last_year"], REFERENCE_SOURCES["baseline"]),
        index=krs.index,
    )
    ratio = target / reference.where(reference > 0)
    jump = krs[increase & ~krs["is_percent"] & (ratio > policy.max_growth)]
    _emit(
        out,
        jump,
        "T3_FEASIBLE_JUMP",
        WARNING,
        target=target.map(_num),
        ratio=ratio.map(lambda r: format_number_vi(r, 1)),
        reference=reference.map(_num),
        source=source,
    )
    soft = krs[(increase & (target < last)) | (decrease & (target > last))]
    _emit(
        out,
        soft,
        "T3_CHALLENGING",
        WARNING,
        target=target.map(_num),
        last=last.map(_num),
        comparison=krs["direction"].map(COMPARISONS).fillna(""),
    )
    folded = krs["title"].map(fold_accents)
    # Duplicates are judged within one plan, on accent-folded titles.
    repeated = krs.assign(f=folded).duplicated(["plan_id", "f"], keep="first") & (folded != "")
    _emit(out, krs[repeated], "DUPLICATE_KR", WARNING)


def _task_rules(
    tasks: pd.DataFrame, krs: pd.DataFrame, policy: CheckPolicy, out: list[Finding]
) -> None:
    counts = krs.groupby(["plan_id", "task_code"]).size().rename("n")
    frame = tasks.join(counts, on=["plan_id", "task_code"]).fillna({"n": 0})
    for code, rows in (
        ("TOO_MANY_KRS", frame[frame["n"] > policy.max_krs_per_task]),
        ("NO_KR", frame[frame["n"] == 0]),
    ):
        for plan_id, task_code, title, n in zip(
            rows["plan_id"], rows["task_code"], rows["task_title"], rows["n"], strict=True
        ):
            message = FINDING_MESSAGES[code].format(task=title, count=int(n))
            out.append(Finding(code, ERROR, message, int(plan_id), str(task_code)))
    given = krs["weight"].notna()
    per_task = (
        krs.assign(given=given, w=krs["weight"].fillna(0))
        .groupby(["plan_id", "task_code"])
        .agg(given=("given", "sum"), n=("given", "size"), total=("w", "sum"))
    )
    titles = tasks.set_index(["plan_id", "task_code"])["task_title"]
    _weight_findings(per_task, titles, policy, "KR_WEIGHTS", out)


def _weight_findings(
    groups: pd.DataFrame,
    titles: pd.Series,
    policy: CheckPolicy,
    prefix: str,
    out: list[Finding],
) -> None:
    partial = groups[(groups["given"] > 0) & (groups["given"] < groups["n"])]
    complete = groups[(groups["given"] == groups["n"]) & (groups["n"] > 0)]
    off = complete[
        ~np.isclose(complete["total"], policy.weight_total, atol=0.5)
        & ~np.isclose(complete["total"], 1.0, atol=0.005)
    ]
    for code, rows in ((f"{prefix}_PARTIAL", partial), (f"{prefix}_SUM", off)):
        for key, total in zip(rows.index, rows["total"], strict=True):
            plan_id, task_code = key if isinstance(key, tuple) else (key, "")
            title = titles.get((plan_id, task_code), "") if task_code else ""
            message = FINDING_MESSAGES[code].format(task=title, total=_num(total))
            out.append(Finding(code, WARNING, message, int(plan_id), str(task_code)))


def _plan_rules(
    tasks: pd.DataFrame,
    krs: pd.DataFrame,
    policy: CheckPolicy,
    out: list[Finding],
    plan_ids: Iterable[int] = (),
) -> None:
    plan_ids = sorted(set(tasks["plan_id"]) | set(krs["plan_id"]) | set(plan_ids))
    present = set(zip(tasks["plan_id"], tasks["perspective"], strict=True))
    for plan_id in plan_ids:
        for perspective in PERSPECTIVES:
            if (plan_id, perspective) not in present:
                message = FINDING_MESSAGES["PERSPECTIVE_EMPTY"].format(
                    perspective=PERSPECTIVE_LABELS[perspective]
                )
                out.append(Finding("PERSPECTIVE_EMPTY", WARNING, message, int(plan_id)))
    share = krs.groupby("plan_id")["is_breakthrough"].mean()
    for plan_id, value in share[share > policy.max_breakthrough_share].items():
        message = FINDING_MESSAGES["BREAKTHROUGH_SHARE"].format(
            share=format_percent_vi(float(value), 0),
            limit=format_percent_vi(policy.max_breakthrough_share, 0),
        )
        out.append(Finding("BREAKTHROUGH_SHARE", WARNING, message, int(plan_id)))  # type: ignore[arg-type]
    task_weights = pd.to_numeric(tasks["task_weight"], errors="coerce")
    per_plan = (
        tasks.assign(given=task_weights.notna(), w=task_weights.fillna(0))
        .groupby("plan_id")
        .agg(given=("given", "sum"), n=("given", "size"), total=("w", "sum"))
    )
    _weight_findings(per_plan, pd.Series(dtype=str), policy, "TASK_WEIGHTS", out)


def check_plans(
    tasks: pd.DataFrame,
    krs: pd.DataFrame,
    policy: CheckPolicy | None = None,
    plan_ids: Iterable[int] = (),
) -> list[Finding]:
    """Run every 3T and consistency rule over one or many plans.

    Args:
        tasks: one row per task (see the module docstring for columns).
        krs: one row per key result.
        policy: thresholds; defaults follow the proposal.
        plan_ids: plans to check even if they have no task yet.

    Returns:
        The findings, errors first, then by plan, task and key result.
    """
    policy = policy or CheckPolicy()
    prepared = _prepare_krs(krs)
    out: list[Finding] = []
    _kr_rules(prepared, policy, out)
    _task_rules(tasks, prepared, policy, out)
    _plan_rules(tasks, prepared, policy, out, plan_ids)
    return sort_findings(out)


def identical_target_anomalies(
    krs: pd.DataFrame, policy: CheckPolicy | None = None
) -> list[Finding]:
    """Flag the same target copied across plans whose starting points differ widely.

    A key result of the same dictionary metric (``metric_code``) and unit with an
    identical target in at least ``anomaly_min_plans`` plans, while their
    baselines (or last year's actuals) differ by ``anomaly_spread`` times or
    more, suggests a target copied rather than planned.

    Args:
        krs: key results of many plans (needs ``metric_code``).
        policy: thresholds.
    """
    policy = policy or CheckPolicy()
    frame = _prepare_krs(krs)
    frame = frame[frame["metric_code"].notna() & frame["target"].notna()]
    start = frame["last_year_actual"].where(frame["last_year_actual"].notna(), frame["baseline"])
    frame = frame.assign(start=start)
    keys = ["metric_code", "unit", "target"]
    stats = frame.groupby(keys).agg(
        plans=("plan_id", "nunique"), low=("start", "min"), high=("start", "max")
    )
    suspicious = stats[
        (stats["plans"] >= policy.anomaly_min_plans)
        & (stats["low"] > 0)
        & (stats["high"] >= stats["low"] * policy.anomaly_spread)
    ]
    if suspicious.empty:
        return []
    hits = frame.join(suspicious["plans"], on=keys, how="inner")
    out = []
    for row in hits.itertuples(index=False):
        message = FINDING_MESSAGES["IDENTICAL_TARGETS"].format(
            kr=row.title, target=_num(row.target), unit=row.unit, count=int(row.plans) - 1
        )
        out.append(
            Finding(
                "IDENTICAL_TARGETS",
                WARNING,
                message,
                int(row.plan_id),
                str(row.task_code),
                str(row.kr_code),
            )
        )
    return out


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then by plan, task and key result."""
    return sorted(
        findings, key=lambda f: (f.severity != ERROR, f.plan_id, f.task_code, f.kr_code, f.code)
    )


def has_errors(findings: Iterable[Finding]) -> bool:
    """Whether any finding blocks submission."""
    return any(f.severity == ERROR for f in findings)
