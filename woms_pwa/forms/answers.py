"""Between the wizard's flat text answers and the engine's nested answers; display rows.

The wizard keeps every answer as text under a flat key (``skills.0.skill``
inside repeating groups, ``a|b`` for multiple choice) because Reflex state
vars are simplest that way; the engine and the server take nested answers.
Everything here is plain Python, so it is tested without a browser.
"""

from __future__ import annotations

from typing import Any

from analytics.vntext import format_money_vnd, format_number_vi
from woms_pwa.core.forms.definition import (
    CHOICE_TYPES,
    FILE_TYPES,
    NO,
    NUMERIC_TYPES,
    YES,
    FieldDef,
    FieldType,
    FormSpec,
)
from woms_pwa.core.forms.validation import (
    CheckedAnswers,
    check_answers,
    parse_date,
    visible_keys,
    visible_set,
)
from woms_pwa.core.messages import forms as msg

MULTI_SEPARATOR = "|"
Row = dict[str, str]


def flat_key(*parts: str | int) -> str:
    """``skills``, 0, ``skill`` → ``skills.0.skill``."""
    return ".".join(str(p) for p in parts)


def to_nested(spec: FormSpec, flat: dict[str, str], groups: dict[str, int]) -> dict[str, Any]:
    """The engine's answers from the wizard's flat answers (blank answers left out)."""

    def value(fdef: FieldDef, key: str) -> Any:
        text = flat.get(key, "")
        if fdef.type == FieldType.MULTI_CHOICE:
            return [v for v in text.split(MULTI_SEPARATOR) if v]
        return text

    nested: dict[str, Any] = {}
    for fdef in spec.all_fields():
        if fdef.compute is not None:
            continue
        if fdef.type == FieldType.GROUP:
            rows = [
                {
                    sub.key: value(sub, flat_key(fdef.key, i, sub.key))
                    for sub in fdef.fields
                    if sub.compute is None
                }
                for i in range(groups.get(fdef.key, 0))
            ]
            if rows:
                nested[fdef.key] = rows
        elif (answer := value(fdef, fdef.key)) not in ("", []):
            nested[fdef.key] = answer
    return nested


def from_nested(spec: FormSpec, nested: dict[str, Any]) -> tuple[dict[str, str], dict[str, int]]:
    """Flat answers and group row counts from nested answers (a saved draft)."""
    flat: dict[str, str] = {}
    groups: dict[str, int] = {}

    def put(fdef: FieldDef, key: str, answer: Any) -> None:
        if isinstance(answer, list):
            flat[key] = MULTI_SEPARATOR.join(str(a) for a in answer)
        elif answer is not None:
            flat[key] = str(answer)

    for fdef in spec.all_fields():
        answer = nested.get(fdef.key)
        if fdef.type == FieldType.GROUP:
            rows = [r for r in answer if isinstance(r, dict)] if isinstance(answer, list) else []
            groups[fdef.key] = len(rows)
            for i, row in enumerate(rows):
                for sub in fdef.fields:
                    put(sub, flat_key(fdef.key, i, sub.key), row.get(sub.key))
        elif answer is not None:
            put(fdef, fdef.key, answer)
        elif fdef.default is not None:
            flat[fdef.key] = fdef.default
    return flat, groups


def step_of_error(spec: FormSpec, key: str) -> int:
    """The step holding the field an error is about (0 for form-level errors)."""
    top = key.split(".", 1)[0]
    for index, step in enumerate(spec.steps):
        if any(f.key == top for f in step.fields):
            return index
    return 0


def step_keys(spec: FormSpec, index: int, groups: dict[str, int]) -> set[str]:
    """Every flat key shown on step ``index`` (group rows included)."""
    keys: set[str] = set()
    for fdef in spec.steps[index].fields:
        keys.add(fdef.key)
        for i in range(groups.get(fdef.key, 0)):
            keys.update(flat_key(fdef.key, i, sub.key) for sub in fdef.fields)
    return keys


def _input_kind(fdef: FieldDef) -> str:
    if fdef.compute is not None:
        return "computed"
    if fdef.type in CHOICE_TYPES or fdef.type == FieldType.YES_NO:
        return "choice" if fdef.type != FieldType.MULTI_CHOICE else "multi"
    if fdef.type in FILE_TYPES:
        return "file"
    if fdef.type == FieldType.LONG_TEXT:
        return "long_text"
    if fdef.type == FieldType.DATE:
        return "date"
    return "text"


def _input_mode(fdef: FieldDef) -> str:
    if fdef.type == FieldType.MONEY:
        return "numeric"
    return "decimal" if fdef.type in NUMERIC_TYPES else "text"


def choice_options(fdef: FieldDef, current: str) -> list[Row]:
    """The buttons of a choice, multiple-choice or yes/no field, with the selected ones."""
    pairs = (
        [(YES, msg.YES_LABEL), (NO, msg.NO_LABEL)]
        if fdef.type == FieldType.YES_NO
        else [(c.value, c.label) for c in fdef.choices]
    )
    chosen = set(current.split(MULTI_SEPARATOR)) if current else set()
    return [
        {"value": v, "label": label, "selected": "1" if v in chosen else "0"} for v, label in pairs
    ]


def display_value(fdef: FieldDef, value: Any, file_names: dict[str, str]) -> str:
    """An answer as the review step shows it (Vietnamese formats)."""
    if value in (None, "", []):
        return msg.EMPTY_ANSWER
    if fdef.type in CHOICE_TYPES or fdef.type == FieldType.YES_NO:
        labels = {o["value"]: o["label"] for o in choice_options(fdef, "")}
        items = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(v), str(v)) for v in items)
    if fdef.type == FieldType.MONEY and isinstance(value, float | int):
        return format_money_vnd(float(value))
    if fdef.type in NUMERIC_TYPES and isinstance(value, float | int):
        text = format_number_vi(float(value), 2)
        return f"{text} {fdef.unit}".strip() if fdef.type != FieldType.PERCENT else f"{text}%"
    if fdef.type == FieldType.DATE and isinstance(value, str):
        day = parse_date(value)
        return day.strftime("%d/%m/%Y") if day else value
    if fdef.type in FILE_TYPES:
        return file_names.get(str(value), msg.ATTACHED.format(name="tệp"))
    return str(value)


def _field_row(
    fdef: FieldDef,
    key: str,
    label: str,
    flat: dict[str, str],
    checked: CheckedAnswers,
    values: dict[str, Any],
    errors: dict[str, str],
) -> Row:
    computed = ""
    if fdef.compute is not None:
        computed = display_value(fdef, values.get(fdef.key), {})
    return {
        "key": key,
        "dom_id": key.replace(".", "-"),
        "opt": key,
        "kind": _input_kind(fdef),
        "type": fdef.type.value,
        "label": label,
        "help": fdef.help,
        "required": "1" if fdef.required else "",
        "unit": fdef.unit,
        "input_mode": _input_mode(fdef),
        "value": flat.get(key, ""),
        "computed": computed,
        "error": errors.get(key, ""),
        "group": "",
        "index": "",
    }


def step_rows(
    spec: FormSpec,
    index: int,
    flat: dict[str, str],
    groups: dict[str, int],
    errors: dict[str, str],
) -> tuple[list[Row], dict[str, list[Row]]]:
    """Display rows of step ``index`` (only visible fields) and the options of its choices.

    Row ``kind`` is one of text, long_text, date, choice, multi, file, computed,
    group_head (label + add button) and group_end (remove button of one row).
    """
    nested = to_nested(spec, flat, groups)
    checked = check_answers(spec, nested)
    shown = visible_keys(spec, nested)
    rows: list[Row] = []
    options: dict[str, list[Row]] = {}
    for fdef in spec.steps[index].fields:
        if fdef.key not in shown:
            continue
        if fdef.type != FieldType.GROUP:
            rows.append(
                _field_row(fdef, fdef.key, fdef.label, flat, checked, checked.values, errors)
            )
            options[fdef.key] = choice_options(fdef, flat.get(fdef.key, ""))
            continue
        head = _field_row(fdef, fdef.key, fdef.label, flat, checked, checked.values, errors)
        rows.append({**head, "kind": "group_head", "group": fdef.key})
        raw_rows = nested.get(fdef.key) or []
        cleaned_rows = checked.values.get(fdef.key) or []
        for i in range(groups.get(fdef.key, 0)):
            raw_row = raw_rows[i] if i < len(raw_rows) else {}
            row_values = cleaned_rows[i] if i < len(cleaned_rows) else {}
            row_shown = visible_set(fdef.fields, raw_row, checked.values)
            for sub in fdef.fields:
                if sub.key not in row_shown:
                    continue
                key = flat_key(fdef.key, i, sub.key)
                label = msg.ROW_LABEL.format(label=sub.label, row=i + 1)
                rows.append(
                    {
                        **_field_row(sub, key, label, flat, checked, row_values, errors),
                        "group": fdef.key,
                        "index": str(i),
                    }
                )
                options[key] = choice_options(sub, flat.get(key, ""))
            rows.append(
                {
                    **head,
                    "kind": "group_end",
                    "key": flat_key(fdef.key, i),
                    "dom_id": f"{fdef.key}-{i}-remove",
                    "group": fdef.key,
                    "index": str(i),
                    "label": msg.ROW_LABEL.format(label=fdef.label, row=i + 1),
                }
            )
    return rows, options


def review_rows(
    spec: FormSpec, values: dict[str, Any], file_names: dict[str, str], visible: set[str]
) -> list[Row]:
    """One row per answered or required visible field, for the review step."""
    rows: list[Row] = []
    for index, step in enumerate(spec.steps):
        for fdef in step.fields:
            if fdef.key not in visible or (fdef.key not in values and not fdef.required):
                continue
            value = values.get(fdef.key)
            if fdef.type == FieldType.GROUP:
                for i, row in enumerate(value or []):
                    for sub in fdef.fields:
                        if sub.key in row:
                            rows.append(
                                {
                                    "label": msg.ROW_LABEL.format(label=sub.label, row=i + 1),
                                    "value": display_value(sub, row[sub.key], file_names),
                                    "step": str(index),
                                }
                            )
                continue
            rows.append(
                {
                    "label": fdef.label,
                    "value": display_value(fdef, value, file_names),
                    "step": str(index),
                }
            )
    return rows
