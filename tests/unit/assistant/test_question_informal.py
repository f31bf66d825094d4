"""Informal, misspelt and out-of-scope questions on a province the parser never saw."""

from __future__ import annotations

from assistant.catalogue import Catalogue, KeyResultEntry, PersonEntry, UnitEntry
from assistant.evaluate import EvalQuestion, judge
from assistant.question import Intent, asked_kinds, parse_question
from assistant.sources import Source
from assistant.text import canon, is_syllable, words
from assistant.wording import Answer, Citation

UNITS = (
    UnitEntry("QT", "Tỉnh Quảng Trị", "province"),
    UnitEntry("QT.X.VINHLINH", "Xã Vĩnh Linh", "commune", "QT"),
    UnitEntry("QT.X.VINHLINH2", "Xã Vĩnh Lĩnh", "commune", "QT"),
    UnitEntry("QT.P.DONGHA", "Phường Đông Hà", "ward", "QT"),
    UnitEntry("QT.X.MYTHUY", "Xã Mỹ Thủy", "commune", "QT"),
    UnitEntry("QT.SGD", "Sở Giáo dục và Đào tạo", "agency", "QT"),
    UnitEntry("QT.SGD.KHTC", "Phòng Kế hoạch tài chính Sở Giáo dục", "department", "QT.SGD"),
    UnitEntry("QT.SNN.KHTC", "Phòng Kế hoạch tài chính Sở Nông nghiệp", "department", "QT"),
)
KRS = (
    KeyResultEntry("DH-1", "QT.P.DONGHA", "Thu ngân sách đạt 100% dự toán", year=2025),
    KeyResultEntry("DH-2", "QT.P.DONGHA", "Thu tiền sử dụng đất đạt 50 tỷ đồng", year=2025),
    KeyResultEntry("MT-1", "QT.X.MYTHUY", "Giải ngân 100% vốn đầu tư công", year=2025),
    KeyResultEntry("GD-1", "QT.SGD", "Xây mới 12 phòng học mầm non", year=2025),
    KeyResultEntry("QT-1", "QT", "Giải ngân 100% vốn đầu tư công toàn tỉnh", year=2025),
)
PEOPLE = (
    PersonEntry("Hồ Văn Lâm", "QT.X.MYTHUY"),
    PersonEntry("Trần Thị Thu", "QT.SGD"),
    PersonEntry("Trần Thị Thu", "QT.P.DONGHA"),
)
CATALOGUE = Catalogue(UNITS, KRS, PEOPLE)


def _units(question: str) -> list[str]:
    return [u.code for u in parse_question(question, CATALOGUE).units]


def test_spelling_variants_compare_equal() -> None:
    assert canon("fong") == "phong" and canon("thy") == "thi" and canon("my") == "mi"
    assert canon("dzay") == "day" and canon("uy") == "uy" and canon("quy") == "quy"
    assert is_syllable("phong") and is_syllable("nghieng") and not is_syllable("phog")


def test_chat_spellings_and_short_kind_words_find_the_unit() -> None:
    assert _units("Mĩ Thuỷ gn sao chậm z") == ["QT.X.MYTHUY"]
    assert _units("P. Đông Hà thu NS dzậy là sao") == ["QT.P.DONGHA"]
    assert _units("xa mythuy giai ngan") == ["QT.X.MYTHUY"]


def test_a_typo_is_taken_but_a_real_near_name_is_only_suggested() -> None:
    # "Thủg" is no Vietnamese syllable: a typo of "Thủy".
    assert _units("xã Mỹ Thủg giải ngân chậm vì sao") == ["QT.X.MYTHUY"]
    assert _units("vi sao my thuj giai ngan cham") == ["QT.X.MYTHUY"]
    # "Thu" is a real syllable one letter from "Thủy": maybe another commune.
    other = parse_question("xã Mỹ Thu giải ngân thế nào", CATALOGUE)
    assert not other.units and [u.code for u in other.suggested] == ["QT.X.MYTHUY"]
    far = parse_question("xã Tân Lập giải ngân thế nào", CATALOGUE)
    assert not far.units and not far.suggested and far.unknown_place


def test_office_initials_name_an_agency_or_ask_back() -> None:
    assert _units("Sở GDĐT xây phòng học chậm vì sao") == ["QT.SGD"]
    parsed = parse_question("Phòng KHTC giải ngân thế nào", CATALOGUE)
    assert not parsed.units
    assert {u.code for u in parsed.ambiguous[0]} == {"QT.SGD.KHTC", "QT.SNN.KHTC"}


def test_a_persons_full_name_names_their_unit() -> None:
    assert _units("xã của anh Hồ Văn Lâm giải ngân sao rồi") == ["QT.X.MYTHUY"]
    assert _units("don vi anh ho van lam giai ngan") == ["QT.X.MYTHUY"]
    same_name = parse_question("đơn vị chị Trần Thị Thu làm sao rồi", CATALOGUE)
    assert {u.code for u in same_name.ambiguous[0]} == {"QT.SGD", "QT.P.DONGHA"}


def test_questions_outside_the_data_match_no_key_result() -> None:
    for question in ("thời tiết ngày mai thế nào", "giá vàng hôm nay bao nhiêu"):
        parsed = parse_question(question, CATALOGUE)
        assert parsed.off_topic and not parsed.key_results, question
    weather = parse_question("thời tiết Quảng Trị mai ra sao", CATALOGUE)
    assert [u.code for u in weather.units] == ["QT"] and weather.off_topic
    overview = parse_question("phường Đông Hà đang chậm những gì", CATALOGUE)
    assert not overview.off_topic


def test_ordinary_words_holding_a_kind_word_name_no_place() -> None:
    for question in (
        "hồ sơ thủ tục nào trễ hạn",
        "ho so thu tuc nao tre han",
        "tình hình giải ngân toàn tỉnh",
        "phương án bồi thường thế nào",
        "so sánh giải ngân các xã",
    ):
        assert not parse_question(question, CATALOGUE).unknown_place, question
    assert parse_question("tỉnh Bắc Ninh giải ngân thế nào", CATALOGUE).unknown_place
    assert parse_question("Sở Y tế giải ngân thế nào", CATALOGUE).unknown_place


def test_reach_is_not_land() -> None:
    reach = parse_question("dong ha k dat du toan thu la do dau", CATALOGUE)
    assert reach.key_results[0].code == "DH-1"
    land = parse_question("Đông Hà thu tiền sử dụng đất thấp vì sao", CATALOGUE)
    assert land.key_results[0].code == "DH-2"


def test_regional_intent_cues() -> None:
    assert parse_question("Mỹ Thủy giải ngân mần sao chậm dzậy", CATALOGUE).intent is Intent.WHY
    assert parse_question("Mỹ Thủy giải ngân sao rồi", CATALOGUE).intent is Intent.STATUS
    assert parse_question("Tỉnh ủy phê bình gì Mỹ Thủy", CATALOGUE).intent is Intent.CONCLUDED
    risky = parse_question("xã nào dễ trượt chỉ tiêu giải ngân", CATALOGUE)
    assert risky.intent is Intent.RISK and risky.kinds == frozenset({"commune"})
    assert asked_kinds("ho so nao tre han") == frozenset()
    assert words("bao h xong", expand=True) == ["bao", "gio", "xong"]


def _cite(unit: str) -> Citation:
    source = Source(id="n1", kind="note", text="…", unit_code=unit, unit_id=1)
    return Citation(1, source, "…", "")


def test_judge_of_questions_outside_the_data() -> None:
    item = EvalQuestion("giá vàng?", "no_answer", "", (), "out of scope")
    assert judge(item, Answer("Dữ liệu không có.", status="no_data"))[0]
    assert not judge(item, Answer("Các đơn vị…", status="answer"))[0]
    assert not judge(item, Answer("Không rõ.", [_cite("QT")], status="no_unit"))[0]
