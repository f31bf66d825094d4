"""Answer objects and the sentences that state a key result's numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from analytics.vntext import format_date_vi, format_number_vi, format_percent_vi
from assistant import phrases as ph
from assistant.facts import KeyResultFacts
from assistant.sources import Source


@dataclass(frozen=True)
class Citation:
    """A cited source with its number in the answer and its link in the app."""

    number: int
    source: Source
    quote: str
    link: str

    def to_json(self) -> dict[str, Any]:
        """The ``sources[]`` item of ``woms ask --json``."""
        s = self.source
        return {
            "kind": s.kind,
            "unit_code": s.unit_code,
            "kr_code": s.kr_code,
            "date": s.date.isoformat() if s.date else "",
            "text": s.text,
            "author": s.author,
            "link": self.link,
            "number": self.number,
        }


@dataclass
class Answer:
    """The composed answer.

    Attributes:
        text: Vietnamese answer, with ``[n]`` markers for citations.
        citations: cited sources in marker order.
        status: ``answer``, ``clarify`` (ask back), ``no_unit`` or ``no_data``.
        options: for ``clarify``, the candidate unit names.
        facts: the facts used (for the language model and for tests).
    """

    text: str
    citations: list[Citation] = field(default_factory=list)
    status: str = "answer"
    options: list[str] = field(default_factory=list)
    facts: list[KeyResultFacts] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """``{"answer": str, "sources": [...]}`` plus status and options."""
        return {
            "answer": self.text,
            "sources": [c.to_json() for c in self.citations],
            "status": self.status,
            "options": self.options,
        }


def num(value: float | None) -> str:
    """A number the Vietnamese way, without decimals when whole."""
    if value is None:
        return "—"
    return format_number_vi(value, 0 if float(value).is_integer() else 1)


def measure(facts: KeyResultFacts) -> str:
    """The unit of measure as it follows a number ("%", " tỷ đồng")."""
    return "" if not facts.measure else ("%" if facts.measure == "%" else f" {facts.measure}")


def describe(facts: KeyResultFacts) -> list[str]:
    """Sentences stating the numbers of one key result."""
    m = measure(facts)
    if facts.current is None:
        return [
            ph.NO_VALUE.format(
                unit=facts.unit_name, kr=facts.kr_title, target=num(facts.target), measure=m
            )
        ]
    out = [
        ph.STATUS.format(
            unit=facts.unit_name,
            kr=facts.kr_title,
            date=format_date_vi(facts.as_of) if facts.as_of else "nay",
            current=num(facts.current),
            target=num(facts.target),
            measure=m,
            pct=format_percent_vi(facts.completion),
            light=ph.LIGHT_LABELS.get(facts.light, facts.light),
        )
    ]
    if facts.expected_now is not None and facts.direction == "increase" and facts.as_of:
        out.append(
            ph.PACE.format(
                date=format_date_vi(facts.as_of), expected=num(facts.expected_now), measure=m
            )
        )
    if facts.forecast is not None:
        chance = (
            ph.CHANCE.format(p=format_percent_vi(facts.p_reach, 0))
            if facts.p_reach is not None
            else ""
        )
        out.append(ph.FORECAST.format(forecast=num(facts.forecast), measure=m, chance=chance))
    if facts.rank is not None and facts.peers > 1:
        out.append(ph.RANK.format(rank=facts.rank, peers=facts.peers))
    return out


def pace(facts: KeyResultFacts) -> float:
    """Completion relative to what the calendar expects (lower = further behind)."""
    if facts.completion is None:
        return 9.0
    if facts.expected_now and facts.target:
        expected_ratio = facts.expected_now / facts.target
        return facts.completion / expected_ratio if expected_ratio > 0 else facts.completion
    return facts.completion
