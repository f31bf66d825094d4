"""Vietnamese wording of the plan checks (3T and consistency), kept in one place.

Each message says what is wrong *and* what to fix; placeholders use ``str.format``.
The web layer's catalogue (``woms_pwa/core/messages/planning.py``) re-exports it.
"""

from __future__ import annotations

FINDING_MESSAGES: dict[str, str] = {
    "T3_MEASURABLE_UNIT": (
        "Mục tiêu then chốt “{kr}” chưa đo lường được: hãy ghi đơn vị tính "
        "(ví dụ: %, hội nghị, người, tỷ đồng)."
    ),
    "T3_MEASURABLE_TARGET": (
        "Mục tiêu then chốt “{kr}” chưa có con số chỉ tiêu: hãy nhập giá trị cần đạt."
    ),
    "T3_FEASIBLE_PERCENT": (
        "Chỉ tiêu {target}% của “{kr}” vượt 100%: tỷ lệ phần trăm không thể quá 100%, "
        "hãy sửa lại chỉ tiêu."
    ),
    "T3_FEASIBLE_NEGATIVE": ("Chỉ tiêu của “{kr}” là số âm: hãy nhập chỉ tiêu từ 0 trở lên."),
    "T3_FEASIBLE_JUMP": (
        "Chỉ tiêu {target} của “{kr}” cao gấp {ratio} lần mức {reference} ({source}): "
        "hãy kiểm tra tính khả thi hoặc nêu rõ nguồn lực bảo đảm."
    ),
    "T3_CHALLENGING": (
        "Chỉ tiêu {target} của “{kr}” {comparison} thực hiện năm trước ({last}): "
        "hãy đặt chỉ tiêu ít nhất bằng kết quả năm trước để bảo đảm tính thách thức."
    ),
    "TOO_MANY_KRS": (
        "Nhiệm vụ “{task}” có {count} mục tiêu then chốt: mỗi nhiệm vụ chỉ nên có từ 1 đến 5, "
        "hãy gộp hoặc chuyển bớt sang nhiệm vụ khác."
    ),
    "NO_KR": (
        "Nhiệm vụ “{task}” chưa có mục tiêu then chốt: hãy thêm từ 1 đến 5 mục tiêu đo lường được."
    ),
    "PERSPECTIVE_EMPTY": (
        "Khía cạnh “{perspective}” chưa có nhiệm vụ nào: hãy bổ sung ít nhất một nhiệm vụ "
        "để kế hoạch cân bằng bốn khía cạnh."
    ),
    "BREAKTHROUGH_SHARE": (
        "Mục tiêu đột phá chiếm {share} kế hoạch, vượt mức khuyến khích {limit}: "
        "hãy giữ đột phá cho những mục tiêu thật sự tạo bước nhảy vọt."
    ),
    "DUPLICATE_KR": (
        "Mục tiêu then chốt “{kr}” trùng với một mục tiêu khác trong kế hoạch: "
        "hãy gộp lại hoặc sửa nội dung cho khác biệt."
    ),
    "KR_WEIGHTS_PARTIAL": (
        "Nhiệm vụ “{task}” mới có trọng số cho một số mục tiêu: hãy nhập trọng số cho tất cả "
        "hoặc để trống tất cả (chia đều)."
    ),
    "KR_WEIGHTS_SUM": (
        "Tổng trọng số các mục tiêu của nhiệm vụ “{task}” là {total}: hãy điều chỉnh để tổng "
        "bằng 100 (%)."
    ),
    "TASK_WEIGHTS_PARTIAL": (
        "Kế hoạch mới có trọng số cho một số nhiệm vụ: hãy nhập trọng số cho tất cả nhiệm vụ "
        "hoặc để trống tất cả."
    ),
    "TASK_WEIGHTS_SUM": (
        "Tổng trọng số các nhiệm vụ của kế hoạch là {total}: hãy điều chỉnh để tổng bằng 100 (%)."
    ),
    "IDENTICAL_TARGETS": (
        "Chỉ tiêu {target} {unit} của “{kr}” giống hệt {count} đơn vị khác dù điểm xuất phát "
        "rất khác nhau: hãy xem lại chỉ tiêu cho sát thực tế đơn vị."
    ),
}

PERSPECTIVE_LABELS: dict[str, str] = {
    "service": "Đối tượng phục vụ và các bên liên quan",
    "budget": "Ngân sách và hiệu quả sử dụng nguồn lực",
    "process": "Quy chế, quy định, quy trình nội bộ",
    "learning": "Học hỏi và phát triển",
}

REFERENCE_SOURCES: dict[str, str] = {
    "last_year": "thực hiện năm trước",
    "baseline": "điểm xuất phát",
}

COMPARISONS: dict[str, str] = {
    "increase": "thấp hơn",
    "decrease": "cao hơn",
}

CASCADE_MESSAGES: dict[str, str] = {
    "OVER_ALLOCATED": (
        "Tổng phân bổ {allocated} {unit} vượt chỉ tiêu {target} {unit} của “{kr}”: "
        "hãy giảm phần giao cho đơn vị cấp dưới."
    ),
    "UNDER_ALLOCATED": (
        "Còn {remainder} {unit} của “{kr}” chưa được phân bổ: hãy giao thêm cho đơn vị "
        "cấp dưới hoặc ghi rõ phần cấp trên tự thực hiện."
    ),
    "CHILD_BELOW_PARENT": (
        "Chỉ tiêu {child_target}{unit} giao cho {child} thấp hơn chỉ tiêu chung {target}{unit} "
        "của “{kr}”: với chỉ tiêu tỷ lệ, mỗi đơn vị phải đạt ít nhất mức chung."
    ),
    "PERIODS_SHORT": (
        "Tổng chỉ tiêu các kỳ ({allocated} {unit}) chưa bằng chỉ tiêu năm ({target} {unit}) "
        "của “{kr}”: hãy bổ sung chỉ tiêu cho kế hoạch tháng/quý."
    ),
    "PEOPLE_SHORT": (
        "Tổng chỉ tiêu cá nhân ({allocated} {unit}) chưa bảo đảm chỉ tiêu tập thể ({target} "
        "{unit}) của “{kr}”: hãy giao thêm cho cán bộ."
    ),
}
