"""Approved versions of a plan: a JSON snapshot per approval, so earlier ones stay visible."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from analytics.vntext import format_number_vi
from woms_pwa.core.models import Plan
from woms_pwa.core.permissions import Actor
from woms_pwa.core.planning.common import owner_of_plan, period_code, visible_plan
from woms_pwa.core.planning.drafting import plan_key_results
from woms_pwa.core.planning.models import PlanVersion

_TASK_FIELDS = ("code", "title", "perspective", "area", "reference", "breakthrough", "weight")
_KR_FIELDS = (
    "code",
    "title",
    "kind",
    "breakthrough",
    "unit",
    "baseline",
    "target",
    "direction",
    "weight",
    "due",
    "data_source",
    "evidence_required",
    "metric_code",
    "status",
    "last_year_actual",
)


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float | int):
        return format_number_vi(float(value), 2)
    return str(value)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def snapshot(session: Session, plan: Plan) -> dict[str, Any]:
    """The plan's planned content (no progress) as plain JSON-ready data."""
    owner = owner_of_plan(session, plan)
    return {
        "owner_code": owner.code,
        "owner_name": owner.name,
        "period": period_code(session, plan),
        "version": plan.version,
        "template": plan.template,
        "tasks": [
            {
                **{name: _plain(getattr(task, name)) for name in _TASK_FIELDS},
                "key_results": [
                    {name: _plain(getattr(kr, name)) for name in _KR_FIELDS} for kr in krs
                ],
            }
            for task, krs in plan_key_results(session, plan.id or 0)
        ],
    }


def store_version(session: Session, plan: Plan, actor: Actor, note: str = "") -> PlanVersion:
    """Freeze the plan's current content as its version ``plan.version``."""
    row = PlanVersion(
        plan_id=plan.id or 0,
        version=plan.version,
        snapshot=json.dumps(snapshot(session, plan), ensure_ascii=False),
        approved_by_user_id=actor.user_id,
        note=note,
    )
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class VersionSummary:
    """One approved version in a plan's history."""

    version: int
    approved_at: dt.datetime
    note: str
    key_results: int


def list_versions(session: Session, actor: Actor, plan_id: int) -> list[VersionSummary]:
    """The approved versions of a plan the actor may see, newest first."""
    visible_plan(session, actor, plan_id)
    rows = session.execute(
        select(PlanVersion)
        .where(PlanVersion.plan_id == plan_id)
        .order_by(col(PlanVersion.version).desc())
    ).scalars()
    out = []
    for row in rows:
        data = json.loads(row.snapshot)
        count = sum(len(t["key_results"]) for t in data["tasks"])
        out.append(VersionSummary(row.version, row.approved_at, row.note, count))
    return out


def get_version(session: Session, actor: Actor, plan_id: int, version: int) -> dict[str, Any]:
    """The snapshot of one approved version (empty dict when there is none)."""
    visible_plan(session, actor, plan_id)
    row = session.execute(
        select(PlanVersion).where(PlanVersion.plan_id == plan_id, PlanVersion.version == version)
    ).scalar_one_or_none()
    return json.loads(row.snapshot) if row else {}


def diff_snapshots(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, str]]:
    """Key-result level differences between two snapshots.

    Returns:
        Rows ``{change: added|removed|changed, code, title, field, old, new}``.
    """

    def index(snap: dict[str, Any]) -> dict[str, dict[str, Any]]:
        return {kr["code"]: kr for t in snap.get("tasks", []) for kr in t["key_results"]}

    before, after = index(old), index(new)
    rows: list[dict[str, str]] = []
    for code, kr in after.items():
        if code not in before:
            rows.append(
                {
                    "change": "added",
                    "code": code,
                    "title": kr["title"],
                    "field": "",
                    "old": "",
                    "new": _show(kr["target"]),
                }
            )
            continue
        for name in _KR_FIELDS:
            if before[code].get(name) != kr.get(name):
                rows.append(
                    {
                        "change": "changed",
                        "code": code,
                        "title": kr["title"],
                        "field": name,
                        "old": _show(before[code].get(name)),
                        "new": _show(kr.get(name)),
                    }
                )
    for code, kr in before.items():
        if code not in after:
            rows.append(
                {
                    "change": "removed",
                    "code": code,
                    "title": kr["title"],
                    "field": "",
                    "old": _show(kr["target"]),
                    "new": "",
                }
            )
    return rows
