"""Phrasing through langchain against a real local OpenAI-compatible server process."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from woms_pwa.core import assistant_service
from woms_pwa.core.db import session_scope
from woms_pwa.core.settings import Settings

SERVER = Path(__file__).with_name("fake_openai_server.py")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(mode: str) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, str(SERVER), str(port), mode], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def echo_server() -> Iterator[str]:
    yield from _serve("echo")


@pytest.fixture
def inventing_server() -> Iterator[str]:
    yield from _serve("invent")


def _ask(settings: Settings, actor_of) -> object:
    with session_scope(settings.db_url) as session:
        return assistant_service.ask(
            session, actor_of("lanhdao.tinh"), "Vì sao xã Tân Phong giải ngân chậm?", settings
        )


def test_model_phrases_and_keeps_citations(
    assistant_settings: Settings, actor_of, echo_server: str
) -> None:
    plain = _ask(assistant_settings, actor_of)
    phrased = _ask(
        replace(assistant_settings, llm_base_url=echo_server, llm_model="fake"), actor_of
    )
    assert phrased.text.startswith("Tóm tắt:")  # type: ignore[attr-defined]
    assert "[1]" in phrased.text  # type: ignore[attr-defined]
    assert [c.source.id for c in phrased.citations] == [c.source.id for c in plain.citations]  # type: ignore[attr-defined]


def test_invented_reference_falls_back_to_composed_answer(
    assistant_settings: Settings, actor_of, inventing_server: str
) -> None:
    plain = _ask(assistant_settings, actor_of)
    phrased = _ask(
        replace(assistant_settings, llm_base_url=inventing_server, llm_model="fake"), actor_of
    )
    assert phrased.text == plain.text  # type: ignore[attr-defined]
    assert "thời tiết" not in phrased.text  # type: ignore[attr-defined]


def test_unreachable_model_falls_back(assistant_settings: Settings, actor_of) -> None:
    port = _free_port()
    plain = _ask(assistant_settings, actor_of)
    phrased = _ask(
        replace(assistant_settings, llm_base_url=f"http://127.0.0.1:{port}/v1"), actor_of
    )
    assert phrased.text == plain.text  # type: ignore[attr-defined]
