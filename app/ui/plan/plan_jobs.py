"""The plan editor's reads, as jobs for the store lane (plain data back, no widget touched).

Every service a job calls is imported here, at the top, on the GUI thread (see StoreWorker).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from app.models.enums import MeetingKind, MeetingStatus, ResponsibleKind
from app.services.common import audit
from app.services.common.clock import local_today
from app.services.meetings.meetings import case_meetings
from app.services.plan.local_drafts import LocalDraft, LocalDrafts, has_unsaved_work
from app.services.plan.plan_document import (
    PlanDocument,
    PlanVersionView,
    load_plan_document,
    responsible_names,
)
from app.services.plan.plan_draft import PlanDraft
from app.services.plan.plan_merge import SavedBy, last_saved_by

Names = dict[tuple[ResponsibleKind, int], str]


@dataclass(frozen=True, slots=True)
class PlanRead:
    """The case's plan as stored, who can be responsible, who saved it last, and (when
    opening) a leftover local draft with edits the store lacks."""

    doc: PlanDocument
    names: Names
    by: SavedBy
    local: LocalDraft | None = None


def read_plan_job(
    sessions: sessionmaker[Session], case_id: int, drafts: LocalDrafts | None = None
) -> Callable[[], PlanRead]:
    """Read the plan. With ``drafts`` the plan is being opened: the look is audited and a
    leftover local draft is looked for (a re-read after a change is no new look)."""

    def job() -> PlanRead:
        with sessions() as session:
            doc = load_plan_document(session, case_id)
            if drafts is not None:
                plan_id = doc.plan.id if doc.plan is not None else None
                audit.record_now(
                    session, audit.OPEN_CASE, object_type="plan", object_id=plan_id, case_id=case_id
                )
            names = responsible_names(session, case_id, doc.members)
            by = last_saved_by(session, doc.plan.id) if doc.plan is not None else SavedBy("", None)
        local = drafts.read(case_id) if drafts is not None else None
        if local is not None and drafts is not None:
            stored = PlanDraft.from_view(doc.plan) if doc.plan is not None else None
            if not has_unsaved_work(local, stored):
                drafts.remove(case_id)  # the store has all of it
                local = None
        return PlanRead(doc, names, by, local)

    return job


def document_job(sessions: sessionmaker[Session], case_id: int) -> Callable[[], PlanDocument]:
    def job() -> PlanDocument:
        with sessions() as session:
            return load_plan_document(session, case_id)

    return job


def versions_job(
    sessions: sessionmaker[Session], case_id: int
) -> Callable[[], tuple[PlanDocument, dict[int, PlanVersionView]]]:
    """The plan with every version's content (for the versions dialog's comparisons)."""

    def job() -> tuple[PlanDocument, dict[int, PlanVersionView]]:
        with sessions() as session:
            doc = load_plan_document(session, case_id)
            versions = {}
            for summary in doc.history:
                plan = load_plan_document(session, case_id, summary.id).plan
                if plan is not None:
                    versions[summary.id] = plan
        return doc, versions

    return job


def meetings_job(
    sessions: sessionmaker[Session], case_id: int
) -> Callable[[], list[tuple[int, MeetingKind, datetime]]]:
    """The case's meetings that have begun, newest first (to approve the plan at)."""
    today = local_today()

    def job() -> list[tuple[int, MeetingKind, datetime]]:
        with sessions() as session:
            meetings = case_meetings(session, case_id)
        begun = [m for m in meetings if m.starts_at.date() <= today and m.status != MeetingStatus.CANCELLED]
        return [(m.id, m.kind, m.starts_at) for m in reversed(begun[-12:])]

    return job
