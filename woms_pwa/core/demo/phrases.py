"""Vietnamese notes for check-ins: what was done in the month, in concrete terms.

Each phrase key of a key result maps to a small function building one sentence
or two from the reading. Choices between variants are drawn from the check-in's
own seeded generator, so the text is deterministic.
"""

from __future__ import annotations

# Importing the phrase modules registers their phrases.
from . import phrases_econ, phrases_society  # noqa: F401
from .common import with_unit
from .phrase_base import PHRASES, Ctx, register

__all__ = ["PHRASES", "Ctx", "phrase"]


@register("generic")
def _generic(c: Ctx) -> str:
    if c.kr.direction == "milestone":
        title = c.kr.title[0].lower() + c.kr.title[1:]
        if c.value >= 1:
            return f"Đã hoàn thành: {title}."
        return f"Chưa hoàn thành: {title}; đang triển khai theo kế hoạch."
    unit = c.kr.unit
    return (
        f"Kết quả đến hết {c.mm}: {with_unit(c.v(), unit)} (chỉ tiêu năm {with_unit(c.t, unit)})."
    )


@register("exact")
def _exact(c: Ctx) -> str:
    # The "too perfect" unit copies the same sentence every month.
    return "Thực hiện đạt 100% kế hoạch đề ra."


def phrase(c: Ctx) -> str:
    """Return the note for one reading, using the KR's phrase key."""
    return PHRASES.get(c.kr.note, _generic)(c)
