"""The province's scoring configuration: stored as one row, validated, audited, applied."""

from __future__ import annotations

import pytest
from sqlmodel import select

from woms_pwa.core.db import session_scope
from woms_pwa.core.evaluation.config import ConfigError, load_config, save_config
from woms_pwa.core.evaluation.models import EvaluationConfig
from woms_pwa.core.evaluation.scoring import run_scoring
from woms_pwa.core.models import AuditEntry
from woms_pwa.core.permissions import PermissionDenied


def test_defaults_apply_until_the_province_saves(scored: str) -> None:
    with session_scope(scored) as session:
        config = load_config(session)
        assert config.collective.rating.tot_min == 75.0
        assert config.individual.weights["tasks"] == 0.5


def test_lower_thresholds_change_the_rating(scored: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(scored) as session:
        save_config(session, actor_of("lanhdao.tinh"), {"tot_min": 60, "hoan_thanh_min": 40})
    with session_scope(scored) as session:
        run = run_scoring(session, "2025")
        row = session.execute(select(EvaluationConfig)).scalars().one()
        assert '"tot_min": 60' in row.settings_json
        assert any(
            e.entity == "evaluation_config" for e in session.execute(select(AuditEntry)).scalars()
        )
    # Xã Tân Phong 65,278 ≥ 60 → "Hoàn thành tốt nhiệm vụ" under the new thresholds.
    assert run.collective.rating_of("HY.X.TANPHONG").value == "tot"  # type: ignore[union-attr]


def test_only_the_province_may_change_it(scored: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with session_scope(scored) as session, pytest.raises(PermissionDenied):
        save_config(session, actor_of("bithu.tanphong"), {"tot_min": 10})


@pytest.mark.parametrize(
    "overrides",
    [
        {"unknown": 1},
        {"tot_min": 95},
        {"criterion_weights": {"tasks": -1}},
        {"quotas": {"xuat_sac": 2}},
    ],
)
def test_invalid_configuration_is_refused(scored: str, actor_of, overrides) -> None:  # type: ignore[no-untyped-def]
    with session_scope(scored) as session, pytest.raises(ConfigError, match="Cấu hình đánh giá"):
        save_config(session, actor_of("lanhdao.tinh"), overrides)
    with session_scope(scored) as session:
        assert session.execute(select(EvaluationConfig)).first() is None


def test_page_fields_round_trip_in_percent(scored: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    from woms_pwa.core.evaluation.config import form_values, update_from_form

    with session_scope(scored) as session:
        values = form_values(load_config(session))
        assert values["tot_min"] == "75" and values["quota_xuat_sac"] == "20"
        assert values["weight_tasks"] == "50"
        update_from_form(
            session,
            actor_of("lanhdao.tinh"),
            {**values, "quota_xuat_sac": "15", "weight_tasks": "60", "weight_stance": "10",
             "head_cap_levels_above": ""},
        )  # fmt: skip
    with session_scope(scored) as session:
        config = load_config(session)
        assert config.collective.rating.quotas == {"xuat_sac": 0.15}
        assert config.individual.weights["tasks"] == pytest.approx(0.6)
        assert config.individual.head_cap_levels_above is None
        with pytest.raises(ConfigError, match="phải là một số"):
            update_from_form(session, actor_of("lanhdao.tinh"), {"tot_min": "bảy lăm"})
