"""Form definitions as the builder manages them: drafts, publishing, import/export.

A draft is edited freely; publishing copies it into an immutable ``FormVersion``
with the next number. The built-in guided forms are data files published as
version 1 the first time forms are listed, then edited like any other form.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session, select

from analytics.vntext import fold_accents
from woms_pwa.core.db import insert_unless_exists
from woms_pwa.core.forms.definition import FormSpec, parse_definition
from woms_pwa.core.forms.models import FormDefinition, FormVersion
from woms_pwa.core.messages import forms as msg
from woms_pwa.core.models import utcnow
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.services.audit import AuditRecord, append
from woms_pwa.core.vocab import Role

BUILTIN_DIR = Path(__file__).parent / "builtin"
CHECKIN_FORM = "cap_nhat_thang"
BUILTIN_CODES = ("cap_nhat_thang", "phat_sinh", "sang_kien", "nang_luc", "tu_danh_gia")


class FormError(ValueError):
    """A refused form operation; ``errors`` lists field errors when there are some."""

    def __init__(self, message: str, errors: list[Any] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []


@dataclass(frozen=True)
class FormSummary:
    """One form in a list."""

    code: str
    title: str
    description: str
    context: str
    current_version: int
    has_unpublished_changes: bool
    builtin: bool


def require_admin(actor: Actor) -> None:
    """Only administrators design forms."""
    if actor.role != Role.ADMIN:
        raise PermissionDenied(msg.FORM_ADMIN_ONLY)


def _dump(spec: FormSpec) -> str:
    return json.dumps(spec.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False)


def parse_or_refuse(data: dict[str, Any] | str) -> FormSpec:
    """Parse a definition, turning pydantic's errors into one Vietnamese message."""
    try:
        return parse_definition(data)
    except ValidationError as exc:
        details = "; ".join(
            str(e.get("msg", "")).removeprefix("Value error, ") for e in exc.errors()[:3]
        )
        raise FormError(msg.FORM_BAD_DEFINITION.format(detail=details)) from exc


def get_record(session: Session, code: str) -> FormDefinition:
    """The stored form with ``code`` (``FormError`` when there is none)."""
    record = session.execute(
        select(FormDefinition).where(FormDefinition.code == code)
    ).scalar_one_or_none()
    if record is None:
        raise FormError(msg.FORM_NOT_FOUND.format(code=code))
    return record


def draft_spec(record: FormDefinition) -> FormSpec:
    """The definition currently being edited."""
    return parse_definition(record.draft_json)


def published(
    session: Session, code: str, version: int | None = None
) -> tuple[FormVersion, FormSpec]:
    """A published version (the latest when ``version`` is None) and its definition."""
    record = get_record(session, code)
    number = version or record.current_version
    row = session.execute(
        select(FormVersion).where(FormVersion.form_id == record.id, FormVersion.version == number)
    ).scalar_one_or_none()
    if row is None:
        raise FormError(msg.FORM_NOT_PUBLISHED.format(code=code))
    return row, parse_definition(row.definition_json)


def _publish(session: Session, record: FormDefinition, actor: Actor) -> int:
    number = record.current_version + 1
    session.add(
        FormVersion(
            form_id=record.id or 0,
            version=number,
            definition_json=record.draft_json,
            published_by_user_id=actor.user_id,
        )
    )
    record.current_version = number
    session.add(record)
    append(
        session,
        [
            AuditRecord(
                actor=actor.username,
                actor_user_id=actor.user_id,
                action="form.publish",
                entity="form_definition",
                entity_id=record.id,
                entity_code=record.code,
                field="version",
                old_value=str(number - 1) if number > 1 else None,
                new_value=str(number),
            )
        ],
    )
    session.flush()
    return number


def ensure_builtin_forms(session: Session) -> None:
    """Store and publish the built-in guided forms that are not published yet (idempotent).

    A built-in form left stored but unpublished by an earlier failed request is
    published now rather than staying hidden for good.
    """
    versions: dict[str, int] = {
        code: version
        for code, version in session.execute(
            select(FormDefinition.code, FormDefinition.current_version)
        ).all()
    }
    for code in BUILTIN_CODES:
        if versions.get(code, 0) > 0:
            continue
        if code not in versions:
            spec = parse_definition((BUILTIN_DIR / f"{code}.json").read_text(encoding="utf-8"))
            # A concurrent request may seed the same form: its row is as good as ours.
            insert_unless_exists(
                session,
                FormDefinition(code=code, title=spec.title, draft_json=_dump(spec), builtin=True),
                key="code",
            )
        record = session.execute(
            select(FormDefinition).where(FormDefinition.code == code)
        ).scalar_one()
        if record.builtin and record.current_version == 0:
            _publish(session, record, Actor.system())


def list_forms(session: Session, *, published_only: bool = True) -> list[FormSummary]:
    """Forms in title order; users see published ones, the builder sees all."""
    ensure_builtin_forms(session)
    records = sorted(
        session.execute(select(FormDefinition)).scalars(), key=lambda r: fold_accents(r.title)
    )
    summaries = []
    for record in records:
        if published_only and record.current_version == 0:
            continue
        spec = draft_spec(record)
        latest = (
            session.execute(
                select(FormVersion.definition_json).where(
                    FormVersion.form_id == record.id,
                    FormVersion.version == record.current_version,
                )
            ).scalar_one_or_none()
            if record.current_version
            else None
        )
        if published_only and latest is not None:
            spec = parse_definition(latest)
        summaries.append(
            FormSummary(
                code=record.code,
                title=spec.title,
                description=spec.description,
                context=spec.context,
                current_version=record.current_version,
                has_unpublished_changes=latest is None
                or parse_definition(latest) != draft_spec(record),
                builtin=record.builtin,
            )
        )
    return summaries


def create_form(session: Session, actor: Actor, *, code: str, title: str) -> FormSpec:
    """Create a form with one step and one text field, as a draft."""
    require_admin(actor)
    ensure_builtin_forms(session)
    spec = parse_or_refuse(
        {
            "code": code.strip(),
            "title": title.strip(),
            "steps": [
                {
                    "key": "buoc_1",
                    "title": "Bước 1",
                    "fields": [{"key": "noi_dung", "type": "text", "label": "Nội dung"}],
                }
            ],
        }
    )
    exists = session.execute(select(FormDefinition.id).where(FormDefinition.code == spec.code))
    if exists.first() is not None:
        raise FormError(msg.FORM_CODE_TAKEN.format(code=spec.code))
    session.add(
        FormDefinition(
            code=spec.code,
            title=spec.title,
            draft_json=_dump(spec),
            updated_by_user_id=actor.user_id,
        )
    )
    session.flush()
    return spec


def save_definition(
    session: Session, actor: Actor, code: str, data: dict[str, Any] | str | FormSpec
) -> FormSpec:
    """Validate and store a new draft of form ``code`` (published versions are untouched)."""
    require_admin(actor)
    record = get_record(session, code)
    spec = data if isinstance(data, FormSpec) else parse_or_refuse(data)
    if spec.code != code:
        spec = spec.model_copy(update={"code": code})
    record.draft_json = _dump(spec)
    record.title = spec.title
    record.updated_at = utcnow()
    record.updated_by_user_id = actor.user_id
    session.add(record)
    session.flush()
    return spec


def publish_form(session: Session, actor: Actor, code: str) -> int:
    """Publish the draft as the next version; returns its number."""
    require_admin(actor)
    record = get_record(session, code)
    spec = parse_or_refuse(record.draft_json)
    if record.current_version:
        _, current = published(session, code)
        if current == spec:
            raise FormError(msg.FORM_NOTHING_TO_PUBLISH)
    return _publish(session, record, actor)


def export_definition(session: Session, code: str) -> str:
    """The draft definition as JSON text (what ``import_definition`` reads)."""
    record = get_record(session, code)
    return json.dumps(
        draft_spec(record).model_dump(mode="json", exclude_defaults=True),
        ensure_ascii=False,
        indent=1,
    )


def import_definition(session: Session, actor: Actor, text: str) -> FormSpec:
    """Store a JSON definition as the draft of its form (created when new)."""
    require_admin(actor)
    spec = parse_or_refuse(text)
    found = session.execute(
        select(FormDefinition).where(FormDefinition.code == spec.code)
    ).scalar_one_or_none()
    if found is None:
        session.add(
            FormDefinition(
                code=spec.code,
                title=spec.title,
                draft_json=_dump(spec),
                updated_by_user_id=actor.user_id,
            )
        )
        session.flush()
        return spec
    return save_definition(session, actor, spec.code, spec)
