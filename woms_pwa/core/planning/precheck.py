"""Pre-check for approvers: submitted plans ranked by the problems found in them.

One pass over all the plans at once: the 3T and consistency rules, targets
copied across very different units (compared with every plan of the same
period), and cascade allocation gaps.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from analytics.plan_checks import ERROR, WARNING, Finding, check_plans, identical_target_anomalies
from woms_pwa.core.models import Period, Person, Plan, Unit
from woms_pwa.core.permissions import Actor
from woms_pwa.core.planning.cascading import cascade_gaps
from woms_pwa.core.planning.checks import plan_frames
from woms_pwa.core.planning.lifecycle import can_approve
from woms_pwa.core.planning.models import PlanAmendment
from woms_pwa.core.vocab import PlanStatus


@dataclass(frozen=True)
class PlanPrecheck:
    """One plan in the approver's inbox, with what the pre-check found."""

    plan_id: int
    owner_code: str
    owner_name: str
    period: str
    status: str
    pending_amendments: int
    errors: int
    warnings: int
    findings: list[Finding] = field(default_factory=list)

    @property
    def rank_key(self) -> tuple[int, int, str]:
        """Most errors first, then most warnings, then by owner."""
        return (-self.errors, -self.warnings, self.owner_code)

    def to_dict(self) -> dict[str, object]:
        """JSON shape of ``woms plan precheck --json``."""
        return {
            "plan_id": self.plan_id,
            "owner_code": self.owner_code,
            "owner_name": self.owner_name,
            "period": self.period,
            "status": self.status,
            "pending_amendments": self.pending_amendments,
            "errors": self.errors,
            "warnings": self.warnings,
            "findings": [f.to_dict() for f in self.findings],
        }


def precheck(
    session: Session, actor: Actor, *, period: str | None = None, include_amendments: bool = True
) -> list[PlanPrecheck]:
    """Rank the plans waiting for the actor's decision by the problems found.

    Args:
        session: the open session.
        actor: the approver (``Actor.system()`` sees every submitted plan).
        period: only plans of this period code.
        include_amendments: also list approved plans with pending amendments.

    Returns:
        The plans, most problematic first.
    """
    periods = {p.id: p.code for p in session.execute(select(Period)).scalars()}
    query = select(Plan)
    if period:
        query = query.where(col(Plan.period_id).in_([i for i, c in periods.items() if c == period]))
    plans = list(session.execute(query).scalars())
    amended: dict[int, int] = {}
    if include_amendments:
        for plan_id in session.execute(
            select(PlanAmendment.plan_id).where(PlanAmendment.status == "submitted")
        ).scalars():
            amended[plan_id] = amended.get(plan_id, 0) + 1
    waiting = [
        p
        for p in plans
        if (p.status == PlanStatus.SUBMITTED.value or (p.id or 0) in amended)
        and can_approve(session, actor, p)
    ]
    if not waiting:
        return []
    ids = [p.id or 0 for p in waiting]
    tasks, krs = plan_frames(session, ids)
    by_plan: dict[int, list[Finding]] = {}
    for finding in check_plans(tasks, krs, plan_ids=ids):
        by_plan.setdefault(finding.plan_id, []).append(finding)
    # Copied targets are judged against every plan of the same periods, not only the inbox.
    peers = [p.id or 0 for p in plans if p.period_id in {w.period_id for w in waiting}]
    _, peer_krs = plan_frames(session, peers)
    waiting_ids = set(ids)
    for finding in identical_target_anomalies(peer_krs):
        if finding.plan_id in waiting_ids:
            by_plan.setdefault(finding.plan_id, []).append(finding)
    for plan_id, gaps in cascade_gaps(session, ids).items():
        for kr_code, code, message in gaps:
            by_plan.setdefault(plan_id, []).append(
                Finding(code, WARNING, message, plan_id, "", kr_code)
            )
    units = dict(session.execute(select(Unit.id, Unit)).all())
    people = dict(session.execute(select(Person.id, Person)).all())
    out = []
    for plan in waiting:
        found = by_plan.get(plan.id or 0, [])
        if plan.owner_unit_id is not None:
            code, name = units[plan.owner_unit_id].code, units[plan.owner_unit_id].name
        else:
            person = people[plan.owner_person_id]
            code, name = person.code, person.full_name
        out.append(
            PlanPrecheck(
                plan.id or 0,
                code,
                name,
                periods[plan.period_id],
                plan.status,
                amended.get(plan.id or 0, 0),
                sum(f.severity == ERROR for f in found),
                sum(f.severity == WARNING for f in found),
                found,
            )
        )
    return sorted(out, key=lambda p: p.rank_key)
