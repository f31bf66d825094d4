"""Demo log-in accounts. All share one demo password; change it in production."""

from __future__ import annotations

DEMO_PASSWORD = "Woms@2025"

_ACCOUNTS: tuple[tuple[str, str, str, str], ...] = (
    # (username, role, person_code, description)
    ("admin", "admin", "", "Quản trị hệ thống"),
    (
        "lanhdao.tinh",
        "province",
        "CB.HY.02",
        "Phó Bí thư Thường trực Tỉnh ủy – chủ trì giao ban, phê duyệt kế hoạch",
    ),
    (
        "ubnd.tinh",
        "province",
        "CB.HY.04",
        "Phó Chủ tịch UBND tỉnh – theo dõi đầu tư công, thu ngân sách",
    ),
    (
        "bithu.tanphong",
        "head",
        "CB.TANPHONG.01",
        "Bí thư Đảng ủy xã Tân Phong (giải ngân chậm do GPMB)",
    ),
    (
        "bithu.antao",
        "head",
        "CB.ANTAO.01",
        "Bí thư Đảng ủy phường An Tảo (thu ngân sách chậm do lùi đấu giá)",
    ),
    ("bithu.anthi", "head", "CB.ANTHI.01", "Bí thư Đảng ủy xã Ân Thi (chậm kết nạp đảng viên)"),
    ("giamdoc.stc", "head", "CB.STC.01", "Giám đốc Sở Tài chính"),
    ("canbo.tanphong", "cadre", "CB.TANPHONG.05", "Công chức Tài chính – Kế toán xã Tân Phong"),
    ("canbo.antao", "cadre", "CB.ANTAO.06", "Công chức Địa chính – Xây dựng phường An Tảo"),
    ("canbo.myhao", "cadre", "CB.MYHAO.04", "Công chức Văn phòng – Thống kê phường Mỹ Hào"),
    (
        "chuyenvien.stc",
        "cadre",
        "CB.STC.NS.02",
        "Chuyên viên Phòng Quản lý ngân sách, Sở Tài chính",
    ),
    ("chuyenvien.snv", "cadre", "CB.SNV.05", "Chuyên viên Sở Nội vụ"),
)

DEMO_ACCOUNTS: list[dict[str, str]] = [
    {
        "username": username,
        "password": DEMO_PASSWORD,
        "role": role,
        "person_code": person,
        "description": description,
    }
    for username, role, person, description in _ACCOUNTS
]
