"""A plan as documents: the proposal's Đề cương (PDF) and the exchange-format Excel."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pandas as pd
from sqlmodel import Session

from analytics.vntext import format_date_vi, format_number_plain, format_number_vi
from woms_pwa.core import messages as base_msg
from woms_pwa.core.exchange.exporter import write_dataset
from woms_pwa.core.exchange.schema import PLAN
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.models import Unit
from woms_pwa.core.permissions import Actor
from woms_pwa.core.planning.common import owner_of_plan, period_code, visible_plan
from woms_pwa.core.planning.drafting import plan_key_results
from woms_pwa.core.planning.templates import get_template, template_for_unit_kind
from woms_pwa.core.planning.versions import snapshot
from woms_pwa.core.reports.pdf import DocumentHead, SignatureBlock, WomsDocument
from woms_pwa.core.vocab import PERSPECTIVE_ORDER

_ROMAN = ("I", "II", "III", "IV")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float | int):
        return format_number_plain(float(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def plan_sheet(session: Session, actor: Actor, plan_id: int) -> pd.DataFrame:
    """The plan's rows of the exchange format's ``plan`` sheet (text cells)."""
    plan = visible_plan(session, actor, plan_id)
    owner = owner_of_plan(session, plan)
    period = period_code(session, plan)
    rows = []
    for task, krs in plan_key_results(session, plan.id or 0):
        for kr in krs:
            parent = kr.parent_kr_id and session.get(type(kr), kr.parent_kr_id)
            values = {
                "owner_code": owner.code,
                "period": period,
                "perspective": task.perspective,
                "area": task.area,
                "task_code": task.code,
                "task": task.title,
                "task_weight": task.weight,
                "kr_code": kr.code,
                "kr": kr.title,
                "kind": kr.kind,
                "breakthrough": kr.breakthrough,
                "unit": kr.unit,
                "baseline": kr.baseline,
                "target": kr.target,
                "direction": kr.direction,
                "weight": kr.weight,
                "due": kr.due,
                "parent_kr_code": parent.code if parent else None,
                "metric_code": kr.metric_code,
                "reference": kr.reference or task.reference,
                "evidence_required": kr.evidence_required,
            }
            rows.append({c: _text(values.get(c)) for c in PLAN.columns})
    return pd.DataFrame(rows, columns=list(PLAN.columns))


def export_plan_xlsx(session: Session, actor: Actor, plan_id: int, path: str | Path) -> Path:
    """Write one plan as an exchange-format workbook (sheet ``plan``)."""
    return write_dataset({"plan": plan_sheet(session, actor, plan_id)}, path)


def _issuer(session: Session, unit: Unit) -> tuple[str, str]:
    parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
    return (parent.name if parent else ""), unit.name


def render_decuong_pdf(
    session: Session, actor: Actor, plan_id: int, *, on_date: dt.date | None = None
) -> bytes:
    """The plan laid out as the proposal's Đề cương (Phụ lục 1 or 2), ready to sign.

    Args:
        session: the open session.
        actor: must be able to see the plan.
        plan_id: the plan.
        on_date: the document date (today when omitted).

    Returns:
        The PDF bytes; the footer carries a fingerprint of the plan's content.
    """
    plan = visible_plan(session, actor, plan_id)
    owner = owner_of_plan(session, plan)
    template = get_template(plan.template) or template_for_unit_kind(owner.unit.kind)
    content = snapshot(session, plan)
    fingerprint = hashlib.sha256(
        json.dumps(content, ensure_ascii=False, sort_keys=True).encode()
    ).hexdigest()[:16]
    parent_name, unit_name = _issuer(session, owner.unit)
    day = on_date or dt.date.today()
    doc = WomsDocument(
        DocumentHead(issuer_parent=parent_name, issuer=unit_name, place=owner.unit.name, date=day),
        fingerprint=fingerprint,
    )
    year = content["period"][:4]
    subject = owner.name if owner.kind == "person" else ""
    doc.title(msg.DECUONG_TITLE, f"{msg.DECUONG_YEAR.format(year=year)} {subject}".strip())
    status = base_msg.PLAN_STATUS_LABELS.get(plan.status, plan.status)
    doc.paragraph(
        f"({template.audience}) · " + msg.VERSION_LINE.format(version=plan.version, status=status),
        italic=True,
        size=10,
    )
    doc.heading(msg.SECTION_A)
    for line in msg.PURPOSE_LINES:
        doc.paragraph(f"- {line}")
    doc.heading(msg.SECTION_B)
    for index, perspective in enumerate(PERSPECTIVE_ORDER):
        doc.heading(f"{_ROMAN[index]}. {base_msg.PERSPECTIVE_LABELS[perspective]}")
        tasks = [t for t in content["tasks"] if t["perspective"] == perspective]
        if not tasks:
            doc.paragraph(msg.NO_TASKS, italic=True)
        for n, task in enumerate(tasks, start=1):
            flag = f" [{base_msg.BREAKTHROUGH}]" if task["breakthrough"] else ""
            doc.paragraph(msg.TASK_LINE.format(n=n, title=task["title"]) + flag)
            if task.get("reference"):
                doc.paragraph(
                    msg.IMPLEMENTS.format(reference=task["reference"]), italic=True, size=10
                )
            for k, kr in enumerate(
                (k for k in task["key_results"] if k["status"] == "active"), start=1
            ):
                extra = msg.KR_EXTRA_BREAKTHROUGH if kr["breakthrough"] else ""
                if kr.get("due"):
                    due = format_date_vi(dt.date.fromisoformat(kr["due"]))
                    extra += msg.KR_EXTRA_DUE.format(due=due)
                doc.paragraph(
                    "   • "
                    + msg.KR_LINE.format(
                        n=k,
                        title=kr["title"],
                        target=format_number_vi(kr["target"], 2),
                        unit=kr["unit"],
                        kind=base_msg.KIND_LABELS.get(kr["kind"], kr["kind"]),
                        extra=extra,
                    ),
                    size=10,
                )
    doc.heading(msg.SECTION_C)
    doc.paragraph(msg.ORGANISE_TEXT)
    signature = template.signature
    doc.signatures(
        [
            SignatureBlock(msg.RECIPIENTS, "- Như trên;\n- Lưu VP.", ""),
            SignatureBlock("\n".join(signature[:-1]), signature[-1], ""),
        ]
    )
    return doc.output_bytes()


def plan_xlsx_bytes(session: Session, actor: Actor, plan_id: int) -> bytes:
    """The plan's exchange-format workbook in memory (for a browser download)."""
    import io

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter") as writer:
        sheet = plan_sheet(session, actor, plan_id)
        for column in ("task_weight", "baseline", "target", "weight"):
            sheet[column] = pd.to_numeric(sheet[column], errors="coerce")
        sheet.to_excel(writer, sheet_name="plan", index=False)
    return buffer.getvalue()
