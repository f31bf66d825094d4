"""Curation of the metric dictionary: search, add, edit, retire, restore, merge.

Everyone may search; only administrators change the dictionary (checked here,
whatever door the call comes through). Every change goes to the audit log.

Plans are never rewritten: a retired entry stays valid for the key results
that use its code, and a merged duplicate is read as its replacement
(:func:`woms_pwa.core.metrics.entries.resolve_code`). Rewriting
``KeyResult.metric_code`` would silently change approved plans.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import Session, col

from analytics.vntext import fold_accents, normalize_text
from metric_library.api import default_catalogue
from metric_library.catalogue import EntryError, parse_entry
from woms_pwa.core.messages import metrics as mmsg
from woms_pwa.core.metrics.entries import (
    ACTIVE,
    CONTENT_FIELDS,
    RETIRED,
    SOURCE_ADMIN,
    all_entries,
    entry_values,
    get_entry,
    merge_map,
    metric_values,
)
from woms_pwa.core.metrics.models import MetricEntry
from woms_pwa.core.metrics.service import MetricsError
from woms_pwa.core.metrics.sync import ENTITY
from woms_pwa.core.models import KeyResult, utcnow
from woms_pwa.core.permissions import Actor, require
from woms_pwa.core.services.audit import AuditRecord, append
from woms_pwa.core.vocab import Role

MAX_REASON = 1000


@dataclass(frozen=True)
class EntryView:
    """One dictionary entry as lists and pages show it."""

    entry: MetricEntry
    usage: int
    merged_target: str | None

    @property
    def code(self) -> str:
        """The entry's code."""
        return self.entry.code


def usage_counts(session: Session) -> dict[str, int]:
    """How many key results use each metric code (as written in the plans)."""
    rows = session.execute(
        select(col(KeyResult.metric_code), func.count(col(KeyResult.id)))
        .where(col(KeyResult.metric_code).is_not(None))
        .group_by(col(KeyResult.metric_code))
    ).all()
    return {str(code).upper(): int(count) for code, count in rows}


def dictionary_is_stored(session: Session) -> bool:
    """Whether the database holds the dictionary (else pages read the files)."""
    return session.execute(select(col(MetricEntry.id)).limit(1)).first() is not None


def file_entries() -> list[MetricEntry]:
    """The bundled dictionary as unsaved entries, for reading before the first sync."""
    return [
        MetricEntry(code=m.code, **metric_values(m))  # type: ignore[arg-type]
        for m in sorted(default_catalogue(), key=lambda m: m.code)
    ]


def _haystack(entry: MetricEntry) -> str:
    return fold_accents(
        " ".join((entry.code, entry.name, entry.synonyms, entry.area, entry.definition))
    )


def search_entries(
    session: Session, query: str = "", include_retired: bool = False
) -> list[EntryView]:
    """Accent-insensitive search over code, name, phrasings, area and definition.

    Args:
        session: an open session.
        query: words to find (all must appear); empty lists everything.
        include_retired: also list retired and merged entries.

    Returns:
        Matching entries with their usage counts; entries whose name or code
        contains the whole query first, then by code.
    """
    entries = all_entries(session) or file_entries()
    usage = usage_counts(session)
    merged = merge_map(entries)
    folded = fold_accents(normalize_text(query))
    words = folded.split()
    out = []
    for entry in entries:
        if entry.status != ACTIVE and not include_retired:
            continue
        if words and not all(w in _haystack(entry) for w in words):
            continue
        out.append(EntryView(entry, usage.get(entry.code, 0), merged.get(entry.code)))
    if folded:
        out.sort(
            key=lambda v: (
                folded not in fold_accents(v.entry.name) and folded not in v.code.lower(),
                v.code,
            )
        )
    return out


def _require_admin(actor: Actor) -> None:
    require(actor.role is Role.ADMIN, mmsg.FORBIDDEN_CURATE)


def _clean_reason(reason: str | None) -> str | None:
    text = normalize_text(reason or "")
    if len(text) > MAX_REASON:
        raise MetricsError(mmsg.REASON_TOO_LONG)
    return text or None


def _validated(values: Mapping[str, str | bool | None]) -> dict[str, str | bool]:
    typed_code = values.get("code")
    # Administrators may type a code in lower case; the files must spell it exactly.
    upper = typed_code.strip().upper() if isinstance(typed_code, str) else typed_code
    try:
        metric = parse_entry({**values, "code": upper})
    except EntryError as exc:
        label = mmsg.FIELD_LABELS.get(exc.column, exc.column)
        raise MetricsError(mmsg.FIELD_INVALID.format(label=label, detail=exc.detail)) from exc
    return {"code": metric.code, **metric_values(metric)}


def _existing(session: Session, code: str) -> MetricEntry:
    entry = get_entry(session, code)
    if entry is None:
        raise MetricsError(mmsg.UNKNOWN_CODE.format(code=code.strip()))
    return entry


def _record(actor: Actor, action: str, entry: MetricEntry, **kw: str | None) -> AuditRecord:
    return AuditRecord(
        actor=actor.username,
        actor_user_id=actor.user_id,
        action=action,
        entity=ENTITY,
        entity_id=entry.id,
        entity_code=entry.code,
        **kw,
    )


def create_entry(
    session: Session, actor: Actor, values: Mapping[str, str | bool | None], reason: str = ""
) -> MetricEntry:
    """Add an entry written by an administrator.

    Args:
        session: the open session.
        actor: must be an administrator.
        values: column → value (see ``metric_library.catalogue.COLUMNS``).
        reason: why, for the audit log.

    Returns:
        The stored entry (``source='admin'``).

    Raises:
        PermissionDenied: the actor is not an administrator.
        MetricsError: an invalid field or a code already used (even by a retired entry).
    """
    _require_admin(actor)
    clean = _validated(values)
    why = _clean_reason(reason)
    if get_entry(session, str(clean["code"])) is not None:
        raise MetricsError(mmsg.CODE_EXISTS.format(code=clean["code"]))
    now = utcnow()
    entry = MetricEntry(
        source=SOURCE_ADMIN,
        status=ACTIVE,
        created_at=now,
        updated_at=now,
        updated_by=actor.username,
        **clean,  # type: ignore[arg-type]
    )
    session.add(entry)
    session.flush()
    append(session, [_record(actor, "metric.create", entry, new_value=entry.name, reason=why)])
    return entry


def update_entry(
    session: Session,
    actor: Actor,
    code: str,
    values: Mapping[str, str | bool | None],
    reason: str = "",
) -> list[str]:
    """Edit an entry's content; from now on the files no longer overwrite it.

    Args:
        session: the open session.
        actor: must be an administrator.
        code: the entry to edit (the code itself never changes).
        values: the columns to change; missing columns keep their value.
        reason: why, for the audit log.

    Returns:
        The names of the columns that changed (empty: nothing to save).

    Raises:
        PermissionDenied: the actor is not an administrator.
        MetricsError: unknown code or an invalid field (nothing is saved).
    """
    _require_admin(actor)
    entry = _existing(session, code)
    merged = {**entry_values(entry), **{k: v for k, v in values.items() if k in CONTENT_FIELDS}}
    clean = _validated({**merged, "code": entry.code})
    why = _clean_reason(reason)
    changed = [c for c in CONTENT_FIELDS if getattr(entry, c) != clean[c]]
    if not changed:
        return []
    records = [
        _record(
            actor,
            "metric.update",
            entry,
            field=column,
            old_value=str(getattr(entry, column)),
            new_value=str(clean[column]),
            reason=why,
        )
        for column in changed
    ]
    for column in changed:
        setattr(entry, column, clean[column])
    entry.source, entry.updated_at, entry.updated_by = SOURCE_ADMIN, utcnow(), actor.username
    session.flush()
    append(session, records)
    return changed


def _set_status(
    session: Session,
    actor: Actor,
    entry: MetricEntry,
    status: str,
    merged_into: str | None,
    reason: str | None,
) -> None:
    records = [
        _record(
            actor,
            "metric.retire" if status == RETIRED else "metric.restore",
            entry,
            field="status",
            old_value=entry.status,
            new_value=status,
            reason=reason,
        )
    ]
    if merged_into != entry.merged_into:
        records.append(
            _record(
                actor,
                "metric.merge",
                entry,
                field="merged_into",
                old_value=entry.merged_into,
                new_value=merged_into,
                reason=reason,
            )
        )
    entry.status, entry.merged_into = status, merged_into
    entry.updated_at, entry.updated_by = utcnow(), actor.username
    session.flush()
    append(session, records)


def retire_entry(session: Session, actor: Actor, code: str, reason: str = "") -> MetricEntry:
    """Stop suggesting an entry; plans that use its code stay valid.

    Raises:
        PermissionDenied: the actor is not an administrator.
        MetricsError: unknown code or already retired.
    """
    _require_admin(actor)
    entry = _existing(session, code)
    if entry.status == RETIRED:
        raise MetricsError(mmsg.ALREADY_RETIRED.format(code=entry.code))
    _set_status(session, actor, entry, RETIRED, entry.merged_into, _clean_reason(reason))
    return entry


def restore_entry(session: Session, actor: Actor, code: str, reason: str = "") -> MetricEntry:
    """Make a retired (or merged) entry active again.

    Raises:
        PermissionDenied: the actor is not an administrator.
        MetricsError: unknown code or not retired.
    """
    _require_admin(actor)
    entry = _existing(session, code)
    if entry.status != RETIRED:
        raise MetricsError(mmsg.NOT_RETIRED.format(code=entry.code))
    _set_status(session, actor, entry, ACTIVE, None, _clean_reason(reason))
    return entry


def merge_entries(
    session: Session, actor: Actor, source_code: str, target_code: str, reason: str = ""
) -> MetricEntry:
    """Merge a duplicate into the entry that stays.

    The duplicate is retired with ``merged_into`` set; its name and phrasings
    join the target's phrasings so texts worded like the duplicate still find
    the target. Key results keep the duplicate's code and are read as the
    target; acceptances of the duplicate teach the target.

    Args:
        session: the open session.
        actor: must be an administrator.
        source_code: the duplicate.
        target_code: the entry that stays (must be active).
        reason: why, for the audit log.

    Returns:
        The target entry.

    Raises:
        PermissionDenied: the actor is not an administrator.
        MetricsError: unknown codes, the same code twice, or a retired target.
    """
    _require_admin(actor)
    source = _existing(session, source_code)
    target = _existing(session, target_code)
    if source.code == target.code:
        raise MetricsError(mmsg.MERGE_SAME)
    if target.status != ACTIVE:
        raise MetricsError(mmsg.MERGE_TARGET_RETIRED.format(code=target.code))
    why = _clean_reason(reason) or mmsg.AUDIT_MERGED.format(target=target.code)
    phrasings = [s.strip() for s in target.synonyms.split("|") if s.strip()]
    known = {fold_accents(p) for p in [target.name, *phrasings]}
    for phrase in [source.name, *source.synonyms.split("|")]:
        phrase = phrase.strip()
        if phrase and fold_accents(phrase) not in known:
            phrasings.append(phrase)
            known.add(fold_accents(phrase))
    update_entry(session, actor, target.code, {"synonyms": " | ".join(phrasings)}, why or "")
    _set_status(session, actor, source, RETIRED, target.code, why)
    return target
