"""Load the reviewed CSV dictionary into the database, without losing admin edits.

The rule (documented in ``metric_library/README.md``):

* a code new in the files is added (``source='file'``);
* a ``source='file'`` entry is refreshed when its file row changed;
* an entry an administrator edited (``source='admin'``) is never overwritten by
  the files: the administrator's wording wins until they decide otherwise;
* status and merges belong to the administrators: a sync never re-activates a
  retired entry;
* a ``source='file'`` entry whose code disappeared from the files is retired,
  not deleted, so plans that use it stay valid.

Running the sync twice changes nothing the second time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlmodel import Session

from metric_library.catalogue import load_catalogue
from woms_pwa.core.messages import metrics as mmsg
from woms_pwa.core.metrics.entries import (
    ACTIVE,
    CONTENT_FIELDS,
    RETIRED,
    SOURCE_FILE,
    all_entries,
    metric_values,
)
from woms_pwa.core.metrics.models import MetricEntry
from woms_pwa.core.models import utcnow
from woms_pwa.core.services.audit import AuditRecord, append

ENTITY = "metric_entry"


@dataclass(frozen=True)
class SyncSummary:
    """What a sync did, by count of entries."""

    created: int
    updated: int
    unchanged: int
    kept_admin: int
    retired: int

    @property
    def changed(self) -> bool:
        """Whether the sync wrote anything."""
        return bool(self.created or self.updated or self.retired)

    def to_dict(self) -> dict[str, int]:
        """The counts as a plain dict (for ``--json``)."""
        return asdict(self)


def sync_catalogue_from_files(
    session: Session,
    paths: Iterable[str | Path] | None = None,
    actor: str = "system",
) -> SyncSummary:
    """Load or refresh the dictionary from the CSV files (idempotent).

    Args:
        session: the open session; the caller's transaction holds the changes.
        paths: dictionary files; the bundled ``metric_library/data/*.csv`` by default.
        actor: who runs the sync, for the audit log.

    Returns:
        The counts of created, updated, unchanged, admin-kept and retired entries.

    Raises:
        metric_library.CatalogueError: a file is invalid (nothing is written).
    """
    metrics = load_catalogue(paths)
    existing = {e.code: e for e in all_entries(session)}
    now = utcnow()
    created = updated = unchanged = kept_admin = retired = 0
    records: list[AuditRecord] = []
    for metric in metrics:
        values = metric_values(metric)
        entry = existing.get(metric.code)
        if entry is None:
            session.add(
                MetricEntry(
                    code=metric.code,
                    source=SOURCE_FILE,
                    status=ACTIVE,
                    created_at=now,
                    updated_at=now,
                    updated_by=actor,
                    **values,  # type: ignore[arg-type]
                )
            )
            created += 1
            continue
        if entry.source != SOURCE_FILE:
            kept_admin += 1
            continue
        changed = [c for c in CONTENT_FIELDS if getattr(entry, c) != values[c]]
        if not changed:
            unchanged += 1
            continue
        old = {c: getattr(entry, c) for c in changed}
        for column in changed:
            setattr(entry, column, values[column])
        entry.updated_at, entry.updated_by = now, actor
        updated += 1
        records.append(
            AuditRecord(
                actor=actor,
                action="metric.sync_update",
                entity=ENTITY,
                entity_id=entry.id,
                entity_code=entry.code,
                field=",".join(changed)[:64],
                old_value=json.dumps(old, ensure_ascii=False),
                new_value=json.dumps({c: values[c] for c in changed}, ensure_ascii=False),
                reason=mmsg.AUDIT_SYNC,
            )
        )
    in_files = {m.code for m in metrics}
    for code, entry in existing.items():
        if entry.source == SOURCE_FILE and entry.status == ACTIVE and code not in in_files:
            entry.status, entry.updated_at, entry.updated_by = RETIRED, now, actor
            retired += 1
            records.append(
                AuditRecord(
                    actor=actor,
                    action="metric.retire",
                    entity=ENTITY,
                    entity_id=entry.id,
                    entity_code=code,
                    field="status",
                    old_value=ACTIVE,
                    new_value=RETIRED,
                    reason=mmsg.AUDIT_SYNC,
                )
            )
    summary = SyncSummary(created, updated, unchanged, kept_admin, retired)
    if created:
        # One record for the new entries: the files themselves are the reviewed detail.
        records.insert(
            0,
            AuditRecord(
                actor=actor,
                action="metric.sync_create",
                entity=ENTITY,
                field="count",
                new_value=str(created),
                reason=mmsg.AUDIT_SYNC,
            ),
        )
    session.flush()
    if records:
        append(session, records)
    return summary
