"""The alerts page's store: stale-while-revalidate, one recomputation per change, failures kept."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from analytics.vntext import format_time_vi
from woms_pwa.core.alerts import service
from woms_pwa.core.alerts.service import STORE, alerts_view, refresh_alerts
from woms_pwa.core.db import session_scope
from woms_pwa.core.jobs import run_daily_jobs
from woms_pwa.core.messages import alerts as msg
from woms_pwa.core.permissions import Actor
from woms_pwa.core.services.checkins import record_checkin

TODAY = dt.date(2025, 6, 1)


def _checkin(
    url: str, actor: Actor, value: str, client_id: str, day: dt.date = dt.date(2025, 5, 31)
) -> None:
    with session_scope(url) as session:
        record_checkin(
            session,
            actor,
            kr_code="TP-2025-DV2.1",
            value=value,
            note="Báo cáo tháng.",
            evidence=f"danh-sach-{client_id}.pdf",
            client_id=client_id,
            on_date=day,
            today=TODAY,
        )


def _view(url: str, actor: Actor) -> service.AlertView:
    with session_scope(url) as session:
        return alerts_view(session, actor, period="2025", today=TODAY)


def _counting(monkeypatch: pytest.MonkeyPatch, pause: float = 0.0) -> dict[str, int]:
    """Wrap ``compute_alerts``: count calls and the most running at once."""
    real = service.compute_alerts
    seen = {"calls": 0, "active": 0, "max_active": 0}
    lock = threading.Lock()

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        with lock:
            seen["calls"] += 1
            seen["active"] += 1
            seen["max_active"] = max(seen["max_active"], seen["active"])
        try:
            time.sleep(pause)
            return real(*args, **kwargs)
        finally:
            with lock:
                seen["active"] -= 1

    monkeypatch.setattr(service, "compute_alerts", wrapped)
    return seen


def test_stale_report_comes_at_once_with_its_time_and_the_owner_is_told(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    cadre, leader = actor_of("canbo.tanphong"), actor_of("lanhdao.tinh")
    first = _view(loaded, leader)  # small database: the very first load computes
    assert first.report is not None and first.snapshot.fresh
    assert first.status_line.startswith("Số liệu cảnh báo tính lúc ")
    assert "đang cập nhật" not in first.status_line
    _checkin(loaded, cadre, "6", "alerts-store-1", dt.date(2025, 4, 30))
    _checkin(loaded, cadre, "4", "alerts-store-2")  # a cumulative count that falls

    # The old report comes back at once (no recomputation in the request); how
    # fast is a benchmark's business (tests/bench/bench_alert_pages.py).
    stale = _view(loaded, leader)
    assert stale.snapshot.computed_at == first.snapshot.computed_at
    assert not stale.snapshot.fresh and stale.snapshot.refreshing
    when = format_time_vi(first.snapshot.computed_at)  # type: ignore[arg-type]
    assert stale.status_line == msg.COMPUTED_AT_UPDATING.format(when=when)
    assert stale.report is not None
    assert not any(a["kr_code"] == "TP-2025-DV2.1" for a in stale.report.anomalies)
    # The cadre who just recorded it is told that the view does not include it yet.
    own = _view(loaded, cadre)
    assert own.own_pending_at is not None
    assert "Cập nhật tiến độ của bạn lúc" in own.status_line
    assert stale.own_pending_at is None  # the leader recorded nothing

    assert STORE.wait_idle(60)
    fresh = _view(loaded, leader)
    assert fresh.snapshot.fresh and not fresh.snapshot.refreshing
    assert fresh.snapshot.computed_at > first.snapshot.computed_at  # type: ignore[operator]
    assert fresh.report is not None
    assert any(
        a["kr_code"] == "TP-2025-DV2.1" and a["kind"] == "cumulative_decrease"
        for a in fresh.report.anomalies
    )
    mine = _view(loaded, cadre)
    assert mine.own_pending_at is None and "chưa có" not in mine.status_line


def test_one_recomputation_per_change_never_two_at_once(
    loaded: str, actor_of: Callable[[str], Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    cadre, leader = actor_of("canbo.tanphong"), actor_of("lanhdao.tinh")
    _view(loaded, leader)
    seen = _counting(monkeypatch, pause=0.3)
    _checkin(loaded, cadre, "6", "alerts-once-1")
    # Ten page loads in four threads, and the background job at the same time.
    threads = [
        threading.Thread(target=lambda: [_view(loaded, leader) for _ in range(10)])
        for _ in range(4)
    ]

    def job() -> None:
        with session_scope(loaded) as session:
            refresh_alerts(session, period="2025", today=TODAY)

    threads.append(threading.Thread(target=job))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert STORE.wait_idle(60)
    assert seen["calls"] == 1  # the job and the refresh share one computation
    assert seen["max_active"] == 1
    assert _view(loaded, leader).snapshot.fresh
    assert STORE.wait_idle(60) and seen["calls"] == 1  # fresh: nothing more queued


def test_a_failed_recomputation_keeps_the_last_good_report_and_logs(
    loaded: str,
    actor_of: Callable[[str], Actor],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    cadre, leader = actor_of("canbo.tanphong"), actor_of("lanhdao.tinh")
    good = _view(loaded, leader)
    monkeypatch.setattr(STORE, "failure_pause", 0.05)

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("forecast engine failed")

    monkeypatch.setattr(service, "compute_alerts", broken)
    _checkin(loaded, cadre, "6", "alerts-fail-1")
    with caplog.at_level(logging.ERROR):
        _view(loaded, leader)
        assert STORE.wait_idle(60)
    assert "computing the report" in caplog.text and "forecast engine failed" in caplog.text
    kept = _view(loaded, leader)
    assert kept.report is not None
    assert kept.snapshot.computed_at == good.snapshot.computed_at
    assert kept.snapshot.failed_at is not None
    assert kept.status_line.startswith("Lần cập nhật cảnh báo gần nhất bị lỗi")
    assert [w["kr_code"] for w in kept.report.warnings] == [
        w["kr_code"]
        for w in good.report.warnings  # type: ignore[union-attr]
    ]
    monkeypatch.undo()  # the engine works again: the next try succeeds
    assert STORE.wait_idle(60)
    _view(loaded, leader)
    assert STORE.wait_idle(60)
    healed = _view(loaded, leader)
    assert healed.snapshot.fresh and healed.snapshot.failed_at is None


def test_a_large_database_is_never_computed_in_the_request(
    loaded: str,
    actor_of: Callable[[str], Actor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from woms_pwa.api import create_api
    from woms_pwa.context import settings
    from woms_pwa.core.services.auth import sign_in

    leader = actor_of("lanhdao.tinh")
    monkeypatch.setattr(service, "SYNC_MAX_KEY_RESULTS", 0)
    seen = _counting(monkeypatch, pause=3.0)
    warming = _view(loaded, leader)
    assert warming.report is None and warming.snapshot.refreshing
    assert warming.status_line == msg.FIRST_COMPUTE
    monkeypatch.setenv("WOMS_DB_URL", loaded)
    settings.cache_clear()
    try:
        with session_scope(loaded) as session:
            token = sign_in(session, settings(), "lanhdao.tinh", "Woms@2025").token
        with TestClient(create_api()) as client:
            headers = {"Authorization": f"Bearer {token}"}
            busy = client.get("/api/alerts", params={"period": "2025"}, headers=headers)
            assert busy.status_code == 503 and busy.headers["Retry-After"]  # 3 s pause
            assert "đang được tính lần đầu" in busy.json()["detail"]
            assert STORE.wait_idle(60)
            ready = client.get("/api/alerts", params={"period": "2025"}, headers=headers)
            assert ready.status_code == 200 and ready.json()
            assert ready.headers["X-Alerts-Fresh"] in ("0", "1")
            assert dt.datetime.fromisoformat(ready.headers["X-Alerts-Computed-At"])
    finally:
        settings.cache_clear()
    assert seen["calls"] == 1


def test_the_background_job_fills_the_store(
    loaded: str, actor_of: Callable[[str], Actor], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    leader = actor_of("lanhdao.tinh")
    with session_scope(loaded) as session:
        run_daily_jobs(session, today=TODAY)
    seen = _counting(monkeypatch)
    view = _view(loaded, leader)
    assert view.report is not None and view.snapshot.fresh
    assert seen["calls"] == 0  # the page used the job's report
