"""Browser tests: the production server started by the project's own script, and Chromium.

The server runs ``reflex run --env prod`` (via scripts/serve_test.sh) on a free
loopback port against a fresh database holding the small fixture dataset and
one account per role; Playwright drives Debian's Chromium at a phone viewport.
"""

from __future__ import annotations

import fcntl
import os
import signal
import socket
import subprocess
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from sqlalchemy import Engine, create_engine, text

from woms_pwa.core.db import session_scope
from woms_pwa.core.exchange.importer import import_dataset
from woms_pwa.core.migrate import upgrade
from woms_pwa.core.services.auth import create_account, hash_password

ROOT = Path(__file__).resolve().parents[2]
# The CI machine is shared and slow at times; waiting longer for the page is not a
# performance claim (those are benchmarks), it only keeps a slow run from failing.
expect.set_options(timeout=15_000)
FIXTURE = ROOT / "tests" / "fixtures" / "small"
CHROMIUM = os.environ.get("WOMS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
PASSWORD = "Woms@2025"
ACCOUNTS = {
    "lanhdao.tinh": ("province", "CB.TINH.01"),
    "bithu.tanphong": ("head", "CB.TANPHONG.01"),
    "canbo.tanphong": ("cadre", "CB.TANPHONG.02"),
    "canbo.antao": ("cadre", "CB.ANTAO.02"),
}

pytestmark = pytest.mark.e2e


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _database(tmp: Path, create_database: Callable[[Engine, str], None]) -> tuple[str, str | None]:
    server = os.environ.get("WOMS_TEST_DB_URL", "")
    if not server:
        return f"sqlite:///{tmp / 'e2e.db'}", None
    name = f"woms_e2e_{uuid.uuid4().hex[:8]}"
    create_database(create_engine(server, isolation_level="AUTOCOMMIT"), name)
    return server.rsplit("/", 1)[0] + f"/{name}", name


def _wait_until_up(
    url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 420
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app server exited early:\n{log.read_text()[-3000:]}")
        try:
            with (
                urllib.request.urlopen(url + "/ping", timeout=2) as ping,
                urllib.request.urlopen(url + "/", timeout=5) as page,
            ):
                if ping.status == 200 and page.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    raise RuntimeError(f"the app server did not start in time:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def e2e_server(
    tmp_path_factory: pytest.TempPathFactory, make_database: Callable[[Engine, str], None]
) -> Iterator[tuple[str, str]]:
    """A production WOMS server on a fresh, seeded database: ``(base URL, database URL)``.

    Tests may add the data they need through the core services on the
    database URL; they share one server, so they use their own codes.
    """
    tmp = tmp_path_factory.mktemp("e2e")
    db_url, pg_name = _database(tmp, make_database)
    upgrade(db_url)
    hashed = hash_password(PASSWORD)
    with session_scope(db_url) as session:
        import_dataset(session, FIXTURE)
        for username, (role, person) in ACCOUNTS.items():
            create_account(
                session,
                username=username,
                password=PASSWORD,
                role=role,
                person_code=person,
                password_hash=hashed,
            )
    port = _free_port()
    log = tmp / "server.log"
    env = {
        **os.environ,
        "WOMS_DB_URL": db_url,
        "PORT": str(port),
        "REFLEX_STATES_WORKDIR": str(tmp / "states"),
        "WOMS_UPLOADS_DIR": str(tmp / "uploads"),
        # Tests create the notifications they check; no background job adds others.
        "WOMS_BACKGROUND_JOBS": "0",
    }
    # One production build at a time in this checkout: parallel test runs
    # would overwrite each other's compiled pages in .web.
    lock_path = ROOT / ".local" / "e2e.lock"
    lock_path.parent.mkdir(exist_ok=True)
    lock = lock_path.open("w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(ROOT / "scripts" / "serve.sh")],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process, log)
        yield url, db_url
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
        except ProcessLookupError:
            pass  # the server exited early; its log is in the error above
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()
        if pg_name:
            from woms_pwa.core.db import get_engine

            get_engine(db_url).dispose()
            with create_engine(
                os.environ["WOMS_TEST_DB_URL"], isolation_level="AUTOCOMMIT"
            ).connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def app_url(e2e_server: tuple[str, str]) -> str:
    """Base URL of the test server."""
    return e2e_server[0]


@pytest.fixture(scope="session")
def app_db_url(e2e_server: tuple[str, str]) -> str:
    """Database URL behind the test server."""
    return e2e_server[1]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless (never a downloaded browser)."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A fresh page at a 390×844 phone viewport with Vietnamese locale."""
    context = browser.new_context(
        viewport=PHONE,
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def sign_in(page: Page, base: str, username: str, password: str = PASSWORD) -> None:
    """Sign in through the form and wait for the home page."""
    page.goto(base + "/dang-nhap")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("#sign-in")
    page.wait_for_selector(".plan-link")
