"""Consent drives output in the program: the print dialog makes the school's copy of Lise's
plan (and logs the export with the recipient); an invitation or agenda to a professional
without cover warns with their name and asks for a reason, which is logged; Cancel writes
nothing."""

from __future__ import annotations

import io
import json
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QFileDialog
from sqlalchemy import select

from app.models import AuditEvent, Consent, Professional
from app.services.common import audit
from app.services.common.clock import LOCAL_TZ, local_today
from app.services.common.context import AppContext
from app.services.meetings.meetings import MeetingInput, ParticipantInput, create_meeting, meeting_info
from app.services.privacy.sharing import encode_info_types, encode_parties
from app.ui.calendar.calendar_page import CalendarPage
from app.ui.common.background import StoreLanes, StoreWorker
from app.ui.plan.plan_preview import PrintPlanDialog
from app.ui.privacy.share_override_dialog import ShareOverrideDialog
from tests.lise_consents import SCHOOL, SECTION_TEXT, LiseCase, prepare_lise
from tests.ui.invitation_helpers import answer_invitation
from tests.ui.lane_helpers import wait_for


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def audit_rows(context: AppContext, action: str) -> list[AuditEvent]:
    with context.sessions() as s:
        rows = list(s.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))
        s.expunge_all()
        return rows


@pytest.fixture
def lise(demo_context: AppContext) -> LiseCase:
    with demo_context.sessions.begin() as s:
        return prepare_lise(s, local_today())


# -- the print dialog --------------------------------------------------------------------------


def test_print_dialog_makes_the_schools_copy_and_logs_the_export(  # type: ignore[no-untyped-def]
    qtbot, demo_context: AppContext, lise: LiseCase, monkeypatch, tmp_path: Path
) -> None:
    worker = StoreWorker()
    dialog = PrintPlanDialog(demo_context, lise.case_id, worker)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.printed is not None, timeout=10_000)
    assert dialog.copy_for.currentIndex() == 0 and dialog.recipient is None  # the family by default
    family = pdf_text(dialog.printed.pdf)  # type: ignore[union-attr]
    assert "Kopi til" not in family and SECTION_TEXT["Emil"] in family

    choices = [dialog.copy_for.itemData(i) for i in range(dialog.copy_for.count())]
    assert SCHOOL.encode() in choices and "organisation:Vestskolen" in choices
    dialog.copy_for.setCurrentIndex(choices.index(SCHOOL.encode()))
    assert not dialog.save_button.isEnabled()  # until the school's copy is made
    qtbot.waitUntil(lambda: dialog.printed is not None, timeout=10_000)
    assert dialog.recipient == SCHOOL and dialog.save_button.isEnabled()
    school = pdf_text(dialog.preview.pdf)
    assert "Kopi til: Skolen" in school and "Udeladt på grund af manglende samtykke" in school
    assert SECTION_TEXT["Emil"] not in school and SECTION_TEXT["Oliver"] not in school
    assert SECTION_TEXT["Freja"] in school

    target = tmp_path / "skolen.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF (*.pdf)"))
    dialog.save_pdf()
    assert pdf_text(target.read_bytes()) == school
    [entry] = audit_rows(demo_context, audit.EXPORT)
    details = json.loads(entry.details)
    assert entry.case_id == lise.case_id and entry.object_type == "plan"
    assert details["recipient"] == "sector:education" and details["recipient_name"] == "Skolen"
    assert details["left_out"] >= 3

    # A print cancelled in the print dialog is not logged.
    from PySide6.QtPrintSupport import QPrintDialog

    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: int(QDialog.DialogCode.Rejected))
    dialog.print_pdf()
    assert audit_rows(demo_context, audit.PRINT) == []
    worker.wait()


# -- invitations and agendas -------------------------------------------------------------------


def _meeting(context: AppContext, case_id: int, keys: list[str]) -> int:
    start = datetime.combine(local_today() + timedelta(days=30), time(9), LOCAL_TZ)
    with context.sessions.begin() as s:
        return create_meeting(
            s,
            MeetingInput(
                case_id=case_id,
                starts_at=start,
                ends_at=start + timedelta(hours=1),
                place="Rådhuset",
                participants=[ParticipantInput(k) for k in keys],
            ),
            datetime.now(LOCAL_TZ),
        )


def _teacher(context: AppContext) -> tuple[int, str]:
    with context.sessions() as s:
        pro = s.scalars(select(Professional).where(Professional.organisation == "Vestskolen").limit(1)).one()
        return pro.id, pro.name


def _page(qtbot, context: AppContext, meeting_id: int) -> CalendarPage:  # type: ignore[no-untyped-def]
    page = CalendarPage(context, StoreLanes())
    page.lanes.setParent(page)
    qtbot.addWidget(page)
    with context.sessions() as s:
        page.selected = meeting_info(s, meeting_id)
    return page


def _answer(monkeypatch, reason: str | None, seen: list[ShareOverrideDialog]) -> None:  # type: ignore[no-untyped-def]
    def fake_exec(self: ShareOverrideDialog) -> int:
        seen.append(self)
        if reason is None:
            return int(QDialog.DialogCode.Rejected)
        assert not self.send.isEnabled()  # no reason, no sending
        self.reason.setPlainText(reason)
        assert self.send.isEnabled()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ShareOverrideDialog, "exec", fake_exec)


@pytest.mark.parametrize("what", ["invitation", "agenda"])
def test_sending_to_a_professional_without_cover_warns_and_logs_the_reason(  # type: ignore[no-untyped-def]
    qtbot, demo_context: AppContext, lise: LiseCase, monkeypatch, tmp_path: Path, what: str
) -> None:
    teacher_id, teacher_name = _teacher(demo_context)
    meeting_id = _meeting(
        demo_context, lise.case_id, [f"citizen:{lise.ids['Lise']}", f"professional:{teacher_id}"]
    )
    page = _page(qtbot, demo_context, meeting_id)
    seen: list[ShareOverrideDialog] = []
    _answer(monkeypatch, "Skolen skal deltage efter aftale med mor; samtykke underskrives på mødet", seen)
    target = tmp_path / ("invitation.ics" if what == "invitation" else "agenda.pdf")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *_a, **_k: None)
    if what == "invitation":
        answer_invitation(monkeypatch)
        page.export_invitation()
        wait_for(lambda: not page.papers.busy)
    else:
        page.export_pdf("agenda")
        wait_for(lambda: not page.papers.busy)
    assert len(seen) == 1 and teacher_name in seen[0].warning.text()
    assert target.exists()
    [entry] = audit_rows(demo_context, audit.SHARE_OVERRIDE)
    assert entry.purpose.startswith("Skolen skal deltage efter aftale med mor")
    assert entry.case_id == lise.case_id and entry.object_id == meeting_id
    details = json.loads(entry.details)
    assert details == {"what": what, "recipients": [f"professional:{teacher_id}"]}


@pytest.mark.parametrize("what", ["invitation", "agenda"])
def test_cancel_sends_and_logs_nothing(  # type: ignore[no-untyped-def]
    qtbot, demo_context: AppContext, lise: LiseCase, monkeypatch, tmp_path: Path, what: str
) -> None:
    teacher_id, _ = _teacher(demo_context)
    meeting_id = _meeting(
        demo_context, lise.case_id, [f"citizen:{lise.ids['Lise']}", f"professional:{teacher_id}"]
    )
    page = _page(qtbot, demo_context, meeting_id)
    seen: list[ShareOverrideDialog] = []
    _answer(monkeypatch, None, seen)
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **_k: asked.append(a) or ("", ""))
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *_a, **_k: None)
    if what == "invitation":
        answer_invitation(monkeypatch)
        page.export_invitation()
        wait_for(lambda: not page.papers.busy)
    else:
        page.export_pdf("agenda")
        wait_for(lambda: not page.papers.busy)
    assert len(seen) == 1 and asked == []
    assert audit_rows(demo_context, audit.SHARE_OVERRIDE) == []


def test_no_warning_when_every_member_is_covered(  # type: ignore[no-untyped-def]
    qtbot, demo_context: AppContext, lise: LiseCase, monkeypatch, tmp_path: Path
) -> None:
    with demo_context.sessions.begin() as s:
        for first in ("Oliver", "Emil"):
            s.add(
                Consent(
                    citizen_id=lise.ids[first],
                    case_id=lise.case_id,
                    given_by_citizen_id=lise.ids["Lise"],
                    given_by_name="Lise Holm Jensen",
                    capacity="custody_holder",
                    info_types=encode_info_types({"plan"}),
                    parties=encode_parties([SCHOOL]),
                    given_on=local_today() - timedelta(days=1),
                )
            )
    teacher_id, _ = _teacher(demo_context)
    meeting_id = _meeting(
        demo_context, lise.case_id, [f"citizen:{lise.ids['Lise']}", f"professional:{teacher_id}"]
    )
    page = _page(qtbot, demo_context, meeting_id)
    seen: list[ShareOverrideDialog] = []
    _answer(monkeypatch, "never asked", seen)
    target = tmp_path / "invitation.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *_a, **_k: None)
    answer_invitation(monkeypatch)
    page.export_invitation()
    wait_for(lambda: not page.papers.busy)
    assert seen == [] and target.exists()
    assert audit_rows(demo_context, audit.SHARE_OVERRIDE) == []


def test_the_reason_dialog_needs_a_reason(qtbot: Any) -> None:
    dialog = ShareOverrideDialog(["Dorthe Laursen"], "invitation")
    qtbot.addWidget(dialog)
    assert "Dorthe Laursen" in dialog.warning.text()
    assert not dialog.send.isEnabled()
    dialog.reason.setPlainText("   ")
    assert not dialog.send.isEnabled()
    dialog.reason.setPlainText("x" * 600)
    assert len(dialog.reason.toPlainText()) == 500 and dialog.send.isEnabled()
