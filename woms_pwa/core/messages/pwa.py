"""Texts of the installable, offline-capable app (manifest, offline queue, evidence).

The offline page (``assets/offline/``) runs without the Reflex server, so its
texts live in its JavaScript file; the ones the server sends are here.
"""

from __future__ import annotations

# Web app manifest
MANIFEST_NAME = "WOMS – Quản trị mục tiêu công việc"
MANIFEST_SHORT_NAME = "WOMS"
MANIFEST_DESCRIPTION = (
    "Kế hoạch, cập nhật tiến độ và đánh giá tập thể, cá nhân; dùng được cả khi mất mạng."
)

# Check-ins queued offline
PLAN_AMENDED_HOLD = (
    "Kế hoạch đã được điều chỉnh (phiên bản {current}); mục tiêu '{code}' đã được rút "
    "khỏi kế hoạch. Cập nhật này được giữ lại: vui lòng chọn mục tiêu mới để ghi nhận."
)
PLAN_AMENDED_KR_GONE = (
    "Kế hoạch đã được điều chỉnh; không còn mục tiêu '{code}'. Cập nhật này được giữ lại: "
    "vui lòng chọn mục tiêu mới để ghi nhận."
)

# Evidence (photos, scans) uploaded by the offline queue
EVIDENCE_UNKNOWN = "Không tìm thấy tệp minh chứng '{ref}' của bạn; vui lòng gửi lại ảnh."
