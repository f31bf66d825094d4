"""The pure form engine: rules, conditions, formulas, groups; Vietnamese messages."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from woms_pwa.core.forms.definition import FormSpec, parse_definition
from woms_pwa.core.forms.expressions import ExpressionError, evaluate, names_in
from woms_pwa.core.forms.validation import check_answers, validate_answers, visible_keys

PHOTO_KEY = "a" * 64


def _spec(*fields: dict[str, Any]) -> FormSpec:
    return parse_definition(
        {
            "code": "thu_nghiem",
            "title": "Thử",
            "steps": [{"key": "b1", "title": "B1", "fields": list(fields)}],
        }
    )


def _f(key: str, type_: str, **kw: Any) -> dict[str, Any]:
    return {"key": key, "type": type_, "label": kw.pop("label", key.title()), **kw}


SPEC = _spec(
    _f("so_luong", "number", label="Số lượng", required=True, min=0, max=100),
    _f("ty_le", "percent", label="Tỷ lệ"),
    _f("kinh_phi", "money", label="Kinh phí"),
    _f("ngay", "date", label="Ngày"),
    _f("co_vuong", "yes_no", label="Có vướng mắc", required=True),
    _f(
        "ly_do",
        "long_text",
        label="Lý do",
        required=True,
        show_if={"field": "co_vuong", "values": ["co"]},
    ),
    _f(
        "loai",
        "choice",
        label="Loại",
        choices=[{"value": "a", "label": "A"}, {"value": "b", "label": "B"}],
    ),
    _f(
        "nhieu",
        "multi_choice",
        label="Nhiều",
        choices=[{"value": "x", "label": "X"}, {"value": "y", "label": "Y"}],
    ),
    _f("ma", "text", label="Mã hồ sơ", pattern=r"[A-Z]{2}-\d{3}"),
    _f("tong", "number", label="Tổng", compute="so_luong * 2 + ty_le"),
    _f("anh", "photo", label="Ảnh hiện trường", required=True),
)


def _messages(answers: dict[str, Any], **kw: Any) -> dict[str, str]:
    return {e.key: e.message for e in validate_answers(SPEC, answers, **kw)}


def test_missing_required_fields_are_named_in_vietnamese() -> None:
    errors = _messages({})
    assert errors["so_luong"] == "Vui lòng nhập “Số lượng”."
    assert errors["co_vuong"] == "Vui lòng chọn “Có vướng mắc”."
    assert errors["anh"] == "Vui lòng đính kèm “Ảnh hiện trường”."
    assert "ly_do" not in errors  # hidden: its condition does not hold


def test_out_of_range_and_bad_numbers() -> None:
    errors = _messages(
        {
            "so_luong": "150",
            "ty_le": "120",
            "kinh_phi": "1,5 triệu",
            "co_vuong": "khong",
            "anh": PHOTO_KEY,
        }
    )
    assert errors["so_luong"] == "“Số lượng” không được lớn hơn 100."
    assert errors["ty_le"] == "“Tỷ lệ” không được lớn hơn 100."
    assert errors["kinh_phi"].startswith("“Kinh phí” phải là số tiền")
    assert _messages({"so_luong": "mười"})["so_luong"] == "“Số lượng” phải là một số, ví dụ 12,5."
    assert _messages({"so_luong": "-1"})["so_luong"] == "“Số lượng” không được nhỏ hơn 0."


def test_condition_makes_a_field_required_only_when_shown() -> None:
    base = {"so_luong": "5", "anh": PHOTO_KEY}
    assert "ly_do" in _messages({**base, "co_vuong": "co"})
    checked = check_answers(SPEC, {**base, "co_vuong": "khong", "ly_do": "bỏ qua vì bị ẩn"})
    assert checked.ok and "ly_do" not in checked.values
    assert "ly_do" in visible_keys(SPEC, {"co_vuong": "co"})
    assert "ly_do" not in visible_keys(SPEC, {"co_vuong": "khong"})


def test_values_are_cleaned_and_formula_computed() -> None:
    checked = check_answers(
        SPEC,
        {
            "so_luong": "12,5",
            "ty_le": "40",
            "kinh_phi": "1.500.000",
            "ngay": "05/09/2025",
            "co_vuong": "khong",
            "nhieu": ["y", "x"],
            "ma": "HS-123",
            "tong": "999",  # a forged computed value is ignored and recomputed
            "anh": PHOTO_KEY,
        },
    )
    assert checked.ok, checked.errors
    v = checked.values
    assert v["so_luong"] == 12.5 and v["kinh_phi"] == 1_500_000.0 and v["ngay"] == "2025-09-05"
    assert v["nhieu"] == ["x", "y"] and v["tong"] == 65.0


def test_choices_patterns_and_unknown_fields_are_refused() -> None:
    errors = _messages(
        {
            "so_luong": "1",
            "co_vuong": "maybe",
            "loai": "z",
            "nhieu": ["x", "q"],
            "ma": "hs123",
            "anh": PHOTO_KEY,
            "la": "1",
        }
    )
    assert errors["co_vuong"] == "“Có vướng mắc” chỉ nhận Có hoặc Không."
    assert errors["loai"] == "Lựa chọn của “Loại” không có trong danh sách."
    assert errors["nhieu"] == "Lựa chọn của “Nhiều” không có trong danh sách."
    assert errors["ma"] == "“Mã hồ sơ” không đúng định dạng."
    assert "trường lạ" in errors[""]


def test_photo_must_be_a_known_image() -> None:
    base = {"so_luong": "1", "co_vuong": "khong"}
    assert "anh" in _messages({**base, "anh": "không-phải-mã"})
    assert "anh" in _messages({**base, "anh": PHOTO_KEY}, evidence={}.get)
    pdf = {PHOTO_KEY: "application/pdf"}.get
    assert _messages({**base, "anh": PHOTO_KEY}, evidence=pdf)["anh"].startswith(
        "“Ảnh hiện trường” phải là một ảnh"
    )
    assert _messages({**base, "anh": PHOTO_KEY}, evidence={PHOTO_KEY: "image/jpeg"}.get) == {}


def test_repeating_group_rows_are_checked_one_by_one() -> None:
    spec = _spec(
        _f(
            "chung_chi",
            "group",
            label="Chứng chỉ",
            required=True,
            max=2,
            fields=[
                _f("ten", "text", label="Tên", required=True),
                _f("ngay", "date", label="Ngày cấp"),
            ],
        )
    )
    assert validate_answers(spec, {"chung_chi": []})[0].message == "Vui lòng nhập “Chứng chỉ”."
    errors = validate_answers(
        spec, {"chung_chi": [{"ten": "Tin học"}, {"ten": "", "ngay": "31/02/2025"}]}
    )
    assert [e.key for e in errors] == ["chung_chi.1.ten", "chung_chi.1.ngay"]
    too_many = validate_answers(spec, {"chung_chi": [{"ten": "a"}, {"ten": "b"}, {"ten": "c"}]})
    assert too_many[0].message == "“Chứng chỉ” có quá 2 dòng."
    assert validate_answers(spec, {"chung_chi": "không phải danh sách"})[0].key == "chung_chi"


def test_formulas_only_allow_arithmetic() -> None:
    assert names_in("(a - b) / a * 100") == {"a", "b"}
    assert evaluate("a / b", {"a": 1.0, "b": 0.0}) is None
    assert evaluate("round(a / 3, 2)", {"a": 10.0}) == 3.33
    for bad in ("__import__('os')", "a.b", "a ** 2", "'x'", "a if b else c"):
        with pytest.raises(ExpressionError):
            names_in(bad)


def test_bad_definitions_are_refused() -> None:
    with pytest.raises(ValidationError, match="trùng"):
        _spec(_f("a", "text"), _f("a", "number"))
    with pytest.raises(ValidationError, match="không có"):
        _spec(_f("a", "text", show_if={"field": "khong_co", "values": ["x"]}))
    with pytest.raises(ValidationError, match="cần ít nhất một lựa chọn"):
        _spec(_f("a", "choice"))
    with pytest.raises(ValidationError, match="không phải trường số"):
        _spec(_f("a", "text"), _f("b", "number", compute="a + 1"))


def test_condition_may_point_at_a_later_field_and_chains_hide() -> None:
    spec = _spec(
        _f(
            "anh",
            "photo",
            label="Ảnh",
            required=True,
            show_if={"field": "tot", "values": ["khong"]},
        ),
        _f("tot", "yes_no", label="Tốt", show_if={"field": "kiem_tra", "values": ["co"]}),
        _f("kiem_tra", "yes_no", label="Đã kiểm tra"),
    )
    assert visible_keys(spec, {"kiem_tra": "co", "tot": "khong"}) == {"anh", "tot", "kiem_tra"}
    assert [e.key for e in validate_answers(spec, {"kiem_tra": "co", "tot": "khong"})] == ["anh"]
    # "tot" is hidden when not inspected, so "anh" hides with it (and is not required).
    assert visible_keys(spec, {"kiem_tra": "khong", "tot": "khong"}) == {"kiem_tra"}
    assert validate_answers(spec, {"kiem_tra": "khong", "tot": "khong"}) == []
