"""Unit reports: content, Vietnamese text in the PDF, reproducibility, fingerprint, rights."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from woms_pwa.core.db import session_scope
from woms_pwa.core.permissions import PermissionDenied
from woms_pwa.core.reports.generate import generate_report
from woms_pwa.core.reports.periods import ReportInputError, report_period
from woms_pwa.core.services.checkins import record_checkin

PDFTOTEXT = shutil.which("pdftotext")
PDFTOPPM = shutil.which("pdftoppm")
NEEDS_POPPLER = "Debian poppler-utils (pdftotext/pdftoppm) is not installed"


def pdf_text(content: bytes, tmp_path: Path) -> str:
    """Text of a PDF through poppler's pdftotext (keeps diacritics)."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    done = subprocess.run(
        [str(PDFTOTEXT), "-layout", str(path), "-"], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def monthly(loaded: str, actor, fmt: str = "pdf", period: str = "2025-09"):  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        return generate_report(session, actor, "monthly", period, "HY.X.TANPHONG", fmt)


def test_monthly_pdf_is_reproducible_and_fingerprinted(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    head = actor_of("bithu.tanphong")
    first, second = monthly(loaded, head), monthly(loaded, head)
    assert first.content.startswith(b"%PDF-")
    assert first.content == second.content
    assert len(first.fingerprint) == 64 and first.fingerprint == second.fingerprint
    assert b"/CreationDate (D:20250930" in first.content  # fixed to the report date


def test_a_new_checkin_changes_the_fingerprint(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    head = actor_of("bithu.tanphong")
    before = monthly(loaded, head)
    with session_scope(loaded) as session:
        record_checkin(
            session,
            actor_of("canbo.tanphong"),
            kr_code="TP-2025-NS1.1",
            value="35,5",
            note="Giải ngân thêm vốn xây lắp",
            evidence="bao-cao-giai-ngan-thang-09-2025.pdf",  # the key result requires evidence
            client_id="rep-0001",
            on_date=dt.date(2025, 9, 15),
            today=dt.date(2025, 9, 16),
        )
    after = monthly(loaded, head)
    assert after.fingerprint != before.fingerprint and after.content != before.content
    # A reading after the month is not in September's report.
    with session_scope(loaded) as session:
        record_checkin(
            session,
            actor_of("canbo.tanphong"),
            kr_code="TP-2025-NS1.1",
            value="40",
            evidence="bao-cao-giai-ngan-thang-10-2025.pdf",
            client_id="rep-0002",
            on_date=dt.date(2025, 10, 5),
            today=dt.date(2025, 10, 6),
        )
    assert monthly(loaded, head).fingerprint == after.fingerprint


@pytest.mark.skipif(PDFTOTEXT is None, reason=NEEDS_POPPLER)
def test_monthly_pdf_text_matches_the_data(loaded: str, actor_of, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    made = monthly(loaded, actor_of("bithu.tanphong"))
    content = pdf_text(made.content, tmp_path)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "XÃ TÂN PHONG",
        "Tân Phong, ngày 30 tháng 09 năm 2025",
        "Tiến độ thực hiện kế hoạch tháng 9 năm 2025",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "đóng dấu",
        "Trần Thị Mai",  # the unit head signs
        "Giải ngân 100%",
        "21,4",  # the June reading is the latest one before 30/09
        "Chậm tiến độ",
        made.fingerprint,
    ):
        assert expected in content, expected


@pytest.mark.skipif(PDFTOPPM is None, reason=NEEDS_POPPLER)
def test_monthly_pdf_renders_to_png(loaded: str, actor_of, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "m.pdf"
    pdf.write_bytes(monthly(loaded, actor_of("bithu.tanphong")).content)
    subprocess.run(
        [str(PDFTOPPM), "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True
    )
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages and pages[0].read_bytes().startswith(b"\x89PNG") and pages[0].stat().st_size > 2000


def test_monthly_excel_holds_the_same_figures(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    head = actor_of("bithu.tanphong")
    made = monthly(loaded, head, "xlsx")
    assert made.content == monthly(loaded, head, "xlsx").content
    book = openpyxl.load_workbook(io.BytesIO(made.content))
    assert book.sheetnames[:3] == ["Tổng hợp", "Chi tiết", "Ghi chú"]
    detail = list(book["Chi tiết"].iter_rows(values_only=True))
    row = next(r for r in detail if r[2] == "TP-2025-NS1.1")
    assert row[3] == "Giải ngân 100% vốn đầu tư công" and row[6] == 21.4
    assert row[9] == "Chậm tiến độ"
    assert any(
        made.fingerprint in str(c) for r in book["Tổng hợp"].iter_rows(values_only=True) for c in r
    )
    assert made.fingerprint == monthly(loaded, head, "pdf").fingerprint


def test_quarterly_has_the_next_quarter_draft(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        made = generate_report(
            session, actor_of("bithu.tanphong"), "quarterly", "2025-Q3", "HY.X.TANPHONG", "xlsx"
        )
    book = openpyxl.load_workbook(io.BytesIO(made.content))
    draft = {r[0]: r for r in book["Kế hoạch quý tới"].iter_rows(min_row=2, values_only=True)}
    assert draft["TP-2025-NS1.1"][4] == 100.0  # Q4 ends the year: the full target
    assert draft["TP-2025-NS1.1"][5] == "2025-12-31"


def test_annual_lists_people_and_weekly_parses_iso_weeks(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(loaded) as session:
        annual = generate_report(
            session, actor_of("bithu.tanphong"), "annual", "2025", "HY.X.TANPHONG", "xlsx"
        )
        weekly = generate_report(
            session, actor_of("bithu.tanphong"), "weekly", "2025-W27", "HY.X.TANPHONG", "pdf"
        )
    people = list(openpyxl.load_workbook(io.BytesIO(annual.content))["Cá nhân"].values)
    assert people[1][:2] == ("CB.TANPHONG.02", "Lê Văn Nam")
    assert weekly.content.startswith(b"%PDF-")
    spec = report_period("weekly", "2025-W27")
    assert (spec.start, spec.end) == (dt.date(2025, 6, 30), dt.date(2025, 7, 6))


def test_rights_and_bad_input(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        monthly(loaded, actor_of("canbo.antao"))
    with pytest.raises(ReportInputError, match="Tháng không hợp lệ"):
        monthly(loaded, actor_of("bithu.tanphong"), period="2025-13")
    with pytest.raises(ReportInputError, match=r"chỉ nhận \.pdf hoặc \.xlsx"):
        monthly(loaded, actor_of("bithu.tanphong"), fmt="docx")
    with (
        session_scope(loaded) as session,
        pytest.raises(ReportInputError, match="chưa có kế hoạch"),
    ):
        generate_report(session, actor_of("admin"), "monthly", "2024-09", "HY.X.TANPHONG", "pdf")
    with session_scope(loaded) as session, pytest.raises(PermissionDenied):
        generate_report(session, actor_of("canbo.tanphong"), "province", "2025", "", "pdf")
