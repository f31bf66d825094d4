"""Safe arithmetic formulas for computed fields: ``a + b * 2``, ``(x - y) / x * 100``.

Only numbers, field names, ``+ - * /``, parentheses, and ``min``/``max``/
``round``/``abs`` are accepted; anything else is refused when the definition
is saved, so a formula can never run code.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable, Mapping

_FUNCTIONS: dict[str, Callable[..., float]] = {
    "min": min,
    "max": max,
    "round": lambda x, digits=0: round(x, int(digits)),
    "abs": abs,
}
_BINARY = (ast.Add, ast.Sub, ast.Mult, ast.Div)


class ExpressionError(ValueError):
    """A formula that is not allowed or cannot be read."""


def _parse(expression: str) -> ast.expr:
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError("công thức viết sai cú pháp") from exc
    return tree.body


def _walk(node: ast.expr, names: set[str]) -> None:
    if isinstance(node, ast.Constant):
        if not isinstance(node.value, int | float) or isinstance(node.value, bool):
            raise ExpressionError("công thức chỉ dùng số")
    elif isinstance(node, ast.Name):
        names.add(node.id)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, _BINARY):
        _walk(node.left, names)
        _walk(node.right, names)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        _walk(node.operand, names)
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in _FUNCTIONS
        and not node.keywords
    ):
        for arg in node.args:
            _walk(arg, names)
    else:
        raise ExpressionError("công thức chỉ dùng + - * / ( ), min, max, round, abs")


def names_in(expression: str) -> set[str]:
    """Field names a formula uses (raises ``ExpressionError`` for a forbidden formula)."""
    names: set[str] = set()
    _walk(_parse(expression), names)
    return names


def _eval(node: ast.expr, values: Mapping[str, float]) -> float:
    if isinstance(node, ast.Constant):
        assert isinstance(node.value, int | float)
        return float(node.value)
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.UnaryOp):
        operand = _eval(node.operand, values)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)
        return float(_FUNCTIONS[node.func.id](*(_eval(a, values) for a in node.args)))
    assert isinstance(node, ast.BinOp)
    left, right = _eval(node.left, values), _eval(node.right, values)
    if isinstance(node.op, ast.Add):
        return left + right
    if isinstance(node.op, ast.Sub):
        return left - right
    if isinstance(node.op, ast.Mult):
        return left * right
    return left / right


def evaluate(expression: str, values: Mapping[str, float | None]) -> float | None:
    """The formula's value, or ``None`` when an input is missing or it divides by zero."""
    names = names_in(expression)
    if any(values.get(name) is None for name in names):
        return None
    known = {name: float(values[name]) for name in names}  # type: ignore[arg-type]
    try:
        result = _eval(_parse(expression), known)
    except (ZeroDivisionError, OverflowError, TypeError, ValueError):
        # Wrong argument counts (``min()``) are treated like a missing input.
        return None
    return result if math.isfinite(result) else None
