"""Vietnamese texts of the anomaly rules, reviewed in one place."""

from __future__ import annotations

KIND_LABELS = {
    "cumulative_decrease": "Số lũy kế bị giảm",
    "jump": "Tăng/giảm đột biến",
    "exact_target": "Trùng khít kế hoạch nhiều tháng",
    "identical_across_units": "Số liệu giống hệt giữa nhiều đơn vị",
    "deadline_burst": "Sửa dồn dập sát hạn",
    "edit_after_approval": "Sửa sau khi đã phê duyệt",
}

CUMULATIVE_DECREASE = (
    "Giá trị lũy kế giảm từ {before} (tháng {prev_month}/{year}) xuống {after} "
    "(tháng {month}/{year}), trong khi chỉ tiêu được cộng dồn từ đầu năm."
)
JUMP_UP = (
    "Tháng {month}/{year} tăng đột biến {delta} ({share} chỉ tiêu) trong một tháng; "
    "mức thay đổi thường gặp của các đơn vị cùng loại là {typical}."
)
JUMP_DOWN = (
    "Tháng {month}/{year} giảm đột biến {delta} ({share} chỉ tiêu) trong một tháng; "
    "mức thay đổi thường gặp của các đơn vị cùng loại là {typical}."
)
EXACT_TARGET = (
    "Số liệu trùng khít kế hoạch {hits}/{total} kỳ báo cáo (ví dụ tháng {month}/{year}: "
    "{value}, kế hoạch {planned}); các đơn vị cùng chỉ tiêu chỉ trùng {peer_share} số kỳ."
)
EXACT_TARGET_NO_PEERS = (
    "Số liệu trùng khít kế hoạch {hits}/{total} kỳ báo cáo (ví dụ tháng {month}/{year}: "
    "{value}, kế hoạch {planned})."
)
IDENTICAL = (
    "Dãy số liệu {sequence} giống hệt ở {n_units} đơn vị cùng chỉ tiêu năm {year}: {owners}."
)
DEADLINE_BURST = (
    "{n_edits} lần nhập/sửa số liệu trong {days} ngày trước hạn {deadline}; "
    "bình thường khoảng {typical} lần trong cùng khoảng thời gian."
)
EDIT_AFTER_APPROVAL = (
    "Trường '{field}' bị sửa từ {old} thành {new} ngày {at}, sau khi kế hoạch đã được "
    "phê duyệt ngày {approved}."
)
