"""A provincial leader sees an early warning and marks an anomaly as explained."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from woms_pwa.core.db import session_scope
from woms_pwa.core.exchange.importer import import_dataset

from .conftest import sign_in

KR = "DT-2025-XD1.1"


def _seed(db_url: str, folder: Path) -> None:
    """A commune of its own whose cumulative count of new party members falls in April."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "units.csv").write_text(
        "code,name,kind,parent_code\nHY.X.DONGTHANH,Xã Đồng Thanh,commune,HY\n", encoding="utf-8"
    )
    (folder / "plan.csv").write_text(
        "owner_code,period,perspective,area,task_code,task,kr_code,kr,kind,unit,target,direction,metric_code\n"
        "HY.X.DONGTHANH,2025,service,Xây dựng Đảng/Tổ chức đảng,XD1,Phát triển đảng viên,"
        f"{KR},Kết nạp đảng viên mới,kpi,người,30,increase,XDD.DANGVIEN.MOI\n",
        encoding="utf-8",
    )
    (folder / "checkins.csv").write_text(
        "kr_code,date,value,note\n"
        f"{KR},2025-02-28,4,Kết nạp 4 đảng viên.\n"
        f"{KR},2025-03-31,9,Lũy kế 9 đảng viên.\n"
        f"{KR},2025-04-30,7,Lũy kế 7 đảng viên.\n",
        encoding="utf-8",
    )
    with session_scope(db_url) as session:
        import_dataset(session, folder)


def test_leader_sees_a_warning_and_explains_an_anomaly(
    app_url: str, app_db_url: str, phone: Page, tmp_path: Path
) -> None:
    _seed(app_db_url, tmp_path / "alerts-seed")
    sign_in(phone, app_url, "lanhdao.tinh")
    phone.get_by_role("link", name="Cảnh báo").first.click()
    expect(phone.get_by_role("heading", name="Cảnh báo", exact=True)).to_be_visible()

    phone.fill("#alert-filter", "TP-2025-NS1.1")
    warning = phone.locator(".warning-card").first
    expect(warning).to_contain_text("Dự báo không đạt")
    expect(warning).to_contain_text("khả năng đạt chỉ tiêu")
    expect(warning).to_contain_text("Xã Tân Phong")

    phone.fill("#alert-filter", "Đồng Thanh")
    anomaly = phone.locator(".anomaly-card").filter(has_text=KR)
    expect(anomaly).to_contain_text("Số lũy kế bị giảm")
    expect(anomaly).to_contain_text("giảm từ 9")
    anomaly.locator(".explain-button").click()
    phone.fill("#explain-note", "Tháng 4 nhập nhầm; số đúng là 10 đảng viên, đã đề nghị xã sửa.")
    phone.click("#save-explain")
    expect(anomaly).to_contain_text("Đã giải trình bởi")
    expect(anomaly).to_contain_text("nhập nhầm")
    phone.reload()
    phone.fill("#alert-filter", "Đồng Thanh")
    expect(phone.locator(".anomaly-card").filter(has_text=KR)).to_contain_text("Đã giải trình")
    expect(phone.locator(".anomaly-card .explain-button")).to_have_count(0)


def test_cadre_cannot_explain(app_url: str, phone: Page) -> None:
    sign_in(phone, app_url, "canbo.tanphong")
    phone.goto(app_url + "/canh-bao")
    expect(phone.get_by_role("heading", name="Cảnh báo", exact=True)).to_be_visible()
    expect(phone.locator(".explain-button")).to_have_count(0)


def test_plan_card_shows_the_warning_marker(app_url: str, phone: Page) -> None:
    sign_in(phone, app_url, "bithu.tanphong")
    phone.goto(app_url + "/ke-hoach?owner=HY.X.TANPHONG&period=2025")
    card = phone.locator("#kr-TP-2025-NS1\\.1")
    marker = card.locator(".kr-warning")
    expect(marker).to_contain_text("Chệch hướng")
    expect(marker).to_contain_text("khả năng đạt chỉ tiêu")
    marker.click()
    expect(phone.locator("#alert-filter")).to_have_value("TP-2025-NS1.1")
    expect(phone.locator(".warning-card").first).to_contain_text("TP-2025-NS1.1")
