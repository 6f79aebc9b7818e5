"""Search across everything, in the main window's toolbar: the places found appear below the
field as you type. The arrow keys choose a place, Enter (or a double-click) opens its case
there; Escape closes the list. Ctrl+K goes to the field from anywhere, Ctrl+F too where the
page has no search field of its own (the case list keeps Ctrl+F for its filter).

The search runs on the store lane, one at a time: while one runs, what is typed meanwhile
waits, and only the newest text is searched next; an answer for an older text is never shown.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from typing_extensions import override

from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.search.search import SearchResult, search_everything
from app.ui.common.background import StoreLanes
from app.ui.search.result_list import HitDelegate, HitModel, more_text, no_results_text

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 250  # a pause in typing
MIN_CHARS = 2  # a single letter finds too much to be of use
FIELD_MAX_WIDTH = 480
PANEL_WIDTH = 640
PANEL_HEIGHT = 440
_MOVES = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}


class SearchBox(QWidget):
    open_requested = Signal(int, str, int)  # case id, what matched (a Source value), its row's id
    searched = Signal()  # an answer (results, none, or a failure) is shown

    def __init__(self, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lanes = lanes
        self.field = QLineEdit(self)
        self.field.setObjectName("searchEverything")
        self.field.setAccessibleName(self.tr("Search everything"))
        self.field.setProperty("no_label", "named; its placeholder or items say what it is")
        self.field.setPlaceholderText(self.tr("Search everything (Ctrl+K)"))
        self.field.setToolTip(
            self.tr(
                "Names, CPR, case numbers, addresses, professionals, agreements, goals, journal, "
                "tasks and document titles in the cases you may see"
            )
        )
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(320)
        self.field.setMaximumWidth(FIELD_MAX_WIDTH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)

        self.panel = QFrame(self)
        self.panel.setObjectName("searchResults")
        self.panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.panel.setAutoFillBackground(True)
        self.model = HitModel(self)
        self.list = QListView(self.panel)
        self.list.setObjectName("searchResultList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(HitDelegate(self.list))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the field
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setWordWrap(True)
        self.status = QLabel(self.panel)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.setMargin(6)
        panel_layout = self.panel_layout = QVBoxLayout(self.panel)
        panel_layout.setContentsMargins(2, 2, 2, 2)
        panel_layout.addWidget(self.list, 1)
        panel_layout.addWidget(self.status)
        self.panel.hide()

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.search_now)
        self.field.textChanged.connect(self._typed)
        self.field.installEventFilter(self)
        self.list.activated.connect(self._open_index)  # a double-click (a click where the style says so)

        self.result: SearchResult | None = None
        self.shown_text = ""  # the text whose answer is shown
        self._asked = ""  # the newest text to search for
        self.busy = False  # a search is on the store lane
        self._open_when_answered = False
        self._window_watched: QWidget | None = None
        self.focus_shortcut: QShortcut | None = None
        self.find_shortcut: QShortcut | None = None

    # -- keys ------------------------------------------------------------------------------

    def install_shortcuts(self, window: QWidget) -> None:
        """Ctrl+K, and Ctrl+F while :meth:`set_find_key` allows it, go to the field."""
        self.focus_shortcut = QShortcut(QKeySequence("Ctrl+K"), window, self.focus_field)
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), window, self.focus_field)

    def set_find_key(self, enabled: bool) -> None:
        """Ctrl+F is the search's where the page shown has no search field of its own."""
        if self.find_shortcut is not None:
            self.find_shortcut.setEnabled(enabled)

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.model.rowCount() or self.status.text():
            self._show_panel()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        if watched is self.field and event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(0, self._hide_unless_focused)
        if watched is self._window_watched and event.type() == QEvent.Type.Resize and self.panel.isVisible():
            self._show_panel()
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in _MOVES:
            if not self.panel.isVisible() and self.model.rowCount():
                self._show_panel()
            else:
                self._move(_MOVES[Qt.Key(key)])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.timer.isActive() or self.busy or self.shown_text != self.field.text():
                self._open_when_answered = True
                self.search_now()
            else:
                self.open_current()
            return True
        if key == Qt.Key.Key_Escape and self.panel.isVisible():
            self.panel.hide()
            return True
        return False

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.list.currentIndex().row()
        row = min(rows - 1, max(0, (current if current >= 0 else -1) + step))
        self.list.setCurrentIndex(self.model.index(row))
        self.list.scrollTo(self.model.index(row))

    # -- searching -------------------------------------------------------------------------

    def _typed(self, _text: str) -> None:
        self._open_when_answered = False
        self.timer.start()

    def search_now(self) -> None:
        """Search for the field's text at once (typing pauses start it by themselves)."""
        self.timer.stop()
        text = self.field.text()
        self._asked = text
        if len(text.strip()) < MIN_CHARS:
            self._clear()
            return
        if not self.busy:
            self._start(text)

    def _start(self, text: str) -> None:
        self.busy = True
        sessions = self.context.sessions

        def job() -> tuple[str, SearchResult]:
            with sessions() as session:
                return text, search_everything(session, text)

        self.lanes.store.submit(job, self._answered, self._failed, owner=self)

    def _answered(self, answer: tuple[str, SearchResult]) -> None:
        self.busy = False
        text, result = answer
        if text != self._asked:  # typed on meanwhile: the newest text wins
            self.search_now()
            return
        self.result, self.shown_text = result, text
        self.model.show(list(result.hits), local_today())
        self.list.setVisible(bool(result.hits))
        if not result.hits:
            self.status.setText(no_results_text(result.criterion))
        elif result.more:
            self.status.setText(more_text(len(result.hits)))
        else:
            self.status.setText("")
        self.status.setVisible(bool(self.status.text()))
        if result.hits:
            self.list.setCurrentIndex(self.model.index(0))
        self._show_panel()
        self.searched.emit()
        if self._open_when_answered:
            self._open_when_answered = False
            self.open_current()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        if not isinstance(exc, SQLAlchemyError):
            raise exc
        log.warning("The search failed: %s", type(exc).__name__)
        self.result, self.shown_text = None, ""
        self.model.show([], local_today())
        self.list.hide()
        self.status.setText(self.tr("The search could not be run: the database did not answer. Try again."))
        self.status.show()
        self._show_panel()
        self.searched.emit()

    def _clear(self) -> None:
        self.result, self.shown_text = None, self.field.text()
        self.model.show([], local_today())
        self.status.setText("")
        self.panel.hide()

    # -- opening ---------------------------------------------------------------------------

    def open_current(self) -> None:
        row = self.list.currentIndex().row()
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self._open_row(row)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open_row(index.row())

    def _open_row(self, row: int) -> None:
        hit = self.model.hits[row]
        self.panel.hide()
        self.open_requested.emit(hit.case_id, hit.source.value, hit.item_id)

    # -- the panel -------------------------------------------------------------------------

    def _show_panel(self) -> None:
        """Below the field, over the page (the panel is the window's child for that)."""
        window = self.window()
        if self.panel.parentWidget() is not window:
            self.panel.setParent(window)
            window.installEventFilter(self)
            self._window_watched = window
        corner = self.field.mapTo(window, QPoint(0, self.field.height() + 2))
        width = min(max(PANEL_WIDTH, self.field.width()), max(200, window.width() - 8))
        left = max(4, min(corner.x(), window.width() - width - 4))
        self.panel.setGeometry(left, corner.y(), width, PANEL_HEIGHT)  # the rows' heights depend on it
        height = min(self._content_height(), PANEL_HEIGHT, window.height() - corner.y() - 8)
        self.panel.setGeometry(left, corner.y(), width, max(40, height))
        self.panel.raise_()
        self.panel.show()

    def _content_height(self) -> int:
        """As tall as the rows and the note below them (the list scrolls past PANEL_HEIGHT)."""
        margins = self.panel_layout.contentsMargins()
        height = margins.top() + margins.bottom() + 2 * self.panel.frameWidth()
        if self.list.isVisibleTo(self.panel):
            rows = sum(self.list.sizeHintForRow(r) for r in range(self.model.rowCount()))
            height += rows + 2 * self.list.frameWidth()
        if self.status.text():
            height += self.status.heightForWidth(self.panel.width() - 8) + self.panel_layout.spacing()
        return height

    def _hide_unless_focused(self) -> None:
        if not self.field.hasFocus():
            self.panel.hide()
