"""Planning journey on a phone: draft from Phụ lục 2 with suggestions, submit, return,
fix, resubmit, approve (locked), amend, approve the amendment, see both versions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import PHONE, sign_in

PERIOD = "2027"  # the shared server's fixture holds 2025 only
TASKS = (
    (
        "service",
        "Phát triển đảng viên trong thanh niên",
        (
            ("ket nap dang vien moi", "15"),
            ("chuyen dang chinh thuc dang vien du bi", "100"),
            ("thanh lap chi bo moi", "2"),
        ),
    ),
    (
        "budget",
        "Quản lý hiệu quả vốn đầu tư công",
        (
            ("giai ngan von dau tu cong", "100"),
            ("thu ngan sach dat du toan", "100"),
            ("tiet kiem chi thuong xuyen", "5"),
        ),
    ),
    (
        "learning",
        "Xây dựng xã số theo Nghị quyết 57",
        (("van ban xu ly tren moi truong so", "80"), ("ho so thu tuc hanh chinh truc tuyen", "75")),
    ),
)


@pytest.fixture
def phones(browser: Browser) -> Iterator[dict[str, Page]]:
    """One phone per role, each with its own session."""
    pages: dict[str, Page] = {}
    contexts = []
    for who in ("planner", "approver"):
        context = browser.new_context(
            viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True, device_scale_factor=2
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        pages[who] = page
    yield pages
    for context in contexts:
        context.close()


def _add_kr(page: Page, task_index: int, text: str, target: str) -> None:
    page.locator(".task-block").nth(task_index).locator(".add-kr").click()
    page.locator("#kr-title").fill(text)
    chip = page.locator(".suggestion-chip").first
    expect(chip).to_be_visible()
    chip.click()
    expect(page.locator("#kr-unit")).not_to_have_value("")
    page.locator("#kr-target").fill(target)
    page.locator("#save-kr").click()
    expect(page.locator("#kr-form")).to_have_count(0)


def _decide(page: Page, base: str, button: str, comment: str = "") -> None:
    page.goto(base + "/phe-duyet")
    page.locator(".inbox-item").filter(has_text="Xã Tân Phong").filter(
        has_text=f"Kỳ {PERIOD}"
    ).first.click()
    page.wait_for_selector("#approve-comment")
    if comment:
        page.locator("#approve-comment").fill(comment)
    page.locator(button).click()
    page.wait_for_url(f"{base}/phe-duyet")


def test_commune_plan_from_draft_to_amended_version(app_url: str, phones: dict[str, Page]) -> None:
    planner, approver = phones["planner"], phones["approver"]
    sign_in(planner, app_url, "canbo.tanphong")
    planner.goto(app_url + "/lap-ke-hoach")
    planner.select_option("#new-owner", "HY.X.TANPHONG")
    expect(planner.locator("#new-template")).to_have_value("phu_luc_2")
    planner.locator("#new-period").fill(PERIOD)
    planner.locator("#create-plan").click()
    planner.wait_for_url("**/lap-ke-hoach/sua?plan=*")
    edit_url = planner.url
    expect(planner.locator("#plan-status")).to_contain_text("Dự thảo")

    for index, (perspective, title, krs) in enumerate(TASKS):
        planner.select_option("#task-perspective", perspective)
        planner.locator("#task-title").fill(title)
        planner.locator("#add-task").click()
        expect(planner.locator(".task-block")).to_have_count(index + 1)
        for text, target in krs:
            _add_kr(planner, index, text, target)
    expect(planner.locator(".kr-card")).to_have_count(8)
    expect(planner.locator("#checks-summary")).to_contain_text("0 lỗi")
    planner.locator("#submit-plan").click()
    expect(planner.locator("#plan-status")).to_contain_text("Đã trình")
    expect(planner.locator("#add-task")).to_have_count(0)

    sign_in(approver, app_url, "lanhdao.tinh")
    _decide(approver, app_url, "#return-plan", "Chỉ tiêu kết nạp đảng viên cần sát thực tế hơn")

    planner.goto(edit_url)
    expect(planner.locator("#return-comment")).to_contain_text("sát thực tế hơn")
    planner.locator(".kr-card").first.locator(".kr-edit").click()
    planner.locator("#kr-target").fill("12")
    planner.locator("#save-kr").click()
    expect(planner.locator(".kr-card").first).to_contain_text("12")
    planner.locator("#submit-plan").click()
    expect(planner.locator("#plan-status")).to_contain_text("Đã trình")

    _decide(approver, app_url, "#approve-plan", "Đồng ý")
    planner.goto(edit_url)
    expect(planner.locator("#plan-status")).to_contain_text("Đã phê duyệt")
    expect(planner.locator("#submit-plan")).to_have_count(0)
    expect(planner.locator("#add-task")).to_have_count(0)

    first = planner.locator(".kr-card").first
    expect(first.locator(".kr-edit")).to_have_text("Đề nghị điều chỉnh")
    first.locator(".kr-edit").click()
    planner.locator("#kr-target").fill("14")
    planner.locator("#kr-reason").fill("Tỉnh giao bổ sung chỉ tiêu")
    planner.locator("#save-kr").click()
    expect(planner.locator("#pending-amendments")).to_contain_text("1 đề nghị")

    _decide(approver, app_url, "#approve-amendments")
    planner.goto(edit_url)
    expect(planner.locator("#plan-status")).to_contain_text("phiên bản 2")
    planner.locator("#history-link").click()
    expect(planner.locator(".version-title")).to_have_count(2)
    expect(planner.locator(".change-item").first).to_contain_text("12 → 14")


def test_province_cascades_a_target_and_sees_the_remainder(
    app_url: str, app_db_url: str, phones: dict[str, Page]
) -> None:
    from woms_pwa.core.db import session_scope
    from woms_pwa.core.permissions import Actor
    from woms_pwa.core.planning.drafting import (
        add_key_result,
        add_task,
        create_plan,
        parse_key_result_form,
    )

    system = Actor.system("e2e")
    with session_scope(app_db_url) as session:
        plan = create_plan(session, system, owner_code="HY", period="2028")
        task = add_task(
            session,
            system,
            plan.id or 0,
            title="Phát triển đảng viên toàn tỉnh",
            perspective="service",
        )
        kr = add_key_result(
            session,
            system,
            task.id or 0,
            parse_key_result_form(
                {"title": "Kết nạp đảng viên mới toàn tỉnh", "unit": "người", "target": "90"}
            ),
        )
        code = kr.code
    page = phones["approver"]
    sign_in(page, app_url, "lanhdao.tinh")
    page.goto(f"{app_url}/lap-ke-hoach/giao-chi-tieu?kr={code}")
    page.get_by_label("Chỉ tiêu giao cho Xã Tân Phong").fill("30")
    page.get_by_label("Chỉ tiêu giao cho Phường An Tảo").fill("35")
    page.locator("#save-cascade").click()
    summary = page.locator(".cascade-summary").first
    expect(summary).to_contain_text("Đã giao 65")
    expect(summary).to_contain_text("còn lại 25 người")
    expect(page.locator(".cascade-check").first).to_contain_text("Còn 25 người")
