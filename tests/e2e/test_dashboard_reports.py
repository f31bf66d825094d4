"""A unit head downloads the monthly report as PDF (text checked, rendered) and as Excel."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from .conftest import sign_in

PDFTOTEXT = shutil.which("pdftotext")
PDFTOPPM = shutil.which("pdftoppm")


def _download(page: Page, button: str, folder: Path) -> Path:
    with page.expect_download() as info:
        page.click(button)
    download = info.value
    target = folder / download.suggested_filename
    download.save_as(target)
    return target


def test_head_downloads_the_monthly_pdf_and_excel(
    app_url: str, phone: Page, tmp_path: Path
) -> None:
    sign_in(phone, app_url, "bithu.tanphong")
    phone.locator("nav").get_by_role("link", name="Báo cáo", exact=True).click()
    expect(phone.locator("#report-unit")).to_contain_text("Xã Tân Phong")
    phone.fill("#report-period", "2025-09")
    pdf = _download(phone, "#download-pdf", tmp_path)
    assert pdf.name == "bao-cao-monthly-HY.X.TANPHONG-2025-09.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    fingerprint = phone.locator("#fingerprint")
    expect(fingerprint).to_contain_text("Mã kiểm tra dữ liệu: ")
    digest = fingerprint.inner_text().split(": ")[1].strip()
    xlsx = _download(phone, "#download-xlsx", tmp_path)
    book = openpyxl.load_workbook(io.BytesIO(xlsx.read_bytes()))
    assert book.sheetnames[:2] == ["Tổng hợp", "Chi tiết"]
    codes = [row[2] for row in book["Chi tiết"].iter_rows(min_row=2, values_only=True)]
    assert "TP-2025-NS1.1" in codes
    if PDFTOTEXT is None:
        pytest.skip("Debian poppler-utils (pdftotext) is not installed: PDF text not checked")
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ TÂN PHONG",
        "Tiến độ thực hiện kế hoạch tháng 9 năm 2025",
        "Giải ngân 100%",  # the title wraps inside its table cell
        "Chậm tiến độ",
        "THỦ TRƯỞNG ĐƠN VỊ",
        digest,
    ):
        assert expected in text, expected
    if PDFTOPPM is None:
        pytest.skip("Debian poppler-utils (pdftoppm) is not installed: PDF not rendered")
    subprocess.run(
        [PDFTOPPM, "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    assert next(tmp_path.glob("p*.png")).read_bytes().startswith(b"\x89PNG")
