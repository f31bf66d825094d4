"""The alerts API: scope by bearer token, explanations by approvers only, Vietnamese errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from woms_pwa.api import create_api
from woms_pwa.context import settings
from woms_pwa.core.db import session_scope
from woms_pwa.core.services.auth import sign_in
from woms_pwa.core.services.checkins import record_checkin

PASSWORD = "Woms@2025"


@pytest.fixture
def api(loaded: str, actor_of, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WOMS_DB_URL", loaded)
    settings.cache_clear()
    import datetime as dt

    cadre = actor_of("canbo.tanphong")
    # A cumulative count that falls: 6 then 4 new party members.
    with session_scope(loaded) as session:
        for day, value, cid in (
            (dt.date(2025, 4, 30), "6", "alerts-api-1"),
            (dt.date(2025, 5, 31), "4", "alerts-api-2"),
        ):
            record_checkin(
                session,
                cadre,
                kr_code="TP-2025-DV2.1",
                value=value,
                note="Báo cáo tháng.",
                evidence=f"danh-sach-ket-nap-{cid}.pdf",  # the key result requires evidence
                client_id=cid,
                on_date=day,
                today=dt.date(2025, 6, 1),
            )
    with TestClient(create_api()) as client:
        yield client
    settings.cache_clear()


def _token(url: str, username: str) -> dict[str, str]:
    with session_scope(url) as session:
        token = sign_in(session, settings(), username, PASSWORD).token
    return {"Authorization": f"Bearer {token}"}


def test_alerts_follow_scope_and_explanations_need_an_approver(
    api: TestClient, loaded: str
) -> None:
    cadre = _token(loaded, "canbo.antao")
    rows = api.get("/api/alerts", params={"period": "2025"}, headers=cadre).json()
    assert rows and {r["owner_code"] for r in rows} <= {"HY.P.ANTAO", "CB.ANTAO.02"}
    leader = _token(loaded, "lanhdao.tinh")
    rows = api.get("/api/alerts", params={"period": "2025"}, headers=leader).json()
    drop = next(r for r in rows if r["kind"] == "cumulative_decrease")
    assert drop["kr_code"] == "TP-2025-DV2.1" and drop["key"] == "2025-05" and not drop["explained"]
    body = {
        "kr_code": "TP-2025-DV2.1",
        "kind": "cumulative_decrease",
        "key": "2025-05",
        "note": "Nhập nhầm, đã sửa.",
    }
    refused = api.post("/api/alerts/explain", json=body, headers=_token(loaded, "canbo.tanphong"))
    assert refused.status_code == 403 and "giải trình" in refused.json()["detail"]
    assert (
        api.post("/api/alerts/explain", json=body | {"note": ""}, headers=leader).status_code == 422
    )
    assert api.post("/api/alerts/explain", json=body, headers=leader).json()["explained"] is True
    rows = api.get("/api/alerts", params={"period": "2025"}, headers=leader).json()
    assert next(r for r in rows if r["kind"] == "cumulative_decrease")["explained"] is True
    assert api.get("/api/alerts", params={"period": "2025-Q3"}, headers=leader).status_code == 422
    assert api.get("/api/alerts").status_code == 401
