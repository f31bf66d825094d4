"""People of the demo province: heads and staff of every unit.

Names are drawn from common Vietnamese family, middle and given names with a
generator seeded by the person code, so a person keeps the same name whatever
else changes in the demo. Codes follow ``CB.<SLUG>.<NN>`` and the number is tied
to the role (``01`` is always the head), which lets the other modules find e.g.
the finance officer of a commune without knowing names.
"""

from __future__ import annotations

from dataclasses import dataclass

from .common import EMAIL_DOMAIN, ascii_fold, rng_for
from .units import AGENCIES, DEPARTMENTS, LOCALITIES, ROOT, Unit, dept_slug


@dataclass(frozen=True)
class Person:
    """A person row plus the internal role key used to pick reporters and plans."""

    code: str
    full_name: str
    unit_code: str
    position: str
    is_head: bool
    email: str
    role: str


_FAMILY = (
    ("Nguyễn", 30),
    ("Trần", 10),
    ("Lê", 9),
    ("Phạm", 8),
    ("Hoàng", 5),
    ("Vũ", 6),
    ("Đặng", 3),
    ("Bùi", 4),
    ("Đỗ", 4),
    ("Ngô", 2),
    ("Dương", 2),
    ("Đào", 3),
    ("Đinh", 2),
    ("Lương", 1),
    ("Phan", 2),
    ("Tạ", 1),
    ("Trịnh", 2),
    ("Chu", 1),
    ("Đoàn", 2),
    ("Lưu", 1),
    ("Nghiêm", 1),
)
_MALE_MIDDLE = (
    "Văn",
    "Đức",
    "Minh",
    "Quang",
    "Hữu",
    "Xuân",
    "Thành",
    "Công",
    "Mạnh",
    "Ngọc",
    "Duy",
    "Tiến",
)
_MALE_GIVEN = (
    "Hùng",
    "Dũng",
    "Tuấn",
    "Hải",
    "Long",
    "Nam",
    "Thắng",
    "Cường",
    "Sơn",
    "Trung",
    "Huy",
    "Hiếu",
    "Phong",
    "Quân",
    "Khánh",
    "Thịnh",
    "Toàn",
    "Tùng",
    "Lâm",
    "Bình",
    "Hưng",
    "Kiên",
    "Định",
    "Thạch",
    "Chiến",
    "Nghĩa",
    "Đạt",
    "Vinh",
)
_FEMALE_MIDDLE = ("Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương", "Hồng", "Kim", "Thúy")
_FEMALE_GIVEN = (
    "Hương",
    "Lan",
    "Hà",
    "Hạnh",
    "Huyền",
    "Thảo",
    "Nga",
    "Linh",
    "Mai",
    "Trang",
    "Yến",
    "Dung",
    "Hằng",
    "Oanh",
    "Nhung",
    "Thủy",
    "Loan",
    "Vân",
    "Giang",
    "Liên",
    "Hoa",
    "Ánh",
)

# Role tables: (number, role key, position, probability the holder is a woman).
_PROVINCE_ROLES = (
    ("01", "head", "Bí thư Tỉnh ủy", 0.1),
    ("02", "party", "Phó Bí thư Thường trực Tỉnh ủy", 0.2),
    ("03", "chair", "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh", 0.1),
    ("04", "vice", "Phó Chủ tịch UBND tỉnh", 0.3),
    ("05", "office", "Chuyên viên tổng hợp, Văn phòng Tỉnh ủy", 0.6),
)
_SO_ROLES = (
    ("01", "head", "Giám đốc", 0.2),
    ("02", "vice", "Phó Giám đốc", 0.3),
    ("03", "vice2", "Phó Giám đốc", 0.4),
    ("04", "office", "Chánh Văn phòng Sở", 0.5),
    ("05", "staff", "Chuyên viên", 0.6),
)
_BAN_ROLES = (
    ("01", "head", "Trưởng ban", 0.2),
    ("02", "vice", "Phó Trưởng ban", 0.4),
    ("03", "vice2", "Phó Trưởng ban", 0.4),
    ("04", "office", "Chánh Văn phòng Ban", 0.5),
    ("05", "staff", "Chuyên viên", 0.6),
)


def _locality_roles(unit: Unit) -> tuple[tuple[str, str, str, float], ...]:
    level = "xã" if unit.kind == "commune" else "phường"
    roles = [
        ("01", "head", "Bí thư Đảng ủy", 0.15),
        ("02", "chair", f"Phó Bí thư Đảng ủy, Chủ tịch UBND {level}", 0.2),
        ("03", "vice", f"Phó Chủ tịch UBND {level}", 0.35),
        ("04", "office", "Công chức Văn phòng – Thống kê", 0.6),
        ("05", "finance", "Công chức Tài chính – Kế toán", 0.75),
        ("06", "land", "Công chức Địa chính – Xây dựng", 0.25),
    ]
    # Bigger units (≥ 50 nghìn dân) also have a standing deputy party secretary.
    if unit.pop >= 50:
        roles.append(("07", "party", "Phó Bí thư Thường trực Đảng ủy", 0.3))
    return tuple(roles)


_DEPT_HEAD = {
    "VP": "Chánh Văn phòng",
    "KT": "Trưởng phòng Kinh tế",
    "KTHTDT": "Trưởng phòng Kinh tế, Hạ tầng và Đô thị",
    "TTHCC": "Giám đốc Trung tâm",
    "NS": "Trưởng phòng Quản lý ngân sách",
    "DT": "Trưởng phòng Quản lý đầu tư",
    "CCHC": "Trưởng phòng Cải cách hành chính",
}


def _dept_roles(code: str) -> tuple[tuple[str, str, str, float], ...]:
    key = code.split(".")[-1]
    roles = [("01", "head", _DEPT_HEAD[key], 0.35), ("02", "staff", "Chuyên viên", 0.6)]
    if key in {"TTHCC", "NS", "KT"}:
        roles.append(("03", "staff2", "Chuyên viên", 0.5))
    return tuple(roles)


def _name(code: str, female_share: float) -> str:
    rng = rng_for("person", code)
    families = [f for f, _ in _FAMILY]
    family = rng.choices(families, weights=[w for _, w in _FAMILY])[0]
    if rng.random() < female_share:
        return f"{family} {rng.choice(_FEMALE_MIDDLE)} {rng.choice(_FEMALE_GIVEN)}"
    return f"{family} {rng.choice(_MALE_MIDDLE)} {rng.choice(_MALE_GIVEN)}"


def _email(full_name: str, slug: str, used: set[str]) -> str:
    parts = ascii_fold(full_name).lower().split()
    local = parts[-1] + "".join(p[0] for p in parts[:-1]) + "." + slug.lower().replace(".", "")
    candidate, n = local, 2
    while candidate in used:
        candidate, n = f"{local}{n}", n + 1
    used.add(candidate)
    return f"{candidate}@{EMAIL_DOMAIN}"


def _make(
    unit_code: str, slug: str, roles: tuple[tuple[str, str, str, float], ...], used: set[str]
) -> list[Person]:
    people = []
    for number, role, position, female in roles:
        code = f"CB.{slug}.{number}"
        name = _name(code, female)
        people.append(
            Person(code, name, unit_code, position, role == "head", _email(name, slug, used), role)
        )
    return people


def build_people() -> list[Person]:
    """Return every person of the demo, province first, then agencies, localities, departments."""
    used: set[str] = set()
    people = _make(ROOT, "HY", _PROVINCE_ROLES, used)
    for unit in AGENCIES:
        roles = _BAN_ROLES if unit.code == "HY.BTG" else _SO_ROLES
        people += _make(unit.code, unit.slug, roles, used)
    for unit in LOCALITIES:
        people += _make(unit.code, unit.slug, _locality_roles(unit), used)
    for code, _dept, _parent in DEPARTMENTS:
        people += _make(code, dept_slug(code), _dept_roles(code), used)
    return people


def people_rows(people: list[Person]) -> list[dict[str, str]]:
    """Rows of the ``people`` sheet."""
    return [
        {
            "code": p.code,
            "full_name": p.full_name,
            "unit_code": p.unit_code,
            "position": p.position,
            "is_head": "1" if p.is_head else "0",
            "email": p.email,
        }
        for p in people
    ]


class Directory:
    """Look-ups over the people list: who holds which role in which unit."""

    def __init__(self, people: list[Person]) -> None:
        self.people = people
        self._by_role = {(p.unit_code, p.role): p for p in people}
        self._by_code = {p.code: p for p in people}

    def role(self, unit_code: str, *roles: str) -> Person:
        """Return the first person of ``unit_code`` holding one of ``roles`` (else the head)."""
        for role in (*roles, "head"):
            person = self._by_role.get((unit_code, role))
            if person is not None:
                return person
        raise KeyError(unit_code)

    def get(self, code: str) -> Person:
        """Return the person with ``code``."""
        return self._by_code[code]

    def heads(self) -> list[Person]:
        """Return every head (is_head=1), in sheet order."""
        return [p for p in self.people if p.is_head]
