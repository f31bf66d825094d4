"""Function-style entry point used by the CLI and the web layer.

The default suggester (full dictionary, no learning) is built once per process;
a call with ``accepted`` pairs builds a learning suggester for those pairs and
caches the latest one, since callers usually pass the same persisted list.
"""

from __future__ import annotations

from dataclasses import asdict
from functools import lru_cache
from typing import Any

from metric_library.catalogue import Metric, load_catalogue
from metric_library.suggester import MetricSuggester


@lru_cache(maxsize=1)
def default_catalogue() -> tuple[Metric, ...]:
    """Return the bundled dictionary, loaded and validated once."""
    return tuple(load_catalogue())


@lru_cache(maxsize=1)
def default_suggester() -> MetricSuggester:
    """Return the shared suggester over the bundled dictionary."""
    return MetricSuggester(default_catalogue())


@lru_cache(maxsize=1)
def _learning_suggester(accepted: tuple[tuple[str, str], ...]) -> MetricSuggester:
    return MetricSuggester(default_catalogue(), accepted=accepted)


def suggest(
    text: str, top: int = 5, accepted: list[tuple[str, str]] | None = None
) -> list[dict[str, Any]]:
    """Suggest dictionary metrics for a task or key-result text.

    Args:
        text: the text the planner typed, with or without diacritics.
        top: how many suggestions to return.
        accepted: earlier ``(text, code)`` acceptances to learn from.

    Returns:
        Dicts with keys ``code, name, unit, direction, why, score, is_proxy,
        perspective, area`` (the ``woms suggest --json`` shape), best first.
    """
    suggester = (
        _learning_suggester(tuple((t, c) for t, c in accepted)) if accepted else default_suggester()
    )
    return [asdict(s) for s in suggester.suggest(text, top=top)]
