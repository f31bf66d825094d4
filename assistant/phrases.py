"""Vietnamese wording of composed answers (reviewed in one place).

The app's own screen texts live in ``woms_pwa/core/messages/assistant.py``;
these are the sentences the assistant writes, kept in this package because it
must compose answers without the app (command line, benchmark, evaluation).
"""

from __future__ import annotations

KIND_LABELS = {
    "checkin": "Cập nhật tiến độ",
    "blocker": "Vướng mắc",
    "evidence": "Minh chứng",
    "note": "Ghi chú",
    "comment": "Ý kiến",
    "anomaly": "Kiểm tra số liệu",
}
LIGHT_LABELS = {
    "green": "đúng tiến độ",
    "yellow": "chậm so với tiến độ",
    "red": "chậm nhiều so với tiến độ",
    "none": "chưa có số liệu",
}

CLARIFY = "Có {n} đơn vị khớp với câu hỏi: {names}. Anh/chị muốn hỏi đơn vị nào?"
NO_UNIT = (
    "Chưa xác định được đơn vị hoặc chỉ tiêu trong câu hỏi (trong phạm vi dữ liệu anh/chị được "
    "xem). Hãy nêu tên đơn vị và chỉ tiêu, ví dụ: «Vì sao xã … giải ngân chậm?»."
)
NO_KR = "Chưa tìm thấy chỉ tiêu nào của {unit} khớp với câu hỏi."
DID_YOU_MEAN = (
    "Không có đơn vị nào đúng tên như trong câu hỏi (trong phạm vi dữ liệu anh/chị được xem). "
    "Có phải anh/chị muốn hỏi về {names}?"
)
OUT_OF_SCOPE = (
    "Dữ liệu của hệ thống không có thông tin về nội dung này. Trợ lý chỉ trả lời về kế hoạch, "
    "chỉ tiêu, tiến độ, nguyên nhân và kết luận đã ghi nhận của các đơn vị."
)
STATUS = "{unit} – {kr}: đến {date} đạt {current} / chỉ tiêu {target}{measure} ({pct} chỉ tiêu), {light}."
NO_VALUE = "{unit} – {kr}: chưa có lượt cập nhật nào (chỉ tiêu {target}{measure})."
PACE = "Theo tiến độ thời gian, đến {date} cần đạt khoảng {expected}{measure}."
FORECAST = "Dự báo cả năm đạt khoảng {forecast}{measure}{chance}."
CHANCE = ", khả năng đạt chỉ tiêu {p}"
RANK = "Xếp thứ {rank}/{peers} trong các đơn vị có cùng chỉ tiêu."
CAUSES = "Nguyên nhân được ghi nhận trong dữ liệu:"
CONTEXT = "Các ghi nhận gần nhất:"
NO_CAUSE = "Dữ liệu hiện chưa ghi nhận nguyên nhân cụ thể cho chỉ tiêu này."
ON_TRACK = "Chỉ tiêu đang đạt tiến độ; không có lý do chậm để giải thích."
CONCLUSIONS = "Kết luận, chỉ đạo đã ghi nhận về {unit}{kr}:"
NO_CONCLUSION = "Dữ liệu chưa ghi nhận kết luận hay chỉ đạo nào về {unit}{kr}{period}."
RISK_HEAD = "Các đơn vị có nguy cơ không đạt {topic} (xếp từ chậm nhất):"
RISK_ITEM = "{unit}{kr}: đạt {current}/{target}{measure} ({pct}), {light}{forecast}."
RISK_NO_CAUSE = "– Dữ liệu chưa ghi nhận nguyên nhân."
RISK_FORECAST = "; dự báo cả năm {value}{measure}"
RISK_NONE = "Không có đơn vị nào chậm tiến độ ở {topic} trong phạm vi dữ liệu anh/chị được xem."
COMPARE_UNIT = "{unit}: {behind}/{total} chỉ tiêu chậm tiến độ."
COMPARE_WORST = "Chậm nhất: {kr} ({pct} chỉ tiêu)."
COMPARE_HEAD = "So sánh {topic}:"
CAUSE_OF = "Nguyên nhân ({unit})"
TOPIC_ALL = "các chỉ tiêu"
UNIT_BEHIND = "Các chỉ tiêu chậm tiến độ của {unit}:"
UNIT_FINE = "Các chỉ tiêu của {unit} đều đang đạt tiến độ."
CITE = "[{n}]"
LLM_SOURCES = "Nguồn: {refs}"
QUALITY_HEAD = "Số liệu bất thường của {unit}{kr} do hệ thống phát hiện:"
QUALITY_ALL_HEAD = "Các số liệu bất thường do hệ thống phát hiện:"
QUALITY_NOTES = "Ý kiến, ghi nhận về số liệu:"
QUALITY_NONE = "Hệ thống chưa phát hiện số liệu bất thường nào của {unit}{kr} trong năm {year}."
QUALITY_NONE_ALL = "Hệ thống chưa phát hiện số liệu bất thường nào trong năm {year}."
QUALITY_UNAVAILABLE = "Chưa có kết quả kiểm tra số liệu; anh/chị thử lại sau ít phút."
ABOUT_HEAD = "Ý kiến của {speaker} về {subject} đã ghi nhận:"
ABOUT_NONE = "Dữ liệu chưa ghi nhận ý kiến nào của {speaker} về {subject}{period}."
