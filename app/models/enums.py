"""Closed vocabularies. Law references are NOT here: they are data (law_sections)."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum as SAEnum


class UserRole(StrEnum):
    CASEWORKER = "caseworker"
    TEAM_LEAD = "team_lead"
    ADMIN = "admin"
    READ_ONLY = "read_only"


class Relation(StrEnum):
    PARENT = "parent"
    CHILD = "child"
    STEP_PARENT = "step_parent"
    SIBLING = "sibling"
    GRANDPARENT = "grandparent"
    OTHER = "other"


class CoordinationModel(StrEnum):
    ONE_FAMILY_ONE_ENTRY = "one_family_one_entry"  # Én familie – én indgang
    TOGETHER_FOR_FAMILY = "together_for_family"  # Sammen om familien
    HOLISTIC_PLAN = "holistic_plan"  # helhedsorienteret plan
    OTHER = "other"


class CaseStatus(StrEnum):
    CANDIDATE = "candidate"
    ACTIVE = "active"
    PAUSED = "paused"
    CLOSED = "closed"


class Sector(StrEnum):
    SOCIAL_CHILDREN = "social_children"
    SOCIAL_ADULTS = "social_adults"
    EMPLOYMENT = "employment"
    HEALTH = "health"
    EDUCATION = "education"
    DAYCARE = "daycare"
    YOUTH = "youth"
    ELDERLY = "elderly"
    OTHER = "other"


class InterventionStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"


class PlanState(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"


class GoalLevel(StrEnum):
    OVERALL = "overall"
    SUB = "sub"
    PROGRESSION = "progression"


class GoalStatus(StrEnum):
    OPEN = "open"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


class AgreementStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class ResponsibleKind(StrEnum):
    MEMBER = "member"
    PROFESSIONAL = "professional"
    COORDINATOR = "coordinator"


class MeetingKind(StrEnum):
    NETWORK = "network"  # netværksmøde
    FOLLOW_UP = "follow_up"  # opfølgningsmøde
    STATUS = "status"  # statusmøde
    START = "start"  # opstartsmøde
    CLOSING = "closing"  # afslutningsmøde


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class ConsentCapacity(StrEnum):
    SELF = "self"
    CUSTODY_HOLDER = "custody_holder"
    YOUTH = "youth"
    GUARDIAN = "guardian"  # værge
    FUTURE_PROXY = "future_proxy"  # fremtidsfuldmægtig


class ConsentForm(StrEnum):
    WRITTEN = "written"
    ORAL = "oral"


class ConsentDirection(StrEnum):
    """Which way information may go under a consent (docs/law-notes.md, "Consent")."""

    COLLECT = "collect"  # the municipality may collect information from the parties (RSL § 11 a)
    SHARE = "share"  # the municipality may pass information on to the parties (FVL § 28, stk. 2)
    BOTH = "both"  # both ways (every consent recorded before the direction was)


def db_enum(enum_cls: type[StrEnum]) -> SAEnum:
    """Portable enum column: VARCHAR plus a named CHECK constraint on both stores."""
    return SAEnum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
        name=enum_cls.__name__.lower(),
    )


class JournalKind(StrEnum):
    """How what a journal entry records happened (notatpligt, DOMAIN.md §2.4)."""

    PHONE = "phone"  # telefon
    HOME_VISIT = "home_visit"  # hjemmebesøg
    MEETING = "meeting"  # møde
    EMAIL = "email"  # e-mail
    LETTER = "letter"  # brev
    SMS = "sms"
    OTHER = "other"  # andet


class TaskSource(StrEnum):
    """Where a task came from; with ``source_ref`` it keeps one step from making two tasks."""

    MANUAL = "manual"
    AGREEMENT = "agreement"
    DEADLINE = "deadline"
    FOLLOW_UP = "follow_up"


class DocumentKind(StrEnum):
    REPORT = "report"  # rapport / udtalelse
    LETTER = "letter"  # brev
    EMAIL = "email"  # e-mail
    DECISION = "decision"  # afgørelse
    MINUTES = "minutes"  # referat
    IMAGE = "image"  # billede
    OTHER = "other"  # andet


class AbsenceKind(StrEnum):
    """Why a caseworker is away (a deputy covers their cases meanwhile)."""

    HOLIDAY = "holiday"  # ferie
    ILLNESS = "illness"  # sygdom
    COURSE = "course"  # kursus
    OTHER = "other"  # andet
