"""The Đề cương PDF (with its signature block) and the exchange-format Excel of a plan."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from planning_helpers import draft_plan

from woms_pwa.core.db import session_scope
from woms_pwa.core.exchange.schema import PLAN
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.planning.documents import export_plan_xlsx, render_decuong_pdf


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_commune_decuong_has_the_party_signature(
    loaded: str, actor_of: Callable[[str], Actor], tmp_path: Path
) -> None:
    cadre = actor_of("canbo.tanphong")
    with session_scope(loaded) as session:
        plan_id = draft_plan(session, cadre, "HY.X.TANPHONG", "2026")
        data = render_decuong_pdf(session, cadre, plan_id)
    assert data.startswith(b"%PDF")
    text = _pdf_text(data, tmp_path)
    for expected in (
        "KẾ HOẠCH NHIỆM VỤ MỤC TIÊU CÔNG TÁC",
        "NĂM 2026",
        "TM. BAN THƯỜNG VỤ",
        "(ký, đóng dấu)",
        "Kết nạp đảng viên mới",
        "Học hỏi và phát triển",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ):
        assert expected in text, expected


def test_agency_decuong_is_signed_by_the_head(
    loaded: str, actor_of: Callable[[str], Actor], tmp_path: Path
) -> None:
    admin = actor_of("admin")
    with session_scope(loaded) as session:
        plan_id = draft_plan(session, admin, "HY.STC", "2026")
        text = _pdf_text(render_decuong_pdf(session, admin, plan_id), tmp_path)
    assert "THỦ TRƯỞNG" in text and "TM. BAN THƯỜNG VỤ" not in text


def test_exchange_excel_of_one_plan(
    loaded: str, actor_of: Callable[[str], Actor], tmp_path: Path
) -> None:
    cadre = actor_of("canbo.tanphong")
    with session_scope(loaded) as session:
        plan_id = draft_plan(session, cadre, "HY.X.TANPHONG", "2026")
        path = export_plan_xlsx(session, cadre, plan_id, tmp_path / "kh.xlsx")
        with pytest.raises(PermissionDenied):
            render_decuong_pdf(session, actor_of("canbo.antao"), plan_id)
    sheet = pd.read_excel(path, sheet_name="plan", dtype=str)
    assert list(sheet.columns) == list(PLAN.columns)
    assert len(sheet) == 4 and set(sheet["owner_code"]) == {"HY.X.TANPHONG"}
    assert sheet.loc[0, "target"] == "12"
