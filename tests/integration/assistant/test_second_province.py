"""The assistant on a province it was never tuned on (no Hưng Yên names or stories).

A small coastal province is written as exchange-format CSV files, imported,
indexed, and asked questions in several styles. Each answer must be about the
right unit and cite no other unit's text, even where another unit's note (the
province's conclusion, a neighbour's report) talks about the same problem.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from woms_pwa.core import assistant_service
from woms_pwa.core.db import session_scope
from woms_pwa.core.exchange.importer import import_dataset
from woms_pwa.core.exchange.schema import PLAN
from woms_pwa.core.permissions import Actor
from woms_pwa.core.settings import Settings

UNITS = [
    ("BD", "Tỉnh Bình Định", "province", ""),
    ("BD.X.CATTHANH", "Xã Cát Thành", "commune", "BD"),
    ("BD.X.CATTHANG", "Xã Cát Thắng", "commune", "BD"),
    ("BD.P.NHONBINH", "Phường Nhơn Bình", "ward", "BD"),
    ("BD.SYT", "Sở Y tế", "agency", "BD"),
    ("BD.SXD", "Sở Xây dựng", "agency", "BD"),
    ("BD.SYT.KHTC", "Phòng Kế hoạch – Tài chính Sở Y tế", "department", "BD.SYT"),
    ("BD.SXD.KHTC", "Phòng Kế hoạch – Tài chính Sở Xây dựng", "department", "BD.SXD"),
]
PEOPLE = [
    ("BD.01", "Võ Minh Khôi", "BD", "Phó Chủ tịch UBND tỉnh", 1),
    ("CT.01", "Phạm Văn Tâm", "BD.X.CATTHANH", "Bí thư Đảng ủy xã", 1),
    ("CT.02", "Đinh Thị Hạnh", "BD.X.CATTHANH", "Công chức Tài chính – Kế toán", 0),
    ("CG.01", "Trương Quốc Bảo", "BD.X.CATTHANG", "Bí thư Đảng ủy xã", 1),
    ("NB.01", "Huỳnh Thanh Phong", "BD.P.NHONBINH", "Chủ tịch UBND phường", 1),
    ("YT.01", "Lê Thị Hoa", "BD.SYT", "Giám đốc Sở", 1),
    ("XD.01", "Nguyễn Hữu Lộc", "BD.SXD", "Giám đốc Sở", 1),
]
PLAN_COLUMNS = list(PLAN.columns)  # the exchange format's own column order


def _kr(owner: str, task: str, task_title: str, code: str, title: str, **extra: str) -> dict:
    row = dict.fromkeys(PLAN_COLUMNS, "")
    row.update(
        owner_code=owner,
        period="2025",
        perspective=extra.pop("perspective", "budget"),
        area=extra.pop("area", "Ngân sách/Đầu tư công"),
        task_code=task,
        task=task_title,
        kr_code=code,
        kr=title,
        kind="kpi",
        breakthrough="0",
        baseline="0",
        direction="increase",
        evidence_required="0",
    )
    row.update(extra)
    return row


PLAN = [
    _kr("BD.X.CATTHANH", "NS1", "Đầu tư công", "CT-NS1.1", "Giải ngân 100% kế hoạch vốn đầu tư công năm 2025", unit="%", target="100", metric_code="NS.DTC.GIAINGAN"),
    _kr("BD.X.CATTHANG", "NS1", "Đầu tư công", "CG-NS1.1", "Giải ngân 100% kế hoạch vốn đầu tư công năm 2025", unit="%", target="100", metric_code="NS.DTC.GIAINGAN"),
    _kr("BD.P.NHONBINH", "NS2", "Thu ngân sách", "NB-NS2.1", "Thu ngân sách trên địa bàn đạt 100% dự toán", unit="%", target="100", metric_code="NS.THU.DUTOAN"),
    _kr("BD.SYT", "YT1", "Y tế dự phòng", "YT-YT1.1", "98% trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", unit="%", target="98", perspective="service", area="Y tế"),
    _kr("BD.SXD", "XD1", "Cải cách hành chính", "XD-CC1.1", "100% hồ sơ cấp giấy phép xây dựng giải quyết đúng hạn", unit="%", target="100", perspective="process", area="Cải cách hành chính"),
]  # fmt: skip
CHECKINS = [
    ("CT-NS1.1", "2025-03-31", "8", "Giải ngân chậm do nhà thầu thi công kè chắn sóng thôn Tân Thắng thiếu cát, đá sau mùa mưa bão.", "CT.02"),
    ("CT-NS1.1", "2025-06-30", "17", "Kè chắn sóng thôn Tân Thắng vẫn thiếu vật liệu, mỏ đá Núi Bà chưa được gia hạn giấy phép khai thác.", "CT.02"),
    ("CG-NS1.1", "2025-03-31", "20", "Lũy kế giải ngân 20% kế hoạch vốn; tiếp tục thanh toán khối lượng hoàn thành.", "CG.01"),
    ("CG-NS1.1", "2025-06-30", "33", "Lũy kế giải ngân 33% kế hoạch vốn; nghiệm thu giai đoạn đường liên thôn.", "CG.01"),
    ("NB-NS2.1", "2025-03-31", "14", "Thu ngân sách thấp vì các doanh nghiệp nuôi tôm giảm sản lượng do dịch bệnh đốm trắng.", "NB.01"),
    ("NB-NS2.1", "2025-06-30", "30", "Dịch bệnh trên tôm chưa được khống chế, nhiều hộ nuôi tạm dừng thả giống.", "NB.01"),
    ("YT-YT1.1", "2025-03-31", "60", "Tỷ lệ tiêm chủng thấp do thiếu vắc xin 5 trong 1, Bộ Y tế chậm phân bổ.", "YT.01"),
    ("YT-YT1.1", "2025-06-30", "70", "Vẫn thiếu vắc xin 5 trong 1 tại 40 trạm y tế xã, phường.", "YT.01"),
    ("XD-CC1.1", "2025-03-31", "90", "Hồ sơ trễ hạn vì chuyển đổi phần mềm dịch vụ công, dữ liệu cũ chưa đồng bộ.", "XD.01"),
]  # fmt: skip
NOTES = [
    # About Cát Thành's problem, but written under other units: never its cause.
    ("2025-04-10", "BD", "", "BD.01", "UBND tỉnh kết luận: xã Cát Thành giải ngân chậm do thiếu cát, đá cho kè chắn sóng; giao Sở Xây dựng gia hạn mỏ đá."),
    ("2025-05-02", "BD.X.CATTHANG", "CG-NS1.1", "CG.01", "Xã Cát Thắng hỗ trợ xã Cát Thành 500 m3 đá hộc cho kè chắn sóng do thiếu vật liệu."),
    ("2025-07-10", "BD.X.CATTHANH", "CT-NS1.1", "BD.01", "UBND tỉnh yêu cầu xã Cát Thành hoàn thành kè chắn sóng trước mùa mưa bão."),
]  # fmt: skip


def _write(folder: Path, name: str, header: list[str], rows: list) -> None:
    with (folder / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row[h] for h in header] if isinstance(row, dict) else row)


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The coastal province imported from CSV into a fresh database, indexed."""
    from woms_pwa.core.migrate import upgrade

    root = tmp_path_factory.mktemp("binhdinh")
    folder = root / "csv"
    folder.mkdir()
    _write(folder, "units.csv", ["code", "name", "kind", "parent_code"], UNITS)
    _write(
        folder,
        "people.csv",
        ["code", "full_name", "unit_code", "position", "is_head", "email"],
        [(*p, "") for p in PEOPLE],
    )
    _write(folder, "plan.csv", PLAN_COLUMNS, PLAN)
    _write(
        folder,
        "checkins.csv",
        ["kr_code", "date", "value", "note", "reported_by", "evidence"],
        [(*c, "") for c in CHECKINS],
    )
    _write(folder, "notes.csv", ["date", "unit_code", "kr_code", "author", "text"], NOTES)
    url = f"sqlite:///{root / 'bd.db'}"
    upgrade(url)
    with session_scope(url) as session:
        import_dataset(session, folder)
    settings = Settings(db_url=url, chroma_path=str(root / "chroma"))
    with session_scope(url) as session:
        assistant_service.sync(session, settings)
    return settings


def _ask(settings: Settings, question: str):  # type: ignore[no-untyped-def]
    with session_scope(settings.db_url) as session:
        return assistant_service.ask(
            session, Actor.system("kiểm thử"), question, settings, refresh=False
        )


@pytest.mark.parametrize(
    ("question", "unit", "cause"),
    [
        ("Vì sao xã Cát Thành giải ngân chậm?", "BD.X.CATTHANH", "kè chắn sóng"),
        ("vi sao xa cat thanh giai ngan cham vay", "BD.X.CATTHANH", "kè chắn sóng"),
        ("cát thàh gn sao chậm z", "BD.X.CATTHANH", "kè chắn sóng"),
        ("xã của anh Phạm Văn Tâm giải ngân vướng gì", "BD.X.CATTHANH", "kè chắn sóng"),
        ("P. Nhơn Bình thu NS thấp do đâu", "BD.P.NHONBINH", "tôm"),
        ("phuong nhon binh thu ngan sach tien do sao roi", "BD.P.NHONBINH", "tôm"),
        ("Sở YT tiêm chủng trẻ em chậm vì sao?", "BD.SYT", "vắc xin"),
        ("đơn vị chị Lê Thị Hoa tiêm chủng đạt bao nhiêu", "BD.SYT", "vắc xin"),
        ("so xay dung ho so cap phep tre han vi sao", "BD.SXD", "phần mềm"),
    ],
)
def test_the_right_unit_and_only_its_own_texts(
    province: Settings, question: str, unit: str, cause: str
) -> None:
    answer = _ask(province, question)
    assert answer.status == "answer", answer.text
    cited = {c.source.unit_code for c in answer.citations}
    assert cited == {unit}, (question, cited)
    assert any(cause in c.source.text for c in answer.citations), answer.text


def test_a_neighbours_note_on_the_same_problem_is_not_its_cause(province: Settings) -> None:
    # Cát Thắng's own texts state no cause; its note on helping Cát Thành with
    # stone is about Cát Thành, and the province's conclusion belongs to the province.
    answer = _ask(province, "Vì sao xã Cát Thắng giải ngân chậm?")
    assert {c.source.unit_code for c in answer.citations} <= {"BD.X.CATTHANG"}
    assert "chưa ghi nhận nguyên nhân" in answer.text or "đang đạt tiến độ" in answer.text
    assert "Cát Thành" not in answer.text


def test_a_name_near_a_unit_but_another_place_is_asked_back(province: Settings) -> None:
    # "Hanh" is a real syllable one letter from "Thành": maybe another commune, so ask.
    answer = _ask(province, "xã Cát Hanh giải ngân thế nào")
    assert answer.status == "clarify" and answer.options == ["Xã Cát Thành"]
    assert not answer.citations
    unknown = _ask(province, "xã Hoài Nhơn giải ngân thế nào")
    assert unknown.status == "no_unit" and not unknown.citations


def test_ambiguous_office_initials_ask_back(province: Settings) -> None:
    answer = _ask(province, "Phòng KHTC giải ngân sao rồi")
    assert answer.status == "clarify"
    assert {"Phòng Kế hoạch – Tài chính Sở Y tế", "Phòng Kế hoạch – Tài chính Sở Xây dựng"} <= set(
        answer.options
    )


@pytest.mark.parametrize(
    "question",
    ["thời tiết Quy Nhơn mai thế nào", "giá vàng hôm nay bao nhiêu", "kể chuyện cười đi"],
)
def test_out_of_scope_is_declined_without_sources(province: Settings, question: str) -> None:
    answer = _ask(province, question)
    assert answer.status in ("no_unit", "no_data")
    assert not answer.citations


def test_risk_question_names_the_lagging_commune_with_its_own_cause(province: Settings) -> None:
    answer = _ask(province, "xã nào có nguy cơ không đạt giải ngân")
    assert answer.status == "answer"
    assert "Xã Cát Thành" in answer.text
    assert "Phường" not in answer.text  # "xã nào": communes only
    for citation in answer.citations:
        assert citation.source.unit_code in {"BD.X.CATTHANH", "BD.X.CATTHANG"}
        if "kè" in citation.source.text:
            assert citation.source.unit_code == "BD.X.CATTHANH"
