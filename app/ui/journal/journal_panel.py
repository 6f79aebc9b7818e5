"""The case journal as a tab of the family page: the notes newest first, each correction
indented under the note it corrects, a filter by person, the whole note to read, and the
buttons to write, change (while a note is open) and correct (once it is locked).

The journal is read when the tab is seen (not whenever a case opens): each read the user
asks for — opening the case's journal, choosing a person — is a lookup in the audit log; a
re-read of what is shown after a change is not."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from typing_extensions import override

from app.services.common.clock import now_utc
from app.services.common.context import AppContext
from app.services.journal.journal_view import EntryView, JournalView, load_journal
from app.ui.common.a11y import tab_order
from app.ui.common.background import StoreLanes
from app.ui.common.case_panel import CaseRef
from app.ui.common.formatting import format_datetime
from app.ui.common.labels import label
from app.ui.journal.entry_dialog import JournalEntryDialog, Mode, link_text

log = logging.getLogger(__name__)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = 4


class JournalPanel(QWidget):
    """A :class:`~app.ui.common.case_panel.CasePanel` of the family page."""

    loaded = Signal(int)  # case id, after the list shows it
    changed = Signal()  # a note was saved
    store_failed = Signal()

    def __init__(self, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalPanel")
        self._context = context
        self.lanes = lanes
        self.case: CaseRef | None = None
        self.view: JournalView | None = None
        self._stale = False  # the case changed or was saved since the list was read
        self._logged: tuple[int, int | None] | None = None  # (case, person) last read for the user
        self._request = 0
        self._focus: int | None = None  # a note to select once the list is read
        self._read_pending = False  # a read is under way

        self.filter = QComboBox(self)
        self.filter.setObjectName("journalFilter")
        filter_label = QLabel(self.tr("Show notes about"), self)
        filter_label.setBuddy(self.filter)
        self.filter.activated.connect(lambda _index: self.reload())
        self.entries = QTreeWidget(self)
        self.entries.setObjectName("journalEntries")
        self.entries.setAccessibleName(self.tr("Journal entries"))
        self.entries.setColumnCount(COLUMNS)
        self.entries.setHeaderLabels(
            [self.tr("Time"), self.tr("Kind"), self.tr("Written by"), self.tr("Subject")]
        )
        self.entries.setRootIsDecorated(False)
        self.entries.setIndentation(24)
        self.entries.setUniformRowHeights(True)
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entries.header().setStretchLastSection(True)
        self.entries.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.entries.itemSelectionChanged.connect(self._selected)
        self.entries.itemDoubleClicked.connect(lambda _item, _column: self._open_selected())
        self.empty = QLabel(self)
        self.empty.setObjectName("journalEmpty")
        self.empty.setWordWrap(True)
        self.reader = QTextBrowser(self)
        self.reader.setObjectName("journalReader")
        self.reader.setAccessibleName(self.tr("The chosen journal entry"))
        self.reader.setOpenLinks(False)
        self.new_button = QPushButton(self.tr("New note…"), self)
        self.new_button.setObjectName("newJournalNote")
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("editJournalNote")
        self.correct_button = QPushButton(self.tr("Correct…"), self)
        self.correct_button.setObjectName("correctJournalNote")
        self.new_button.clicked.connect(self.new_note)
        self.edit_button.clicked.connect(self.edit_note)
        self.correct_button.clicked.connect(self.correct_note)

        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter)
        top.addStretch(1)
        for button in (self.new_button, self.edit_button, self.correct_button):
            top.addWidget(button)
        left = QWidget(self)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.entries, 1)
        left_box.addWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.reader)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        # Tab as it reads: the filter and the buttons above, then the list and the note.
        tab_order(
            self.filter, self.new_button, self.edit_button, self.correct_button, self.entries, self.reader
        )
        self.clear_case()

    # -- the CasePanel protocol -------------------------------------------------------------------
    def show_case(self, case: CaseRef) -> None:
        same = self.case is not None and self.case.case_id == case.case_id
        self.case = case
        if not same:
            self.view = None
            self._fill_filter()
            self.entries.clear()
            self.reader.clear()
        self._stale = True
        if self.isVisible():
            self.reload()
        self._update_buttons()

    def clear_case(self) -> None:
        self.case = None
        self.view = None
        self._stale = False
        self._logged = None
        self._request += 1  # a read under way is no longer wanted
        self._read_pending = False
        self.filter.clear()
        self.entries.clear()
        self.reader.clear()
        self.empty.setText(self.tr("Open a case to see its journal."))
        self._update_buttons()

    def focus_item(self, item_id: int) -> None:
        """Select a note (from "Min dag" or a search), reading the journal first if need be."""
        self._focus = item_id
        if self._read_pending:
            return  # chosen when the read under way arrives
        if self.view is not None and not self._stale and self.view.find(item_id) is not None:
            self._apply_focus()
        elif self.case is not None:
            if self.view is not None and self.view.member_id is not None:
                self.filter.setCurrentIndex(0)  # it may be hidden by the person chosen
            self.reload()

    # -- reading ------------------------------------------------------------------------------------
    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.case is not None:
            self.reload()

    def reload(self) -> None:
        """Read the case's journal on the store lane (with the person chosen)."""
        if self.case is None:
            return
        case_id = self.case.case_id
        member = self.filter.currentData()
        member_id = int(member) if member is not None else None
        opened = self._logged != (case_id, member_id)  # the user asks for something new
        self._logged = (case_id, member_id)
        self._stale = False
        sessions = self._context.sessions

        def job() -> JournalView:
            with sessions() as session:
                return load_journal(session, case_id, member_id=member_id, opened=opened)

        self._request += 1
        self._read_pending = True
        request = self._request
        self.lanes.store.submit(job, lambda view: self._arrived(view, request), self._failed, owner=self)

    def _arrived(self, view: JournalView, request: int) -> None:
        if request != self._request or self.case is None or view.case_id != self.case.case_id:
            return  # a newer read was asked for, or another case opened meanwhile
        self._read_pending = False
        if self._focus is not None and view.find(self._focus) is None and view.member_id is not None:
            self.filter.setCurrentIndex(0)  # the note asked for is hidden by the person chosen
            self.reload()
            return
        chosen = self.selected_id()
        self.view = view
        self._show(view)
        target = self._focus if self._focus is not None else chosen
        if target is None and view.entries:
            target = view.entries[0].id  # the newest note, read at once (no empty reading pane)
        if target is not None:
            self._select(target)
        self._focus = None
        self._update_buttons()
        self.loaded.emit(view.case_id)

    def _failed(self, exc: Exception) -> None:
        if not isinstance(exc, SQLAlchemyError):
            raise exc
        log.warning("Reading the journal failed: %s", type(exc).__name__)
        self._read_pending = False
        self._stale = True
        self.store_failed.emit()

    def _fill_filter(self) -> None:
        self.filter.clear()
        self.filter.addItem(self.tr("Everyone"), None)
        for citizen_id, name in self.case.members if self.case else ():
            self.filter.addItem(name, citizen_id)

    def _show(self, view: JournalView) -> None:
        self.entries.clear()
        for entry in view.entries:
            top = self._item(entry, None)
            for correction in entry.corrections:
                self._item(correction, top)
            top.setExpanded(True)
        for column in range(COLUMNS - 1):
            self.entries.resizeColumnToContents(column)
        if view.entries:
            self.empty.setText("")
        elif view.member_id is not None:
            self.empty.setText(self.tr("No notes about this person."))
        else:
            self.empty.setText(self.tr("No notes in this journal yet. Write the first with New note…"))
        self.empty.setVisible(not view.entries)
        self._selected()

    def _item(self, entry: EntryView, parent: QTreeWidgetItem | None) -> QTreeWidgetItem:
        correction = parent is not None
        kind = self.tr("Correction") if correction else label(entry.kind)
        when = entry.created_at if correction else entry.occurred_at
        texts = [format_datetime(when), kind, entry.author_name, entry.heading]
        item = QTreeWidgetItem(parent, texts) if parent is not None else QTreeWidgetItem(self.entries, texts)
        item.setData(0, ID_ROLE, entry.id)
        if correction:
            font = QFont(item.font(1))
            font.setBold(True)
            item.setFont(1, font)
            item.setToolTip(1, self.tr("A correction of the note above, written later"))
        if entry.locked_at(now_utc()):
            item.setToolTip(0, self.tr("Locked since %1").replace("%1", format_datetime(entry.locks_at)))
        return item

    # -- the chosen note ------------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        items = self.entries.selectedItems()
        return int(items[0].data(0, ID_ROLE)) if items else None

    def selected_entry(self) -> EntryView | None:
        chosen = self.selected_id()
        return self.view.find(chosen) if self.view is not None and chosen is not None else None

    def _select(self, entry_id: int) -> bool:
        for item in self._all_items():
            if int(item.data(0, ID_ROLE)) == entry_id:
                self.entries.setCurrentItem(item)
                self.entries.scrollToItem(item)
                return True
        return False

    def _apply_focus(self) -> None:
        if self._focus is not None and self._select(self._focus):
            self._focus = None

    def _all_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        for i in range(self.entries.topLevelItemCount()):
            top = self.entries.topLevelItem(i)
            if top is None:
                continue
            found.append(top)
            found += [child for j in range(top.childCount()) if (child := top.child(j)) is not None]
        return found

    def _selected(self) -> None:
        entry = self.selected_entry()
        self.reader.setHtml(self._reading(entry) if entry is not None else "")
        self._update_buttons()

    def _reading(self, entry: EntryView) -> str:
        """The whole note with what it is about, for reading (escaped: it is the user's text)."""
        assert self.view is not None
        names = dict(self.case.members) if self.case else {}
        rows = [
            (self.tr("Kind"), label(entry.kind)),
            (self.tr("When it happened"), format_datetime(entry.occurred_at)),
            (self.tr("Written by"), f"{entry.author_name}, {format_datetime(entry.created_at)}"),
            (self.tr("Concerns"), ", ".join(entry.member_names) or self.tr("Nobody in particular")),
            (self.tr("About"), link_text(self.view.links, entry.as_input(), names)),
        ]
        original = self.view.find(entry.corrects_id) if entry.corrects_id is not None else None
        if original is not None:
            rows.append((self.tr("Corrects"), f"{format_datetime(original.created_at)}: {original.heading}"))
        if entry.locked_at(now_utc()):
            rows.append(
                (self.tr("Status"), self.tr("Locked since %1").replace("%1", format_datetime(entry.locks_at)))
            )
        else:
            status = self.tr("Can be changed until %1").replace("%1", format_datetime(entry.locks_at))
            rows.append((self.tr("Status"), status))
        table = "".join(
            f"<tr><td><b>{html.escape(name)}</b></td><td>{html.escape(value)}</td></tr>"
            for name, value in rows
            if value
        )
        subject = f"<h3>{html.escape(entry.subject)}</h3>" if entry.subject.strip() else ""
        body = html.escape(entry.text)
        return f"{subject}<table cellspacing='4'>{table}</table><p style='white-space: pre-wrap'>{body}</p>"

    def _update_buttons(self) -> None:
        case, entry = self.case, self.selected_entry()
        writable = case is not None and not case.read_only
        closed = self.tr("The case is closed: its journal is shown, not changed.")
        self.new_button.setEnabled(writable)
        self.new_button.setToolTip("" if writable or case is None else closed)
        locked = entry is not None and entry.locked_at(now_utc())
        self.edit_button.setEnabled(writable and entry is not None and not locked)
        self.correct_button.setEnabled(writable and entry is not None and locked)
        if case is not None and not writable:
            why_not_edit = why_not_correct = closed
        elif entry is None:
            why_not_edit = why_not_correct = self.tr("Choose a note first.")
        elif locked:
            hours = self.view.lock_hours if self.view is not None else 0
            why_not_edit = self.tr(
                "This note was written more than %n hour(s) ago and is locked, as the duty to keep notes "
                "asks. Use Correct… to add a correction beside it.",
                "",
                hours,
            )
            why_not_correct = ""
        else:
            why_not_edit = ""
            why_not_correct = self.tr("The note can still be changed until %1: use Edit….").replace(
                "%1", format_datetime(entry.locks_at)
            )
        self.edit_button.setToolTip(why_not_edit)
        self.correct_button.setToolTip(why_not_correct)

    # -- writing --------------------------------------------------------------------------------------
    def new_note(self) -> None:
        self._open_dialog(None, Mode.NEW)

    def edit_note(self) -> None:
        entry = self.selected_entry()
        if entry is not None and self.edit_button.isEnabled():
            self._open_dialog(entry, Mode.EDIT)

    def correct_note(self) -> None:
        entry = self.selected_entry()
        if entry is not None and self.correct_button.isEnabled():
            self._open_dialog(entry, Mode.CORRECT)

    def _open_selected(self) -> None:
        if self.edit_button.isEnabled():
            self.edit_note()
        elif self.correct_button.isEnabled():
            self.correct_note()

    def _open_dialog(self, entry: EntryView | None, mode: Mode) -> None:
        if self.case is None or self.case.read_only or self.view is None:
            return
        dialog = JournalEntryDialog(self._context, self.lanes, self.case, self.view.links, entry, mode, self)
        accepted = bool(dialog.exec())
        stored = dialog.stored_id
        dialog.deleteLater()
        if not accepted or stored is None:
            return
        self._focus = stored
        self.reload()
        self.changed.emit()
