"""In-memory model of demo plans (Task → Key Results) and its conversion to sheet rows.

Besides the exchange-format fields, every key result carries generation hints
(series shape, reporting frequency, note phrase, reporter role) that the
check-in generator reads; they never reach the output.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .common import fmt_num


@dataclass
class KR:
    """A key result (Mục tiêu then chốt) with hints for generating its check-ins."""

    title: str
    unit: str
    target: float
    direction: str = "increase"
    kind: str = "kpi"
    baseline: float | None = None
    weight: float | None = None
    due: str = ""
    parent: str = ""
    metric: str = ""
    reference: str = ""
    evidence: bool = False
    shape: str = "even"  # series shape, see series.py
    freq: str = "monthly"  # monthly | quarterly | semi | once | none
    note: str = "generic"  # phrase key, see phrases.py
    role: str = "office"  # role of the reporter inside the owner unit
    done: int = 0  # milestone: month it is completed (0 = not yet in the data)
    mirror: str = ""  # personal KRs: copy the readings of this KR code
    code: str = ""  # assigned by Plan.finalise
    meta: dict[str, object] = field(default_factory=dict)


@dataclass
class Task:
    """A task (Nhiệm vụ) in one perspective, with 1–5 key results."""

    code: str
    perspective: str
    area: str
    title: str
    krs: list[KR]
    reference: str = ""
    weight: float | None = None
    breakthrough: bool = False


@dataclass
class Plan:
    """One owner's plan for one period."""

    owner: str  # unit or person code
    period: str
    prefix: str  # KR code prefix, e.g. TANPHONG or CB.TANPHONG.01
    unit_code: str  # unit whose people report progress
    tasks: list[Task]
    year: int = 2025

    def finalise(self) -> Plan:
        """Assign readable, globally unique KR codes: ``<prefix>-<period>-<task>.<n>``."""
        for task in self.tasks:
            for i, kr in enumerate(task.krs, start=1):
                kr.code = f"{self.prefix}-{self.period}-{task.code}.{i}"
        return self

    def krs(self) -> list[tuple[Task, KR]]:
        """Return (task, key result) pairs in plan order."""
        return [(t, k) for t in self.tasks for k in t.krs]

    def find(self, metric: str) -> KR:
        """Return the first key result instantiating ``metric``."""
        for _task, kr in self.krs():
            if kr.metric == metric:
                return kr
        raise KeyError(f"{self.owner} {self.period} {metric}")

    def by_task(self, task_code: str, index: int = 1) -> KR:
        """Return key result number ``index`` of task ``task_code``."""
        for task in self.tasks:
            if task.code == task_code:
                return task.krs[index - 1]
        raise KeyError(f"{self.owner} {self.period} {task_code}")


def plan_rows(plan: Plan) -> list[dict[str, str]]:
    """Rows of the ``plan`` sheet for one plan (one row per key result)."""
    rows = []
    for task, kr in plan.krs():
        rows.append(
            {
                "owner_code": plan.owner,
                "period": plan.period,
                "perspective": task.perspective,
                "area": task.area,
                "task_code": task.code,
                "task": task.title,
                "task_weight": fmt_num(task.weight),
                "kr_code": kr.code,
                "kr": kr.title,
                "kind": kr.kind,
                "breakthrough": "1" if task.breakthrough else "0",
                "unit": kr.unit,
                "baseline": fmt_num(kr.baseline),
                "target": fmt_num(kr.target),
                "direction": kr.direction,
                "weight": fmt_num(kr.weight),
                "due": kr.due,
                "parent_kr_code": kr.parent,
                "metric_code": kr.metric,
                "reference": kr.reference or task.reference,
                "evidence_required": "1" if kr.evidence else "0",
            }
        )
    return rows
