"""Installability: a valid manifest, a controlling service worker, no installability errors."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from woms_pwa.core.messages import pwa as msg

from .conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, sign_in
from .pwa_support import wait_offline_ready


def test_manifest_is_valid_and_vietnamese(app_url: str) -> None:
    with urllib.request.urlopen(app_url + "/manifest.webmanifest", timeout=10) as response:
        assert response.headers["Content-Type"].startswith("application/manifest+json")
        manifest = json.loads(response.read().decode("utf-8"))
    assert manifest["name"] == msg.MANIFEST_NAME and manifest["lang"] == "vi"
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"48x48", "72x72", "96x96", "144x144", "192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        with urllib.request.urlopen(app_url + icon["src"], timeout=10) as response:
            assert response.status == 200 and response.headers["Content-Type"] == "image/png"


def test_browser_reports_no_installability_errors(
    app_url: str, browser: Browser, tmp_path: Path
) -> None:
    # A normal (persistent) profile, as on a phone: Chromium never offers to
    # install from an incognito context, which is what new_context() makes.
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        viewport=PHONE,
        locale="vi-VN",
        is_mobile=True,
        has_touch=True,
    )
    try:
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(30_000)
        sign_in(page, app_url, "canbo.tanphong")
        wait_offline_ready(page)
        cdp = context.new_cdp_session(page)
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == []
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["url"].endswith("/manifest.webmanifest")
        assert [e for e in manifest["errors"] if e.get("critical")] == []
        expect(page.locator("head link[rel='manifest']")).to_have_count(1)
    finally:
        context.close()


def test_offline_page_is_served_when_the_network_is_off(app_url: str, phone: Page) -> None:
    sign_in(phone, app_url, "canbo.tanphong")
    wait_offline_ready(phone)
    phone.context.set_offline(True)
    try:
        phone.goto(app_url + "/cap-nhat?kr=TP-2025-DV2.1")
        expect(phone.locator("h1")).to_contain_text("Cập nhật tiến độ khi mất mạng")
        expect(phone.locator("#kr option[value='TP-2025-DV2.1']")).to_have_count(1)
        expect(phone.locator("#kr option[value='AT-2025-NS1.1']")).to_have_count(0)
    finally:
        phone.context.set_offline(False)
