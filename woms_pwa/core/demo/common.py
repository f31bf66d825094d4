"""Shared constants and small helpers for the demo dataset.

Everything here is pure and deterministic: the demo must produce byte-identical
output on every run, so randomness is always derived from a stable string key
(never from Python's salted ``hash``).
"""

from __future__ import annotations

import random
import unicodedata
import zlib

from woms_pwa.core.exchange.schema import SHEETS

# Exact column sets of exchange-format.md section 1, in the documented order.
COLUMNS: dict[str, list[str]] = {sheet.name: list(sheet.columns) for sheet in SHEETS}

PERSPECTIVES = ("service", "budget", "process", "learning")
EMAIL_DOMAIN = "hungyen.gov.vn"
SEED = 2025

# Last calendar day of each month (2024 is a leap year).
_MONTH_END = {
    2024: (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31),
    2025: (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31),
}


def month_end(year: int, month: int) -> str:
    """Return the ISO date of the last day of ``month`` in ``year``.

    Args:
        year: 2024 or 2025.
        month: 1..12.

    Returns:
        A date string such as ``2025-02-28``.
    """
    return f"{year:04d}-{month:02d}-{_MONTH_END[year][month - 1]:02d}"


def rng_for(*key: object) -> random.Random:
    """Return a ``random.Random`` seeded from a stable key.

    Seeding per key (rather than one global stream) keeps each key result's
    numbers stable when unrelated parts of the demo are edited.
    """
    text = "|".join(str(k) for k in (SEED, *key))
    return random.Random(zlib.crc32(text.encode("utf-8")))


def fmt_num(value: float | int | None) -> str:
    """Format a number for the exchange format: plain, '.' decimal, no trailing zeros."""
    if value is None:
        return ""
    number = round(float(value), 4)
    if number == int(number):
        return str(int(number))
    return f"{number:.4f}".rstrip("0").rstrip(".")


def vn_num(value: float, decimals: int = 1) -> str:
    """Format a number the Vietnamese way for prose: '1.234,5'.

    Args:
        value: the number.
        decimals: maximum number of decimals; trailing zeros are dropped.
    """
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def with_unit(text: str, unit: str) -> str:
    """Attach a unit of measure to a formatted number: '31,1%' but '6 hội nghị'."""
    return f"{text}%" if unit == "%" else f"{text} {unit}"


def ascii_fold(text: str) -> str:
    """Strip Vietnamese diacritics: 'Đặng Thị Ánh' -> 'Dang Thi Anh'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def nfc(text: str) -> str:
    """Normalise text to NFC (the form every cell of the demo uses)."""
    return unicodedata.normalize("NFC", text)
