"""Mission tasks of Ban Tuyên giáo và Dân vận Tỉnh ủy (Phụ lục 1, phần I)."""

from __future__ import annotations

from .model import KR, Task
from .units import Unit


def btg_tasks(u: Unit) -> list[Task]:
    """Ban Tuyên giáo và Dân vận Tỉnh ủy: mission tasks (propaganda, mass mobilisation)."""
    bt = u.breakthroughs
    return [
        Task(
            "TG1",
            "service",
            "Tuyên giáo/Công tác tuyên truyền",
            "Tuyên truyền nghị quyết, định hướng thông tin, bảo vệ nền tảng tư tưởng của Đảng",
            [
                KR(
                    "Tổ chức 24 hội nghị báo cáo viên, hội nghị quán triệt nghị quyết",
                    "hội nghị",
                    24,
                    metric="XDD.TUYENTRUYEN.HOINGHI",
                    shape="conf",
                    note="conf",
                    role="vice",
                ),
                KR(
                    "Đăng tải 600 tin, bài đấu tranh phản bác quan điểm sai trái, thù địch",
                    "bài",
                    600,
                    metric="TG.PHANBAC.BAIVIET",
                    shape="even",
                    note="phanbac",
                    role="vice",
                ),
                KR(
                    "Xuất bản cuốn Lịch sử Đảng bộ tỉnh Hưng Yên giai đoạn 2010–2025",
                    "mốc",
                    1,
                    direction="milestone",
                    metric="TG.LICHSU.XUATBAN",
                    due="2025-12-31",
                    shape="milestone",
                    freq="none",
                    note="generic",
                    role="vice",
                ),
            ],
            reference="Nghị quyết 35-NQ/TW",
        ),
        Task(
            "TG2",
            "service",
            "Dân vận",
            "Đổi mới công tác dân vận, thực hiện dân chủ ở cơ sở",
            [
                KR(
                    "Hướng dẫn 100% xã, phường xây dựng mô hình “Dân vận khéo”",
                    "%",
                    100,
                    baseline=40,
                    metric="DV.HUONGDAN.DANVANKHEO",
                    shape="rate_up",
                    freq="quarterly",
                    note="generic",
                    role="vice2",
                ),
                KR(
                    "Thực hiện 8 cuộc khảo sát, nắm tình hình tư tưởng, dư luận xã hội",
                    "cuộc",
                    8,
                    metric="TG.KHAOSAT.DULUAN",
                    shape="even",
                    freq="quarterly",
                    note="khaosat",
                    role="vice2",
                ),
            ],
        ),
        Task(
            "TG4",
            "service",
            "Tuyên giáo/Tuyên truyền số",
            "Chuyển đổi số công tác tuyên giáo, dân vận",
            [
                KR(
                    "Trang tuyên truyền chính thức trên mạng xã hội đạt 100.000 người theo dõi",
                    "người theo dõi",
                    100000,
                    kind="okr",
                    baseline=21000,
                    metric="TG.MXH.THEODOI",
                    shape="even",
                    note="generic",
                    role="office",
                ),
                KR(
                    "100% báo cáo viên sử dụng Sổ tay báo cáo viên điện tử",
                    "%",
                    100,
                    kind="okr",
                    baseline=20,
                    metric="TG.SOTAY.DIENTU",
                    shape="rate_up",
                    freq="quarterly",
                    note="generic",
                    role="office",
                ),
            ],
            reference="NQ 57-NQ/TW",
            breakthrough="TG4" in bt,
        ),
    ]
