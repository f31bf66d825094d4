"""Vietnamese text for retrieval: accent folding, tokens, abbreviations, stop words.

Users type with or without diacritics and with office abbreviations ("gn",
"gpmb", "ĐTC"), so every comparison works on folded tokens. Vietnamese words
are syllables separated by spaces; adjacent-syllable bigrams ("giai_ngan")
carry most of the meaning and are indexed next to the syllables.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "D"})
_WORD = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")

# Office abbreviations expanded before matching (folded forms). Domain
# vocabulary shared by every province, not names of particular units.
ABBREVIATIONS: dict[str, str] = {
    "gn": "giai ngan",
    "gpmb": "giai phong mat bang",
    "dtc": "dau tu cong",
    "xdcb": "xay dung co ban",
    "ns": "ngan sach",
    "nsnn": "ngan sach nha nuoc",
    "tsdd": "tien su dung dat",
    "dv": "dang vien",
    "dvm": "dang vien moi",
    "cds": "chuyen doi so",
    "cchc": "cai cach hanh chinh",
    "tthc": "thu tuc hanh chinh",
    "hs": "ho so",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "kh": "ke hoach",
    "kq": "ket qua",
    "bc": "bao cao",
    "vb": "van ban",
    "ct": "chi tieu",
    "sdd": "su dung dat",
    "qcut": "quan chung uu tu",
    "ko": "khong",
    "k": "khong",
    "kg": "khong",
    "dc": "duoc",
    "j": "gi",
    "ntn": "nhu the nao",
    "vs": "voi",
    "q1": "quy 1",
    "q2": "quy 2",
    "q3": "quy 3",
    "q4": "quy 4",
    # Chat and regional spellings ("ko", "dzậy", "bao h", "sao z").
    "khg": "khong",
    "hok": "khong",
    "hk": "khong",
    "z": "vay",
    "v": "vay",
    "zay": "vay",
    "dzay": "vay",
    "dza": "vay",
    "h": "gio",
    "r": "roi",
    "rui": "roi",
    "bn": "bao nhieu",
    "bnhieu": "bao nhieu",
    # More office abbreviations.
    "ntm": "nong thon moi",
    "mttq": "mat tran to quoc",
    "cbcc": "can bo cong chuc",
    "cb": "can bo",
    "mt": "moi truong",
    "sd": "su dung",
    "qd": "quyet dinh",
    "tw": "trung uong",
    "dtdd": "dinh danh dien tu",
}

# Regional phrasing reduced to the standard words ("mần sao" = "làm sao"),
# on folded, abbreviation-expanded text.
INFORMAL_PHRASES: dict[str, str] = {
    "man sao": "lam sao",
    "man gi": "lam gi",
    "ra lam sao": "the nao",
    "lam sao roi": "the nao roi",
    "sao roi": "the nao roi",
    "toi dau roi": "the nao roi",
    "den dau roi": "the nao roi",
    "toi dau": "den dau",
}

# Kind words that start unit names; stripped to get the "core" of a name.
UNIT_KIND_WORDS: tuple[str, ...] = (
    "xa",
    "phuong",
    "thi tran",
    "thi xa",
    "thanh pho",
    "huyen",
    "quan",
    "tinh",
    "so",
    "ban",
    "phong",
    "van phong",
    "trung tam",
    "uy ban",
    "dang uy",
)

STOP_WORDS: frozenset[str] = frozenset(
    [
        "vi",
        "sao",
        "tai",
        "sao",
        "sao",
        "lai",
        "the",
        "nao",
        "nhu",
        "the",
        "nao",
        "gi",
        "la",
        "cua",
        "va",
        "cho",
        "o",
        "tai",
        "trong",
        "voi",
        "den",
        "nguyen",
        "nhan",
        "ly",
        "do",
        "do",
        "dau",
        "boi",
        "vi",
        "nen",
        "thi",
        "ma",
        "nay",
        "kia",
        "nao",
        "co",
        "khong",
        "chua",
        "duoc",
        "da",
        "dang",
        "se",
        "bi",
        "cac",
        "nhung",
        "mot",
        "hay",
        "hoac",
        "ve",
        "tu",
        "theo",
        "cung",
        "con",
        "nua",
        "roi",
        "a",
        "nhi",
        "vay",
        "day",
        "tinh",
        "hinh",
        "hien",
        "nay",
        "bao",
        "nhieu",
        "muc",
        "chi",
        "tieu",
        "don",
        "vi",
        "em",
        "anh",
        "chi",
        "oi",
        "cho",
        "toi",
        "biet",
        "hoi",
        "xem",
        # "vấn đề", "ai … hơn", "gặp": question words, never topics.
        "van",
        "de",
        "ai",
        "hon",
        "gap",
        # Descriptors of progress ("chậm", "thấp", "ít"), not topics; folded
        # "cham" would otherwise match "chăm lo".
        "cham",
        "thap",
        "it",
        "nhieu",
        "nhanh",
    ]
)


def _fold_slow(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_TABLE))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn").lower()


# One translate() per text instead of a Python loop per character: indexing
# speed is dominated by this function.
_FAST_TABLE: dict[int, str | None] = {
    code: _fold_slow(chr(code))
    for block in ((0x00C0, 0x0250), (0x1E00, 0x1F00))
    for code in range(*block)
    if _fold_slow(chr(code)) != chr(code)
}
_FAST_TABLE.update({code: None for code in range(0x0300, 0x0370)})


def fold(text: str) -> str:
    """Lower-case ``text`` and remove Vietnamese diacritics (``đ`` → ``d``).

    Args:
        text: composed or decomposed Vietnamese text.

    Returns:
        Folded text with single spaces.
    """
    folded = unicodedata.normalize("NFC", text).translate(_FAST_TABLE).lower()
    return " ".join(folded.translate(_FAST_TABLE).split())


def words(text: str, *, expand: bool = False) -> list[str]:
    """Split ``text`` into folded syllables (numbers keep their separators).

    Args:
        text: any text.
        expand: replace known abbreviations by their full folded words.

    Returns:
        The syllables, in order.
    """
    found = _WORD.findall(fold(text))
    if not expand:
        return found
    out: list[str] = []
    for word in found:
        out.extend(ABBREVIATIONS.get(word, word).split())
    return out


def terms(text: str, *, expand: bool = False) -> list[str]:
    """Index terms of ``text``: content syllables plus adjacent-syllable bigrams.

    Stop words are dropped as unigrams but kept inside bigrams ("khong dong_y"
    stays distinct from "dong_y").

    Args:
        text: any text.
        expand: expand abbreviations first (used for questions).

    Returns:
        Terms with repetitions (term frequency matters).
    """
    syllables = words(text, expand=expand)
    out = [w for w in syllables if w not in STOP_WORDS and len(w) > 1]
    out.extend(f"{a}_{b}" for a, b in itertools.pairwise(syllables))
    return out


def typed_words(text: str) -> list[tuple[str, str]]:
    """The words of ``text`` folded, each with the word as typed (lower case).

    The same words as :func:`words`; the typed form keeps the accents that
    tell "sở" (a department) from "sơ" (in "hồ sơ").
    """
    folded_chars: list[str] = []
    typed_chars: list[str] = []
    for ch in unicodedata.normalize("NFC", text).lower():
        folded = ch.translate(_FAST_TABLE).lower()
        if len(folded) == 1:
            folded_chars.append(folded)
            typed_chars.append(ch)
    folded_text, typed_text = "".join(folded_chars), "".join(typed_chars)
    return [(m.group(0), typed_text[m.start() : m.end()]) for m in _WORD.finditer(folded_text)]


def normalise_phrases(folded: str) -> str:
    """Replace regional phrasing in folded, expanded text (see :data:`INFORMAL_PHRASES`)."""
    padded = f" {folded} "
    for phrase, standard in sorted(INFORMAL_PHRASES.items(), key=lambda p: -len(p[0])):
        padded = padded.replace(f" {phrase} ", f" {standard} ")
    return " ".join(padded.split())


# A well-formed Vietnamese syllable, folded: onset, one to three vowels, coda.
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$"
)
_CONSONANT_Y = re.compile(r"(?<=[^aeiouy])y$")


def canon(word: str) -> str:
    """One folded syllable with its spelling variants reduced to one form (for names).

    Chat and older spellings write the same name differently: "fong" for
    "phong", "dz"/"z" for "d", "Mĩ"/"Mỹ" and "Thy"/"Thi" (a final "y" after a
    consonant). Names compare equal after this.
    """
    if word.startswith("f"):
        word = "ph" + word[1:]
    elif word.startswith("dz"):
        word = "d" + word[2:]
    elif word.startswith("z"):
        word = "d" + word[1:]
    return _CONSONANT_Y.sub("i", word)


def is_syllable(word: str) -> bool:
    """Whether a folded word is a well-formed Vietnamese syllable ("phog" is not: a typo)."""
    return bool(_SYLLABLE.match(word))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between two short strings."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def has_diacritics(text: str) -> bool:
    """Whether ``text`` carries any Vietnamese diacritic (so it was typed with accents)."""
    return fold(text) != " ".join(text.lower().split())
