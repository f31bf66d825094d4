"""Vietnamese texts of dashboards, search and reports."""

from __future__ import annotations

# Navigation and pages
NAV_DASHBOARD = "Tổng quan"
NAV_MY_DASHBOARD = "Của tôi"
NAV_SEARCH = "Tìm kiếm"
NAV_REPORTS = "Báo cáo"
DASHBOARD_TITLE = "Tổng quan các đơn vị"
DASHBOARD_HINT = (
    "Mỗi ô là tỷ lệ mục tiêu then chốt đúng tiến độ của một khía cạnh; "
    "đơn vị có nhiều mục tiêu chậm tiến độ được xếp trước."
)
UNIT_DASHBOARD_TITLE = "Tổng quan đơn vị"
PERSON_DASHBOARD_TITLE = "Tổng quan cá nhân"
KR_HISTORY_TITLE = "Toàn bộ lịch sử mục tiêu"
SEARCH_TITLE = "Tìm kiếm"
REPORTS_TITLE = "Báo cáo"
PERIOD = "Kỳ kế hoạch"
UNIT_KIND_FILTER = "Loại đơn vị"
ALL_KINDS = "Tất cả loại đơn vị"
ALL_PERSPECTIVES = "Tất cả"
DATA_AS_OF = "Số liệu đến ngày {date}"
AUTO_REFRESH = "Tự động cập nhật khi có số liệu mới"
UNIT = "Đơn vị"
SCORE = "Điểm"
RANK = "Hạng"
RED_COUNT = "Số mục tiêu chậm"
RANKING = "Xếp hạng theo điểm"
NO_UNITS = "Không có đơn vị nào trong phạm vi của bạn cho kỳ này."
CELL_LABEL = "{unit} — {perspective}: {status} ({share} đúng tiến độ)"
PERSPECTIVE_SHORT = {
    "service": "Phục vụ",
    "budget": "Ngân sách",
    "process": "Quy trình",
    "learning": "Phát triển",
}
RADAR_TITLE = "Điểm theo bốn khía cạnh"
KEY_RESULTS = "Mục tiêu then chốt"
BREAKTHROUGH_ITEMS = "Nhiệm vụ đột phá (không tính điểm)"
DEPARTMENTS = "Phòng, ban trực thuộc"
PEOPLE = "Cán bộ"
DEADLINES = "Hạn hoàn thành"
EVALUATION_SO_FAR = "Đánh giá đến nay"
TREND = "Xu hướng theo tháng"
OPEN_HISTORY = "Xem toàn bộ lịch sử"
CHECKINS = "Cập nhật tiến độ"
EVIDENCE = "Minh chứng"
NOTES = "Ghi chú, chỉ đạo"
AUDIT = "Nhật ký thay đổi"
NONE_YET = "Chưa có."
CONFIDENCE = "Mức tin cậy"
BLOCKER = "Vướng mắc"

# Search
SEARCH_LABEL = "Tìm đơn vị, cán bộ, nhiệm vụ, mục tiêu, ghi chú, báo cáo"
SEARCH_PLACEHOLDER = "Ví dụ: giai ngan Tan Phong"
SEARCH_BUTTON = "Tìm"
SEARCH_NONE = "Không tìm thấy kết quả phù hợp."
SEARCH_TOO_SHORT = "Vui lòng nhập ít nhất 2 ký tự."
SEARCH_KINDS = {
    "unit": "Đơn vị",
    "person": "Cán bộ",
    "task": "Nhiệm vụ",
    "kr": "Mục tiêu then chốt",
    "note": "Ghi chú",
    "report": "Báo cáo",
}

# Reports
REPORT_KINDS = {
    "monthly": "Báo cáo tháng",
    "quarterly": "Báo cáo quý (giao ban)",
    "annual": "Báo cáo đánh giá năm",
    "weekly": "Báo cáo tuần",
    "province": "Bảng tổng hợp toàn tỉnh",
}
REPORT_TITLE = {
    "monthly": "Tiến độ thực hiện kế hoạch tháng {month} năm {year}",
    "quarterly": "Kết quả thực hiện kế hoạch quý {quarter} năm {year} (phục vụ giao ban)",
    "annual": "Đánh giá kết quả thực hiện kế hoạch năm {year} (tập thể và cá nhân)",
    "weekly": "Tóm tắt tiến độ tuần {week} năm {year}",
    "province": "Kết quả thực hiện kế hoạch năm {year} của các đơn vị, số liệu đến ngày {date}",
}
REPORT_HEADING = "BÁO CÁO"
PROVINCE_HEADING = "BẢNG TỔNG HỢP"
REPORT_SUMMARY = "I. Kết quả chung"
REPORT_BY_PERSPECTIVE = "II. Kết quả theo khía cạnh"
REPORT_DETAIL = "III. Chi tiết mục tiêu then chốt"
REPORT_BREAKTHROUGH = "IV. Nhiệm vụ đột phá"
REPORT_ISSUES = "V. Khó khăn, vướng mắc và ghi chú trong kỳ"
REPORT_NEXT_PLAN = "VI. Dự thảo kế hoạch quý tiếp theo"
REPORT_PEOPLE = "VI. Kết quả đánh giá cá nhân"
REPORT_UNITS = "Kết quả theo đơn vị"
REPORT_SUMMARY_LINE = (
    "Số liệu đến ngày {date}: {total} mục tiêu then chốt được đánh giá, trong đó "
    "{green} đạt/vượt tiến độ, {yellow} cần chú ý, {red} chậm tiến độ, {none} chưa có số liệu. "
    "Điểm tổng hợp: {score}."
)
REPORT_NO_ISSUES = "Không có ghi chú trong kỳ."
REPORT_PREPARER = "NGƯỜI LẬP BIỂU"
REPORT_HEAD = "THỦ TRƯỞNG ĐƠN VỊ"
REPORT_SEAL_NOTE = "(Ký, ghi rõ họ tên, đóng dấu)"
REPORT_SIGN_NOTE = "(Ký, ghi rõ họ tên)"
REPORT_ON_BEHALF_PROVINCE = "TM. BAN THƯỜNG VỤ"
REPORT_FINGERPRINT = "Mã kiểm tra dữ liệu"
REPORT_NEXT_TARGET = "Chỉ tiêu lũy kế dự kiến đến {date}"
COL_NO = "STT"
COL_KR = "Mục tiêu then chốt"
COL_UNIT = "ĐVT"
COL_TARGET = "Chỉ tiêu"
COL_ACTUAL = "Thực hiện"
COL_RATE = "Tỷ lệ"
COL_STATUS = "Đánh giá"
COL_SCORE = "Điểm"
COL_PERSPECTIVE = "Khía cạnh"
COL_NOTE = "Nội dung"
COL_DATE = "Ngày"
COL_UNIT_NAME = "Đơn vị"
COL_RED = "Chậm"
COL_PERSON = "Cán bộ"
REPORT_BAD_MONTH = "Tháng không hợp lệ '{value}' (định dạng YYYY-MM, ví dụ 2025-09)."
REPORT_BAD_QUARTER = "Quý không hợp lệ '{value}' (định dạng YYYY-Qn, ví dụ 2025-Q3)."
REPORT_BAD_YEAR = "Năm không hợp lệ '{value}' (ví dụ 2025)."
REPORT_BAD_WEEK = "Tuần không hợp lệ '{value}' (định dạng YYYY-Www, ví dụ 2025-W38)."
REPORT_BAD_FORMAT = "Định dạng tệp không hỗ trợ '{value}': chỉ nhận .pdf hoặc .xlsx."
REPORT_NO_PLAN = "Đơn vị {unit} chưa có kế hoạch năm {year}."
REPORT_UNIT_REQUIRED = "Vui lòng chọn đơn vị báo cáo (mã đơn vị, ví dụ HY.X.TANPHONG)."
REPORT_FORBIDDEN = "Bạn không có quyền lập báo cáo của đơn vị này."
REPORT_SAVED = "Đã lập {kind} của {unit}: {path} (mã kiểm tra {fingerprint})."
REPORT_OUT_REQUIRED = (
    "Vui lòng cho biết tệp đầu ra (--out TỆP.pdf hoặc .xlsx) hoặc mã cần đối chiếu (--verify)."
)
REPORT_VERIFY_OK = "Khớp: bản giấy đúng với dữ liệu hiện có trong hệ thống (mã {fingerprint})."
REPORT_VERIFY_CHANGED = (
    "Không khớp: dữ liệu trong hệ thống đã khác bản giấy (mã hiện tại {fingerprint})."
)
REPORT_DOWNLOAD_PDF = "Tải PDF"
REPORT_DOWNLOAD_XLSX = "Tải Excel"
REPORT_MONTH = "Tháng báo cáo"
REPORT_KIND_LABEL = "Loại báo cáo"
REPORT_UNIT = "Đơn vị báo cáo"
SHEET_SUMMARY = "Tổng hợp"
SHEET_DETAIL = "Chi tiết"
SHEET_NOTES = "Ghi chú"
SHEET_NEXT = "Kế hoạch quý tới"
SHEET_PEOPLE = "Cá nhân"

# Province heatmap: area (lĩnh vực) filter
AREA_FILTER = "Lĩnh vực"
ALL_AREAS = "Tất cả lĩnh vực"
AREA_LEVEL_SEPARATOR = " › "
AREA_NOTE = "Ô màu, điểm và xếp hạng chỉ tính các mục tiêu thuộc lĩnh vực “{area}”."
NO_UNITS_IN_AREA = "Không có đơn vị nào có mục tiêu thuộc lĩnh vực này."
