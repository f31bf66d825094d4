"""A province leader filters the heatmap by area (lĩnh vực) and shares the link.

The test adds its own units under an area no other test uses, so the shared
server's data cannot change what it looks at.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, Page, expect

from woms_pwa.core.db import session_scope
from woms_pwa.core.exchange.importer import import_dataset

from .conftest import PHONE, sign_in

PLAN_HEADER = (
    "owner_code,period,perspective,area,task_code,task,task_weight,kr_code,kr,kind,breakthrough,"
    "unit,baseline,target,direction,weight,due,parent_kr_code,metric_code,reference,evidence_required"
)
AREA = "Quốc phòng – an ninh"


@pytest.fixture(scope="module")
def area_units(app_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Two communes with a defence task each (one behind, one on track) and a budget task."""
    folder = tmp_path_factory.mktemp("area-e2e")
    (folder / "units.csv").write_text(
        "code,name,kind,parent_code\n"
        "HY.X.E2EAREA1,Xã Lĩnh Vực Một,commune,HY\n"
        "HY.X.E2EAREA2,Xã Lĩnh Vực Hai,commune,HY\n",
        encoding="utf-8",
    )
    (folder / "plan.csv").write_text(
        PLAN_HEADER + "\n"
        f"HY.X.E2EAREA1,2025,service,{AREA}/Dân quân tự vệ,QP1,Huấn luyện dân quân,,"
        "E2E-AREA1-QP1.1,Dân quân được huấn luyện,kpi,0,người,0,100,increase,,,,,,0\n"
        "HY.X.E2EAREA1,2025,budget,Ngân sách/Đầu tư công,NS1,Giải ngân,,"
        "E2E-AREA1-NS1.1,Giải ngân vốn lĩnh vực thử,kpi,0,%,0,100,increase,,,,,,0\n"
        f"HY.X.E2EAREA2,2025,service,{AREA}/Tuyển quân,QP1,Tuyển quân,,"
        "E2E-AREA2-QP1.1,Thanh niên nhập ngũ,kpi,0,người,0,10,increase,,,,,,0\n",
        encoding="utf-8",
    )
    (folder / "checkins.csv").write_text(
        "kr_code,date,value,note,reported_by,evidence\n"
        "E2E-AREA1-QP1.1,2025-06-30,5,Mới huấn luyện 5 người,,\n"
        "E2E-AREA1-NS1.1,2025-06-30,90,Giải ngân nhanh,,\n"
        "E2E-AREA2-QP1.1,2025-06-30,10,Đủ chỉ tiêu,,\n",
        encoding="utf-8",
    )
    with session_scope(app_db_url) as session:
        import_dataset(session, Path(folder))


def test_leader_filters_the_heatmap_by_area(
    app_url: str, browser: Browser, phone: Page, area_units: None
) -> None:
    sign_in(phone, app_url, "lanhdao.tinh")
    phone.goto(app_url + "/tong-quan?period=2025")
    rows = phone.locator("#heatmap tr.heat-row")
    expect(phone.locator('tr[data-unit="HY.X.TANPHONG"]')).to_be_visible()
    phone.click("#area-select")
    phone.get_by_role("option", name=AREA, exact=True).click()
    expect(phone.locator("#area-note")).to_contain_text(f"lĩnh vực “{AREA}”")
    expect(rows).to_have_count(2)
    one = phone.locator('tr[data-unit="HY.X.E2EAREA1"]')
    expect(one.locator('a[data-perspective="service"]')).to_have_attribute("data-light", "red")
    expect(one.locator('a[data-perspective="budget"]')).to_have_attribute("data-light", "none")
    two = phone.locator('tr[data-unit="HY.X.E2EAREA2"]')
    expect(two.locator('a[data-perspective="service"]')).to_have_attribute("data-light", "green")
    expect(phone.locator('tr[data-unit="HY.X.TANPHONG"]')).to_have_count(0)
    # The ranking speaks of the area only: the commune on track comes first.
    ranks = phone.locator(".rank-item")
    expect(ranks).to_have_count(2)
    expect(ranks.first).to_have_attribute("data-unit", "HY.X.E2EAREA2")
    # The address carries the filter: the link opens the same view for another leader.
    shared = f"{app_url}/tong-quan?{urlencode({'period': '2025', 'area': AREA})}"
    expect(phone).to_have_url(shared)
    context = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    other = context.new_page()
    sign_in(other, app_url, "lanhdao.tinh")
    other.goto(shared)
    expect(other.locator("#area-note")).to_be_visible()
    expect(other.locator("#heatmap tr.heat-row")).to_have_count(2)
    expect(other.locator("#area-select")).to_contain_text(AREA)
    context.close()
    # A sub-area: only the commune with that sub-area.
    phone.click("#area-select")
    phone.get_by_role("option", name=f"{AREA} › Tuyển quân", exact=True).click()
    expect(rows).to_have_count(1)
    expect(two).to_be_visible()
    phone.click("#area-select")
    phone.get_by_role("option", name="Tất cả lĩnh vực", exact=True).click()
    expect(phone.locator("#area-note")).to_have_count(0)
    expect(phone.locator('tr[data-unit="HY.X.TANPHONG"]')).to_be_visible()
    expect(phone).to_have_url(f"{app_url}/tong-quan?period=2025")
