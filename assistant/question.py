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
from assistant.text import (
    STOP_WORDS,
    canon,
    edit_distance,
    fold,
    has_diacritics,
    is_syllable,
    normalise_phrases,
    terms,
    typed_words,
    words,
)


class Intent(StrEnum):
    """What the leader wants to know."""

    WHY = "why"
    RISK = "risk"
    STATUS = "status"
    COMPARE = "compare"
    CONCLUDED = "concluded"
    ABOUT = "about"
    QUALITY = "quality"


# Topic words → words used in key result titles and metric names (generic domain).
TOPIC_SYNONYMS: dict[str, str] = {
    "giai ngan": "von dau tu cong ke hoach von",
    "dau tu cong": "giai ngan von",
    "thu ngan sach": "du toan thu",
    "thu tien": "tien su dung dat",
    "tien dat": "tien su dung dat",
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
_CONCLUDED = (
    "ket luan",
    "chi dao",
    "giao ban",
    "y kien",
    "da thong nhat",
    "quyet nghi",
    "phe binh",
    "nhac nho",
    "bieu duong",
    "luu y",
    "chan chinh",
    "yeu cau gi",
    "noi gi",
    "cuoc hop",
    "phe duyet",
    "duyet ke hoach",
)
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
    "o dau",
    "noi nao",
    "cho nao",
    "truot",
    "duoi nhat",
    "bet",
)
# "Số liệu giống hệt kế hoạch", "số liệu bất thường": the quality of the
# reported figures (answered from the anomaly detector), not their progress.
_QUALITY = (
    "bat thuong",
    "giong het",
    "giong y het",
    "trung khit",
    "trung ke hoach",
    "trung voi ke hoach",
    "bang dung ke hoach",
    "dung bang ke hoach",
    "y nhu ke hoach",
    "so lieu ao",
    "so lieu sai",
    "tin cay",
    "chat luong so lieu",
    "luy ke giam",
)
# "X có ý kiến gì về Y", "X nói gì về Y": what one unit said about another.
_SAID = (
    "y kien",
    "noi gi",
    "nhan xet",
    "danh gia gi",
    "de nghi gi",
    "kien nghi gi",
    "phe binh",
    "nhac nho",
    "chi dao",
    "ket luan",
    "yeu cau gi",
    "tra loi",
)
# Words of a data-quality question about reporting itself, never a key result's subject.
_REPORTING_WORDS = frozenset(
    {"bao", "cao", "so", "lieu", "ke", "hoach", "ghi", "nhap", "khai", "vi", "sao", "tai"}
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
        suggested: no unit matches, but these are one letter away from a name typed
            (ask back: "Có phải …?").
        off_topic: the question has a subject, and no key result is about it
            (weather, prices…): say so rather than answer about something else.
        kinds: for "xã nào…", "phường nào…", "sở nào…", the unit kinds asked about
            (empty: any unit).
        content_terms: the question's subject: its content words and its own
            two-syllable phrases (no unit names, fillers, synonyms or generic
            phrases), to compare key result titles with notes.
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
    suggested: list[UnitEntry] = field(default_factory=list)
    off_topic: bool = False
    kinds: frozenset[str] = frozenset()
    content_terms: list[str] = field(default_factory=list)


def _find(seq: list[str], alias: tuple[str, ...]) -> list[int]:
    n = len(alias)
    return [i for i in range(len(seq) - n + 1) if tuple(seq[i : i + n]) == alias]


# Kind words typed short: "P. An Tảo", "X. Tân Phong", "VP HĐND và UBND".
_KIND_SHORT: dict[str, tuple[str, ...]] = {
    "p": ("phuong",),
    "x": ("xa",),
    "vp": ("van", "phong"),
    "tx": ("thi", "xa"),
}


def name_sequence(question: str) -> list[tuple[int, str]]:
    """The question's words as compared with names, each with its index in ``words(question)``.

    Short kind words are written out and spellings made canonical
    (:func:`assistant.text.canon`), so "P. An Tạo", "Mĩ Hào" and "tan fong"
    compare with the catalogue's names.
    """
    out: list[tuple[int, str]] = []
    for i, word in enumerate(words(question)):
        for part in _KIND_SHORT.get(word, (word,)):
            out.append((i, canon(part)))
    return out


@dataclass(frozen=True)
class UnitMatch:
    """The units a question names.

    Attributes:
        units: units named, in order of appearance.
        ambiguous: for each mention matching several units equally, the candidates.
        used: positions (in ``words(question)``) of the words that name units.
        suggested: units whose name is one letter away from a well-formed name
            typed in the question ("Tân Phương" for "Tân Phong"): asked back, never assumed.
    """

    units: list[UnitEntry]
    ambiguous: list[list[UnitEntry]]
    used: set[int]
    suggested: list[UnitEntry]


def _name_hits(seq: list[str], catalogue: Catalogue) -> list[tuple[int, int, int, UnitEntry]]:
    """Exact mentions (start, end, strength, unit) of units and of people (their unit)."""
    hits: list[tuple[int, int, int, UnitEntry]] = []
    for unit in catalogue.units:
        for alias, strength in unit.aliases():
            for start in _find(seq, tuple(canon(w) for w in alias)):
                hits.append((start, start + len(alias), strength, unit))
    for person in catalogue.people:
        alias = tuple(canon(w) for w in person.alias())
        owner = catalogue.unit(person.unit_code)
        # A full name (three syllables or more) only: "Văn Giang" is a commune too.
        if owner is None or len(alias) < 3:
            continue
        for start in _find(seq, alias):
            hits.append((start, start + len(alias), 3, owner))
    return hits


def _near_names(
    seq: list[str], used: set[int], catalogue: Catalogue
) -> tuple[list[tuple[int, int, UnitEntry]], list[UnitEntry]]:
    """Mentions one letter away from a unit's name, in words no name has used.

    A typed syllable that is not Vietnamese ("Phog") is a typo: the unit is
    taken. A well-formed one ("Phương") may be another place: only suggested.

    Returns:
        (typo hits as (start, end, unit), suggested units).
    """
    typos: list[tuple[int, int, UnitEntry]] = []
    suggested: dict[str, UnitEntry] = {}
    for unit in catalogue.units:
        names = {tuple(canon(w) for w in alias) for alias, strength in unit.aliases()}
        for name in names:
            if len(name) < 2:
                continue
            for start in range(len(seq) - len(name) + 1):
                window = seq[start : start + len(name)]
                if set(range(start, start + len(name))) & used:
                    continue
                differ = [(a, b) for a, b in zip(window, name, strict=True) if a != b]
                if len(differ) != 1:
                    continue
                typed, known = differ[0]
                if min(len(typed), len(known)) < 3 or edit_distance(typed, known) != 1:
                    continue
                if typed.isalpha() and not is_syllable(typed):
                    typos.append((start, start + len(name), unit))
                else:
                    suggested.setdefault(unit.code, unit)
    return typos, list(suggested.values())


def match_units(question: str, catalogue: Catalogue) -> UnitMatch:
    """Find the units a question names (by the unit's name or a person's full name).

    Longest, strongest mentions win; a mention matching several units equally
    well is ambiguous unless the accents typed single one of them out. A name
    with a one-letter typo still counts; a different but close name is only
    suggested.
    """
    pairs = name_sequence(question)
    seq = [w for _, w in pairs]
    hits = _name_hits(seq, catalogue)
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
    suggested: list[UnitEntry] = []
    if not units and not ambiguous:
        typos, suggested = _near_names(seq, used, catalogue)
        by_span: dict[tuple[int, int], dict[str, UnitEntry]] = {}
        for start, end, unit in typos:
            by_span.setdefault((start, end), {})[unit.code] = unit
        for (start, end), found in sorted(by_span.items()):
            if set(range(start, end)) & used:
                continue
            used |= set(range(start, end))
            options = sorted(found.values(), key=lambda u: u.name)
            if len(options) == 1:
                units.append((start, options[0]))
            else:
                ambiguous.append(options)
        if units or ambiguous:
            suggested = []
    units.sort(key=lambda item: item[0])
    unique: dict[str, UnitEntry] = {}
    for _, unit in units:
        unique.setdefault(unit.code, unit)
    positions = {pairs[i][0] for i in used}
    return UnitMatch(list(unique.values()), ambiguous, positions, suggested)


def _accented_core(unit: UnitEntry) -> str:
    parts = unit.name.lower().split()
    folded = fold(unit.name).split()
    from assistant.catalogue import strip_kind

    core = strip_kind(tuple(folded))
    return " ".join(parts[len(parts) - len(core) :])


_PLACE_WORDS = frozenset({"xa", "phuong", "huyen", "thi tran", "thi xa", "so", "tinh"})
# Ordinary words that contain a kind word ("hồ sơ", "phương án", "xã hội",
# "tình hình"): folded, they would look like "sở …", "phường …", "xã …", "tỉnh …".
_NOT_PLACES = frozenset(
    {
        "ho so",
        "co so",
        "so sanh",
        "so voi",
        "so lieu",
        "so luong",
        "so hoa",
        "doi so",
        "so huu",
        "phuong an",
        "phuong thuc",
        "phuong tien",
        "phuong huong",
        "phuong phap",
        "dia phuong",
        "xa hoi",
        "tinh hinh",
        "tinh trang",
        "tinh uy",
        "toan tinh",
        "cap tinh",
        "tinh than",
        "tinh toan",
        "tinh nang",
        "tinh chat",
        "ngoai tinh",
        "trong tinh",
        "tinh nao",
    }
)
# Kind words as typed with accents: "sơ", "phương", "tình" are other words.
_ACCENTED_KINDS = frozenset({"xã", "phường", "huyện", "thị", "sở", "tỉnh"})


def _names_a_place(question: str) -> bool:
    """Whether words like "xã Tân Lập" appear (a kind word followed by a name)."""
    pairs = typed_words(question)
    seq = [folded for folded, _ in pairs]
    typed = [as_typed for _, as_typed in pairs]
    accents = has_diacritics(question)
    for i, word in enumerate(seq[:-1]):
        before = f"{seq[i - 1]} {word}" if i else ""
        after = f"{word} {seq[i + 1]}"
        if before in _NOT_PLACES or after in _NOT_PLACES:
            continue
        if (
            accents
            and word in {fold(k) for k in _ACCENTED_KINDS}
            and typed[i] not in _ACCENTED_KINDS
        ):
            continue
        pair = after
        if pair in _PLACE_WORDS and i + 2 < len(seq) and seq[i + 2] not in STOP_WORDS:
            return True
        if word in _PLACE_WORDS and seq[i + 1] not in STOP_WORDS and seq[i + 1] != "nao":
            return True
    return False


# "xã nào", "những phường", "sở nào": which kinds of unit a risk question means.
_KIND_CUES: dict[str, frozenset[str]] = {
    "xa": frozenset({"commune"}),
    "phuong": frozenset({"ward"}),
    "so": frozenset({"agency"}),
    "co quan": frozenset({"agency"}),
}
_WHICH = ("nao", "nhung", "cac")


def asked_kinds(folded: str) -> frozenset[str]:
    """The unit kinds a risk question names ("xã nào", "các phường"), empty for any unit."""
    seq = folded.split()
    kinds: set[str] = set()
    for cue, found in _KIND_CUES.items():
        size = len(cue.split())
        for i in range(len(seq) - size + 1):
            if " ".join(seq[i : i + size]) != cue:
                continue
            before = seq[i - 1] if i else ""
            after = seq[i + size] if i + size < len(seq) else ""
            if f"{before} {cue}" in _NOT_PLACES or f"{cue} {after}" in _NOT_PLACES:
                continue  # "hồ sơ nào" is no department
            # "xã, phường nào": the kind just before another kind word counts too.
            if after in _WHICH or before in _WHICH or after in _KIND_CUES:
                kinds |= found
    return frozenset(kinds)


# After these, a folded "dat" is "đạt" (reach), not "đất" (land).
_DAT_BEFORE = frozenset({"khong", "chua", "da", "se", "duoc", "co", "k", "ko", "kg", "de", "kho"})
_DAT_AFTER = frozenset(
    {"bao", "duoc", "may", "chi", "ke", "muc", "du", "yeu", "thap", "cao", "kq", "tien", "ty", "so"}
)


def _verb_dat(question: str) -> set[int]:
    """Positions of "đạt" (the verb) among the question's words, so it is no topic.

    Folded, "đạt" and "đất" are both "dat": typed accents decide; without
    them, the neighbouring words do ("không đạt", "đạt bao nhiêu").
    """
    pairs = typed_words(question)
    accents = has_diacritics(question)
    found: set[int] = set()
    for i, (folded, typed) in enumerate(pairs):
        if folded != "dat":
            continue
        before = pairs[i - 1][0] if i else ""
        after = pairs[i + 1][0] if i + 1 < len(pairs) else ""
        if accents and typed != "dat":
            if typed == "đạt":
                found.add(i)
        elif before in _DAT_BEFORE or after in _DAT_AFTER or after[:1].isdigit():
            found.add(i)
    return found


def detect_intent(folded: str, n_units: int) -> Intent:
    """Classify the question (folded, abbreviations expanded)."""
    padded = f" {folded} "
    has = lambda cues: any(f" {c} " in padded for c in cues)  # noqa: E731
    if has(_QUALITY):
        return Intent.QUALITY
    if n_units >= 2 and has(_SAID) and not has(_COMPARE):
        return Intent.ABOUT
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
    """Add the synonyms of topic words (on folded unigrams/bigrams).

    A cue inside a longer cue that matched gives way to it: "thu tiền đất"
    is land-use revenue, not the budget revenue "thu" alone means.
    """
    joined = " ".join(t.replace("_", " ") for t in question_terms if "_" in t)
    matched = [
        cue
        for cue in TOPIC_SYNONYMS
        if f" {cue} " in f" {joined} " or (" " not in cue and cue in question_terms)
    ]
    extra: list[str] = []
    for cue in matched:
        if any(len(other) > len(cue) and f" {cue} " in f" {other} " for other in matched):
            continue
        extra.extend(terms(TOPIC_SYNONYMS[cue]))
    return question_terms + extra


# Words a question may carry that name no subject: chat fillers, forms of address,
# who said something. A question made of these and a unit asks for the overview.
QUESTION_FILLERS = frozenset(
    {"troi", "nhe", "ne", "thua", "ak", "ha", "di", "dong", "thuong", "truc", "uy", "ban", "ro"}
)
# Phrases common to questions and titles alike that say nothing about the subject.
GENERIC_PHRASES = frozenset(
    {
        "tien_do",
        "tinh_hinh",
        "ket_qua",
        "chi_tieu",
        "ke_hoach",
        "nam_nay",
        "thuc_hien",
        "hoan_thanh",
        "dat_duoc",
        "don_vi",
        "bao_nhieu",
        "the_nao",
        "lam_sao",
        "hien_nay",
        "cong_tac",
        "nhiem_vu",
    }
)


def is_about(kr: KeyResultEntry, topic: list[str], content: list[str]) -> bool:
    """Whether a key result is what the question asks about.

    It must share a two-syllable phrase of the question (or of its domain
    synonyms) other than a generic one, or half of the question's content words.
    """
    own = set(terms(kr.text()))
    phrases = {t for t in topic if "_" in t and t not in GENERIC_PHRASES}
    if phrases & own:
        return True
    shared = {w for w in content if w in own}
    return len(shared) * 2 >= len(set(content))


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
    match = match_units(question, catalogue)
    units, ambiguous = match.units, match.ambiguous
    skip = match.used | _verb_dat(question)
    rest = " ".join(w for i, w in enumerate(seq) if i not in skip)
    expanded = normalise_phrases(" ".join(words(rest, expand=True)))
    years = sorted({kr.year for kr in catalogue.key_results if kr.year})
    default_year = (today or dt.date.today()).year
    if years and default_year not in years:
        default_year = years[-1]
    period, year = detect_period(expanded, default_year)
    intent = detect_intent(expanded, len(units) + len(ambiguous))
    # A bigram of two question words ("co_van", "gi_khong") says nothing about the topic.
    topic = [t for t in terms(expanded) if not set(t.split("_")) <= STOP_WORDS]
    if intent in (Intent.CONCLUDED, Intent.ABOUT):
        # "kết luận", "giao ban" say what kind of text is wanted, not which key result.
        noise = {w for cue in _CONCLUDED + _SAID for w in cue.split()} | {"quy", "gan", "nhat"}
        topic = [t for t in topic if not set(t.split("_")) & noise]
    if intent is Intent.QUALITY:
        # "báo cáo số liệu giống hệt kế hoạch" says what is wrong, not which key result.
        noise = {w for cue in _QUALITY for w in cue.split()} | _REPORTING_WORDS
        topic = [t for t in topic if not set(t.split("_")) & noise]
    content = [t for t in topic if "_" not in t and t not in QUESTION_FILLERS]
    subject = content + [t for t in topic if "_" in t and t not in GENERIC_PHRASES]
    topic = expand_topic(topic)
    parsed = ParsedQuestion(
        question,
        intent,
        units,
        ambiguous,
        topic_terms=topic,
        period=period,
        year=year,
        content_terms=subject,
    )
    if intent is Intent.RISK:
        parsed.kinds = asked_kinds(expanded)
    if not units and not ambiguous:
        parsed.suggested = match.suggested
        parsed.unknown_place = _names_a_place(question)
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
    if content or intent in (Intent.CONCLUDED, Intent.QUALITY, Intent.ABOUT):
        # Ranking always finds something sharing a word ("ngày" in "ngày mai"):
        # keep only key results the question is really about.
        scored = [(score, kr) for score, kr in scored if content and is_about(kr, topic, content)]
        # "Kết luận gì về xã X" without a subject asks about the unit as a whole.
        # Nor do "what did X say about Y" and data-quality questions: their
        # subject words only rank the texts.
        parsed.off_topic = not scored and intent not in (
            Intent.CONCLUDED,
            Intent.QUALITY,
            Intent.ABOUT,
        )
    parsed.key_results = [kr for _, kr in scored]
    parsed.kr_scores = [score for score, _ in scored]
    return parsed
