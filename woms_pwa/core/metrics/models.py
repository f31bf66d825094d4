"""Tables of the metric library: the dictionary entries and accepted suggestions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from woms_pwa.core.models import utcnow


class MetricEntry(SQLModel, table=True):
    """One entry of the shared metric dictionary (thư viện thước đo).

    The bundled CSV files are the reviewed source (``source='file'``); an
    administrator's edit turns an entry into ``source='admin'`` so a later file
    sync never overwrites it. Entries are never deleted: a retired entry
    (``status='retired'``) stays valid for the plans that already use its code,
    and ``merged_into`` names the entry that replaced a duplicate.
    """

    __tablename__ = "metric_entry"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64, unique=True, index=True)
    name: str = Field(max_length=255)
    definition: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    formula: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    unit: str = Field(max_length=60)
    direction: str = Field(max_length=16)
    perspective: str = Field(max_length=16)
    area: str = Field(max_length=255)
    data_source: str = Field(max_length=40)
    evidence: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    is_proxy: bool = False
    # ``|``-separated phrasings, as in the CSV files.
    synonyms: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    reference: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    kind_hint: str = Field(default="kpi", max_length=8)
    status: str = Field(default="active", max_length=16, index=True)
    merged_into: str | None = Field(default=None, max_length=64)
    source: str = Field(default="file", max_length=8)
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    updated_by: str = Field(default="", max_length=120)


class SuggestionAcceptance(SQLModel, table=True):
    """A planner accepted metric ``code`` for ``text``: similar texts rank it higher."""

    __tablename__ = "suggestion_acceptance"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    folded_text: str = Field(sa_column=Column(Text, nullable=False))
    code: str = Field(max_length=64, index=True)
    user_id: int | None = Field(default=None, foreign_key="user_account.id")
    username: str = Field(default="", max_length=120)
    created_at: dt.datetime = Field(default_factory=utcnow)
