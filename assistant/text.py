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


def has_diacritics(text: str) -> bool:
    """Whether ``text`` carries any Vietnamese diacritic (so it was typed with accents)."""
    return fold(text) != " ".join(text.lower().split())
