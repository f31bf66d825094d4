"""Units of the demo province: Tỉnh Hưng Yên, its agencies, communes and wards.

Each commune/ward carries a small profile of realistic magnitudes (population,
public-investment capital, revenue estimate, …) so that targets differ between
units: bigger wards get bigger numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROOT = "HY"
ROOT_NAME = "Tỉnh Hưng Yên"


@dataclass(frozen=True)
class Unit:
    """One unit of the demo province and the magnitudes its plan is built from."""

    code: str
    name: str
    kind: str
    parent: str
    slug: str  # short ASCII key used in person and KR codes, e.g. TANPHONG
    short: str = ""  # place name without the prefix, e.g. "Tân Phong"
    pop: float = 0.0  # population, thousand people
    dtc: float = 0.0  # public-investment capital plan 2025, tỷ đồng
    thu: float = 0.0  # budget revenue estimate 2025, tỷ đồng
    tiensdd: float = 0.0  # land-use fee revenue planned 2025, tỷ đồng (0 = not planned)
    dv: int = 0  # new party members target 2025
    gpmb: float = 0.0  # land clearance to hand over in 2025, ha
    km: float = 0.0  # roads to complete in 2025, km
    project: str = ""  # the unit's main public-investment project
    places: tuple[str, ...] = ()  # thôn / tổ dân phố used in notes
    perf: float = 1.0  # general performance level (1.0 = on plan)
    breakthroughs: tuple[str, ...] = ()  # task codes marked breakthrough
    extras: tuple[str, ...] = ()  # optional task codes included in the plan
    exact: bool = False  # reports exactly the target every month (anomaly)
    tags: frozenset[str] = field(default_factory=frozenset)


AGENCIES: tuple[Unit, ...] = (
    Unit(
        "HY.STC",
        "Sở Tài chính",
        "agency",
        ROOT,
        "STC",
        short="Sở Tài chính",
        dtc=12.0,
        dv=4,
        project="Dự án cải tạo, nâng cấp trụ sở làm việc Sở Tài chính",
        perf=1.02,
        breakthroughs=("TC3",),
    ),
    Unit(
        "HY.SNV",
        "Sở Nội vụ",
        "agency",
        ROOT,
        "SNV",
        short="Sở Nội vụ",
        dtc=18.5,
        dv=5,
        project="Dự án số hóa tài liệu lưu trữ lịch sử tỉnh Hưng Yên giai đoạn 2024–2026",
        perf=0.99,
        breakthroughs=("NV4", "CC3"),
    ),
    Unit(
        "HY.SKHCN",
        "Sở Khoa học và Công nghệ",
        "agency",
        ROOT,
        "SKHCN",
        short="Sở Khoa học và Công nghệ",
        dtc=46.0,
        dv=4,
        project="Dự án xây dựng Trung tâm dữ liệu tỉnh Hưng Yên giai đoạn 1",
        perf=1.0,
        breakthroughs=("KH3", "HH3"),
    ),
    Unit(
        "HY.BTG",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "agency",
        ROOT,
        "BTG",
        short="Ban Tuyên giáo và Dân vận Tỉnh ủy",
        dv=3,
        perf=0.98,
        breakthroughs=("TG4",),
    ),
)

# Communes (xã) and wards (phường). Magnitudes are plausible for units formed
# by the 2025 merger; they are illustrative, not official statistics.
LOCALITIES: tuple[Unit, ...] = (
    Unit(
        "HY.X.TANPHONG",
        "Xã Tân Phong",
        "commune",
        ROOT,
        "TANPHONG",
        short="Tân Phong",
        pop=42.5,
        dtc=68.0,
        thu=45.0,
        dv=30,
        gpmb=8.5,
        km=6.2,
        project="Dự án cải tạo, nâng cấp đường trục xã Tân Phong (đoạn nối ĐT.376 đi thôn An Lạc)",
        places=("thôn An Lạc", "thôn Đông Tảo", "thôn Phú Mỹ", "thôn Trung Hòa"),
        perf=1.0,
        breakthroughs=("CC3", "HH3"),
    ),
    Unit(
        "HY.X.VANGIANG",
        "Xã Văn Giang",
        "commune",
        ROOT,
        "VANGIANG",
        short="Văn Giang",
        pop=58.0,
        dtc=120.0,
        thu=210.0,
        tiensdd=95.0,
        dv=40,
        gpmb=15.0,
        km=9.5,
        project="Dự án đường gom dân sinh dọc đê tả sông Hồng đoạn qua xã Văn Giang",
        places=("thôn Xuân Quan", "thôn Phụng Công", "thôn Cửu Cao", "thôn Long Hưng"),
        perf=1.04,
        breakthroughs=("KT1", "HH3"),
        extras=("DV1",),
    ),
    Unit(
        "HY.X.NGHIATRU",
        "Xã Nghĩa Trụ",
        "commune",
        ROOT,
        "NGHIATRU",
        short="Nghĩa Trụ",
        pop=45.0,
        dtc=72.0,
        thu=60.0,
        dv=28,
        gpmb=6.0,
        km=5.0,
        project="Dự án xây dựng nhà lớp học 3 tầng 15 phòng Trường THCS Nghĩa Trụ",
        places=("thôn Nghĩa Trụ", "thôn Vĩnh Khúc", "thôn Đông Khúc", "thôn Lương Tài"),
        perf=1.0,
        breakthroughs=("CC3", "KT1"),
        extras=("DV1",),
    ),
    Unit(
        "HY.X.KHOAICHAU",
        "Xã Khoái Châu",
        "commune",
        ROOT,
        "KHOAICHAU",
        short="Khoái Châu",
        pop=52.0,
        dtc=85.0,
        thu=75.0,
        dv=32,
        gpmb=10.0,
        km=7.0,
        project="Dự án nâng cấp đường ĐH.50 đoạn qua trung tâm xã Khoái Châu",
        places=("thôn Đông Kết", "thôn An Vĩ", "thôn Bình Kiều", "thôn Tứ Dân"),
        perf=0.97,
        breakthroughs=("AN2", "HH3"),
    ),
    Unit(
        "HY.X.ANTHI",
        "Xã Ân Thi",
        "commune",
        ROOT,
        "ANTHI",
        short="Ân Thi",
        pop=48.0,
        dtc=70.0,
        thu=55.0,
        dv=35,
        gpmb=5.5,
        km=4.5,
        project="Dự án xây dựng Trung tâm văn hóa – thể thao xã Ân Thi",
        places=("thôn Thổ Hoàng", "thôn Hạ Lễ", "thôn Cẩm Ninh", "thôn Bãi Sậy"),
        perf=1.0,
        breakthroughs=("CC3", "HH3"),
    ),
    Unit(
        "HY.X.TIENLU",
        "Xã Tiên Lữ",
        "commune",
        ROOT,
        "TIENLU",
        short="Tiên Lữ",
        pop=38.0,
        dtc=55.0,
        thu=40.0,
        dv=25,
        gpmb=4.0,
        km=3.8,
        project="Dự án cứng hóa kênh tưới tiêu trạm bơm Thiện Phiến",
        places=("thôn Thiện Phiến", "thôn Hải Triều", "thôn Lệ Xá", "thôn Thụy Lôi"),
        perf=1.01,
        breakthroughs=("HH3", "KT1"),
        extras=("DV1",),
    ),
    Unit(
        "HY.X.KIMDONG",
        "Xã Kim Động",
        "commune",
        ROOT,
        "KIMDONG",
        short="Kim Động",
        pop=44.0,
        dtc=64.0,
        thu=50.0,
        dv=26,
        gpmb=6.5,
        km=5.2,
        project="Dự án xây dựng Trạm y tế xã Kim Động đạt chuẩn quốc gia",
        places=("thôn Lương Bằng", "thôn Chính Nghĩa", "thôn Toàn Thắng", "thôn Phạm Ngũ Lão"),
        perf=1.02,
        breakthroughs=("CC3", "AN2"),
    ),
    Unit(
        "HY.X.PHUCU",
        "Xã Phù Cừ",
        "commune",
        ROOT,
        "PHUCU",
        short="Phù Cừ",
        pop=36.0,
        dtc=48.0,
        thu=32.0,
        dv=22,
        gpmb=4.0,
        km=3.0,
        project="Dự án nâng cấp đường liên xã Phù Cừ – Tống Trân",
        places=("thôn Trần Cao", "thôn Quang Hưng", "thôn Tống Trân", "thôn Minh Tiến"),
        perf=1.0,
        breakthroughs=("HH3", "KT1"),
        exact=True,
    ),
    Unit(
        "HY.X.NHUQUYNH",
        "Xã Như Quỳnh",
        "commune",
        ROOT,
        "NHUQUYNH",
        short="Như Quỳnh",
        pop=62.0,
        dtc=140.0,
        thu=260.0,
        tiensdd=120.0,
        dv=38,
        gpmb=18.0,
        km=8.0,
        project="Dự án hạ tầng kỹ thuật khu dân cư mới thôn Ngọc Quỳnh",
        places=("thôn Ngọc Quỳnh", "thôn Lạc Đạo", "thôn Trưng Trắc", "thôn Đình Dù"),
        perf=1.03,
        breakthroughs=("KT1", "HH3"),
        extras=("DV1",),
    ),
    Unit(
        "HY.P.PHOHIEN",
        "Phường Phố Hiến",
        "ward",
        ROOT,
        "PHOHIEN",
        short="Phố Hiến",
        pop=75.0,
        dtc=210.0,
        thu=520.0,
        tiensdd=180.0,
        dv=45,
        gpmb=12.0,
        km=4.0,
        project="Dự án chỉnh trang tuyến phố Bãi Sậy và kè hồ Bán Nguyệt",
        places=(
            "tổ dân phố Phố Hiến",
            "tổ dân phố Hồng Nam",
            "tổ dân phố Lam Sơn",
            "tổ dân phố Hiến Nam",
        ),
        perf=1.03,
        breakthroughs=("CC3", "HH3", "KT1"),
    ),
    Unit(
        "HY.P.SONNAM",
        "Phường Sơn Nam",
        "ward",
        ROOT,
        "SONNAM",
        short="Sơn Nam",
        pop=55.0,
        dtc=150.0,
        thu=310.0,
        tiensdd=110.0,
        dv=36,
        gpmb=9.0,
        km=3.5,
        project="Dự án hạ tầng khu tái định cư phường Sơn Nam",
        places=(
            "tổ dân phố Sơn Nam",
            "tổ dân phố Bảo Khê",
            "tổ dân phố Trung Nghĩa",
            "tổ dân phố Liên Phương",
        ),
        perf=1.0,
        breakthroughs=("CC3", "HH3"),
    ),
    Unit(
        "HY.P.HONGCHAU",
        "Phường Hồng Châu",
        "ward",
        ROOT,
        "HONGCHAU",
        short="Hồng Châu",
        pop=50.0,
        dtc=130.0,
        thu=280.0,
        tiensdd=90.0,
        dv=34,
        gpmb=11.0,
        km=3.2,
        project="Dự án cải tạo đê tả sông Hồng kết hợp đường giao thông đoạn qua phường Hồng Châu",
        places=(
            "tổ dân phố Hồng Châu",
            "tổ dân phố Quảng Châu",
            "tổ dân phố Hoàng Hanh",
            "tổ dân phố Tân Hưng",
        ),
        perf=1.01,
        breakthroughs=("HH3", "AN2"),
    ),
    Unit(
        "HY.P.MYHAO",
        "Phường Mỹ Hào",
        "ward",
        ROOT,
        "MYHAO",
        short="Mỹ Hào",
        pop=82.0,
        dtc=240.0,
        thu=480.0,
        tiensdd=160.0,
        dv=42,
        gpmb=20.0,
        km=5.5,
        project="Dự án đường trục trung tâm nối Quốc lộ 5 với đường tỉnh 380 đoạn qua phường Mỹ Hào",
        places=(
            "tổ dân phố Bần",
            "tổ dân phố Phùng Chí Kiên",
            "tổ dân phố Nhân Hòa",
            "tổ dân phố Dị Sử",
        ),
        perf=1.02,
        breakthroughs=("KT1", "HH3"),
        extras=("DV1",),
    ),
    Unit(
        "HY.P.ANTAO",
        "Phường An Tảo",
        "ward",
        ROOT,
        "ANTAO",
        short="An Tảo",
        pop=40.0,
        dtc=95.0,
        thu=115.0,
        tiensdd=62.0,
        dv=24,
        gpmb=5.0,
        km=2.5,
        project="Dự án hạ tầng kỹ thuật khu đấu giá quyền sử dụng đất X1 phường An Tảo",
        places=(
            "tổ dân phố An Tảo",
            "tổ dân phố Nam Tiến",
            "tổ dân phố Lê Lợi",
            "tổ dân phố Trung Lương",
        ),
        perf=1.0,
        breakthroughs=("CC3", "HH3"),
    ),
)

# Departments (phòng, ban trực thuộc): (code, name, parent).
DEPARTMENTS: tuple[tuple[str, str, str], ...] = (
    ("HY.STC.NS", "Phòng Quản lý ngân sách", "HY.STC"),
    ("HY.STC.DT", "Phòng Quản lý đầu tư", "HY.STC"),
    ("HY.SNV.CCHC", "Phòng Cải cách hành chính", "HY.SNV"),
    ("HY.X.TANPHONG.VP", "Văn phòng HĐND và UBND xã Tân Phong", "HY.X.TANPHONG"),
    ("HY.X.TANPHONG.KT", "Phòng Kinh tế xã Tân Phong", "HY.X.TANPHONG"),
    ("HY.P.PHOHIEN.VP", "Văn phòng HĐND và UBND phường Phố Hiến", "HY.P.PHOHIEN"),
    ("HY.P.PHOHIEN.KTHTDT", "Phòng Kinh tế, Hạ tầng và Đô thị phường Phố Hiến", "HY.P.PHOHIEN"),
    ("HY.P.MYHAO.TTHCC", "Trung tâm Phục vụ hành chính công phường Mỹ Hào", "HY.P.MYHAO"),
)

PLAN_UNITS: tuple[Unit, ...] = AGENCIES + LOCALITIES


def unit_by_code() -> dict[str, Unit]:
    """Return every planned unit (agencies, communes, wards) keyed by code."""
    return {u.code: u for u in PLAN_UNITS}


def unit_by_slug(slug: str) -> Unit:
    """Return the planned unit whose slug is ``slug`` (e.g. ``TANPHONG``)."""
    for unit in PLAN_UNITS:
        if unit.slug == slug:
            return unit
    raise KeyError(slug)


def dept_slug(code: str) -> str:
    """Short key of a department for person codes: HY.X.TANPHONG.VP -> TANPHONG.VP."""
    parts = code.split(".")
    return ".".join(parts[-2:])


def unit_rows() -> list[dict[str, str]]:
    """Rows of the ``units`` sheet: root, agencies, communes/wards, departments."""
    rows = [{"code": ROOT, "name": ROOT_NAME, "kind": "province", "parent_code": ""}]
    for unit in PLAN_UNITS:
        rows.append(
            {"code": unit.code, "name": unit.name, "kind": unit.kind, "parent_code": unit.parent}
        )
    for code, name, parent in DEPARTMENTS:
        rows.append({"code": code, "name": name, "kind": "department", "parent_code": parent})
    return rows
