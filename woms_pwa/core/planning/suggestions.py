"""Metric suggestions while the planner types: a thin adapter over the metric service.

The planning pages only depend on :func:`suggest_metrics` and
:func:`accept_suggestion`; the metric dictionary (stored in the database, or the
bundled files before the first sync) and the learning live in
``woms_pwa.core.metrics.service``.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from woms_pwa.core.metrics import service as metrics_service
from woms_pwa.core.permissions import Actor

KEYS = ("code", "name", "unit", "direction", "why")
MIN_CHARS = 4


def suggest_metrics(session: Session, text: str, top: int = 5) -> list[dict[str, Any]]:
    """Dictionary metrics for a task or key-result text, best first.

    Args:
        session: an open session.
        text: what the planner typed (with or without diacritics).
        top: how many suggestions.

    Returns:
        Dicts with keys ``code, name, unit, direction, why``; empty for short texts.
    """
    clean = " ".join(text.split())[: metrics_service.MAX_TEXT]
    if len(clean) < MIN_CHARS:
        return []
    found = metrics_service.suggest_metrics(session, clean, top=max(1, min(top, 10)))
    return [{key: item.get(key, "") for key in KEYS} for item in found]


def accept_suggestion(session: Session, actor: Actor, text: str, code: str) -> None:
    """Remember a tapped suggestion so similar texts rank it higher next time."""
    try:
        metrics_service.record_acceptance(session, actor, text, code)
    except metrics_service.MetricsError:
        # Learning is a bonus: a stale or merged code must not block drafting.
        return
