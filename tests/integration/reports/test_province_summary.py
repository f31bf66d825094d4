"""The province-wide summary table for the review meeting."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from woms_pwa.core.db import session_scope
from woms_pwa.core.reports.generate import generate_report

PDFTOTEXT = shutil.which("pdftotext")
NEEDS_POPPLER = "Debian poppler-utils (pdftotext) is not installed"


def pdf_text(content: bytes, tmp_path: Path) -> str:
    """Text of a PDF through poppler's pdftotext."""
    path = tmp_path / "summary.pdf"
    path.write_bytes(content)
    done = subprocess.run(
        [str(PDFTOTEXT), "-layout", str(path), "-"], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def summary(loaded: str, actor, fmt: str):  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        return generate_report(session, actor, "province", "2025", "", fmt)


def test_excel_ranks_every_unit(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    made = summary(loaded, actor_of("lanhdao.tinh"), "xlsx")
    rows = list(
        openpyxl.load_workbook(io.BytesIO(made.content))["Tổng hợp"].iter_rows(
            min_row=4, values_only=True
        )
    )
    units = [r for r in rows if r[1]]
    assert [r[1] for r in units] == ["HY.P.ANTAO", "HY.X.TANPHONG", "HY"]  # by score
    assert [r[0] for r in units] == [1, 2, 3]
    assert units[1][3] == "Xã" and units[1][5] == 0.0 and units[1][8] == 1  # budget 0, one red
    assert summary(loaded, actor_of("lanhdao.tinh"), "xlsx").content == made.content


def test_a_head_gets_only_their_units(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    made = summary(loaded, actor_of("bithu.tanphong"), "xlsx")
    rows = list(
        openpyxl.load_workbook(io.BytesIO(made.content))["Tổng hợp"].iter_rows(
            min_row=4, values_only=True
        )
    )
    assert [r[1] for r in rows if r[1]] == ["HY.X.TANPHONG"]


@pytest.mark.skipif(PDFTOTEXT is None, reason=NEEDS_POPPLER)
def test_pdf_is_signed_for_the_standing_committee(loaded: str, actor_of, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    made = summary(loaded, actor_of("lanhdao.tinh"), "pdf")
    content = pdf_text(made.content, tmp_path)
    for expected in (
        "TỈNH HƯNG YÊN",
        "Hưng Yên, ngày 30 tháng 06 năm 2025",
        "BẢNG TỔNG HỢP",
        "Phường An Tảo",
        "Xã Tân Phong",
        "TM. BAN THƯỜNG VỤ",
        made.fingerprint,
    ):
        assert expected in content, expected
