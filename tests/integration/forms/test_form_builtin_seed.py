"""Seeding the built-in forms: atomic with the caller's work, healed if left unpublished."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from woms_pwa.core.db import session_scope
from woms_pwa.core.forms.catalogue import BUILTIN_CODES, ensure_builtin_forms
from woms_pwa.core.forms.models import FormDefinition, FormVersion


class _Boom(RuntimeError):
    pass


def test_seeding_rolls_back_with_the_request(db_url: str) -> None:
    # A request that fails after seeding must leave nothing behind (no form stuck at
    # version 0: SQLite used to commit the seed on its own at RELEASE SAVEPOINT).
    with pytest.raises(_Boom), session_scope(db_url) as session:
        ensure_builtin_forms(session)
        raise _Boom
    with session_scope(db_url) as session:
        assert session.execute(select(func.count()).select_from(FormDefinition)).scalar_one() == 0


def test_seeding_is_idempotent_and_publishes_version_1(db_url: str) -> None:
    for _ in range(2):
        with session_scope(db_url) as session:
            ensure_builtin_forms(session)
    with session_scope(db_url) as session:
        rows = session.execute(select(FormDefinition.code, FormDefinition.current_version)).all()
        assert sorted(rows) == sorted((code, 1) for code in BUILTIN_CODES)
        assert session.execute(select(func.count()).select_from(FormVersion)).scalar_one() == len(
            BUILTIN_CODES
        )


def test_a_builtin_left_unpublished_is_published(db_url: str) -> None:
    with session_scope(db_url) as session:
        session.add(
            FormDefinition(code="sang_kien", title="Sáng kiến", draft_json="{}", builtin=True)
        )
    with session_scope(db_url) as session:
        # The stored draft is broken JSON-wise empty: healing publishes what is stored.
        record = session.execute(
            select(FormDefinition).where(FormDefinition.code == "sang_kien")
        ).scalar_one()
        record.draft_json = (
            '{"code": "sang_kien", "title": "Sáng kiến", "steps": [{"key": "a", "title": "A", '
            '"fields": [{"key": "ten", "label": "Tên", "type": "text"}]}]}'
        )
        session.add(record)
    with session_scope(db_url) as session:
        ensure_builtin_forms(session)
    with session_scope(db_url) as session:
        version = session.execute(
            select(FormDefinition.current_version).where(FormDefinition.code == "sang_kien")
        ).scalar_one()
        assert version == 1
