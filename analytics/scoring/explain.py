"""Vietnamese "why this score" explanations built from scored rows.

Explanations are produced on demand for one item at a time, so plain Python is
fine here; every number quoted is the one stored in the result frames.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from analytics.scoring.messages import (
    COMPLETION_RULES,
    DIRECTION_LABELS,
    EXCLUDED_BREAKTHROUGH,
    KIND_LABELS,
    NO_EVALUATED_ITEMS,
    PERSPECTIVE_LABELS,
)
from analytics.scoring.policy import PERSPECTIVES, ScoringPolicy
from analytics.vntext import format_number_vi


def num(value: Any, decimals: int = 2) -> str:
    """A number the Vietnamese way (``62,5``), ``—`` when missing."""
    return "—" if value is None or pd.isna(value) else format_number_vi(float(value), decimals)


def pct(fraction: Any) -> str:
    """A fraction as a Vietnamese percentage: ``0.755`` → ``75,5%``."""
    return "—" if fraction is None or pd.isna(fraction) else f"{num(100 * float(fraction), 1)}%"


def day(value: Any) -> str:
    """A date as ``dd/mm/yyyy``."""
    return "—" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%d/%m/%Y")


def _completion_line(row: Mapping[str, Any]) -> str:
    a, t, b = num(row["actual"]), num(row["target"]), num(row["baseline"])
    p = pct(row["completion"])
    rule = row["completion_rule"]
    formulas = {
        "increase_ratio": f"Tỷ lệ hoàn thành = thực hiện {a} / mục tiêu {t} = {p}.",
        "increase_baseline": (
            f"Tỷ lệ hoàn thành = (thực hiện {a} − ban đầu {b}) / (mục tiêu {t} − ban đầu {b}) = {p}."
        ),
        "increase_threshold": f"Mục tiêu {t} ≤ 0: đạt khi thực hiện ≥ mục tiêu; thực hiện {a} → {p}.",
        "decrease_ratio": f"Chỉ số nghịch: tỷ lệ hoàn thành = mục tiêu {t} / thực hiện {a} = {p}.",
        "decrease_ratio_zero": f"Chỉ số nghịch, thực hiện {a} ≤ 0 (tốt nhất có thể) → {p}.",
        "decrease_baseline": (
            f"Chỉ số nghịch: tỷ lệ hoàn thành = (ban đầu {b} − thực hiện {a}) / "
            f"(ban đầu {b} − mục tiêu {t}) = {p}."
        ),
        "decrease_zero_met": f"Mục tiêu {t}, thực hiện {a} ≤ mục tiêu → đạt {p}.",
        "decrease_zero_baseline": (
            f"Mục tiêu {t} chưa đạt (thực hiện {a}): tỷ lệ = phần đã giảm so với ban đầu = "
            f"(ban đầu {b} − thực hiện {a}) / (ban đầu {b} − mục tiêu {t}) = {p}."
        ),
        "decrease_zero_missed": (
            f"Mục tiêu {t} chưa đạt (thực hiện {a}) và không có số ban đầu → {p}."
        ),
        "milestone": (
            f"Mốc công việc: giá trị {a} {'≥' if row['completion'] >= 1 else '<'} 1 → {p}."
        ),
    }
    line = formulas.get(rule, COMPLETION_RULES.get(rule, rule))
    if rule.endswith(("_ratio", "_baseline")) and row["completion"] == 0:
        line += " (tỷ lệ âm được tính bằng 0%)"
    return line


def _score_line(row: Mapping[str, Any], policy: ScoringPolicy) -> str:
    c = pct(row["completion_capped"])
    score = num(row["score"])
    rule = row["score_rule"]
    if rule == "kpi_met":
        return f"KPI đạt: điểm = 100 × {c} = {score} điểm."
    if rule == "kpi_penalty":
        return (
            f"KPI chưa đạt {pct(policy.kpi_pass_threshold)}: điểm = 100 × {c} − "
            f"{num(policy.kpi_penalty_rate)} × 100 × ({pct(policy.kpi_pass_threshold)} − {c}) "
            f"= {score} điểm (không âm; bị trừ {num(row['penalty'])} điểm)."
        )
    if rule == "okr_bonus":
        return (
            f"OKR đạt ngưỡng thưởng {pct(policy.okr_bonus_threshold)}: điểm = 100 × {c} "
            f"+ thưởng {num(row['bonus'])} = {score} điểm."
        )
    if rule == "okr":
        return (
            f"OKR chưa đạt ngưỡng thưởng {pct(policy.okr_bonus_threshold)}, không bị trừ điểm: "
            f"điểm = 100 × {c} = {score} điểm."
        )
    return f"OKR không thấp hơn KPI có cùng tỷ lệ: lấy điểm theo cách tính KPI = {score} điểm."


def key_result(row: Mapping[str, Any], policy: ScoringPolicy, as_of: Any) -> str:
    """Explain one scored key-result row."""
    unit = f" {row['unit']}" if isinstance(row.get("unit"), str) and row["unit"] else ""
    lines = [
        f"Mục tiêu then chốt {row['kr_code']} «{row['title']}» – {KIND_LABELS[row['kind']]}; "
        f"{DIRECTION_LABELS[row['direction']]}."
    ]
    if row["excluded"]:
        lines.append(EXCLUDED_BREAKTHROUGH)
    cutoff = f" đến ngày {day(as_of)}" if as_of is not None else ""
    if pd.isna(row["actual"]):
        lines.append(f"Chưa có số liệu{cutoff}.")
    else:
        base = "" if pd.isna(row["baseline"]) else f"; ban đầu {num(row['baseline'])}{unit}"
        lines.append(
            f"Số liệu mới nhất{cutoff}: {num(row['actual'])}{unit} (ngày {day(row['actual_date'])}, "
            f"{row['n_checkins']} lần cập nhật); mục tiêu {num(row['target'])}{unit}{base}."
        )
    lines.append(_completion_line(row))
    if row["completion"] > row["completion_capped"]:
        lines.append(
            f"Vượt trần {row['kind'].upper()}: chỉ tính tối đa {pct(row['completion_capped'])}."
        )
    lines.append(_score_line(row, policy))
    if row["excluded"]:
        lines.append("Điểm này không tính vào nhiệm vụ, lĩnh vực và tổng điểm.")
    lines.append(f"Trọng số trong nhiệm vụ: {num(row['kr_weight'])}.")
    return "\n".join(lines)


def task(row: Mapping[str, Any], krs: Sequence[Mapping[str, Any]]) -> str:
    """Explain a task score from its key-result rows."""
    lines = [
        f"Nhiệm vụ {row['task_code']} «{row['task_title']}» – lĩnh vực "
        f"{PERSPECTIVE_LABELS[row['perspective']]}; trọng số nhiệm vụ {num(row['task_weight'])}."
    ]
    counted = [kr for kr in krs if not kr["excluded"]]
    for kr in krs:
        note = " (đột phá, không tính)" if kr["excluded"] else ""
        lines.append(
            f"• {kr['kr_code']}: {num(kr['score'])} điểm × trọng số {num(kr['kr_weight'])}{note}"
        )
    if pd.isna(row["score"]):
        lines.append(NO_EVALUATED_ITEMS)
        return "\n".join(lines)
    terms = " + ".join(f"{num(kr['kr_weight'])} × {num(kr['score'])}" for kr in counted)
    total_w = sum(float(kr["kr_weight"]) for kr in counted)
    lines.append(
        f"Điểm nhiệm vụ = Σ(trọng số × điểm) / Σ trọng số = ({terms}) / {num(total_w)} "
        f"= {num(row['score'])} điểm."
    )
    return "\n".join(lines)


def owner(row: Mapping[str, Any], tasks: Sequence[Mapping[str, Any]], policy: ScoringPolicy) -> str:
    """Explain an owner's total from its perspective scores (or task scores)."""
    who = "Đơn vị" if row["owner_type"] == "unit" else "Cá nhân"
    lines = [
        f"{who} {row['owner_code']}: {row['n_key_results']} mục tiêu then chốt, "
        f"{row['n_excluded']} mục tiêu đột phá không tính."
    ]
    for p in PERSPECTIVES:
        value = "chưa có nhiệm vụ được tính" if pd.isna(row[p]) else f"{num(row[p])} điểm"
        lines.append(f"• {PERSPECTIVE_LABELS[p]}: {value}")
    if pd.isna(row["total"]):
        lines.append(NO_EVALUATED_ITEMS)
        return "\n".join(lines)
    if policy.perspective_weights is None:
        live = [t for t in tasks if not t["excluded"]]
        terms = " + ".join(f"{num(t['task_weight'])} × {num(t['score'])}" for t in live)
        total_w = sum(float(t["task_weight"]) for t in live)
        lines.append(
            f"Tổng điểm = Σ(trọng số nhiệm vụ × điểm nhiệm vụ) / Σ trọng số = ({terms}) / "
            f"{num(total_w)} = {num(row['total'])} điểm."
        )
        return "\n".join(lines)
    present = [p for p in PERSPECTIVES if not pd.isna(row[p])]
    weights = policy.perspective_weights
    terms = " + ".join(f"{pct(weights.get(p, 0.0))} × {num(row[p])}" for p in present)
    total_w = sum(weights.get(p, 0.0) for p in present)
    lines.append(
        f"Tổng điểm = Σ(trọng số lĩnh vực × điểm lĩnh vực) / Σ trọng số các lĩnh vực có nhiệm vụ "
        f"= ({terms}) / {pct(total_w)} = {num(row['total'])} điểm."
    )
    return "\n".join(lines)
