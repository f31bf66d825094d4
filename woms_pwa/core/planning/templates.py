"""The proposal's Đề cương templates as data: Phụ lục 1 (agencies), Phụ lục 2 (communes/wards).

A template lists, per perspective, the areas (lĩnh vực) a plan is expected to
cover, with the proposal's hints and example tasks; the drafting wizard pre-fills
its perspective/area choices from it and the Đề cương PDF uses its signature block.
"""

from __future__ import annotations

from dataclasses import dataclass

from woms_pwa.core.vocab import UnitKind

AGENCY = "phu_luc_1"
LOCALITY = "phu_luc_2"


@dataclass(frozen=True)
class TemplateArea:
    """One area of a perspective, with the proposal's guidance."""

    perspective: str
    area: str
    hint: str = ""
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanTemplate:
    """One Đề cương template."""

    code: str
    title: str
    audience: str
    signature: tuple[str, ...]
    areas: tuple[TemplateArea, ...]

    def areas_of(self, perspective: str) -> list[TemplateArea]:
        """The template's areas of one perspective, in order."""
        return [a for a in self.areas if a.perspective == perspective]


_BUDGET = (
    TemplateArea(
        "budget",
        "Ngân sách/Đầu tư công",
        "Quản lý hiệu quả, đúng tiến độ vốn đầu tư công.",
        ("Giải ngân 100% vốn đầu tư công", "Không để phát sinh nợ đọng XDCB"),
    ),
    TemplateArea(
        "budget",
        "Ngân sách/Thu – chi ngân sách",
        "Thực hiện tốt dự toán thu – chi ngân sách.",
        ("Thu ngân sách đạt 100% dự toán", "100% nhiệm vụ chi được hoàn thành"),
    ),
    TemplateArea(
        "budget",
        "Ngân sách/Công khai, minh bạch",
        "Quản lý tài chính, ngân sách công khai, minh bạch.",
        ("100% báo cáo dự toán được công khai đúng hạn",),
    ),
    TemplateArea(
        "budget",
        "Ngân sách/Tiết kiệm chi thường xuyên",
        "Tiết kiệm và hiệu quả chi thường xuyên (NQ 119/NQ-CP).",
        ("Tiết kiệm 5% chi thường xuyên",),
    ),
)

_PROCESS = (
    TemplateArea(
        "process",
        "Cải cách hành chính",
        "Hoàn thiện quy chế, quy trình nội bộ; chính quyền phục vụ, kiến tạo.",
        (
            "Cắt giảm 30% thủ tục hành chính",
            "Rút ngắn 1/3 thời gian giải quyết hồ sơ",
            "Chỉ số hài lòng của người dân đạt 85%",
        ),
    ),
)

_AGENCY_AREAS = (
    TemplateArea(
        "service",
        "Nhiệm vụ theo sứ mệnh, chức năng",
        "Các nhiệm vụ chính theo chức năng, nhiệm vụ chung của cơ quan.",
    ),
    *_BUDGET,
    *_PROCESS,
    TemplateArea(
        "learning",
        "Đào tạo, bồi dưỡng",
        "Đào tạo nhân viên, lãnh đạo; cập nhật kiến thức, kỹ năng.",
        ("Tỷ lệ cán bộ được bồi dưỡng kỹ năng số đạt 75%",),
    ),
    TemplateArea("learning", "Cơ sở vật chất, mua sắm", "Mua sắm, sửa chữa (nếu có)."),
    TemplateArea(
        "learning",
        "Chuyển đổi số",
        "Khoa học, công nghệ, chuyển đổi số theo Nghị quyết 57 (KPI Quy chế 02-QC/BCĐTW).",
        ("Thu hút 2–3 nhân lực công nghệ số", "100% phòng họp có wifi"),
    ),
)

_LOCALITY_AREAS = (
    TemplateArea(
        "service",
        "Xây dựng Đảng/Công tác tuyên truyền",
        "Công tác chính trị, tư tưởng: đo bằng số hội nghị, người tham dự, cuộc thi.",
        ("Tổ chức hội nghị quán triệt nghị quyết",),
    ),
    TemplateArea(
        "service",
        "Xây dựng Đảng/Tổ chức đảng",
        "Công tác tổ chức xây dựng Đảng, đảng viên, cán bộ.",
        ("Kết nạp đảng viên mới", "100% đảng viên dự bị được chuyển chính thức"),
    ),
    TemplateArea(
        "service",
        "Xây dựng Đảng/Kiểm tra, giám sát",
        "Kiểm tra, giám sát và thi hành kỷ luật Đảng.",
        ("Số cuộc kiểm tra, giám sát hoàn thành",),
    ),
    TemplateArea(
        "service",
        "Xây dựng Đảng/Nội chính, phòng chống tham nhũng",
        "Nội chính, cải cách tư pháp, phòng chống tham nhũng, tiêu cực.",
    ),
    TemplateArea(
        "service",
        "Xây dựng Đảng/Dân vận, MTTQ",
        "Dân vận, phát huy vai trò MTTQ và các tổ chức chính trị – xã hội.",
    ),
    TemplateArea(
        "service",
        "Kinh tế – xã hội/Phát triển kinh tế",
        "Tăng trưởng, hạ tầng, thu hút đầu tư, nông nghiệp, đất đai, kinh tế tư nhân (NQ 68).",
        ("Tốc độ tăng giá trị sản xuất", "Hoàn thành giải phóng mặt bằng"),
    ),
    TemplateArea(
        "service",
        "Kinh tế – xã hội/Văn hóa – xã hội",
        "Giáo dục, y tế, văn hóa, an sinh xã hội, giảm nghèo.",
    ),
    TemplateArea(
        "service",
        "Quốc phòng – an ninh",
        "Tuyển quân, phòng chống tội phạm, tệ nạn, an toàn giao thông.",
        ("Hoàn thành 100% chỉ tiêu tuyển quân",),
    ),
    TemplateArea("service", "Công tác đối ngoại", "Hoạt động đối ngoại của địa phương."),
    *_BUDGET,
    *_PROCESS,
    TemplateArea(
        "learning",
        "Đào tạo, bồi dưỡng cán bộ",
        "Nâng cao trình độ lý luận chính trị, nghiệp vụ, kỹ năng cho cán bộ công chức xã.",
    ),
    TemplateArea(
        "learning",
        "Chuyển đổi số",
        "Xã số toàn diện: chính quyền số, kinh tế số, xã hội số (NQ 57).",
        ("80% văn bản hành chính được xử lý trên môi trường số",),
    ),
    TemplateArea(
        "learning",
        "Cơ sở vật chất, điều kiện làm việc",
        "Mua sắm, xây dựng, sửa chữa lớn (nếu có).",
    ),
)

TEMPLATES: dict[str, PlanTemplate] = {
    AGENCY: PlanTemplate(
        AGENCY,
        "Phụ lục 1 – Đề cương cho cơ quan, đơn vị",
        "Đối với các cơ quan, đơn vị",
        ("THỦ TRƯỞNG", "(ký, đóng dấu)"),
        _AGENCY_AREAS,
    ),
    LOCALITY: PlanTemplate(
        LOCALITY,
        "Phụ lục 2 – Đề cương cho xã, phường",
        "Đối với các xã, phường",
        ("TM. BAN THƯỜNG VỤ", "BÍ THƯ", "(ký, đóng dấu)"),
        _LOCALITY_AREAS,
    ),
}

_LOCALITY_KINDS = {UnitKind.COMMUNE.value, UnitKind.WARD.value, UnitKind.SPECIAL_ZONE.value}


def template_for_unit_kind(kind: str) -> PlanTemplate:
    """Phụ lục 2 for communes, wards and special zones; Phụ lục 1 for everything else."""
    return TEMPLATES[LOCALITY if kind in _LOCALITY_KINDS else AGENCY]


def get_template(code: str | None) -> PlanTemplate | None:
    """The template of a code, or ``None``."""
    return TEMPLATES.get(code or "")
