"""Understanding a leader's question: units, key result, period and intent.

Works on folded words, so "Vì sao xã Tân Phong giải ngân chậm?" and
"vi sao xa tan phong gn cham" parse alike. Units are resolved from the
catalogue's own names (never a hard-coded list); two units answering to the
same words make the question ambiguous, and the caller asks back.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from assistant.catalogue import Catalogue, KeyResultEntry, UnitEntry
from assistant.text import STOP_WORDS, fold, terms, words


class Intent(StrEnum):
    """What the leader wants to know."""

    WHY = "why"
    RISK = "risk"
    STATUS = "status"
    COMPARE = "compare"
    CONCLUDED = "concluded"


# Topic words → words used in key result titles and metric names (generic domain).
TOPIC_SYNONYMS: dict[str, str] = {
    "giai ngan": "von dau tu cong ke hoach von",
    "dau tu cong": "giai ngan von",
    "thu ngan sach": "du toan thu",
    "thu": "thu ngan sach du toan",
    "dat": "su dung dat",
    "dau gia": "tien su dung dat thu",
    "ket nap": "dang vien moi",
    "dang vien": "ket nap moi",
    "tre han": "dung han ho so thu tuc hanh chinh",
    "dung han": "ho so thu tuc hanh chinh",
    "ho so": "thu tuc hanh chinh",
    "chuyen doi so": "van ban moi truong so",
    "so hoa": "van ban moi truong so",
    "mat bang": "giai phong mat bang",
    "thiet bi": "trang bi may tinh",
}

_WHY = (
    "vi sao",
    "tai sao",
    "sao lai",
    "nguyen nhan",
    "ly do",
    "vi gi",
    "do dau",
    "vuong gi",
    "vuong mac",
    "kho khan",
    "sao cham",
    "sao thap",
    "sao cham the",
    "tai vi sao",
)
_CONCLUDED = ("ket luan", "chi dao", "giao ban", "y kien", "da thong nhat", "quyet nghi")
_RISK = (
    "don vi nao",
    "xa nao",
    "phuong nao",
    "so nao",
    "nhung don vi",
    "nhung xa",
    "cac don vi",
    "nguy co",
    "rui ro",
    "co the khong dat",
    "kha nang khong dat",
    "cham nhat",
    "thap nhat",
    "dang cham",
    "dang lo",
    "bao dong",
    "canh bao",
    "yeu nhat",
    "kem nhat",
)
_COMPARE = ("so sanh", "so voi", "hay hon", "tot hon", "kem hon", "cao hon", "thap hon")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEAR = re.compile(r"\b(20\d\d)\b")
_MONTH = re.compile(r"\bthang (\d{1,2})\b(?! thang)(?:\s*(?:/|nam)\s*(20\d\d))?")
_QUARTER = re.compile(r"\bquy (i{1,3}|iv|[1-4])\b")
_HALF = re.compile(r"\b(6|sau) thang( dau nam)?\b")


@dataclass(frozen=True)
class Period:
    """Dates the question refers to (``start`` may be the start of the year)."""

    start: dt.date
    end: dt.date
    label: str


@dataclass
class ParsedQuestion:
    """The parsed question.

    Attributes:
        text: the question as typed.
        intent: what is asked.
        units: units named, in order of appearance.
        ambiguous: for a mention matching several units, the candidates.
        key_results: key results of the named units matching the topic, best first.
        kr_scores: the match score of each of ``key_results`` (same order).
        topic_terms: content terms of the question without unit names.
        period: the period asked about, if any.
        year: the plan year the question is about.
        unknown_place: a place is named ("xã …", "phường …") but no visible unit matches.
    """

    text: str
    intent: Intent
    units: list[UnitEntry] = field(default_factory=list)
    ambiguous: list[list[UnitEntry]] = field(default_factory=list)
    key_results: list[KeyResultEntry] = field(default_factory=list)
    kr_scores: list[float] = field(default_factory=list)
    topic_terms: list[str] = field(default_factory=list)
    period: Period | None = None
    year: int = 0
    unknown_place: bool = False


def _find(seq: list[str], alias: tuple[str, ...]) -> list[int]:
    n = len(alias)
    return [i for i in range(len(seq) - n + 1) if tuple(seq[i : i + n]) == alias]


def match_units(
    question: str, catalogue: Catalogue
) -> tuple[list[UnitEntry], list[list[UnitEntry]], set[int]]:
    """Find the units a question names.

    Longest, strongest mentions win; a mention matching several units equally
    well is ambiguous unless the accents typed single one of them out.

    Returns:
        (units, ambiguous candidate lists, positions of the words used by unit names).
    """
    seq = words(question)
    hits: list[tuple[int, int, int, UnitEntry]] = []  # (start, end, strength, unit)
    for unit in catalogue.units:
        for alias, strength in unit.aliases():
            for start in _find(seq, alias):
                hits.append((start, start + len(alias), strength, unit))
    hits.sort(key=lambda h: (-(h[1] - h[0]), -h[2], h[0]))
    used: set[int] = set()
    units: list[tuple[int, UnitEntry]] = []
    ambiguous: list[list[UnitEntry]] = []
    lowered = " ".join(question.lower().split())
    for start, end, strength, _ in hits:
        span = set(range(start, end))
        if span & used:
            continue
        same = {h[3].code: h[3] for h in hits if (h[0], h[1], h[2]) == (start, end, strength)}
        candidates = list(same.values())
        if len(candidates) > 1:
            # Typed accents can tell "Ân Thi" from "An Thi".
            accented = [u for u in candidates if _accented_core(u) in lowered]
            if len(accented) == 1:
                candidates = accented
        used |= span
        if len(candidates) == 1:
            units.append((start, candidates[0]))
        else:
            ambiguous.append(sorted(candidates, key=lambda u: u.name))
    units.sort(key=lambda item: item[0])
    unique: dict[str, UnitEntry] = {}
    for _, unit in units:
        unique.setdefault(unit.code, unit)
    return list(unique.values()), ambiguous, used


def _accented_core(unit: UnitEntry) -> str:
    parts = unit.name.lower().split()
    folded = fold(unit.name).split()
    from assistant.catalogue import strip_kind

    core = strip_kind(tuple(folded))
    return " ".join(parts[len(parts) - len(core) :])


_PLACE_WORDS = frozenset({"xa", "phuong", "huyen", "thi tran", "thi xa", "so"})


def _names_a_place(seq: list[str]) -> bool:
    """Whether words like "xã Tân Lập" appear (a kind word followed by a name)."""
    for i, word in enumerate(seq[:-1]):
        pair = f"{word} {seq[i + 1]}"
        if pair in _PLACE_WORDS and i + 2 < len(seq) and seq[i + 2] not in STOP_WORDS:
            return True
        if word in _PLACE_WORDS and seq[i + 1] not in STOP_WORDS and seq[i + 1] != "nao":
            return True
    return False


def detect_intent(folded: str, n_units: int) -> Intent:
    """Classify the question (folded, abbreviations expanded)."""
    padded = f" {folded} "
    has = lambda cues: any(f" {c} " in padded for c in cues)  # noqa: E731
    if (has(_COMPARE) and n_units >= 1) or (n_units >= 2 and not has(_WHY)):
        return Intent.COMPARE
    if has(_CONCLUDED):
        return Intent.CONCLUDED
    if has(_WHY) or (has(("sao",)) and not has(("ra sao", "the nao"))):
        return Intent.WHY
    if has(_RISK) and n_units == 0:
        return Intent.RISK
    if n_units == 0 and has(("nao",)):
        return Intent.RISK
    return Intent.STATUS


def detect_period(folded: str, default_year: int) -> tuple[Period | None, int]:
    """Find a month, quarter, half-year or year in the question."""
    year_match = _YEAR.search(folded)
    year = int(year_match.group(1)) if year_match else default_year
    month = _MONTH.search(folded)
    if month and 1 <= int(month.group(1)) <= 12:
        m = int(month.group(1))
        end = dt.date(year + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
        return Period(dt.date(year, m, 1), end, f"tháng {m}/{year}"), year
    quarter = _QUARTER.search(folded)
    if quarter:
        q = _ROMAN.get(quarter.group(1)) or int(quarter.group(1))
        start = dt.date(year, 3 * q - 2, 1)
        end = dt.date(year + (q == 4), (3 * q) % 12 + 1, 1) - dt.timedelta(days=1)
        return Period(start, end, f"quý {q}/{year}"), year
    if _HALF.search(folded):
        return Period(dt.date(year, 1, 1), dt.date(year, 6, 30), f"6 tháng đầu năm {year}"), year
    if year_match:
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"năm {year}"), year
    return None, year


def expand_topic(question_terms: list[str]) -> list[str]:
    """Add the synonyms of topic words (on folded unigrams/bigrams)."""
    joined = " ".join(t.replace("_", " ") for t in question_terms if "_" in t)
    extra: list[str] = []
    for cue, more in TOPIC_SYNONYMS.items():
        if f" {cue} " in f" {joined} " or (" " not in cue and cue in question_terms):
            extra.extend(terms(more))
    return question_terms + extra


def rank_key_results(
    topic: list[str], candidates: list[KeyResultEntry]
) -> list[tuple[float, KeyResultEntry]]:
    """Score key results by BM25 overlap of their title/metric words with the topic."""
    if not topic or not candidates:
        return []
    docs = [Counter(terms(kr.text())) for kr in candidates]
    n = len(docs)
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc.keys())
    wanted = Counter(topic)
    scored: list[tuple[float, KeyResultEntry]] = []
    for kr, doc in zip(candidates, docs, strict=True):
        length = sum(doc.values())
        score = 0.0
        for term, qtf in wanted.items():
            tf = doc.get(term, 0)
            if tf:
                idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
                score += min(qtf, 2) * idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / 40))
        if score > 0:
            scored.append((score, kr))
    scored.sort(key=lambda s: -s[0])
    return scored


def parse_question(
    question: str, catalogue: Catalogue, today: dt.date | None = None
) -> ParsedQuestion:
    """Parse a Vietnamese question against the catalogue.

    Args:
        question: as typed, with or without diacritics.
        catalogue: units and key results the user may see.
        today: reference date for the default year.

    Returns:
        The parsed question (``ambiguous`` non-empty means: ask back).
    """
    seq = words(question)
    units, ambiguous, used = match_units(question, catalogue)
    rest = " ".join(w for i, w in enumerate(seq) if i not in used)
    expanded = " ".join(words(rest, expand=True))
    years = sorted({kr.year for kr in catalogue.key_results if kr.year})
    default_year = (today or dt.date.today()).year
    if years and default_year not in years:
        default_year = years[-1]
    period, year = detect_period(expanded, default_year)
    intent = detect_intent(expanded, len(units) + len(ambiguous))
    # A bigram of two question words ("co_van", "gi_khong") says nothing about the topic.
    topic = [t for t in terms(expanded) if not set(t.split("_")) <= STOP_WORDS]
    if intent is Intent.CONCLUDED:
        # "kết luận", "giao ban" say what kind of text is wanted, not which key result.
        noise = {w for cue in _CONCLUDED for w in cue.split()} | {"quy", "gan", "nhat"}
        topic = [t for t in topic if not set(t.split("_")) & noise]
    topic = expand_topic(topic)
    parsed = ParsedQuestion(
        question, intent, units, ambiguous, topic_terms=topic, period=period, year=year
    )
    if not units and not ambiguous:
        parsed.unknown_place = _names_a_place(seq)
    codes = {u.code for u in units}
    by_code = {kr.code.lower(): kr for kr in catalogue.key_results}
    named = [by_code[w] for w in re.findall(r"[a-z0-9.\-]+", question.lower()) if w in by_code]
    if named:
        parsed.key_results = named
        parsed.kr_scores = [1.0] * len(named)
        # A typed key result code names its unit too.
        for kr in named:
            unit = catalogue.unit(kr.unit_code)
            if unit is not None and unit.code not in {u.code for u in parsed.units}:
                parsed.units.append(unit)
        return parsed
    pool = [kr for kr in catalogue.key_results if kr.year == year and not kr.personal]
    if codes:
        pool = [kr for kr in pool if kr.unit_code in codes]
    scored = rank_key_results(topic, pool)
    parsed.key_results = [kr for _, kr in scored]
    parsed.kr_scores = [score for score, _ in scored]
    return parsed
