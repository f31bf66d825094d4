"""A form definition is data: steps of typed fields, with rules, conditions and formulas.

The same definition drives the wizard on the phone, the builder, and the
server-side validation (:mod:`woms_pwa.core.forms.validation`). It is stored
as JSON (``FormSpec.model_dump(mode="json")``) and can be exported and
imported as such.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from woms_pwa.core.forms.expressions import ExpressionError, names_in

KEY_PATTERN = r"^[a-z][a-z0-9_]{0,39}$"
CODE_PATTERN = r"^[a-z][a-z0-9_]{1,39}$"
MAX_FILE_FIELDS_PER_STEP = 3


class FieldType(StrEnum):
    """The kinds of field a form can hold."""

    TEXT = "text"
    LONG_TEXT = "long_text"
    NUMBER = "number"
    PERCENT = "percent"
    MONEY = "money"
    DATE = "date"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    YES_NO = "yes_no"
    FILE = "file"
    PHOTO = "photo"
    GROUP = "group"


NUMERIC_TYPES = frozenset({FieldType.NUMBER, FieldType.PERCENT, FieldType.MONEY})
FILE_TYPES = frozenset({FieldType.FILE, FieldType.PHOTO})
CHOICE_TYPES = frozenset({FieldType.CHOICE, FieldType.MULTI_CHOICE})
YES, NO = "co", "khong"


class Choice(BaseModel):
    """One option of a choice field: the stored value and its Vietnamese label."""

    model_config = ConfigDict(extra="forbid")

    value: str = Field(min_length=1, max_length=60)
    label: str = Field(min_length=1, max_length=200)


class Condition(BaseModel):
    """Show a field only when another answer is one of ``values``."""

    model_config = ConfigDict(extra="forbid")

    field: str = Field(pattern=KEY_PATTERN)
    values: list[str] = Field(min_length=1)


class FieldDef(BaseModel):
    """One field: type, Vietnamese label and help, rules, condition, formula."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=KEY_PATTERN)
    type: FieldType
    label: str = Field(min_length=1, max_length=300)
    help: str = Field(default="", max_length=1000)
    required: bool = False
    min: float | None = None
    max: float | None = None
    max_length: int | None = Field(default=None, ge=1, le=20000)
    pattern: str | None = Field(default=None, max_length=200)
    pattern_message: str = Field(default="", max_length=300)
    default: str | None = Field(default=None, max_length=2000)
    unit: str = Field(default="", max_length=40)
    choices: list[Choice] = Field(default_factory=list)
    show_if: Condition | None = None
    compute: str | None = Field(default=None, max_length=300)
    fields: list[FieldDef] = Field(default_factory=list)
    # Files: accepted content types (empty = the defaults for the type) and size limit.
    accept: list[str] = Field(default_factory=list)
    max_size_mb: float | None = Field(default=None, gt=0, le=50)

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, value: str | None) -> str | None:
        if value:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"biểu thức kiểm tra không hợp lệ: {exc}") from exc
        return value or None

    @model_validator(mode="after")
    def _consistent(self) -> FieldDef:
        if self.type in CHOICE_TYPES and not self.choices:
            raise ValueError(f"trường '{self.key}' cần ít nhất một lựa chọn")
        if self.type == FieldType.GROUP and not self.fields:
            raise ValueError(f"nhóm lặp '{self.key}' cần ít nhất một trường con")
        if self.type != FieldType.GROUP and self.fields:
            raise ValueError(f"chỉ nhóm lặp mới có trường con ('{self.key}')")
        if any(f.type == FieldType.GROUP for f in self.fields):
            raise ValueError("không lồng nhóm lặp trong nhóm lặp")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"trường '{self.key}': giá trị nhỏ nhất lớn hơn giá trị lớn nhất")
        if self.compute is not None:
            if self.type not in NUMERIC_TYPES:
                raise ValueError(f"chỉ trường số mới có công thức ('{self.key}')")
            try:
                names_in(self.compute)
            except ExpressionError as exc:
                raise ValueError(f"công thức của '{self.key}': {exc}") from exc
        return self

    @property
    def is_computed(self) -> bool:
        """Whether the value comes from a formula rather than from the user."""
        return self.compute is not None


class Step(BaseModel):
    """One screen of the wizard."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=KEY_PATTERN)
    title: str = Field(min_length=1, max_length=200)
    help: str = Field(default="", max_length=1000)
    fields: list[FieldDef] = Field(default_factory=list)


class FormSpec(BaseModel):
    """A whole form: code, title, steps."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=CODE_PATTERN)
    title: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=2000)
    # "kr": the form is filled about one key result (``?kr=CODE``).
    context: str = Field(default="", pattern=r"^(|kr)$")
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _keys_and_references(self) -> FormSpec:
        top = self.all_fields()
        keys = [f.key for f in top]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValueError("mã trường bị trùng: " + ", ".join(duplicates))
        by_key = {f.key: f for f in top}
        for step in self.steps:
            if sum(1 for f in step.fields if f.type in FILE_TYPES) > MAX_FILE_FIELDS_PER_STEP:
                raise ValueError(
                    f"bước '{step.title}' có quá {MAX_FILE_FIELDS_PER_STEP} trường tệp/ảnh"
                )
        for field in top:
            _check_references(field, by_key, {})
            sub = {f.key: f for f in field.fields}
            for child in field.fields:
                _check_references(child, by_key, sub)
        return self

    def all_fields(self) -> list[FieldDef]:
        """Top-level fields of every step, in order."""
        return [field for step in self.steps for field in step.fields]

    def field(self, key: str) -> FieldDef | None:
        """The top-level field with ``key``, if any."""
        return next((f for f in self.all_fields() if f.key == key), None)


def _check_references(
    field: FieldDef, top: dict[str, FieldDef], siblings: dict[str, FieldDef]
) -> None:
    scope = {**top, **siblings}
    condition = field.show_if
    if condition is not None and (condition.field == field.key or condition.field not in scope):
        raise ValueError(
            f"điều kiện của '{field.key}' dựa vào trường không có: '{condition.field}'"
        )
    if field.compute is not None:
        for name in names_in(field.compute):
            target = scope.get(name)
            if target is None or target.type not in NUMERIC_TYPES or name == field.key:
                raise ValueError(f"công thức của '{field.key}' dùng '{name}' không phải trường số")


def parse_definition(data: dict[str, Any] | str) -> FormSpec:
    """Build a definition from JSON text or a mapping (raises ``pydantic.ValidationError``)."""
    if isinstance(data, str):
        return FormSpec.model_validate_json(data)
    return FormSpec.model_validate(data)
