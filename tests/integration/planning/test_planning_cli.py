"""``woms plan …`` and ``woms reminders send`` through the real command entry point."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from planning_helpers import draft_plan

from woms_pwa.cli import main
from woms_pwa.core.db import session_scope
from woms_pwa.core.permissions import Actor
from woms_pwa.core.planning.lifecycle import submit_plan


@pytest.fixture
def env(loaded: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WOMS_DB_URL", loaded)
    monkeypatch.delenv("WOMS_SMTP_URL", raising=False)
    return loaded


def test_precheck_json(
    env: str, actor_of: Callable[[str], Actor], capsys: pytest.CaptureFixture[str]
) -> None:
    cadre = actor_of("canbo.tanphong")
    with session_scope(env) as session:
        submit_plan(session, cadre, draft_plan(session, cadre, "HY.X.TANPHONG", "2026"))
    assert main(["plan", "precheck", "--period", "2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["owner_code"] for d in data] == ["HY.X.TANPHONG"] and data[0]["errors"] == 0


def test_rollover_then_export(env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "plan",
                "rollover",
                "--from",
                "2025",
                "--to",
                "2026",
                "--owner",
                "HY.X.TANPHONG",
                "--json",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["key_results"] == 6
    assert (
        main(["plan", "rollover", "--from", "2025", "--to", "2026", "--owner", "HY.X.TANPHONG"])
        == 2
    )
    assert "Đã có kế hoạch" in capsys.readouterr().err
    pdf = tmp_path / "decuong.pdf"
    assert (
        main(["plan", "export", "--owner", "HY.X.TANPHONG", "--period", "2026", "--pdf", str(pdf)])
        == 0
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    assert (
        main(["plan", "export", "--owner", "HY.X.TANPHONG", "--period", "2030", "--pdf", str(pdf)])
        == 2
    )


def test_reminders_send(env: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reminders", "send", "--today", "2025-11-26", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["notified"] > 0 and data["emailed"] == 0
    assert main(["reminders", "send", "--today", "26/11/2025"]) == 2


def test_cascade_and_deadline_commands(
    env: str, actor_of: Callable[[str], Actor], capsys: pytest.CaptureFixture[str]
) -> None:
    cadre = actor_of("canbo.tanphong")
    with session_scope(env) as session:
        draft_plan(session, cadre, "HY.X.TANPHONG", "2026")
    code = "HY.X.TANPHONG-2026-DV1.1"  # 12 người
    assert (
        main(
            [
                "plan",
                "cascade",
                "--kr",
                code,
                "--to",
                "HY.X.TANPHONG=5@2026-Q1",
                "HY.X.TANPHONG=5@2026-Q2",
                "--json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["checks"]["periods:quarter"]["remainder"] == 2
    assert main(["plan", "cascade", "--kr", code, "--to", "HY.X.TANPHONG=năm"]) == 2
    assert (
        main(["plan", "deadline-set", "--key", "annual_plan", "--month", "11", "--day", "20"]) == 0
    )
    assert (
        main(["plan", "deadline-set", "--key", "annual_plan", "--month", "14", "--day", "20"]) == 2
    )
