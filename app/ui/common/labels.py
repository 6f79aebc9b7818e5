"""User-visible names for the store's vocabularies, through Qt's translation system."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from app.models.enums import (
    AbsenceKind,
    AgreementStatus,
    CaseStatus,
    ConsentCapacity,
    ConsentDirection,
    ConsentForm,
    CoordinationModel,
    DocumentKind,
    GoalStatus,
    InterventionStatus,
    JournalKind,
    MeetingKind,
    MeetingStatus,
    PlanState,
    Relation,
    Sector,
)
from app.services.cases.deadlines import Deadline, load_rules
from app.services.common.validation import Problem
from app.ui.common.noop import QT_TRANSLATE_NOOP

_CONTEXT = "Labels"

_LABEL_LIST: tuple[tuple[StrEnum, str], ...] = (
    (AbsenceKind.HOLIDAY, QT_TRANSLATE_NOOP("Labels", "Holiday")),
    (AbsenceKind.ILLNESS, QT_TRANSLATE_NOOP("Labels", "Illness")),
    (AbsenceKind.COURSE, QT_TRANSLATE_NOOP("Labels", "Course")),
    (AbsenceKind.OTHER, QT_TRANSLATE_NOOP("Labels", "Other absence")),
    (CaseStatus.CANDIDATE, QT_TRANSLATE_NOOP("Labels", "Candidate")),
    (CaseStatus.ACTIVE, QT_TRANSLATE_NOOP("Labels", "Active")),
    (CaseStatus.PAUSED, QT_TRANSLATE_NOOP("Labels", "Paused")),
    (CaseStatus.CLOSED, QT_TRANSLATE_NOOP("Labels", "Closed")),
    (CoordinationModel.ONE_FAMILY_ONE_ENTRY, QT_TRANSLATE_NOOP("Labels", "One family – one entry")),
    (CoordinationModel.TOGETHER_FOR_FAMILY, QT_TRANSLATE_NOOP("Labels", "Together for the family")),
    (CoordinationModel.HOLISTIC_PLAN, QT_TRANSLATE_NOOP("Labels", "Holistic plan")),
    (CoordinationModel.OTHER, QT_TRANSLATE_NOOP("Labels", "Other model")),
    (Relation.PARENT, QT_TRANSLATE_NOOP("Labels", "Parent")),
    (Relation.CHILD, QT_TRANSLATE_NOOP("Labels", "Child")),
    (Relation.STEP_PARENT, QT_TRANSLATE_NOOP("Labels", "Step-parent")),
    (Relation.SIBLING, QT_TRANSLATE_NOOP("Labels", "Sibling")),
    (Relation.GRANDPARENT, QT_TRANSLATE_NOOP("Labels", "Grandparent")),
    (Relation.OTHER, QT_TRANSLATE_NOOP("Labels", "Other")),
    (Sector.SOCIAL_CHILDREN, QT_TRANSLATE_NOOP("Labels", "Children and families")),
    (Sector.SOCIAL_ADULTS, QT_TRANSLATE_NOOP("Labels", "Adults and disability")),
    (Sector.EMPLOYMENT, QT_TRANSLATE_NOOP("Labels", "Employment")),
    (Sector.HEALTH, QT_TRANSLATE_NOOP("Labels", "Health")),
    (Sector.EDUCATION, QT_TRANSLATE_NOOP("Labels", "School")),
    (Sector.DAYCARE, QT_TRANSLATE_NOOP("Labels", "Day care")),
    (Sector.YOUTH, QT_TRANSLATE_NOOP("Labels", "Youth guidance")),
    (Sector.ELDERLY, QT_TRANSLATE_NOOP("Labels", "Elderly care")),
    (Sector.OTHER, QT_TRANSLATE_NOOP("Labels", "Other sector")),
    (InterventionStatus.PLANNED, QT_TRANSLATE_NOOP("Labels", "Planned")),
    (InterventionStatus.ACTIVE, QT_TRANSLATE_NOOP("Labels", "Running")),
    (InterventionStatus.PAUSED, QT_TRANSLATE_NOOP("Labels", "On hold")),
    (InterventionStatus.ENDED, QT_TRANSLATE_NOOP("Labels", "Ended")),
    (ConsentCapacity.SELF, QT_TRANSLATE_NOOP("Labels", "The citizen")),
    (ConsentCapacity.CUSTODY_HOLDER, QT_TRANSLATE_NOOP("Labels", "Custody holder")),
    (ConsentCapacity.YOUTH, QT_TRANSLATE_NOOP("Labels", "The young person")),
    (ConsentCapacity.GUARDIAN, QT_TRANSLATE_NOOP("Labels", "Guardian")),
    (ConsentCapacity.FUTURE_PROXY, QT_TRANSLATE_NOOP("Labels", "Future proxy")),
    (MeetingKind.NETWORK, QT_TRANSLATE_NOOP("Labels", "Network meeting")),
    (MeetingKind.FOLLOW_UP, QT_TRANSLATE_NOOP("Labels", "Follow-up meeting")),
    (MeetingKind.STATUS, QT_TRANSLATE_NOOP("Labels", "Status meeting")),
    (MeetingKind.START, QT_TRANSLATE_NOOP("Labels", "Start meeting")),
    (MeetingKind.CLOSING, QT_TRANSLATE_NOOP("Labels", "Closing meeting")),
    (GoalStatus.OPEN, QT_TRANSLATE_NOOP("Labels", "Working on it")),
    (GoalStatus.ACHIEVED, QT_TRANSLATE_NOOP("Labels", "Achieved")),
    (GoalStatus.DROPPED, QT_TRANSLATE_NOOP("Labels", "Dropped")),
    (AgreementStatus.OPEN, QT_TRANSLATE_NOOP("Labels", "Not done yet")),
    (AgreementStatus.DONE, QT_TRANSLATE_NOOP("Labels", "Done")),
    (AgreementStatus.CANCELLED, QT_TRANSLATE_NOOP("Labels", "Cancelled")),
    (MeetingStatus.PLANNED, QT_TRANSLATE_NOOP("Labels", "Planned")),
    (MeetingStatus.HELD, QT_TRANSLATE_NOOP("Labels", "Held")),
    (MeetingStatus.CANCELLED, QT_TRANSLATE_NOOP("Labels", "Cancelled")),
    (PlanState.DRAFT, QT_TRANSLATE_NOOP("Labels", "Draft")),
    (PlanState.APPROVED, QT_TRANSLATE_NOOP("Labels", "Approved")),
    (ConsentForm.WRITTEN, QT_TRANSLATE_NOOP("Labels", "Written")),
    (ConsentForm.ORAL, QT_TRANSLATE_NOOP("Labels", "Oral (noted in the case)")),
    (ConsentDirection.COLLECT, QT_TRANSLATE_NOOP("Labels", "Collect information from them")),
    (ConsentDirection.SHARE, QT_TRANSLATE_NOOP("Labels", "Pass information on to them")),
    (ConsentDirection.BOTH, QT_TRANSLATE_NOOP("Labels", "Both: collect from them and pass on to them")),
    (JournalKind.PHONE, QT_TRANSLATE_NOOP("Labels", "Phone call")),
    (JournalKind.HOME_VISIT, QT_TRANSLATE_NOOP("Labels", "Home visit")),
    (JournalKind.MEETING, QT_TRANSLATE_NOOP("Labels", "Meeting")),
    (JournalKind.EMAIL, QT_TRANSLATE_NOOP("Labels", "E-mail")),
    (JournalKind.LETTER, QT_TRANSLATE_NOOP("Labels", "Letter")),
    (JournalKind.SMS, QT_TRANSLATE_NOOP("Labels", "Text message")),
    (JournalKind.OTHER, QT_TRANSLATE_NOOP("Labels", "Something else")),
    (DocumentKind.REPORT, QT_TRANSLATE_NOOP("Labels", "Report or statement")),
    (DocumentKind.LETTER, QT_TRANSLATE_NOOP("Labels", "Letter")),
    (DocumentKind.EMAIL, QT_TRANSLATE_NOOP("Labels", "E-mail")),
    (DocumentKind.DECISION, QT_TRANSLATE_NOOP("Labels", "Decision")),
    (DocumentKind.MINUTES, QT_TRANSLATE_NOOP("Labels", "Minutes")),
    (DocumentKind.IMAGE, QT_TRANSLATE_NOOP("Labels", "Picture")),
    (DocumentKind.OTHER, QT_TRANSLATE_NOOP("Labels", "Other document")),
)
# Keyed by type and value: members of different enums may share a value ("active", "other").
_LABELS: dict[tuple[type, str], str] = {(type(m), m.value): text for m, text in _LABEL_LIST}

_PROBLEMS: dict[Problem, str] = {
    Problem.REQUIRED: QT_TRANSLATE_NOOP("Problems", "Required."),
    Problem.CPR_FORMAT: QT_TRANSLATE_NOOP(
        "Problems", "Write the CPR number as 10 digits, for example 010203-1234."
    ),
    Problem.CPR_DATE: QT_TRANSLATE_NOOP(
        "Problems", "The first six digits are not a real date of birth (DDMMYY)."
    ),
    Problem.CPR_FUTURE: QT_TRANSLATE_NOOP("Problems", "The date of birth is in the future."),
    Problem.CPR_DUPLICATE: QT_TRANSLATE_NOOP(
        "Problems", "This CPR number is already given for another member."
    ),
    Problem.OTHER_TEAMS_ENTRY: QT_TRANSLATE_NOOP(
        "Problems",
        "This professional was entered by another team. Ask them or IT to correct the details.",
    ),
    Problem.CPR_MOD11: QT_TRANSLATE_NOOP(
        "Problems",
        "Note: the check digit does not match. Such numbers exist since 2007; "
        "check the number, it can still be right.",
    ),
    Problem.NO_MEMBERS: QT_TRANSLATE_NOOP("Problems", "Add at least one person."),
    Problem.ONE_CITIZEN: QT_TRANSLATE_NOOP("Problems", "A single-citizen case has one person."),
    Problem.INTERVAL_RANGE: QT_TRANSLATE_NOOP(
        "Problems", "Choose a follow-up interval between 1 and 52 weeks."
    ),
    Problem.NO_CUSTODY_HOLDER: QT_TRANSLATE_NOOP(
        "Problems", "A family with children needs at least one custody holder."
    ),
    Problem.SAME_PARTNER: QT_TRANSLATE_NOOP(
        "Problems", "The partner caseworker must be someone other than the coordinator."
    ),
    Problem.END_BEFORE_START: QT_TRANSLATE_NOOP("Problems", "The end cannot come before the start."),
    Problem.SECTION_NOT_VALID: QT_TRANSLATE_NOOP(
        "Problems", "This law section is not in force on the start date. Choose one that is."
    ),
    Problem.IN_FUTURE: QT_TRANSLATE_NOOP("Problems", "The date cannot be in the future."),
    Problem.NOTICED_AFTER_START: QT_TRANSLATE_NOOP(
        "Problems", "The day the need was noticed must be on or before the start."
    ),
    Problem.EMAIL_FORMAT: QT_TRANSLATE_NOOP("Problems", "Write the e-mail address as name@example.dk."),
    Problem.PHONE_FORMAT: QT_TRANSLATE_NOOP(
        "Problems", "Write the phone number with digits, for example 49 28 10 00."
    ),
    Problem.LAST_MEMBER: QT_TRANSLATE_NOOP("Problems", "The family must keep at least one person."),
    Problem.LAST_CUSTODY_HOLDER: QT_TRANSLATE_NOOP(
        "Problems", "A family with children needs at least one custody holder."
    ),
    Problem.ALREADY_MEMBER: QT_TRANSLATE_NOOP("Problems", "This person is already in the family."),
    Problem.NOT_A_FAMILY: QT_TRANSLATE_NOOP(
        "Problems", "A single citizen's case has no family to add people to."
    ),
    Problem.CASE_CLOSED: QT_TRANSLATE_NOOP("Problems", "The case is closed and cannot be changed."),
    Problem.TOO_LONG: QT_TRANSLATE_NOOP("Problems", "The text is too long."),
    Problem.BAD_CHARACTERS: QT_TRANSLATE_NOOP(
        "Problems", "The text holds characters that cannot be stored (a NUL or a broken character)."
    ),
    Problem.OUT_OF_RANGE: QT_TRANSLATE_NOOP("Problems", "The date is too far from today: check the year."),
    Problem.NAME_DIFFERS: QT_TRANSLATE_NOOP(
        "Problems", "This CPR number is registered with another name: choose which name is right."
    ),
    Problem.TIME_ORDER: QT_TRANSLATE_NOOP("Problems", "The time must end after it starts."),
    Problem.MEETING_NOT_PLANNED: QT_TRANSLATE_NOOP(
        "Problems", "The meeting is cancelled or has been held, so it cannot be moved or changed that way."
    ),
    Problem.IN_PAST: QT_TRANSLATE_NOOP(
        "Problems", "The time has passed. Choose a later time, or tick that the meeting was held."
    ),
    Problem.SLOT_OVERLAP: QT_TRANSLATE_NOOP(
        "Problems", "Two of the weekly times overlap. Join them into one."
    ),
    Problem.BEFORE_BIRTH: QT_TRANSLATE_NOOP("Problems", "The date cannot be before the person was born."),
}


def label(value: StrEnum) -> str:
    text = _LABELS.get((type(value), value.value))
    if text is None:
        return str(value)
    return QCoreApplication.translate(_CONTEXT, text)


def problem_text(problem: Problem) -> str:
    return QCoreApplication.translate("Problems", _PROBLEMS[problem])


_FROM_START = QT_TRANSLATE_NOOP("Labels", "(counted from the start: record when the need was noticed)")


def deadline_title(deadline: Deadline) -> str:
    """A deadline's title in the language of the program (the rules file holds both), saying
    when it is counted from the start because the day the need was noticed is missing."""
    from PySide6.QtCore import QLocale

    title = deadline.title
    if QLocale().language() != QLocale.Language.Danish:
        rule = next((r for r in load_rules() if r.code == deadline.rule_code), None)
        title = rule.title_en if rule is not None and rule.title_en else deadline.title
    if deadline.from_start:  # BL § 20: the clock should run from the day the need was noticed
        title += " " + QCoreApplication.translate(_CONTEXT, _FROM_START)
    return title
