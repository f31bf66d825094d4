"""A province leader: heatmap → red cell → key result → its check-in history (≤ 3 clicks).

The test adds its own units (codes ``HY.X.E2EDASH``/``HY.X.E2ELIVE``) so the
shared server's other tests cannot change what it looks at.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from woms_pwa.core.db import session_scope
from woms_pwa.core.exchange.importer import import_dataset
from woms_pwa.core.permissions import Actor
from woms_pwa.core.services.checkins import record_checkin

from .conftest import sign_in

PLAN_HEADER = (
    "owner_code,period,perspective,area,task_code,task,task_weight,kr_code,kr,kind,breakthrough,"
    "unit,baseline,target,direction,weight,due,parent_kr_code,metric_code,reference,evidence_required"
)


@pytest.fixture(scope="module")
def dashboard_units(app_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Two communes of our own: one behind on disbursement, one to update live."""
    folder = tmp_path_factory.mktemp("dash-e2e")
    (folder / "units.csv").write_text(
        "code,name,kind,parent_code\n"
        "HY.X.E2EDASH,Xã Kiểm Thử Tổng Quan,commune,HY\n"
        "HY.X.E2ELIVE,Xã Cập Nhật Trực Tiếp,commune,HY\n",
        encoding="utf-8",
    )
    (folder / "plan.csv").write_text(
        PLAN_HEADER + "\n"
        "HY.X.E2EDASH,2025,budget,Ngân sách,NS1,Đẩy nhanh giải ngân,,E2E-DASH-NS1.1,"
        "Giải ngân vốn đầu tư công thử nghiệm,kpi,0,%,0,100,increase,,,,,,0\n"
        "HY.X.E2ELIVE,2025,learning,Đào tạo,HT1,Bồi dưỡng cán bộ,,E2E-LIVE-HT1.1,"
        "Cán bộ được bồi dưỡng kỹ năng số,kpi,0,người,0,10,increase,,,,,,0\n",
        encoding="utf-8",
    )
    (folder / "checkins.csv").write_text(
        "kr_code,date,value,note,reported_by,evidence\n"
        "E2E-DASH-NS1.1,2025-03-31,3,Vướng giải phóng mặt bằng tuyến đường thử nghiệm,,\n"
        "E2E-DASH-NS1.1,2025-06-30,5,Mới giải ngân 5% do chưa bàn giao mặt bằng,,bien-ban-e2e.pdf\n"
        "E2E-LIVE-HT1.1,2025-03-31,1,Mới bồi dưỡng 1 người,,\n",
        encoding="utf-8",
    )
    with session_scope(app_db_url) as session:
        import_dataset(session, Path(folder))


def _cell(page: Page, unit: str, perspective: str):  # type: ignore[no-untyped-def]
    return page.locator(f'tr[data-unit="{unit}"] a[data-perspective="{perspective}"]')


def test_leader_reaches_the_checkin_history_from_a_red_cell(
    app_url: str, phone: Page, dashboard_units: None
) -> None:
    sign_in(phone, app_url, "lanhdao.tinh")
    phone.locator("nav").get_by_role("link", name="Tổng quan", exact=True).click()
    expect(phone.locator("#heatmap")).to_be_visible()
    cell = _cell(phone, "HY.X.E2EDASH", "budget")
    expect(cell).to_have_attribute("data-light", "red")
    expect(cell).to_have_attribute(
        "aria-label", "Xã Kiểm Thử Tổng Quan — Ngân sách: Chậm tiến độ (0% đúng tiến độ)"
    )
    cell.click()  # click 1
    card = phone.locator('a.kr-link[data-kr="E2E-DASH-NS1.1"]')
    expect(card).to_contain_text("Giải ngân vốn đầu tư công thử nghiệm")
    expect(card).to_contain_text("Chậm tiến độ")
    card.click()  # click 2
    history = phone.locator("#checkins .history-checkin")
    expect(history).to_have_count(2)
    expect(history.first).to_contain_text("30/06/2025")
    expect(history.first).to_contain_text("Mới giải ngân 5% do chưa bàn giao mặt bằng")
    expect(history.first).to_contain_text("bien-ban-e2e.pdf")
    expect(history.nth(1)).to_contain_text("Vướng giải phóng mặt bằng tuyến đường thử nghiệm")
    expect(phone.locator("#audit")).to_be_visible()


def test_heatmap_follows_a_new_checkin_without_reload(
    app_url: str, app_db_url: str, phone: Page, dashboard_units: None
) -> None:
    sign_in(phone, app_url, "lanhdao.tinh")
    phone.goto(app_url + "/tong-quan")
    cell = _cell(phone, "HY.X.E2ELIVE", "learning")
    expect(cell).to_have_attribute("data-light", "red")
    with session_scope(app_db_url) as session:
        record_checkin(
            session,
            Actor.system("e2e"),
            kr_code="E2E-LIVE-HT1.1",
            value="10",
            note="Đã bồi dưỡng đủ 10 người",
            client_id="e2e-dash-live-1",
            on_date=dt.date(2025, 9, 30),
            today=dt.date(2025, 10, 1),
        )
    expect(cell).to_have_attribute("data-light", "green", timeout=20_000)
    cell.click()  # the unit dashboard keeps itself fresh too
    card = phone.locator('a.kr-link[data-kr="E2E-LIVE-HT1.1"]')
    expect(card).to_contain_text("10 / 10 người")
    with session_scope(app_db_url) as session:
        record_checkin(
            session,
            Actor.system("e2e"),
            kr_code="E2E-LIVE-HT1.1",
            value="12",
            note="Bồi dưỡng thêm 2 người",
            client_id="e2e-dash-live-2",
            on_date=dt.date(2025, 10, 31),
            today=dt.date(2025, 11, 1),
        )
    expect(card).to_contain_text("12 / 10 người", timeout=20_000)


def test_search_finds_without_diacritics(app_url: str, phone: Page, dashboard_units: None) -> None:
    sign_in(phone, app_url, "lanhdao.tinh")
    phone.goto(app_url + "/tim-kiem?q=giai+ngan+thu+nghiem")
    hit = phone.locator(".search-hit", has_text="Giải ngân vốn đầu tư công thử nghiệm")
    expect(hit).to_be_visible()
    hit.click()
    expect(phone.locator("#checkins .history-checkin")).to_have_count(2)
