"""Validate and clean answers against a definition: pure, the same on client and server.

The wizard calls it on every change for instant messages; the core service
calls it again before anything is written, so a request that skips the
client gets exactly the same refusals.

Answers are a mapping ``key -> value``: text for scalar fields (numbers as
typed, ``1.234,5``), a list of values for multiple choice, a list of row
mappings for a repeating group, and an evidence key (SHA-256) for a file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from analytics.vntext import format_number_vi, normalize_text, parse_number
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
from woms_pwa.core.forms.expressions import evaluate
from woms_pwa.core.messages import forms as msg

DEFAULT_MAX_TEXT = 4000
MAX_GROUP_ROWS = 50
EVIDENCE_KEY = re.compile(r"^[0-9a-f]{64}$")
_MONEY = re.compile(r"^\d{1,3}([.,\s]\d{3})*$|^\d+$")
IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
EvidenceLookup = Callable[[str], str | None]
"""Returns the content type of a stored evidence key, or ``None`` when unknown."""


@dataclass(frozen=True)
class FieldError:
    """A refused answer: the field key (``group.0.sub`` inside groups) and the reason."""

    key: str
    message: str


@dataclass
class CheckedAnswers:
    """Errors and the cleaned values (hidden fields dropped, formulas computed)."""

    errors: list[FieldError] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no answer was refused."""
        return not self.errors


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or raw == []


def _scalar(raw: Any) -> str:
    if isinstance(raw, bool):
        return YES if raw else NO
    if isinstance(raw, int | float):
        return format_number_vi(float(raw), 6) if not float(raw).is_integer() else str(int(raw))
    return raw if isinstance(raw, str) else ""


def parse_date(text: str) -> dt.date | None:
    """Read ``yyyy-mm-dd`` (date inputs) or ``dd/mm/yyyy`` (typed)."""
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _number(fdef: FieldDef, raw: Any) -> tuple[float | None, str | None]:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        value: float | None = float(raw)
    elif fdef.type == FieldType.MONEY:
        text = _scalar(raw).strip().removesuffix("đ").removesuffix("₫").strip()
        if not _MONEY.match(text):
            return None, msg.NOT_MONEY.format(label=fdef.label)
        value = float(re.sub(r"[.,\s]", "", text))
    else:
        value = parse_number(_scalar(raw).removesuffix("%"))
    if value is None:
        return None, msg.NOT_NUMBER.format(label=fdef.label)
    low = fdef.min if fdef.min is not None else (0.0 if fdef.type != FieldType.NUMBER else None)
    high = fdef.max if fdef.max is not None else (100.0 if fdef.type == FieldType.PERCENT else None)
    if low is not None and value < low:
        return None, msg.BELOW_MIN.format(label=fdef.label, min=format_number_vi(low, 2))
    if high is not None and value > high:
        return None, msg.ABOVE_MAX.format(label=fdef.label, max=format_number_vi(high, 2))
    return value, None


def _required_message(fdef: FieldDef) -> str:
    if fdef.type in CHOICE_TYPES or fdef.type == FieldType.YES_NO:
        return msg.REQUIRED_CHOICE.format(label=fdef.label)
    if fdef.type in FILE_TYPES:
        return msg.REQUIRED_FILE.format(label=fdef.label)
    return msg.REQUIRED.format(label=fdef.label)


def _check_scalar(
    fdef: FieldDef, raw: Any, lookup: EvidenceLookup | None
) -> tuple[Any, str | None]:
    """Clean one non-group answer that is not blank; return (value, error)."""
    if fdef.type in NUMERIC_TYPES:
        return _number(fdef, raw)
    if fdef.type == FieldType.MULTI_CHOICE:
        items = raw if isinstance(raw, list) else [raw]
        allowed = {c.value for c in fdef.choices}
        if not all(isinstance(i, str) and i in allowed for i in items):
            return None, msg.BAD_CHOICE.format(label=fdef.label)
        return [c.value for c in fdef.choices if c.value in items], None
    text = _scalar(raw)
    if not isinstance(raw, str | int | float):
        return None, msg.BAD_GROUP.format(label=fdef.label)
    if fdef.type == FieldType.CHOICE:
        if text not in {c.value for c in fdef.choices}:
            return None, msg.BAD_CHOICE.format(label=fdef.label)
        return text, None
    if fdef.type == FieldType.YES_NO:
        if text not in (YES, NO):
            return None, msg.BAD_YES_NO.format(label=fdef.label)
        return text, None
    if fdef.type == FieldType.DATE:
        day = parse_date(text)
        if day is None:
            return None, msg.NOT_DATE.format(label=fdef.label)
        return day.isoformat(), None
    if fdef.type in FILE_TYPES:
        mime = lookup(text) if lookup is not None and EVIDENCE_KEY.match(text) else None
        if not EVIDENCE_KEY.match(text) or (lookup is not None and mime is None):
            return None, msg.BAD_FILE.format(label=fdef.label)
        if fdef.type == FieldType.PHOTO and mime is not None and mime not in IMAGE_TYPES:
            return None, msg.NOT_PHOTO.format(label=fdef.label)
        return text, None
    clean = normalize_text(text) if fdef.type == FieldType.TEXT else text.strip()
    limit = fdef.max_length or DEFAULT_MAX_TEXT
    if len(clean) > limit:
        return None, msg.TOO_LONG.format(label=fdef.label, max=format_number_vi(limit, 0))
    if fdef.pattern and not re.fullmatch(fdef.pattern, clean):
        return None, fdef.pattern_message or msg.PATTERN.format(label=fdef.label)
    return clean, None


def is_visible(fdef: FieldDef, values: Mapping[str, Any]) -> bool:
    """Whether ``fdef``'s own condition holds for the answers in ``values``."""
    if fdef.show_if is None:
        return True
    if fdef.show_if.field not in values:
        return False
    answer = values[fdef.show_if.field]
    given = answer if isinstance(answer, list) else [answer]
    return any(_scalar(a) in fdef.show_if.values for a in given)


def visible_set(
    fields: list[FieldDef], answers: Mapping[str, Any], outer: Mapping[str, Any] | None = None
) -> set[str]:
    """Keys of ``fields`` shown for the raw ``answers``, whatever the fields' order.

    A field is shown when its condition holds and the field it depends on is
    itself shown (chains); a condition may point at a later field.
    """
    probe: dict[str, Any] = dict(outer or {})
    for fdef in fields:
        raw = answers.get(fdef.key)
        if fdef.type != FieldType.GROUP and fdef.compute is None and not _blank(raw):
            value, error = _check_scalar(fdef, raw, None)
            if error is None:
                probe[fdef.key] = value
    by_key = {f.key: f for f in fields}
    memo: dict[str, bool] = {}

    def shown(fdef: FieldDef, visiting: frozenset[str]) -> bool:
        if fdef.key in memo:
            return memo[fdef.key]
        controller = by_key.get(fdef.show_if.field) if fdef.show_if else None
        if controller is not None and controller.key in visiting:
            result = False  # a cycle of conditions never shows
        else:
            result = is_visible(fdef, probe) and (
                controller is None or shown(controller, visiting | {fdef.key})
            )
        memo[fdef.key] = result
        return result

    return {f.key for f in fields if shown(f, frozenset())}


def _check_fields(
    fields: list[FieldDef],
    answers: Mapping[str, Any],
    prefix: str,
    outer: Mapping[str, Any],
    lookup: EvidenceLookup | None,
    result: CheckedAnswers,
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    shown = visible_set(fields, answers, outer)
    for fdef in fields:
        if fdef.key not in shown or fdef.compute is not None:
            continue
        path = f"{prefix}{fdef.key}"
        raw = answers.get(fdef.key)
        if fdef.type == FieldType.GROUP:
            rows = _check_group(fdef, raw, path, {**outer, **values}, lookup, result)
            if rows is not None:
                values[fdef.key] = rows
            continue
        if _blank(raw):
            if fdef.required:
                result.errors.append(FieldError(path, _required_message(fdef)))
            continue
        value, error = _check_scalar(fdef, raw, lookup)
        if error is not None:
            result.errors.append(FieldError(path, error))
        else:
            values[fdef.key] = value
    for fdef in fields:
        # Formulas run last, on every number answered anywhere in scope.
        if fdef.key in shown and fdef.compute is not None:
            scope = {**outer, **values}
            numbers = {k: v for k, v in scope.items() if isinstance(v, float | int)}
            computed = evaluate(fdef.compute, numbers)
            if computed is not None:
                values[fdef.key] = round(computed, 6)
    return {f.key: values[f.key] for f in fields if f.key in values}


def _check_group(
    fdef: FieldDef,
    raw: Any,
    path: str,
    scope: Mapping[str, Any],
    lookup: EvidenceLookup | None,
    result: CheckedAnswers,
) -> list[dict[str, Any]] | None:
    rows = raw if isinstance(raw, list) else ([] if _blank(raw) else None)
    if rows is None or not all(isinstance(r, Mapping) for r in rows):
        result.errors.append(FieldError(path, msg.BAD_GROUP.format(label=fdef.label)))
        return None
    limit = int(fdef.max) if fdef.max is not None else MAX_GROUP_ROWS
    if len(rows) > limit:
        result.errors.append(
            FieldError(path, msg.TOO_MANY_ROWS.format(label=fdef.label, max=limit))
        )
        return None
    rows = [r for r in rows if not all(_blank(v) for v in r.values())]
    if not rows:
        if fdef.required:
            result.errors.append(FieldError(path, _required_message(fdef)))
        return None
    known = {f.key for f in fdef.fields}
    cleaned = []
    for index, row in enumerate(rows):
        extra = sorted(set(row) - known)
        if extra:
            result.errors.append(FieldError(path, msg.UNKNOWN_FIELDS.format(keys=", ".join(extra))))
            return None
        cleaned.append(_check_fields(fdef.fields, row, f"{path}.{index}.", scope, lookup, result))
    return cleaned


def check_answers(
    definition: FormSpec,
    answers: Mapping[str, Any],
    *,
    evidence: EvidenceLookup | None = None,
) -> CheckedAnswers:
    """Validate every answer and return the errors and the cleaned values.

    Args:
        definition: the (published) definition the answers were filled with.
        answers: raw answers as submitted.
        evidence: resolves an evidence key to its content type; the server
            passes one that only knows the submitter's stored files. Without
            it, file answers are only checked for their shape.

    Returns:
        ``CheckedAnswers``: errors in field order, values of visible fields.
    """
    result = CheckedAnswers()
    known = {f.key for f in definition.all_fields()}
    extra = sorted(set(answers) - known)
    if extra:
        result.errors.append(FieldError("", msg.UNKNOWN_FIELDS.format(keys=", ".join(extra))))
    result.values = _check_fields(definition.all_fields(), answers, "", {}, evidence, result)
    return result


def validate_answers(
    definition: FormSpec,
    answers: Mapping[str, Any],
    *,
    evidence: EvidenceLookup | None = None,
) -> list[FieldError]:
    """The errors of ``answers`` (empty when they may be stored)."""
    return check_answers(definition, answers, evidence=evidence).errors


def visible_keys(definition: FormSpec, answers: Mapping[str, Any]) -> set[str]:
    """Top-level keys shown for the current answers (for the wizard and the review)."""
    return visible_set(definition.all_fields(), answers)
