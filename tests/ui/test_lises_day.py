"""Acceptance (issue 15): Lise's day through the UI, in Danish.

The coordinator opens Lise's case from the case list, writes a phone note in the journal,
agrees in the plan that the partner caseworker calls the school and makes that his task with
"Opret opgave…", and attaches the school's report. The partner's "Min dag" (he logs in on the
same store) shows the task and tomorrow's meeting; searching "skolen" in the toolbar finds the
agreement and the note; an access request for Lise's CPR number gives a PDF whose index lists
the note, the task, the report, the meeting and the plan (read back with pypdf).

Arranged through the store: tomorrow's network meeting, planned with the meetings service (the
demo's meetings of Lise's case lie in the past or weeks ahead). The demo gives Lise's case a
partner caseworker (Kasper Holm); the test checks that it does."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QLineEdit, QTableView, QWidget
from sqlalchemy import select

from app.models import Agreement, Case, Citizen, Document, DocumentFile, JournalEntry, Task, User
from app.models.enums import DocumentKind, JournalKind, MeetingKind, TaskSource
from app.services.cases.case_list import SortKey
from app.services.common.clock import LOCAL_TZ, local_today, now_utc
from app.services.common.context import AppContext
from app.services.common.cpr import format_cpr
from app.services.day.my_day import Opens, Place
from app.services.meetings.meetings import MeetingInput, ParticipantInput, create_meeting
from app.services.search.search import Source
from app.ui.cases.case_list_model import COLUMNS
from app.ui.common.date_fields import OptionalDate
from app.ui.common.formatting import format_date
from app.ui.day.day_page import OPENS_ROLE, DayPage
from app.ui.documents.document_dialog import DocumentDialog
from app.ui.journal.entry_dialog import JournalEntryDialog
from app.ui.main_window import PAGE_CASES, PAGE_DAY, PAGE_FAMILY, PAGE_PLAN, MainWindow
from app.ui.plan.plan_models import AgreementColumn
from app.ui.privacy.access_request_dialog import COL_WITHHOLD, AccessRequestDialog
from app.ui.tasks.task_dialog import TaskDialog
from tests.services.documents.samples import school_report_pdf
from tests.ui.family.family_pages import case_titled
from tests.ui.lane_helpers import exec_saving, wait_for

LISE_CASE = "Familien Holm Jensen"
NOTE_SUBJECT = "Telefon med Lise"
NOTE_TEXT = "Lise ringede: skolen har bedt om et møde om Emils fravær i november."
AGREED = "Kasper ringer til skolen om Emils fravær"
REPORT_TITLE = "Skoleudtalelse Emil"  # the dialog takes it from the file's name
REPORT_TEXT = "Skoleudtalelse om Emil fra Vestskolen"  # printed on the report's page
REPORT_FROM = "Vestskolen, Dorthe Laursen"
MEETING_FROM, MEETING_TO = time(10, 0), time(11, 0)
MEETING_PLACE = "Familiehuset"


@dataclass(frozen=True)
class Lise:
    case_id: int
    case_number: str
    cpr: str  # ten digits
    lise: int  # citizen ids
    emil: int
    partner_id: int
    partner_login: str
    partner_name: str
    meeting_id: int  # tomorrow's


def _arrange(context: AppContext) -> Lise:
    """Lise's case in the demo, its partner caseworker, and a network meeting tomorrow."""
    case_id = case_titled(context, LISE_CASE)
    tomorrow = local_today() + timedelta(days=1)
    with context.sessions.begin() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.partner_id is not None, "the demo gives Lise's case a partner"
        partner = s.get(User, case.partner_id)
        assert partner is not None and partner.id != context.user.id == case.coordinator_id
        family = s.scalars(select(Citizen).where(Citizen.last_name == "Holm Jensen"))
        people = {c.first_name: c for c in family}
        lise, emil = people["Lise"], people["Emil"]
        assert lise.cpr
        starts = datetime.combine(tomorrow, MEETING_FROM, LOCAL_TZ)
        meeting_id = create_meeting(
            s,
            MeetingInput(
                case_id=case_id,
                kind=MeetingKind.NETWORK,
                starts_at=starts,
                ends_at=datetime.combine(tomorrow, MEETING_TO, LOCAL_TZ),
                place=MEETING_PLACE,
                participants=[
                    ParticipantInput(f"citizen:{lise.id}"),
                    ParticipantInput(f"user:{context.user.id}"),
                    ParticipantInput(f"user:{partner.id}"),
                ],
            ),
            now_utc(),
        )
        return Lise(
            case_id,
            case.number,
            lise.cpr,
            lise.id,
            emil.id,
            partner.id,
            partner.login,
            partner.full_name,
            meeting_id,
        )


def _window(qtbot, context: AppContext, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window at 1366 x 768, on "Min dag" as it starts, the day read."""
    window = MainWindow(context, settings, "da")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    _wait_for_day(window.day)
    return window


def _wait_for_day(page: DayPage) -> None:
    wait_for(lambda: page.day is not None and not page.busy)


def _day_lines(page: DayPage, heading: str) -> list[tuple[str, str, str, Opens]]:
    """(when, case, what, where it opens) of the lines under the heading that starts so."""
    return [
        (item.text(0), item.text(1), item.text(2), item.data(0, OPENS_ROLE))
        for head, item in page.lines()
        if head.startswith(heading)
    ]


def _editor(qtbot, view: QTableView, index: QModelIndex) -> QWidget:  # type: ignore[no-untyped-def]
    """The cell's editor, opened by a click on the cell (the plan's tables edit at once)."""
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    editor = view.indexWidget(index)
    assert editor is not None
    return editor


def _closed(view: QTableView, index: QModelIndex) -> None:
    """Enter commits a cell when the view gets to it (a queued call): wait for that."""
    wait_for(lambda: view.indexWidget(index) is None)


def _pdf_pages(path: Path) -> list[str]:
    """Each page's text, runs of white space made one space (table cells wrap their words)."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def _index_row(kind: str, key: str, case_number: str, day: date, title: str) -> re.Pattern[str]:
    """A row of the access request's index as pypdf reads it: number, kind (key), case, date,
    what it is."""
    return re.compile(
        rf"\b\d+ {kind} \({re.escape(key)}\) {re.escape(case_number)} {day:%d\.%m\.%Y} {re.escape(title)} "
    )


def test_lises_day_through_the_ui(  # type: ignore[no-untyped-def]
    open_store_context, qtbot, demo_context, sqlite_url, settings, danish, monkeypatch, tmp_path
) -> None:
    lise = _arrange(demo_context)
    today, tomorrow = local_today(), local_today() + timedelta(days=1)
    window = _window(qtbot, demo_context, settings)
    assert window.nav.currentRow() == PAGE_DAY

    # -- Lise's case, opened from the case list with a double-click ------------------------------
    window.nav.setCurrentRow(PAGE_CASES)
    model = window.cases.model
    wait_for(lambda: not model.busy)
    row = next(r for r in range(model.rowCount()) if model.row_at(r).title == LISE_CASE)
    index = model.index(row, COLUMNS.index(SortKey.TITLE))
    table = window.cases.table
    table.scrollTo(index)
    centre = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    with qtbot.waitSignal(window.family.loaded, timeout=20_000):
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.nav.currentRow() == PAGE_FAMILY and window.family.case_id == lise.case_id

    # -- 1. A phone note on Lise's case, through the journal tab's dialog ------------------------
    journal, tabs = window.journal, window.family.tabs
    assert tabs.tabText(tabs.indexOf(journal)) == "Journal"
    tabs.setCurrentWidget(journal)
    wait_for(lambda: journal.view is not None and journal.view.case_id == lise.case_id)

    def write_note(dialog: QDialog) -> None:
        assert isinstance(dialog, JournalEntryDialog)
        dialog.kind.setCurrentIndex(dialog.kind.findData(JournalKind.PHONE))
        qtbot.keyClicks(dialog.subject, NOTE_SUBJECT)
        qtbot.keyClicks(dialog.text, NOTE_TEXT)
        for i in range(dialog.members.count()):  # Lise and Emil
            item = dialog.members.item(i)
            if item.text().split(" ")[0] in ("Lise", "Emil"):
                item.setCheckState(Qt.CheckState.Checked)

    monkeypatch.setattr(JournalEntryDialog, "exec", lambda self: exec_saving(self, write_note))
    with qtbot.waitSignal(journal.loaded, timeout=20_000):
        qtbot.mouseClick(journal.new_button, Qt.MouseButton.LeftButton)
    with demo_context.sessions() as s:
        note = s.scalars(select(JournalEntry).where(JournalEntry.subject == NOTE_SUBJECT)).one()
        note_id = note.id
        assert (note.case_id, note.kind, note.text, note.author_id) == (
            lise.case_id,
            JournalKind.PHONE,
            NOTE_TEXT,
            demo_context.user.id,
        )
        assert {m.citizen_id for m in note.members} == {lise.lise, lise.emil}
    assert journal.selected_id() == note_id and NOTE_TEXT in journal.reader.toPlainText()

    # -- 2. An agreement in the plan for the partner caseworker, made his task -------------------
    with qtbot.waitSignal(window.plan.loaded, timeout=20_000):
        window.nav.setCurrentRow(PAGE_PLAN)
    agreements = window.plan.agreements
    window.plan.tabs.setCurrentWidget(agreements)
    view, rows = agreements.view, agreements.model
    new = rows.rowCount()
    qtbot.mouseClick(agreements.add_button, Qt.MouseButton.LeftButton)  # a row, its text open
    what = view.indexWidget(rows.index(new, AgreementColumn.WHAT))
    assert isinstance(what, QLineEdit)
    qtbot.keyClicks(what, AGREED)
    qtbot.keyClick(what, Qt.Key.Key_Return)
    _closed(view, rows.index(new, AgreementColumn.WHAT))
    who = _editor(qtbot, view, rows.index(new, AgreementColumn.WHO))
    assert isinstance(who, QComboBox)
    partner_choice = who.findText(f"{lise.partner_name} (makker)")
    assert partner_choice >= 0, [who.itemText(i) for i in range(who.count())]
    who.setCurrentIndex(partner_choice)
    who.activated.emit(partner_choice)  # chosen in the list
    assert rows.index(new, AgreementColumn.WHO).data() == lise.partner_name
    due = _editor(qtbot, view, rows.index(new, AgreementColumn.DUE))
    assert isinstance(due, OptionalDate)
    qtbot.mouseClick(due.check, Qt.MouseButton.LeftButton)  # by today, the date it offers
    assert due.value() == today
    with qtbot.waitSignal(window.plan.saved, timeout=20_000):  # the plan saves itself
        qtbot.keyClick(due.edit, Qt.Key.Key_Return)
        _closed(view, rows.index(new, AgreementColumn.DUE))
    assert rows.index(new, AgreementColumn.DUE).data() == format_date(today)
    agreement = rows.row_at(new)
    assert agreement is not None and agreement.what == AGREED

    _editor(qtbot, view, rows.index(new, AgreementColumn.WHAT))  # the row chosen
    assert agreements.task_button.text() == "Opret opgave…" and agreements.task_button.isEnabled()

    def check_task(dialog: QDialog) -> None:
        assert isinstance(dialog, TaskDialog)
        assert (dialog.what.text(), dialog.due.value()) == (AGREED, today)
        assert dialog.assignee.currentData() == lise.partner_id
        assert dialog.assignee.currentText() == f"{lise.partner_name} (makker)"

    monkeypatch.setattr(TaskDialog, "exec", lambda self: exec_saving(self, check_task))
    with qtbot.waitSignal(window.tasks.changed, timeout=20_000):
        qtbot.mouseClick(agreements.task_button, Qt.MouseButton.LeftButton)
    with demo_context.sessions() as s:
        task = s.scalars(select(Task).where(Task.source_ref == agreement.agreement_key)).one()
        task_id = task.id
        assert (task.case_id, task.what, task.assigned_to_id, task.due_date, task.source, task.done_at) == (
            lise.case_id,
            AGREED,
            lise.partner_id,
            today,
            TaskSource.AGREEMENT,
            None,
        )
        stored_agreements = {
            a.id: a.plan_version_id
            for a in s.scalars(select(Agreement).where(Agreement.agreement_key == agreement.agreement_key))
        }
    assert stored_agreements

    # -- 3. The school's report attached through the documents tab -------------------------------
    window.nav.setCurrentRow(PAGE_FAMILY)
    documents = window.documents
    tabs.setCurrentWidget(documents)
    wait_for(lambda: documents.case is not None and documents.case.case_id == lise.case_id)
    report = tmp_path / f"{REPORT_TITLE}.pdf"
    report.write_bytes(school_report_pdf(REPORT_TEXT))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(report), "")))

    def describe_report(dialog: QDialog) -> None:
        assert isinstance(dialog, DocumentDialog)
        assert dialog.title.text() == REPORT_TITLE
        dialog.kind.setCurrentIndex(dialog.kind.findData(DocumentKind.REPORT))
        qtbot.keyClicks(dialog.from_whom, REPORT_FROM)
        for i in range(dialog.members.count()):  # about Emil, and his mother's part in it
            item = dialog.members.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in (lise.lise, lise.emil):
                item.setCheckState(Qt.CheckState.Checked)

    monkeypatch.setattr(DocumentDialog, "exec", lambda self: exec_saving(self, describe_report))
    with qtbot.waitSignal(documents.loaded, timeout=20_000):
        qtbot.mouseClick(documents.attach_button, Qt.MouseButton.LeftButton)
    with demo_context.sessions() as s:
        doc, content = s.execute(
            select(Document, DocumentFile.content)
            .join(DocumentFile, DocumentFile.document_id == Document.id)
            .where(Document.case_id == lise.case_id)
        ).one()
        document_id = doc.id
        assert (doc.title, doc.kind, doc.from_whom, content) == (
            REPORT_TITLE,
            DocumentKind.REPORT,
            REPORT_FROM,
            report.read_bytes(),
        )
        assert {m.citizen_id for m in doc.members} == {lise.lise, lise.emil}
    shown_document = documents.selected()
    assert shown_document is not None and shown_document.title == REPORT_TITLE

    # -- 4. "Min dag" ----------------------------------------------------------------------------
    meeting_when = f"{MEETING_FROM:%H.%M}–{MEETING_TO:%H.%M}"
    meeting_opens = Opens(lise.case_id, Place.MEETING, lise.meeting_id)
    # The coordinator's day holds tomorrow's meeting, but not the task: it is the partner's.
    window.nav.setCurrentRow(PAGE_DAY)
    _wait_for_day(window.day)
    mine = _day_lines(window.day, "Møder i morgen")
    assert (meeting_when, meeting_opens) in [(when, opens) for when, _c, _w, opens in mine], mine
    assert AGREED not in [what for _when, _case, what, _opens in _day_lines(window.day, "Opgaver")]

    # The partner's, logged in on the same store, shows the task and tomorrow's meeting.
    partner = open_store_context(sqlite_url, login=lise.partner_login)
    assert partner.user.id == lise.partner_id
    his_settings = QSettings(str(tmp_path / "partner.ini"), QSettings.Format.IniFormat)
    partner_window = _window(qtbot, partner, his_settings)
    assert partner_window.nav.currentRow() == PAGE_DAY and partner_window.day.isVisible()
    day = partner_window.day
    tasks = [line for line in _day_lines(day, "Opgaver") if line[2] == AGREED]
    assert tasks == [
        (
            format_date(today),
            f"{lise.case_number} {LISE_CASE}",
            AGREED,
            Opens(lise.case_id, Place.TASK, task_id),
        )
    ], _day_lines(day, "Opgaver")
    meetings = [line for line in _day_lines(day, "Møder i morgen") if line[3] == meeting_opens]
    assert len(meetings) == 1, _day_lines(day, "Møder i morgen")
    when, case_text, what_text, _opens = meetings[0]
    assert (when, case_text) == (meeting_when, f"{lise.case_number} {LISE_CASE}")
    assert what_text == f"Netværksmøde · {MEETING_PLACE} (du er makker)"
    partner_window.close()

    # -- 5. "skolen" in the toolbar's search finds the agreement and the journal entry -----------
    search = window.search
    with qtbot.waitSignal(search.searched, timeout=20_000):
        qtbot.keyClicks(search.field, "skolen")
    assert search.shown_text == "skolen" and search.list.isVisible()
    hits = search.model.hits
    lines = [search.model.index(r).data() for r in range(search.model.rowCount())]
    heading = f"{lise.case_number} · {LISE_CASE}"
    note_hit = [i for i, h in enumerate(hits) if (h.source, h.item_id) == (Source.JOURNAL, note_id)]
    assert len(note_hit) == 1, [(h.source, h.item_id) for h in hits]
    shown_heading, shown = lines[note_hit[0]].split("\n")
    assert shown_heading == heading
    assert shown.startswith(f"journal {today:%d.%m}: ") and "skolen har bedt om et møde" in shown
    agreement_hit = [
        i for i, h in enumerate(hits) if h.source is Source.AGREEMENT and h.item_id in stored_agreements
    ]
    assert agreement_hit, [(h.source, h.item_id) for h in hits]
    shown_heading, shown = lines[agreement_hit[0]].split("\n")
    assert shown_heading == heading and shown.startswith("aftale") and AGREED in shown
    qtbot.keyClick(search.field, Qt.Key.Key_Escape)
    assert not search.panel.isVisible()

    # -- 6. An access request for Lise's CPR number ----------------------------------------------
    target = tmp_path / "aktindsigt Lise.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF (*.pdf)"))
    listed: list[str] = []

    def request_access(dialog: AccessRequestDialog) -> int:
        dialog.show()  # as exec shows it
        qtbot.waitExposed(dialog)
        wait_for(lambda: dialog.members_read)
        dialog.who.setCurrentIndex(dialog.who.findData(None))  # "Et CPR-nummer …"
        assert dialog.cpr.isVisible()
        qtbot.keyClicks(dialog.cpr, format_cpr(lise.cpr))
        qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
        wait_for(lambda: dialog.request is not None and not dialog.busy)
        assert dialog.person is not None and dialog.person.citizen_ids == (lise.lise,)
        table = dialog.table
        cells = [table.item(r, COL_WITHHOLD) for r in range(table.rowCount())]
        listed.extend(str(cell.data(Qt.ItemDataRole.UserRole)) for cell in cells if cell is not None)
        qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
        wait_for(lambda: dialog.saved is not None and not dialog.busy)
        assert dialog.saved == (target, target.with_suffix(".csv"))
        dialog.hide()
        return int(QDialog.DialogCode.Rejected)  # Luk

    monkeypatch.setattr(AccessRequestDialog, "exec", request_access)
    action = window.findChild(QAction, "accessRequest")
    assert action is not None and action.text() == "&Aktindsigt …"
    action.trigger()
    [plan_version] = set(stored_agreements.values())  # the draft the agreement was saved in
    items = {  # key -> (the index's word for the kind, the date, what the index says it is)
        f"journal:{note_id}": ("Journalnotat", today, NOTE_SUBJECT),
        f"task:{task_id}": ("Opgave", today, AGREED),
        f"document:{document_id}": ("Dokument", today, REPORT_TITLE),
        f"meeting:{lise.meeting_id}": ("Møde", tomorrow, "Netværksmøde"),
        f"plan:{plan_version}": ("Plan", today, "Version"),
    }
    assert set(items) <= set(listed), listed

    pages = _pdf_pages(target)
    first = next(i for i, text in enumerate(pages) if text.startswith("Oversigt Nr. Type Sag Dato Indhold"))
    after = next(i for i in range(first, len(pages)) if re.match(r"1\. \w+: ", pages[i]))  # item 1's page
    index_text = " ".join(pages[first:after])
    for key, (kind, on, title) in items.items():
        assert _index_row(kind, key, lise.case_number, on, title).search(index_text), (key, index_text)
    assert re.search(rf"\(plan:{plan_version}\) \S+ \S+ Version \d+ \(udkast\)", index_text), index_text
    # Each has its page after the index: what the note says, whose the task is, the plan's
    # agreement, when the meeting is; the report's own page is attached at the back.
    own = {key: next(text for text in pages[after:] if f"Ref. {key} " in text) for key in items}
    assert NOTE_TEXT in own[f"journal:{note_id}"]
    assert f"Hvem {lise.partner_name}" in own[f"task:{task_id}"]
    assert "Kommer fra En aftale i planen" in own[f"task:{task_id}"]
    assert AGREED in own[f"plan:{plan_version}"]
    assert "kl. 10.00–11.00 Status Planlagt Sted Familiehuset" in own[f"meeting:{lise.meeting_id}"]
    assert f"Fra {REPORT_FROM}" in own[f"document:{document_id}"]
    assert REPORT_TEXT in pages[-1] and f"(document:{document_id})" in pages[-1]
