"""Commune/ward tasks: Party building and the economy (Phụ lục 2, phần I)."""

from __future__ import annotations

from .common import vn_num
from .model import KR, Task
from .tpl_province import PARENT
from .units import Unit


def level_word(u: Unit) -> str:
    """'xã' for a commune, 'phường' for a ward."""
    return "xã" if u.kind == "commune" else "phường"


def party_tasks(u: Unit) -> list[Task]:
    """Party-building tasks: propaganda, organisation, inspection."""
    n_conf = round(8 + u.pop / 6)
    n_check = round(5 + u.pop / 12)
    xd2 = [
        KR(
            f"Kết nạp {u.dv} đảng viên mới",
            "người",
            u.dv,
            metric="XDD.DANGVIEN.MOI",
            parent=PARENT["XDD.DANGVIEN.MOI"],
            shape="party",
            note="dv",
            role="party,office",
            evidence=True,
        ),
        KR(
            "100% đảng viên dự bị đủ điều kiện được xét chuyển đảng chính thức đúng thời hạn",
            "%",
            100,
            metric="XDD.DANGVIEN.CHUYENCHINHTHUC",
            shape="rate",
            freq="quarterly",
            note="dvct",
            role="party,office",
        ),
    ]
    if u.pop >= 45:
        xd2.append(
            KR(
                "Thành lập mới 1 chi bộ trong doanh nghiệp tư nhân",
                "chi bộ",
                1,
                kind="okr",
                metric="XDD.CHIBO.DOANHNGHIEP",
                shape="step",
                freq="quarterly",
                note="chibo",
                role="party,office",
            )
        )
    return [
        Task(
            "XD1",
            "service",
            "Xây dựng Đảng/Công tác tuyên truyền",
            "Tuyên truyền, quán triệt nghị quyết Đại hội Đảng bộ các cấp nhiệm kỳ 2025–2030 "
            "và các chỉ thị, nghị quyết của cấp trên",
            [
                KR(
                    f"Tổ chức {n_conf} hội nghị quán triệt, tuyên truyền nghị quyết, chỉ thị",
                    "hội nghị",
                    n_conf,
                    metric="XDD.TUYENTRUYEN.HOINGHI",
                    shape="conf",
                    freq="quarterly",
                    note="conf",
                    role="party,office",
                ),
                KR(
                    "98% cán bộ, đảng viên tham gia học tập, quán triệt nghị quyết",
                    "%",
                    98,
                    baseline=96,
                    metric="XDD.HOCTAP.NQ",
                    shape="rate",
                    freq="quarterly",
                    note="nq",
                    role="party,office",
                ),
            ],
        ),
        Task(
            "XD2",
            "service",
            "Xây dựng Đảng/Công tác tổ chức",
            "Nâng cao chất lượng tổ chức cơ sở đảng, làm tốt công tác phát triển đảng viên",
            xd2,
            reference="Quy định 24-QĐ/TW",
        ),
        Task(
            "XD3",
            "service",
            "Xây dựng Đảng/Kiểm tra, giám sát và phòng, chống tham nhũng",
            "Thực hiện chương trình kiểm tra, giám sát; phòng, chống tham nhũng, tiêu cực và "
            "giải quyết đơn thư",
            [
                KR(
                    f"Thực hiện {n_check} cuộc kiểm tra, giám sát theo chương trình năm",
                    "cuộc",
                    n_check,
                    metric="XDD.KIEMTRA.CUOC",
                    shape="even",
                    freq="quarterly",
                    note="kiemtra",
                    role="party,office",
                ),
                KR(
                    "100% đơn thư khiếu nại, tố cáo thuộc thẩm quyền được giải quyết đúng hạn",
                    "%",
                    100,
                    metric="NC.DONTHU.DUNGHAN",
                    shape="rate",
                    freq="quarterly",
                    note="donthu",
                    role="vice",
                ),
            ],
            reference="Chỉ thị 50-CT/TW",
        ),
    ]


def economy_tasks(u: Unit) -> list[Task]:
    """Economic tasks: private sector (NQ 68), infrastructure, NTM or urban."""
    lv = level_word(u)
    n_dn = round(u.pop * (0.9 if u.kind == "ward" else 0.55))
    growth = 9.5 if u.kind == "ward" else 8.5
    if "KT1" in u.breakthroughs:
        kt1_title = f"Tạo đột phá phát triển kinh tế tư nhân trên địa bàn {lv} theo NQ 68-NQ/TW"
        n_dn = round(n_dn * 1.3)
    else:
        kt1_title = "Đẩy nhanh tăng trưởng kinh tế, hỗ trợ phát triển doanh nghiệp, hộ kinh doanh"
    if u.kind == "commune":
        kt3 = Task(
            "KT3",
            "service",
            "Kinh tế/Nông thôn mới",
            "Xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu",
            [
                KR(
                    "Đạt 19/19 tiêu chí xã nông thôn mới nâng cao",
                    "tiêu chí",
                    19,
                    baseline=15,
                    metric="NTM.TIEUCHI.DAT",
                    shape="steps",
                    freq="quarterly",
                    note="ntm",
                    role="land,vice",
                ),
                KR(
                    "Thêm 2 thôn đạt chuẩn nông thôn mới kiểu mẫu",
                    "thôn",
                    2,
                    kind="okr",
                    metric="NTM.THON.KIEUMAU",
                    shape="step",
                    freq="quarterly",
                    note="thonkm",
                    role="land,vice",
                ),
            ],
            reference="Quyết định 263/QĐ-TTg",
        )
    else:
        kt3 = Task(
            "KT3",
            "service",
            "Kinh tế/Phát triển đô thị",
            "Chỉnh trang đô thị, xây dựng phường văn minh, sạch đẹp",
            [
                KR(
                    "80% tổ dân phố đạt chuẩn “Tổ dân phố văn minh đô thị”",
                    "%",
                    80,
                    baseline=62,
                    metric="DT.TOPHO.VANMINH",
                    shape="rate_up",
                    freq="quarterly",
                    note="phovm",
                    role="land,vice",
                ),
                KR(
                    "98% chất thải rắn sinh hoạt được thu gom, xử lý",
                    "%",
                    98,
                    baseline=95,
                    metric="MT.CTR.THUGOM",
                    shape="rate",
                    freq="quarterly",
                    note="ctr",
                    role="land,vice",
                ),
            ],
        )
    return [
        Task(
            "KT1",
            "service",
            "Kinh tế/Phát triển kinh tế tư nhân",
            kt1_title,
            [
                KR(
                    f"Tốc độ tăng giá trị sản xuất đạt {vn_num(growth)}%",
                    "%",
                    growth,
                    kind="okr",
                    metric="KT.GTSX.TANGTRUONG",
                    shape="grdp",
                    freq="semi",
                    note="gtsx",
                    role="office",
                ),
                KR(
                    f"Thành lập mới {n_dn} doanh nghiệp trên địa bàn",
                    "doanh nghiệp",
                    n_dn,
                    metric="KT.DN.MOI",
                    shape="even",
                    note="dn",
                    role="office",
                ),
                KR(
                    "Tổ chức 3 lớp tập huấn kỹ năng số, quản trị cho doanh nghiệp, hộ kinh doanh",
                    "lớp",
                    3,
                    metric="KT.TAPHUAN.DOANHNGHIEP",
                    shape="conf",
                    freq="quarterly",
                    note="taphuan",
                    role="office",
                ),
            ],
            reference="NQ 68-NQ/TW",
            breakthrough="KT1" in u.breakthroughs,
        ),
        Task(
            "KT2",
            "service",
            "Kinh tế/Hạ tầng và giải phóng mặt bằng",
            "Phát triển kết cấu hạ tầng, đẩy nhanh giải phóng mặt bằng các dự án trọng điểm",
            [
                KR(
                    f"Hoàn thành giải phóng mặt bằng {vn_num(u.gpmb)} ha, bàn giao cho chủ đầu tư",
                    "ha",
                    u.gpmb,
                    metric="DD.GPMB.DIENTICH",
                    shape="gpmb",
                    note="gpmb",
                    role="land",
                    evidence=True,
                    due="2025-11-30",
                ),
                KR(
                    f"Hoàn thành {vn_num(u.km)} km đường giao thông do {lv} làm chủ đầu tư",
                    "km",
                    u.km,
                    metric="HT.GIAOTHONG.KM",
                    shape="gpmb",
                    freq="quarterly",
                    note="km",
                    role="land",
                ),
            ],
        ),
        kt3,
    ]
