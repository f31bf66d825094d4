"""Text preparation for metric matching: folding, abbreviations, qualitative cues.

Planners type with or without diacritics and with the administrative
abbreviations of Vietnamese plans (GPMB, NTM, TTHC …). Everything is matched on
folded text (see :func:`analytics.vntext.fold_accents`); an abbreviation is kept
and its expansion appended, so both "GPMB" and "giải phóng mặt bằng" match.
"""

from __future__ import annotations

import re
import unicodedata

from analytics.vntext import fold_accents, normalize_text

# Folded abbreviation -> expansion (shown in reasons; matched folded). Only abbreviations with one dominant
# meaning in plans are listed: "dv" (đảng viên / dịch vụ) or "hs" (hồ sơ / học
# sinh) would add more noise than signal.
ABBREVIATIONS_DISPLAY: dict[str, str] = {
    "gpmb": "giải phóng mặt bằng",
    "ntm": "nông thôn mới",
    "tthc": "thủ tục hành chính",
    "cchc": "cải cách hành chính",
    "dtc": "đầu tư công",
    "nsnn": "ngân sách nhà nước",
    "ns": "ngân sách",
    "nsdp": "ngân sách địa phương",
    "xdcb": "xây dựng cơ bản",
    "cds": "chuyển đổi số",
    "dvc": "dịch vụ công",
    "dvctt": "dịch vụ công trực tuyến",
    "ktxh": "kinh tế xã hội",
    "antt": "an ninh trật tự",
    "anct": "an ninh chính trị",
    "ttatxh": "trật tự an toàn xã hội",
    "atgt": "an toàn giao thông",
    "ttatgt": "trật tự an toàn giao thông",
    "tngt": "tai nạn giao thông",
    "mttq": "mặt trận tổ quốc",
    "hdnd": "hội đồng nhân dân",
    "ubnd": "ủy ban nhân dân",
    "bhyt": "bảo hiểm y tế",
    "bhxh": "bảo hiểm xã hội",
    "cnxd": "công nghiệp xây dựng",
    "tmdv": "thương mại dịch vụ",
    "kcn": "khu công nghiệp",
    "ccn": "cụm công nghiệp",
    "qsdd": "quyền sử dụng đất",
    "gcn": "giấy chứng nhận",
    "gcnqsdd": "giấy chứng nhận quyền sử dụng đất",
    "khcn": "khoa học công nghệ",
    "dmst": "đổi mới sáng tạo",
    "attt": "an toàn thông tin",
    "pccc": "phòng cháy chữa cháy",
    "vsattp": "vệ sinh an toàn thực phẩm",
    "attp": "an toàn thực phẩm",
    "nvqs": "nghĩa vụ quân sự",
    "dqtv": "dân quân tự vệ",
    "llct": "lý luận chính trị",
    "pctn": "phòng chống tham nhũng",
    "kntc": "khiếu nại tố cáo",
    "tcd": "tiếp công dân",
    "ktgs": "kiểm tra giám sát",
    "ubkt": "ủy ban kiểm tra",
    "bch": "ban chấp hành",
    "btv": "ban thường vụ",
    "cb": "cán bộ",
    "cbcc": "cán bộ công chức",
    "cbccvc": "cán bộ công chức viên chức",
    "dn": "doanh nghiệp",
    "dnnvv": "doanh nghiệp nhỏ và vừa",
    "hkd": "hộ kinh doanh",
    "thcs": "trung học cơ sở",
    "thpt": "trung học phổ thông",
    "gddt": "giáo dục đào tạo",
    "vhxh": "văn hóa xã hội",
    "vhtt": "văn hóa thông tin",
    "tdtt": "thể dục thể thao",
    "qpan": "quốc phòng an ninh",
    "qlvb": "quản lý văn bản",
    "xkld": "xuất khẩu lao động",
    "tmdt": "thương mại điện tử",
    "cntt": "công nghệ thông tin",
    "csdl": "cơ sở dữ liệu",
    "csvc": "cơ sở vật chất",
    "nq": "nghị quyết",
    "tw": "trung ương",
    "kh": "kế hoạch",
    "sxkd": "sản xuất kinh doanh",
    "ttcn": "tiểu thủ công nghiệp",
    "pakn": "phản ánh kiến nghị",
    "tnxh": "tệ nạn xã hội",
    "tnmt": "tài nguyên môi trường",
    "xd": "xây dựng",
    "cnh": "công nghiệp hóa",
    "hdh": "hiện đại hóa",
    "dvhc": "đơn vị hành chính",
    "gtnt": "giao thông nông thôn",
    "ttg": "thủ tướng",
    "vpdk": "văn phòng đăng ký",
}
ABBREVIATIONS: dict[str, str] = {k: fold_accents(v) for k, v in ABBREVIATIONS_DISPLAY.items()}

# Directive numbers worth keeping as tokens ("NQ 57", "NQ 68" …); other numbers
# are targets ("100%", "x ha") and say nothing about which metric fits.
_KEEP_NUMBERS = frozenset(
    {"57", "68", "119", "35", "05", "50", "21", "06", "61", "76", "28", "18", "02", "9001"}
)
# Folded function words that never decide a match. Ambiguous folds are left out
# on purpose: "trong" (trồng), "dat" (đất), "do" (độ), "den" (đền), "tu" (tư).
STOPWORDS = frozenset(
    {
        "va",
        "cac",
        "cua",
        "cho",
        "nhung",
        "mot",
        "duoc",
        "la",
        "voi",
        "tren",
        "nham",
        "nay",
        "theo",
        "hon",
        "x",
        "z",
        "vd",
        "nhu",
        "sau",
        "khi",
        "thi",
    }
)
_DIGITS = re.compile(r"\d")

# Markers of a qualitative task ("tăng cường…", "nâng cao chất lượng…") that
# needs proxy measures (Lương Thế Vinh's boat) rather than a direct count.
_QUALITATIVE_MARKERS = (
    "tang cuong",
    "nang cao",
    "day manh",
    "chat luong",
    "hieu qua",
    "doi moi",
    "phat huy",
    "cong tac",
    "lam tot",
    "thuc hien tot",
    "quan triet",
    "chu trong",
    "tiep tuc",
    "vung manh",
    "cai thien",
    "chuyen bien",
    "nhan thuc",
    "thuc day",
    "cung co",
    "giu vung",
)
# Openings of a text that already is a measure ("tỷ lệ…", "số…").
_MEASURE_OPENINGS = ("ty le", "so ", "so luong", "toc do", "chi so", "diem ", "tong ")


_RAW_JOINED = re.compile(r"([^\W_]+)[-&/.]([^\W_]+)")
_RAW_TOKEN = re.compile(r"[^\W_]+")


def _join_abbreviations(text: str) -> str:
    """Glue ``KT-XH``/``TN&MT`` style abbreviations so they can be expanded."""

    def repl(match: re.Match[str]) -> str:
        joined = match.group(1) + match.group(2)
        return joined if fold_accents(joined) in ABBREVIATIONS else match.group(0)

    return _RAW_JOINED.sub(repl, text)


def token_pairs(text: str) -> list[tuple[str, str]]:
    """Tokenise ``text`` into ``(folded, typed)`` pairs with abbreviations expanded.

    Args:
        text: any Vietnamese text.

    Returns:
        One pair per word: the folded token and the lower-case word as typed.
        Each known abbreviation is followed by its expansion, written with
        diacritics so reasons read well. Pure numbers are dropped except directive numbers.
    """
    lowered = _join_abbreviations(normalize_text(text).lower())
    out: list[tuple[str, str]] = []
    for raw in _RAW_TOKEN.findall(lowered):
        folded = fold_accents(raw)
        if not folded.isascii() or (folded.isdigit() and folded not in _KEEP_NUMBERS):
            continue
        out.append((folded, raw))
        expansion = ABBREVIATIONS_DISPLAY.get(folded)
        if expansion:
            out.extend((fold_accents(word), word) for word in expansion.split())
    return out


def tokens(text: str) -> list[str]:
    """Fold ``text`` and return its tokens with abbreviations expanded in place."""
    return [folded for folded, _ in token_pairs(text)]


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def tone_key(word: str) -> str:
    """Spelling key that ignores where the tone mark sits ("hoá" = "hóa", "thuỷ" = "thủy").

    Vowel marks (â, ă, ê, ô, ơ, ư, đ) and the tone itself still count, so "nâng"
    and "năng", "sổ" and "số" stay different.
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = "".join(ch for ch in decomposed if ch in _TONE_MARKS)
    base = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", base) + tones


def has_diacritics(word: str) -> bool:
    """True when ``word`` carries any Vietnamese mark (including đ)."""
    return fold_accents(word) != word.lower()


def prepare(text: str) -> str:
    """Return the folded, abbreviation-expanded form used for vectorising."""
    return " ".join(tokens(text))


def is_qualitative(text: str) -> bool:
    """Tell whether a task text is qualitative (no number, a "strengthen/improve" verb).

    Args:
        text: the task or key-result text.

    Returns:
        True for texts such as "Tăng cường công tác tuyên truyền" that need proxy
        measures; False when the text states a number or already names a measure.
    """
    folded = fold_accents(text)
    if _DIGITS.search(folded) or "%" in folded:
        return False
    if folded.startswith(_MEASURE_OPENINGS):
        return False
    return any(marker in folded for marker in _QUALITATIVE_MARKERS)


# Planning verbs and filler nouns found in almost every task ("tăng cường công
# tác…", "nâng cao chất lượng…"). They still count, but a metric that only
# explains these words has not understood the task, so they weigh little in the
# phrase-coverage signal.
GENERIC_WEIGHTS: dict[str, float] = {
    **dict.fromkeys(
        (
            "tang",
            "cuong",
            "nang",
            "cao",
            "chat",
            "luong",
            "day",
            "manh",
            "nhanh",
            "cong",
            "tac",
            "thuc",
            "hien",
            "tot",
            "lam",
            "hieu",
            "qua",
            "trien",
            "khai",
            "dam",
            "bao",
            "tiep",
            "tuc",
            "phat",
            "huy",
            "chu",
            "hoan",
            "thanh",
            "nhiem",
            "vu",
            "muc",
            "tieu",
            "toan",
            "dien",
            "hon",
            "nua",
            "moi",
            "mat",
        ),
        0.15,
    ),
    **dict.fromkeys(("to", "chuc", "xay", "dung", "quan", "ly", "ke", "hoach", "doi"), 0.4),
}


def token_weight(token: str) -> float:
    """Weight of a query token in the phrase-coverage signal (1.0 for content words)."""
    return GENERIC_WEIGHTS.get(token, 1.0)
