"""A meeting's papers from the calendar: the invitation (an e-mail .eml that opens as a meeting
request, or a calendar file .ics), the agenda, the agreement slip and the minutes (PDF). What they need is read on the store lane, a PDF is built on the PDF
lane, and the file is written in the same transaction as its audit entries (to whom without
consent and why, what was exported) on the store lane again: a file not written logs nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.models.enums import MeetingStatus
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.validation import ValidationError
from app.services.meetings.ics import Organizer
from app.services.meetings.meetings import MeetingInfo, approved_plan_number, meeting_info, meetings_between
from app.ui.common.background import StoreLanes
from app.ui.privacy.share_override_dialog import ShareOverrideDialog

log = logging.getLogger(__name__)

Override = tuple[str, list[str]]  # the reason given, and the participants not covered


@dataclass
class PaperInputs:
    """What a paper needs, read in one job: the meeting as stored now and, for PDFs, the plan."""

    meeting: MeetingInfo
    uncovered: list[str] = field(default_factory=list)  # participants without consent cover
    doc: Any = None  # the plan document
    approved: int | None = None
    later: list[MeetingInfo] = field(default_factory=list)
    due: list[tuple[date, str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # members without consent in force
    organizer: Organizer | None = None  # the invitation's sender: the signed-in caseworker
    family: tuple[str, ...] = ()  # the names a few-details invitation leaves out


def _log_override(session: Session, meeting: MeetingInfo, what: str, override: Override) -> None:
    """Sharing without cover in the audit log: to whom, what and the reason given."""
    from app.services.common import audit

    reason, keys = override
    if keys:
        audit.record(
            session,
            audit.SHARE_OVERRIDE,
            object_type="meeting",
            object_id=meeting.id,
            case_id=meeting.case_id,
            details={"what": what, "recipients": keys},
            purpose=reason,
        )


def _log_export(session: Session, meeting: MeetingInfo, kind: str, **more: Any) -> None:
    """The exported file in the audit log: what kind, never its path (it may hold names)."""
    from app.services.common import audit

    audit.record(
        session,
        audit.EXPORT,
        object_type="meeting",
        object_id=meeting.id,
        case_id=meeting.case_id,
        details={"kind": kind, **more},
    )


def _read_inputs(session: Session, meeting_id: int, what: str, today: date, user_id: int = 0) -> PaperInputs:
    """The inputs of a paper (``what``: "invitation", "agenda", "slip" or "minutes")."""
    from app.services.plan.recipient_copy import participants_without_cover

    meeting = meeting_info(session, meeting_id)
    inputs = PaperInputs(meeting)
    if what in ("invitation", "agenda"):
        inputs.uncovered = participants_without_cover(
            session, meeting.case_id, meeting.participant_keys, today
        )
    if what == "invitation":
        from app.services.meetings.invitation import family_names, organizer_for

        inputs.organizer = organizer_for(session, user_id)
        inputs.family = family_names(session, meeting.case_id)
        return inputs
    from app.services.plan.plan_document import load_plan_document

    inputs.doc = load_plan_document(session, meeting.case_id)
    inputs.approved = approved_plan_number(session, meeting.id)
    inputs.later = [
        m
        for m in meetings_between(
            session, meeting.ends_at, meeting.ends_at + timedelta(days=365), case_id=meeting.case_id
        )
        if m.status == MeetingStatus.PLANNED
    ]
    if what == "agenda":
        from app.services.cases.deadlines import deadlines_for_case, upcoming
        from app.services.family.family_overview import load_family_overview

        inputs.due = [
            (d.due, d.title, d.law_reference)
            for d in upcoming(deadlines_for_case(session, meeting.case_id, today), today, 60)
        ]
        overview = load_family_overview(session, meeting.case_id)
        inputs.missing = [
            m.name
            for m in overview.members
            if not any(c.in_force_on(today) for c in overview.consents_of(m.citizen_id))
        ]
    return inputs


class MeetingPapers(QObject):
    """Exports a meeting's papers for the calendar page (``view``: where messages show; the
    texts are the calendar page's)."""

    finished = Signal()  # an export ended: written, declined or failed
    gone = Signal()  # the meeting no longer exists

    def __init__(self, context: AppContext, lanes: StoreLanes, view: QWidget) -> None:
        super().__init__(view)
        self._context = context
        self._lanes = lanes
        self._view = view
        self.busy = False

    # -- reading -----------------------------------------------------------------------
    def _read(self, meeting_id: int, what: str, then: Callable[[PaperInputs], None]) -> None:
        """Read the paper's inputs on the store lane, then go on with ``then`` (GUI thread)."""
        # Imported here, on the GUI thread, before the job needs them.
        from app.services.cases import deadlines  # noqa: F401
        from app.services.common import audit  # noqa: F401
        from app.services.family import family_overview  # noqa: F401
        from app.services.meetings import invitation  # noqa: F401
        from app.services.plan import plan_document, recipient_copy  # noqa: F401

        sessions, today, user_id = self._context.sessions, local_today(), self._context.user.id
        self.busy = True

        def job() -> PaperInputs:
            with sessions() as session:
                return _read_inputs(session, meeting_id, what, today, user_id)

        self._lanes.store.submit(job, then, self._read_failed, owner=self._view)

    def _read_failed(self, exc: Exception) -> None:
        view = self._view
        if isinstance(exc, ValidationError):
            QMessageBox.information(
                view,
                QCoreApplication.translate("CalendarPage", "Meeting gone"),
                QCoreApplication.translate("CalendarPage", "The meeting no longer exists."),
            )
            self.gone.emit()
        elif isinstance(exc, SQLAlchemyError):
            log.warning("Reading a meeting's paper failed: %s", type(exc).__name__)
            QMessageBox.warning(
                view,
                QCoreApplication.translate("CalendarPage", "Database problem"),
                QCoreApplication.translate("CalendarPage", "The database did not answer. Try again."),
            )
        else:
            self._end()
            raise exc
        self._end()

    def _end(self) -> None:
        self.busy = False
        self.finished.emit()

    def _sharing_reason(self, inputs: PaperInputs, what: str) -> Override | None:
        """Professionals invited without consent to share the plan about every member: warn,
        naming them, and ask why it is sent anyway. The reason and their keys (("", []) when
        all are covered); None: do not send."""
        keys = inputs.uncovered
        if not keys:
            return "", []
        names = [p.name for p in inputs.meeting.participants if p.key in keys]
        reason = ShareOverrideDialog.ask(names, what, self._view)
        return None if reason is None else (reason, keys)

    # -- writing -----------------------------------------------------------------------
    def _write_logged(
        self,
        meeting: MeetingInfo,
        what: str,
        override: Override,
        kind: str,
        write: Callable[[], None],
        then: Callable[[], None] | None = None,
        **details: Any,
    ) -> None:
        """Write the file with its audit entries in one transaction, on the store lane."""
        sessions = self._context.sessions

        def job() -> None:
            with sessions.begin() as session:
                _log_override(session, meeting, what, override)
                write()
                _log_export(session, meeting, kind, **details)

        def done(_none: None) -> None:
            if then is not None:
                then()
            self._end()

        self._lanes.store.submit(job, done, self._write_failed, owner=self._view)

    def _write_failed(self, exc: Exception) -> None:
        view = self._view
        self._end()
        if isinstance(exc, SQLAlchemyError):
            log.warning("Writing the audit entry for sending a meeting paper failed")
            QMessageBox.warning(
                view,
                QCoreApplication.translate("CalendarPage", "Database problem"),
                QCoreApplication.translate(
                    "CalendarPage", "The database did not answer, so nothing was saved. Try again."
                ),
            )
        elif isinstance(exc, OSError):
            QMessageBox.warning(
                view,
                QCoreApplication.translate("CalendarPage", "Not saved"),
                QCoreApplication.translate("CalendarPage", "The file could not be saved there: %1").replace(
                    "%1", exc.strerror or ""
                ),
            )
        else:
            raise exc

    # -- the invitation ------------------------------------------------------------------
    def export_invitation(self, meeting_id: int) -> None:
        from app.services.meetings import ics, imip  # noqa: F401  (the write job needs them)

        self._read(meeting_id, "invitation", self._invitation_read)

    def _invitation_read(self, inputs: PaperInputs) -> None:
        from app.services.meetings.ics import meeting_ics, write_ics
        from app.services.meetings.imip import invitation_email, write_email
        from app.ui.calendar.invitation_dialog import InvitationDialog

        view, meeting = self._view, inputs.meeting
        organizer = inputs.organizer or Organizer(self._context.user.full_name, "")
        choice = InvitationDialog.ask(self._context, self._lanes, meeting, organizer, inputs.family, view)
        if choice is None:
            self._end()
            return
        without = [p.name for p in meeting.participants if not p.email and p.role != "coordinator"]
        override = self._sharing_reason(inputs, QCoreApplication.translate("CalendarPage", "invitation"))
        if override is None:
            self._end()
            return
        cancelled = meeting.status == MeetingStatus.CANCELLED
        suffix = ".eml" if choice.as_email else ".ics"
        titles = {
            True: QCoreApplication.translate("CalendarPage", "Save the invitation as an e-mail"),
            False: QCoreApplication.translate("CalendarPage", "Save the invitation"),
        }
        proposed = {
            True: QCoreApplication.translate("CalendarPage", "invitation.eml"),
            False: QCoreApplication.translate("CalendarPage", "invitation.ics"),
        }
        filters = {
            True: QCoreApplication.translate("CalendarPage", "E-mail (*.eml)"),
            False: "iCalendar (*.ics)",
        }
        as_email = choice.as_email
        path, _ = QFileDialog.getSaveFileName(view, titles[as_email], proposed[as_email], filters[as_email])
        if not path:
            self._end()
            return
        if not path.lower().endswith(suffix):
            path += suffix
        kind = ("cancellation" if cancelled else "invitation") + suffix
        options = choice.options

        def write() -> None:
            if choice.as_email:
                write_email(invitation_email(meeting, options=options), path)
            else:
                write_ics(meeting_ics(meeting, options=options), path)

        def told() -> None:
            named = without and not options.few_details
            if not (choice.as_email or named):
                return
            if choice.as_email:
                text = QCoreApplication.translate(
                    "CalendarPage", "Open the file in Outlook or Thunderbird, check it and send it."
                )
            else:
                text = QCoreApplication.translate(
                    "CalendarPage", "Open the file in Outlook or Thunderbird to send it."
                )
            if named:
                missing = QCoreApplication.translate("CalendarPage", "No e-mail address for: %1.")
                text += " " + missing.replace("%1", ", ".join(without))
            QMessageBox.information(
                view, QCoreApplication.translate("CalendarPage", "Invitation saved"), text
            )

        self._write_logged(
            meeting, "invitation", override, kind, write, told, few_details=options.few_details
        )

    # -- agenda, agreement slip, minutes ----------------------------------------------------
    def export_pdf(self, meeting_id: int, what: str) -> None:
        from app.pdf import meeting_pdf  # noqa: F401  (the PDF job needs it)

        self._read(meeting_id, what, lambda inputs: self._pdf_read(inputs, what))

    def _pdf_read(self, inputs: PaperInputs, what: str) -> None:
        from app.pdf import meeting_pdf

        view, meeting, doc, today = self._view, inputs.meeting, inputs.doc, local_today()
        if doc.plan is None and what != "agenda":
            QMessageBox.information(
                view,
                QCoreApplication.translate("CalendarPage", "No plan yet"),
                QCoreApplication.translate("CalendarPage", "The case has no plan yet."),
            )
            self._end()
            return
        override = (
            self._sharing_reason(inputs, QCoreApplication.translate("CalendarPage", "agenda"))
            if what == "agenda"
            else ("", [])
        )
        if override is None:
            self._end()
            return
        names = {
            "agenda": QCoreApplication.translate("CalendarPage", "agenda.pdf"),
            "slip": QCoreApplication.translate("CalendarPage", "agreements.pdf"),
            "minutes": QCoreApplication.translate("CalendarPage", "minutes.pdf"),
        }
        path, _ = QFileDialog.getSaveFileName(
            view, QCoreApplication.translate("CalendarPage", "Save as PDF"), names[what], "PDF (*.pdf)"
        )
        if not path:
            self._end()
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"

        def build() -> Any:
            if what == "agenda":
                return meeting_pdf.build_agenda(
                    doc, meeting, inputs.due, consent_missing=inputs.missing, today=today
                )
            if what == "slip":
                following = inputs.later[0] if inputs.later else None
                return meeting_pdf.build_agreement_slip(doc, meeting, following, today=today)
            return meeting_pdf.build_minutes(doc, meeting, today=today, approved_version=inputs.approved)

        def built(pdf: Any) -> None:
            self._write_logged(
                meeting, what, override, f"{what}.pdf", lambda: meeting_pdf.write_meeting_pdf(pdf, path)
            )

        self._lanes.pdf.submit(build, built, self._write_failed, owner=self._view)
