"""The PWA's static files: manifest in step with the message catalogue, Vietnamese texts,
every icon present at its declared size, the service worker caching its own shell."""

from __future__ import annotations

import json
import re
from pathlib import Path

from PIL import Image

from woms_pwa.core.messages import pwa as msg

ASSETS = Path(__file__).resolve().parents[3] / "assets"


def _manifest() -> dict[str, object]:
    return json.loads((ASSETS / "manifest.webmanifest").read_text(encoding="utf-8"))


def test_manifest_matches_the_catalogue() -> None:
    manifest = _manifest()
    assert manifest["name"] == msg.MANIFEST_NAME
    assert manifest["short_name"] == msg.MANIFEST_SHORT_NAME
    assert manifest["description"] == msg.MANIFEST_DESCRIPTION
    assert manifest["lang"] == "vi" and manifest["display"] == "standalone"
    assert manifest["start_url"] == "/" and manifest["scope"] == "/"
    assert re.fullmatch(r"#[0-9a-f]{6}", str(manifest["theme_color"]))


def test_every_icon_exists_at_its_declared_size() -> None:
    icons = _manifest()["icons"]
    assert isinstance(icons, list)
    for icon in icons:
        width, height = (int(n) for n in icon["sizes"].split("x"))
        with Image.open(ASSETS / icon["src"].lstrip("/")) as image:
            assert image.size == (width, height), icon["src"]
    assert {i["sizes"] for i in icons} >= {"192x192", "512x512"}
    assert any(i["purpose"] == "maskable" for i in icons)


def test_service_worker_precaches_files_that_exist() -> None:
    source = (ASSETS / "sw.js").read_text(encoding="utf-8")
    block = source[
        source.index("const SHELL = [") : source.index("];", source.index("const SHELL = ["))
    ]
    urls = re.findall(r'"(/[^"]*)"', block)
    assert "/offline/app.js" in urls and "/offline/store.js" in urls
    for url in urls:
        path = ASSETS / url.lstrip("/")
        assert (path / "index.html").exists() if url.endswith("/") else path.exists(), url
    # The API (personal data) is never cached by the worker.
    assert r"/^\/api\//" in source


def test_offline_texts_are_vietnamese_with_diacritics() -> None:
    page = (ASSETS / "offline" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in page
    for text in ("Đang chờ đồng bộ", "Lưu vào hàng chờ", "Ngày số liệu"):
        assert text in page
    app = (ASSETS / "offline" / "app.js").read_text(encoding="utf-8")
    assert "Cần chọn lại mục tiêu" in app and "Giá trị thực hiện phải là một số" in app
    # Every label points at a field that exists.
    ids = set(re.findall(r'id="([^"]+)"', page))
    for target in re.findall(r'<label for="([^"]+)"', page):
        assert target in ids
