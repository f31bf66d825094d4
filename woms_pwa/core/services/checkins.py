"""Recording progress (check-ins): validated on the server, stored once, audited."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlmodel import Session, select

from analytics.vntext import fold_accents, format_number_plain, normalize_text, parse_number
from woms_pwa.core import messages as msg
from woms_pwa.core.db import insert_unless_exists
from woms_pwa.core.models import CheckIn, KeyResult, Period, Plan, Task
from woms_pwa.core.permissions import Actor, require, scope_for
from woms_pwa.core.services.audit import AuditRecord, append
from woms_pwa.core.vocab import KeyResultStatus

MAX_NOTE_LENGTH = 4000
_CLIENT_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")


class CheckInError(ValueError):
    """A refused check-in; the message is Vietnamese and names the problem."""


class EvidenceRequiredError(CheckInError):
    """A new check-in of a key result that requires evidence came without any.

    A subclass so that the API can tell the offline queue to ask for a photo
    (the item is held for it) rather than only show a refusal.
    """

    def __init__(self, kr_code: str, kr_title: str) -> None:
        super().__init__(msg.CHECKIN_EVIDENCE_REQUIRED.format(title=kr_title))
        self.kr_code = kr_code


@dataclass(frozen=True)
class CheckInOutcome:
    """What happened to a check-in request."""

    checkin_id: int
    kr_code: str
    value: float
    date: dt.date
    created: bool


def _may_be_negative(kr: KeyResult) -> bool:
    # Growth rates can fall below zero; counts, money and shares cannot.
    title = fold_accents(kr.title)
    return (
        (kr.target or 0) < 0
        or (kr.baseline or 0) < 0
        or "toc do" in title
        or "tang truong" in title
    )


def parse_value(kr: KeyResult, raw: str | float | None) -> float:
    """Validate a submitted value for ``kr``; raise ``CheckInError`` with the reason."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise CheckInError(msg.CHECKIN_VALUE_REQUIRED)
    value = parse_number(raw) if isinstance(raw, str) else float(raw)
    if value is None or value != value:
        raise CheckInError(msg.CHECKIN_VALUE_NOT_NUMBER)
    if value < 0 and not _may_be_negative(kr):
        raise CheckInError(msg.CHECKIN_VALUE_NEGATIVE)
    if kr.direction == "milestone" and value not in (0.0, 1.0):
        raise CheckInError(msg.CHECKIN_MILESTONE_VALUE)
    return value


def require_evidence(kr: KeyResult, evidence: str | None) -> None:
    """Refuse a new reading of ``kr`` without evidence when the key result requires it.

    Phụ lục 4 ("bẫy nhập tay"): a number the cadre reports alone needs a photo
    or a file behind it. Bulk imports of past readings from paper do not come
    through here and are not subject to the rule.

    Raises:
        EvidenceRequiredError: ``kr.evidence_required`` and ``evidence`` is blank.
    """
    if kr.evidence_required and not (evidence or "").strip():
        raise EvidenceRequiredError(kr.code, kr.title)


def record_checkin(
    session: Session,
    actor: Actor,
    *,
    kr_code: str,
    value: str | float | None,
    note: str = "",
    client_id: str,
    on_date: dt.date | None = None,
    today: dt.date | None = None,
    evidence: str | None = None,
    confidence: str | None = None,
    blocker_type: str | None = None,
    blocker_text: str | None = None,
    reported_by_person_id: int | None = None,
) -> CheckInOutcome:
    """Store a progress reading once, update the key result, and audit it.

    A request whose ``client_id`` was already stored returns the stored
    check-in with ``created=False``: retries from a phone are harmless (this
    is decided before any other rule, the evidence rule included).

    Raises:
        CheckInError: bad value, date, note or client id; retired key result.
        EvidenceRequiredError: the key result requires evidence and none came.
        PermissionDenied: the actor may not write this key result's plan.
    """
    if not _CLIENT_ID.match(client_id or ""):
        raise CheckInError("Mã định danh của lần cập nhật không hợp lệ.")
    existing = session.execute(
        select(CheckIn).where(CheckIn.client_id == client_id)
    ).scalar_one_or_none()
    kr = session.execute(select(KeyResult).where(KeyResult.code == kr_code)).scalar_one_or_none()
    if kr is None:
        raise CheckInError(msg.NOT_FOUND_KR.format(code=kr_code))
    task = session.get(Task, kr.task_id)
    plan = session.get(Plan, task.plan_id) if task else None
    assert plan is not None
    require(scope_for(session, actor).can_write_plan(plan), msg.FORBIDDEN_WRITE)
    if existing is not None:
        if existing.kr_id != kr.id:
            raise CheckInError("Mã định danh này đã dùng cho một mục tiêu khác.")
        return CheckInOutcome(
            existing.id or 0, kr.code, existing.value, existing.date, created=False
        )
    if kr.status == KeyResultStatus.RETIRED:
        raise CheckInError(msg.CHECKIN_KR_RETIRED)
    number = parse_value(kr, value)
    today = today or dt.date.today()
    when = on_date or today
    period = session.get(Period, plan.period_id)
    if when > today:
        raise CheckInError(msg.CHECKIN_DATE_FUTURE)
    if period and not (period.start_date <= when <= period.end_date + dt.timedelta(days=60)):
        raise CheckInError(
            msg.CHECKIN_DATE_INVALID
            + f" (kỳ {period.code}: {period.start_date:%d/%m/%Y}–{period.end_date:%d/%m/%Y})"
        )
    clean_note = normalize_text(note or "")
    if len(clean_note) > MAX_NOTE_LENGTH:
        raise CheckInError(msg.CHECKIN_NOTE_TOO_LONG)
    require_evidence(kr, evidence)
    evidence = (evidence or "").strip() or None
    checkin = CheckIn(
        kr_id=kr.id or 0,
        date=when,
        value=number,
        note=clean_note,
        evidence=evidence,
        reported_by_person_id=reported_by_person_id or actor.person_id,
        recorded_by_user_id=actor.user_id,
        client_id=client_id,
        confidence=confidence,
        blocker_type=blocker_type,
        blocker_text=blocker_text,
        plan_version=plan.version,
    )
    if client_id is None:
        session.add(checkin)
        session.flush()
    else:
        # INSERT … ON CONFLICT rather than a savepoint: on SQLite an outermost
        # savepoint commits on release, which would store the check-in without its audit.
        created = insert_unless_exists(session, checkin, key="client_id")
        checkin = session.execute(
            select(CheckIn).where(CheckIn.client_id == client_id)
        ).scalar_one()
        if not created:
            # A concurrent retry with the same client id won the race.
            return CheckInOutcome(
                checkin.id or 0, kr.code, checkin.value, checkin.date, created=False
            )
    old_value = kr.current_value
    if kr.current_as_of is None or when >= kr.current_as_of:
        kr.current_value = number
        kr.current_as_of = when
        session.add(kr)
    append(
        session,
        [
            AuditRecord(
                actor=actor.username,
                actor_user_id=actor.user_id,
                action="checkin.create",
                entity="key_result",
                entity_id=kr.id,
                entity_code=kr.code,
                field="value",
                old_value=None if old_value is None else format_number_plain(old_value),
                new_value=format_number_plain(number),
                reason=clean_note or None,
            )
        ],
    )
    session.flush()
    return CheckInOutcome(checkin.id or 0, kr.code, number, when, created=True)
