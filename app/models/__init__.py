"""Typed SQLAlchemy models. Importing this package registers every table on Base.metadata."""

from app.models.audit import AuditEvent
from app.models.base import Base
from app.models.cases import Case, CaseNumberCounter, CaseProfessional, Professional, SummaryClock
from app.models.casework import (
    CaseLastSeen,
    Document,
    DocumentFile,
    DocumentMember,
    JournalEntry,
    JournalEntryMember,
    StoreSetting,
    Task,
)
from app.models.consent import Consent
from app.models.interventions import Intervention, InterventionSlot
from app.models.law import LawSection
from app.models.meetings import Meeting, MeetingParticipant
from app.models.people import Citizen, Family, FamilyMember, User
from app.models.plans import (
    Agreement,
    Goal,
    GoalMember,
    GoalScore,
    PlanMemberSection,
    PlanOfferComment,
    PlanVersion,
)
from app.models.team import Absence, AbsenceCase, CaseHandOver
from app.models.transition import TransitionTopic, TransitionTrack

__all__ = [
    "Absence",
    "AbsenceCase",
    "Agreement",
    "AuditEvent",
    "Base",
    "Case",
    "CaseHandOver",
    "CaseLastSeen",
    "CaseNumberCounter",
    "CaseProfessional",
    "Citizen",
    "Consent",
    "Document",
    "DocumentFile",
    "DocumentMember",
    "Family",
    "FamilyMember",
    "Goal",
    "GoalMember",
    "GoalScore",
    "Intervention",
    "InterventionSlot",
    "JournalEntry",
    "JournalEntryMember",
    "LawSection",
    "Meeting",
    "MeetingParticipant",
    "PlanMemberSection",
    "PlanOfferComment",
    "PlanVersion",
    "Professional",
    "StoreSetting",
    "SummaryClock",
    "Task",
    "TransitionTopic",
    "TransitionTrack",
    "User",
]
