"""Helpers of the PWA browser tests: their own unit, plan and account; readiness waits.

The unit ``HY.X.PWATEST`` is a root unit (outside the province's subtree), so
its plan does not change what the other browser tests see.
"""

from __future__ import annotations

import time

from playwright.sync_api import Page
from sqlmodel import select

from woms_pwa.core.db import session_scope
from woms_pwa.core.models import CheckIn, KeyResult, Period, Person, Plan, Task, Unit
from woms_pwa.core.services.auth import create_account

USERNAME = "canbo.pwatest"
UNIT = "HY.X.PWATEST"
KRS = {
    "PWA-2025-1": "Số hộ được hướng dẫn dịch vụ công trực tuyến",
    "PWA-2025-2": "Số buổi tuyên truyền tại thôn",
    "PWA-2025-3": "Số mô hình dân vận khéo được nhân rộng",
    "PWA-2025-4": "Số mô hình dân vận khéo cấp xã",
}


def ensure_pwa_data(db_url: str) -> None:
    """Create the test unit, its cadre account and its 2025 plan (idempotent)."""
    with session_scope(db_url) as session:
        if session.execute(select(Unit).where(Unit.code == UNIT)).scalar_one_or_none():
            return
        unit = Unit(code=UNIT, name="Xã Thử Nghiệm Ngoại Tuyến", kind="commune")
        session.add(unit)
        session.flush()
        person = Person(code="CB.PWATEST.01", full_name="Đỗ Thị Hạnh", unit_id=unit.id or 0)
        period = session.execute(select(Period).where(Period.code == "2025")).scalar_one()
        session.add(person)
        session.flush()
        plan = Plan(
            owner_key=f"U{unit.id}",
            owner_unit_id=unit.id,
            period_id=period.id or 0,
            status="approved",
            version=1,
        )
        session.add(plan)
        session.flush()
        task = Task(
            plan_id=plan.id or 0,
            code="PWA-NV1",
            title="Đẩy mạnh chuyển đổi số và dân vận khéo",
            perspective="service",
        )
        session.add(task)
        session.flush()
        for position, (code, title) in enumerate(KRS.items()):
            session.add(
                KeyResult(
                    task_id=task.id or 0,
                    code=code,
                    title=title,
                    unit="lượt",
                    target=100,
                    position=position,
                )
            )
        create_account(
            session,
            username=USERNAME,
            password="Woms@2025",
            role="cadre",
            person_code="CB.PWATEST.01",
        )


def amend_plan(db_url: str, retire: str) -> int:
    """Retire a key result and bump the plan version (as an approved amendment does)."""
    with session_scope(db_url) as session:
        kr = session.execute(select(KeyResult).where(KeyResult.code == retire)).scalar_one()
        kr.status = "retired"
        task = session.get(Task, kr.task_id)
        plan = session.get(Plan, task.plan_id if task else 0)
        assert plan is not None
        plan.version += 1
        session.add_all([kr, plan])
        return plan.version


def checkins_by_client(
    db_url: str, client_ids: list[str]
) -> dict[str, list[tuple[str, float, str | None]]]:
    """Stored check-ins per client id: ``[(kr code, value, evidence), …]``."""
    out: dict[str, list[tuple[str, float, str | None]]] = {cid: [] for cid in client_ids}
    with session_scope(db_url) as session:
        rows = session.execute(
            select(CheckIn, KeyResult.code)
            .join(KeyResult, KeyResult.id == CheckIn.kr_id)  # type: ignore[arg-type]
            .where(CheckIn.client_id.in_(client_ids))  # type: ignore[union-attr]
        ).all()
        for checkin, code in rows:
            out[checkin.client_id].append((code, checkin.value, checkin.evidence))
    return out


def wait_offline_ready(page: Page, timeout_s: float = 30) -> None:
    """Wait until the service worker controls the page and the plan is on the phone."""
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null")
    page.wait_for_function("!!self.WomsOffline")
    deadline = time.monotonic() + timeout_s
    # Polled from Python: wait_for_function does not wait for a promise's value.
    while not page.evaluate("WomsOffline.cachedPlan().then(p => !!(p && p.plans.length))"):
        if time.monotonic() > deadline:
            raise AssertionError("kế hoạch chưa được lưu trên máy sau khi đăng nhập")
        page.wait_for_timeout(250)


def queue(page: Page) -> list[dict[str, object]]:
    """The queued items on the phone (without the photo blobs)."""
    return page.evaluate(
        "WomsOffline.listQueue().then(items => items.map(i => ({...i, photo: !!i.photo})))"
    )
