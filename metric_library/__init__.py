"""Metric library (thư viện thước đo): shared dictionary and suggestions.

Appendix 4 of the proposal asks for a dictionary of measures with unified codes
and for suggestions of measurable proxies for qualitative tasks.
"""

from metric_library.api import suggest
from metric_library.catalogue import (
    CatalogueError,
    EntryError,
    Metric,
    load_catalogue,
    parse_entry,
)
from metric_library.suggester import MetricSuggester, Suggestion

__all__ = [
    "CatalogueError",
    "EntryError",
    "Metric",
    "MetricSuggester",
    "Suggestion",
    "load_catalogue",
    "parse_entry",
    "suggest",
]
