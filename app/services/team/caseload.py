"""The weighted caseload: a family counts more than a single citizen. The weights and the
team's limit are the store's settings (``store_settings``; on a shared server IT's, the same
for everyone), not each user's. Qt-free."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Case, StoreSetting
from app.models.enums import CaseStatus

LIMIT_KEY = "caseload_limit"
FAMILY_WEIGHT_KEY = "caseload_family_weight"
CITIZEN_WEIGHT_KEY = "caseload_citizen_weight"

DEFAULT_LIMIT = Decimal(30)  # seed 003: about 30 cases per coordinator
DEFAULT_FAMILY_WEIGHT = Decimal("1.5")
DEFAULT_CITIZEN_WEIGHT = Decimal(1)

MAX_LIMIT = Decimal(1000)
MAX_WEIGHT = Decimal(10)

# Cases that take a coordinator's time: a candidate is not yet anyone's work, a closed one no more.
COUNTED = (CaseStatus.ACTIVE, CaseStatus.PAUSED)


@dataclass(frozen=True, slots=True)
class CaseloadSettings:
    limit: Decimal = DEFAULT_LIMIT
    family_weight: Decimal = DEFAULT_FAMILY_WEIGHT
    citizen_weight: Decimal = DEFAULT_CITIZEN_WEIGHT

    def weight(self, is_family: bool) -> Decimal:
        return self.family_weight if is_family else self.citizen_weight


def _number(text: str | None, default: Decimal, highest: Decimal, lowest: Decimal = Decimal(0)) -> Decimal:
    """A stored setting as a number; anything unreadable or out of range is the default."""
    if text is None:
        return default
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return default
    if not value.is_finite() or not lowest < value <= highest:
        return default
    return value


def caseload_settings(session: Session) -> CaseloadSettings:
    stored = dict(
        session.execute(
            select(StoreSetting.key, StoreSetting.value).where(
                StoreSetting.key.in_((LIMIT_KEY, FAMILY_WEIGHT_KEY, CITIZEN_WEIGHT_KEY))
            )
        ).all()
    )
    return CaseloadSettings(
        limit=_number(stored.get(LIMIT_KEY), DEFAULT_LIMIT, MAX_LIMIT),
        family_weight=_number(stored.get(FAMILY_WEIGHT_KEY), DEFAULT_FAMILY_WEIGHT, MAX_WEIGHT),
        citizen_weight=_number(stored.get(CITIZEN_WEIGHT_KEY), DEFAULT_CITIZEN_WEIGHT, MAX_WEIGHT),
    )


class CaseloadSettingsError(ValueError):
    """Settings that cannot be stored, with a plain reason."""


def set_caseload_settings(
    session: Session,
    limit: Decimal | None = None,
    family_weight: Decimal | None = None,
    citizen_weight: Decimal | None = None,
) -> CaseloadSettings:
    """Change the team's caseload limit and weights (logged with before and after). On a shared
    server only IT (the store's owner) may: a caseworker's login is refused there."""
    from app.services.common import audit

    before = caseload_settings(session)
    wanted = {LIMIT_KEY: (limit, MAX_LIMIT), FAMILY_WEIGHT_KEY: (family_weight, MAX_WEIGHT)}
    wanted[CITIZEN_WEIGHT_KEY] = (citizen_weight, MAX_WEIGHT)
    for key, (value, highest) in wanted.items():
        if value is None:
            continue
        if not value.is_finite() or not Decimal(0) < value <= highest:
            raise CaseloadSettingsError(f"{key} must be above 0 and at most {highest}")
        row = session.get(StoreSetting, key)
        if row is None:
            session.add(StoreSetting(key=key, value=str(value)))
        else:
            row.value = str(value)
    session.flush()
    after = caseload_settings(session)
    audit.record(
        session,
        audit.CHANGE,
        object_type="store_setting",
        details={
            LIMIT_KEY: [str(before.limit), str(after.limit)],
            FAMILY_WEIGHT_KEY: [str(before.family_weight), str(after.family_weight)],
            CITIZEN_WEIGHT_KEY: [str(before.citizen_weight), str(after.citizen_weight)],
        },
    )
    return after


def caseloads(session: Session, settings: CaseloadSettings | None = None) -> dict[int, Decimal]:
    """The weighted caseload of every coordinator with a counted case (within reach)."""
    settings = settings or caseload_settings(session)
    rows = session.execute(
        select(Case.coordinator_id, Case.family_id.is_not(None), func.count())
        .where(Case.status.in_(COUNTED))
        .group_by(Case.coordinator_id, Case.family_id.is_not(None))
    )
    loads: dict[int, Decimal] = defaultdict(Decimal)
    for coordinator, is_family, count in rows:
        loads[coordinator] += settings.weight(bool(is_family)) * count
    return dict(loads)


def caseload_of(session: Session, user_id: int, settings: CaseloadSettings | None = None) -> Decimal:
    settings = settings or caseload_settings(session)
    rows = session.execute(
        select(Case.family_id.is_not(None), func.count())
        .where(Case.status.in_(COUNTED), Case.coordinator_id == user_id)
        .group_by(Case.family_id.is_not(None))
    )
    return sum((settings.weight(bool(is_family)) * count for is_family, count in rows), Decimal(0))


@dataclass(frozen=True, slots=True)
class CaseloadCheck:
    """A coordinator's caseload before and after taking one more case, against the limit."""

    user_id: int
    before: Decimal
    after: Decimal
    limit: Decimal

    @property
    def above_limit(self) -> bool:
        return self.after > self.limit


def assignment_check(session: Session, user_id: int, is_family: bool) -> CaseloadCheck:
    """What giving ``user_id`` one more case (a family's or a citizen's) does to their load."""
    settings = caseload_settings(session)
    before = caseload_of(session, user_id, settings)
    return CaseloadCheck(user_id, before, before + settings.weight(is_family), settings.limit)


ABOVE_LIMIT = "caseload_above_limit"  # the audit action: an assignment above the limit, and why


def record_above_limit(session: Session, check: CaseloadCheck, case_id: int | None, reason: str) -> None:
    """Log an assignment above the limit with the reason given (required)."""
    from app.services.common import audit

    audit.record(
        session,
        ABOVE_LIMIT,
        object_type="case",
        object_id=case_id,
        case_id=case_id,
        details={
            "user_id": check.user_id,
            "before": str(check.before),
            "after": str(check.after),
            "limit": str(check.limit),
            "reason": reason.strip(),
        },
    )


def format_load(value: Decimal) -> str:
    """A caseload as the team reads it: 12, 12.5 (no trailing zeros)."""
    text = f"{value.normalize():f}"
    return text
