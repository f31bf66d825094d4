"""Flat wizard answers ↔ nested answers, display rows, and the builder's operations."""

from __future__ import annotations

import json
from pathlib import Path

from woms_pwa.core.forms.definition import parse_definition
from woms_pwa.forms import builder_ops as ops
from woms_pwa.forms.answers import from_nested, review_rows, step_rows, to_nested

BUILTIN = Path(__file__).resolve().parents[3] / "woms_pwa" / "core" / "forms" / "builtin"


def _load(code: str):  # type: ignore[no-untyped-def]
    return parse_definition((BUILTIN / f"{code}.json").read_text(encoding="utf-8"))


def test_group_answers_round_trip_through_flat_keys() -> None:
    spec = _load("nang_luc")
    nested = {
        "skills": [
            {"skill": "Phân tích dữ liệu bằng Excel", "confirmed_by": "head", "description": ""},
            {"skill": "Soạn thảo văn bản điện tử", "confirmed_by": "council", "description": "x"},
        ]
    }
    flat, groups = from_nested(spec, nested)
    assert flat["skills.1.confirmed_by"] == "council" and groups["skills"] == 2
    assert to_nested(spec, flat, groups) == nested


def test_checkin_rows_show_the_blocker_only_when_at_risk() -> None:
    spec = _load("cap_nhat_thang")
    rows, options = step_rows(spec, 0, {"value": "3"}, {}, {})
    assert [r["key"] for r in rows] == ["value", "confidence", "note", "evidence"]
    rows, options = step_rows(spec, 0, {"value": "3", "confidence": "at_risk"}, {}, {})
    assert [r["key"] for r in rows] == [
        "value",
        "confidence",
        "blocker_type",
        "blocker_text",
        "note",
        "evidence",
    ]
    assert [o["selected"] for o in options["confidence"]] == ["0", "1", "0"]
    assert rows[0]["input_mode"] == "decimal"


def test_review_rows_use_vietnamese_formats() -> None:
    spec = _load("sang_kien")
    values = {
        "title": "Số hoá hồ sơ",
        "kind": "initiative",
        "scope": "province",
        "recognised": "co",
        "decision": "QĐ 12",
        "saving_vnd": 1_500_000.0,
    }
    rows = {
        r["label"]: r["value"] for r in review_rows(spec, values, {}, set(values) | {"product"})
    }
    assert rows["Loại"] == "Sáng kiến" and rows["Đã có quyết định công nhận"] == "Có"
    assert rows["Giá trị làm lợi ước tính"] == "1.500.000 đ" or rows[
        "Giá trị làm lợi ước tính"
    ].startswith("1.500.000")
    assert rows["Sản phẩm, hiệu quả đo được"] == "(bỏ trống)"


def test_builder_adds_conditional_field_moves_and_removes() -> None:
    data = json.loads(_load("phat_sinh").model_dump_json(exclude_defaults=True))
    field = ops.field_from_form(
        data, {"label": "Có phối hợp với đơn vị khác", "type": "yes_no", "required": "on"}, ""
    )
    data = ops.put_field(data, field, 0, "")
    extra = ops.field_from_form(
        data,
        {
            "label": "Đơn vị phối hợp",
            "type": "choice",
            "choices": "Công an xã\nTrạm y tế",
            "show_if": "co_phoi_hop_voi_don_vi_khac",
            "show_values": "Có",
        },
        "",
    )
    data = ops.put_field(data, extra, 0, "")
    spec = parse_definition(data)
    added = spec.field("don_vi_phoi_hop")
    assert added is not None and added.show_if is not None and added.show_if.values == ["co"]
    assert [c.value for c in added.choices] == ["cong_an_xa", "tram_y_te"]
    data = ops.move_field(data, "don_vi_phoi_hop", -1)
    assert [f["key"] for f in data["steps"][0]["fields"]][-2:] == [
        "don_vi_phoi_hop",
        "co_phoi_hop_voi_don_vi_khac",
    ]
    data = ops.remove_field(data, "co_phoi_hop_voi_don_vi_khac")
    assert "show_if" not in data["steps"][0]["fields"][-1]
    parse_definition(data)
    assert ops.slug("Số cột điện", {"so_cot_dien"}) == "so_cot_dien_2"
