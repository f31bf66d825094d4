"""Metric suggestions for planners, learning from what they accept.

One ``MetricSuggester`` per database is cached for the whole process: building
it takes about a second, a suggestion a few milliseconds. Every call checks a
one-query signature of the dictionary and of the stored acceptances:

* the dictionary changed (sync, add, edit, retire, merge): the suggester is
  rebuilt from the active entries;
* new acceptances only: they are fed to the cached suggester, which is cheap.

When the database holds no dictionary yet (a fresh install before
``woms metrics sync``), the bundled files are used, so suggestions always work.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from analytics.vntext import fold_accents, format_number_vi, normalize_text
from metric_library.api import default_catalogue
from metric_library.catalogue import Metric
from metric_library.suggester import MetricSuggester
from woms_pwa.core.messages import metrics as mmsg
from woms_pwa.core.metrics.entries import ACTIVE, all_entries, merge_map, resolve_code, to_metric
from woms_pwa.core.metrics.models import MetricEntry, SuggestionAcceptance
from woms_pwa.core.permissions import Actor

MAX_TEXT = 2000
MAX_TOP = 50


class MetricsError(ValueError):
    """Bad input to the metric library; the message is Vietnamese and safe to show."""


@dataclass
class _Cached:
    """The suggester of one database and what it was built from."""

    dictionary: tuple[Any, ...]
    suggester: MetricSuggester | None
    metrics: dict[str, Metric]
    merged: dict[str, str]
    acceptances: tuple[int, int] = (0, 0)  # (count, max id) already learned
    from_files: bool = False


_CACHE: dict[str, _Cached] = {}
_LOCK = threading.Lock()


def _database_key(session: Session) -> str:
    return str(session.get_bind().engine.url)


def _signature(session: Session) -> tuple[tuple[Any, ...], tuple[int, int]]:
    """Dictionary (count, latest change) and acceptances (count, max id), in one query."""
    row = session.execute(
        select(
            select(func.count(col(MetricEntry.id))).scalar_subquery(),
            select(func.max(col(MetricEntry.updated_at))).scalar_subquery(),
            select(func.count(col(SuggestionAcceptance.id))).scalar_subquery(),
            select(func.max(col(SuggestionAcceptance.id))).scalar_subquery(),
        )
    ).one()
    return (int(row[0] or 0), str(row[1])), (int(row[2] or 0), int(row[3] or 0))


def _acceptance_pairs(
    session: Session, merged: dict[str, str], after_id: int = 0
) -> list[tuple[str, str]]:
    rows = session.execute(
        select(col(SuggestionAcceptance.text), col(SuggestionAcceptance.code))
        .where(col(SuggestionAcceptance.id) > after_id)
        .order_by(col(SuggestionAcceptance.id))
    ).all()
    # A code merged since it was accepted teaches its replacement.
    return [(text, merged.get(code, code)) for text, code in rows]


def _build(session: Session, dictionary: tuple[Any, ...]) -> _Cached:
    entries = all_entries(session)
    if entries:
        metrics = [to_metric(e) for e in entries if e.status == ACTIVE]
        from_files = False
    else:
        metrics = list(default_catalogue())
        from_files = True
    return _Cached(
        dictionary=dictionary,
        suggester=MetricSuggester(metrics) if metrics else None,
        metrics={m.code: m for m in metrics},
        merged=merge_map(entries),
        from_files=from_files,
    )


def _current(session: Session) -> _Cached:
    """The up-to-date cached suggester of this session's database."""
    key = _database_key(session)
    dictionary, acceptances = _signature(session)
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is None or cached.dictionary != dictionary:
            cached = _build(session, dictionary)
            _CACHE[key] = cached
        if cached.acceptances != acceptances and cached.suggester is not None:
            count, last_id = cached.acceptances
            new = _acceptance_pairs(session, cached.merged, after_id=last_id)
            if count + len(new) == acceptances[0]:
                for text, code in new:
                    cached.suggester.record_acceptance(text, code)
            else:  # rows committed out of id order, or removed: learn them all again
                cached.suggester.replace_acceptances(_acceptance_pairs(session, cached.merged))
            cached.acceptances = acceptances
        return cached


def clear_cache() -> None:
    """Forget every cached suggester (tests, or after restoring a backup)."""
    with _LOCK:
        _CACHE.clear()


def suggest_metrics(session: Session, text: str, top: int = 5) -> list[dict[str, Any]]:
    """Suggest dictionary metrics for a task or key-result text.

    Args:
        session: an open session (read only).
        text: what the planner typed, with or without diacritics and abbreviations.
        top: how many suggestions (1–50).

    Returns:
        Best first, dicts with ``code, name, unit, direction, why`` (the
        exchange-format shape) plus ``score, is_proxy, perspective, area,
        data_source, evidence, kind_hint``. Empty for a blank text.

    Raises:
        MetricsError: ``top`` out of range or a text longer than 2.000 characters.
    """
    if not 1 <= top <= MAX_TOP:
        raise MetricsError(mmsg.TOP_INVALID.format(limit=MAX_TOP))
    if len(text) > MAX_TEXT:
        raise MetricsError(mmsg.TEXT_TOO_LONG.format(limit=format_number_vi(MAX_TEXT)))
    if not normalize_text(text):
        return []
    cached = _current(session)
    if cached.suggester is None:
        return []
    out = []
    for suggestion in cached.suggester.suggest(text, top=top):
        item = asdict(suggestion)
        metric = cached.metrics[suggestion.code]
        item.update(
            data_source=metric.data_source, evidence=metric.evidence, kind_hint=metric.kind_hint
        )
        out.append(item)
    return out


def record_acceptance(session: Session, actor: Actor | None, text: str, code: str) -> str:
    """Remember that ``code`` was accepted for ``text``; similar texts rank it higher.

    Args:
        session: the open session; the caller's transaction holds the row.
        actor: who accepted (``None`` for an anonymous integration).
        text: the task or key-result text the suggestion was made for.
        code: the accepted metric code (a merged code counts for its replacement).

    Returns:
        The code stored (the merge target for a merged code).

    Raises:
        MetricsError: an empty or too long text, or an unknown code.
    """
    clean = normalize_text(text)
    if not clean:
        raise MetricsError(mmsg.TEXT_REQUIRED)
    if len(clean) > MAX_TEXT:
        raise MetricsError(mmsg.TEXT_TOO_LONG.format(limit=format_number_vi(MAX_TEXT)))
    wanted = code.strip().upper()
    entry = resolve_code(session, wanted)
    if entry is not None:
        stored = entry.code
    elif wanted in {m.code for m in default_catalogue()} and not all_entries(session):
        stored = wanted  # no dictionary in the database yet: the files decide
    else:
        raise MetricsError(mmsg.UNKNOWN_CODE.format(code=code.strip()))
    session.add(
        SuggestionAcceptance(
            text=clean,
            folded_text=fold_accents(clean),
            code=stored,
            user_id=actor.user_id if actor else None,
            username=actor.username if actor else "",
        )
    )
    session.flush()
    return stored


def evaluation_suggester(session: Session) -> MetricSuggester | None:
    """A fresh suggester over the active dictionary, without learned acceptances.

    The quality check must measure the dictionary and the ranking, not what
    planners of this database happened to accept.
    """
    entries = all_entries(session)
    metrics = [to_metric(e) for e in entries if e.status == ACTIVE] if entries else None
    if metrics is None:
        return MetricSuggester(default_catalogue())
    return MetricSuggester(metrics) if metrics else None
