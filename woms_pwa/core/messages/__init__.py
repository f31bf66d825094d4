"""The Vietnamese message catalogue: every text a user reads, reviewed in one place.

Foundation texts are here; a feature keeps its texts in a sibling module
(``messages/forms.py``, ``messages/evaluation.py`` …) so that the catalogue stays
one folder to review.

Constants are grouped by where they appear. Placeholders use ``str.format``.
"""

from __future__ import annotations

from woms_pwa.core.vocab import Direction, KeyResultKind, Perspective, PlanStatus, Role, UnitKind

APP_NAME = "WOMS"
APP_TITLE = "Quản trị mục tiêu công việc"
APP_LONG_NAME = "Hệ thống quản trị mục tiêu công việc và đánh giá tập thể, cá nhân"

# Sign-in and accounts
SIGN_IN = "Đăng nhập"
SIGN_OUT = "Đăng xuất"
USERNAME = "Tên đăng nhập"
PASSWORD = "Mật khẩu"
SIGN_IN_FAILED = "Tên đăng nhập hoặc mật khẩu không đúng."
SIGN_IN_MISSING = "Vui lòng nhập tên đăng nhập và mật khẩu."
ACCOUNT_LOCKED = (
    "Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau {minutes} phút."
)
ACCOUNT_NEEDS_PERSON = "Tài khoản (trừ quản trị hệ thống) phải gắn với một cán bộ."
PASSWORD_TOO_SHORT = "Mật khẩu phải có ít nhất 8 ký tự."
SESSION_EXPIRED = "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại."
UNKNOWN_PERSON = "Không tìm thấy cán bộ có mã '{code}'."
UNKNOWN_UNIT = "Không tìm thấy đơn vị có mã '{code}'."

# Permissions
FORBIDDEN_VIEW = "Bạn không có quyền xem nội dung này."
FORBIDDEN_WRITE = "Bạn không có quyền cập nhật mục tiêu này."
NOT_FOUND_PLAN = "Không tìm thấy kế hoạch."
NOT_FOUND_KR = "Không tìm thấy mục tiêu then chốt '{code}'."

# Check-ins
CHECKIN_TITLE = "Cập nhật tiến độ"
CHECKIN_VALUE = "Giá trị thực hiện lũy kế"
CHECKIN_NOTE = "Ghi chú: đã làm gì, vướng mắc gì"
CHECKIN_DATE = "Ngày số liệu"
CHECKIN_SAVE = "Lưu cập nhật"
CHECKIN_SAVED = "Đã lưu cập nhật tiến độ."
CHECKIN_DUPLICATE = "Cập nhật này đã được lưu trước đó (không lưu lặp)."
CHECKIN_VALUE_REQUIRED = "Vui lòng nhập giá trị thực hiện."
CHECKIN_VALUE_NOT_NUMBER = "Giá trị thực hiện phải là một số, ví dụ 12,5."
CHECKIN_VALUE_NEGATIVE = "Giá trị thực hiện không được âm."
CHECKIN_DATE_INVALID = "Ngày số liệu không hợp lệ."
CHECKIN_DATE_FUTURE = "Ngày số liệu không được ở tương lai."
CHECKIN_KR_RETIRED = "Mục tiêu này đã được rút khỏi kế hoạch, không nhận cập nhật mới."
CHECKIN_NOTE_TOO_LONG = "Ghi chú dài quá 4.000 ký tự."
CHECKIN_MILESTONE_VALUE = "Mục tiêu dạng mốc chỉ nhận 0 (chưa xong) hoặc 1 (đã xong)."
CHECKIN_HISTORY = "Lịch sử cập nhật"
CHECKIN_NONE = "Chưa có cập nhật nào."

# Navigation and pages
HOME = "Trang chủ"
MY_PLANS = "Kế hoạch của tôi"
PLANS_I_CAN_SEE = "Kế hoạch được xem"
PLAN = "Kế hoạch"
PLAN_OF = "Kế hoạch năm {period}"
NO_PLANS = "Chưa có kế hoạch nào trong phạm vi của bạn."
BACK = "Quay lại"
LOADING = "Đang tải…"
TASK = "Nhiệm vụ"
KEY_RESULT = "Mục tiêu then chốt"
TARGET = "Mục tiêu"
CURRENT = "Thực hiện"
BASELINE = "Xuất phát"
PROGRESS = "Tiến độ"
AS_OF = "Số liệu đến {date}"
NO_DATA_YET = "Chưa có số liệu"
BREAKTHROUGH = "Đột phá"
BREAKTHROUGH_HINT = "Nhiệm vụ đột phá: hiển thị riêng, không tính vào đánh giá"
UPDATE_PROGRESS = "Cập nhật tiến độ"
VIEW_HISTORY = "Xem lịch sử cập nhật"
ROLE_LABEL = "Vai trò"
UNIT_LABEL = "Đơn vị"
SKIP_TO_CONTENT = "Chuyển đến nội dung chính"

STATUS_GREEN = "Đạt/vượt tiến độ"
STATUS_YELLOW = "Cần chú ý"
STATUS_RED = "Chậm tiến độ"
STATUS_NONE = "Chưa có số liệu"

# Notifications
NOTIFICATIONS = "Thông báo"
NOTIFICATIONS_NONE = "Chưa có thông báo nào."
NOTIFICATIONS_MARK_READ = "Đánh dấu tất cả là đã đọc"
NOTIFICATIONS_UNREAD = "Chưa đọc"
NOTIFICATIONS_OPEN = "Mở"

# Import / export (CLI)
IMPORT_DONE = "Đã nhập dữ liệu: {created} bản ghi mới, {updated} bản ghi cập nhật."
IMPORT_NOTHING = "Dữ liệu không thay đổi gì (đã có sẵn trong hệ thống)."
IMPORT_FAILED = "Không nhập được dữ liệu; hệ thống không thay đổi gì. Lỗi:"
EXPORT_DONE = "Đã xuất toàn bộ dữ liệu ra {path}."
DEMO_LOADED = "Đã nạp tỉnh mẫu: {units} đơn vị, {people} cán bộ, {krs} mục tiêu then chốt, {checkins} lượt cập nhật."
DEMO_SKIPPED = "Cơ sở dữ liệu đã có dữ liệu; bỏ qua việc nạp tỉnh mẫu."
MIGRATED = "Cơ sở dữ liệu đã được cập nhật lên phiên bản mới nhất."

PERSPECTIVE_LABELS: dict[str, str] = {
    Perspective.SERVICE: "Đối tượng phục vụ và các bên liên quan",
    Perspective.BUDGET: "Ngân sách và hiệu quả sử dụng nguồn lực",
    Perspective.PROCESS: "Quy chế, quy định, quy trình nội bộ",
    Perspective.LEARNING: "Học hỏi và phát triển",
}

UNIT_KIND_LABELS: dict[str, str] = {
    UnitKind.PROVINCE: "Tỉnh",
    UnitKind.AGENCY: "Sở, ban, ngành",
    UnitKind.COMMUNE: "Xã",
    UnitKind.WARD: "Phường",
    UnitKind.SPECIAL_ZONE: "Đặc khu",
    UnitKind.DEPARTMENT: "Phòng, ban",
    UnitKind.OTHER: "Khác",
}

ROLE_LABELS: dict[str, str] = {
    Role.ADMIN: "Quản trị hệ thống",
    Role.PROVINCE: "Lãnh đạo cấp tỉnh",
    Role.HEAD: "Người đứng đầu đơn vị",
    Role.CADRE: "Cán bộ, công chức",
}

PLAN_STATUS_LABELS: dict[str, str] = {
    PlanStatus.DRAFT: "Dự thảo",
    PlanStatus.SUBMITTED: "Đã trình",
    PlanStatus.RETURNED: "Trả lại để sửa",
    PlanStatus.APPROVED: "Đã phê duyệt",
}

KIND_LABELS: dict[str, str] = {KeyResultKind.KPI: "KPI", KeyResultKind.OKR: "OKR"}

DIRECTION_LABELS: dict[str, str] = {
    Direction.INCREASE: "càng cao càng tốt",
    Direction.DECREASE: "càng thấp càng tốt",
    Direction.MILESTONE: "mốc hoàn thành",
}

# Check-ins of key results that require evidence (Phụ lục 4: self-reported numbers need proof)
CHECKIN_EVIDENCE_REQUIRED = "Mục tiêu “{title}” yêu cầu minh chứng; vui lòng đính kèm ảnh hoặc tệp."
CHECKIN_EVIDENCE_HELP = (
    "Bắt buộc: mục tiêu này yêu cầu minh chứng cho số liệu tự báo cáo. "
    "Chụp biên bản, hiện trường hoặc văn bản."
)
