"""The province's scoring configuration: one JSON row, defaults when absent.

Everything a province may tune lives in one flat, documented mapping so that
the configuration can be shown, exported and audited as a whole. Unknown keys
or bad values are refused with a Vietnamese message; nothing is half-saved.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from analytics.scoring import (
    CollectivePolicy,
    IndividualPolicy,
    Rating,
    RatingPolicy,
    ScoringPolicy,
)
from woms_pwa.core.evaluation.models import EvaluationConfig
from woms_pwa.core.messages import evaluation as emsg
from woms_pwa.core.models import utcnow
from woms_pwa.core.permissions import Actor, require
from woms_pwa.core.services.audit import AuditRecord, append
from woms_pwa.core.vocab import Role

CONFIG_KEY = "province"

DEFAULTS: dict[str, Any] = {
    # Key-result points (Phụ lục 4: KPI strict, OKR rewarded).
    "kpi_cap": 1.0,
    "okr_cap": 1.2,
    "kpi_penalty_rate": 0.5,
    "okr_bonus_threshold": 0.7,
    "okr_bonus_points": 10.0,
    "perspective_weights": {"service": 0.25, "budget": 0.25, "process": 0.25, "learning": 0.25},
    # Ratings: thresholds (points) and the share of a group that may hold a level.
    "xuat_sac_min": 90.0,
    "tot_min": 75.0,
    "hoan_thanh_min": 50.0,
    "quotas": {"xuat_sac": 0.2},
    "quota_base": "rated",
    "quota_rounding": "floor",
    # Collective: at most this many points for declared work outside the plan.
    "unit_outside_work_cap": 10.0,
    # Individual: criterion weights and the points of declarations.
    "criterion_weights": {"stance": 0.2, "tasks": 0.5, "initiatives": 0.15, "learning": 0.15},
    "person_outside_work_cap": 10.0,
    "head_cap_levels_above": 0,
    "initiative_full_points": 2.0,
    "learning_full_points": 2.0,
    "initiative_points": {"unit": 1.0, "province": 2.0, "national": 2.0},
    "learning_points": {"self_learning": 1.0, "certificate": 1.0, "degree": 2.0},
    "outside_item_default_points": 2.0,
    "outside_item_max_points": 5.0,
}


class ConfigError(ValueError):
    """A refused configuration; the message is Vietnamese."""


@dataclass(frozen=True)
class ScoringConfig:
    """The effective configuration and the analytics policies built from it."""

    values: Mapping[str, Any]
    scoring: ScoringPolicy
    collective: CollectivePolicy
    individual: IndividualPolicy

    def get(self, key: str) -> Any:
        """One configuration value."""
        return self.values[key]


def _rating_policy(values: Mapping[str, Any]) -> RatingPolicy:
    return RatingPolicy(
        xuat_sac_min=float(values["xuat_sac_min"]),
        tot_min=float(values["tot_min"]),
        hoan_thanh_min=float(values["hoan_thanh_min"]),
        quotas={Rating(k): float(v) for k, v in dict(values["quotas"]).items()},
        quota_base=values["quota_base"],
        quota_rounding=values["quota_rounding"],
    )


def build_config(overrides: Mapping[str, Any] | None = None) -> ScoringConfig:
    """Merge ``overrides`` into the defaults and build the policies.

    Raises:
        ConfigError: unknown key or a value the policies refuse.
    """
    overrides = dict(overrides or {})
    unknown = sorted(set(overrides) - set(DEFAULTS))
    if unknown:
        raise ConfigError(emsg.CONFIG_UNKNOWN_KEYS.format(keys=", ".join(unknown)))
    values = {**DEFAULTS, **overrides}
    try:
        rating = _rating_policy(values)
        scoring = ScoringPolicy(
            kpi_cap=float(values["kpi_cap"]),
            okr_cap=float(values["okr_cap"]),
            kpi_penalty_rate=float(values["kpi_penalty_rate"]),
            okr_bonus_threshold=float(values["okr_bonus_threshold"]),
            okr_bonus_points=float(values["okr_bonus_points"]),
            perspective_weights=values["perspective_weights"],
        )
        collective = CollectivePolicy(
            outside_work_cap=float(values["unit_outside_work_cap"]), rating=rating
        )
        head_cap = values["head_cap_levels_above"]
        individual = IndividualPolicy(
            weights=dict(values["criterion_weights"]),
            outside_work_cap=float(values["person_outside_work_cap"]),
            head_cap_levels_above=None if head_cap is None else int(head_cap),
            initiative_full_points=float(values["initiative_full_points"]),
            learning_full_points=float(values["learning_full_points"]),
            rating=rating,
        )
    except (ValueError, TypeError, KeyError) as exc:
        raise ConfigError(emsg.CONFIG_INVALID.format(reason=exc)) from exc
    return ScoringConfig(values, scoring, collective, individual)


def load_config(session: Session) -> ScoringConfig:
    """The stored configuration (defaults when the province has not saved one)."""
    row = session.execute(
        select(EvaluationConfig).where(EvaluationConfig.key == CONFIG_KEY)
    ).scalar_one_or_none()
    return build_config(json.loads(row.settings_json) if row else None)


def save_config(session: Session, actor: Actor, overrides: Mapping[str, Any]) -> ScoringConfig:
    """Validate and store the province's configuration (province or admin only), audited.

    Raises:
        PermissionDenied: the actor is not at province level.
        ConfigError: the configuration is invalid (nothing is stored).
    """
    require(actor.role in (Role.ADMIN, Role.PROVINCE), emsg.CONFIG_FORBIDDEN)
    config = build_config(overrides)
    text = json.dumps(dict(overrides), ensure_ascii=False, sort_keys=True)
    row = session.execute(
        select(EvaluationConfig).where(EvaluationConfig.key == CONFIG_KEY)
    ).scalar_one_or_none()
    old = row.settings_json if row else None
    if row is None:
        row = EvaluationConfig(key=CONFIG_KEY, settings_json=text)
    row.settings_json = text
    row.updated_at = utcnow()
    row.updated_by_user_id = actor.user_id
    session.add(row)
    session.flush()
    append(
        session,
        [
            AuditRecord(
                actor=actor.username,
                actor_user_id=actor.user_id,
                action="update",
                entity="evaluation_config",
                entity_id=row.id,
                entity_code=CONFIG_KEY,
                field="settings_json",
                old_value=old,
                new_value=text,
            )
        ],
    )
    return config


def stored_overrides(session: Session) -> dict[str, Any]:
    """What the province has saved (without the defaults)."""
    row = session.execute(
        select(EvaluationConfig).where(EvaluationConfig.key == CONFIG_KEY)
    ).scalar_one_or_none()
    return dict(json.loads(row.settings_json)) if row else {}


# Fields of the configuration page: form name → (configuration key, sub-key, scale).
# Shares and weights are typed in percent and stored as fractions.
FORM_FIELDS: dict[str, tuple[str, str | None, float]] = {
    "xuat_sac_min": ("xuat_sac_min", None, 1.0),
    "tot_min": ("tot_min", None, 1.0),
    "hoan_thanh_min": ("hoan_thanh_min", None, 1.0),
    "quota_xuat_sac": ("quotas", "xuat_sac", 100.0),
    "unit_outside_work_cap": ("unit_outside_work_cap", None, 1.0),
    "person_outside_work_cap": ("person_outside_work_cap", None, 1.0),
    "weight_stance": ("criterion_weights", "stance", 100.0),
    "weight_tasks": ("criterion_weights", "tasks", 100.0),
    "weight_initiatives": ("criterion_weights", "initiatives", 100.0),
    "weight_learning": ("criterion_weights", "learning", 100.0),
    "head_cap_levels_above": ("head_cap_levels_above", None, 1.0),
}


def form_values(config: ScoringConfig) -> dict[str, str]:
    """The configuration as the page's text fields (Vietnamese numbers)."""
    from analytics.vntext import format_number_vi

    out: dict[str, str] = {}
    for name, (key, sub, scale) in FORM_FIELDS.items():
        value = config.get(key)
        if sub is not None:
            value = dict(value).get(sub)
        out[name] = "" if value is None else format_number_vi(float(value) * scale, 2)
    return out


def update_from_form(session: Session, actor: Actor, form: Mapping[str, str]) -> ScoringConfig:
    """Parse the page's fields, merge them into the saved configuration and save it.

    Raises:
        PermissionDenied: not the province level.
        ConfigError: a field is not a number or the result is invalid (nothing saved).
    """
    from analytics.vntext import parse_number

    require(actor.role in (Role.ADMIN, Role.PROVINCE), emsg.CONFIG_FORBIDDEN)
    overrides = stored_overrides(session)
    for name, (key, sub, scale) in FORM_FIELDS.items():
        raw = (form.get(name) or "").strip()
        if not raw and name != "head_cap_levels_above":
            continue
        value = None if not raw else parse_number(raw)
        if raw and (value is None or value != value):
            raise ConfigError(emsg.CONFIG_NOT_NUMBER.format(field=emsg.CONFIG_LABELS[name]))
        if name == "head_cap_levels_above":
            overrides[key] = None if value is None else int(value)
        elif sub is None:
            overrides[key] = value
        else:
            nested = dict(overrides.get(key, DEFAULTS[key]))
            nested[sub] = (value or 0.0) / scale
            overrides[key] = nested
    return save_config(session, actor, overrides)
