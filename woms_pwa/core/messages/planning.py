"""Vietnamese texts of the planning feature: drafting, approval, amendments, calendar."""

from __future__ import annotations

from analytics.plan_messages import CASCADE_MESSAGES, FINDING_MESSAGES

__all__ = ["CASCADE_MESSAGES", "FINDING_MESSAGES"]

# Drafting
PLAN_EXISTS = "Đã có kế hoạch kỳ {period} của {owner}; hãy mở kế hoạch đó để sửa."
PERIOD_INVALID = "Kỳ kế hoạch '{period}' không hợp lệ (ví dụ: 2026, 2026-Q1, 2026-01)."
TEMPLATE_UNKNOWN = "Không có mẫu đề cương '{template}'."
OWNER_UNKNOWN = "Không tìm thấy đơn vị hoặc cán bộ có mã '{code}'."
FORBIDDEN_PLAN_WRITE = "Bạn không có quyền lập hoặc sửa kế hoạch này."
PLAN_LOCKED = (
    "Kế hoạch đang ở trạng thái “{status}” nên đã khóa; muốn thay đổi hãy đề nghị sửa đổi, bổ sung."
)
TASK_NOT_FOUND = "Không tìm thấy nhiệm vụ."
TASK_TITLE_REQUIRED = "Vui lòng nhập tên nhiệm vụ."
TASK_TITLE_TOO_LONG = "Tên nhiệm vụ dài quá 2.000 ký tự."
PERSPECTIVE_INVALID = "Vui lòng chọn một trong bốn khía cạnh của kế hoạch."
KR_TITLE_REQUIRED = "Vui lòng nhập nội dung mục tiêu then chốt."
KR_TARGET_REQUIRED = "Vui lòng nhập chỉ tiêu (con số cần đạt), ví dụ 95 hoặc 12,5."
KR_NUMBER_INVALID = "“{field}” phải là một số, ví dụ 12,5."
KR_DIRECTION_INVALID = "Chiều đánh giá không hợp lệ."
KR_KIND_INVALID = "Loại mục tiêu phải là KPI hoặc OKR."
KR_DUE_INVALID = "Hạn hoàn thành không hợp lệ (dd/mm/yyyy)."
KR_DUE_OUTSIDE = "Hạn hoàn thành phải nằm trong kỳ kế hoạch ({start} – {end})."
KR_WEIGHT_INVALID = "Trọng số phải từ 0 đến 100."
KR_NOT_FOUND = "Không tìm thấy mục tiêu then chốt '{code}'."
KR_MAX_REACHED = "Nhiệm vụ này đã có 5 mục tiêu then chốt (tối đa theo đề cương)."
FIELD_LABELS: dict[str, str] = {
    "target": "Chỉ tiêu",
    "baseline": "Điểm xuất phát",
    "weight": "Trọng số",
    "last_year_actual": "Thực hiện năm trước",
}
DATA_SOURCE_LABELS: dict[str, str] = {
    "manual": "Nhập tay, kèm minh chứng",
    "dvc": "Cổng dịch vụ công",
    "qlvb": "Hệ thống quản lý văn bản",
    "kbnn": "Kho bạc Nhà nước",
    "other": "Nguồn khác",
}

# Lifecycle
SUBMIT_BLOCKED = "Chưa trình được: kế hoạch còn {count} lỗi cần sửa."
NOT_SUBMITTED = "Kế hoạch chưa được trình nên chưa thể phê duyệt hoặc trả lại."
CANNOT_SUBMIT_STATUS = "Chỉ trình được kế hoạch đang dự thảo hoặc bị trả lại."
FORBIDDEN_APPROVE = "Bạn không có thẩm quyền phê duyệt kế hoạch này."
RETURN_COMMENT_REQUIRED = "Vui lòng ghi ý kiến: cần sửa những gì trước khi trình lại."
EMPTY_PLAN = "Kế hoạch chưa có nhiệm vụ nào."
REVIEW_ACTIONS: dict[str, str] = {
    "create": "Tạo dự thảo",
    "submit": "Trình phê duyệt",
    "approve": "Phê duyệt",
    "return": "Trả lại để sửa",
    "amend_submit": "Đề nghị sửa đổi, bổ sung",
    "amend_approve": "Phê duyệt sửa đổi, bổ sung",
    "amend_return": "Trả lại đề nghị sửa đổi",
    "rollover": "Tạo từ kế hoạch năm trước",
}
NOTIFY_SUBMITTED = "Kế hoạch chờ phê duyệt: {owner} – kỳ {period}"
NOTIFY_APPROVED = "Kế hoạch {owner} – kỳ {period} đã được phê duyệt"
NOTIFY_RETURNED = "Kế hoạch {owner} – kỳ {period} bị trả lại để sửa"
NOTIFY_AMEND_SUBMITTED = "Đề nghị sửa đổi kế hoạch: {owner} – kỳ {period}"
NOTIFY_AMEND_DECIDED = "Đề nghị sửa đổi kế hoạch {owner} – kỳ {period}: {decision}"

# Amendments
AMEND_ONLY_APPROVED = "Chỉ đề nghị sửa đổi, bổ sung được kế hoạch đã phê duyệt."
AMEND_REASON_REQUIRED = "Vui lòng nêu lý do sửa đổi, bổ sung."
AMEND_KIND_INVALID = "Loại sửa đổi phải là bổ sung, điều chỉnh hoặc loại bỏ mục tiêu."
AMEND_NOTHING = "Không có đề nghị sửa đổi nào đang chờ phê duyệt."
AMEND_NO_CHANGE = "Đề nghị điều chỉnh chưa thay đổi nội dung nào."
AMEND_KINDS: dict[str, str] = {
    "add": "Bổ sung mục tiêu",
    "adjust": "Điều chỉnh mục tiêu",
    "remove": "Loại bỏ mục tiêu",
}

# Cascading
CASCADE_MODE_INVALID = "Hình thức giao phải là “bắt buộc” hoặc “gợi ý”."
CASCADE_NOT_CHILD = "{child} không phải đơn vị/cán bộ cấp dưới của {parent}."
CASCADE_CHILD_LOCKED = "Kế hoạch của {child} đã trình hoặc đã duyệt; không giao thêm được."
CASCADE_NO_CHILDREN = "Vui lòng chọn ít nhất một đơn vị hoặc cán bộ nhận chỉ tiêu."
CASCADE_MODES: dict[str, str] = {"mandatory": "Bắt buộc", "suggested": "Gợi ý"}

# Calendar
DEADLINE_LABELS: dict[str, str] = {
    "annual_plan": "Trình kế hoạch năm {year}",
    "annual_approval": "Phê duyệt kế hoạch năm {year}",
    "quarter_plan": "Gửi kế hoạch quý {quarter}/{year}",
    "month_plan": "Gửi kế hoạch tháng {month}/{year}",
    "progress_entry": "Nhập tiến độ tháng {month}/{year}",
}
DEADLINE_STATUS: dict[str, str] = {
    "done": "Đã xong",
    "overdue": "Quá hạn",
    "due_soon": "Sắp đến hạn",
    "upcoming": "Sắp tới",
}
DEADLINE_RULE_INVALID = "Ngày hạn không hợp lệ."
DEADLINE_RULE_FORBIDDEN = "Chỉ lãnh đạo cấp tỉnh hoặc quản trị mới cấu hình được lịch hạn."
REMINDER_TITLE = "{label}: hạn {date} ({status})"
REMINDER_BODY = "{owner}. Hạn chót {date}. Mở WOMS để hoàn thành đúng hạn."
APPROVALS_WAITING = "Có {count} kế hoạch đang chờ bạn phê duyệt."

# Roll-over
ROLLOVER_SOURCE_MISSING = "Không có kế hoạch kỳ {period} của {owner} để sao chép."

# Đề cương PDF
DECUONG_TITLE = "KẾ HOẠCH NHIỆM VỤ MỤC TIÊU CÔNG TÁC"
DECUONG_YEAR = "NĂM {year}"
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"
SECTION_A = "A. MỤC ĐÍCH, YÊU CẦU"
SECTION_B = "B. CÁC NHIỆM VỤ, MỤC TIÊU TRONG NĂM"
SECTION_C = "C. TỔ CHỨC THỰC HIỆN"
RECIPIENTS = "Nơi nhận:"
PURPOSE_LINES = (
    "Cụ thể hóa nghị quyết, chỉ thị của cấp trên thành nhiệm vụ và mục tiêu then chốt đo "
    "lường được.",
    "Bảo đảm cân bằng bốn khía cạnh: đối tượng phục vụ; ngân sách; quy trình nội bộ; học hỏi "
    "và phát triển.",
    "Mục tiêu phải đo lường được, khả thi và có tính thách thức (3T); có nhiệm vụ đột phá.",
)
ORGANISE_TEXT = (
    "Kế hoạch được nhập vào hệ thống WOMS để theo dõi, đôn đốc và đánh giá; tiến độ được cập "
    "nhật hằng tháng, báo cáo tại hội nghị giao ban quý."
)
KR_LINE = "Mục tiêu then chốt {n}: {title} – chỉ tiêu {target} {unit} ({kind}{extra})"
KR_EXTRA_BREAKTHROUGH = ", đột phá"
KR_EXTRA_DUE = ", hạn {due}"
TASK_LINE = "Nhiệm vụ {n}: {title}"
IMPLEMENTS = "Thực hiện: {reference}"
NO_TASKS = "(Chưa có nhiệm vụ)"
VERSION_LINE = "Phiên bản {version} – {status}"

# Pages
NAV_PLANNING = "Lập kế hoạch"
NAV_APPROVE = "Phê duyệt"
NAV_CALENDAR = "Lịch"
PLANNING_TITLE = "Lập kế hoạch"
MY_DRAFTS = "Kế hoạch do tôi lập"
NO_DRAFTS = "Chưa có kế hoạch nào. Hãy tạo kế hoạch mới theo đề cương."
NEW_PLAN = "Tạo kế hoạch mới"
OWNER_LABEL = "Kế hoạch của"
PERIOD_LABEL = "Kỳ kế hoạch (năm, quý hoặc tháng)"
TEMPLATE_LABEL = "Mẫu đề cương"
CREATE_PLAN = "Tạo kế hoạch"
OPEN_PLAN = "Mở kế hoạch"
ROLLOVER = "Lập kế hoạch năm sau từ kế hoạch này"
ROLLOVER_DONE = "Đã tạo dự thảo kế hoạch năm {year}."
EDIT_TITLE = "Soạn kế hoạch"
ADD_TASK = "Thêm nhiệm vụ"
TASK_TITLE_LABEL = "Tên nhiệm vụ"
PERSPECTIVE_LABEL = "Khía cạnh"
AREA_LABEL = "Lĩnh vực"
REFERENCE_LABEL = "Thực hiện nghị quyết, chỉ thị (nếu có)"
BREAKTHROUGH_LABEL = "Nhiệm vụ, mục tiêu đột phá"
DELETE_TASK = "Xóa nhiệm vụ"
ADD_KR = "Thêm mục tiêu then chốt"
EDIT_KR = "Sửa"
DELETE_KR = "Xóa"
AMEND_ADJUST = "Đề nghị điều chỉnh"
AMEND_REMOVE = "Đề nghị loại bỏ"
AMEND_ADD = "Đề nghị bổ sung mục tiêu"
KR_FORM_ADD = "Mục tiêu then chốt mới"
KR_FORM_EDIT = "Sửa mục tiêu then chốt"
KR_FORM_AMEND_ADD = "Đề nghị bổ sung mục tiêu then chốt"
KR_FORM_AMEND_ADJUST = "Đề nghị điều chỉnh mục tiêu then chốt"
KR_FORM_AMEND_REMOVE = "Đề nghị loại bỏ mục tiêu then chốt"
KR_TITLE_LABEL = "Nội dung mục tiêu (gõ để được gợi ý chỉ số)"
KR_UNIT_LABEL = "Đơn vị tính"
KR_TARGET_LABEL = "Chỉ tiêu cần đạt"
KR_BASELINE_LABEL = "Điểm xuất phát"
KR_LAST_LABEL = "Thực hiện năm trước"
KR_DIRECTION_LABEL = "Chiều đánh giá"
KR_KIND_LABEL = "Loại mục tiêu"
KR_WEIGHT_LABEL = "Trọng số (%)"
KR_DUE_LABEL = "Hạn hoàn thành"
KR_SOURCE_LABEL = "Nguồn số liệu"
KR_EVIDENCE_LABEL = "Bắt buộc có minh chứng"
KR_BREAKTHROUGH_LABEL = "Mục tiêu đột phá (không tính vào đánh giá)"
AMEND_REASON_LABEL = "Lý do sửa đổi, bổ sung"
SAVE_KR = "Lưu mục tiêu"
SEND_AMENDMENT = "Gửi đề nghị"
CANCEL = "Hủy"
SUGGESTIONS = "Gợi ý chỉ số (chạm để điền)"
SUGGESTION_APPLIED = "Đã điền theo chỉ số {code}."
SUBMIT_PLAN = "Trình phê duyệt"
SUBMITTED = "Đã trình kế hoạch; chờ cấp có thẩm quyền phê duyệt."
CHECKS_TITLE = "Kiểm tra 3T và tính nhất quán"
CHECKS_SUMMARY = "{errors} lỗi phải sửa, {warnings} lưu ý"
CHECKS_OK = "Kế hoạch đạt yêu cầu 3T, không có lỗi."
RETURN_COMMENT = "Ý kiến khi trả lại: {comment}"
LOCKED_NOTE = "Kế hoạch đã phê duyệt và được khóa. Thay đổi phải qua đề nghị sửa đổi, bổ sung."
PENDING_AMENDMENTS = "{count} đề nghị sửa đổi đang chờ phê duyệt."
AMEND_SENT = "Đã gửi đề nghị sửa đổi, bổ sung."
SAVED = "Đã lưu."
DOWNLOAD_PDF = "Tải đề cương (PDF)"
DOWNLOAD_XLSX = "Tải Excel trao đổi"
HISTORY = "Lịch sử và các phiên bản"
HISTORY_TITLE = "Lịch sử kế hoạch"
REVIEWS = "Các bước xem xét"
VERSIONS = "Các phiên bản đã phê duyệt"
VERSION_TITLE = "Phiên bản {version} · {date} · {count} mục tiêu"
CHANGES_FROM = "Thay đổi so với phiên bản {version}"
CHANGE_LABELS: dict[str, str] = {"added": "Bổ sung", "removed": "Loại bỏ", "changed": "Điều chỉnh"}
NO_VERSIONS = "Chưa có phiên bản nào được phê duyệt."
APPROVE_TITLE = "Phê duyệt kế hoạch"
INBOX_EMPTY = "Không có kế hoạch nào chờ bạn phê duyệt."
INBOX_HINT = "Xếp theo số vấn đề tiền kiểm phát hiện: nhiều vấn đề nhất ở trên."
INBOX_COUNTS = "{errors} lỗi · {warnings} lưu ý"
INBOX_AMENDMENTS = "{count} đề nghị sửa đổi"
COMMENT_LABEL = "Ý kiến của người phê duyệt"
APPROVE = "Phê duyệt"
RETURN = "Trả lại để sửa"
APPROVE_AMENDMENTS = "Phê duyệt sửa đổi"
RETURN_AMENDMENTS = "Trả lại đề nghị sửa đổi"
APPROVED_DONE = "Đã phê duyệt kế hoạch."
RETURNED_DONE = "Đã trả lại kế hoạch kèm ý kiến."
BACK_TO_INBOX = "Danh sách chờ phê duyệt"
CALENDAR_TITLE = "Lịch hạn kế hoạch"
CALENDAR_EMPTY = "Không có hạn nào trong thời gian tới."
DAYS_LEFT = "còn {days} ngày"
DAYS_LATE = "quá {days} ngày"
DUE_ON = "Hạn {date}"
CASCADE_TITLE = "Giao chỉ tiêu xuống cấp dưới"
CASCADE_LINK = "Giao xuống"
CASCADE_MODE_LABEL = "Hình thức giao"
CASCADE_SAVE = "Giao chỉ tiêu"
CASCADE_SAVED = "Đã giao chỉ tiêu cho cấp dưới."
CASCADE_SPLIT = "Chia đều"
CASCADE_PARENT = "Chỉ tiêu chung: {target} {unit}"
CASCADE_RELATIONS: dict[str, str] = {
    "units": "Đơn vị cấp dưới",
    "people": "Cán bộ",
    "periods:quarter": "Kế hoạch quý",
    "periods:month": "Kế hoạch tháng",
}
CASCADE_REMAINDER = "Đã giao {allocated} · còn lại {remainder} {unit}"
CASCADE_LEVEL = "Chỉ tiêu tỷ lệ: mỗi nơi phải đạt ít nhất mức chung (không cộng dồn)"
CASCADE_ROLLED = "Tiến độ tổng hợp từ cấp dưới: {value} {unit}"
CASCADE_NONE = "Chưa giao cho nơi nào."
CASCADE_TARGET_FOR = "Chỉ tiêu giao cho {name}"
CASCADE_EMPTY_CANDIDATES = "Kế hoạch này không có đơn vị hoặc cán bộ cấp dưới để giao."

# Deadline configuration (/lich/cau-hinh)
DEADLINE_RULE_NAMES: dict[str, str] = {
    "annual_plan": "Trình kế hoạch năm",
    "annual_approval": "Phê duyệt kế hoạch năm",
    "quarter_plan": "Gửi kế hoạch quý",
    "month_plan": "Gửi kế hoạch tháng",
    "progress_entry": "Nhập tiến độ hằng tháng",
}
DEADLINE_RULE_HINTS: dict[str, str] = {
    "annual_plan": "Ngày, tháng trong năm trước năm kế hoạch (mặc định 30/11).",
    "annual_approval": "Ngày, tháng trong năm trước năm kế hoạch (mặc định 25/12).",
    "quarter_plan": "Ngày trong tháng đầu của quý (mặc định ngày 10).",
    "month_plan": "Ngày trong tháng kế hoạch (mặc định ngày 5).",
    "progress_entry": "Ngày trong tháng sau tháng báo cáo (mặc định ngày 3).",
}
DEADLINE_RULE_UNKNOWN = "Không có loại hạn “{key}”. Các loại hạn: {keys}."
DEADLINE_DAY_NOT_NUMBER = "{name}: ngày phải là số nguyên từ 1 đến 31 (đã nhập “{value}”)."
DEADLINE_MONTH_NOT_NUMBER = "{name}: tháng phải là số nguyên từ 1 đến 12 (đã nhập “{value}”)."
DEADLINE_DAY_RANGE = "{name}: ngày {day} không hợp lệ, phải từ 1 đến 31."
DEADLINE_MONTH_RANGE = "{name}: tháng {month} không hợp lệ, phải từ 1 đến 12."
DEADLINE_MONTH_REQUIRED = "{name}: chưa nhập tháng, tháng không hợp lệ (phải từ 1 đến 12)."
DEADLINE_FEB_29 = (
    "{name}: không đặt được hạn 29/02 vì năm không nhuận không có ngày này; "
    "hãy chọn 28/02 hoặc một ngày khác."
)
DEADLINE_DAY_NOT_IN_MONTH = "{name}: tháng {month} chỉ có {days} ngày, ngày {day} không hợp lệ."
DEADLINE_APPROVAL_ORDER = (
    "Hạn phê duyệt kế hoạch năm ({approval}) phải sau hạn trình kế hoạch năm ({plan})."
)
DEADLINE_NO_PROVINCE = "Chưa có đơn vị cấp tỉnh để cấu hình lịch hạn."
DEADLINE_VALUE_FIXED = "{day:02d}/{month:02d}"
DEADLINE_VALUE_PERIOD = "ngày {day}"
DEADLINE_CONFIG_TITLE = "Cấu hình lịch hạn"
DEADLINE_CONFIG_LINK = "Cấu hình lịch hạn của tỉnh"
DEADLINE_CONFIG_HINT = (
    "Hạn áp dụng cho mọi đơn vị, cán bộ của {province}. Tháng nào ngắn hơn ngày đã chọn "
    "thì hạn là ngày cuối tháng. Mỗi thay đổi được ghi nhật ký."
)
DEADLINE_DAY_LABEL = "Ngày"
DEADLINE_MONTH_LABEL = "Tháng"
DEADLINE_CONFIG_SAVE = "Lưu lịch hạn"
DEADLINE_CONFIG_SAVED = "Đã lưu {count} thay đổi. Hạn của các đơn vị, cán bộ đã được cập nhật."
DEADLINE_CONFIG_UNCHANGED = "Không có thay đổi nào để lưu."
DEADLINE_NEXT = "Lần tới: {date} – {label}"
DEADLINE_RULES_IN_FORCE = "Lịch hạn của {province}"
DEADLINE_DEFAULT_BADGE = "Mặc định"
DEADLINE_CHANGED_BADGE = "Đã điều chỉnh"
DEADLINE_BACK = "Về lịch hạn"
