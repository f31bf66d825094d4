"""The JSON document printed by ``woms score --json`` (exchange format v1)."""

from __future__ import annotations

from typing import Any

from analytics.scoring.collective import CollectiveResult
from analytics.scoring.individual import IndividualResult


def score_payload(
    collective: CollectiveResult,
    individual: IndividualResult | None = None,
    *,
    period: str | None = None,
    as_of: str | None = None,
) -> dict[str, Any]:
    """Build ``{"units": [...], "people": [...]}`` with JSON-ready values.

    Each unit row has ``code``, ``total``, ``rating`` (short code such as
    ``"tot"``), ``rating_label`` and ``perspectives`` (``service``, ``budget``,
    ``process``, ``learning``) plus extra keys; each person row has ``code``,
    ``unit_code``, ``is_head``, ``total``, ``rating``, ``rating_label`` and
    ``criteria``. Missing numbers are ``null``.
    """
    payload: dict[str, Any] = {
        "units": collective.to_rows(),
        "people": individual.to_rows() if individual is not None else [],
    }
    if period is not None:
        payload["period"] = period
    if as_of is not None:
        payload["as_of"] = as_of
    return payload
