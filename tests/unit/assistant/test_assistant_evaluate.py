"""The evaluation judge rejects wrong statuses, missing causes and other units' notes."""

from __future__ import annotations

import datetime as dt

from assistant.evaluate import EvalQuestion, judge, load_questions
from assistant.sources import Source
from assistant.wording import Answer, Citation


def _cite(unit: str, text: str) -> Citation:
    source = Source(
        id="c1", kind="checkin", text=text, unit_code=unit, unit_id=1, date=dt.date(2025, 3, 1)
    )
    return Citation(1, source, text, "")


WHY = EvalQuestion("vì sao?", "answer", "X.A", ("gpmb",), "why")


def test_correct_answer_passes() -> None:
    assert judge(WHY, Answer("…", [_cite("X.A", "Vướng GPMB 1,2 ha")]))[0]


def test_another_units_note_fails_even_with_the_cause() -> None:
    answer = Answer("…", [_cite("X.A", "Vướng GPMB"), _cite("TINH", "Xã A vướng GPMB")])
    assert not judge(WHY, answer)[0]


def test_missing_cause_or_wrong_status_fails() -> None:
    assert not judge(WHY, Answer("…", [_cite("X.A", "Họp giao ban")]))[0]
    assert not judge(WHY, Answer("Hỏi lại", status="clarify"))[0]


def test_the_shipped_set_is_large_and_varied() -> None:
    questions = load_questions()
    assert len(questions) >= 60
    statuses = {q.expected_status for q in questions}
    assert {"answer", "clarify"} <= statuses
    plain = [q for q in questions if q.question.isascii()]
    assert len(plain) >= 15
