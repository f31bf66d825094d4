"""Suggestions: accents, abbreviations, proxies for qualitative tasks, learning."""

from __future__ import annotations

import pytest

from metric_library.api import default_catalogue, suggest
from metric_library.suggester import MetricSuggester
from metric_library.textproc import is_qualitative, tokens


@pytest.fixture(scope="module")
def catalogue():
    return default_catalogue()


def codes(text: str, top: int = 5) -> list[str]:
    return [item["code"] for item in suggest(text, top=top)]


def test_disbursement_without_diacritics():
    assert codes("giai ngan von dau tu cong")[0] == "NS.DTC.GIAINGAN"


def test_dan_van_gets_proxy_measures():
    results = suggest("nang cao chat luong cong tac dan van")
    dan_van = [r for r in results if r["area"].endswith("Dân vận, Mặt trận và đoàn thể")]
    assert len(dan_van) >= 3
    assert sum(r["is_proxy"] for r in dan_van) >= 3
    assert results[0]["code"].startswith("XDD.DANVAN.")
    assert "dân vận" in results[0]["why"]


def test_gpmb_abbreviation_is_expanded():
    top = codes("đẩy nhanh GPMB dự án")
    assert top[0].startswith("KT.GPMB.")
    assert {"KT.GPMB.DIENTICH", "KT.GPMB.TYLE_KH"} & set(top)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ty le ho so TTHC dung han", "CCHC.HS.DUNGHAN"),
        ("Không để phát sinh nợ đọng XDCB", "NS.XDCB.NODONG"),
        ("thu NSNN đạt dự toán", "NS.THU.DUTOAN"),
        ("xây dựng NTM nâng cao", "KT.NTM.TIEUCHI"),
        ("kéo giảm TNGT", "QPAN.ATGT.TAINAN_VU"),
        ("tỷ lệ tham gia BHYT", "VHXH.YTE.BHYT"),
    ],
)
def test_abbreviations(text, expected):
    assert expected in codes(text)


def test_json_shape_has_required_keys():
    item = suggest("giải ngân vốn ĐTC", top=1)[0]
    assert {"code", "name", "unit", "direction", "why", "score", "is_proxy"} <= set(item)
    assert item["why"].startswith("Khớp:")
    assert "giải ngân" in item["why"]


def test_tokens_expand_and_fold():
    assert tokens("Giải ngân ĐTC") == ["giai", "ngan", "dtc", "dau", "tu", "cong"]
    assert tokens("mục tiêu KT-XH")[-3:] == ["ktxh", "kinh", "te", "xa", "hoi"][-3:]


def test_qualitative_detection():
    assert is_qualitative("Tăng cường công tác tuyên truyền")
    assert not is_qualitative("Tổ chức 5 hội nghị tuyên truyền")
    assert not is_qualitative("Tỷ lệ hồ sơ đúng hạn")


def test_qualitative_propaganda_task_gets_event_and_participant_proxies():
    top = codes("Tăng cường công tác tuyên truyền")
    assert "XDD.TUYENTRUYEN.HOINGHI" in top
    assert "XDD.TUYENTRUYEN.NGUOITHAMDU" in top


def test_acceptance_ranks_higher_next_time(catalogue):
    text = "tổ chức cho nhân dân góp ý dự thảo văn kiện đại hội"
    target = "XDD.DANVAN.GIAMSAT_PHANBIEN"
    fresh = MetricSuggester(catalogue)
    before = [s.code for s in fresh.suggest(text, top=10)]
    rank_before = before.index(target) if target in before else 99
    fresh.record_acceptance(text, target)
    after = [s.code for s in fresh.suggest("lấy ý kiến nhân dân góp ý dự thảo văn kiện", top=10)]
    assert after[0] == target
    assert after.index(target) < rank_before or rank_before == 0
    # Persisted pairs passed back at construction have the same effect.
    rebuilt = MetricSuggester(catalogue, accepted=[(text, target)])
    assert rebuilt.suggest(text, top=1)[0].code == target
    assert "tương tự" in rebuilt.suggest(text, top=1)[0].why


def test_unknown_code_acceptance_is_ignored(catalogue):
    engine = MetricSuggester(catalogue, accepted=[("abc", "KHONG.CO")])
    assert engine.suggest("giải ngân", top=1)[0].code.startswith("NS.DTC.")


def test_empty_and_zero_top():
    assert suggest("") == []
    assert suggest("   ") == []
    assert suggest("giải ngân", top=0) == []


def test_code_typed_in_text_comes_first():
    assert codes("KR theo mã CCHC.DVC.TRUCTUYEN")[0] == "CCHC.DVC.TRUCTUYEN"


def test_accepted_list_through_api():
    text = "rà soát đảng viên ra nước ngoài"
    result = suggest(text, top=3, accepted=[(text, "XDD.BVCT.THAMTRA")])
    assert result[0]["code"] == "XDD.BVCT.THAMTRA"
