"""The index on a real Chroma server process (``WOMS_CHROMA_URL``) on loopback."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from woms_pwa.core import assistant_service
from woms_pwa.core.db import session_scope
from woms_pwa.core.settings import Settings

CHROMA = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def chroma_url(tmp_path: Path) -> Iterator[str]:
    if not os.path.exists(CHROMA):
        pytest.skip("chroma command not installed")
    port = _free_port()
    process = subprocess.Popen(
        [
            CHROMA,
            "run",
            "--path",
            str(tmp_path / "server"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url + "/api/v2/heartbeat", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_answers_through_a_chroma_server(loaded: str, actor_of, chroma_url: str) -> None:
    settings = Settings(db_url=loaded, chroma_url=chroma_url)
    with session_scope(loaded) as session:
        answer = assistant_service.ask(
            session, actor_of("lanhdao.tinh"), "vi sao tan phong giai ngan cham", settings
        )
    assert answer.citations and all(c.source.unit_code == "HY.X.TANPHONG" for c in answer.citations)
    with session_scope(loaded) as session:
        assert assistant_service.sync(session, settings) == 0
