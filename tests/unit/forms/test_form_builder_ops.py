"""The builder's operations: accepted file types, fields of repeating groups, input checks."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from woms_pwa.core.forms.definition import FormSpec, parse_definition
from woms_pwa.core.forms.evidence import EvidencePolicy
from woms_pwa.core.forms.sniff import PDF, PNG
from woms_pwa.forms import builder_ops as ops

BUILTIN = Path(__file__).resolve().parents[3] / "woms_pwa" / "core" / "forms" / "builtin"


def _form() -> dict[str, Any]:
    return {
        "code": "nghiem_thu",
        "title": "Nghiệm thu công trình",
        "steps": [
            {
                "key": "buoc_1",
                "title": "Bước 1",
                "fields": [
                    {"key": "dat_yeu_cau", "type": "yes_no", "label": "Đạt yêu cầu"},
                    {
                        "key": "hang_muc",
                        "type": "group",
                        "label": "Hạng mục",
                        "fields": [{"key": "noi_dung", "type": "text", "label": "Nội dung"}],
                    },
                ],
            }
        ],
    }


def _add(data: dict[str, Any], form: dict[str, str], group: str = "") -> dict[str, Any]:
    field = ops.field_from_form(data, form, "", group)
    if group:
        return ops.put_child(data, group, field, "")
    return ops.put_field(data, field, 0, "")


def _children(data: dict[str, Any]) -> list[dict[str, Any]]:
    group = next(f for f in data["steps"][0]["fields"] if f["key"] == "hang_muc")
    children: list[dict[str, Any]] = group["fields"]
    return children


def test_file_field_stores_the_checked_types_and_limit() -> None:
    data = _form()
    form = {
        "label": "Biên bản nghiệm thu",
        "type": "file",
        "accept_pdf": "on",
        "accept_docx": "on",
        "max_size_mb": "2,5",
    }
    assert ops.field_from_form(data, form, "") == {
        "key": "bien_ban_nghiem_thu",
        "type": "file",
        "label": "Biên bản nghiệm thu",
        "help": "",
        "required": False,
        "max_size_mb": 2.5,
        "accept": [
            PDF,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ],
    }
    spec = parse_definition(_add(data, form))
    field = spec.field("bien_ban_nghiem_thu")
    assert field is not None
    assert EvidencePolicy.for_field(field).allowed == (
        PDF,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    row = next(r for r in ops.field_rows(spec) if r["key"] == "bien_ban_nghiem_thu")
    assert row["meta"] == "Tệp đính kèm · nhận: PDF, Word (.docx) · tối đa 2,5 MB"
    values = ops.edit_values(spec, "bien_ban_nghiem_thu")
    assert values["accept_pdf"] == values["accept_docx"] == "1"
    assert "accept_xlsx" not in values and values["max_size_mb"] == "2.5"


def test_no_type_checked_means_the_defaults_and_photos_keep_only_images() -> None:
    data = _form()
    plain = ops.field_from_form(data, {"label": "Tài liệu", "type": "file"}, "")
    assert "accept" not in plain
    photo = ops.field_from_form(
        data, {"label": "Ảnh", "type": "photo", "accept_pdf": "on", "accept_png": "on"}, ""
    )
    assert photo["accept"] == [PNG]
    only_pdf = ops.field_from_form(data, {"label": "Ảnh", "type": "photo", "accept_pdf": "on"}, "")
    assert "accept" not in only_pdf
    # A text field never carries file settings, whatever was left in the inputs.
    text = ops.field_from_form(
        data, {"label": "Ghi chú", "type": "text", "accept_pdf": "on", "max_size_mb": "x"}, ""
    )
    assert "accept" not in text and "max_size_mb" not in text
    assert [o["label"] for o in ops.accept_options("photo")] == ["ảnh JPEG", "ảnh PNG", "ảnh WebP"]
    assert [o["name"] for o in ops.accept_options("file")] == [
        "accept_jpg",
        "accept_png",
        "accept_webp",
        "accept_pdf",
        "accept_docx",
        "accept_xlsx",
    ]


def test_group_children_are_added_with_keys_unique_and_conditions_in_scope() -> None:
    data = _add(_form(), {"label": "Tên hạng mục", "type": "text", "required": "on"}, "hang_muc")
    data = _add(data, {"label": "Tên hạng mục", "type": "text"}, "hang_muc")
    data = _add(
        data,
        {
            "label": "Lý do chưa đạt",
            "type": "long_text",
            "show_if": "dat_yeu_cau",
            "show_values": "Không",
        },
        "hang_muc",
    )
    data = _add(
        data,
        {"label": "Mức độ", "type": "choice", "choices": "Nhẹ\nNặng"},
        "hang_muc",
    )
    data = _add(
        data,
        {"label": "Ảnh", "type": "photo", "show_if": "muc_do", "show_values": "nặng"},
        "hang_muc",
    )
    assert _children(data) == [
        {"key": "noi_dung", "type": "text", "label": "Nội dung"},
        {
            "key": "ten_hang_muc",
            "type": "text",
            "label": "Tên hạng mục",
            "help": "",
            "required": True,
        },
        {
            "key": "ten_hang_muc_2",
            "type": "text",
            "label": "Tên hạng mục",
            "help": "",
            "required": False,
        },
        {
            "key": "ly_do_chua_dat",
            "type": "long_text",
            "label": "Lý do chưa đạt",
            "help": "",
            "required": False,
            "show_if": {"field": "dat_yeu_cau", "values": ["khong"]},
        },
        {
            "key": "muc_do",
            "type": "choice",
            "label": "Mức độ",
            "help": "",
            "required": False,
            "choices": [{"value": "nhe", "label": "Nhẹ"}, {"value": "nang", "label": "Nặng"}],
        },
        {
            "key": "anh",
            "type": "photo",
            "label": "Ảnh",
            "help": "",
            "required": False,
            "show_if": {"field": "muc_do", "values": ["nang"]},
        },
    ]
    spec = parse_definition(data)
    rows = [r for r in ops.field_rows(spec) if r["kind"] == "child"]
    assert [r["path"] for r in rows][:2] == ["hang_muc.noi_dung", "hang_muc.ten_hang_muc"]
    assert rows[0]["dom_id"] == "hang_muc-noi_dung" and rows[0]["group"] == "hang_muc"
    group_row = next(r for r in ops.field_rows(spec) if r["key"] == "hang_muc")
    assert group_row["is_group"] == "1" and group_row["kind"] == "field"
    # A child depends on a sibling or on a field outside the group, never on a group.
    assert ops.condition_options(spec, "anh", "hang_muc") == [
        {"value": "noi_dung", "label": "Nội dung"},
        {"value": "ten_hang_muc", "label": "Tên hạng mục"},
        {"value": "ten_hang_muc_2", "label": "Tên hạng mục"},
        {"value": "ly_do_chua_dat", "label": "Lý do chưa đạt"},
        {"value": "muc_do", "label": "Mức độ"},
        {"value": "dat_yeu_cau", "label": "Đạt yêu cầu (ngoài nhóm)"},
    ]
    assert ops.condition_options(spec, "") == [{"value": "dat_yeu_cau", "label": "Đạt yêu cầu"}]


def test_child_is_edited_in_place_with_its_key_and_choice_values() -> None:
    data = _add(_form(), {"label": "Mức độ", "type": "choice", "choices": "Nhẹ\nNặng"}, "hang_muc")
    spec = parse_definition(data)
    values = ops.edit_values(spec, "muc_do", "hang_muc")
    assert values["group"] == "hang_muc" and values["choices"] == "Nhẹ\nNặng"
    form = {**values, "label": "Mức độ hư hỏng", "choices": "Nặng\nRất nặng", "required": "on"}
    field = ops.field_from_form(data, form, "muc_do", "hang_muc")
    data = ops.put_child(data, "hang_muc", field, "muc_do")
    assert _children(data)[1] == {
        "key": "muc_do",
        "type": "choice",
        "label": "Mức độ hư hỏng",
        "help": "",
        "required": True,
        "choices": [
            {"value": "nang", "label": "Nặng"},
            {"value": "rat_nang", "label": "Rất nặng"},
        ],
    }
    assert len(_children(data)) == 2
    assert ops.edit_values(spec, "", "hang_muc") == {
        "step": "0",
        "type": "text",
        "required": "",
        "group": "hang_muc",
    }


def test_children_move_within_their_group_and_removal_drops_conditions() -> None:
    data = _add(_form(), {"label": "Có hư hỏng", "type": "yes_no"}, "hang_muc")
    data = _add(
        data,
        {"label": "Mô tả", "type": "text", "show_if": "co_hu_hong", "show_values": "Có"},
        "hang_muc",
    )
    data = _add(
        data,
        {"label": "Ghi chú", "type": "text", "show_if": "dat_yeu_cau", "show_values": "Có"},
        "hang_muc",
    )
    data = ops.move_field(data, "hang_muc.mo_ta", -1)
    assert [f["key"] for f in _children(data)] == ["noi_dung", "mo_ta", "co_hu_hong", "ghi_chu"]
    before = copy.deepcopy(data)
    assert ops.move_field(data, "hang_muc.noi_dung", -1) == before  # already first: no crossing
    data = ops.remove_field(data, "hang_muc.co_hu_hong")
    assert [f["key"] for f in _children(data)] == ["noi_dung", "mo_ta", "ghi_chu"]
    assert "show_if" not in _children(data)[1]
    # Removing a field of the step also drops the conditions of children pointing at it.
    data = ops.remove_field(data, "dat_yeu_cau")
    assert "show_if" not in _children(data)[2]
    parse_definition(data)
    data = ops.remove_field(ops.remove_field(data, "hang_muc.mo_ta"), "hang_muc.ghi_chu")
    with pytest.raises(ops.BuilderError, match="ít nhất một trường con"):
        ops.remove_field(data, "hang_muc.noi_dung")
    assert [f["key"] for f in _children(data)] == ["noi_dung"]


def test_builder_refuses_in_vietnamese_what_the_definition_would_refuse() -> None:
    data = _form()
    cases = [
        ({"label": "  ", "type": "text"}, "", "Vui lòng nhập nhãn câu hỏi."),
        ({"label": "Số", "type": "number", "min": "mười"}, "", "“Nhỏ nhất” phải là một số"),
        ({"label": "Số", "type": "number", "min": "5", "max": "1"}, "", "nhỏ nhất không được"),
        ({"label": "Tệp", "type": "file", "max_size_mb": "80"}, "", "không quá 50 MB"),
        ({"label": "Tệp", "type": "file", "max_size_mb": "0"}, "", "lớn hơn 0"),
        ({"label": "Chọn", "type": "choice", "choices": "\n"}, "", "ít nhất một lựa chọn"),
        ({"label": "Mã", "type": "text", "pattern": "[0-9"}, "", "biểu thức chính quy"),
        ({"label": "X", "type": "text", "show_if": "dat_yeu_cau"}, "", "câu trả lời làm hiện"),
        ({"label": "X" * 301, "type": "text"}, "", "“Nhãn câu hỏi” dài quá 300 ký tự."),
        ({"label": "Nhóm con", "type": "group"}, "hang_muc", "Không thể đặt nhóm lặp"),
    ]
    for form, group, message in cases:
        with pytest.raises(ops.BuilderError, match=message):
            ops.field_from_form(data, form, "", group)
    with pytest.raises(ops.BuilderError, match="Không tìm thấy nhóm lặp “dat_yeu_cau”"):
        ops.field_from_form(data, {"label": "Y", "type": "text"}, "", "dat_yeu_cau")
    assert data == _form()


def test_typed_inputs_are_kept_as_editor_values() -> None:
    typed = {"label": "Biên bản", "type": "file", "required": "on", "accept_pdf": "on", "help": "x"}
    assert ops.inputs_as_edit(typed, "hang_muc") == {
        "label": "Biên bản",
        "type": "file",
        "required": "1",
        "accept_pdf": "1",
        "help": "x",
        "group": "hang_muc",
    }


def test_builtin_group_with_a_file_child_lists_and_round_trips() -> None:
    spec: FormSpec = parse_definition((BUILTIN / "nang_luc.json").read_text(encoding="utf-8"))
    data = spec.model_dump(mode="json", exclude_defaults=True)
    values = ops.edit_values(spec, "file", "certificates")
    field = ops.field_from_form(data, {**values, "accept_pdf": "on"}, "file", "certificates")
    data = ops.put_child(data, "certificates", field, "file")
    again = parse_definition(data)
    certificates = again.field("certificates")
    assert certificates is not None
    assert [(f.key, f.accept) for f in certificates.fields] == [
        ("name", []),
        ("issued_on", []),
        ("file", [PDF]),
    ]


def test_field_goes_into_a_new_empty_step_as_stored() -> None:
    # The stored draft leaves out defaults, so a step without fields has no "fields" key.
    data = ops.add_step(_form(), "Hồ sơ")
    data["steps"][1].pop("fields")
    field = ops.field_from_form(data, {"label": "Biên bản", "type": "file"}, "")
    data = ops.put_field(data, field, 1, "")
    assert data["steps"][1] == {
        "key": "ho_so",
        "title": "Hồ sơ",
        "fields": [
            {"key": "bien_ban", "type": "file", "label": "Biên bản", "help": "", "required": False}
        ],
    }
    data["steps"][1]["fields"] = []
    data["steps"][1].pop("fields")
    assert ops.move_field(data, "dat_yeu_cau", 1)["steps"][1]["fields"] == []
