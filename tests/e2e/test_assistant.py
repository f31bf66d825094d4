"""A leader asks the assistant on a phone and taps a cited source; a cadre sees only their unit."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .conftest import sign_in


def _ask(phone: Page, base: str, question: str) -> None:
    phone.goto(base + "/tro-ly")
    phone.fill("#assistant-question", question)
    phone.get_by_role("button", name="Hỏi", exact=True).click()


def test_leader_gets_a_cited_cause_and_opens_the_source(app_url: str, phone: Page) -> None:
    sign_in(phone, app_url, "lanhdao.tinh")
    _ask(phone, app_url, "vi sao tan phong giai ngan cham")
    answer = phone.get_by_test_id("assistant-answer")
    expect(answer).to_contain_text("GPMB", timeout=30000)
    chip = answer.locator("a[href^='/cap-nhat?kr=TP-2025-NS1.1']").first
    expect(chip).to_be_visible()
    chip.click()
    phone.wait_for_url("**/cap-nhat?kr=TP-2025-NS1.1")


def test_cadre_of_another_commune_gets_no_foreign_notes(app_url: str, phone: Page) -> None:
    sign_in(phone, app_url, "canbo.antao")
    _ask(phone, app_url, "Vì sao xã Tân Phong giải ngân chậm?")
    answer = phone.get_by_test_id("assistant-answer")
    expect(answer).to_be_visible(timeout=30000)
    expect(answer).not_to_contain_text("GPMB")
    expect(answer.locator("a[href*='TP-2025']")).to_have_count(0)
