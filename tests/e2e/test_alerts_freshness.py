"""The alerts page says when its figures were computed and refreshes itself after a change."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from woms_pwa.core.db import session_scope
from woms_pwa.core.exchange.importer import import_dataset

from .conftest import sign_in

KR = "PL-2025-XD1.1"


def _seed(db_url: str, folder: Path) -> None:
    """A commune whose cumulative count of new party members falls in May."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "units.csv").write_text(
        "code,name,kind,parent_code\nHY.X.PHULAC,Xã Phú Lạc,commune,HY\n", encoding="utf-8"
    )
    (folder / "plan.csv").write_text(
        "owner_code,period,perspective,area,task_code,task,kr_code,kr,kind,unit,target,direction,metric_code\n"
        "HY.X.PHULAC,2025,service,Xây dựng Đảng/Tổ chức đảng,XD1,Phát triển đảng viên,"
        f"{KR},Kết nạp đảng viên mới,kpi,người,30,increase,XDD.DANGVIEN.MOI\n",
        encoding="utf-8",
    )
    (folder / "checkins.csv").write_text(
        "kr_code,date,value,note\n"
        f"{KR},2025-03-31,5,Kết nạp 5 đảng viên.\n"
        f"{KR},2025-04-30,11,Lũy kế 11 đảng viên.\n"
        f"{KR},2025-05-31,8,Lũy kế 8 đảng viên.\n",
        encoding="utf-8",
    )
    with session_scope(db_url) as session:
        import_dataset(session, folder)


def test_the_page_shows_its_time_and_follows_new_data(
    app_url: str, app_db_url: str, phone: Page, tmp_path: Path
) -> None:
    sign_in(phone, app_url, "lanhdao.tinh")
    phone.goto(app_url + "/canh-bao")
    expect(phone.locator("#alert-freshness")).to_contain_text("Số liệu cảnh báo tính lúc")
    phone.fill("#alert-filter", "Phú Lạc")
    expect(phone.locator(".anomaly-card").filter(has_text=KR)).to_have_count(0)
    # New data lands while the page is open: one recomputation in the background,
    # then the page re-reads it by itself (no reload).
    _seed(app_db_url, tmp_path / "freshness-seed")
    expect(phone.locator(".anomaly-card").filter(has_text=KR)).to_contain_text(
        "Số lũy kế bị giảm", timeout=30_000
    )
    expect(phone.locator("#alert-freshness")).not_to_contain_text("đang cập nhật")
    expect(phone.locator("#alert-filter")).to_have_value("Phú Lạc")
