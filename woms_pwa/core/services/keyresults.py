"""Key-result bookkeeping shared by check-ins and imports."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import text
from sqlmodel import Session

# One set-based UPDATE (SQLite ≥ 3.33 and PostgreSQL both accept UPDATE … FROM):
# a province import refreshes 150,000 key results without a round trip each.
_REFRESH_SQL = """
UPDATE key_result SET current_value = latest.value, current_as_of = latest.date
FROM (
  SELECT kr_id, date, value FROM (
    SELECT kr_id, date, value,
           ROW_NUMBER() OVER (PARTITION BY kr_id ORDER BY date DESC, id DESC) AS rn
    FROM check_in {where}
  ) ranked WHERE rn = 1
) AS latest
WHERE key_result.id = latest.kr_id
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
    where = ""
    if len(kr_ids) <= 5000:
        where = f"WHERE kr_id IN ({','.join(str(int(i)) for i in kr_ids)})"
    result = session.connection().execute(text(_REFRESH_SQL.format(where=where)))
    return int(result.rowcount or 0)
