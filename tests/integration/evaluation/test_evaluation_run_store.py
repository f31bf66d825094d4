"""The evaluation pages' run store: reused on unchanged data, recomputed on every change.

Every page (``person_view``, ``unit_view``, the conclusion's ``computed_result``)
takes ``runs.scored_run``; these tests count the real ``run_scoring`` calls
behind it and compare every number with a plain ``run_scoring`` and with
``woms score --json``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import update

from analytics.vntext import format_number_vi
from woms_pwa.cli import main
from woms_pwa.context import settings
from woms_pwa.core.db import session_scope
from woms_pwa.core.evaluation import runs
from woms_pwa.core.evaluation.config import save_config, update_from_form
from woms_pwa.core.evaluation.models import EvaluationConfig
from woms_pwa.core.evaluation.rights import resolve_subject
from woms_pwa.core.evaluation.runs import STORE, scored_run
from woms_pwa.core.evaluation.scoring import EvaluationRun, run_scoring
from woms_pwa.core.evaluation.views import person_view, unit_view
from woms_pwa.core.evaluation.workflow import (
    assess,
    computed_result,
    conclude,
    declare_item,
    submit_self_assessment,
)
from woms_pwa.core.permissions import Actor
from woms_pwa.core.services.checkins import record_checkin

CADRE_CODE = "CB.TANPHONG.02"
UNIT = "HY.X.TANPHONG"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """An empty store, and the periods of every real ``run_scoring`` behind it."""
    STORE.clear()
    seen: list[str] = []
    real = runs.run_scoring

    def counted(session: Any, period: str, *args: Any, **kwargs: Any) -> EvaluationRun:
        seen.append(period)
        return real(session, period, *args, **kwargs)

    monkeypatch.setattr(runs, "run_scoring", counted)
    yield seen
    STORE.clear()


def _person(url: str, actor: Actor, code: str = CADRE_CODE) -> dict[str, str]:
    with session_scope(url) as session:
        return dict(person_view(session, actor, code, "2025").summary)


def _unit(url: str, actor: Actor) -> tuple[dict[str, str], list[dict[str, str]]]:
    with session_scope(url) as session:
        view = unit_view(session, actor, UNIT, "2025")
        return dict(view.summary), list(view.key_results)


def _plain_total(url: str, code: str) -> float:
    with session_scope(url) as session:
        people = run_scoring(session, "2025").individual.people
        return float(people.set_index("code").loc[code, "total"])


def _checkin(url: str, actor: Actor, value: str, client_id: str) -> None:
    with session_scope(url) as session:
        record_checkin(
            session,
            actor,
            kr_code="CN-TP02-2025-1",
            value=value,
            note="Cập nhật tháng 10.",
            evidence=f"bien-ban-{client_id}.pdf",
            client_id=client_id,
            on_date=dt.date(2025, 10, 31),
            today=dt.date(2025, 12, 31),
        )


def test_unchanged_data_is_scored_once_for_every_page_and_user(
    scored: str, actor_of: Callable[[str], Actor], calls: list[str]
) -> None:
    cadre, head, leader = (
        actor_of("canbo.tanphong"),
        actor_of("bithu.tanphong"),
        actor_of("lanhdao.tinh"),
    )
    first = _person(scored, cadre)
    assert calls == ["2025"]
    for _ in range(3):
        assert _person(scored, cadre) == first
        _person(scored, head)
        _unit(scored, leader)
        _unit(scored, head)
    assert calls == ["2025"], "a load on unchanged data must not re-score the province"
    with session_scope(scored) as session:  # another period is another entry
        person_view(session, cadre, CADRE_CODE, "2025-Q3")
    assert calls == ["2025", "2025-Q3"]


def test_a_check_in_shows_the_new_score_on_the_next_load(
    scored: str, actor_of: Callable[[str], Actor], calls: list[str]
) -> None:
    cadre = actor_of("canbo.tanphong")
    before = _person(scored, cadre)
    _checkin(scored, cadre, "1", "store-checkin-1")
    after = _person(scored, cadre)
    assert len(calls) == 2
    assert after["total"] != before["total"]
    assert after["explanation"] != before["explanation"]
    plain = _plain_total(scored, CADRE_CODE)
    assert after["total"] == format_number_vi(plain, 2)
    _person(scored, cadre)
    assert len(calls) == 2


def test_a_configuration_change_invalidates_it(
    scored: str, actor_of: Callable[[str], Actor], calls: list[str]
) -> None:
    leader = actor_of("lanhdao.tinh")
    summary, _ = _unit(scored, leader)
    assert summary["rating"] == "hoan_thanh"  # 65,28 under the default thresholds
    with session_scope(scored) as session:  # the page's form (/danh-gia/cau-hinh)
        update_from_form(session, leader, {"tot_min": "60", "hoan_thanh_min": "40"})
    summary, _ = _unit(scored, leader)
    assert summary["rating"] == "tot"
    assert len(calls) == 2
    # Even a configuration written without the service (no audit entry) is seen.
    with session_scope(scored) as session:
        session.execute(update(EvaluationConfig).values(settings_json=json.dumps({"tot_min": 70})))
    summary, _ = _unit(scored, leader)
    assert summary["rating"] == "hoan_thanh"
    assert len(calls) == 3


def test_each_workflow_step_that_changes_the_score_invalidates_it(
    scored: str, actor_of: Callable[[str], Actor], calls: list[str]
) -> None:
    cadre, head = actor_of("canbo.tanphong"), actor_of("bithu.tanphong")
    start = _person(scored, cadre)
    with session_scope(scored) as session:
        submit_self_assessment(
            session, cadre, subject_code=CADRE_CODE, period="2025", comment="Tự đánh giá",
            stance={"assessment_pct": "92", "study_pct": "100", "contributions": "3",
                    "trust_pct": "95"},
        )  # fmt: skip
    self_assessed = _person(scored, cadre)
    assert len(calls) == 2
    # The stance criterion now counts (self-assessed indicators until the head's step).
    assert self_assessed["total"] != start["total"]
    with session_scope(scored) as session:
        item = declare_item(
            session, cadre, subject_code=CADRE_CODE, period="2025", kind="initiative",
            title="Mẫu báo cáo giải ngân tự động", scope="province",
        )  # fmt: skip
    assert _person(scored, cadre)["total"] == self_assessed["total"]  # declared, not accepted
    assert len(calls) == 3
    with session_scope(scored) as session:
        assess(
            session, head, subject_code=CADRE_CODE, period="2025", comment="Chủ động",
            decisions={item: (True, None)},
        )  # fmt: skip
    assessed = _person(scored, cadre)
    assert len(calls) == 4
    assert assessed["total"] != self_assessed["total"]  # the initiative's 2 points count
    assert float(assessed["total"].replace(",", ".")) == pytest.approx(
        _plain_total(scored, CADRE_CODE), abs=0.005
    )
    with session_scope(scored) as session:
        outcome = conclude(session, head, subject_code=CADRE_CODE, period="2025")
    assert len(calls) == 4, "the conclusion scores from the stored run of the same version"
    concluded = _person(scored, cadre)
    assert len(calls) == 5
    assert concluded["official"] and concluded["total"] == assessed["total"]
    assert outcome.total == pytest.approx(_plain_total(scored, CADRE_CODE), abs=0.005)


def _views(url: str, actor: Actor) -> list[Any]:
    with session_scope(url) as session:
        person = person_view(session, actor, CADRE_CODE, "2025")
        unit = unit_view(session, actor, UNIT, "2025")
        subject = resolve_subject(session, CADRE_CODE)
        return [
            person.summary,
            person.criteria,
            unit.summary,
            unit.criteria,
            unit.key_results,
            computed_result(session, subject, "2025"),
        ]


def test_numbers_are_identical_with_and_without_the_store(
    scored: str,
    actor_of: Callable[[str], Actor],
    calls: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    leader, head = actor_of("lanhdao.tinh"), actor_of("bithu.tanphong")
    with session_scope(scored) as session:
        save_config(session, leader, {"quotas": {"xuat_sac": 0.1}, "tot_min": 62})
    _views(scored, head)  # fills the store
    stored = _views(scored, head)  # from the store
    assert calls == ["2025"]
    with session_scope(scored) as session:
        run = scored_run(session, "2025")
        plain = run_scoring(session, "2025")
    for name in ("key_results", "tasks", "perspectives", "owners"):
        pd.testing.assert_frame_equal(getattr(run.scores, name), getattr(plain.scores, name))
    pd.testing.assert_frame_equal(run.collective.units, plain.collective.units)
    pd.testing.assert_frame_equal(run.individual.people, plain.individual.people)
    assert run.payload() == plain.payload()
    # The page path with the store bypassed (as a transaction that wrote is).
    monkeypatch.setattr(runs, "has_written", lambda session: True)
    assert _views(scored, head) == stored
    assert calls[1:] == ["2025"] * 3  # person, unit, conclusion: each computed without it
    # ``woms score`` (another process would start with an empty store) prints the same.
    monkeypatch.setenv("WOMS_DB_URL", scored)
    settings.cache_clear()
    assert main(["score", "--period", "2025", "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert cli == json.loads(json.dumps(run.payload()))


def test_a_transaction_that_wrote_scores_its_own_data_and_stores_nothing(
    scored: str, actor_of: Callable[[str], Actor], calls: list[str]
) -> None:
    cadre = actor_of("canbo.tanphong")
    before = _person(scored, cadre)
    stored = STORE.computations
    with session_scope(scored) as session:
        record_checkin(
            session, cadre, kr_code="CN-TP02-2025-1", value="1", note="Chưa lưu.",
            evidence="bien-ban.pdf", client_id="store-uncommitted-1",
            on_date=dt.date(2025, 10, 31), today=dt.date(2025, 12, 31),
        )  # fmt: skip
        inside = person_view(session, cadre, CADRE_CODE, "2025").summary
        session.rollback()
    assert inside["total"] != before["total"]  # sees its own uncommitted reading
    assert STORE.computations == stored
    assert _person(scored, cadre) == before  # rolled back: the stored run still holds
    assert len(calls) == 2
