"""Evaluation journeys on a phone: self-assessment → the head's assessment → conclusion.

A cadre self-assesses (rubric indicators, an initiative), their head assesses
and concludes; a head self-assesses and the province assesses and concludes.
The official rating then shows on the person's page with its explanation and
the multi-year portfolio.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Page, expect

from .conftest import PHONE, sign_in


@contextmanager
def _phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport=PHONE, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", is_mobile=True,
        has_touch=True,
    )  # fmt: skip
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        yield page
    finally:
        context.close()


def _assess_and_conclude(page: Page, comment: str) -> None:
    page.wait_for_selector("#submit-assess")
    for select in page.locator("select[name^='decision-']").all():
        select.select_option("accept")
    page.fill("#assess_comment", comment)
    page.click("#submit-assess")
    expect(page.locator("#eval-status")).to_contain_text("Đã nhận xét, chờ kết luận")
    page.click("#submit-conclude")
    expect(page.locator("#eval-status")).to_contain_text("Đã có kết luận chính thức")
    expect(page.locator("#eval-official")).to_contain_text("Kết luận chính thức: ")


def test_cadre_self_assesses_head_assesses_and_concludes(app_url: str, browser: Browser) -> None:
    with _phone(browser) as cadre:
        sign_in(cadre, app_url, "canbo.tanphong")
        cadre.goto(app_url + "/danh-gia?period=2025")
        cadre.wait_for_selector("#submit-self")
        cadre.select_option("#item_kind", "initiative")
        cadre.fill("#item_title", "Mẫu báo cáo giải ngân tự động trên bảng tính dùng chung")
        cadre.select_option("#item_scope_initiative", "unit")
        cadre.click("#add-item")
        expect(cadre.locator(".eval-item").first).to_contain_text("Mẫu báo cáo giải ngân tự động")
        expect(cadre.locator(".eval-item").first).to_contain_text("Chờ xác nhận")
        cadre.fill("#self_comment", "Hoàn thành báo cáo giải ngân hằng tháng đúng hạn.")
        cadre.select_option("#self_rating", "tot")
        cadre.fill("#self-assessment_pct", "92")
        cadre.fill("#self-study_pct", "100")
        cadre.fill("#self-contributions", "3")
        cadre.fill("#self-trust_pct", "95")
        cadre.click("#submit-self")
        expect(cadre.locator("#eval-status")).to_contain_text("Đã tự đánh giá, chờ nhận xét")
    with _phone(browser) as head:
        sign_in(head, app_url, "bithu.tanphong")
        head.goto(app_url + "/danh-gia?period=2025")
        head.locator(".review-link", has_text="Lê Văn Nam").click()
        expect(head.locator("h1")).to_contain_text("Lê Văn Nam")
        _assess_and_conclude(head, "Chủ động, nộp báo cáo đúng hạn; cần nâng chất lượng phân tích.")
        expect(head.locator(".eval-item").first).to_contain_text("Đã công nhận")
    with _phone(browser) as cadre:
        sign_in(cadre, app_url, "canbo.tanphong")
        cadre.goto(app_url + "/ca-nhan?person=CB.TANPHONG.02&period=2025")
        expect(cadre.locator("#eval-official")).to_contain_text("nhiệm vụ")
        why = cadre.locator("#eval-why")
        expect(why).to_contain_text("Tiêu chí 1 – Lập trường tư tưởng")
        expect(why).to_contain_text("Mức 5/5")
        expect(why).to_contain_text("Tổng điểm = ")
        expect(cadre.locator(".eval-step")).to_have_count(3)
        expect(cadre.locator("#portfolio")).to_contain_text("2025")


def test_head_self_assesses_and_the_province_concludes(app_url: str, browser: Browser) -> None:
    with _phone(browser) as head:
        sign_in(head, app_url, "bithu.tanphong")
        head.goto(app_url + "/danh-gia?period=2025")
        head.wait_for_selector("#submit-self")
        head.fill("#self_comment", "Lãnh đạo xã hoàn thành các chỉ tiêu trọng tâm.")
        head.click("#submit-self")
        expect(head.locator("#eval-status")).to_contain_text("Đã tự đánh giá, chờ nhận xét")
    with _phone(browser) as leader:
        sign_in(leader, app_url, "lanhdao.tinh")
        leader.goto(app_url + "/danh-gia/xet?person=CB.TANPHONG.01&period=2025")
        expect(leader.locator("h1")).to_contain_text("Trần Thị Mai")
        _assess_and_conclude(leader, "Đồng chí Bí thư chỉ đạo quyết liệt; giải ngân còn chậm.")
    with _phone(browser) as head:
        sign_in(head, app_url, "bithu.tanphong")
        head.goto(app_url + "/ca-nhan?person=CB.TANPHONG.01&period=2025")
        expect(head.locator("#eval-official")).to_contain_text("nhiệm vụ")
        expect(head.locator("#eval-why")).to_contain_text("kế hoạch của đơn vị")
        head.goto(app_url + "/don-vi/diem?unit=HY.X.TANPHONG&period=2025")
        expect(head.locator("#krs-TP-2025-CD1\\.1")).to_contain_text("Đột phá – không tính điểm")
        expect(head.locator("#eval-why")).to_contain_text(
            "Điểm theo kế hoạch (đã loại nhiệm vụ đột phá)"
        )


def test_other_communes_cadre_cannot_open_the_review(app_url: str, phone: Page) -> None:
    sign_in(phone, app_url, "canbo.antao")
    phone.goto(app_url + "/ca-nhan?person=CB.TANPHONG.02&period=2025")
    expect(phone.get_by_role("alert")).to_contain_text(
        "Bạn không có quyền xem kết quả đánh giá này."
    )
    expect(phone.locator("#submit-assess")).to_have_count(0)


def test_province_opens_the_scoring_configuration(app_url: str, phone: Page) -> None:
    sign_in(phone, app_url, "lanhdao.tinh")
    phone.goto(app_url + "/danh-gia/cau-hinh")
    expect(phone.locator("#tot_min")).to_have_value("75")
    phone.fill("#hoan_thanh_min", "năm mươi")
    phone.click("#save-config")
    expect(phone.get_by_role("alert")).to_contain_text("phải là một số")
    phone.fill("#hoan_thanh_min", "50")
    phone.click("#save-config")
    expect(phone.get_by_role("status").filter(has_text="Đã lưu cấu hình")).to_be_visible()
