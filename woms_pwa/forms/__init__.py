"""The low-code form engine, as the UI uses it.

The definition model, validation, conditions and formulas are pure and live in
``woms_pwa.core.forms`` (the core re-runs validation before writing anything and
may not import this UI package); they are re-exported here. This package adds
what only the web app needs: flat answers for Reflex state, the wizard's state
mixin and components, and the builder's operations.
"""

from __future__ import annotations

from woms_pwa.core.forms.definition import FieldDef, FieldType, FormSpec, Step, parse_definition
from woms_pwa.core.forms.validation import (
    CheckedAnswers,
    FieldError,
    check_answers,
    validate_answers,
    visible_keys,
)

__all__ = [
    "CheckedAnswers",
    "FieldDef",
    "FieldError",
    "FieldType",
    "FormSpec",
    "Step",
    "check_answers",
    "parse_definition",
    "validate_answers",
    "visible_keys",
]
