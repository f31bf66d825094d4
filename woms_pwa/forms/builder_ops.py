"""What the builder does to a definition, in plain Python (tested without a browser).

Administrators fill ordinary inputs (label, type, "required", choices one per
line, "show only when field X is …", accepted file types as checkboxes); these
functions turn them into the definition's fields, so nobody edits JSON.

A field is named by its *path*: ``key`` for a field of a step, ``group.key``
for a field inside the repeating group ``group`` (groups are never nested).
"""

from __future__ import annotations

import re
from typing import Any

from analytics.vntext import fold_accents, format_number_plain, format_number_vi, parse_number
from woms_pwa.core.forms.definition import (
    FILE_TYPES,
    NO,
    YES,
    FieldDef,
    FieldType,
    FormSpec,
)
from woms_pwa.core.forms.evidence import IMAGE_TYPES
from woms_pwa.core.forms.sniff import EXTENSIONS
from woms_pwa.core.messages import forms as msg

Field = dict[str, Any]
ON = ("on", "true", "1")
MAX_SIZE_MB = 50.0
# Longest text each input may hold (the definition's limits, checked here to answer in Vietnamese).
TEXT_LIMITS = {
    "label": (300, msg.FIELD_LABEL),
    "help": (1000, msg.FIELD_HELP),
    "unit": (40, msg.FIELD_UNIT),
    "pattern": (200, msg.FIELD_PATTERN),
    "default": (2000, msg.FIELD_DEFAULT),
    "compute": (300, msg.FIELD_COMPUTE),
}
CHOICE_LABEL_LIMIT = 200
STEP_TITLE_LIMIT = 200


class BuilderError(ValueError):
    """Builder inputs that cannot become a field; the message is Vietnamese."""


def slug(text: str, taken: set[str] | None = None, fallback: str = "truong") -> str:
    """A field key from a Vietnamese label: ``Số cột điện`` → ``so_cot_dien`` (unique)."""
    base = re.sub(r"[^a-z0-9]+", "_", fold_accents(text).lower()).strip("_")[:36] or fallback
    if not base[0].isalpha():
        base = f"{fallback}_{base}"[:36]
    key, n = base, 2
    while taken and key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def split_path(path: str) -> tuple[str, str]:
    """``group.key`` → (``group``, ``key``); ``key`` → ("", ``key``)."""
    group, _, key = path.rpartition(".")
    return group, key


def accept_name(mime: str) -> str:
    """The builder's checkbox name for a content type: ``application/pdf`` → ``accept_pdf``."""
    return "accept_" + EXTENSIONS[mime]


def accept_options(kind: str) -> list[dict[str, str]]:
    """Checkboxes of accepted types offered for a file (every known type) or photo field."""
    offered = IMAGE_TYPES if kind == FieldType.PHOTO else tuple(EXTENSIONS)
    return [{"name": accept_name(m), "label": msg.FILE_KIND_LABELS[m]} for m in offered]


def _normalise(data: dict[str, Any]) -> dict[str, Any]:
    """Give every step its field list (a stored empty step has none: defaults are left out)."""
    for step in data["steps"]:
        step.setdefault("fields", [])
    return data


def _all_keys(data: dict[str, Any]) -> set[str]:
    return {f["key"] for s in data["steps"] for f in s["fields"]}


def _every_key(data: dict[str, Any]) -> set[str]:
    """Keys of every field, inside groups too (new keys avoid all of them)."""
    keys = _all_keys(data)
    for step in data["steps"]:
        for field in step["fields"]:
            keys.update(f["key"] for f in field.get("fields", []))
    return keys


def _find(data: dict[str, Any], key: str) -> tuple[int, int] | None:
    for si, step in enumerate(data["steps"]):
        for fi, field in enumerate(step["fields"]):
            if field["key"] == key:
                return si, fi
    return None


def _top(data: dict[str, Any], key: str) -> Field | None:
    pos = _find(data, key)
    return None if pos is None else data["steps"][pos[0]]["fields"][pos[1]]


def _children(data: dict[str, Any], group: str) -> list[Field]:
    """The child fields of repeating group ``group`` (the stored list, changed in place)."""
    field = _top(data, group)
    if field is None or field.get("type") != FieldType.GROUP:
        raise BuilderError(msg.BUILDER_GROUP_MISSING.format(key=group))
    children: list[Field] = field.setdefault("fields", [])
    return children


def _number(text: str, name: str) -> float | None:
    if not text or not text.strip():
        return None
    value = parse_number(text)
    if value is None:
        raise BuilderError(msg.BUILDER_NOT_NUMBER.format(name=name))
    return value


def check_inputs(form: dict[str, str]) -> None:
    """Refuse, in Vietnamese, inputs the definition would refuse with a technical message.

    Raises:
        BuilderError: label missing, a text too long, a number or pattern unreadable,
            a size limit out of range, a choice field without choices, a condition
            without values.
    """
    if not form.get("label", "").strip():
        raise BuilderError(msg.BUILDER_LABEL_MISSING)
    for name, (limit, title) in TEXT_LIMITS.items():
        if len(form.get(name, "").strip()) > limit:
            raise BuilderError(msg.BUILDER_TOO_LONG.format(name=title, max=limit))
    low = _number(form.get("min", ""), msg.FIELD_MIN)
    high = _number(form.get("max", ""), msg.FIELD_MAX)
    if low is not None and high is not None and low > high:
        raise BuilderError(msg.BUILDER_MIN_ABOVE_MAX)
    kind = form.get("type", "text")
    if kind in FILE_TYPES:
        size = _number(form.get("max_size_mb", ""), msg.FIELD_MAX_SIZE)
        if size is not None and not 0 < size <= MAX_SIZE_MB:
            raise BuilderError(msg.BUILDER_SIZE_RANGE)
    if form.get("pattern", "").strip():
        try:
            re.compile(form["pattern"].strip())
        except re.error as exc:
            raise BuilderError(msg.BUILDER_BAD_PATTERN) from exc
    if kind in (FieldType.CHOICE, FieldType.MULTI_CHOICE):
        lines = [line.strip() for line in form.get("choices", "").splitlines() if line.strip()]
        if not lines:
            raise BuilderError(msg.BUILDER_NO_CHOICES)
        if any(len(line) > CHOICE_LABEL_LIMIT for line in lines):
            raise BuilderError(
                msg.BUILDER_TOO_LONG.format(name=msg.FIELD_CHOICES, max=CHOICE_LABEL_LIMIT)
            )
    if form.get("show_if", "") and not form.get("show_values", "").strip():
        raise BuilderError(msg.BUILDER_CONDITION_VALUES)


def field_from_form(
    data: dict[str, Any], form: dict[str, str], editing: str, group: str = ""
) -> Field:
    """Build a field from the builder's inputs.

    Args:
        data: the draft definition (JSON data).
        form: the editor's inputs, as text.
        editing: the key of the field edited, or "" for a new field.
        group: the repeating group the field belongs to ("" for a field of a step).

    Returns:
        The field's JSON data (the key of an edited field never changes).

    Raises:
        BuilderError: see :func:`check_inputs`; a group inside a group.
    """
    check_inputs(form)
    _normalise(data)
    kind = form.get("type", "text")
    label = form.get("label", "").strip()
    if group and kind == FieldType.GROUP:
        raise BuilderError(msg.BUILDER_NESTED_GROUP)
    siblings = _children(data, group) if group else None
    if siblings is None:
        old = (_top(data, editing) if editing else None) or {}
    else:
        old = next((f for f in siblings if f["key"] == editing), {}) if editing else {}
    field: Field = {
        "key": editing or slug(label, _every_key(data)),
        "type": kind,
        "label": label,
        "help": form.get("help", "").strip(),
        "required": form.get("required", "") in ON,
    }
    for name, title in (("min", msg.FIELD_MIN), ("max", msg.FIELD_MAX)):
        value = _number(form.get(name, ""), title)
        if value is not None:
            field[name] = value
    for name in ("unit", "pattern", "default"):
        if form.get(name, "").strip():
            field[name] = form[name].strip()
    if kind in FILE_TYPES:
        size = _number(form.get("max_size_mb", ""), msg.FIELD_MAX_SIZE)
        if size is not None:
            field["max_size_mb"] = size
        # Only the types offered for this kind count (a photo never accepts a PDF).
        offered = IMAGE_TYPES if kind == FieldType.PHOTO else tuple(EXTENSIONS)
        chosen = [m for m in offered if form.get(accept_name(m), "") in ON]
        if chosen:
            field["accept"] = chosen
    if form.get("compute", "").strip():
        field["compute"] = form["compute"].strip()
    if kind in (FieldType.CHOICE, FieldType.MULTI_CHOICE):
        # Existing choices keep their stored value, so answers already given stay valid.
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
            "values": condition_values(data, target, form.get("show_values", ""), group),
        }
    return field


def _condition_target(data: dict[str, Any], target: str, group: str) -> Field:
    # Inside a group a sibling shadows a step's field of the same key, as in the engine.
    if group:
        sibling = next((f for f in _children(data, group) if f["key"] == target), None)
        if sibling is not None:
            return sibling
    return _top(data, target) or {}


def condition_values(data: dict[str, Any], target: str, text: str, group: str = "") -> list[str]:
    """Answer values from what the administrator typed (choice labels, Có/Không, numbers)."""
    _normalise(data)
    field = _condition_target(data, target, group)
    labels = {fold_accents(c["label"]).lower(): c["value"] for c in field.get("choices", [])}
    labels.update({"co": YES, "khong": NO})
    values = []
    for line in text.splitlines():
        if line.strip():
            folded = fold_accents(line.strip()).lower()
            values.append(labels.get(folded, line.strip()))
    return values


def put_field(data: dict[str, Any], field: Field, step: int, editing: str) -> dict[str, Any]:
    """Insert (at the end of ``step``) or replace a field; returns the new definition data."""
    _normalise(data)
    pos = _find(data, editing) if editing else None
    if pos is not None and pos[0] == step:
        data["steps"][pos[0]]["fields"][pos[1]] = field
    else:
        if pos is not None:
            del data["steps"][pos[0]]["fields"][pos[1]]
        data["steps"][step]["fields"].append(field)
    return data


def put_child(data: dict[str, Any], group: str, field: Field, editing: str) -> dict[str, Any]:
    """Insert (at the end of ``group``) or replace a field of a repeating group."""
    _normalise(data)
    children = _children(data, group)
    index = next((i for i, f in enumerate(children) if f["key"] == editing), None)
    if editing and index is not None:
        children[index] = field
    else:
        children.append(field)
    return data


def move_field(data: dict[str, Any], path: str, delta: int) -> dict[str, Any]:
    """Move a field up or down.

    A field of a step crosses into the neighbouring step at the edges; a field of
    a group stays in its group.
    """
    _normalise(data)
    group, key = split_path(path)
    if group:
        children = _children(data, group)
        index = next((i for i, f in enumerate(children) if f["key"] == key), None)
        if index is not None and 0 <= index + delta < len(children):
            target = index + delta
            children[index], children[target] = children[target], children[index]
        return data
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


def _drop_conditions(fields: list[Field], key: str) -> None:
    for field in fields:
        if field.get("show_if", {}).get("field") == key:
            field.pop("show_if")


def remove_field(data: dict[str, Any], path: str) -> dict[str, Any]:
    """Remove a field and the conditions that pointed at it.

    Raises:
        BuilderError: the last field of a group (a group needs one).
    """
    _normalise(data)
    group, key = split_path(path)
    if group:
        children = _children(data, group)
        if [f["key"] for f in children] == [key]:
            raise BuilderError(msg.BUILDER_LAST_CHILD)
        children[:] = [f for f in children if f["key"] != key]
        _drop_conditions(children, key)
        return data
    pos = _find(data, key)
    if pos is not None:
        del data["steps"][pos[0]]["fields"][pos[1]]
    for step in data["steps"]:
        _drop_conditions(step["fields"], key)
        for field in step["fields"]:
            children = field.get("fields", [])
            # A sibling of the same key is what those conditions mean; keep them.
            if all(f["key"] != key for f in children):
                _drop_conditions(children, key)
    return data


def add_step(data: dict[str, Any], title: str) -> dict[str, Any]:
    """Append a step.

    Raises:
        BuilderError: a title longer than the definition allows.
    """
    if len(title.strip()) > STEP_TITLE_LIMIT:
        raise BuilderError(msg.BUILDER_TOO_LONG.format(name=msg.STEP_TITLE, max=STEP_TITLE_LIMIT))
    taken = {s["key"] for s in data["steps"]}
    data["steps"].append({"key": slug(title, taken, "buoc"), "title": title.strip(), "fields": []})
    return data


def _meta(field: FieldDef) -> str:
    meta = [msg.TYPE_LABELS.get(field.type, field.type)]
    if field.required:
        meta.append(msg.FIELD_REQUIRED.lower())
    if field.show_if:
        meta.append(f"hiện khi {field.show_if.field} = {', '.join(field.show_if.values)}")
    if field.min is not None or field.max is not None:
        low = "" if field.min is None else format_number_plain(field.min)
        high = "" if field.max is None else format_number_plain(field.max)
        meta.append(f"{low}…{high}")
    if field.type in FILE_TYPES and field.accept:
        types = ", ".join(msg.FILE_KIND_LABELS.get(t, t) for t in field.accept)
        meta.append(msg.FIELD_ACCEPTS_META.format(types=types))
    if field.type in FILE_TYPES and field.max_size_mb is not None:
        meta.append(msg.FIELD_SIZE_META.format(size=format_number_vi(field.max_size_mb, 2)))
    return " · ".join(meta)


def field_rows(spec: FormSpec) -> list[dict[str, str]]:
    """Rows of the builder's outline: one per step, field, and field of a group.

    Each row has ``kind`` (step, field, child), ``key``, ``path`` (what the
    events take), ``dom_id`` (``key`` or ``group-key``), ``group`` (the parent
    of a child), ``is_group`` ("1" for a repeating group), label, meta, step.
    """
    rows: list[dict[str, str]] = []
    for si, step in enumerate(spec.steps):
        rows.append(_row("step", step.key, step.title, "", str(si)))
        for field in step.fields:
            rows.append(_row("field", field.key, field.label, _meta(field), str(si), field=field))
            for child in field.fields:
                rows.append(
                    _row("child", child.key, child.label, _meta(child), str(si), group=field.key)
                )
    return rows


def _row(
    kind: str,
    key: str,
    label: str,
    meta: str,
    step: str,
    *,
    group: str = "",
    field: FieldDef | None = None,
) -> dict[str, str]:
    return {
        "kind": kind,
        "key": key,
        "path": f"{group}.{key}" if group else key,
        "dom_id": f"{group}-{key}" if group else key,
        "group": group,
        "is_group": "1" if field is not None and field.type == FieldType.GROUP else "",
        "label": label,
        "meta": meta,
        "step": step,
    }


def _locate(spec: FormSpec, path: str) -> tuple[int, FieldDef | None, FieldDef] | None:
    """(step index, parent group or None, field) of ``path``."""
    group, key = split_path(path)
    for si, step in enumerate(spec.steps):
        for field in step.fields:
            if not group and field.key == key:
                return si, None, field
            if group and field.key == group:
                child = next((f for f in field.fields if f.key == key), None)
                return None if child is None else (si, field, child)
    return None


def condition_options(spec: FormSpec, key: str, group: str = "") -> list[dict[str, str]]:
    """The fields a field may depend on (``key`` is the field edited, "" for a new one).

    A field of a step depends on another field of a step; a field of a group on a
    sibling in its row or on a field of a step (marked “ngoài nhóm”). Groups
    themselves have no single answer, so they are never offered.
    """
    top = [f for f in spec.all_fields() if f.type != FieldType.GROUP and (group or f.key != key)]
    if not group:
        return [{"value": f.key, "label": f.label} for f in top]
    parent = spec.field(group)
    siblings = [] if parent is None else [f for f in parent.fields if f.key != key]
    shadowed = {f.key for f in siblings}
    return [{"value": f.key, "label": f.label} for f in siblings] + [
        {"value": f.key, "label": msg.OUTSIDE_GROUP.format(label=f.label)}
        for f in top
        if f.key not in shadowed
    ]


def edit_values(spec: FormSpec, key: str, group: str = "") -> dict[str, str]:
    """The builder's inputs for an existing field (or defaults for a new one).

    Args:
        spec: the draft definition.
        key: the field's key ("" for a new field).
        group: the repeating group holding the field ("" for a field of a step).
    """
    found = _locate(spec, f"{group}.{key}" if group else key) if key else None
    if found is None:
        if group:
            holder = _locate(spec, group)
            step = str(holder[0]) if holder else "0"
            return {"step": step, "type": "text", "required": "", "group": group}
        return {"step": str(len(spec.steps) - 1), "type": "text", "required": "", "group": ""}
    si, parent, field = found
    labels = {c.value: c.label for c in field.choices}
    target = None
    if field.show_if is not None:
        scope = {f.key: f for f in spec.all_fields()}
        if parent is not None:
            scope.update({f.key: f for f in parent.fields})
        target = scope.get(field.show_if.field)
    shown = [] if field.show_if is None else field.show_if.values
    if target is not None:
        names = {c.value: c.label for c in target.choices} | {
            YES: msg.YES_LABEL,
            NO: msg.NO_LABEL,
        }
        shown = [names.get(v, v) for v in shown]
    values = {
        "step": str(si),
        "group": "" if parent is None else parent.key,
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
        "max_size_mb": "" if field.max_size_mb is None else format_number_plain(field.max_size_mb),
    }
    values.update({accept_name(m): "1" for m in field.accept if m in EXTENSIONS})
    return values


def inputs_as_edit(form: dict[str, str], group: str = "") -> dict[str, str]:
    """What the administrator typed, as :func:`edit_values` gives it (kept after an error)."""
    boxes = {"required"} | {accept_name(m) for m in EXTENSIONS}
    values = {k: ("1" if k in boxes and v in ON else v) for k, v in form.items()}
    return {**values, "group": group}
