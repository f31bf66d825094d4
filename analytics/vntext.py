"""Vietnamese text helpers shared by every package: accent folding and number formats.

Users type with or without diacritics, so every match and search works on folded
text. Numbers are written the Vietnamese way (``1.234,5``) in the interface and
accepted both ways on input.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "D"})
_SPACES = re.compile(r"\s+")


def fold_accents(text: str) -> str:
    """Return ``text`` lower-cased, without diacritics, with single spaces.

    Args:
        text: any Vietnamese text, composed or decomposed.

    Returns:
        The folded text: ``"Giải ngân ĐTC"`` becomes ``"giai ngan dtc"``.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_TABLE))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped.lower()).strip()


def normalize_text(text: str) -> str:
    """Return ``text`` in NFC with trimmed, single-spaced whitespace."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


_NUMBER_PLAIN = re.compile(r"^[+-]?(\d+([.,]\d+)?|[.,]\d+)$")
_NUMBER_GROUPED_VI = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_NUMBER_GROUPED_EN = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def parse_number(text: str) -> float | None:
    """Parse a number written as ``12.5``, ``12,5``, ``1.234,5`` or ``1,234.5``.

    A single separator is a decimal separator (``12,5`` = 12.5, ``1.234`` = 1.234),
    because that is how spreadsheets export plain numbers; grouped forms need
    two kinds of separator or several groups.

    Args:
        text: the cell or field content.

    Returns:
        The value, or ``None`` when the text is not a number.
    """
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if not s:
        return None
    if _NUMBER_PLAIN.match(s):
        value = float(s.replace(",", "."))
    elif _NUMBER_GROUPED_VI.match(s) and ("," in s or s.count(".") > 1):
        value = float(s.replace(".", "").replace(",", "."))
    elif _NUMBER_GROUPED_EN.match(s) and ("." in s or s.count(",") > 1):
        value = float(s.replace(",", ""))
    else:
        return None
    return value if math.isfinite(value) else None


def format_number_plain(value: float) -> str:
    """Format a number for files: shortest exact form, ``.`` decimal, no grouping."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def format_number_vi(value: float | None, decimals: int = 1) -> str:
    """Format a number for people: ``1234.5`` becomes ``"1.234,5"``.

    Trailing zeros of the decimals are dropped (``12,0`` is shown as ``12``).
    """
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_money_vnd(value: float | None) -> str:
    """Format an amount in đồng: ``1234567`` becomes ``"1.234.567 ₫"``."""
    if value is None:
        return "—"
    return f"{format_number_vi(round(value), 0)} ₫"


def format_date_vi(value: object) -> str:
    """Format a date as ``dd/mm/yyyy`` (``"—"`` for none)."""
    if value is None:
        return "—"
    return value.strftime("%d/%m/%Y")  # type: ignore[attr-defined, no-any-return]


# Việt Nam keeps one time zone and no daylight saving: UTC+7 all year.
VN_TIME = dt.timezone(dt.timedelta(hours=7), "ICT")


def to_vn_time(moment: dt.datetime) -> dt.datetime:
    """The same instant on Vietnamese clocks; a naive time is taken as UTC (how it is stored)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(VN_TIME)


def format_time_vi(moment: dt.datetime) -> str:
    """``HH:MM`` on Vietnamese clocks."""
    return to_vn_time(moment).strftime("%H:%M")


def format_datetime_vi(moment: dt.datetime | None) -> str:
    """``dd/mm/yyyy HH:MM`` on Vietnamese clocks (``"—"`` for none)."""
    if moment is None:
        return "—"
    return to_vn_time(moment).strftime("%d/%m/%Y %H:%M")


def format_percent_vi(ratio: float | None, decimals: int = 1) -> str:
    """Format a ratio as a Vietnamese percentage: ``0.4567`` becomes ``"45,7%"``."""
    if ratio is None:
        return "—"
    return f"{format_number_vi(ratio * 100, decimals)}%"
