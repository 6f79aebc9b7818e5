"""CPR numbers (personnummer): format, birth date and century, masking.

Numbers that fail the modulus-11 check are valid (issued since 1 October 2007);
the check is at most a soft note, never a rejection.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

MOD11_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
_CPR_SHAPE = re.compile(r"^\s*([0-9]{6})[-\s]?([0-9]{4})\s*$")  # ASCII digits only


class CprProblem(StrEnum):
    EMPTY = "empty"
    FORMAT = "format"  # not DDMMYY-SSSS
    DATE = "date"  # digits do not form a real date


class CprError(ValueError):
    def __init__(self, problem: CprProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Cpr:
    digits: str  # ten digits, no hyphen
    birth_date: date
    female: bool
    passes_mod11: bool

    @property
    def masked(self) -> str:
        return mask_cpr(self.digits)


def century_year(yy: int, digit7: int) -> int:
    """Full birth year from YY and the 7th digit (CPR-kontoret's table)."""
    if digit7 <= 3:
        return 1900 + yy
    if digit7 in (4, 9):
        return 2000 + yy if yy <= 36 else 1900 + yy
    return 2000 + yy if yy <= 57 else 1800 + yy


def passes_mod11(digits: str) -> bool:
    return sum(int(d) * w for d, w in zip(digits, MOD11_WEIGHTS, strict=True)) % 11 == 0


def normalize_cpr(text: str) -> str:
    """Ten digits without the hyphen; raises CprError on anything else."""
    if not text or not text.strip():
        raise CprError(CprProblem.EMPTY)
    match = _CPR_SHAPE.match(text)
    if match is None:
        raise CprError(CprProblem.FORMAT)
    return match.group(1) + match.group(2)


def parse_cpr(text: str) -> Cpr:
    digits = normalize_cpr(text)
    day, month, yy, digit7 = int(digits[0:2]), int(digits[2:4]), int(digits[4:6]), int(digits[6])
    try:
        born = date(century_year(yy, digit7), month, day)
    except ValueError:
        raise CprError(CprProblem.DATE) from None
    return Cpr(digits, born, int(digits[9]) % 2 == 0, passes_mod11(digits))


def mask_cpr(digits_or_prefix: str | None) -> str:
    """DDMMYY-XXXX; accepts the full number or just its first six digits."""
    if not digits_or_prefix:
        return ""
    return f"{digits_or_prefix[:6]}-XXXX"


def digit7_choices(year: int) -> tuple[int, ...]:
    """Which 7th digits give this birth year (the inverse of century_year)."""
    yy = year % 100
    return tuple(d for d in range(10) if century_year(yy, d) == year)


def fictional_cpr(born: date, female: bool, rng: random.Random) -> str:
    """A CPR-shaped number whose date and century digit match ``born``; for demo data."""
    choices = digit7_choices(born.year)
    if not choices:
        raise ValueError(f"no CPR century digit for year {born.year}")
    prefix = born.strftime("%d%m%y")
    weighted = sum(int(d) * w for d, w in zip(prefix, MOD11_WEIGHTS, strict=False))
    for _ in range(200):
        serial = (rng.choice(choices), rng.randrange(10), rng.randrange(10))
        # The last digit's weight is 1: the one last digit that makes the sum divisible by 11.
        last = -(weighted + sum(d * w for d, w in zip(serial, MOD11_WEIGHTS[6:9], strict=True))) % 11
        if last < 10 and (last % 2 == 0) == female:
            return f"{prefix}{serial[0]}{serial[1]}{serial[2]}{last}"
    # No modulus-11 number in this draw: such numbers exist since 2007 and are valid.
    last = rng.choice([0, 2, 4, 6, 8] if female else [1, 3, 5, 7, 9])
    return prefix + str(rng.choice(choices)) + f"{rng.randrange(100):02d}" + str(last)


# -- a deliberate, logged reveal -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CprHolder:
    """A person of a case as the reveal action offers them: name and masked number only."""

    citizen_id: int
    name: str
    masked: str


def format_cpr(digits: str) -> str:
    """DDMMYY-SSSS (the full number: only for a deliberate reveal, never for a log or title)."""
    return f"{digits[:6]}-{digits[6:]}"


def cpr_holders(session: Any, case_id: int) -> list[CprHolder]:
    """The people of a case (family members in order, or the single citizen) with a CPR number."""
    from sqlalchemy import select

    from app.models import Case, Citizen, FamilyMember

    case = session.get(Case, case_id)
    if case is None:
        return []
    if case.family_id is not None:
        rows = session.execute(
            select(Citizen.id, Citizen.first_name, Citizen.last_name, Citizen.cpr)
            .join(FamilyMember, FamilyMember.citizen_id == Citizen.id)
            .where(FamilyMember.family_id == case.family_id)
            .order_by(FamilyMember.position)
        ).all()
    else:
        rows = session.execute(
            select(Citizen.id, Citizen.first_name, Citizen.last_name, Citizen.cpr).where(
                Citizen.id == case.citizen_id
            )
        ).all()
    return [CprHolder(cid, f"{first} {last}".strip(), mask_cpr(cpr)) for cid, first, last, cpr in rows if cpr]


def reveal_cpr(session: Any, citizen_id: int, *, case_id: int | None = None, purpose: str = "") -> str:
    """The full CPR number (DDMMYY-SSSS), recorded in the audit log as a CPR reveal.

    The number goes only to the caller (the small dialog that shows it); the log entry holds
    the citizen's id, never the number. Raises LookupError when there is no number to show.
    """
    from app.models import Citizen
    from app.services.common import audit

    citizen = session.get(Citizen, citizen_id)
    if citizen is None or not citizen.cpr:
        raise LookupError("no CPR number is registered for this person")
    audit.record(
        session,
        audit.CPR_REVEAL,
        object_type="citizen",
        object_id=citizen_id,
        citizen_id=citizen_id,
        case_id=case_id,
        purpose=purpose,
    )
    return format_cpr(citizen.cpr)
