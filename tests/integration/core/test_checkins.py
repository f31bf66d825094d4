"""Check-ins: stored once per client id, validated on the server, audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from woms_pwa.core.db import session_scope
from woms_pwa.core.models import AuditEntry, CheckIn, KeyResult
from woms_pwa.core.permissions import Actor
from woms_pwa.core.services.audit import verify_chain
from woms_pwa.core.services.checkins import CheckInError, record_checkin

TODAY = dt.date(2025, 10, 5)


def _record(db_url: str, actor: Actor, **kwargs: object):  # type: ignore[no-untyped-def]
    params: dict[str, object] = {
        "kr_code": "TP-2025-NS1.1",
        "value": "35,2",
        "note": "Đã giải ngân thêm 4,1 tỷ đồng.",
        "evidence": "bao-cao-giai-ngan-thang-09-2025.pdf",  # NS1.1 requires evidence
        "client_id": "c-0001-abcdef",
        "on_date": dt.date(2025, 9, 30),
        "today": TODAY,
    }
    params.update(kwargs)
    with session_scope(db_url) as session:
        return record_checkin(session, actor, **params)  # type: ignore[arg-type]


def test_resent_checkin_is_stored_once(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    cadre = actor_of("canbo.tanphong")
    first = _record(loaded, cadre)
    again = _record(loaded, cadre)
    assert first.created and not again.created and first.checkin_id == again.checkin_id
    with session_scope(loaded) as session:
        kr = session.execute(
            select(KeyResult).where(KeyResult.code == "TP-2025-NS1.1")
        ).scalar_one()
        assert (
            session.execute(
                select(func.count()).select_from(CheckIn).where(CheckIn.kr_id == kr.id)
            ).scalar_one()
            == 3
        )
        assert kr.current_value == 35.2 and kr.current_as_of == dt.date(2025, 9, 30)


def test_checkin_is_audited_with_old_and_new_value(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    _record(loaded, actor_of("canbo.tanphong"))
    with session_scope(loaded) as session:
        entry = session.execute(
            select(AuditEntry).where(AuditEntry.action == "checkin.create")
        ).scalar_one()
        assert (entry.actor, entry.entity_code, entry.old_value, entry.new_value) == (
            "canbo.tanphong",
            "TP-2025-NS1.1",
            "21.4",
            "35.2",
        )
        assert entry.reason == "Đã giải ngân thêm 4,1 tỷ đồng."
        assert (
            verify_chain(
                list(session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars())
            )
            is None
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"value": ""}, "Vui lòng nhập giá trị thực hiện."),
        ({"value": "ba mươi"}, "Giá trị thực hiện phải là một số"),
        ({"value": "-3"}, "không được âm"),
        ({"on_date": dt.date(2025, 10, 9)}, "không được ở tương lai"),
        ({"on_date": dt.date(2024, 6, 30)}, "Ngày số liệu không hợp lệ"),
        ({"kr_code": "TP-2025-CD1.1", "value": "0,5"}, "chỉ nhận 0"),
        ({"client_id": "x"}, "Mã định danh"),
    ],
)
def test_bad_checkins_are_refused_and_nothing_is_saved(
    loaded: str, actor_of: Callable[[str], Actor], changes: dict[str, object], message: str
) -> None:
    with session_scope(loaded) as session:
        before = session.execute(select(func.count()).select_from(CheckIn)).scalar_one()
    with pytest.raises(CheckInError, match=message):
        _record(loaded, actor_of("canbo.tanphong"), **changes)
    with session_scope(loaded) as session:
        assert session.execute(select(func.count()).select_from(CheckIn)).scalar_one() == before


def test_audit_log_refuses_updates(loaded: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    with pytest.raises(DBAPIError), session_scope(loaded) as session:
        session.execute(text("UPDATE audit_entry SET actor = 'ke gian'"))


def test_a_failed_request_keeps_neither_checkin_nor_audit(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    # The check-in and its audit entry commit together or not at all (SQLite used to
    # commit the check-in alone when the savepoint around it was released).
    with session_scope(loaded) as session:
        before = session.execute(select(func.count()).select_from(CheckIn)).scalar_one()
        audits = session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    with pytest.raises(RuntimeError), session_scope(loaded) as session:
        record_checkin(
            session,
            actor_of("canbo.tanphong"),
            kr_code="TP-2025-NS1.1",
            value="36",
            evidence="bao-cao-giai-ngan-thang-09-2025.pdf",
            client_id="c-rolled-back",
            on_date=dt.date(2025, 9, 30),
            today=TODAY,
        )
        raise RuntimeError("the request fails after the check-in")
    with session_scope(loaded) as session:
        assert session.execute(select(func.count()).select_from(CheckIn)).scalar_one() == before
        assert session.execute(select(func.count()).select_from(AuditEntry)).scalar_one() == audits
    assert _record(loaded, actor_of("canbo.tanphong"), client_id="c-rolled-back").created
