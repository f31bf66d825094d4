"""An administrator searches the metric dictionary on a phone, edits an entry and retires it."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from woms_pwa.core.db import session_scope
from woms_pwa.core.metrics.curation import create_entry
from woms_pwa.core.metrics.entries import get_entry
from woms_pwa.core.metrics.sync import sync_catalogue_from_files
from woms_pwa.core.permissions import Actor
from woms_pwa.core.services.auth import create_account

from .conftest import PASSWORD, sign_in

ADMIN = "qtv.thuvienchiso"
CODE = "E2E.HOAGIAI.TO"
ENTRY = {
    "code": CODE,
    "name": "Số tổ hòa giải thử nghiệm",
    "definition": "Tổ hòa giải ở thôn có biên bản hòa giải thành trong năm.",
    "formula": "Đếm số tổ có ít nhất một vụ hòa giải thành",
    "unit": "tổ",
    "direction": "increase",
    "perspective": "service",
    "area": "Xây dựng Đảng/Nội chính và phòng, chống tham nhũng",
    "data_source": "manual_evidence",
    "evidence": "Biên bản hòa giải thành",
    "is_proxy": "1",
    "synonyms": "tổ hòa giải thử nghiệm",
    "reference": "Luật Hòa giải ở cơ sở 2013",
    "kind_hint": "kpi",
}


def _prepare(db_url: str) -> None:
    with session_scope(db_url) as session:
        create_account(session, username=ADMIN, password=PASSWORD, role="admin")
        sync_catalogue_from_files(session, actor="e2e")
        if get_entry(session, CODE) is None:
            create_entry(session, Actor.system("e2e"), ENTRY)


def test_admin_searches_edits_and_retires_an_entry(
    app_url: str, app_db_url: str, phone: Page
) -> None:
    _prepare(app_db_url)
    sign_in(phone, app_url, ADMIN)
    phone.goto(app_url + "/quan-tri/thu-vien-chi-so")
    phone.fill("#metric-q", "to hoa giai thu nghiem")
    phone.click("#metric-search")
    card = phone.locator("#m-e2e-hoagiai-to")
    expect(card).to_contain_text("Số tổ hòa giải thử nghiệm")
    expect(card).to_contain_text("Dùng trong 0 mục tiêu")
    expect(phone.locator(".metric-row")).to_have_count(1)
    card.locator(".metric-edit").click()
    phone.fill("#f-name", "Số tổ hòa giải thử nghiệm hoạt động tốt")
    phone.fill("#f-unit", "")
    phone.fill("#f-reason", "Chuẩn hoá tên")
    phone.click("#metric-save")
    expect(phone.get_by_role("alert")).to_contain_text("Đơn vị: không được để trống")
    phone.fill("#f-unit", "tổ hòa giải")
    phone.click("#metric-save")
    expect(phone.get_by_role("status").filter(has_text=f"Đã lưu chỉ số {CODE}")).to_be_visible()
    expect(card).to_contain_text("hoạt động tốt")
    expect(card).to_contain_text("Quản trị viên sửa")
    expect(card).to_contain_text("Thay thế")  # the proxy checkbox kept its value
    card.locator(".metric-retire").click()
    expect(card.locator(".metric-restore")).to_be_visible()
    expect(card).to_contain_text("Ngừng dùng")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    with session_scope(app_db_url) as session:
        entry = get_entry(session, CODE)
        assert entry is not None
        assert (entry.status, entry.unit, entry.source) == ("retired", "tổ hòa giải", "admin")


def test_cadre_browses_the_dictionary_but_cannot_curate(
    app_url: str, app_db_url: str, phone: Page
) -> None:
    _prepare(app_db_url)
    sign_in(phone, app_url, "canbo.tanphong")
    phone.goto(app_url + "/thu-vien-chi-so")
    phone.fill("#metric-q", "giai ngan dau tu cong")
    phone.click("#metric-search")
    card = phone.locator("#m-ns-dtc-giaingan")
    expect(card).to_contain_text("Tỷ lệ giải ngân vốn đầu tư công")
    card.locator(".metric-details").click()
    expect(card).to_contain_text("Cách tính")
    phone.goto(app_url + "/quan-tri/thu-vien-chi-so")
    expect(phone.get_by_role("alert")).to_contain_text("Chỉ quản trị viên")
    expect(phone.locator(".metric-edit")).to_have_count(0)
