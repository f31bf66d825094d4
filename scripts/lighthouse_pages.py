"""Run Lighthouse (mobile) on four WOMS pages and print scores and transfer sizes.

Starts a production server the way the browser tests do (fresh SQLite database
with the small fixture and a cadre account, ``scripts/serve.sh``, the e2e lock),
signs in once in a Chromium profile, and runs the Lighthouse CLI against that
Chromium over its debugging port for each page. Before each run the HTTP
cache, service workers and Cache Storage are cleared (the session token in
localStorage is kept, hence ``--disable-storage-reset``): the figures are for
a first visit. Usage: ``scripts/lighthouse.sh [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from woms_pwa.core.db import session_scope  # noqa: E402
from woms_pwa.core.exchange.importer import import_dataset  # noqa: E402
from woms_pwa.core.migrate import upgrade  # noqa: E402
from woms_pwa.core.services.auth import create_account  # noqa: E402

LIGHTHOUSE = ROOT / ".local" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("WOMS_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = {
    "đăng nhập": ("/dang-nhap", False),
    "trang chủ": ("/", True),
    "kế hoạch": ("/ke-hoach?owner=HY.X.TANPHONG&period=2025", True),
    "cập nhật": ("/cap-nhat?kr=TP-2025-DV2.1", True),
}
# Blank Reflex 0.10 production app, gzipped (shared/notes/reflex-offline.md).
FLOOR_KB = 242 + 83


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _seed(db_url: str) -> None:
    upgrade(db_url)
    with session_scope(db_url) as session:
        import_dataset(session, ROOT / "tests" / "fixtures" / "small")
        create_account(
            session,
            username="canbo.tanphong",
            password="Woms@2025",
            role="cadre",
            person_code="CB.TANPHONG.02",
        )


def _wait(url: str, process: subprocess.Popen[bytes], timeout: float = 420) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("Máy chủ dừng sớm; xem nhật ký máy chủ.")
        try:
            with urllib.request.urlopen(url + "/ping", timeout=2) as ping:
                if ping.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    raise SystemExit("Máy chủ không khởi động kịp.")


def _summary(report: dict) -> dict[str, float]:  # type: ignore[type-arg]
    cats = report["categories"]
    items = report["audits"]["resource-summary"]["details"]["items"]
    by_type = {item["resourceType"]: item["transferSize"] / 1024 for item in items}
    return {
        "performance": round(cats["performance"]["score"] * 100),
        "accessibility": round(cats["accessibility"]["score"] * 100),
        "best-practices": round(cats["best-practices"]["score"] * 100),
        "js_kb": by_type.get("script", 0.0),
        "css_kb": by_type.get("stylesheet", 0.0),
        "total_kb": by_type.get("total", 0.0),
        "requests": next((i["requestCount"] for i in items if i["resourceType"] == "total"), 0),
        "lcp_s": report["audits"]["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt_ms": report["audits"]["total-blocking-time"]["numericValue"],
    }


def main() -> int:
    """Measure and print; returns 0 (a measurement never fails on a score)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, help="thư mục lưu các báo cáo JSON")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="woms-lh-"))
    out_dir = args.keep or tmp
    out_dir.mkdir(parents=True, exist_ok=True)
    db_url = f"sqlite:///{tmp / 'lh.db'}"
    _seed(db_url)
    port, debug_port = _free_port(), _free_port()
    base = f"http://127.0.0.1:{port}"
    lock = (ROOT / ".local" / "e2e.lock").open("w")
    fcntl.flock(lock, fcntl.LOCK_EX)  # one production build at a time in this checkout
    env = {
        **os.environ,
        "WOMS_DB_URL": db_url,
        "PORT": str(port),
        "REFLEX_STATES_WORKDIR": str(tmp / "states"),
    }
    with (tmp / "server.log").open("wb") as log:
        server = subprocess.Popen(
            [str(ROOT / "scripts" / "serve.sh")],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    results: dict[str, dict[str, float]] = {}
    try:
        _wait(base, server)
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                str(tmp / "profile"),
                executable_path=CHROMIUM,
                args=[*FLAGS[1:], f"--remote-debugging-port={debug_port}"],
                headless=True,
            )
            page = context.pages[0] if context.pages else context.new_page()
            page.goto(base + "/dang-nhap")
            page.fill("#username", "canbo.tanphong")
            page.fill("#password", "Woms@2025")
            page.click("#sign-in")
            page.wait_for_selector(".plan-link", timeout=60_000)
            token = page.evaluate("localStorage.getItem('woms_token')")
            cdp = context.new_cdp_session(page)
            for name, (route, signed_in) in PAGES.items():
                page.goto(base + "/offline/")  # a neutral page while clearing
                cdp.send("Network.clearBrowserCache")
                cdp.send(
                    "Storage.clearDataForOrigin",
                    {"origin": base, "storageTypes": "service_workers,cache_storage,indexeddb"},
                )
                page.evaluate(
                    "t => t ? localStorage.setItem('woms_token', t) : localStorage.removeItem('woms_token')",
                    token if signed_in else None,
                )
                report_path = out_dir / f"lh-{route.strip('/').split('?')[0] or 'home'}.json"
                subprocess.run(
                    [
                        str(LIGHTHOUSE),
                        base + route,
                        f"--port={debug_port}",
                        "--disable-storage-reset",
                        "--only-categories=performance,accessibility,best-practices",
                        "--output=json",
                        f"--output-path={report_path}",
                        "--quiet",
                        "--locale=vi",
                    ],
                    check=True,
                    env={**os.environ, "CHROME_PATH": CHROMIUM},
                )
                results[name] = _summary(json.loads(report_path.read_text()))
            context.close()
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=20)
        except ProcessLookupError:
            pass  # the server had already stopped
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        fcntl.flock(lock, fcntl.LOCK_UN)
    print(
        f"Lighthouse 12 (di động, mô phỏng 4G chậm); mức sàn Reflex trống = {FLOOR_KB} KB, giới hạn 1,5× = {FLOOR_KB * 1.5:.0f} KB"
    )
    header = f"{'trang':<11} {'hiệu năng':>9} {'tiếp cận':>8} {'thực hành':>9} {'JS KB':>7} {'CSS KB':>7} {'tổng KB':>8} {'× sàn':>6} {'LCP s':>6} {'TBT ms':>7}"
    print(header)
    for name, r in results.items():
        print(
            f"{name:<11} {r['performance']:>9.0f} {r['accessibility']:>8.0f} {r['best-practices']:>9.0f} "
            f"{r['js_kb']:>7.1f} {r['css_kb']:>7.1f} {r['total_kb']:>8.1f} {r['total_kb'] / FLOOR_KB:>6.2f} "
            f"{r['lcp_s']:>6.2f} {r['tbt_ms']:>7.0f}"
        )
    print(f"Báo cáo JSON: {out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
