"""Small building blocks shared by the planning pages (fields, findings, display rows)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import reflex as rx

from analytics.plan_checks import ERROR, Finding
from analytics.vntext import format_date_vi, format_number_vi
from woms_pwa.core import messages as base_msg
from woms_pwa.core.messages import planning as msg
from woms_pwa.core.planning.views import EditorView, KrView

TOUCH = "44px"
_ROMAN = ("I", "II", "III", "IV")


def finding_rows(findings: list[Finding]) -> list[dict[str, str]]:
    """Findings as display rows (severity, message, reference)."""
    return [
        {
            "severity": f.severity,
            "message": f.message,
            "ref": f.kr_code or f.task_code,
            "key": f"{f.code}-{f.kr_code}-{f.task_code}-{i}",
        }
        for i, f in enumerate(findings)
    ]


def _num(value: float | None) -> str:
    return "" if value is None else format_number_vi(value, 2)


def kr_form_values(kr: KrView) -> dict[str, str]:
    """A key result's fields as the KR form's text values."""
    return {
        "title": kr.title,
        "unit": kr.unit,
        "target": _num(kr.target),
        "baseline": _num(kr.baseline),
        "last_year_actual": _num(kr.last_year_actual),
        "direction": kr.direction,
        "kind": kr.kind,
        "breakthrough": "1" if kr.breakthrough else "",
        "weight": _num(kr.weight),
        "due": kr.due.isoformat() if kr.due else "",
        "data_source": kr.data_source,
        "evidence_required": "1" if kr.evidence_required else "",
        "metric_code": kr.metric_code or "",
    }


def editor_rows(view: EditorView) -> list[dict[str, str]]:
    """Perspective headers, tasks, key results and inline findings, in the proposal's order."""
    rows: list[dict[str, str]] = []
    for index, perspective in enumerate(("service", "budget", "process", "learning")):
        rows.append(
            {
                "kind": "perspective",
                "key": f"p-{perspective}",
                "title": f"{_ROMAN[index]}. {base_msg.PERSPECTIVE_LABELS[perspective]}",
            }
        )
        for task in (t for t in view.tasks if t.perspective == perspective):
            rows.append(
                {
                    "kind": "task",
                    "key": f"t-{task.task_id}",
                    "task_id": str(task.task_id),
                    "title": f"{task.code}. {task.title}",
                    "area": task.area,
                    "reference": task.reference,
                    "breakthrough": "1" if task.breakthrough else "",
                    "findings": " ".join(f.message for f in task.findings),
                }
            )
            for kr in task.key_results:
                retired = kr.status != "active"
                extra = []
                if kr.due:
                    extra.append(f"hạn {format_date_vi(kr.due)}")
                if kr.last_year_actual is not None:
                    extra.append(f"năm trước {format_number_vi(kr.last_year_actual, 2)}")
                rows.append(
                    {
                        "kind": "kr",
                        "key": f"k-{kr.code}",
                        "cascade_href": "/lap-ke-hoach/giao-chi-tieu?" + urlencode({"kr": kr.code}),
                        "code": kr.code,
                        "title": kr.title,
                        "task_id": str(task.task_id),
                        "figures": (
                            f"{base_msg.KIND_LABELS.get(kr.kind, kr.kind)} · "
                            f"{base_msg.TARGET} {format_number_vi(kr.target, 2)} {kr.unit} · "
                            f"{base_msg.DIRECTION_LABELS.get(kr.direction, '')}"
                            + (" · " + ", ".join(extra) if extra else "")
                        ),
                        "breakthrough": "1" if kr.breakthrough else "",
                        "retired": "1" if retired else "",
                        "cascade": msg.CASCADE_MODES.get(kr.cascade_mode or "", ""),
                        "errors": " ".join(f.message for f in kr.findings if f.severity == ERROR),
                        "warnings": " ".join(f.message for f in kr.findings if f.severity != ERROR),
                    }
                )
    return rows


def field_label(text: str, html_for: str) -> rx.Component:
    """A visible label bound to its input."""
    return rx.el.label(text, html_for=html_for, class_name="field-label")


def text_field(label: str, field_id: str, **props: Any) -> rx.Component:
    """A labelled text input (touch-sized)."""
    return rx.vstack(
        field_label(label, field_id),
        rx.input(
            id=field_id, size="3", width="100%", min_height=TOUCH, auto_complete="off", **props
        ),
        spacing="1",
        width="100%",
    )


def native_select(
    label: str, field_id: str, options: list[tuple[str, str]] | rx.Var, **props: Any
) -> rx.Component:
    """A labelled native ``<select>`` (phones show their own picker)."""
    if isinstance(options, list):
        children = [rx.el.option(text, value=value) for value, text in options]
    else:
        children = [rx.foreach(options, lambda o: rx.el.option(o["label"], value=o["value"]))]
    return rx.vstack(
        field_label(label, field_id),
        rx.el.select(
            *children,
            id=field_id,
            class_name="native-select",
            style={
                "min_height": TOUCH,
                "width": "100%",
                "font_size": "16px",
                "padding": "0 0.5em",
                "border_radius": "6px",
                "border": "1px solid var(--gray-7)",
                "background": "white",
            },
            **props,
        ),
        spacing="1",
        width="100%",
    )


def check_field(label: str, field_id: str, **props: Any) -> rx.Component:
    """A labelled checkbox with a touch-sized row."""
    return rx.el.label(
        rx.hstack(
            rx.checkbox(id=field_id, size="3", **props),
            rx.text(label, size="2"),
            align="center",
            spacing="2",
            min_height=TOUCH,
        ),
        html_for=field_id,
    )


def finding_item(row: rx.Var[dict[str, str]]) -> rx.Component:
    """One finding: icon and colour by severity, plus the text (colour is not the only signal)."""
    error = row["severity"] == "error"
    return rx.hstack(
        rx.cond(
            error,
            rx.icon("circle-x", size=18, color="var(--red-10)", aria_hidden="true"),
            rx.icon("triangle-alert", size=18, color="var(--amber-10)", aria_hidden="true"),
        ),
        rx.text(rx.cond(error, "Lỗi: ", "Lưu ý: "), row["message"], size="2"),
        align="start",
        spacing="2",
        width="100%",
        class_name="finding",
    )
