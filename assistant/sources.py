"""What the assistant indexes and cites: one short text with where it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

# Kinds of indexed text; the Vietnamese labels live in the app's message catalogue.
KINDS = ("checkin", "blocker", "evidence", "note", "comment")


@dataclass(frozen=True)
class Source:
    """One indexed text (a check-in note, a blocker, a note, a comment, an evidence caption).

    Attributes:
        id: stable id in the index (``c12``, ``b12``, ``e12``, ``n7``, ``a31``).
        kind: one of :data:`KINDS`.
        text: the text as written.
        unit_code: code of the unit the text is about.
        unit_id: database id of that unit.
        owner_key: owner of the plan (``U<id>``/``P<id>``), empty for unit notes.
        kr_code: key result code, empty when none.
        metric_code: metric code of the key result, empty when none.
        perspective: balanced-scorecard perspective of the key result's task.
        date: the date the text refers to.
        author: who wrote it (person code or name).
        kr_status: status of the key result (``active``, ``retired``), empty when none.
    """

    id: str
    kind: str
    text: str
    unit_code: str
    unit_id: int
    owner_key: str = ""
    kr_code: str = ""
    metric_code: str = ""
    perspective: str = ""
    date: dt.date | None = None
    author: str = ""
    kr_status: str = ""

    def metadata(self) -> dict[str, str | int]:
        """Chroma metadata (scalars only; the date as ``yyyymmdd`` for range filters)."""
        return {
            "kind": self.kind,
            "unit_code": self.unit_code,
            "unit_id": self.unit_id,
            "owner_key": self.owner_key,
            "kr_code": self.kr_code,
            "metric_code": self.metric_code,
            "perspective": self.perspective,
            "day": int(self.date.strftime("%Y%m%d")) if self.date else 0,
            "author": self.author,
            "kr_status": self.kr_status,
        }

    @classmethod
    def from_record(cls, source_id: str, text: str, meta: dict[str, Any]) -> Source:
        """Rebuild a source from what the index returns."""
        day = int(meta.get("day") or 0)
        date = dt.date(day // 10000, day // 100 % 100, day % 100) if day else None
        return cls(
            id=source_id,
            kind=str(meta.get("kind", "")),
            text=text,
            unit_code=str(meta.get("unit_code", "")),
            unit_id=int(meta.get("unit_id") or 0),
            owner_key=str(meta.get("owner_key", "")),
            kr_code=str(meta.get("kr_code", "")),
            metric_code=str(meta.get("metric_code", "")),
            perspective=str(meta.get("perspective", "")),
            date=date,
            author=str(meta.get("author", "")),
            kr_status=str(meta.get("kr_status", "")),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain form for JSON."""
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else ""
        return data
