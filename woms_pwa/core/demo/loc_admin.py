"""Commune/ward tasks: internal processes and learning (NQ 57)."""

from __future__ import annotations

from .loc_party import level_word
from .model import KR, Task
from .tpl_province import PARENT
from .units import Unit


def process_tasks(u: Unit) -> list[Task]:
    """Administrative-reform and internal-rules tasks (plus optional CC3)."""
    lv = level_word(u)
    n_proc = 4 + round(u.pop / 20)
    tasks = [
        Task(
            "CC1",
            "process",
            "Cải cách hành chính/Thủ tục hành chính",
            "Đẩy mạnh cải cách hành chính, chuyển từ chính quyền hành chính sang chính quyền "
            "phục vụ, kiến tạo",
            [
                KR(
                    "98% hồ sơ thủ tục hành chính được giải quyết đúng hạn",
                    "%",
                    98,
                    baseline=97,
                    metric="CCHC.HS.DUNGHAN",
                    parent=PARENT["CCHC.HS.DUNGHAN"],
                    shape="rate",
                    note="dunghan",
                    role="office",
                ),
                KR(
                    "75% hồ sơ thủ tục hành chính đủ điều kiện được tiếp nhận, xử lý trực tuyến "
                    "toàn trình",
                    "%",
                    75,
                    baseline=52,
                    metric="CCHC.HS.TRUCTUYEN",
                    shape="rate_up",
                    note="tructuyen",
                    role="office",
                ),
                KR(
                    "Chỉ số hài lòng của người dân, doanh nghiệp đạt từ 90% trở lên",
                    "%",
                    90,
                    baseline=87,
                    metric="CCHC.HAILONG",
                    shape="rate",
                    freq="quarterly",
                    note="hailong",
                    role="office",
                ),
            ],
            reference="NQ 76/NQ-CP",
            weight=1.5,
        ),
        Task(
            "CC2",
            "process",
            "Quy chế, quy trình nội bộ",
            f"Hoàn thiện quy chế, quy trình nội bộ sau sắp xếp đơn vị hành chính {lv}",
            [
                KR(
                    f"Ban hành Quy chế làm việc sửa đổi của Đảng ủy, UBND {lv}",
                    "mốc",
                    1,
                    direction="milestone",
                    metric="QC.QUYCHE.LAMVIEC",
                    due="2025-08-31",
                    shape="milestone",
                    freq="once",
                    done=7 + (u.pop > 55),
                    note="quyche",
                    role="office",
                    evidence=True,
                ),
                KR(
                    f"Xây dựng, ban hành {n_proc} quy trình nội bộ giải quyết thủ tục hành chính",
                    "quy trình",
                    n_proc,
                    metric="QC.QUYTRINH.NOIBO",
                    shape="conf",
                    freq="quarterly",
                    note="quytrinh",
                    role="office",
                ),
            ],
        ),
    ]
    if "CC3" in u.breakthroughs:
        tasks.append(
            Task(
                "CC3",
                "process",
                "Cải cách hành chính/Đột phá phục vụ",
                f"Xây dựng {lv} {u.short} có chất lượng phục vụ tốt nhất tỉnh",
                [
                    KR(
                        "Rút ngắn 1/3 thời gian giải quyết hồ sơ đăng ký biến động đất đai",
                        "%",
                        33,
                        kind="okr",
                        baseline=0,
                        metric="CCHC.THOIGIAN.RUTNGAN",
                        shape="rate_up",
                        freq="quarterly",
                        note="rutngan",
                        role="office,land",
                    ),
                    KR(
                        "100% kết quả thủ tục hành chính được trả tại nhà qua bưu chính công ích "
                        "khi người dân yêu cầu",
                        "%",
                        100,
                        kind="okr",
                        baseline=60,
                        metric="CCHC.BUUCHINH.TRAKQ",
                        shape="rate_up",
                        freq="quarterly",
                        note="buuchinh",
                        role="office",
                    ),
                ],
                breakthrough=True,
            )
        )
    return tasks


def learning_tasks(u: Unit) -> list[Task]:
    """Training and digital-transformation tasks (plus optional HH3)."""
    lv = level_word(u)
    n_train = round(20 + u.pop / 2)
    n_llct = 3 + round(u.pop / 25)
    tasks = [
        Task(
            "HH1",
            "learning",
            "Đào tạo, bồi dưỡng",
            "Nâng cao trình độ lý luận chính trị, chuyên môn, kỹ năng cho cán bộ, công chức",
            [
                KR(
                    f"Cử {n_train} lượt cán bộ, công chức đi đào tạo, bồi dưỡng",
                    "lượt",
                    n_train,
                    metric="DT.CANBO.BOIDUONG",
                    shape="conf",
                    freq="quarterly",
                    note="boiduong",
                    role="office",
                ),
                KR(
                    f"{n_llct} cán bộ hoàn thành chương trình trung cấp lý luận chính trị",
                    "người",
                    n_llct,
                    metric="DT.LLCT.TRUNGCAP",
                    shape="step",
                    freq="quarterly",
                    note="llct",
                    role="party,office",
                ),
            ],
        ),
        Task(
            "HH2",
            "learning",
            "Chuyển đổi số/Chính quyền số",
            "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số theo NQ 57-NQ/TW",
            [
                KR(
                    "90% văn bản, hồ sơ công việc được xử lý trên môi trường số",
                    "%",
                    90,
                    baseline=76,
                    metric="CDS.VANBAN.SO",
                    parent=PARENT["CDS.VANBAN.SO"],
                    shape="rate_up",
                    note="vbso",
                    role="office",
                ),
                KR(
                    "100% cán bộ, công chức được bồi dưỡng kỹ năng số và an toàn thông tin",
                    "%",
                    100,
                    baseline=40,
                    metric="CDS.CANBO.KYNANGSO",
                    shape="rate_up",
                    freq="quarterly",
                    note="kynangso",
                    role="office",
                ),
                KR(
                    "90% người dân từ 14 tuổi trở lên có tài khoản định danh điện tử mức 2",
                    "%",
                    90,
                    baseline=68,
                    metric="CDS.VNEID.MUC2",
                    shape="rate_up",
                    freq="quarterly",
                    note="vneid",
                    role="office",
                ),
            ],
            reference="NQ 57-NQ/TW",
        ),
    ]
    if "HH3" in u.breakthroughs:
        tasks.append(
            Task(
                "HH3",
                "learning",
                "Chuyển đổi số/Kinh tế số và xã hội số",
                f"Xây dựng {lv} {u.short} thành {lv} số toàn diện",
                [
                    KR(
                        "50% hộ kinh doanh ứng dụng thanh toán không dùng tiền mặt",
                        "%",
                        50,
                        kind="okr",
                        baseline=28,
                        metric="CDS.TTKDTM.HOKD",
                        shape="rate_up",
                        freq="quarterly",
                        note="ttkdtm",
                        role="office",
                    ),
                    KR(
                        "100% sản phẩm OCOP được truy xuất nguồn gốc bằng mã QR",
                        "%",
                        100,
                        kind="okr",
                        baseline=40,
                        metric="CDS.OCOP.TRUYXUAT",
                        shape="rate_up",
                        freq="quarterly",
                        note="ocop",
                        role="office",
                    ),
                ],
                reference="NQ 57-NQ/TW",
                breakthrough=True,
            )
        )
    return tasks
