"""Vietnamese texts of the evaluation feature (scores, ratings, review workflow)."""

from __future__ import annotations

# Navigation and page titles
NAV_EVALUATION = "Đánh giá"
NAV_UNIT_SCORE = "Điểm đơn vị"
MY_EVALUATION = "Tự đánh giá của tôi"
REVIEW_TITLE = "Xét đánh giá"
PERSON_TITLE = "Kết quả đánh giá cá nhân"
UNIT_SCORE_TITLE = "Điểm đánh giá tập thể"
PERIOD_LABEL = "Kỳ đánh giá"
PERIOD_HINT = "Năm (2025), quý (2025-Q3) hoặc tháng (2025-07)"
OPEN_PERIOD = "Xem kỳ"

# Bad input
BAD_PERIOD = "Kỳ đánh giá '{period}' không hợp lệ: dùng dạng 2025, 2025-Q3 hoặc 2025-07."
BAD_DATE = "Ngày tính điểm '{value}' không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2025-09-30."
UNKNOWN_PERIOD = "Chưa có kỳ '{period}' trong hệ thống."
BAD_RATING = "Mức xếp loại '{value}' không hợp lệ."
BAD_NUMBER = "'{label}' phải là một số (ví dụ 92,5)."
BAD_PERCENT = "'{label}' phải từ 0 đến 100."
BAD_COUNT = "'{label}' phải là số không âm."
BAD_LEVEL = "Mức lập trường tư tưởng phải từ 1 đến 5."
ITEM_TITLE_REQUIRED = "Vui lòng nhập nội dung công việc, sáng kiến hoặc kết quả học tập."
ITEM_TITLE_TOO_LONG = "Nội dung dài quá 2.000 ký tự."
BAD_ITEM_KIND = "Loại kê khai không hợp lệ."
BAD_SCOPE = "Phạm vi công nhận sáng kiến không hợp lệ."
BAD_LEARNING_KIND = "Loại kết quả học tập không hợp lệ."
BAD_PERSPECTIVE = "Lĩnh vực không hợp lệ."
BAD_POINTS = "Điểm của mục kê khai phải từ 0 đến {max}."
COMMENT_TOO_LONG = "Nhận xét dài quá 4.000 ký tự."
COMMENT_REQUIRED = "Vui lòng ghi nhận xét."
LOWER_NEEDS_REASON = "Kết luận thấp hơn mức tính theo điểm ({computed}) cần ghi rõ lý do."
ABOVE_COMPUTED = (
    "Không thể kết luận cao hơn mức tính theo quy định ({computed}): điểm, tỷ lệ tối đa và "
    "kết quả tập thể đã giới hạn mức này."
)
NOT_RATED = "Chưa đủ dữ liệu để xếp loại (chưa có kế hoạch được phê duyệt trong kỳ)."
UNKNOWN_ITEM = "Không tìm thấy mục kê khai số {id}."

# Workflow
STATUS_LABELS: dict[str, str] = {
    "draft": "Chưa tự đánh giá",
    "submitted": "Đã tự đánh giá, chờ nhận xét",
    "assessed": "Đã nhận xét, chờ kết luận",
    "concluded": "Đã có kết luận chính thức",
}
STEP_SELF = "Tự đánh giá"
STEP_ASSESS = "Nhận xét, đánh giá của thủ trưởng"
STEP_CONCLUDE = "Kết luận của cấp có thẩm quyền"
WRONG_STATUS_SELF = "Hồ sơ đã được nhận xét hoặc kết luận, không sửa tự đánh giá được nữa."
WRONG_STATUS_ASSESS = "Chỉ nhận xét được hồ sơ đã tự đánh giá và chưa kết luận."
WRONG_STATUS_CONCLUDE = "Chỉ kết luận được hồ sơ đã có nhận xét, đánh giá."
FORBIDDEN_SELF = "Chỉ chính cán bộ (hoặc người đứng đầu, với đánh giá tập thể) được tự đánh giá."
FORBIDDEN_ASSESS = "Bạn không có thẩm quyền nhận xét, đánh giá hồ sơ này."
FORBIDDEN_CONCLUDE = "Bạn không có thẩm quyền kết luận hồ sơ này."
FORBIDDEN_VIEW = "Bạn không có quyền xem kết quả đánh giá này."
SELF_SAVED = "Đã gửi tự đánh giá."
ITEM_SAVED = "Đã thêm mục kê khai."
ASSESS_SAVED = "Đã lưu nhận xét, đánh giá."
CONCLUDE_SAVED = "Đã kết luận chính thức: {rating}."
NOTIFY_SELF_TITLE = "Hồ sơ tự đánh giá mới: {name} ({period})"
NOTIFY_ASSESSED_TITLE = "Hồ sơ đã được nhận xét: {name} ({period})"
NOTIFY_CONCLUDED_TITLE = "Đã có kết luận đánh giá kỳ {period}: {rating}"

# Declarations
ITEM_KIND_LABELS: dict[str, str] = {
    "outside_work": "Nhiệm vụ thực hiện ngoài kế hoạch",
    "initiative": "Đề xuất, sáng kiến được công nhận",
    "learning": "Nâng cao năng lực, trình độ",
}
SCOPE_LABELS: dict[str, str] = {
    "unit": "Cấp cơ sở (cơ quan, đơn vị)",
    "province": "Cấp tỉnh",
    "national": "Toàn quốc",
}
LEARNING_LABELS: dict[str, str] = {
    "self_learning": "Kỹ năng tự học (được hội đồng/thủ trưởng xác nhận)",
    "certificate": "Chứng chỉ bồi dưỡng",
    "degree": "Văn bằng đào tạo",
}
ITEM_STATUS_LABELS: dict[str, str] = {
    "declared": "Chờ xác nhận",
    "accepted": "Đã công nhận",
    "rejected": "Không công nhận",
}

# Stance rubric (section 3 of the proposal)
STANCE_HEADING = "Tiêu chí 1 – Lập trường tư tưởng, đạo đức lối sống (đánh giá hằng năm)"
STANCE_FIELDS: dict[str, str] = {
    "assessment_pct": "Điểm đánh giá được cung cấp (%)",
    "study_pct": "Tỷ lệ tham gia học tập nghị quyết (%)",
    "contributions": "Số lần góp ý xây dựng Đảng, đấu tranh chống sai trái trong năm",
    "trust_pct": "Tỷ lệ tín nhiệm của đồng nghiệp, quần chúng (%)",
    "reminders": "Số lần bị nhắc nhở, kiểm tra về tư tưởng trong năm",
}
DISCIPLINED_LABEL = "Bị xử lý kỷ luật về tư tưởng chính trị trong năm"
STANCE_RUBRIC_HINT = (
    "Mức 5: điểm ≥ 90%, học nghị quyết 100%, góp ý ≥ 3 lần/năm, tín nhiệm ≥ 90%. "
    "Mức 4: 80–89%, ≥ 95%, 1–2 lần, 80–89%. Mức 3: 65–79%, 80–94%, 0–1 lần, 65–79%. "
    "Mức 2: 50–64%, < 80%, bị nhắc nhở. Mức 1: < 50% hoặc bị kỷ luật. "
    "Mức chung là mức thấp nhất mà các chỉ số đạt được."
)

# Display
RATING_LABEL = "Xếp loại"
TOTAL_LABEL = "Tổng điểm"
COMPUTED_LABEL = "Theo điểm"
OFFICIAL_LABEL = "Kết luận chính thức"
WHY_LABEL = "Vì sao có kết quả này"
CRITERIA_LABEL = "Điểm theo tiêu chí"
PORTFOLIO_LABEL = "Hồ sơ đánh giá qua các năm"
PORTFOLIO_EMPTY = "Chưa có kỳ đánh giá nào được kết luận."
NO_RATING = "Chưa xếp loại"
COMMENT_LABEL = "Nhận xét"
SELF_COMMENT_LABEL = "Tự nhận xét ưu điểm, hạn chế"
PROPOSED_RATING_LABEL = "Tự xếp loại (đề xuất)"
ASSESS_RATING_LABEL = "Mức đề xuất của thủ trưởng"
CONCLUDE_RATING_LABEL = "Mức kết luận"
SUBMIT_SELF = "Gửi tự đánh giá"
SUBMIT_ASSESS = "Lưu nhận xét, đánh giá"
SUBMIT_CONCLUDE = "Kết luận chính thức"
ADD_ITEM = "Thêm mục kê khai"
ITEM_KIND_LABEL = "Loại"
ITEM_TITLE_LABEL = "Nội dung"
ITEM_DETAIL_LABEL = "Kết quả, sản phẩm, minh chứng"
ITEM_SCOPE_LABEL = "Phạm vi công nhận (sáng kiến)"
ITEM_LEARNING_LABEL = "Hình thức (học tập)"
ITEM_PERSPECTIVE_LABEL = "Lĩnh vực (nhiệm vụ ngoài kế hoạch)"
ACCEPT_ITEM = "Công nhận"
REJECT_ITEM = "Không công nhận"
POINTS_LABEL = "Điểm"
PERSPECTIVES_LABEL = "Điểm theo lĩnh vực"
KEY_RESULTS_LABEL = "Điểm từng mục tiêu then chốt"
EXCLUDED_NOTE = "Đột phá – không tính điểm"
REVIEW_LIST = "Hồ sơ chờ xét"
REVIEW_EMPTY = "Không có hồ sơ nào chờ bạn xét trong kỳ này."
VIEW_PERSON = "Xem kết quả"
REVIEW_LINK = "Xét hồ sơ"
UNIT_SCORE_LINK = "Điểm tập thể đơn vị"
UNIT_SELF_LINK = "Tự đánh giá tập thể"

# Configuration
CONFIG_UNKNOWN_KEYS = "Cấu hình đánh giá có khóa không hợp lệ: {keys}."
CONFIG_INVALID = "Cấu hình đánh giá không hợp lệ: {reason}"
CONFIG_FORBIDDEN = "Chỉ cấp tỉnh được sửa cấu hình chấm điểm, xếp loại."
CONFIG_NOT_NUMBER = "'{field}' phải là một số (ví dụ 75 hoặc 12,5)."
CONFIG_TITLE = "Cấu hình chấm điểm, xếp loại"
CONFIG_NAV = "Cấu hình đánh giá"
CONFIG_SAVE = "Lưu cấu hình"
CONFIG_SAVED = "Đã lưu cấu hình; kết quả chấm điểm được tính lại theo cấu hình mới."
CONFIG_HINT = (
    "Ngưỡng tính theo điểm (thang 100). Tỷ lệ tối đa và trọng số nhập theo %. "
    "Để trống giới hạn của người đứng đầu nếu không áp dụng."
)
CONFIG_LABELS: dict[str, str] = {
    "xuat_sac_min": "Ngưỡng Hoàn thành xuất sắc nhiệm vụ (điểm)",
    "tot_min": "Ngưỡng Hoàn thành tốt nhiệm vụ (điểm)",
    "hoan_thanh_min": "Ngưỡng Hoàn thành nhiệm vụ (điểm)",
    "quota_xuat_sac": "Tỷ lệ tối đa được xếp loại xuất sắc (%)",
    "unit_outside_work_cap": "Điểm tối đa cho nhiệm vụ ngoài kế hoạch của tập thể",
    "person_outside_work_cap": "Điểm tối đa cho nhiệm vụ ngoài kế hoạch của cá nhân",
    "weight_stance": "Trọng số tiêu chí 1 – lập trường tư tưởng (%)",
    "weight_tasks": "Trọng số tiêu chí 2 – hoàn thành nhiệm vụ (%)",
    "weight_initiatives": "Trọng số tiêu chí 3 – đề xuất, sáng kiến (%)",
    "weight_learning": "Trọng số tiêu chí 4 – nâng cao năng lực (%)",
    "head_cap_levels_above": "Người đứng đầu được xếp cao hơn kết quả tập thể tối đa (mức)",
}

# CLI
SCORE_HEADER = "Kết quả chấm điểm kỳ {period} (số liệu đến {as_of})"
SCORE_UNITS = "Tập thể ({count} đơn vị):"
SCORE_PEOPLE = "Cá nhân ({count} người):"
SCORE_LINE = "  {code:<24} {total:>8}  {rating}"
