"""Single-entry validation (used by the admin form) and replacing learned acceptances."""

from __future__ import annotations

import pytest

from metric_library.api import default_catalogue
from metric_library.catalogue import EntryError, parse_entry
from metric_library.suggester import MetricSuggester

VALID = {
    "code": "TEST.A_B",
    "name": "Số tổ hòa giải",
    "definition": "Định nghĩa",
    "formula": "Đếm",
    "unit": "tổ",
    "direction": "increase",
    "perspective": "service",
    "area": "Xây dựng Đảng/Nội chính",
    "data_source": "manual_evidence",
    "evidence": "Biên bản",
    "is_proxy": True,
    "synonyms": " tổ hòa giải |  | hoà giải ",
    "reference": "Luật Hòa giải ở cơ sở",
    "kind_hint": "kpi",
}


def test_parse_entry_builds_a_metric() -> None:
    metric = parse_entry(VALID)
    assert metric.code == "TEST.A_B" and metric.is_proxy
    assert metric.synonyms == ("tổ hòa giải", "hoà giải")


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        ("code", "test.a", "không hợp lệ"),
        ("unit", "  ", "không được để trống"),
        ("direction", "up", "không thuộc"),
        ("is_proxy", "có", "phải là 0 hoặc 1"),
    ],
)
def test_parse_entry_names_the_bad_column(column: str, value: str, fragment: str) -> None:
    with pytest.raises(EntryError) as err:
        parse_entry({**VALID, column: value})
    assert err.value.column == column and fragment in err.value.detail


def test_replace_acceptances_forgets_what_was_learned() -> None:
    suggester = MetricSuggester(default_catalogue())
    text = "to chuc ngay hoi dai doan ket cac thon"

    def rank() -> int:
        codes = [s.code for s in suggester.suggest(text, top=10)]
        return codes.index("XDD.DANVAN.HIENDAT") if "XDD.DANVAN.HIENDAT" in codes else 99

    before = rank()
    suggester.replace_acceptances([("Tổ chức ngày hội đại đoàn kết", "XDD.DANVAN.HIENDAT")])
    assert suggester.learned_count == 1 and rank() < before
    suggester.replace_acceptances([("anything", "KHONG.CO")])
    assert suggester.learned_count == 0 and rank() == before
