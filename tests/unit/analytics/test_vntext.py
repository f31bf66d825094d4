"""Vietnamese text, numbers, money, dates and clock times (golden values)."""

from __future__ import annotations

import datetime as dt

import pytest

from analytics.vntext import (
    fold_accents,
    format_date_vi,
    format_datetime_vi,
    format_money_vnd,
    format_number_vi,
    format_percent_vi,
    format_time_vi,
    parse_number,
    to_vn_time,
)


def test_fold_accents() -> None:
    assert fold_accents("  Giải ngân   ĐTC ") == "giai ngan dtc"
    assert fold_accents("Phường Ân Thi") == fold_accents("phuong an thi")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1.234.567", 1234567.0),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "mười hai", "1,2,3.4.5", "nan", "inf"])
def test_parse_number_refuses(text: str) -> None:
    assert parse_number(text) is None


def test_number_money_percent_date() -> None:
    assert format_number_vi(1234.5) == "1.234,5"
    assert format_number_vi(12.0, 2) == "12"
    assert format_money_vnd(1234567.4) == "1.234.567 ₫"
    assert format_percent_vi(0.4567) == "45,7%"
    assert format_date_vi(dt.date(2025, 9, 30)) == "30/09/2025"
    assert format_date_vi(None) == format_datetime_vi(None) == "—"


def test_clock_times_are_vietnamese_whatever_the_server_zone() -> None:
    # Stored times are UTC (naive from the database, aware from utcnow()).
    naive = dt.datetime(2025, 9, 30, 18, 30)
    aware = dt.datetime(2025, 9, 30, 18, 30, tzinfo=dt.UTC)
    assert format_datetime_vi(naive) == format_datetime_vi(aware) == "01/10/2025 01:30"
    assert format_time_vi(aware) == "01:30"
    assert to_vn_time(aware).utcoffset() == dt.timedelta(hours=7)
