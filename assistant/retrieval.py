"""Finding the written causes for exactly one unit (and key result).

Candidates come from a metadata lookup (every text of the key result) and a
vector search inside the unit; they are re-ranked with exact-term BM25, a
bonus for the key result itself and for words that state a cause. Texts of
any other unit are never candidates, whatever they mention.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.index import NoteIndex, where_clause
from assistant.question import Period
from assistant.sources import Source
from assistant.text import STOP_WORDS, fold, has_diacritics, terms
from assistant.weighting import DocumentFrequencies, bm25_scores

# Cue phrases are written with diacritics and compared with diacritics when
# the text has them: folded, "do" (because) would match "tiến độ", "vì" would
# match "đơn vị" and "chờ" would match "cho". Strong cues explain a delay;
# weak ones only describe it.
STRONG_CAUSE_CUES = (
    "nguyên nhân",
    " do ",
    " vì ",
    "vướng",
    "không đồng ý",
    "chưa đồng ý",
    "chưa nhận",
    "chưa thống nhất",
    "chưa bàn giao",
    "chưa có mặt bằng",
    "hoãn",
    "thiếu",
    "khó khăn",
    "khiếu nại",
    "chưa được bố trí",
    "chờ",
    "đi làm",
    "không thể",
    "lùi",
)
WEAK_CAUSE_CUES = ("chưa ", "chậm", "giảm", "trễ hạn", " bị ", "phải ")
CAUSE_CUES = STRONG_CAUSE_CUES + WEAK_CAUSE_CUES
CONCLUSION_CUES = (
    "kết luận",
    "chỉ đạo",
    "yêu cầu",
    "giao ",
    "đề nghị",
    "phê bình",
    "biểu dương",
    "lưu ý",
    "phân công",
    "nghị quyết",
    "nhắc nhở",
    "chấn chỉnh",
)
# Words of key result titles too common to tie a text to one topic ("năm 2025", "tỷ đồng").
_GENERIC = STOP_WORDS | {"nam", "ty", "dong", "dat", "tren", "theo", "hoan", "thanh", "tong"}
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-ZÀ-Ỹ0-9Đ])")

Allowed = Callable[[Source], bool]


@dataclass(frozen=True)
class Ranked:
    """A source with its score and the sentence(s) worth quoting."""

    source: Source
    score: float
    quote: str
    states_cause: bool


def has_cue(text: str, cues: Sequence[str]) -> bool:
    """Whether the text contains a cue phrase (with diacritics when the text has them)."""
    if has_diacritics(text):
        lowered = " " + " ".join(unicodedata.normalize("NFC", text).lower().split()) + " "
        # "không vướng mắc" states the absence of a cause.
        lowered = lowered.replace("không vướng", "").replace("không có vướng", "")
        return any(cue in lowered for cue in cues)
    folded = f" {fold(text)} "
    return any((f" {fold(cue)} " if cue.startswith(" ") else fold(cue)) in folded for cue in cues)


def best_sentences(text: str, query: str, cues: Sequence[str], limit: int = 320) -> str:
    """The most relevant sentence(s) of a text: query overlap first, then cue words."""
    sentences = [s.strip() for s in _SENTENCE.split(text) if s.strip()]
    if len(sentences) <= 1:
        return _clip(text.strip(), limit)
    wanted = set(terms(query, expand=True))

    def score(sentence: str) -> float:
        found = set(terms(sentence))
        # The sentence that states the cause matters more than one repeating the figures.
        strong = cues is CAUSE_CUES and has_cue(sentence, STRONG_CAUSE_CUES)
        return len(found & wanted) + (4.0 if strong else 1.5 if has_cue(sentence, cues) else 0.0)

    best = sorted(range(len(sentences)), key=lambda i: -score(sentences[i]))
    chosen = sorted(best[:2]) if score(sentences[best[0]]) > 0 else [0]
    if cues is CAUSE_CUES:
        stating = [i for i in best if has_cue(sentences[i], STRONG_CAUSE_CUES)]
        if stating and stating[0] not in chosen:
            # Always quote the sentence that states the cause.
            chosen = sorted({best[0], stating[0]})
    quote = " ".join(sentences[i] for i in chosen)
    if len(quote) > limit:
        quote = sentences[best[0]]
    return _clip(quote, limit)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def in_period(source: Source, period: Period | None, until_only: bool) -> bool:
    """Whether a text's date falls in the period (``until_only``: up to its end, same year)."""
    if period is None or source.date is None:
        return True
    if until_only:
        # Causes up to the period's end, from the same plan year only.
        return dt.date(period.end.year, 1, 1) <= source.date <= period.end
    # A quarter's review meeting is held in the first weeks of the next quarter.
    return period.start <= source.date <= period.end + dt.timedelta(days=45)


def gather(
    index: NoteIndex,
    query: str,
    unit_code: str,
    kr_code: str,
    allowed: Allowed,
    kinds: Sequence[str] | None = None,
) -> list[Source]:
    """Candidate texts of one unit: all of the key result's, plus the nearest of the unit's."""
    found: dict[str, Source] = {}
    if kr_code:
        for source in index.get(
            where_clause(unit_code=unit_code, kr_code=kr_code, kind=kinds), 400
        ):
            found[source.id] = source
    for source in index.search(query, where_clause(unit_code=unit_code, kind=kinds), 40):
        found.setdefault(source.id, source)
    # The filter already asked for this unit; checking again costs nothing and
    # guarantees no other unit's text can be quoted as its cause. A retired key
    # result's texts are history: they explain nothing about the current plan.
    return [
        s
        for s in found.values()
        if s.unit_code == unit_code
        and allowed(s)
        and (s.kr_status != "retired" or (kr_code and s.kr_code == kr_code))
    ]


def rank(
    candidates: Sequence[Source],
    query: str,
    kr_code: str,
    frequencies: DocumentFrequencies,
    cues: Sequence[str],
) -> list[Ranked]:
    """Order candidates: BM25 to the query, the key result's own texts first, cues, recency."""
    if not candidates:
        return []
    scores = bm25_scores(query, [s.text for s in candidates], frequencies)
    top = max(scores) or 1.0
    days = [s.date.toordinal() for s in candidates if s.date]
    newest, oldest = (max(days), min(days)) if days else (0, 0)
    ranked: list[Ranked] = []
    for source, raw in zip(candidates, scores, strict=True):
        if kr_code and source.kr_code and source.kr_code != kr_code and raw < 0.5 * top:
            # Another key result's text is a cause of this one only when it is
            # about the same thing (e.g. land clearance notes for disbursement).
            continue
        cue = has_cue(source.text, cues)
        # Only explicit wording ("do", "vì", "vướng", "thiếu"…) counts as a stated
        # cause; "chậm" alone describes the delay without explaining it.
        stated = has_cue(source.text, STRONG_CAUSE_CUES) if cues is CAUSE_CUES else cue
        recency = 0.0
        if source.date and newest > oldest:
            recency = (source.date.toordinal() - oldest) / (newest - oldest)
        score = (
            raw / top
            + (0.8 if kr_code and source.kr_code == kr_code else 0.0)
            + (0.6 if cue else 0.0)
            + (0.4 if cues is CAUSE_CUES and stated else 0.0)
            + 0.3 * recency
            + (0.2 if source.kind in ("blocker", "note", "comment") else 0.0)
        )
        ranked.append(Ranked(source, score, best_sentences(source.text, query, cues), stated))
    ranked.sort(key=lambda r: -r.score)
    return ranked


def diverse(ranked: Sequence[Ranked], k: int) -> list[Ranked]:
    """Top ``k`` without near-duplicates (monthly notes repeat the same sentence)."""
    chosen: list[Ranked] = []
    seen: list[set[str]] = []
    for item in ranked:
        words = {t for t in terms(item.quote) if "_" in t}
        if any(len(words & other) / max(1, len(words | other)) > 0.45 for other in seen):
            continue
        chosen.append(item)
        seen.append(words)
        if len(chosen) == k:
            break
    return chosen


def causes(
    index: NoteIndex,
    query: str,
    unit_code: str,
    kr_code: str,
    allowed: Allowed,
    period: Period | None = None,
    k: int = 3,
    topic: str = "",
    about_another: Callable[[Source], bool] | None = None,
) -> list[Ranked]:
    """The texts that best explain one unit's key result, best first.

    Texts of the unit's other key results (or of no key result) qualify only
    when they share a phrase with ``topic`` (the key result's title): a note
    on party members never explains disbursement. A text that ``about_another``
    says is about another unit ("xã A hỗ trợ xã B … do thiếu vật liệu") is
    left out, even when filed under this unit: it is the other unit's story.
    """
    wanted = {
        t
        for t in terms(topic)
        if "_" in t and t.replace("_", "").isalpha() and not set(t.split("_")) & _GENERIC
    }
    pool = [
        s
        for s in gather(index, query, unit_code, kr_code, allowed)
        if in_period(s, period, True)
        and (not kr_code or s.kr_code == kr_code or not wanted or wanted & set(terms(s.text)))
    ]
    ranked = rank(pool, query, kr_code, index.frequencies, CAUSE_CUES)
    if about_another is not None:
        ranked = [r for r in ranked if not about_another(r.source)]
    stated = [r for r in ranked if r.states_cause]
    # Texts that state a cause come first; the rest only when none does.
    return diverse(stated or ranked, k)


def conclusions(
    index: NoteIndex,
    query: str,
    unit_code: str,
    kr_code: str,
    allowed: Allowed,
    period: Period | None = None,
    k: int = 3,
) -> list[Ranked]:
    """Review-meeting conclusions, notes and comments about a unit, best first."""
    pool = gather(index, query, unit_code, kr_code, allowed, kinds=("note", "comment"))
    if not kr_code:
        pool += [
            s
            for s in index.get(where_clause(unit_code=unit_code, kind=["note", "comment"]), 200)
            if allowed(s) and s.id not in {p.id for p in pool}
        ]
    pool = [s for s in pool if in_period(s, period, False)]
    ranked = [r for r in rank(pool, query, kr_code, index.frequencies, CONCLUSION_CUES)]
    ranked.sort(key=lambda r: (-(r.states_cause), -r.score))
    return diverse(ranked, k)
