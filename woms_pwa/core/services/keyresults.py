"""Key-result bookkeeping shared by check-ins and imports."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Date, Float, Integer, bindparam, text, update
from sqlmodel import Session

from woms_pwa.core.models import KeyResult

_LATEST_SQL = """
SELECT kr_id, date, value FROM (
  SELECT kr_id, date, value,
         ROW_NUMBER() OVER (PARTITION BY kr_id ORDER BY date DESC, id DESC) AS rn
  FROM check_in {where}
) latest WHERE rn = 1
"""


def refresh_current_values(session: Session, kr_ids: Collection[int]) -> int:
    """Set ``current_value``/``current_as_of`` of key results from their latest check-in.

    Args:
        session: the open session (the caller's transaction).
        kr_ids: the key results whose check-ins changed.

    Returns:
        How many key results were updated.
    """
    if not kr_ids:
        return 0
    if len(kr_ids) <= 500:
        ids = ",".join(str(int(i)) for i in kr_ids)
        sql = _LATEST_SQL.format(where=f"WHERE kr_id IN ({ids})")
    else:
        sql = _LATEST_SQL.format(where="")
    wanted = set(kr_ids)
    rows = [
        {"_id": kr_id, "current_value": value, "current_as_of": date}
        for kr_id, date, value in session.execute(
            text(sql).columns(kr_id=Integer, date=Date, value=Float)
        )
        if kr_id in wanted
    ]
    if not rows:
        return 0
    table = KeyResult.__table__  # type: ignore[attr-defined]
    statement = (
        update(table)
        .where(table.c.id == bindparam("_id"))
        .values(current_value=bindparam("current_value"), current_as_of=bindparam("current_as_of"))
    )
    for start in range(0, len(rows), 20_000):
        session.connection().execute(statement, rows[start : start + 20_000])
    return len(rows)
