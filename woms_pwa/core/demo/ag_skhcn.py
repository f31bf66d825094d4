"""Mission tasks of Sở Khoa học và Công nghệ (Phụ lục 1, phần I)."""

from __future__ import annotations

from .model import KR, Task
from .units import Unit


def skhcn_tasks(u: Unit) -> list[Task]:
    """Sở Khoa học và Công nghệ: mission tasks (science, digital infrastructure, innovation)."""
    bt = u.breakthroughs
    return [
        Task(
            "KH1",
            "service",
            "Khoa học, công nghệ và đổi mới sáng tạo",
            "Phát triển khoa học, công nghệ và đổi mới sáng tạo phục vụ phát triển kinh tế – xã hội",
            [
                KR(
                    "Nghiệm thu 18 nhiệm vụ khoa học và công nghệ cấp tỉnh",
                    "nhiệm vụ",
                    18,
                    metric="KHCN.NHIEMVU.NGHIEMTHU",
                    shape="gpmb",
                    freq="quarterly",
                    note="nhiemvu",
                    role="vice",
                ),
                KR(
                    "Hỗ trợ 30 doanh nghiệp đổi mới công nghệ, nâng cao năng suất",
                    "doanh nghiệp",
                    30,
                    metric="KHCN.DN.DOIMOI",
                    shape="even",
                    freq="quarterly",
                    note="generic",
                    role="vice",
                ),
                KR(
                    "Hỗ trợ xác lập quyền sở hữu trí tuệ cho 25 sản phẩm OCOP, đặc sản",
                    "sản phẩm",
                    25,
                    metric="KHCN.SHTT.SANPHAM",
                    shape="even",
                    freq="quarterly",
                    note="generic",
                    role="vice",
                ),
            ],
            reference="NQ 57-NQ/TW",
        ),
        Task(
            "KH2",
            "service",
            "Chuyển đổi số/Hạ tầng số",
            "Phát triển hạ tầng số, vận hành các nền tảng dùng chung của tỉnh",
            [
                KR(
                    "Đưa Trung tâm giám sát, điều hành thông minh (IOC) tỉnh vào vận hành",
                    "mốc",
                    1,
                    direction="milestone",
                    metric="CDS.IOC.VANHANH",
                    due="2025-09-30",
                    shape="milestone",
                    freq="once",
                    done=8,
                    note="ioc",
                    role="vice2",
                    evidence=True,
                ),
                KR(
                    "100% xã, phường kết nối mạng truyền số liệu chuyên dùng cấp II",
                    "%",
                    100,
                    baseline=64,
                    metric="CDS.TSLCD.KETNOI",
                    shape="rate_up",
                    note="generic",
                    role="vice2",
                ),
                KR(
                    "Chỉ số chuyển đổi số (DTI) của tỉnh tăng ít nhất 3 bậc",
                    "bậc",
                    3,
                    kind="okr",
                    metric="CDS.DTI.XEPHANG",
                    shape="step",
                    freq="none",
                    note="generic",
                    role="vice2",
                ),
            ],
            reference="NQ 57-NQ/TW",
        ),
        Task(
            "KH3",
            "service",
            "Khoa học, công nghệ và đổi mới sáng tạo/Khởi nghiệp",
            "Thành lập và vận hành Trung tâm Đổi mới sáng tạo tỉnh Hưng Yên",
            [
                KR(
                    "Trình UBND tỉnh quyết định thành lập Trung tâm Đổi mới sáng tạo",
                    "mốc",
                    1,
                    direction="milestone",
                    kind="okr",
                    metric="KHCN.TTDMST.THANHLAP",
                    shape="milestone",
                    freq="once",
                    done=6,
                    note="generic",
                    role="vice",
                ),
                KR(
                    "Ươm tạo 10 dự án khởi nghiệp đổi mới sáng tạo",
                    "dự án",
                    10,
                    kind="okr",
                    metric="KHCN.KHOINGHIEP.UOMTAO",
                    shape="gpmb",
                    freq="quarterly",
                    note="generic",
                    role="vice",
                ),
            ],
            reference="NQ 57-NQ/TW",
            breakthrough="KH3" in bt,
        ),
    ]
