"""Closed vocabularies of the domain, with their Vietnamese labels.

Stored as plain strings in the database (portable across SQLite and
PostgreSQL); these enums are the single place that lists the allowed values.
"""

from __future__ import annotations

from enum import StrEnum


class UnitKind(StrEnum):
    """Kinds of unit in the exchange format."""

    PROVINCE = "province"
    AGENCY = "agency"
    COMMUNE = "commune"
    WARD = "ward"
    SPECIAL_ZONE = "special_zone"
    DEPARTMENT = "department"
    OTHER = "other"


class Perspective(StrEnum):
    """The four public-sector Balanced-Scorecard perspectives, in the proposal's order."""

    SERVICE = "service"
    BUDGET = "budget"
    PROCESS = "process"
    LEARNING = "learning"


PERSPECTIVE_ORDER: tuple[Perspective, ...] = tuple(Perspective)


class KeyResultKind(StrEnum):
    """KPI (routine, committed) or OKR (stretch)."""

    KPI = "kpi"
    OKR = "okr"


class Direction(StrEnum):
    """Which way is better for a key result."""

    INCREASE = "increase"
    DECREASE = "decrease"
    MILESTONE = "milestone"


class Role(StrEnum):
    """Account roles; what each may see and write is decided in ``permissions``."""

    ADMIN = "admin"
    PROVINCE = "province"
    HEAD = "head"
    CADRE = "cadre"


class PlanStatus(StrEnum):
    """Lifecycle of a plan."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"


class PeriodKind(StrEnum):
    """Granularity of a plan period."""

    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"


class KeyResultStatus(StrEnum):
    """A retired key result stays in history but takes no new check-ins."""

    ACTIVE = "active"
    RETIRED = "retired"
