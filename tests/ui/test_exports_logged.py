"""Every export in the audit log: the meeting papers from the calendar, the eco-map picture and
the contact list from the network tab — after the file is written, never its path."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from app.models import AuditEvent, Case
from app.services.common import audit
from app.services.common.context import AppContext
from app.ui.calendar.calendar_page import CalendarPage
from app.ui.calendar.meeting_dialog import MeetingDialog, from_qdatetime
from app.ui.common.background import StoreLanes
from app.ui.family.family_page import FamilyPage
from app.ui.privacy.share_override_dialog import ShareOverrideDialog
from tests.docx.reading import headings, open_docx
from tests.ui.invitation_helpers import answer_invitation
from tests.ui.lane_helpers import exec_saving, wait_for


def _lise(context: AppContext) -> int:
    with context.sessions() as session:
        return int(session.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen")))


def _mark(context: AppContext) -> int:
    with context.sessions() as session:
        return int(session.scalar(select(func.max(AuditEvent.id))) or 0)


def _exports(context: AppContext, since: int) -> list[AuditEvent]:
    with context.sessions() as session:
        return list(
            session.scalars(
                select(AuditEvent)
                .where(AuditEvent.id > since, AuditEvent.action == audit.EXPORT)
                .order_by(AuditEvent.id)
            )
        )


def _save_as(monkeypatch, path: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (path, kind))


def test_meeting_papers_are_logged_as_exports(qtbot, demo_context, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    page = CalendarPage(demo_context, StoreLanes())
    page.lanes.setParent(page)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.set_case(case_id)

    def fill(dialog: MeetingDialog) -> None:
        dialog.use_free.click()

    def fake_exec(self: MeetingDialog) -> int:
        return exec_saving(self, fill)

    seen: list[MeetingDialog] = []
    monkeypatch.setattr(MeetingDialog, "exec", lambda self: (seen.append(self), fake_exec(self))[1])
    monkeypatch.setattr(ShareOverrideDialog, "ask", lambda *_a, **_k: "Aftalt på mødet")
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *_a, **_k: None)
    page.new_meeting(None)
    meeting_id = seen[0].stored_id
    assert meeting_id is not None
    page.anchor = from_qdatetime(seen[0].starts.dateTime()).date()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.reload()
    page.open_meeting(meeting_id)
    assert page.selected is not None

    since = _mark(demo_context)
    _save_as(monkeypatch, "", "")  # cancelled: nothing written, nothing logged
    answer_invitation(monkeypatch)
    page.export_invitation()
    wait_for(lambda: not page.papers.busy)
    page.export_pdf("agenda")
    wait_for(lambda: not page.papers.busy)
    assert _exports(demo_context, since) == []

    folder = tmp_path / "Lise Holm Jensen"  # a path with a name in it must not reach the log
    folder.mkdir()
    _save_as(monkeypatch, str(folder / "invitation.ics"), "iCalendar (*.ics)")
    answer_invitation(monkeypatch)
    page.export_invitation()
    wait_for(lambda: not page.papers.busy)
    _save_as(monkeypatch, str(folder / "dagsorden.pdf"), "PDF (*.pdf)")
    page.export_pdf("agenda")
    wait_for(lambda: not page.papers.busy)
    _save_as(monkeypatch, str(folder / "dagsorden"), "Word (*.docx)")  # the ending is added
    page.export_pdf("agenda", "docx")
    wait_for(lambda: not page.papers.busy)
    assert headings(open_docx((folder / "dagsorden.docx").read_bytes()))[0] == (1, "Dagsorden")
    _save_as(monkeypatch, str(tmp_path / "missing" / "x.pdf"), "PDF (*.pdf)")  # the write fails
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *_a, **_k: None)
    page.export_pdf("agenda")
    wait_for(lambda: not page.papers.busy)

    rows = _exports(demo_context, since)
    assert [(r.object_type, r.object_id, r.case_id) for r in rows] == [("meeting", meeting_id, case_id)] * 3
    assert [json.loads(r.details)["kind"] for r in rows] == ["invitation.ics", "agenda.pdf", "agenda.docx"]
    assert all("Lise" not in r.details and "dagsorden" not in r.details for r in rows)


def test_eco_map_and_contact_list_are_logged_as_exports(  # type: ignore[no-untyped-def]
    qtbot, demo_context, settings, monkeypatch, tmp_path
) -> None:
    case_id = _lise(demo_context)
    page = FamilyPage(demo_context, settings, StoreLanes())
    page.lanes.setParent(page)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.open_case(case_id)
    since = _mark(demo_context)

    _save_as(monkeypatch, "", "")
    page.network.save_picture()  # cancelled
    _save_as(monkeypatch, str(tmp_path / "Holm.png"), "PNG image (*.png)")
    page.network.save_picture()
    _save_as(monkeypatch, str(tmp_path / "Holm.svg"), "SVG drawing (*.svg)")
    page.network.save_picture()
    page.network.copy_contacts()
    assert page.lanes.wait(10_000)  # the audit entries are written on the store lane

    rows = _exports(demo_context, since)
    assert [(r.object_type, r.case_id) for r in rows] == [("ecomap", case_id)] * 2 + [("contacts", case_id)]
    assert [json.loads(r.details)["kind"] for r in rows] == [
        "eco-map.png",
        "eco-map.svg",
        "contact list (clipboard)",
    ]
    assert all("Holm" not in r.details for r in rows)
