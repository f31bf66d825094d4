"""What the demo province means to be behind, from its own generator, and how the warnings fare.

The demo (``woms_pwa.core.demo``) writes the readings of the five behind units
by hand (``stories``: Tân Phong, An Tảo, Ân Thi, Ban Tuyên giáo và Dân vận, Mỹ
Hào) and copies them into their heads' and cadres' personal key results
(``KR.mirror``). Every other key result follows a generated path whose
performance factor is known, so its intended December value can be read off the
same path extended to the end of the year (months 1–9 consume the random
stream exactly as the demo did, so they are the demo's readings).

``python tests/integration/alerts/alerts_demo_truth.py`` loads the demo into a
throw-away SQLite file and prints the flag share by rule and by unit, and the
precision and recall of the warnings.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from typing import Any
from unittest import mock

from woms_pwa.core.demo import series
from woms_pwa.core.demo.common import rng_for
from woms_pwa.core.demo.dataset import build_plans
from woms_pwa.core.demo.model import KR, Plan
from woms_pwa.core.demo.people import Directory, build_people
from woms_pwa.core.demo.stories import BEHIND_UNITS, overrides
from woms_pwa.core.demo.units import unit_by_code

ON_PLAN = 0.95
"""A December result at or above this share of the target is on plan (the green light)."""


@dataclass(frozen=True)
class DemoTruth:
    """The demo's intentions for its 2025 key results.

    Attributes:
        all_krs: every 2025 key-result code.
        story: key results behind for a stated reason (the five units' hand-written
            readings and the personal key results that mirror them).
        story_units: owner code of each story key result's unit.
        short: generated key results whose own path ends the year below
            ``ON_PLAN`` of the target (behind without a story), plus ``story``.
    """

    all_krs: frozenset[str]
    story: frozenset[str]
    story_units: dict[str, str]
    short: frozenset[str]


def _year_end(kr: KR, plan: Plan, perf_unit: float, exact: bool) -> float:
    rng = rng_for("checkin", kr.code)
    perf = perf_unit * rng.uniform(0.94, 1.06)
    to_december = series.report_months(kr, 2024)  # 2024's reporting rules run to December
    with mock.patch.object(series, "report_months", lambda _kr, _year: to_december):
        values = series.path(kr, plan.year, perf, rng, exact=exact)
    return values.get(12, math.nan)


def _completion(kr: KR, value: float) -> float:
    if math.isnan(value) or kr.direction == "milestone":
        return math.nan
    if kr.direction == "decrease":
        return kr.target / value if value > 0 else 1.0
    return value / kr.target if kr.target else 1.0


def demo_truth() -> DemoTruth:
    """Read the demo generator's intentions (deterministic, no database)."""
    people = Directory(build_people())
    plans = [p for p in build_plans(people) if p.year == 2025]
    by_key = {(p.owner, p.period): p for p in build_plans(people)}
    written = overrides(by_key)
    units = unit_by_code()
    story: dict[str, str] = {}
    for plan in plans:
        if plan.owner in BEHIND_UNITS:
            story.update({kr.code: plan.owner for _t, kr in plan.krs() if kr.code in written})
    ends: dict[str, float] = {}
    all_codes: set[str] = set()
    for plan in plans:
        unit = units.get(plan.unit_code)
        for _task, kr in plan.krs():
            all_codes.add(kr.code)
            if kr.mirror:
                if kr.mirror in story:
                    story[kr.code] = story[kr.mirror]
                continue
            if kr.code in written:
                continue
            exact = bool(unit and unit.exact and plan.owner == plan.unit_code)
            ends[kr.code] = _completion(kr, _year_end(kr, plan, unit.perf if unit else 1.0, exact))
    for plan in plans:  # personal copies end where their source ends
        for _task, kr in plan.krs():
            if kr.mirror and kr.mirror in ends:
                ends[kr.code] = ends[kr.mirror]
    short = {code for code, c in ends.items() if c < ON_PLAN} | set(story)
    return DemoTruth(frozenset(all_codes), frozenset(story), story, frozenset(short))


def _ratio(a: int, b: int) -> float:
    return a / b if b else math.nan


def score(warnings: list[dict[str, Any]], truth: DemoTruth) -> dict[str, Any]:
    """Flag share, flags by rule and by unit, and precision/recall against ``truth``.

    Args:
        warnings: rows of ``AlertReport.warnings``.
        truth: from :func:`demo_truth`.
    """
    flagged = {str(w["kr_code"]) for w in warnings} & truth.all_krs
    by_rule = {
        kind: len({str(w["kr_code"]) for w in warnings if w["kind"] == kind})
        for kind in ("forecast_miss", "stale", "pace")
    }
    by_owner = Counter(str(w["owner_code"]) for w in warnings if str(w["kr_code"]) in flagged)
    story_hit = flagged & truth.story
    short_hit = flagged & truth.short
    return {
        "n_krs": len(truth.all_krs),
        "n_flagged": len(flagged),
        "share": _ratio(len(flagged), len(truth.all_krs)),
        "by_rule": by_rule,
        "by_owner": dict(by_owner.most_common()),
        "story_recall": _ratio(len(story_hit), len(truth.story)),
        "story_precision": _ratio(len(story_hit), len(flagged)),
        "short_recall": _ratio(len(short_hit), len(truth.short)),
        "short_precision": _ratio(len(short_hit), len(flagged)),
        "story_units_flagged": sorted({truth.story_units[c] for c in story_hit}),
        "false_alarms": sorted(flagged - truth.short),
        "missed": sorted(truth.short - flagged),
    }


def main() -> None:  # pragma: no cover - a report for people, run by hand
    """Load the demo into a temporary database and print the figures."""
    import tempfile
    from pathlib import Path

    from woms_pwa.core.alerts.service import compute_alerts
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.demo_loader import load_demo
    from woms_pwa.core.migrate import upgrade

    truth = demo_truth()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'demo.db'}"
        upgrade(url)
        with session_scope(url) as session:
            load_demo(session, Path(tmp) / "demo")
        for as_of in (dt.date(2025, 6, 30), dt.date(2025, 8, 31), dt.date(2025, 9, 30)):
            with session_scope(url) as session:
                report = compute_alerts(session, period="2025", as_of=as_of)
            assert report is not None
            figures = score(report.warnings, truth)
            print(
                f"as of {as_of}: {figures['n_flagged']}/{figures['n_krs']} flagged "
                f"({figures['share']:.1%}); by rule {figures['by_rule']}"
            )
            print(
                f"  story ({len(truth.story)} KRs): recall {figures['story_recall']:.2f}, "
                f"precision {figures['story_precision']:.2f}; units {figures['story_units_flagged']}"
            )
            print(
                f"  story + generated short of 95% ({len(truth.short)} KRs): recall "
                f"{figures['short_recall']:.2f}, precision {figures['short_precision']:.2f}"
            )
            print(f"  most flagged owners: {list(figures['by_owner'].items())[:8]}")


if __name__ == "__main__":  # pragma: no cover
    main()
