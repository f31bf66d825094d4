"""Vietnamese texts of warnings, anomalies and the alerts page (one place for review)."""

from __future__ import annotations

PAGE_TITLE = "Cảnh báo"
NAV_LABEL = "Cảnh báo"
INTRO = (
    "Mục tiêu dự báo không đạt, chậm cập nhật hoặc cần tốc độ chưa từng đạt; "
    "và số liệu có dấu hiệu bất thường cần giải trình."
)
WARNINGS_HEADING = "Cảnh báo sớm"
ANOMALIES_HEADING = "Số liệu bất thường"
NO_WARNINGS = "Không có cảnh báo nào trong phạm vi của bạn."
NO_ANOMALIES = "Không có số liệu bất thường nào trong phạm vi của bạn."
FILTER_LABEL = "Lọc theo đơn vị, mã hoặc nội dung"
FILTER_MINE = "Chỉ của tôi"
FILTER_ALL = "Tất cả trong phạm vi"
VIEW_LABEL = "Phạm vi hiển thị"
LEVEL_LABELS = {"off_track": "Chệch hướng", "at_risk": "Có nguy cơ"}
WARNING_KIND_LABELS = {
    "forecast_miss": "Dự báo không đạt",
    "stale": "Chậm cập nhật",
    "pace": "Tốc độ cần thiết quá cao",
}
FORECAST_LINE = "Dự báo cuối năm {forecast} (khoảng 80%: {lower}–{upper}); {method}."
OWNER_LINE = "Chịu trách nhiệm: {owner}"
EXPLAINED = "Đã giải trình"
EXPLAINED_BY = "Đã giải trình bởi {who} ngày {when}: {note}"
EXPLAIN_ACTION = "Đánh dấu đã giải trình"
EXPLAIN_NOTE_LABEL = "Nội dung giải trình"
EXPLAIN_SAVE = "Lưu giải trình"
EXPLAIN_DONE = "Đã lưu giải trình."
EXPLAIN_NOTE_REQUIRED = "Cần nhập nội dung giải trình (ít nhất 5 ký tự)."
EXPLAIN_NOTE_TOO_LONG = "Nội dung giải trình quá dài (tối đa 2.000 ký tự)."
EXPLAIN_FORBIDDEN = (
    "Chỉ người phê duyệt hoặc lãnh đạo có thẩm quyền mới được đánh dấu đã giải trình."
)
ANOMALY_NOT_FOUND = "Không tìm thấy dấu hiệu bất thường này (số liệu có thể đã thay đổi)."
EVIDENCE_LABEL = "Căn cứ"
OPEN_KR = "Xem và cập nhật"
AS_OF_LINE = "Số liệu tính đến ngày {as_of}, kỳ {period}."
NO_PERIOD = "Chưa có kế hoạch năm nào để tính cảnh báo."
BAD_AS_OF = "Ngày --as-of không hợp lệ: '{value}' (cần dạng YYYY-MM-DD hoặc YYYY-MM)."
BAD_PERIOD = "Kỳ '{value}' không hợp lệ hoặc không phải kỳ năm (ví dụ 2025)."
UNKNOWN_PERIOD = "Chưa có kỳ kế hoạch '{value}' trong cơ sở dữ liệu."
CLI_SUMMARY = (
    "{n_warnings} cảnh báo, {n_anomalies} dấu hiệu bất thường (kỳ {period}, đến ngày {as_of})."
)
KR_MARKER = "Cảnh báo"
CANCEL = "Hủy"
ANOMALY_BADGE = "Bất thường"
COUNTS_LINE = (
    "{n_warnings} cảnh báo, {n_anomalies} số liệu bất thường phù hợp bộ lọc "
    "(mỗi nhóm hiển thị tối đa {shown}; dùng bộ lọc để thu hẹp)."
)

NOTIFY_OWNER_TITLE = "Cảnh báo: {kr_code} – {label}"
NOTIFY_DIGEST_TITLE = (
    "Cảnh báo sớm kỳ {period}: {n_warnings} mục tiêu, {n_anomalies} số liệu bất thường"
)
NOTIFY_DIGEST_BODY = "Số liệu đến ngày {as_of}. Mở trang Cảnh báo để xem chi tiết và giải trình."

ACTION_VERBS = {
    "NS.DTC": "giải ngân",
    "NS.THU": "thu",
    "NS.CHI": "chi",
    "XDD.DANGVIEN.MOI": "kết nạp",
    "DD.GPMB": "bàn giao",
}
"""Verb of the pace message by metric-code prefix ("Cần giải ngân 9,8%/tháng …")."""

# Freshness of the shown alerts (stale-while-revalidate; see core/alerts/service.py).
COMPUTED_AT = "Số liệu cảnh báo tính lúc {when}."
COMPUTED_AT_UPDATING = "Số liệu cảnh báo tính lúc {when}; đang cập nhật…"
CLOCK_OTHER_DAY = "{time} ngày {date}"
OWN_CHECKIN_PENDING = (
    "Cập nhật tiến độ của bạn lúc {when} chưa có trong số liệu cảnh báo; "
    "trang sẽ tự làm mới khi tính xong."
)
REFRESH_FAILED = (
    "Lần cập nhật cảnh báo gần nhất bị lỗi; đang hiển thị số liệu tính lúc {when} "
    "(hệ thống sẽ tự thử lại)."
)
FIRST_COMPUTE = (
    "Đang tính cảnh báo lần đầu cho toàn bộ dữ liệu (có thể mất vài chục giây); "
    "trang sẽ tự hiển thị khi xong."
)
FIRST_COMPUTE_FAILED = (
    "Chưa tính được cảnh báo do có lỗi; hệ thống sẽ tự thử lại. Vui lòng quay lại sau ít phút."
)
API_NOT_READY = "Cảnh báo đang được tính lần đầu; vui lòng thử lại sau ít phút."
