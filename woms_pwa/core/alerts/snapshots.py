"""The alerts page's store: the shared one (``woms_pwa.core.services.snapshots``).

Kept so that ``alerts.service`` and older imports keep working; the store is
used by the evaluation pages too, so it lives in the shared services package.
"""

from __future__ import annotations

from woms_pwa.core.services.snapshots import Compute, Entry, ReportStore, SlotState

__all__ = ["Compute", "Entry", "ReportStore", "SlotState"]
