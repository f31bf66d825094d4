"""Previous-year (2024) key results for every seasonal key result of a 2025 plan.

The forecasts learn a metric's season (``series.SHAPES``: disbursement rushing
in Q4, conferences clustered in spring and autumn, land handed over late in
the year) from the same owner's earlier year plans with the same metric code.
A 2025 key result following such a profile with no 2024 counterpart would be
extrapolated at the calendar's pace and flagged although it is on plan, so the
2024 plans (``locality_plan_2024``, ``agency_plan_2024``, ``province_plan_2024``)
get a copy of each of them: same metric code, shape, reporting frequency,
phrase and reporter, a slightly smaller target (last year's plan), and the
check-ins the generator draws for 2024 like for any other 2024 key result.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .common import rng_for, vn_num
from .model import KR, Plan, Task
from .series import SHAPES, decimals

# Shapes whose cumulative readings follow a non-linear profile through the year
# ("even" is the calendar itself; "disb2024" is only the 2024 variant of "disb").
SEASONAL_SHAPES = frozenset(SHAPES) - {"even", "disb2024"}

PAST_SHARE = (0.8, 0.95)
"""Range of the 2024 target as a share of 2025's: plans grow a little every year."""

SMALL_COUNT = 10
"""Whole-number targets below this are planned alike every year (5 cadres through the
political-theory course, 6 procedures): one less would be a 10–50% smaller plan, and
the season of so small a count is drawn by its rounding, which must match 2025's."""


def is_seasonal(kr: KR) -> bool:
    """Whether ``kr``'s readings follow a seasonal (non-linear) profile through the year.

    Counts above one of shape ``step`` are drawn on the ``gpmb`` profile by
    ``series.path``; a single item (one cell, one model) appears in one month.
    Personal copies (``mirror``), key results without a metric code (no history
    can be linked to them) and those never reported are left out.
    """
    if kr.mirror or not kr.metric or kr.freq == "none" or kr.direction != "increase":
        return False
    if kr.shape == "step":
        return kr.target > 1
    return kr.shape in SEASONAL_SHAPES


def _past_target(kr: KR, share: float) -> float:
    if kr.unit == "%":
        return kr.target  # a share of the year's plan: 100% last year too
    places = decimals(kr.unit)
    if places == 0 and kr.target < SMALL_COUNT:
        return kr.target
    return round(kr.target * share, places)


def _number(value: float, unit: str) -> re.Pattern[str]:
    text = re.escape(vn_num(value, decimals(unit)))
    # Not inside a longer number: '2' must not match in '2.600' or '12'.
    return re.compile(rf"(?<![\d.,]){text}(?!\d|[.,]\d)")


def _past_title(kr: KR, target: float) -> str:
    title = kr.title.replace("năm 2025", "năm 2024")
    if target == kr.target:
        return title
    pattern = _number(kr.target, kr.unit)
    if not pattern.search(title):
        raise ValueError(f"{kr.code}: the target is not written in the title {title!r}")
    return pattern.sub(vn_num(target, decimals(kr.unit)), title, count=1)


def past_kr(kr: KR, owner: str) -> KR:
    """The 2024 counterpart of a seasonal 2025 key result of ``owner``.

    Args:
        kr: the 2025 key result (finalised, so that errors can name it).
        owner: owner code (seeds the target, so every unit grew differently).

    Returns:
        A key result with the same metric code and generation hints, a target
        between ``PAST_SHARE`` of 2025's (percent targets and small counts are
        kept), its number
        rewritten in the title, and no parent, weight or evidence requirement
        (like the other 2024 key results, which were agreed on paper).
    """
    share = rng_for("history", owner, kr.metric).uniform(*PAST_SHARE)
    target = _past_target(kr, share)
    meta = dict(kr.meta)
    if "total" in meta:
        meta["total"] = round(float(meta["total"]) * share, 1)  # type: ignore[arg-type]
    return replace(
        kr,
        title=_past_title(kr, target),
        target=target,
        parent="",
        weight=None,
        evidence=False,
        reference="",
        due=kr.due.replace("2025-", "2024-", 1) if kr.due else "",
        code="",
        meta=meta,
    )


def with_seasonal_history(
    tasks: list[Task], current: Plan, task_titles: dict[str, str] | None = None
) -> list[Task]:
    """Add to a 2024 plan's tasks the counterpart of each seasonal key result of ``current``.

    Key results whose metric the 2024 tasks already have are kept as written.
    A counterpart joins the 2024 task of the same code (after its key results,
    so existing codes do not change) or a new task copied from the 2025 one;
    tasks follow the 2025 plan's order.

    Args:
        tasks: the hand-written 2024 tasks (not modified).
        current: the owner's 2025 plan.
        task_titles: 2024 titles of new tasks whose 2025 title names what only
            2025 had (the merger, the 2025–2030 congresses, NQ 68), by task code.

    Returns:
        The 2024 tasks.
    """
    titles = task_titles or {}
    out = {t.code: replace(t, krs=list(t.krs)) for t in tasks}
    have = {kr.metric for t in tasks for kr in t.krs if kr.metric}
    for task in current.tasks:
        for kr in task.krs:
            if not is_seasonal(kr) or kr.metric in have:
                continue
            have.add(kr.metric)
            if task.code not in out:
                title = titles.get(task.code, task.title.replace("năm 2025", "năm 2024"))
                out[task.code] = Task(task.code, task.perspective, task.area, title, [])
            out[task.code].krs.append(past_kr(kr, current.owner))
    order = {t.code: i for i, t in enumerate(current.tasks)}
    return sorted(out.values(), key=lambda t: order.get(t.code, len(order)))
