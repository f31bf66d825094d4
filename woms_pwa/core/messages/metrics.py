"""Vietnamese texts of the metric library: dictionary, suggestions, curation."""

from __future__ import annotations

# Field labels (admin form, error messages, browse page)
FIELD_LABELS: dict[str, str] = {
    "code": "Mã",
    "name": "Tên thước đo",
    "definition": "Định nghĩa",
    "formula": "Cách tính",
    "unit": "Đơn vị",
    "direction": "Chiều đánh giá",
    "perspective": "Khía cạnh",
    "area": "Lĩnh vực",
    "data_source": "Nguồn dữ liệu",
    "evidence": "Minh chứng",
    "is_proxy": "Thước đo thay thế",
    "synonyms": "Cách diễn đạt thường gặp (phân cách bằng |)",
    "reference": "Căn cứ (văn bản chỉ đạo)",
    "kind_hint": "Loại gợi ý",
}
DIRECTION_LABELS: dict[str, str] = {
    "increase": "Càng cao càng tốt",
    "decrease": "Càng thấp càng tốt",
    "milestone": "Mốc hoàn thành",
}
PERSPECTIVE_LABELS: dict[str, str] = {
    "service": "Đối tượng phục vụ và các bên liên quan",
    "budget": "Ngân sách và hiệu quả sử dụng nguồn lực",
    "process": "Quy chế, quy định, quy trình nội bộ",
    "learning": "Học hỏi và phát triển",
}
DATA_SOURCE_LABELS: dict[str, str] = {
    "manual_evidence": "Nhập tay kèm minh chứng",
    "public_service_portal": "Cổng dịch vụ công",
    "document_system": "Hệ thống quản lý văn bản",
    "treasury": "Kho bạc nhà nước",
    "statistics": "Thống kê",
    "other": "Nguồn khác",
}
KIND_LABELS: dict[str, str] = {"kpi": "KPI (thường xuyên)", "okr": "OKR (thách thức)"}
STATUS_LABELS: dict[str, str] = {"active": "Đang dùng", "retired": "Ngừng dùng"}
SOURCE_LABELS: dict[str, str] = {"file": "Từ tệp dữ liệu", "admin": "Quản trị viên sửa"}

# Errors of the core services
FORBIDDEN_CURATE = "Chỉ quản trị viên hệ thống được sửa thư viện chỉ số."
TEXT_REQUIRED = "Vui lòng nhập nội dung nhiệm vụ hoặc mục tiêu để nhận gợi ý."
TEXT_TOO_LONG = "Nội dung dài quá {limit} ký tự."
TOP_INVALID = "Số gợi ý phải từ 1 đến {limit}."
UNKNOWN_CODE = "Không tìm thấy chỉ số có mã '{code}'."
CODE_EXISTS = "Mã '{code}' đã có trong thư viện; mã đã công bố không được dùng lại."
FIELD_INVALID = "{label}: {detail}"
ALREADY_RETIRED = "Chỉ số '{code}' đã ngừng dùng."
NOT_RETIRED = "Chỉ số '{code}' đang được dùng, không cần khôi phục."
MERGE_SAME = "Không thể gộp một chỉ số vào chính nó."
MERGE_TARGET_RETIRED = "Chỉ số đích '{code}' đã ngừng dùng; hãy chọn một chỉ số đang dùng."
MERGE_CYCLE = "Không thể gộp '{source}' vào '{target}' vì '{target}' đã được gộp vào '{source}'."
NOTHING_CHANGED = "Không có thay đổi nào để lưu."
REASON_TOO_LONG = "Lý do dài quá 1.000 ký tự."

# Audit reasons
AUDIT_SYNC = "Đồng bộ thư viện chỉ số từ tệp dữ liệu"
AUDIT_MERGED = "Gộp chỉ số trùng vào '{target}'"

# Command line
SYNC_DONE = (
    "Đã đồng bộ thư viện chỉ số: thêm {created}, cập nhật {updated}, giữ nguyên {unchanged}, "
    "giữ bản quản trị viên sửa {kept_admin}, ngừng dùng {retired}."
)
NO_SUGGESTION = "Không có gợi ý phù hợp."
PROXY_TAG = " (thước đo thay thế)"
EVAL_LINE = "{split}: {count} câu, hit@1 = {hit1}, hit@5 = {hit5}"
EVAL_EMPTY = "Không có câu nào để đánh giá."
SPLIT_ALL = "tất cả"
DB_UNAVAILABLE = "Không dùng được cơ sở dữ liệu, gợi ý theo tệp dữ liệu đi kèm"
EVAL_FILE_MISSING = "Không đọc được tệp nhãn '{path}'."

# Pages
BROWSE_TITLE = "Thư viện chỉ số"
BROWSE_NAV = "Chỉ số"
BROWSE_INTRO = (
    "Từ điển thước đo dùng chung: tìm theo tên, mã hoặc cách diễn đạt, có dấu hay không dấu."
)
ADMIN_TITLE = "Quản trị thư viện chỉ số"
ADMIN_NAV = "Quản trị chỉ số"
SEARCH_LABEL = "Tìm chỉ số"
SEARCH_PLACEHOLDER = "Ví dụ: giải ngân, dan van, TTHC"
SEARCH_BUTTON = "Tìm"
SHOW_RETIRED = "Hiện cả chỉ số ngừng dùng"
RESULTS_COUNT = "{count} chỉ số"
RESULTS_SHOWN = " · hiển thị {shown} (hãy thu hẹp tìm kiếm)"
SYNONYMS_SHORT = "Cách diễn đạt"
NO_RESULTS = "Không tìm thấy chỉ số phù hợp."
EMPTY_DICTIONARY = "Thư viện trong cơ sở dữ liệu còn trống."
SYNC_BUTTON = "Nạp thư viện từ tệp dữ liệu"
USAGE = "Dùng trong {count} mục tiêu"
MERGED_INTO = "Đã gộp vào {code}"
PROXY_BADGE = "Thay thế"
RETIRED_BADGE = "Ngừng dùng"
EDIT = "Sửa"
RETIRE = "Ngừng dùng"
RESTORE = "Dùng lại"
ADD_NEW = "Thêm chỉ số mới"
SAVE = "Lưu"
CANCEL = "Huỷ"
EDIT_TITLE = "Sửa chỉ số {code}"
ADD_TITLE = "Thêm chỉ số mới"
REASON_LABEL = "Lý do (ghi vào nhật ký)"
SAVED = "Đã lưu chỉ số {code}."
CREATED = "Đã thêm chỉ số {code}."
RETIRED_DONE = "Đã ngừng dùng chỉ số {code}; các kế hoạch đang dùng vẫn hợp lệ."
RESTORED_DONE = "Đã dùng lại chỉ số {code}."
MERGE_TITLE = "Gộp chỉ số trùng"
MERGE_SOURCE = "Mã chỉ số trùng (sẽ ngừng dùng)"
MERGE_TARGET = "Mã chỉ số giữ lại"
MERGE_BUTTON = "Gộp"
MERGED_DONE = "Đã gộp {source} vào {target}; kế hoạch dùng mã cũ được hiểu theo mã mới."
SYNCED = "Đã nạp thư viện: thêm {created}, cập nhật {updated}."
DETAILS = "Chi tiết"
