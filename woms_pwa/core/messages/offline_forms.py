"""Texts the server sends about guided forms filled offline (queued on the phone).

The offline page's own texts live in ``assets/offline/forms.js`` (it runs
without the Reflex server); the validation wording it shows comes from
:mod:`woms_pwa.core.messages.forms`, sent with the cached definitions.
"""

from __future__ import annotations

FORM_UPDATED_HOLD = (
    "Biểu mẫu “{title}” đã được ban hành phiên bản mới (v{current}) sau khi bạn điền theo "
    "v{version}, và câu trả lời chưa đáp ứng bản mới: {detail} Biểu mẫu được giữ lại trên "
    "máy: vui lòng mở, bổ sung theo bản mới rồi gửi lại."
)
FORM_NO_VERSION = "Biểu mẫu '{code}' không có phiên bản {version}."
FORM_KR_NOT_OFFLINE = (
    "Biểu mẫu '{code}' gắn với một mục tiêu then chốt; khi mất mạng, hãy dùng mục "
    "“Ghi nhận tiến độ”."
)
