"""Read models of the planning pages: my plans, owner choices, the editor's view of a plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from analytics.plan_checks import ERROR, Finding
from woms_pwa.core import messages as base_msg
from woms_pwa.core.models import KeyResult, Period, Person, Plan, Unit
from woms_pwa.core.permissions import Actor, scope_for, subtree
from woms_pwa.core.planning.amendments import pending_amendments
from woms_pwa.core.planning.checks import findings_for_plans
from woms_pwa.core.planning.common import EDITABLE, owner_of_plan, visible_plan
from woms_pwa.core.planning.drafting import plan_key_results
from woms_pwa.core.planning.lifecycle import can_approve
from woms_pwa.core.planning.models import PlanReview
from woms_pwa.core.planning.templates import PlanTemplate, get_template, template_for_unit_kind
from woms_pwa.core.vocab import PlanStatus, Role, UnitKind


@dataclass(frozen=True)
class MyPlanRow:
    """A plan the actor may write, for the drafting home page."""

    plan_id: int
    owner_code: str
    owner_name: str
    period: str
    status: str
    version: int
    key_results: int


def my_plans(session: Session, actor: Actor) -> list[MyPlanRow]:
    """Plans the actor may write (own unit, own person, subtree for heads), newest first."""
    scope = scope_for(session, actor)
    periods = {p.id: p.code for p in session.execute(select(Period)).scalars()}
    rows = []
    for plan in session.execute(select(Plan)).scalars():
        if not scope.can_write_plan(plan) or (
            actor.role is Role.ADMIN and plan.status == PlanStatus.APPROVED.value
        ):
            continue
        owner = owner_of_plan(session, plan)
        count = sum(len(krs) for _, krs in plan_key_results(session, plan.id or 0))
        rows.append(
            MyPlanRow(
                plan.id or 0,
                owner.code,
                owner.name,
                periods[plan.period_id],
                plan.status,
                plan.version,
                count,
            )
        )
    return sorted(rows, key=lambda r: (-int(r.period[:4]), r.period, r.owner_code))


def owner_choices(session: Session, actor: Actor) -> list[tuple[str, str]]:
    """``(code, label)`` of the owners the actor may draft for: unit, self, departments."""
    out: list[tuple[str, str]] = []
    if actor.unit_id is not None:
        unit_ids = {actor.unit_id}
        if actor.role is Role.HEAD:
            unit_ids = set(subtree(session, actor.unit_id))
        for unit in session.execute(
            select(Unit).where(col(Unit.id).in_(unit_ids)).order_by(col(Unit.code))
        ).scalars():
            out.append((unit.code, unit.name))
    if actor.person_id is not None:
        person = session.get(Person, actor.person_id)
        if person is not None:
            out.append((person.code, f"{person.full_name} (kế hoạch cá nhân)"))
    return out


def default_template(session: Session, owner_code: str) -> str:
    """The template code suggested for an owner (Phụ lục 2 for communes and wards)."""
    unit = session.execute(select(Unit).where(Unit.code == owner_code)).scalar_one_or_none()
    if unit is None:
        person = session.execute(
            select(Person).where(Person.code == owner_code)
        ).scalar_one_or_none()
        unit = session.get(Unit, person.unit_id) if person else None
    return template_for_unit_kind(unit.kind if unit else UnitKind.AGENCY.value).code


@dataclass(frozen=True)
class KrView:
    """A key result in the editor, with its inline findings."""

    code: str
    title: str
    unit: str
    target: float
    baseline: float | None
    last_year_actual: float | None
    direction: str
    kind: str
    breakthrough: bool
    weight: float | None
    due: dt.date | None
    data_source: str
    evidence_required: bool
    metric_code: str | None
    status: str
    cascade_mode: str | None
    findings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True)
class TaskView:
    """A task in the editor."""

    task_id: int
    code: str
    title: str
    perspective: str
    area: str
    reference: str
    breakthrough: bool
    key_results: list[KrView]
    findings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True)
class EditorView:
    """What the drafting wizard shows of a plan."""

    plan_id: int
    owner_code: str
    owner_name: str
    period: str
    status: str
    status_label: str
    version: int
    template: PlanTemplate
    can_edit: bool
    can_amend: bool
    can_approve: bool
    pending_amendments: int
    last_comment: str
    tasks: list[TaskView]
    plan_findings: list[Finding]
    errors: int
    warnings: int


def editor_view(session: Session, actor: Actor, plan_id: int) -> EditorView:
    """The plan as the wizard shows it; raises ``PermissionDenied`` outside the scope."""
    plan = visible_plan(session, actor, plan_id)
    owner = owner_of_plan(session, plan)
    writable = scope_for(session, actor).can_write_plan(plan)
    findings = findings_for_plans(session, [plan.id or 0])
    by_kr: dict[str, list[Finding]] = {}
    by_task: dict[str, list[Finding]] = {}
    plan_level = []
    for f in findings:
        if f.kr_code:
            by_kr.setdefault(f.kr_code, []).append(f)
        elif f.task_code:
            by_task.setdefault(f.task_code, []).append(f)
        else:
            plan_level.append(f)
    tasks = []
    for task, krs in plan_key_results(session, plan.id or 0):
        tasks.append(
            TaskView(
                task.id or 0,
                task.code,
                task.title,
                task.perspective,
                task.area,
                task.reference or "",
                task.breakthrough,
                [_kr_view(kr, by_kr.get(kr.code, [])) for kr in krs],
                by_task.get(task.code, []),
            )
        )
    latest = (
        session.execute(
            select(PlanReview)
            .where(PlanReview.plan_id == plan.id)
            .order_by(col(PlanReview.id).desc())
        )
        .scalars()
        .first()
    )
    # The approver's comment stays on screen until the drafters act on it.
    comment = latest.comment if latest and latest.action in ("return", "amend_return") else ""
    period = session.get(Period, plan.period_id)
    assert period is not None
    return EditorView(
        plan.id or 0,
        owner.code,
        owner.name,
        period.code,
        plan.status,
        base_msg.PLAN_STATUS_LABELS.get(plan.status, plan.status),
        plan.version,
        get_template(plan.template) or template_for_unit_kind(owner.unit.kind),
        writable and plan.status in EDITABLE,
        writable and plan.status == PlanStatus.APPROVED.value,
        can_approve(session, actor, plan),
        len(pending_amendments(session, plan.id or 0)),
        comment,
        tasks,
        plan_level,
        sum(f.severity == ERROR for f in findings),
        sum(f.severity != ERROR for f in findings),
    )


def _kr_view(kr: KeyResult, findings: list[Finding]) -> KrView:
    return KrView(
        kr.code,
        kr.title,
        kr.unit,
        kr.target,
        kr.baseline,
        kr.last_year_actual,
        kr.direction,
        kr.kind,
        kr.breakthrough,
        kr.weight,
        kr.due,
        kr.data_source,
        kr.evidence_required,
        kr.metric_code,
        kr.status,
        kr.cascade_mode,
        findings,
    )
