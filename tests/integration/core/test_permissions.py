"""Reading and writing outside one's scope is refused in the core services."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import pytest

from woms_pwa.core.db import session_scope
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.services.checkins import record_checkin
from woms_pwa.core.services.plans import get_key_result_detail, get_plan_view, list_visible_plans

TODAY = dt.date(2025, 10, 5)


def _owners(db_url: str, actor: Actor) -> set[str]:
    with session_scope(db_url) as session:
        return {p.owner_code for p in list_visible_plans(session, actor)}


def _write(db_url: str, actor: Actor, kr_code: str) -> None:
    with session_scope(db_url) as session:
        record_checkin(
            session,
            actor,
            kr_code=kr_code,
            value="1",
            note="thử",
            evidence="bien-ban-thu.pdf",  # several of these key results require evidence
            client_id=uuid.uuid4().hex,
            on_date=dt.date(2025, 9, 30),
            today=TODAY,
        )


def test_cadre_sees_own_plan_and_own_unit_plan_only(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    cadre = actor_of("canbo.tanphong")
    assert _owners(loaded, cadre) == {"HY.X.TANPHONG", "CB.TANPHONG.02"}
    with pytest.raises(PermissionDenied), session_scope(loaded) as session:
        get_plan_view(session, cadre, "HY.P.ANTAO", "2025")
    with pytest.raises(PermissionDenied), session_scope(loaded) as session:
        get_key_result_detail(session, cadre, "AT-2025-NS1.1")


def test_cadre_cannot_write_another_commune_or_the_province(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    cadre = actor_of("canbo.tanphong")
    for kr in ("AT-2025-NS1.1", "HY-2025-NS1.1"):
        with pytest.raises(PermissionDenied):
            _write(loaded, cadre, kr)
    _write(loaded, cadre, "TP-2025-DV2.1")  # own unit's plan
    _write(loaded, cadre, "CN-TP02-2025-1")  # own personal plan


def test_colleague_cannot_see_or_write_anothers_personal_plan(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    colleague = actor_of("vanphong.tanphong")
    assert "CB.TANPHONG.02" not in _owners(loaded, colleague)
    with pytest.raises(PermissionDenied):
        _write(loaded, colleague, "CN-TP02-2025-1")


def test_head_sees_subtree_and_staff_plans(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    head = actor_of("bithu.tanphong")
    assert _owners(loaded, head) == {"HY.X.TANPHONG", "CB.TANPHONG.02"}
    _write(loaded, head, "CN-TP02-2025-1")
    with pytest.raises(PermissionDenied):
        _write(loaded, head, "AT-2025-NS1.1")


def test_province_sees_units_and_heads_but_not_staff_plans(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    province = actor_of("lanhdao.tinh")
    owners = _owners(loaded, province)
    assert {"HY", "HY.X.TANPHONG", "HY.P.ANTAO"} <= owners
    assert "CB.TANPHONG.02" not in owners
    with pytest.raises(PermissionDenied), session_scope(loaded) as session:
        get_plan_view(session, province, "CB.TANPHONG.02", "2025")
    _write(loaded, province, "HY-2025-NS1.1")  # the province's own plan
    with pytest.raises(PermissionDenied):
        _write(loaded, province, "TP-2025-NS1.1")  # communes report their own progress


def test_admin_sees_everything(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    owners = _owners(loaded, actor_of("admin"))
    assert owners == {"HY", "HY.X.TANPHONG", "HY.P.ANTAO", "CB.TANPHONG.02"}
