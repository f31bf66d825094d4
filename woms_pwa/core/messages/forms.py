"""Vietnamese texts of the form engine, the guided forms, the builder and evidence files."""

from __future__ import annotations

# Validation (one message per rule; {label} is the field's label)
REQUIRED = "Vui lòng nhập “{label}”."
REQUIRED_CHOICE = "Vui lòng chọn “{label}”."
REQUIRED_FILE = "Vui lòng đính kèm “{label}”."
NOT_NUMBER = "“{label}” phải là một số, ví dụ 12,5."
NOT_MONEY = "“{label}” phải là số tiền (đồng), ví dụ 1.500.000."
BELOW_MIN = "“{label}” không được nhỏ hơn {min}."
ABOVE_MAX = "“{label}” không được lớn hơn {max}."
TOO_LONG = "“{label}” dài quá {max} ký tự."
PATTERN = "“{label}” không đúng định dạng."
NOT_DATE = "“{label}” phải là ngày hợp lệ (dd/mm/yyyy)."
BAD_CHOICE = "Lựa chọn của “{label}” không có trong danh sách."
BAD_YES_NO = "“{label}” chỉ nhận Có hoặc Không."
BAD_FILE = "Tệp đính kèm của “{label}” không hợp lệ hoặc chưa được tải lên."
NOT_PHOTO = "“{label}” phải là một ảnh (JPEG, PNG hoặc WebP)."
BAD_GROUP = "“{label}” có dữ liệu không hợp lệ."
TOO_MANY_ROWS = "“{label}” có quá {max} dòng."
UNKNOWN_FIELDS = "Biểu mẫu có trường lạ không thuộc mẫu: {keys}."
ROW_LABEL = "{label} – dòng {row}"

# Forms, versions and submissions
FORM_NOT_FOUND = "Không tìm thấy biểu mẫu '{code}'."
FORM_NOT_PUBLISHED = "Biểu mẫu '{code}' chưa được ban hành."
FORM_CODE_TAKEN = "Mã biểu mẫu '{code}' đã có."
FORM_BAD_DEFINITION = "Định nghĩa biểu mẫu không hợp lệ: {detail}"
FORM_ADMIN_ONLY = "Chỉ quản trị hệ thống được thiết kế biểu mẫu."
FORM_VERSION_STALE = (
    "Biểu mẫu vừa được ban hành phiên bản mới (v{current}); vui lòng mở lại để điền theo bản mới."
)
FORM_INVALID = "Biểu mẫu còn {count} lỗi, vui lòng sửa rồi gửi lại."
FORM_CLIENT_ID = "Mã định danh của lần gửi không hợp lệ."
FORM_NEEDS_KR = "Biểu mẫu này cần chọn một mục tiêu then chốt."
FORM_SUBMITTED = "Đã gửi biểu mẫu."
FORM_DUPLICATE = "Biểu mẫu này đã được gửi trước đó (không lưu lặp)."
FORM_PUBLISHED = "Đã ban hành phiên bản {version}."
FORM_DRAFT_SAVED = "Đã lưu nháp lúc {time}."
FORM_DRAFT_RESTORED = "Đã khôi phục bản nháp bạn đang điền dở."
FORM_NOTHING_TO_PUBLISH = "Bản nháp giống hệt phiên bản đang dùng, không có gì để ban hành."

# Evidence files
FILE_EMPTY = "Tệp rỗng, vui lòng chọn tệp khác."
FILE_TOO_LARGE = "Tệp “{name}” quá lớn ({size}); tối đa {limit}."
FILE_TYPE_REFUSED = (
    "Tệp “{name}” không phải loại được phép (nhận: {allowed}). "
    "Hệ thống kiểm tra nội dung tệp, không dựa vào đuôi tên tệp."
)
FILE_NOT_IMAGE = "Trường này cần một ảnh (JPEG, PNG hoặc WebP); “{name}” không phải ảnh."
FILE_IMAGE_BROKEN = "Không đọc được ảnh “{name}”; ảnh có thể bị hỏng."
FILE_ONE_AT_A_TIME = "Mỗi ô chỉ nhận một tệp; vui lòng chọn lại một tệp."
FILE_REFUSED = "Không nhận được tệp “{name}”; vui lòng chọn tệp khác."
FILE_UPLOADED = "Đã tải lên “{name}”."
FILE_KIND_LABELS = {
    "image/jpeg": "ảnh JPEG",
    "image/png": "ảnh PNG",
    "image/webp": "ảnh WebP",
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (.docx)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (.xlsx)",
}

# Monthly check-in (guided)
CONFIDENCE_LABELS = {
    "on_track": "Đúng tiến độ",
    "at_risk": "Có nguy cơ chậm",
    "off_track": "Chậm tiến độ",
}
BLOCKER_LABELS = {
    "capital": "Chờ bố trí vốn",
    "land_clearance": "Giải phóng mặt bằng (GPMB)",
    "other_agency": "Chờ cơ quan khác",
    "legal": "Vướng thủ tục, pháp lý",
    "staffing": "Thiếu nhân lực",
    "equipment": "Thiếu trang thiết bị",
    "other": "Khác",
}

# Wizard and pages
FORMS_NAV = "Biểu mẫu"
BUILDER_NAV = "Thiết kế biểu mẫu"
FORMS_TITLE = "Biểu mẫu"
FORMS_INTRO = "Chọn biểu mẫu cần điền. Bản nháp được tự động lưu."
FORMS_NONE = "Chưa có biểu mẫu nào được ban hành."
STEP = "Bước "
REVIEW = "Xem lại trước khi gửi"
REVIEW_HINT = "Kiểm tra lại các thông tin dưới đây, chạm “Sửa” để quay lại."
NEXT = "Tiếp"
PREVIOUS = "Quay lại"
SUBMIT = "Gửi biểu mẫu"
EDIT = "Sửa"
ADD_ROW = "Thêm dòng"
REMOVE_ROW = "Xoá dòng"
CHOOSE_PHOTO = "Chụp hoặc chọn ảnh"
CHOOSE_FILE = "Chọn tệp"
ATTACHED = "Đã đính kèm: {name}"
COMPUTED_HINT = "Tự tính"
YES_LABEL = "Có"
NO_LABEL = "Không"
EMPTY_ANSWER = "(bỏ trống)"
PREVIEW_MODE = "Xem thử — không gửi được"
MY_SUBMISSIONS = "Đã gửi gần đây"
VERSION = "Phiên bản {version}"
FIX_ERRORS = "Vui lòng sửa các lỗi được đánh dấu."

# Builder
BUILDER_TITLE = "Thiết kế biểu mẫu"
BUILDER_INTRO = "Tạo biểu mẫu, thêm trường, đặt điều kiện và ban hành — không cần lập trình."
NEW_FORM = "Tạo biểu mẫu mới"
FORM_CODE = "Mã biểu mẫu (không dấu, ví dụ bao_cao_tuan)"
FORM_TITLE = "Tên biểu mẫu"
CREATE = "Tạo"
STATUS_DRAFT_CHANGES = "Có thay đổi chưa ban hành"
STATUS_PUBLISHED = "Đang dùng v{version}"
STATUS_NEVER = "Chưa ban hành"
ADD_FIELD = "Thêm trường"
ADD_STEP = "Thêm bước"
STEP_TITLE = "Tên bước"
FIELD_LABEL = "Nhãn câu hỏi"
FIELD_HELP = "Hướng dẫn"
FIELD_TYPE = "Loại trường"
FIELD_REQUIRED = "Bắt buộc"
FIELD_MIN = "Nhỏ nhất"
FIELD_MAX = "Lớn nhất"
FIELD_UNIT = "Đơn vị"
FIELD_PATTERN = "Mẫu kiểm tra (biểu thức chính quy)"
FIELD_DEFAULT = "Giá trị mặc định"
FIELD_CHOICES = "Các lựa chọn (mỗi dòng một lựa chọn)"
FIELD_SHOW_IF = "Chỉ hiện khi trường"
FIELD_SHOW_VALUES = "có câu trả lời là (mỗi dòng một giá trị)"
FIELD_COMPUTE = "Công thức (ví dụ: a + b)"
FIELD_STEP = "Thuộc bước"
FIELD_MAX_SIZE = "Dung lượng tệp tối đa (MB, để trống = 10)"
ALWAYS_SHOWN = "(luôn hiện)"
SAVE_FIELD = "Lưu trường"
MOVE_UP = "Lên"
MOVE_DOWN = "Xuống"
REMOVE = "Xoá"
PREVIEW = "Xem thử trên điện thoại"
PUBLISH = "Ban hành"
EXPORT_JSON = "Xuất JSON"
SUBMISSIONS = "Các lần gửi"
SUBMISSIONS_NONE = "Chưa có lần gửi nào."
FIELD_SAVED = "Đã lưu trường “{label}”."
FIELD_REMOVED = "Đã xoá trường."
TYPE_LABELS = {
    "text": "Chữ (một dòng)",
    "long_text": "Đoạn văn",
    "number": "Số",
    "percent": "Phần trăm",
    "money": "Tiền (đồng)",
    "date": "Ngày",
    "choice": "Chọn một",
    "multi_choice": "Chọn nhiều",
    "yes_no": "Có / Không",
    "file": "Tệp đính kèm",
    "photo": "Ảnh",
    "group": "Nhóm lặp",
}

# Command line
CLI_HELP = "biểu mẫu: liệt kê (list), xuất JSON (export), nhập JSON làm bản nháp (import), ban hành (publish)"
CLI_LIST_LINE = "{code}: {title} — {status}"
CLI_IMPORTED = "Đã nhập '{code}' làm bản nháp; chạy `woms forms publish {code}` để ban hành."
CLI_NEEDS_CODE = "Cần mã biểu mẫu, ví dụ: woms forms export phat_sinh"
CLI_NEEDS_FILE = "Cần tệp JSON: woms forms import <tệp>"
CLI_FILE_UNREADABLE = "Không đọc được tệp '{path}'."

# Builder: allowed file types, repeating groups' fields, input checks
FIELD_ACCEPT = "Loại tệp được nhận (không chọn loại nào = nhận mọi loại mặc định)"
FIELD_ACCEPT_PHOTO = "Loại ảnh được nhận (không chọn loại nào = mọi loại ảnh)"
FIELD_ACCEPTS_META = "nhận: {types}"
FIELD_SIZE_META = "tối đa {size} MB"
ADD_CHILD = "Thêm trường con"
CHILD_OF = "Trường con của nhóm lặp “{label}”"
OUTSIDE_GROUP = "{label} (ngoài nhóm)"
BUILDER_LABEL_MISSING = "Vui lòng nhập nhãn câu hỏi."
BUILDER_TOO_LONG = "“{name}” dài quá {max} ký tự."
BUILDER_NOT_NUMBER = "“{name}” phải là một số, ví dụ 12,5."
BUILDER_MIN_ABOVE_MAX = "Giá trị nhỏ nhất không được lớn hơn giá trị lớn nhất."
BUILDER_SIZE_RANGE = "Dung lượng tệp tối đa phải lớn hơn 0 và không quá 50 MB."
BUILDER_BAD_PATTERN = "Mẫu kiểm tra viết chưa đúng cú pháp biểu thức chính quy."
BUILDER_NO_CHOICES = "Vui lòng nhập ít nhất một lựa chọn (mỗi dòng một lựa chọn)."
BUILDER_CONDITION_VALUES = "Vui lòng nhập câu trả lời làm hiện trường này (mỗi dòng một giá trị)."
BUILDER_NESTED_GROUP = "Không thể đặt nhóm lặp bên trong nhóm lặp."
BUILDER_LAST_CHILD = (
    "Nhóm lặp cần ít nhất một trường con; hãy thêm trường khác trước khi xoá trường này."
)
BUILDER_GROUP_MISSING = "Không tìm thấy nhóm lặp “{key}”; vui lòng tải lại trang."
FILE_SLOTS_FULL = (
    "Mỗi bước đính kèm được tối đa {count} tệp/ảnh nên không thêm được dòng có tệp nữa. "
    "Có thể gộp các minh chứng vào một tệp PDF."
)
