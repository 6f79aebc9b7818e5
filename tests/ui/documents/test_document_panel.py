"""The family page's Documents tab, driven like a caseworker: a school report attached through
the dialog (and by dropping it), files refused next to the file field, opened through a
temporary copy that goes away, saved as a copy, changed, removed after asking; a closed case's
documents are read-only. In Danish."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from sqlalchemy import select

from app.models import AuditEvent, Case, Document, DocumentFile
from app.models.enums import DocumentKind
from app.services.cases.case_summary import case_summary
from app.services.common import audit
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.documents.open_copies import open_copies_root, remove_open_copies
from app.ui.common.case_panel import CaseRef
from app.ui.common.formatting import format_date
from app.ui.documents import document_panel
from app.ui.documents.document_dialog import DocumentDialog
from app.ui.documents.document_panel import DocumentPanel
from app.ui.main_window import MainWindow
from tests.services.documents.samples import PROGRAM, SAMPLES, school_report_pdf, write
from tests.ui.family.family_pages import case_titled
from tests.ui.lane_helpers import drain, exec_saving, ready, save, wait_for

MB = 1024 * 1024


def case_ref(context: AppContext, title: str = "Familien Holm Jensen", read_only: bool = False) -> CaseRef:
    case_id = case_titled(context, title)
    with context.sessions() as s:
        summary = case_summary(s, case_id)
    members = tuple((m.citizen_id, m.name) for m in summary.members)
    return CaseRef(case_id, summary.number, summary.title, members, read_only)


def member(ref: CaseRef, first: str) -> tuple[int, str]:
    return next(m for m in ref.members if m[1].startswith(first + " "))


@pytest.fixture
def panel(qtbot, demo_context: AppContext, lanes, danish) -> DocumentPanel:  # type: ignore[no-untyped-def]
    widget = DocumentPanel(demo_context, lanes)
    qtbot.addWidget(widget)
    widget.resize(1100, 500)
    widget.show()
    ref = case_ref(demo_context)
    with qtbot.waitSignal(widget.loaded, timeout=20_000):
        widget.show_case(ref)
    return widget


def rows(panel: DocumentPanel) -> list[list[str]]:
    table = panel.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def stored(context: AppContext) -> list[tuple[str, DocumentKind, str, bytes]]:
    with context.sessions() as s:
        result = s.execute(
            select(Document.title, Document.kind, Document.from_whom, DocumentFile.content)
            .join(DocumentFile, DocumentFile.document_id == Document.id)
            .order_by(Document.id)
        )
        return [tuple(r) for r in result]  # type: ignore[misc]


def fill_school_report(ref: CaseRef) -> Any:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, DocumentDialog)
        assert dialog.title.text() == "Skoleudtalelse Freja"  # from the file's name
        dialog.kind.setCurrentIndex(dialog.kind.findData(DocumentKind.REPORT))
        dialog.from_whom.setText("Vestskolen, Dorthe Laursen")
        for row in range(dialog.members.count()):
            item = dialog.members.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == member(ref, "Freja")[0]:
                item.setCheckState(Qt.CheckState.Checked)

    return fill


def attach_school_report(qtbot, panel: DocumentPanel, monkeypatch, tmp_path: Path) -> bytes:  # type: ignore[no-untyped-def]
    pdf = school_report_pdf()
    path = write(tmp_path, "Skoleudtalelse Freja.pdf", pdf)
    assert panel.case is not None
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(
        DocumentDialog, "exec", lambda self: exec_saving(self, fill_school_report(panel.case))
    )
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        qtbot.mouseClick(panel.attach_button, Qt.MouseButton.LeftButton)
    return pdf


# -- attaching ---------------------------------------------------------------------------------------


def test_a_school_report_is_attached_through_the_dialog(  # type: ignore[no-untyped-def]
    qtbot, panel: DocumentPanel, demo_context: AppContext, monkeypatch, tmp_path: Path
) -> None:
    assert panel.empty.isVisible() and panel.attach_button.text() == "Vedhæft…"
    pdf = attach_school_report(qtbot, panel, monkeypatch, tmp_path)
    assert panel.case is not None
    freja = member(panel.case, "Freja")[1]
    assert rows(panel) == [
        [
            "Skoleudtalelse Freja",
            "Rapport eller udtalelse",
            format_date(local_today()),
            "Vestskolen, Dorthe Laursen",
            freja,
            f"{-(-len(pdf) // 1024)} kB",
        ]
    ]
    assert not panel.empty.isVisible()
    assert panel.selected() is not None and panel.selected().title == "Skoleudtalelse Freja"  # type: ignore[union-attr]
    assert stored(demo_context) == [
        ("Skoleudtalelse Freja", DocumentKind.REPORT, "Vestskolen, Dorthe Laursen", pdf)
    ]
    assert panel.table.horizontalHeaderItem(0).text() == "Titel"


def test_files_dropped_onto_the_tab_are_attached_one_dialog_each(  # type: ignore[no-untyped-def]
    qtbot, panel: DocumentPanel, demo_context: AppContext, monkeypatch, tmp_path: Path
) -> None:
    paths = [write(tmp_path, f"Brev {n}.pdf", SAMPLES["pdf"]) for n in (1, 2)]
    titles: list[str] = []

    def fill(dialog: QDialog) -> None:
        titles.append(dialog.title.text())  # type: ignore[attr-defined]

    monkeypatch.setattr(DocumentDialog, "exec", lambda self: exec_saving(self, fill))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    drop.ignore()  # the handlers must accept them
    panel.dragEnterEvent(enter)
    assert enter.isAccepted()
    panel.dropEvent(drop)
    assert drop.isAccepted()
    wait_for(lambda: len(stored(demo_context)) == 2 and panel.table.rowCount() == 2)
    assert titles == ["Brev 1", "Brev 2"]


@pytest.mark.parametrize(
    ("name", "size", "data", "message"),
    [
        ("stor.pdf", int(31.2 * MB), None, "Filen fylder 31,2 MB; højst 25 MB."),
        ("lige over.pdf", 25 * MB + 1, None, "Filen fylder 25,1 MB; højst 25 MB."),
        ("tom.pdf", 0, b"", "Filen er tom."),
        (
            "rapport.pdf",
            None,
            PROGRAM,
            "Filen er ikke det, navnet siger (en .pdf-fil), så den bliver ikke vedhæftet.",
        ),
        (
            "program.exe",
            None,
            PROGRAM,
            "Kun PDF, Word, OpenDocument-tekst, billeder og e-mails kan vedhæftes",
        ),
    ],
)
def test_a_refused_file_is_said_next_to_the_file_field(  # type: ignore[no-untyped-def]
    qtbot,
    panel: DocumentPanel,
    demo_context: AppContext,
    lanes,
    tmp_path: Path,
    name: str,
    size: int | None,
    data: bytes | None,
    message: str,
) -> None:
    path = tmp_path / name
    if data is None:  # sparse: the size without the disk space or the memory
        with path.open("wb") as handle:
            handle.write(SAMPLES["pdf"])
            handle.truncate(size)
    else:
        path.write_bytes(data)
    assert panel.case is not None
    dialog = DocumentDialog(demo_context, lanes, panel.case, None, str(path), panel)
    qtbot.addWidget(dialog)
    ready(dialog)
    error = dialog.errors["file"]
    assert not error.isHidden() and error.text().startswith(message)
    assert dialog.file_name.text() == name
    assert not save(dialog)  # not stored, and the dialog stays open for another file
    assert stored(demo_context) == []
    # Another file may be chosen in the same dialog: the refusal goes.
    dialog.use_file(str(write(tmp_path, "Skoleudtalelse.pdf", SAMPLES["pdf"])))
    ready(dialog)
    assert error.isHidden()
    assert save(dialog)
    assert [t for t, *_ in stored(demo_context)] == ["Skoleudtalelse"]


def test_without_a_file_nothing_is_saved(
    qtbot, panel: DocumentPanel, demo_context: AppContext, lanes
) -> None:  # type: ignore[no-untyped-def]
    assert panel.case is not None
    dialog = DocumentDialog(demo_context, lanes, panel.case, None, None, panel)
    qtbot.addWidget(dialog)
    dialog.title.setText("Et brev")
    assert not save(dialog)
    assert not dialog.errors["file"].isHidden()
    assert stored(demo_context) == []


# -- opening and saving copies -------------------------------------------------------------------------


def test_open_writes_a_temporary_copy_that_is_removed_afterwards(  # type: ignore[no-untyped-def]
    qtbot, panel: DocumentPanel, demo_context: AppContext, monkeypatch, tmp_path: Path
) -> None:
    pdf = attach_school_report(qtbot, panel, monkeypatch, tmp_path)
    opened: list[Path] = []
    monkeypatch.setattr(document_panel, "open_with_system", lambda path: opened.append(path) or True)
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    wait_for(lambda: bool(opened))
    copy = opened[0]
    doc = panel.selected()
    assert doc is not None
    assert copy.name == f"dokument-{doc.id}.pdf" and copy.read_bytes() == pdf
    assert copy.is_relative_to(open_copies_root())
    assert "Freja" not in str(copy) and "Skoleudtalelse" not in str(copy)
    with demo_context.sessions() as s:
        actions = s.scalars(
            select(AuditEvent.action).where(AuditEvent.object_type == "document").order_by(AuditEvent.id)
        ).all()
    assert actions == [audit.CREATE, audit.OPEN_CASE]
    assert remove_open_copies() == 1  # what the program does when it closes
    assert not copy.exists()


def test_when_no_program_opens_the_file_it_is_said(  # type: ignore[no-untyped-def]
    qtbot, panel: DocumentPanel, monkeypatch, tmp_path: Path
) -> None:
    attach_school_report(qtbot, panel, monkeypatch, tmp_path)
    told: list[str] = []
    monkeypatch.setattr(document_panel, "open_with_system", lambda _path: False)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text, *a: told.append(text)))
    panel.table.selectRow(0)
    panel.open_selected()
    wait_for(lambda: bool(told))
    assert "Gem kopi" in told[0]
    remove_open_copies()


def test_save_copy_writes_where_chosen_and_is_logged(  # type: ignore[no-untyped-def]
    qtbot, panel: DocumentPanel, demo_context: AppContext, monkeypatch, tmp_path: Path
) -> None:
    pdf = attach_school_report(qtbot, panel, monkeypatch, tmp_path)
    target = tmp_path / "ud" / "kopi.pdf"
    target.parent.mkdir()
    asked: list[str] = []

    def choose(_parent, _title, suggested, _filter, *_rest):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    wait_for(target.exists)
    assert target.read_bytes() == pdf
    assert asked == ["dokument.pdf"]  # a fixed name: never the title
    with demo_context.sessions() as s:
        export = s.scalars(select(AuditEvent).where(AuditEvent.action == audit.EXPORT)).one()
    assert export.object_type == "document" and json.loads(export.details)["kind"] == "document.pdf"
    assert "kopi" not in export.details


# -- changing and removing -------------------------------------------------------------------------------


def test_edit_changes_what_is_said_about_the_document(  # type: ignore[no-untyped-def]
    qtbot, panel: DocumentPanel, demo_context: AppContext, monkeypatch, tmp_path: Path
) -> None:
    pdf = attach_school_report(qtbot, panel, monkeypatch, tmp_path)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, DocumentDialog)
        assert dialog.title.text() == "Skoleudtalelse Freja"
        dialog.title.setText("Skoleudtalelse om Freja, 3. klasse")
        dialog.kind.setCurrentIndex(dialog.kind.findData(DocumentKind.LETTER))
        dialog.received.setDate(dialog.received.date().addDays(-3))

    monkeypatch.setattr(DocumentDialog, "exec", lambda self: exec_saving(self, fill))
    panel.table.selectRow(0)
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    row = rows(panel)[0]
    assert row[:3] == [
        "Skoleudtalelse om Freja, 3. klasse",
        "Brev",
        format_date(local_today() - timedelta(days=3)),
    ]
    assert stored(demo_context)[0][3] == pdf  # the file stays


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_remove_asks_first(  # type: ignore[no-untyped-def]
    qtbot, panel: DocumentPanel, demo_context: AppContext, lanes, monkeypatch, tmp_path: Path, answer
) -> None:
    attach_school_report(qtbot, panel, monkeypatch, tmp_path)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda _p, _t, text, *a: asked.append(text) or answer)
    )
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    drain(qtbot, lanes.store)
    wait_for(lambda: panel.table.rowCount() == (0 if answer == QMessageBox.StandardButton.Yes else 1))
    assert asked and "Skoleudtalelse Freja" in asked[0] and "kan ikke fortrydes" in asked[0]
    assert len(stored(demo_context)) == (0 if answer == QMessageBox.StandardButton.Yes else 1)


def test_a_document_changed_meanwhile_is_not_removed(  # type: ignore[no-untyped-def]
    qtbot, panel: DocumentPanel, demo_context: AppContext, lanes, monkeypatch, tmp_path: Path
) -> None:
    attach_school_report(qtbot, panel, monkeypatch, tmp_path)
    with demo_context.sessions.begin() as s:  # a colleague renames it
        s.scalars(select(Document)).one().title = "Omdøbt af en kollega"
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, title, *a: told.append(title)))
    panel.table.selectRow(0)
    panel.remove_selected()
    wait_for(lambda: bool(told) and rows(panel)[0][0] == "Omdøbt af en kollega")
    assert told == ["Ændret af en anden"]
    assert len(stored(demo_context)) == 1


def test_a_closed_cases_documents_are_shown_and_opened_not_changed(  # type: ignore[no-untyped-def]
    qtbot, panel: DocumentPanel, demo_context: AppContext, monkeypatch, tmp_path: Path
) -> None:
    attach_school_report(qtbot, panel, monkeypatch, tmp_path)
    closed = case_ref(demo_context, read_only=True)
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        panel.show_case(closed)
    panel.table.selectRow(0)
    assert not panel.attach_button.isEnabled()
    assert not panel.edit_button.isEnabled() and not panel.remove_button.isEnabled()
    assert panel.open_button.isEnabled() and panel.save_button.isEnabled()
    monkeypatch.setattr(DocumentDialog, "exec", lambda self: pytest.fail("no dialog for a closed case"))
    assert panel.attach(str(tmp_path / "Skoleudtalelse Freja.pdf")) is None
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "Skoleudtalelse Freja.pdf"))])
    drop = QDropEvent(
        QPointF(QPoint(40, 40)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(
        QPoint(40, 40),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel.dragEnterEvent(enter)
    panel.dropEvent(drop)
    assert not enter.isAccepted() and not drop.isAccepted()


def test_another_case_and_no_case(
    qtbot, panel: DocumentPanel, demo_context: AppContext, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    attach_school_report(qtbot, panel, monkeypatch, tmp_path)
    assert panel.case is not None
    with demo_context.sessions() as s:
        title = s.scalar(select(Case.title).where(Case.id != panel.case.case_id).order_by(Case.id).limit(1))
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        panel.show_case(case_ref(demo_context, str(title)))
    assert rows(panel) == [] and panel.empty.isVisible()
    panel.clear_case()
    assert rows(panel) == [] and not panel.attach_button.isEnabled() and not panel.empty.isVisible()


def test_focus_item_selects_the_document(
    qtbot, panel: DocumentPanel, demo_context: AppContext, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    attach_school_report(qtbot, panel, monkeypatch, tmp_path)
    with demo_context.sessions() as s:
        doc_id = s.scalar(select(Document.id))
    panel.table.clearSelection()
    assert panel.selected() is None
    panel.focus_item(doc_id)
    assert panel.selected() is not None and panel.selected().id == doc_id  # type: ignore[union-attr]


# -- in the main window ---------------------------------------------------------------------------------


def test_the_main_window_has_the_documents_tab_on_the_family_page(  # type: ignore[no-untyped-def]
    qtbot, demo_context: AppContext, settings, danish
) -> None:
    window = MainWindow(demo_context, settings, "da")
    qtbot.addWidget(window)
    window.show()
    tabs = window.family.tabs
    index = tabs.indexOf(window.documents)
    assert index >= 0 and tabs.tabText(index) == "Dokumenter"
    case_id = case_titled(demo_context, "Familien Holm Jensen")
    with qtbot.waitSignal(window.documents.loaded, timeout=30_000):
        window.open_case(case_id)
    assert window.documents.case is not None and window.documents.case.case_id == case_id
    assert window.windowTitle() == "Koordinator"


def test_an_edit_that_loses_the_race_keeps_both_changes(  # type: ignore[no-untyped-def]
    qtbot, panel: DocumentPanel, demo_context: AppContext, lanes, monkeypatch, tmp_path: Path
) -> None:
    attach_school_report(qtbot, panel, monkeypatch, tmp_path)
    doc = panel.selected()
    assert doc is not None and panel.case is not None
    dialog = DocumentDialog(demo_context, lanes, panel.case, doc, None, panel)
    qtbot.addWidget(dialog)
    dialog.title.setText("Skoleudtalelse, rettet titel")
    with demo_context.sessions.begin() as s:  # a colleague saves first, another field
        s.get(Document, doc.id).from_whom = "Vestskolen, skolelederen"  # type: ignore[union-attr]
    assert save(dialog)
    wait_for(lambda: not dialog.saving)
    with demo_context.sessions() as s:
        now = s.get(Document, doc.id)
        assert now is not None
        assert (now.title, now.from_whom) == ("Skoleudtalelse, rettet titel", "Vestskolen, skolelederen")
        assert now.version == doc.version + 2


def test_save_copy_proposes_a_fixed_name_for_every_kind_of_file() -> None:
    from app.services.documents.file_types import FILE_TYPES
    from app.ui.documents.document_panel import SAVE_AS

    assert set(SAVE_AS) == {*FILE_TYPES, "bin"}
    for extension, name in SAVE_AS.items():
        assert name.endswith(f".{extension}") and not any(ch.isdigit() for ch in name)
