"""Accessibility (WCAG 2.1 AA, axe-core): no serious or critical violation on the
sign-in, home, plan, check-in and offline pages, on a phone."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from .conftest import ROOT, sign_in

AXE = ROOT / ".local" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "home": ("/", ".plan-link"),
    "plan": ("/ke-hoach?owner=HY.X.TANPHONG&period=2025", "#kr-TP-2025-DV2\\.1"),
    "checkin": ("/cap-nhat?kr=TP-2025-DV2.1", "#kr-figures"),
    "offline": ("/offline/", "body[data-ready='1']"),
}


def _axe(page: Page) -> list[dict[str, object]]:
    if not AXE.exists():
        pytest.fail(f"axe-core chưa được cài ({AXE}); chạy scripts/bootstrap.sh")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    violations = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]
    print(json.dumps(violations, ensure_ascii=False))
    return violations


# Findings accepted on a page, as (rule id, nodes); none at present.
KNOWN: dict[str, list[tuple[str, list[list[str]]]]] = {}


def _serious(violations: list[dict[str, object]], page: str = "") -> list[dict[str, object]]:
    known = KNOWN.get(page, [])
    return [
        v
        for v in violations
        if v["impact"] in ("serious", "critical") and (v["id"], v["nodes"]) not in known
    ]


def test_sign_in_page_has_no_serious_violations(app_url: str, phone: Page) -> None:
    phone.goto(app_url + "/dang-nhap")
    phone.wait_for_selector("#sign-in")
    assert _serious(_axe(phone)) == []


@pytest.mark.parametrize("name", list(PAGES))
def test_signed_in_pages_have_no_serious_violations(app_url: str, phone: Page, name: str) -> None:
    sign_in(phone, app_url, "canbo.tanphong")
    route, ready = PAGES[name]
    phone.goto(app_url + route)
    phone.wait_for_selector(ready)
    assert _serious(_axe(phone), name) == []


def test_text_can_be_zoomed_to_200_percent(app_url: str, phone: Page) -> None:
    phone.goto(app_url + "/dang-nhap")
    phone.wait_for_selector("#sign-in")
    content = phone.locator("meta[name='viewport']").first.get_attribute("content") or ""
    assert "user-scalable=no" not in content.replace(" ", "") and "maximum-scale=1" not in content
    # With the root font doubled, the form still fits the phone without sideways scrolling.
    phone.add_style_tag(content="html { font-size: 200% !important; }")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1
