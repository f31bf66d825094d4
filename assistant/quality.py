"""Data-quality findings handed to the composer ("số liệu giống hệt kế hoạch").

The anomaly detector (``analytics.anomalies``, run by the core's alerts) flags
figures identical to the target, cumulative values that fall, and the like.
The core passes the rows the asking user may see; the assistant quotes them
with their evidence instead of guessing from notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.sources import Source

# Key result codes (empty: every visible one) and the plan year → findings.
AnomalyLookup = Callable[[Sequence[str], int], Sequence["Anomaly"]]
# Words of notes that speak about the reported figures themselves. "Rà soát"
# alone is not one: "rà soát giải ngân" reviews the work, not the figures.
QUALITY_CUES = (
    "số liệu",
    "minh chứng",
    "bất thường",
    "trùng khít",
    "bằng kế hoạch",
)


@dataclass(frozen=True)
class Anomaly:
    """One anomaly row of a key result, as the core computed it.

    Attributes:
        kr_code: key result code.
        kr_title: its title.
        unit_code: code of the unit owning the plan.
        unit_name: that unit's name.
        unit_id: that unit's database id.
        kind: detector kind (``exact_target``, ``cumulative_decrease``…).
        message: the detector's Vietnamese sentence.
        evidence: the readings it rests on ("T1: 98; T2: 98…").
        owner_key: ``U<id>``/``P<id>`` of the plan owner.
        as_of: the day the alerts were computed for.
        review_note: the unit's explanation when it has been reviewed, else empty.
    """

    kr_code: str
    kr_title: str
    unit_code: str
    unit_name: str
    unit_id: int
    kind: str
    message: str
    evidence: str
    owner_key: str = ""
    as_of: dt.date | None = None
    review_note: str = ""

    def source(self) -> Source:
        """The finding as a citable source (kind ``anomaly``)."""
        text = self.message
        if self.evidence:
            text = f"{text} Số liệu báo cáo: {self.evidence}."
        if self.review_note:
            text = f"{text} Giải trình: {self.review_note}"
        return Source(
            id=f"anomaly:{self.kr_code}:{self.kind}",
            kind="anomaly",
            text=text,
            unit_code=self.unit_code,
            unit_id=self.unit_id,
            owner_key=self.owner_key,
            kr_code=self.kr_code,
            date=self.as_of,
            author="",
        )
