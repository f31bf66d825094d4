"""Vietnamese wording of the scoring package, kept in one place for review."""

from __future__ import annotations

PERSPECTIVE_LABELS: dict[str, str] = {
    "service": "Đối tượng phục vụ và các bên liên quan",
    "budget": "Ngân sách và hiệu quả sử dụng nguồn lực",
    "process": "Quy chế, quy định, quy trình nội bộ",
    "learning": "Học hỏi và phát triển",
}

DIRECTION_LABELS: dict[str, str] = {
    "increase": "chỉ số thuận, càng cao càng tốt",
    "decrease": "chỉ số nghịch, càng thấp càng tốt",
    "milestone": "mốc công việc, hoàn thành/chưa hoàn thành",
}

KIND_LABELS: dict[str, str] = {
    "kpi": "KPI (nhiệm vụ thường xuyên, bắt buộc)",
    "okr": "OKR (mục tiêu thách thức)",
}

CRITERION_LABELS: dict[str, str] = {
    "stance": "Tiêu chí 1 – Lập trường tư tưởng, đạo đức lối sống",
    "tasks": "Tiêu chí 2 – Mức độ hoàn thành nhiệm vụ",
    "initiatives": "Tiêu chí 3 – Đề xuất, sáng kiến được công nhận",
    "learning": "Tiêu chí 4 – Nâng cao năng lực, trình độ",
}

STANCE_LEVEL_LABELS: dict[int, str] = {
    5: "Mức 5/5 – Xuất sắc (tiên phong, khuôn mẫu)",
    4: "Mức 4/5 – Tốt (kiên định, tích cực)",
    3: "Mức 3/5 – Trung bình (chấp hành, thụ động)",
    2: "Mức 2/5 – Biểu hiện dao động, thiếu nhất quán",
    1: "Mức 1/5 – Suy giảm, vi phạm kỷ luật",
}

COMPLETION_RULES: dict[str, str] = {
    "no_data": "Chưa có số liệu báo cáo đến ngày đánh giá → tỷ lệ hoàn thành 0%.",
    "no_target": "Chưa có giá trị mục tiêu → tỷ lệ hoàn thành 0%.",
    "milestone": "Mốc công việc: giá trị ≥ 1 là đã hoàn thành (100%), ngược lại 0%.",
    "increase_ratio": "Tỷ lệ hoàn thành = thực hiện / mục tiêu.",
    "increase_baseline": "Tỷ lệ hoàn thành = (thực hiện − ban đầu) / (mục tiêu − ban đầu).",
    "increase_threshold": "Mục tiêu ≤ 0: đạt (100%) khi thực hiện ≥ mục tiêu, ngược lại 0%.",
    "decrease_ratio": "Chỉ số nghịch: tỷ lệ hoàn thành = mục tiêu / thực hiện.",
    "decrease_ratio_zero": "Chỉ số nghịch, thực hiện ≤ 0 (tốt nhất có thể) → mức trần.",
    "decrease_baseline": "Chỉ số nghịch: tỷ lệ hoàn thành = (ban đầu − thực hiện) / (ban đầu − mục tiêu).",
    "decrease_zero_met": "Mục tiêu bằng 0 và thực hiện ≤ 0 → đạt 100%.",
    "decrease_zero_baseline": "Mục tiêu bằng 0 chưa đạt: tỷ lệ = 1 − thực hiện / ban đầu (phần đã giảm so với ban đầu).",
    "decrease_zero_missed": "Mục tiêu bằng 0 chưa đạt và không có số ban đầu → 0%.",
}

SCORE_RULES: dict[str, str] = {
    "kpi_met": "KPI đạt: điểm = 100 × min(tỷ lệ, trần KPI).",
    "kpi_penalty": "KPI chưa đạt: điểm = 100 × tỷ lệ − hệ số phạt × 100 × phần thiếu (không âm).",
    "okr": "OKR: không trừ điểm, điểm = 100 × min(tỷ lệ, trần OKR).",
    "okr_bonus": "OKR đạt ngưỡng thưởng: điểm = 100 × min(tỷ lệ, trần OKR) + điểm thưởng.",
    "okr_kpi_floor": "OKR không thấp hơn KPI cùng tỷ lệ: lấy điểm theo cách tính KPI.",
}

EXCLUDED_BREAKTHROUGH = "Nhiệm vụ đột phá: hiển thị nhưng không tính vào đánh giá."
NO_EVALUATED_ITEMS = (
    "Không có mục tiêu nào được tính điểm (chỉ có nhiệm vụ đột phá hoặc trọng số 0)."
)
