"""A meeting's papers from the calendar: the invitation (an e-mail .eml that opens as a meeting
request, or a calendar file .ics), the agenda, the agreement slip and the minutes (PDF). What they need is read on the store lane, a PDF is built on the PDF
lane, and the file is written in the same transaction as its audit entries (to whom without
consent and why, what was exported) on the store lane again: a file not written logs nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from sqlalchemy.exc import SQLAlchemyError

from app.models.enums import MeetingStatus
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.validation import ValidationError
from app.services.meetings.ics import Organizer
from app.services.meetings.meetings import MeetingInfo
from app.services.meetings.papers import Override, PaperInputs, log_export, log_override, read_paper_inputs
from app.ui.common.background import StoreLanes
from app.ui.privacy.share_override_dialog import ShareOverrideDialog

log = logging.getLogger(__name__)


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
                return read_paper_inputs(session, meeting_id, what, today, user_id)

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
                log_override(session, meeting, what, override)
                write()
                log_export(session, meeting, kind, **details)

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
    def export_pdf(self, meeting_id: int, what: str, fmt: str = "pdf") -> None:
        """Save the agenda, agreement slip or minutes as PDF or (``fmt`` "docx") as an editable
        Word file on the municipality's letter template: the same content either way."""
        if fmt == "docx":
            from app.docx import meeting_docx  # noqa: F401  (the build job needs it)
        else:
            from app.pdf import meeting_pdf  # noqa: F401  (the PDF job needs it)

        self._read(meeting_id, what, lambda inputs: self._pdf_read(inputs, what, fmt))

    def _pdf_read(self, inputs: PaperInputs, what: str, fmt: str = "pdf") -> None:
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
        path = self._ask_path(what, fmt)
        if not path:
            self._end()
            return

        def build() -> Any:
            if fmt == "docx":
                from app.docx.meeting_docx import build_paper_docx

                return build_paper_docx(what, inputs, today=today)
            from app.pdf import meeting_pdf

            if what == "agenda":
                return meeting_pdf.build_agenda(
                    doc, meeting, inputs.due, consent_missing=inputs.missing, today=today
                )
            if what == "slip":
                following = inputs.later[0] if inputs.later else None
                return meeting_pdf.build_agreement_slip(doc, meeting, following, today=today)
            return meeting_pdf.build_minutes(doc, meeting, today=today, approved_version=inputs.approved)

        def built(data: Any) -> None:
            from app.docx.word import write_docx
            from app.pdf.meeting_pdf import write_meeting_pdf

            write = write_docx if fmt == "docx" else write_meeting_pdf
            self._write_logged(meeting, what, override, f"{what}.{fmt}", lambda: write(data, path))

        self._lanes.pdf.submit(build, built, self._write_failed, owner=self._view)

    def _ask_path(self, what: str, fmt: str) -> str:
        """Where to save: a neutral proposed name (never the family's name or a CPR number)."""
        if fmt == "docx":
            names = {
                "agenda": QCoreApplication.translate("CalendarPage", "agenda.docx"),
                "slip": QCoreApplication.translate("CalendarPage", "agreements.docx"),
                "minutes": QCoreApplication.translate("CalendarPage", "minutes.docx"),
            }
            title = QCoreApplication.translate("CalendarPage", "Save as Word")
            kind, ending = QCoreApplication.translate("CalendarPage", "Word document (*.docx)"), ".docx"
        else:
            names = {
                "agenda": QCoreApplication.translate("CalendarPage", "agenda.pdf"),
                "slip": QCoreApplication.translate("CalendarPage", "agreements.pdf"),
                "minutes": QCoreApplication.translate("CalendarPage", "minutes.pdf"),
            }
            title, kind, ending = (
                QCoreApplication.translate("CalendarPage", "Save as PDF"),
                "PDF (*.pdf)",
                ".pdf",
            )
        path, _ = QFileDialog.getSaveFileName(self._view, title, names[what], kind)
        if path and not path.lower().endswith(ending):
            path += ending
        return path
