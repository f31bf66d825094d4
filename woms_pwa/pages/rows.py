"""Turn core read models into flat display rows (text only) for the pages."""

from __future__ import annotations

from urllib.parse import urlencode

from analytics.vntext import format_date_vi, format_number_vi, format_percent_vi
from woms_pwa.core import messages as msg
from woms_pwa.core.services.plans import KeyResultRow, PlanView

_ROMAN = ("I", "II", "III", "IV")


def checkin_href(kr_code: str) -> str:
    """Link to the check-in page of a key result."""
    return "/cap-nhat?" + urlencode({"kr": kr_code})


def kr_display(kr: KeyResultRow) -> dict[str, str]:
    """Display fields of one key result."""
    bar = 0.0 if kr.completion is None else max(0.0, min(1.0, kr.completion))
    target = f"{msg.TARGET.lower()} {format_number_vi(kr.target)} {kr.unit}".strip()
    if kr.current is None:
        figures = f"{msg.NO_DATA_YET} · {target}"
    else:
        figures = f"{msg.CURRENT} {format_number_vi(kr.current)} / {target}"
    return {
        "kind": "kr",
        "code": kr.code,
        "title": kr.title,
        "kr_kind": msg.KIND_LABELS.get(kr.kind, kr.kind),
        "breakthrough": "1" if kr.breakthrough else "0",
        "figures": figures,
        "unit": kr.unit,
        "percent": f"{bar * 100:.0f}",
        "percent_text": format_percent_vi(kr.completion, 0) if kr.completion is not None else "",
        "light": kr.light.value,
        "as_of": msg.AS_OF.format(date=format_date_vi(kr.as_of)) if kr.as_of else msg.NO_DATA_YET,
        "href": checkin_href(kr.code),
        "can_write": "1" if kr.can_write else "0",
        "direction": msg.DIRECTION_LABELS.get(kr.direction, ""),
        "warning": "",  # filled by the plan page from the early warnings
    }


def plan_rows(view: PlanView) -> list[dict[str, str]]:
    """Perspective headers, tasks and key results in the proposal's order."""
    rows: list[dict[str, str]] = []
    for index, block in enumerate(view.perspectives):
        rows.append(
            {
                "kind": "perspective",
                "title": f"{_ROMAN[index]}. {block.label}",
                "code": block.perspective,
            }
        )
        if not block.tasks:
            rows.append(
                {
                    "kind": "empty",
                    "title": "Chưa có nhiệm vụ trong khía cạnh này.",
                    "code": f"empty-{index}",
                }
            )
        for task in block.tasks:
            rows.append(
                {
                    "kind": "task",
                    "code": task.code,
                    "title": task.title,
                    "area": task.area,
                    "breakthrough": "1" if task.breakthrough else "0",
                }
            )
            rows.extend(kr_display(kr) for kr in task.key_results)
    return rows
