"""Mission tasks of Sở Tài chính (Phụ lục 1, phần I)."""

from __future__ import annotations

from .model import KR, Task
from .units import Unit


def stc_tasks(u: Unit) -> list[Task]:
    """Sở Tài chính: mission tasks (budget management, public assets, enterprises)."""
    bt = u.breakthroughs
    return [
        Task(
            "TC1",
            "service",
            "Quản lý ngân sách/Điều hành ngân sách",
            "Tham mưu xây dựng, điều hành dự toán ngân sách tỉnh đúng Luật Ngân sách nhà nước",
            [
                KR(
                    "Tham mưu UBND tỉnh giao dự toán ngân sách năm 2026 trước ngày 10/12/2025",
                    "mốc",
                    1,
                    direction="milestone",
                    metric="NS.DUTOAN.GIAO",
                    due="2025-12-10",
                    shape="milestone",
                    freq="none",
                    note="generic",
                    role="vice",
                ),
                KR(
                    "Thẩm tra, phê duyệt quyết toán 120 dự án hoàn thành",
                    "dự án",
                    120,
                    metric="NS.QUYETTOAN.DUAN",
                    shape="even",
                    note="quyettoan",
                    role="staff",
                ),
                KR(
                    "Thẩm định 100% báo cáo quyết toán ngân sách năm 2024 của các đơn vị đúng hạn",
                    "%",
                    100,
                    metric="NS.QUYETTOAN.DUNGHAN",
                    shape="rate",
                    freq="quarterly",
                    note="generic",
                    role="staff",
                ),
            ],
            reference="Luật Ngân sách nhà nước 2015",
        ),
        Task(
            "TC2",
            "service",
            "Quản lý tài sản công",
            "Quản lý, xử lý tài sản công dôi dư sau sắp xếp tổ chức bộ máy, đơn vị hành chính",
            [
                KR(
                    "Phê duyệt phương án xử lý 100% cơ sở nhà, đất dôi dư (236 cơ sở)",
                    "%",
                    100,
                    baseline=0,
                    metric="TS.NHADAT.DOIDU",
                    shape="rate_up",
                    note="nhadat",
                    role="vice",
                ),
                KR(
                    "Chuyển đổi công năng 40 trụ sở dôi dư sang cơ sở giáo dục, y tế, văn hóa",
                    "cơ sở",
                    40,
                    metric="TS.TRUSO.CHUYENDOI",
                    shape="gpmb",
                    freq="quarterly",
                    note="truso",
                    role="vice",
                ),
            ],
        ),
        Task(
            "TC3",
            "service",
            "Kinh tế/Doanh nghiệp và đầu tư",
            "Tạo đột phá môi trường đầu tư, kinh doanh; phát triển doanh nghiệp theo NQ 68-NQ/TW",
            [
                KR(
                    "Thành lập mới 1.900 doanh nghiệp trên địa bàn tỉnh",
                    "doanh nghiệp",
                    1900,
                    metric="KT.DN.MOI",
                    parent="HY-2025-KT1.2",
                    shape="even",
                    note="dn_tinh",
                    role="vice2",
                ),
                KR(
                    "100% hồ sơ đăng ký doanh nghiệp được tiếp nhận, xử lý qua mạng",
                    "%",
                    100,
                    kind="okr",
                    baseline=92,
                    metric="DN.DANGKY.QUAMANG",
                    shape="rate_up",
                    note="generic",
                    role="vice2",
                ),
                KR(
                    "Rút ngắn thời gian cấp giấy chứng nhận đăng ký doanh nghiệp còn 2 ngày làm việc",
                    "ngày",
                    2,
                    direction="decrease",
                    kind="okr",
                    baseline=3,
                    metric="DN.DANGKY.THOIGIAN",
                    shape="level_down",
                    freq="quarterly",
                    note="generic",
                    role="vice2",
                ),
            ],
            reference="NQ 68-NQ/TW",
            breakthrough="TC3" in bt,
        ),
    ]
