"""Mission tasks of Sở Nội vụ (Phụ lục 1, phần I)."""

from __future__ import annotations

from .model import KR, Task
from .units import Unit


def snv_tasks(u: Unit) -> list[Task]:
    """Sở Nội vụ: mission tasks (organisation, civil servants, labour)."""
    return [
        Task(
            "NV1",
            "service",
            "Tổ chức bộ máy",
            "Sắp xếp, kiện toàn tổ chức bộ máy của hệ thống chính trị sau hợp nhất",
            [
                KR(
                    "100% cơ quan, đơn vị sau sắp xếp được kiện toàn tổ chức, bố trí cán bộ",
                    "%",
                    100,
                    baseline=55,
                    metric="TC.BOMAY.KIENTOAN",
                    shape="rate_up",
                    note="generic",
                    role="vice",
                ),
                KR(
                    "Thẩm định 104 đề án vị trí việc làm của các xã, phường",
                    "đề án",
                    104,
                    metric="TC.DEAN.VITRIVIECLAM",
                    shape="gpmb",
                    note="dean",
                    role="vice",
                ),
                KR(
                    "Giải quyết 100% chế độ, chính sách theo Nghị định 178/2024/NĐ-CP đúng hạn",
                    "%",
                    100,
                    metric="TC.CHINHSACH.ND178",
                    shape="rate",
                    note="nd178",
                    role="vice",
                    reference="Nghị định 178/2024/NĐ-CP",
                ),
            ],
            reference="NQ 18-NQ/TW",
        ),
        Task(
            "NV2",
            "service",
            "Công chức, viên chức và thi đua, khen thưởng",
            "Quản lý công chức, viên chức; làm tốt công tác thi đua, khen thưởng",
            [
                KR(
                    "Tổ chức kỳ thi tuyển công chức tỉnh Hưng Yên năm 2025",
                    "mốc",
                    1,
                    direction="milestone",
                    metric="TC.THITUYEN.CONGCHUC",
                    due="2025-11-30",
                    shape="milestone",
                    freq="none",
                    note="generic",
                    role="vice2",
                ),
                KR(
                    "Thẩm định 100% hồ sơ đề nghị khen thưởng đúng thời hạn",
                    "%",
                    100,
                    metric="TDKT.HOSO.DUNGHAN",
                    shape="rate",
                    note="generic",
                    role="vice2",
                ),
            ],
        ),
        Task(
            "NV3",
            "service",
            "Lao động, việc làm",
            "Giải quyết việc làm, nâng cao chất lượng nguồn nhân lực",
            [
                KR(
                    "Giải quyết việc làm mới cho 28.000 lao động",
                    "lao động",
                    28000,
                    metric="LD.VIECLAM.MOI",
                    shape="even",
                    note="vieclam",
                    role="vice2",
                ),
                KR(
                    "Tỷ lệ lao động qua đào tạo đạt 72%",
                    "%",
                    72,
                    baseline=70.5,
                    metric="LD.DAOTAO.TYLE",
                    shape="rate_up",
                    freq="quarterly",
                    note="generic",
                    role="vice2",
                ),
            ],
        ),
    ]
