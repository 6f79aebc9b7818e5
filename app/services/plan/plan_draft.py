"""What the plan editor holds: the draft's content as plain data (sections, goals,
agreements, offer comments), the limits of its texts and the errors of a clashing save.

Plain data with no store access, shared by saving (plans), merging (plan_merge), the local
draft (local_drafts) and the UI.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from app.models.enums import AgreementStatus, GoalLevel, GoalStatus, ResponsibleKind
from app.services.common.editing import ConcurrentEditError
from app.services.plan.plan_document import PlanDocument, PlanVersionView, member_set
from app.services.privacy.consent_rules import YouthVoice, load_consent_rules

if TYPE_CHECKING:  # plan_merge works on these drafts: imported for the annotations only
    from app.services.plan.plan_merge import MergeResult, SavedBy

TEXT_MAX = 20000  # a plan section or a member's part (LONG_TEXT columns)
SHORT_TEXT_MAX = 2000  # a goal, an agreement, an offer comment


@dataclass(frozen=True, slots=True)
class ConsentRule:
    """Who must have consented before a plan is approved (DOMAIN.md §2.2), from the consent
    rules file (``resources/consent_rules.toml``): the youth's own consent counts from
    ``youth_age`` (Barnets lov § 110, stk. 3: 16); with ``youth_voice`` switched on (a
    proposal, off by default) a young person from its age may say yes alone."""

    youth_age: int = 16
    # Joint custody: important decisions need both parents (forældreansvarsloven § 3), so
    # every custody holder among the members must have consented (by id or by their name).
    every_custody_holder: bool = True
    youth_voice: YouthVoice = field(default_factory=YouthVoice)


DEFAULT_CONSENT_RULE = ConsentRule()  # the file's values, for tests that name a rule


def consent_rule() -> ConsentRule:
    """The rule as the consent rules file (the municipality's, else the program's) says."""
    rules = load_consent_rules()
    return ConsentRule(rules.ages.plan_age, rules.every_custody_holder, rules.youth_voice)


class PlanProblem:
    """Field names of the plan's approval problems (beside cases.Problem codes)."""

    GOALS = "goals"
    CONSENT = "consent"  # field "consent.<citizen id>"
    AGREEMENT = "agreements"  # field "agreements.<index>"


@dataclass(frozen=True, slots=True)
class GoalInput:
    goal_key: str
    parent_key: str | None
    level: GoalLevel
    text: str
    member_ids: tuple[int, ...] = ()  # the members it concerns; none: the whole family
    target_date: date | None = None
    status: GoalStatus = GoalStatus.OPEN

    def __post_init__(self) -> None:
        # a set, kept in one order: two drafts naming the same members are equal
        object.__setattr__(self, "member_ids", member_set(self.member_ids))


@dataclass(frozen=True, slots=True)
class AgreementInput:
    what: str
    responsible_kind: ResponsibleKind | None = None
    responsible_id: int | None = None
    due_date: date | None = None
    status: AgreementStatus = AgreementStatus.OPEN
    # Stable across saves and versions; "" for a new agreement (a key is made when stored).
    agreement_key: str = ""


@dataclass(slots=True)
class PlanDraft:
    """Everything the editor holds; saving replaces the draft's content with it."""

    sections: dict[str, str] = field(default_factory=dict)
    member_sections: dict[int, str] = field(default_factory=dict)
    goals: list[GoalInput] = field(default_factory=list)
    agreements: list[AgreementInput] = field(default_factory=list)
    offer_comments: dict[tuple[int, str], str] = field(default_factory=dict)

    @classmethod
    def from_view(cls, view: PlanVersionView) -> PlanDraft:
        return cls(
            sections=dict(view.sections),
            member_sections=dict(view.member_sections),
            goals=[
                GoalInput(g.goal_key, g.parent_key, g.level, g.text, g.member_ids, g.target_date, g.status)
                for g in view.goals
            ],
            agreements=[
                AgreementInput(
                    a.what, a.responsible_kind, a.responsible_id, a.due_date, a.status, a.agreement_key
                )
                for a in view.agreements
            ],
            offer_comments={(c, k): text for c, k, text in view.offer_comments},
        )


def new_goal_key() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class PlanSeen:
    """The plan as a caller read it before changing it (what the minutes dialog showed): the
    version row, its row version and its content — the base of a three-way merge when the
    stored draft moved on meanwhile."""

    plan_version_id: int
    row_version: int
    draft: PlanDraft


class PlanConflictError(ConcurrentEditError):
    """A change made on top of an older read of the plan clashes with what someone else saved
    meanwhile (e.g. minutes close an agreement that was removed): nothing was stored, and
    the user must look at the plan as it is now. ``labels``: the items in question."""

    def __init__(self, plan_version_id: int, labels: tuple[str, ...] = ()) -> None:
        super().__init__(f"plan_versions {plan_version_id}")
        self.labels = labels


# -- the editor's save ------------------------------------------------------------------------


class SaveResult(StrEnum):
    """How the editor's save ended (plans.save_edits)."""

    SAVED = "saved"  # stored; combined with someone else's changes when ``combined_with`` names them
    UP_TO_DATE = "up_to_date"  # someone else had saved all of it already: nothing to store
    CONFLICT = "conflict"  # both changed the same part: nothing stored, the user chooses
    APPROVED = "approved"  # the draft was approved meanwhile: nothing stored
    REMOVED = "removed"  # the draft was removed or replaced meanwhile: nothing stored
    CLOSED = "closed"  # the case was closed or deleted: nothing stored, nothing more will be


@dataclass(frozen=True, slots=True)
class PlanEdits:
    """What the editor asks to store: its content (``mine``), the content it was made on
    (``base``, what it last loaded or saved) and the stamp of the draft it read — the draft
    and its row version, or (``draft_id`` None) the newest version ``based_on`` that a new
    draft starts from. ``carry_over``: the draft went away (approved or removed) and the user
    chose to continue the edits in a new draft."""

    case_id: int
    base: PlanDraft
    mine: PlanDraft
    draft_id: int | None
    row_version: int | None
    based_on: int | None
    carry_over: bool = False


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """The end of a save. ``draft_id``/``row_version``: the stamp the editor holds from now
    on (after a conflict: the stored draft the user's choice is saved into); ``stored``: the
    content stored now (the base of the next merge); ``document``, ``names``, ``by``: the plan
    as re-read, when it was (a merge, a new draft), and who saved it last."""

    result: SaveResult
    draft_id: int | None = None
    row_version: int | None = None
    stored: PlanDraft | None = None
    combined_with: str = ""
    by: SavedBy | None = None
    merged: MergeResult | None = None  # CONFLICT: what combined and what must be chosen
    document: PlanDocument | None = None
    names: dict[tuple[ResponsibleKind, int], str] | None = None
