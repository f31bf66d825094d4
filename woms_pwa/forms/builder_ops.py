"""What the builder does to a definition, in plain Python (tested without a browser).

Administrators fill ordinary inputs (label, type, "required", choices one per
line, "show only when field X is …"); these functions turn them into the
definition's fields, so nobody edits JSON.
"""

from __future__ import annotations

import re
from typing import Any

from analytics.vntext import fold_accents, format_number_plain, parse_number
from woms_pwa.core.forms.definition import NO, YES, FieldType, FormSpec
from woms_pwa.core.messages import forms as msg


def slug(text: str, taken: set[str] | None = None, fallback: str = "truong") -> str:
    """A field key from a Vietnamese label: ``Số cột điện`` → ``so_cot_dien`` (unique)."""
    base = re.sub(r"[^a-z0-9]+", "_", fold_accents(text).lower()).strip("_")[:36] or fallback
    if not base[0].isalpha():
        base = f"{fallback}_{base}"[:36]
    key, n = base, 2
    while taken and key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def _all_keys(data: dict[str, Any]) -> set[str]:
    return {f["key"] for s in data["steps"] for f in s["fields"]}


def _find(data: dict[str, Any], key: str) -> tuple[int, int] | None:
    for si, step in enumerate(data["steps"]):
        for fi, field in enumerate(step["fields"]):
            if field["key"] == key:
                return si, fi
    return None


def _number(text: str) -> float | None:
    return parse_number(text) if text and text.strip() else None


def field_from_form(data: dict[str, Any], form: dict[str, str], editing: str) -> dict[str, Any]:
    """Build a field from the builder's inputs (``editing`` is the key edited, or "")."""
    taken = _all_keys(data) - {editing}
    kind = form.get("type", "text")
    label = form.get("label", "").strip()
    old = (
        {}
        if not editing or (pos := _find(data, editing)) is None
        else data["steps"][pos[0]]["fields"][pos[1]]
    )
    field: dict[str, Any] = {
        "key": editing or slug(label, taken),
        "type": kind,
        "label": label,
        "help": form.get("help", "").strip(),
        "required": form.get("required", "") in ("on", "true", "1"),
    }
    for name in ("min", "max"):
        value = _number(form.get(name, ""))
        if value is not None:
            field[name] = value
    for name in ("unit", "pattern", "default"):
        if form.get(name, "").strip():
            field[name] = form[name].strip()
    size = _number(form.get("max_size_mb", ""))
    if size is not None and kind in (FieldType.FILE, FieldType.PHOTO):
        field["max_size_mb"] = size
    if form.get("compute", "").strip():
        field["compute"] = form["compute"].strip()
    if kind in (FieldType.CHOICE, FieldType.MULTI_CHOICE):
        known = {c["label"]: c["value"] for c in old.get("choices", [])}
        choices: list[dict[str, str]] = []
        used: set[str] = set()
        for line in form.get("choices", "").splitlines():
            if line.strip():
                choice = known.get(line.strip()) or slug(line, used, "lua_chon")
                used.add(choice)
                choices.append({"value": choice, "label": line.strip()})
        field["choices"] = choices
    if kind == FieldType.GROUP:
        field["fields"] = old.get("fields") or [
            {"key": "noi_dung", "type": "text", "label": "Nội dung"}
        ]
    target = form.get("show_if", "")
    if target:
        field["show_if"] = {
            "field": target,
            "values": condition_values(data, target, form.get("show_values", "")),
        }
    return field


def condition_values(data: dict[str, Any], target: str, text: str) -> list[str]:
    """Answer values from what the administrator typed (choice labels, Có/Không, numbers)."""
    pos = _find(data, target)
    field = data["steps"][pos[0]]["fields"][pos[1]] if pos else {}
    labels = {fold_accents(c["label"]).lower(): c["value"] for c in field.get("choices", [])}
    labels.update({"co": YES, "khong": NO})
    values = []
    for line in text.splitlines():
        if line.strip():
            folded = fold_accents(line.strip()).lower()
            values.append(labels.get(folded, line.strip()))
    return values


def put_field(
    data: dict[str, Any], field: dict[str, Any], step: int, editing: str
) -> dict[str, Any]:
    """Insert (at the end of ``step``) or replace a field; returns the new definition data."""
    pos = _find(data, editing) if editing else None
    if pos is not None and pos[0] == step:
        data["steps"][pos[0]]["fields"][pos[1]] = field
    else:
        if pos is not None:
            del data["steps"][pos[0]]["fields"][pos[1]]
        data["steps"][step]["fields"].append(field)
    return data


def move_field(data: dict[str, Any], key: str, delta: int) -> dict[str, Any]:
    """Move a field up or down, crossing into the neighbouring step at the edges."""
    pos = _find(data, key)
    if pos is None:
        return data
    si, fi = pos
    fields = data["steps"][si]["fields"]
    target = fi + delta
    if 0 <= target < len(fields):
        fields[fi], fields[target] = fields[target], fields[fi]
    elif 0 <= si + delta < len(data["steps"]):
        moved = fields.pop(fi)
        neighbour = data["steps"][si + delta]["fields"]
        neighbour.insert(len(neighbour) if delta < 0 else 0, moved)
    return data


def remove_field(data: dict[str, Any], key: str) -> dict[str, Any]:
    """Remove a field (and conditions that pointed at it)."""
    pos = _find(data, key)
    if pos is not None:
        del data["steps"][pos[0]]["fields"][pos[1]]
    for step in data["steps"]:
        for field in step["fields"]:
            if field.get("show_if", {}).get("field") == key:
                field.pop("show_if")
    return data


def add_step(data: dict[str, Any], title: str) -> dict[str, Any]:
    """Append a step."""
    taken = {s["key"] for s in data["steps"]}
    data["steps"].append({"key": slug(title, taken, "buoc"), "title": title.strip(), "fields": []})
    return data


def field_rows(spec: FormSpec) -> list[dict[str, str]]:
    """Rows of the builder's outline: one per step and one per field."""
    rows: list[dict[str, str]] = []
    for si, step in enumerate(spec.steps):
        rows.append(
            {"kind": "step", "key": step.key, "label": step.title, "meta": "", "step": str(si)}
        )
        for field in step.fields:
            meta = [msg.TYPE_LABELS.get(field.type, field.type)]
            if field.required:
                meta.append(msg.FIELD_REQUIRED.lower())
            if field.show_if:
                meta.append(f"hiện khi {field.show_if.field} = {', '.join(field.show_if.values)}")
            if field.min is not None or field.max is not None:
                low = "" if field.min is None else format_number_plain(field.min)
                high = "" if field.max is None else format_number_plain(field.max)
                meta.append(f"{low}…{high}")
            rows.append(
                {
                    "kind": "field",
                    "key": field.key,
                    "label": field.label,
                    "meta": " · ".join(meta),
                    "step": str(si),
                }
            )
    return rows


def edit_values(spec: FormSpec, key: str) -> dict[str, str]:
    """The builder's inputs for an existing field (or defaults for a new one)."""
    for si, step in enumerate(spec.steps):
        for field in step.fields:
            if field.key != key:
                continue
            labels = {c.value: c.label for c in field.choices}
            target = spec.field(field.show_if.field) if field.show_if else None
            shown = [] if field.show_if is None else field.show_if.values
            if target is not None:
                names = {c.value: c.label for c in target.choices} | {
                    YES: msg.YES_LABEL,
                    NO: msg.NO_LABEL,
                }
                shown = [names.get(v, v) for v in shown]
            return {
                "step": str(si),
                "type": field.type.value,
                "label": field.label,
                "help": field.help,
                "required": "1" if field.required else "",
                "min": "" if field.min is None else format_number_plain(field.min),
                "max": "" if field.max is None else format_number_plain(field.max),
                "unit": field.unit,
                "pattern": field.pattern or "",
                "default": field.default or "",
                "choices": "\n".join(labels.values()),
                "show_if": field.show_if.field if field.show_if else "",
                "show_values": "\n".join(shown),
                "compute": field.compute or "",
                "max_size_mb": ""
                if field.max_size_mb is None
                else format_number_plain(field.max_size_mb),
            }
    return {"step": str(len(spec.steps) - 1), "type": "text", "required": ""}
