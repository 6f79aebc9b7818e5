"""The one vocabulary for input that cannot be stored: a ``Problem`` code per field
(``FieldProblem``), raised together as a ``ValidationError``. The UI shows each problem
beside its field in the user's language; the CLI prints the codes. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Problem(StrEnum):
    REQUIRED = "required"
    CPR_FORMAT = "cpr_format"
    CPR_DATE = "cpr_date"
    CPR_FUTURE = "cpr_future"
    CPR_DUPLICATE = "cpr_duplicate"
    CPR_MOD11 = "cpr_mod11"  # soft: valid numbers without the check digit exist
    NO_MEMBERS = "no_members"
    ONE_CITIZEN = "one_citizen"
    INTERVAL_RANGE = "interval_range"
    NO_CUSTODY_HOLDER = "no_custody_holder"
    SAME_PARTNER = "same_partner"
    END_BEFORE_START = "end_before_start"
    SECTION_NOT_VALID = "section_not_valid"  # the law section is not in force on the start date
    IN_FUTURE = "in_future"
    EMAIL_FORMAT = "email_format"
    PHONE_FORMAT = "phone_format"
    LAST_MEMBER = "last_member"
    LAST_CUSTODY_HOLDER = "last_custody_holder"
    ALREADY_MEMBER = "already_member"
    NOT_A_FAMILY = "not_a_family"
    CASE_CLOSED = "case_closed"
    TOO_LONG = "too_long"
    BAD_CHARACTERS = "bad_characters"  # a NUL or half a surrogate pair: not storable text
    OUT_OF_RANGE = "out_of_range"  # a date or time further off than any real one
    NAME_DIFFERS = "name_differs"  # a known CPR number typed with another name: which is right?
    BEFORE_BIRTH = "before_birth"
    TIME_ORDER = "time_order"  # a time slot must end after it starts
    SLOT_OVERLAP = "slot_overlap"  # two times of one intervention overlap
    IN_PAST = "in_past"
    NOTICED_AFTER_START = "noticed_after_start"  # the need was noticed after the measure began
    MEETING_NOT_PLANNED = "meeting_not_planned"  # cancelled, or already held
    OTHER_TEAMS_ENTRY = "other_teams_entry"  # on a shared server: a directory entry another team keeps


SOFT_PROBLEMS = frozenset({Problem.CPR_MOD11})


@dataclass(frozen=True, slots=True)
class FieldProblem:
    field: str  # "family_name", "members.0.cpr", …
    problem: Problem
    detail: str = ""  # e.g. the stored name, for NAME_DIFFERS

    @property
    def blocking(self) -> bool:
        return self.problem not in SOFT_PROBLEMS


class ValidationError(ValueError):
    """Input that cannot be stored; ``problems`` say which field and why. Nothing was stored."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__(", ".join(f"{p.field}: {p.problem}" for p in problems))
        self.problems = problems
