"""Note-led key results, "what did X say about Y", data-quality answers, specific synonyms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest

from assistant.answer import Composer
from assistant.catalogue import Catalogue, KeyResultEntry, PersonEntry, UnitEntry
from assistant.facts import KeyResultFacts
from assistant.index import NoteIndex, open_index
from assistant.quality import Anomaly
from assistant.question import Intent, detect_intent, expand_topic, parse_question
from assistant.sources import Source
from assistant.text import terms

UNITS = (
    UnitEntry("QN", "Tỉnh Quảng Nam", "province"),
    UnitEntry("QN.P.DONGHUNG", "Phường Đông Hưng", "ward", "QN"),
    UnitEntry("QN.X.BINHAN", "Xã Bình An", "commune", "QN"),
    UnitEntry("QN.SNV", "Sở Nội vụ", "agency", "QN"),
    UnitEntry("QN.STC", "Sở Tài chính", "agency", "QN"),
)
KRS = (
    KeyResultEntry("DH-1", "QN.P.DONGHUNG", "Cử 40 lượt cán bộ, công chức đi đào tạo", year=2025),
    KeyResultEntry("DH-2", "QN.P.DONGHUNG", "98% hồ sơ thủ tục hành chính đúng hạn", year=2025),
    KeyResultEntry("DH-3", "QN.P.DONGHUNG", "Thu ngân sách đạt 100% dự toán", year=2025),
    KeyResultEntry("DH-4", "QN.P.DONGHUNG", "Thu tiền sử dụng đất đạt 50 tỷ đồng", year=2025),
    KeyResultEntry("BA-1", "QN.X.BINHAN", "Kết nạp 20 đảng viên mới", year=2025),
    KeyResultEntry("SNV-1", "QN.SNV", "Tuyển dụng 100% chỉ tiêu công chức", year=2025),
)
PEOPLE = (
    PersonEntry("Lê Văn Nội", "QN.SNV", code="CB.SNV.01"),
    PersonEntry("Trần Thị Tài", "QN.STC", code="CB.STC.01"),
    PersonEntry("Phạm Văn Phường", "QN.P.DONGHUNG", code="CB.DH.01"),
)
CATALOGUE = Catalogue(UNITS, KRS, PEOPLE)


def _text(i: int, unit: str, kr: str, text: str, author: str, kind: str = "note") -> Source:
    return Source(
        id=f"n{i}",
        kind=kind,
        text=text,
        unit_code=unit,
        unit_id=i,
        kr_code=kr,
        date=dt.date(2025, 7, 1 + i),
        author=author,
    )


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> NoteIndex:
    folder: Path = tmp_path_factory.mktemp("chroma_intents")
    idx = open_index(str(folder))
    idx.add(
        [
            _text(
                1,
                "QN.P.DONGHUNG",
                "DH-2",
                "Hồ sơ trễ hạn do bộ phận một cửa thiếu 3 công chức sau sắp xếp.",
                "CB.DH.01",
            ),
            _text(
                2,
                "QN.P.DONGHUNG",
                "DH-1",
                "Lũy kế cử 30 lượt cán bộ, công chức đi đào tạo, bồi dưỡng.",
                "CB.DH.01",
                "checkin",
            ),
            _text(
                3,
                "QN.P.DONGHUNG",
                "DH-2",
                "Sở Nội vụ dự kiến bổ sung 3 công chức cho phường qua kỳ thi tuyển tháng 11.",
                "CB.SNV.01",
            ),
            # Names Sở Tài chính, but the province wrote it: not the department's opinion.
            _text(
                4,
                "QN.P.DONGHUNG",
                "DH-3",
                "Tỉnh giao Sở Tài chính hướng dẫn phường thu ngân sách.",
                "CB.TINH.01",
            ),
            _text(
                5,
                "QN.X.BINHAN",
                "BA-1",
                "Rà soát kết nạp đảng viên: nguồn quần chúng giảm do thanh niên đi làm xa.",
                "CB.BA.01",
            ),
            _text(
                6,
                "QN.P.DONGHUNG",
                "DH-3",
                "Đề nghị phường rà soát lại số liệu thu ngân sách, bổ sung minh chứng.",
                "CB.TINH.01",
            ),
        ]
    )
    return idx


def _facts(codes: Sequence[str], until: dt.date | None) -> dict[str, KeyResultFacts]:
    titles = {k.code: k for k in KRS}
    return {
        code: KeyResultFacts(
            code, titles[code].title, titles[code].unit_code, "", "%", "increase", 100, 50, None
        )
        for code in codes
        if code in titles
    }


ANOMALY = Anomaly(
    kr_code="DH-3",
    kr_title="Thu ngân sách đạt 100% dự toán",
    unit_code="QN.P.DONGHUNG",
    unit_name="Phường Đông Hưng",
    unit_id=2,
    kind="exact_target",
    message="Số liệu trùng khít kế hoạch 9/9 kỳ báo cáo.",
    evidence="T1: 8,3; T2: 16,7",
)


def _composer(index: NoteIndex, anomalies: list[Anomaly] | None = None) -> Composer:
    return Composer(
        index,
        CATALOGUE,
        _facts,
        lambda s: True,
        lambda s: "",
        (lambda codes, year: [a for a in anomalies if a.kr_code in codes])
        if anomalies is not None
        else None,
    )


def _ask(index: NoteIndex, question: str, anomalies: list[Anomaly] | None = None):  # type: ignore[no-untyped-def]
    parsed = parse_question(question, CATALOGUE, dt.date(2025, 10, 1))
    return parsed, _composer(index, anomalies).answer(parsed)


def test_notes_choose_the_key_result_when_the_title_misses_the_subject(index: NoteIndex) -> None:
    # The title of DH-1 says "công chức"; only DH-2's note says "thiếu … công chức".
    _, answer = _ask(index, "phường Đông Hưng thiếu mấy công chức")
    assert answer.facts[0].kr_code == "DH-2"
    assert any("thiếu 3 công chức" in c.source.text for c in answer.citations)


def test_the_title_keeps_the_key_result_when_it_covers_the_subject(index: NoteIndex) -> None:
    _, answer = _ask(index, "phường Đông Hưng cử bao nhiêu lượt công chức đi đào tạo")
    assert answer.facts[0].kr_code == "DH-1"


def test_what_one_unit_said_about_another_quotes_only_its_people(index: NoteIndex) -> None:
    parsed, answer = _ask(index, "Sở Nội vụ có ý kiến gì về biên chế cho Đông Hưng")
    assert parsed.intent is Intent.ABOUT
    assert answer.status == "answer"
    assert [c.source.author for c in answer.citations] == ["CB.SNV.01"]
    assert {c.source.unit_code for c in answer.citations} == {"QN.P.DONGHUNG"}


def test_what_one_unit_said_about_another_says_plainly_when_nothing(index: NoteIndex) -> None:
    # A note NAMES Sở Tài chính, but the province wrote it: no opinion of the department.
    _, answer = _ask(index, "Sở Tài chính nói gì về phường Đông Hưng")
    assert answer.status == "no_data"
    assert not answer.citations
    assert "chưa ghi nhận ý kiến nào của Sở Tài chính" in answer.text


def test_data_quality_answers_from_the_anomalies_with_their_evidence(index: NoteIndex) -> None:
    parsed, answer = _ask(
        index, "vì sao phường Đông Hưng báo cáo số liệu giống hệt kế hoạch", [ANOMALY]
    )
    assert parsed.intent is Intent.QUALITY
    kinds = [c.source.kind for c in answer.citations]
    assert kinds[0] == "anomaly" and "T1: 8,3" in answer.citations[0].source.text
    # The note asking to check the figures is quoted; the one about a review of work is not.
    assert any("minh chứng" in c.source.text for c in answer.citations)


def test_data_quality_without_findings_says_so_and_quotes_nothing(index: NoteIndex) -> None:
    _, answer = _ask(index, "xã Bình An có số liệu bất thường nào không", [ANOMALY])
    assert answer.status == "no_data"
    assert not answer.citations
    assert "chưa phát hiện số liệu bất thường" in answer.text


def test_intents_of_said_and_quality_need_their_cues() -> None:
    assert detect_intent("so noi vu co y kien gi ve my hao", 2) is Intent.ABOUT
    assert detect_intent("so sanh y kien cua hai don vi", 2) is Intent.COMPARE
    assert detect_intent("tinh uy phe binh gi ve an tao", 1) is Intent.CONCLUDED
    assert detect_intent("vi sao so lieu giong het ke hoach", 1) is Intent.QUALITY
    assert detect_intent("vi sao giai ngan cham", 1) is Intent.WHY


def test_a_longer_synonym_cue_wins_over_a_shorter_one() -> None:
    land = expand_topic(terms("thu tien dat"))
    assert "su_dung" in land and "ngan_sach" not in land
    budget = expand_topic(terms("du toan thu"))
    assert "ngan_sach" in budget
