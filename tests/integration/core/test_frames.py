"""The analytics frames read from the database have the documented columns and values."""

from __future__ import annotations

from woms_pwa.core.db import session_scope
from woms_pwa.core.services.frames import checkin_frame, key_result_frame


def test_key_result_frame(loaded: str) -> None:
    with session_scope(loaded) as session:
        frame = key_result_frame(session, periods={"2025"})
    assert len(frame) == 9
    row = frame.set_index("kr_code").loc["TP-2025-NS1.2"]
    assert (row.owner_code, row.owner_type, row.perspective, row.direction) == (
        "HY.X.TANPHONG",
        "unit",
        "budget",
        "decrease",
    )
    assert row.target == 0 and row.baseline == 1.5 and row.task_weight == 2
    personal = frame.set_index("kr_code").loc["CN-TP02-2025-1"]
    assert (personal.owner_type, personal.owner_unit_kind) == ("person", "commune")
    assert bool(frame.set_index("kr_code").loc["TP-2025-CD1.1"].breakthrough)


def test_checkin_frame(loaded: str) -> None:
    with session_scope(loaded) as session:
        frame = checkin_frame(session)
        notes = checkin_frame(
            session, with_notes=True, until=__import__("datetime").date(2025, 4, 1)
        )
    assert len(frame) == 4 and set(frame.columns) == {"kr_id", "date", "value"}
    assert len(notes) == 1 and "GPMB" in notes.iloc[0]["note"]


def test_most_behind_unit_respects_scope(tmp_path, db_url: str) -> None:  # type: ignore[no-untyped-def]
    from sqlmodel import select

    from woms_pwa.core.demo_loader import load_demo
    from woms_pwa.core.models import UserAccount
    from woms_pwa.core.permissions import Actor
    from woms_pwa.core.services.plans import most_behind_unit

    with session_scope(db_url) as session:
        load_demo(session, tmp_path / "demo")

        def actor(name: str) -> Actor:
            return Actor.from_account(
                session.execute(
                    select(UserAccount).where(UserAccount.username == name)
                ).scalar_one()
            )

        leader = most_behind_unit(session, actor("lanhdao.tinh"))
        head = most_behind_unit(session, actor("bithu.antao"))
    assert leader is not None and leader != "Tỉnh Hưng Yên"
    assert head == "Phường An Tảo"
