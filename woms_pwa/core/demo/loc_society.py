"""Commune/ward tasks: society, defence-security and budget."""

from __future__ import annotations

from .common import vn_num
from .loc_party import level_word
from .model import KR, Task
from .tpl_province import PARENT
from .units import Unit


def society_tasks(u: Unit) -> list[Task]:
    """Social, defence and security tasks (plus optional AN2, DV1)."""
    poor0 = round(0.9 + u.pop / 60 - (0.3 if u.kind == "ward" else 0), 2)
    poor1 = round(poor0 * 0.7, 2)
    n_army = round(u.pop * 1.1)
    accidents0 = round(u.pop / 7)
    accidents1 = max(2, int(accidents0 * 0.9))
    tasks = [
        Task(
            "VH1",
            "service",
            "Văn hóa - Xã hội/An sinh xã hội và giảm nghèo",
            "Bảo đảm an sinh xã hội, giảm nghèo bền vững, chăm lo đời sống nhân dân",
            [
                KR(
                    f"Giảm tỷ lệ hộ nghèo xuống còn {vn_num(poor1, 2)}%",
                    "%",
                    poor1,
                    direction="decrease",
                    baseline=poor0,
                    metric="XH.HONGHEO.TYLE",
                    shape="level_down",
                    freq="semi",
                    note="hongheo",
                    role="office",
                ),
                KR(
                    "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%",
                    "%",
                    95,
                    baseline=92.5,
                    metric="XH.BHYT.TYLE",
                    shape="rate_up",
                    freq="quarterly",
                    note="bhyt",
                    role="office",
                ),
            ],
        ),
        Task(
            "QP1",
            "service",
            "Quốc phòng - An ninh/Quân sự và trật tự an toàn xã hội",
            "Hoàn thành nhiệm vụ quân sự, quốc phòng địa phương; bảo đảm trật tự an toàn giao thông",
            [
                KR(
                    f"Giao quân đạt 100% chỉ tiêu ({n_army} công dân)",
                    "%",
                    100,
                    metric="QP.TUYENQUAN.CHITIEU",
                    due="2025-03-15",
                    shape="tuyenquan",
                    freq="once",
                    done=2,
                    note="tuyenquan",
                    role="chair",
                    meta={"n": n_army},
                ),
                KR(
                    f"Số vụ tai nạn giao thông không vượt quá {accidents1} vụ (giảm ≥ 10% so với 2024)",
                    "vụ",
                    accidents1,
                    direction="decrease",
                    baseline=accidents0,
                    metric="AN.TNGT.SOVU",
                    shape="cap",
                    note="tngt",
                    role="vice",
                ),
            ],
        ),
    ]
    if "AN2" in u.breakthroughs:
        tasks.append(
            Task(
                "AN2",
                "service",
                "Quốc phòng - An ninh/Phòng, chống ma túy",
                f"Xây dựng {level_word(u)} {u.short} thành địa bàn không ma túy",
                [
                    KR(
                        f"Được UBND tỉnh công nhận {level_word(u)} không ma túy",
                        "mốc",
                        1,
                        direction="milestone",
                        kind="okr",
                        metric="AN.MATUY.KHONGMATUY",
                        due="2025-12-15",
                        shape="milestone",
                        freq="none",
                        note="matuy",
                        role="vice",
                    ),
                    KR(
                        "Tổ chức cai nghiện cho 100% người nghiện có hồ sơ quản lý",
                        "%",
                        100,
                        kind="okr",
                        metric="AN.CAINGHIEN.TYLE",
                        shape="rate_up",
                        freq="quarterly",
                        baseline=70,
                        note="cainghien",
                        role="vice",
                    ),
                ],
                reference="Chỉ thị 36-CT/TW",
                breakthrough=True,
            )
        )
    if "DV1" in u.extras:
        tasks.append(
            Task(
                "DV1",
                "service",
                "Xây dựng Đảng/Công tác dân vận",
                "Thực hiện tốt công tác dân vận, phát huy vai trò Mặt trận Tổ quốc và các đoàn thể",
                [
                    KR(
                        "Tổ chức 4 hội nghị đối thoại giữa người đứng đầu với nhân dân",
                        "hội nghị",
                        4,
                        metric="DV.DOITHOAI.HOINGHI",
                        shape="conf",
                        freq="quarterly",
                        note="doithoai",
                        role="party,office",
                    ),
                    KR(
                        "Xây dựng 3 mô hình “Dân vận khéo” được công nhận",
                        "mô hình",
                        3,
                        metric="DV.MOHINH.DANVANKHEO",
                        shape="conf",
                        freq="quarterly",
                        note="dvkheo",
                        role="party,office",
                    ),
                ],
            )
        )
    return tasks


def budget_tasks(u: Unit) -> list[Task]:
    """Budget tasks: public investment, revenue and spending."""
    lv = level_word(u)
    n_works = 2 + round(u.dtc / 60)
    ns2 = [
        KR(
            f"Thu ngân sách trên địa bàn đạt 100% dự toán ({vn_num(u.thu)} tỷ đồng)",
            "%",
            100,
            metric="NS.THU.DUTOAN",
            parent=PARENT["NS.THU.DUTOAN"],
            shape="revenue",
            note="thu",
            role="finance",
            meta={"total": u.thu},
        )
    ]
    if u.tiensdd:
        ns2.append(
            KR(
                f"Thu tiền sử dụng đất đạt {vn_num(u.tiensdd)} tỷ đồng",
                "tỷ đồng",
                u.tiensdd,
                metric="NS.THU.TIENSDD",
                shape="land_fee",
                note="tiensdd",
                role="finance,land",
                evidence=True,
            )
        )
    ns2 += [
        KR(
            "Hoàn thành 100% nhiệm vụ chi theo dự toán được giao",
            "%",
            100,
            metric="NS.CHI.DUTOAN",
            shape="even",
            freq="quarterly",
            note="chi",
            role="finance",
        ),
        KR(
            "Tiết kiệm 10% chi thường xuyên tăng thêm so với dự toán năm 2024",
            "%",
            10,
            metric="NS.CHITX.TIETKIEM",
            shape="rate_up",
            baseline=0,
            freq="quarterly",
            note="tietkiem",
            role="finance",
            reference="NQ 119/NQ-CP",
        ),
    ]
    return [
        Task(
            "NS1",
            "budget",
            "Ngân sách/Đầu tư công",
            "Quản lý hiệu quả, đúng tiến độ vốn đầu tư công",
            [
                KR(
                    f"Giải ngân 100% kế hoạch vốn đầu tư công năm 2025 ({vn_num(u.dtc)} tỷ đồng)",
                    "%",
                    100,
                    metric="NS.DTC.GIAINGAN",
                    parent=PARENT["NS.DTC.GIAINGAN"],
                    shape="disb",
                    note="giaingan",
                    role="finance",
                    evidence=True,
                    weight=3,
                    meta={"total": u.dtc},
                ),
                KR(
                    "Không để phát sinh nợ đọng xây dựng cơ bản",
                    "tỷ đồng",
                    0,
                    direction="decrease",
                    baseline=0,
                    metric="NS.XDCB.NODONG",
                    shape="zero",
                    freq="quarterly",
                    note="nodong",
                    role="finance",
                    weight=1,
                ),
                KR(
                    f"Đưa {n_works} công trình hoàn thành vào sử dụng",
                    "công trình",
                    n_works,
                    metric="NS.CONGTRINH.HOANTHANH",
                    shape="step",
                    freq="quarterly",
                    note="congtrinh",
                    role="land",
                    weight=1,
                ),
            ],
            reference="Luật Đầu tư công 2024",
            weight=2,
        ),
        Task(
            "NS2",
            "budget",
            "Ngân sách/Thu, chi ngân sách",
            f"Thực hiện tốt dự toán thu – chi ngân sách {lv}, tiết kiệm chi thường xuyên",
            ns2,
            weight=1.5,
        ),
    ]
