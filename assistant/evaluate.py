"""Judging answers against the evaluation set (``assistant/eval/questions.csv``).

A question counts as correct when the status matches and, for answers, a cited
source of the expected unit states one of the expected cause words, while no
cited source belongs to another unit (risk and comparison questions may cite
several units, each for itself); ``no_cause`` rows expect the answer to say
plainly that the data holds no explanation; ``no_answer`` rows (a place or a
subject outside the data) expect the assistant to decline (``no_unit`` or
``no_data``) and cite nothing at all. Run it on the demo province with
``woms ask --eval`` (``--file assistant/eval/heldout.csv`` for the held-out set).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from assistant.text import fold
from assistant.wording import Answer

DEFAULT_SET = Path(__file__).resolve().parent / "eval" / "questions.csv"
MULTI_UNIT_NOTES = ("risk", "compare", "no unit")
DECLINED = ("no_unit", "no_data")


@dataclass(frozen=True)
class EvalQuestion:
    """One row of the evaluation set."""

    question: str
    expected_status: str
    expected_unit: str
    cause_keywords: tuple[str, ...]
    note: str

    @property
    def multi_unit(self) -> bool:
        """Whether the answer may legitimately cite several units."""
        return self.note.startswith(MULTI_UNIT_NOTES)


def load_questions(path: str | Path | None = None) -> list[EvalQuestion]:
    """Read the evaluation CSV (``question, expected_status, expected_unit, cause_keywords, note``).

    A row whose question starts with ``#`` marks a block (e.g. questions added
    later) and is not a question.
    """
    with Path(path or DEFAULT_SET).open(encoding="utf-8", newline="") as handle:
        return [
            EvalQuestion(
                question=row["question"].strip(),
                expected_status=row["expected_status"].strip(),
                expected_unit=row["expected_unit"].strip(),
                cause_keywords=tuple(
                    fold(k) for k in row["cause_keywords"].split("|") if k.strip()
                ),
                note=row.get("note", "").strip(),
            )
            for row in csv.DictReader(handle)
            if not row["question"].strip().startswith("#")
        ]


def judge(item: EvalQuestion, answer: Answer) -> tuple[bool, str]:
    """Whether the answer is correct with a correct citation, and why not."""
    if item.expected_status == "no_cause":
        # The data holds no explanation: the answer must say so, never borrow one.
        foreign = {c.source.unit_code for c in answer.citations} - {item.expected_unit}
        plain = "chua ghi nhan nguyen nhan" in fold(answer.text)
        return (
            plain and not foreign,
            "" if plain and not foreign else "không nói rõ thiếu nguyên nhân",
        )
    if item.expected_status == "no_answer":
        # Outside the data: decline, and quote nobody's notes.
        declined = answer.status in DECLINED and not answer.citations
        return (
            declined,
            "" if declined else f"trả lời ({answer.status}) thay vì nói không có dữ liệu",
        )
    if answer.status != item.expected_status:
        return False, f"trạng thái {answer.status}, cần {item.expected_status}"
    if item.expected_status == "clarify":
        text = fold(answer.text)
        missing = [k for k in item.cause_keywords if k not in text]
        return (not missing, f"thiếu lựa chọn {missing}" if missing else "")
    own = [c for c in answer.citations if c.source.unit_code == item.expected_unit]
    others = [c for c in answer.citations if c.source.unit_code != item.expected_unit]
    if others and not item.multi_unit:
        return False, f"dẫn nguồn của đơn vị khác: {sorted({c.source.unit_code for c in others})}"
    if not any(any(k in fold(c.source.text) for k in item.cause_keywords) for c in own):
        return False, "không có nguồn đúng nêu nguyên nhân"
    return True, ""
