"""Question parsing on an unseen province: units from the catalogue's names only."""

from __future__ import annotations

from assistant.catalogue import Catalogue, KeyResultEntry, UnitEntry
from assistant.question import Intent, parse_question
from assistant.text import fold, terms, words

UNITS = (
    UnitEntry("QN", "Tỉnh Quảng Nam", "province"),
    UnitEntry("QN.X.HOABINH", "Xã Hòa Bình", "commune", "QN"),
    UnitEntry("QN.P.HOABINH", "Phường Hòa Bình", "ward", "QN"),
    UnitEntry("QN.X.DONGHUNG", "Xã Đông Hưng", "commune", "QN"),
    UnitEntry("QN.X.ANHAI", "Xã Ân Hải", "commune", "QN"),
    UnitEntry("QN.X.ANHAI2", "Xã An Hải", "commune", "QN"),
)
KRS = (
    KeyResultEntry(
        "DH-1",
        "QN.X.DONGHUNG",
        "Giải ngân 100% kế hoạch vốn đầu tư công",
        metric_code="NS.DTC.GIAINGAN",
        year=2025,
    ),
    KeyResultEntry(
        "DH-2",
        "QN.X.DONGHUNG",
        "Kết nạp 20 đảng viên mới",
        metric_code="XDD.DANGVIEN.MOI",
        year=2025,
    ),
    KeyResultEntry(
        "DH-3",
        "QN.X.DONGHUNG",
        "Thu ngân sách đạt 100% dự toán",
        metric_code="NS.THU.DUTOAN",
        year=2025,
    ),
)
CATALOGUE = Catalogue(UNITS, KRS)


def test_folding_and_terms() -> None:
    assert fold("Giải ngân ĐTC") == "giai ngan dtc"
    assert words("gn chậm", expand=True) == ["giai", "ngan", "cham"]
    assert "giai_ngan" in terms("Giải ngân")


def test_unit_and_key_result_without_diacritics_and_abbreviations() -> None:
    parsed = parse_question("vi sao dong hung gn cham", CATALOGUE)
    assert [u.code for u in parsed.units] == ["QN.X.DONGHUNG"]
    assert parsed.intent is Intent.WHY
    assert parsed.key_results[0].code == "DH-1"


def test_same_name_different_kind_is_ambiguous_unless_kind_given() -> None:
    parsed = parse_question("Hòa Bình thu ngân sách thế nào?", CATALOGUE)
    assert not parsed.units
    assert {u.code for u in parsed.ambiguous[0]} == {"QN.X.HOABINH", "QN.P.HOABINH"}
    parsed = parse_question("phuong hoa binh thu ngan sach the nao", CATALOGUE)
    assert [u.code for u in parsed.units] == ["QN.P.HOABINH"]


def test_typed_accents_separate_names_that_fold_alike() -> None:
    assert [u.code for u in parse_question("Ân Hải kết nạp đảng viên", CATALOGUE).units] == [
        "QN.X.ANHAI"
    ]
    assert parse_question("an hai ket nap dang vien", CATALOGUE).ambiguous


def test_intents_and_periods() -> None:
    assert (
        parse_question("Đơn vị nào có nguy cơ không đạt giải ngân?", CATALOGUE).intent
        is Intent.RISK
    )
    assert parse_question("so sánh Đông Hưng với Ân Hải", CATALOGUE).intent is Intent.COMPARE
    concluded = parse_question("giao ban quý II kết luận gì về Đông Hưng", CATALOGUE)
    assert concluded.intent is Intent.CONCLUDED
    assert concluded.period is not None and concluded.period.label == "quý 2/2025"
    month = parse_question("Đông Hưng giải ngân tháng 6 đạt bao nhiêu", CATALOGUE)
    assert month.intent is Intent.STATUS and month.period is not None and month.period.end.day == 30


def test_numbered_ward_needs_its_kind_word() -> None:
    catalogue = Catalogue(
        (UnitEntry("HCM.P1", "Phường 1", "ward"), UnitEntry("HCM.P2", "Phường 2", "ward")),
        (KeyResultEntry("P1-1", "HCM.P1", "Thu ngân sách đạt 100% dự toán", year=2025),),
    )
    assert not parse_question("tháng 1 thu ngân sách thế nào", catalogue).units
    assert [u.code for u in parse_question("phuong 1 thu ngan sach", catalogue).units] == ["HCM.P1"]


def test_agency_topic_words_are_not_taken_for_its_name() -> None:
    catalogue = Catalogue(
        (*UNITS, UnitEntry("QN.SNV.CCHC", "Phòng Cải cách hành chính", "department", "QN")),
        (
            *KRS,
            KeyResultEntry(
                "DH-4",
                "QN.X.DONGHUNG",
                "98% hồ sơ được giải quyết đúng hạn",
                task_title="Đẩy mạnh cải cách hành chính",
                year=2025,
            ),
        ),
    )
    parsed = parse_question("Đông Hưng cải cách hành chính vướng gì", catalogue)
    assert [u.code for u in parsed.units] == ["QN.X.DONGHUNG"]
    assert parsed.key_results[0].code == "DH-4"


def test_a_typed_key_result_code_names_its_unit() -> None:
    parsed = parse_question("DH-2 vì sao chậm?", CATALOGUE)
    assert [u.code for u in parsed.units] == ["QN.X.DONGHUNG"]
    assert parsed.key_results[0].code == "DH-2"


def test_an_unknown_place_is_flagged_not_replaced() -> None:
    assert parse_question("vì sao xã Tân Lập giải ngân chậm", CATALOGUE).unknown_place
    assert not parse_question("xã nào giải ngân chậm nhất", CATALOGUE).unknown_place
