"""Texts of the assistant (Trợ lý): page, command line and errors.

The answers themselves are worded in ``assistant/phrases.py`` (the pure
package must compose them without the app).
"""

from __future__ import annotations

NAV_LABEL = "Trợ lý"
PAGE_TITLE = "Trợ lý"
PAGE_INTRO = (
    "Hỏi về tiến độ, nguyên nhân chậm, đơn vị có nguy cơ hay kết luận giao ban. Câu trả lời "
    "chỉ dựa trên số liệu và ghi chép trong hệ thống, có dẫn nguồn."
)
QUESTION_LABEL = "Câu hỏi"
QUESTION_PLACEHOLDER = "Ví dụ: Vì sao xã … giải ngân chậm?"
ASK = "Hỏi"
ASKING = "Đang tìm câu trả lời…"
SUGGESTIONS = "Câu hỏi gợi ý"
SOURCES = "Nguồn"
CLARIFY_HINT = "Chọn đơn vị:"
EMPTY_QUESTION = "Vui lòng nhập câu hỏi."
QUESTION_TOO_LONG = "Câu hỏi quá dài (tối đa {n} ký tự)."
FAILED = "Chưa trả lời được câu hỏi. Vui lòng thử lại."
SOURCE_CHIP = "{date} · {unit} · {kr}"
SUGGESTED_QUESTIONS = (
    "Đơn vị nào có nguy cơ không đạt chỉ tiêu giải ngân?",
    "Vì sao {unit} chậm tiến độ?",
    "Tình hình thu ngân sách của {unit}?",
    "Giao ban quý gần nhất kết luận gì về {unit}?",
)
EVAL_RESULT = "Trả lời đúng kèm nguồn đúng: {correct}/{total} câu ({share})."
ASK_HELP = "hỏi trợ lý (trả lời từ số liệu và ghi chép, có dẫn nguồn)"
ASK_AS_HELP = "tên đăng nhập của người hỏi (mặc định: toàn quyền)"
UNKNOWN_USER = "Không tìm thấy tài khoản «{username}»."
SOURCES_HEADING = "Nguồn:"
SYNC_HELP = "cập nhật chỉ mục của trợ lý (ghi chép mới, sửa, xóa) rồi in thời gian"
RECONCILE_HELP = "đối chiếu toàn bộ chỉ mục với cơ sở dữ liệu (sau khi khôi phục bản sao lưu)"
SYNC_RESULT = (
    "Chỉ mục trợ lý: thêm {added}, cập nhật {updated}, xóa {deleted} đoạn văn bản "
    "trong {seconds} giây."
)
