"""Two versions of the plan side by side, and the list of versions to choose them from.

The comparison itself is a service (``plans.compare_versions``: word-level segments); this
module only shows it. Removed words are marked on the left (struck through on red), added
words on the right (underlined on green): the marks differ in shape as well as in colour.
The two panes scroll together, section by section, so a section stays beside its twin.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import MeetingKind, PlanState
from app.services.common.clock import to_local
from app.services.plan.plan_document import (
    AgreementView,
    GoalView,
    PlanDocument,
    PlanVersionView,
    VersionSummary,
)
from app.services.plan.plans import SectionChange, compare_versions
from app.ui.common.colours import Cell, Tone, cell_style, tone_style
from app.ui.common.formatting import format_date
from app.ui.common.labels import label

HEADING_LEVEL = 4  # each section starts with an <h4>: the panes scroll together by these


def section_title(name: str, member_name: Callable[[int], str] | None = None) -> str:
    """The heading of a compared section (``SectionChange.name``)."""
    titles = {
        "summary": QCoreApplication.translate("CompareDialog", "The situation now"),
        "family_views": QCoreApplication.translate("CompareDialog", "In our own words"),
        "resources": QCoreApplication.translate("CompareDialog", "What works"),
        "barriers": QCoreApplication.translate("CompareDialog", "What is hard"),
        "sequencing": QCoreApplication.translate("CompareDialog", "The order of things"),
        "follow_up": QCoreApplication.translate("CompareDialog", "How we follow up"),
        "closing": QCoreApplication.translate("CompareDialog", "When the plan ends"),
    }
    if name in titles:
        return titles[name]
    kind, _, key = name.partition(":")
    if kind == "member":
        who = ""
        if member_name is not None and key.isdigit():
            who = member_name(int(key))
        return QCoreApplication.translate("CompareDialog", "About %1").replace("%1", who or "–")
    if kind == "goal":
        return QCoreApplication.translate("CompareDialog", "Goal")
    if kind == "agreement" and key.isdigit():
        return QCoreApplication.translate("CompareDialog", "Agreement %1").replace("%1", str(int(key) + 1))
    return name


def count_changes(changes: Sequence[SectionChange]) -> int:
    """Places where words were removed, added or replaced (a replacement counts once)."""
    count = 0
    for change in changes:
        in_change = False
        for segment in change.segments:
            if segment.op == "=":
                in_change = False
            elif not in_change:
                count += 1
                in_change = True
    return count


def compare_html(
    changes: Sequence[SectionChange],
    side: str,
    *,
    only_changes: bool = False,
    title: Callable[[str], str] | None = None,
) -> str:
    """One pane of the comparison as HTML: ``side`` "old" marks removed words, "new" added ones.

    Every text from the plan is escaped. Sections empty in both versions are left out;
    unchanged sections are dimmed, or left out with ``only_changes``.
    """
    if side not in ("old", "new"):
        raise ValueError(f"side must be 'old' or 'new', not {side!r}")
    heading = title or section_title
    # Marks that differ in shape, not only in colour, with their own text colour; light or dark
    # as the palette is. Unchanged text is grey.
    if side == "old":
        marked_op, style = "-", cell_style(Cell.REMOVED, "text-decoration:line-through;")
    else:
        marked_op, style = "+", cell_style(Cell.ADDED, "text-decoration:underline;")
    unchanged = tone_style(Tone.MUTED)
    parts: list[str] = []
    for change in changes:
        if not change.old and not change.new:
            continue
        if only_changes and not change.changed:
            continue
        parts.append(
            f'<h{HEADING_LEVEL} style="margin-top:14px; margin-bottom:4px;">'
            f"{html.escape(heading(change.name))}</h{HEADING_LEVEL}>"
        )
        text = change.old if side == "old" else change.new
        if not text:
            empty = html.escape(QCoreApplication.translate("CompareDialog", "(empty)"))
            parts.append(f'<p style="{unchanged}"><i>{empty}</i></p>')
            continue
        if not change.changed:
            body = html.escape(text)
            parts.append(f'<p style="white-space:pre-wrap; {unchanged}">{body}</p>')
            continue
        pieces: list[str] = []
        for segment in change.segments:
            if segment.op == "=":
                pieces.append(html.escape(segment.text))
            elif segment.op == marked_op:
                pieces.append(f'<span style="{style}">{html.escape(segment.text)}</span>')
        parts.append(f'<p style="white-space:pre-wrap;">{"".join(pieces)}</p>')
    if not parts:
        message = (
            QCoreApplication.translate("CompareDialog", "No changes.")
            if only_changes
            else QCoreApplication.translate("CompareDialog", "The plan has no text yet.")
        )
        parts.append(f'<p style="{unchanged}"><i>{html.escape(message)}</i></p>')
    return "<html><body>" + "".join(parts) + "</body></html>"


def version_heading(version: PlanVersionView | VersionSummary) -> str:
    """ "Version 2 – approved 12.11.2026" or "Draft (version 3)"."""
    number = str(version.number)
    if version.state == PlanState.DRAFT:
        return QCoreApplication.translate("CompareDialog", "Draft (version %1)").replace("%1", number)
    if version.approved_on is None:
        return QCoreApplication.translate("CompareDialog", "Version %1").replace("%1", number)
    return (
        QCoreApplication.translate("CompareDialog", "Version %1 – approved %2")
        .replace("%2", format_date(version.approved_on))
        .replace("%1", number)
    )


def meeting_text(meeting_label: str) -> str:
    """A meeting stored as "kind|iso date-time", shown as "kind dd.mm.yyyy"."""
    if not meeting_label:
        return ""
    kind, _, when = meeting_label.partition("|")
    try:
        kind_text = label(MeetingKind(kind))
    except ValueError:
        kind_text = kind
    day = ""
    if when:
        try:
            moment = datetime.fromisoformat(when)
        except ValueError:
            day = when
        else:
            day = format_date(to_local(moment).date())
    return f"{kind_text} {day}".strip()


def heading_tops(browser: QTextBrowser) -> list[float]:
    """The y of each section heading in the pane's document, in order."""
    doc = browser.document()
    layout = doc.documentLayout()
    tops: list[float] = []
    block: QTextBlock = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == HEADING_LEVEL:
            tops.append(layout.blockBoundingRect(block).top())
        block = block.next()
    return tops


class CompareDialog(QDialog):
    """``old`` on the left, ``new`` on the right, with the changes marked."""

    def _goal_text(self, goal: GoalView) -> str:
        parts = [label(goal.status)]
        if goal.target_date:
            parts.append(self.tr("by %1").replace("%1", format_date(goal.target_date)))
        if self.doc.is_family:  # whom it concerns: a change of the members is a change
            who = ", ".join(self.doc.member_name(c) or "?" for c in goal.member_ids)
            parts.append(who or self.tr("the whole family"))
        return f"{goal.text} ({', '.join(parts)})"

    def _agreement_text(self, agreement: AgreementView) -> str:
        due = format_date(agreement.due_date) if agreement.due_date else ""
        return " — ".join(
            x for x in (agreement.what, agreement.responsible_name, due, label(agreement.status)) if x
        )

    def __init__(
        self, old: PlanVersionView, new: PlanVersionView, doc: PlanDocument, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Compare plan versions"))
        self.resize(960, 640)
        self.old, self.new, self.doc = old, new, doc
        self.changes = compare_versions(old, new, self._goal_text, self._agreement_text)
        self.change_count = count_changes(self.changes)
        self._syncing = False

        self.count_label = QLabel(self)
        self.count_label.setObjectName("changeCount")
        if self.change_count:
            self.count_label.setText(self.tr("%n change(s)", "", self.change_count))
        else:
            self.count_label.setText(self.tr("No changes between these versions."))
        self.only_changes = QCheckBox(self.tr("Show only changes"), self)
        self.only_changes.setObjectName("onlyChanges")
        self.only_changes.setChecked(True)
        self.only_changes.toggled.connect(self._render)
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.only_changes)

        self.old_header = QLabel(version_heading(old), self)
        self.new_header = QLabel(version_heading(new), self)
        self.old_hint = QLabel(self.tr("Removed words are struck through."), self)
        self.new_hint = QLabel(self.tr("Added words are underlined."), self)
        for header in (self.old_header, self.new_header):
            font = header.font()
            font.setBold(True)
            header.setFont(font)
        self.old_browser = QTextBrowser(self)
        self.new_browser = QTextBrowser(self)
        self.old_browser.setObjectName("oldVersion")
        self.new_browser.setObjectName("newVersion")
        for hint, browser in ((self.old_hint, self.old_browser), (self.new_hint, self.new_browser)):
            hint.setStyleSheet("color: palette(placeholder-text);")
            browser.setOpenLinks(False)
            browser.setAccessibleName(hint.text())
        self.old_header.setBuddy(self.old_browser)
        self.new_header.setBuddy(self.new_browser)
        panes = QGridLayout()
        panes.addWidget(self.old_header, 0, 0)
        panes.addWidget(self.new_header, 0, 1)
        panes.addWidget(self.old_hint, 1, 0)
        panes.addWidget(self.new_hint, 1, 1)
        panes.addWidget(self.old_browser, 2, 0)
        panes.addWidget(self.new_browser, 2, 1)
        panes.setRowStretch(2, 1)

        self.old_browser.verticalScrollBar().valueChanged.connect(
            lambda _v: self._sync(self.old_browser, self.new_browser)
        )
        self.new_browser.verticalScrollBar().valueChanged.connect(
            lambda _v: self._sync(self.new_browser, self.old_browser)
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(panes, 1)
        layout.addWidget(buttons)
        self._render()

    def title(self, name: str) -> str:
        return section_title(name, self.doc.member_name)

    def _render(self) -> None:
        only = self.only_changes.isChecked()
        self.old_browser.setHtml(compare_html(self.changes, "old", only_changes=only, title=self.title))
        self.new_browser.setHtml(compare_html(self.changes, "new", only_changes=only, title=self.title))

    def _sync(self, source: QTextBrowser, target: QTextBrowser) -> None:
        """Scroll ``target`` so the section at the top of ``source`` is at its top too."""
        if self._syncing:
            return
        self._syncing = True
        try:
            src_bar, dst_bar = source.verticalScrollBar(), target.verticalScrollBar()
            value = src_bar.value()
            if value >= src_bar.maximum():
                dst_bar.setValue(dst_bar.maximum())
                return
            src = [0.0, *heading_tops(source), source.document().size().height()]
            dst = [0.0, *heading_tops(target), target.document().size().height()]
            if len(src) != len(dst):  # not the same sections: keep the same share of the way
                share = value / src_bar.maximum() if src_bar.maximum() else 0.0
                dst_bar.setValue(round(share * dst_bar.maximum()))
                return
            target_y = 0.0
            for index in range(len(src) - 1):
                if value < src[index + 1] or index == len(src) - 2:
                    start, end = src[index], src[index + 1]
                    share = (value - start) / (end - start) if end > start else 0.0
                    share = min(max(share, 0.0), 1.0)
                    target_y = dst[index] + share * (dst[index + 1] - dst[index])
                    break
            dst_bar.setValue(round(target_y))
        finally:
            self._syncing = False


VERSION_ROLE = Qt.ItemDataRole.UserRole


class HistoryDialog(QDialog):
    """The plan's versions; choose two (or one, to compare with the newest) and compare."""

    COLUMNS = 4

    def __init__(
        self,
        doc: PlanDocument,
        load_version: Callable[[int], PlanVersionView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Plan versions"))
        self.resize(640, 380)
        self.doc = doc
        self.load_version = load_version
        self.versions: list[VersionSummary] = sorted(doc.history, key=lambda v: v.number)

        hint = QLabel(
            self.tr(
                "Choose two versions to compare (hold Ctrl to choose the second), "
                "or one to compare with the newest."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setObjectName("versionList")
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAllColumnsShowFocus(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setHeaderLabels(
            [self.tr("Version"), self.tr("State"), self.tr("Approved"), self.tr("Meeting")]
        )
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)
        for version in reversed(self.versions):  # newest first
            self.table.addTopLevelItem(self._row(version))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(self._double_clicked)

        self.choice_label = QLabel(self)
        self.choice_label.setObjectName("compareChoice")
        self.choice_label.setStyleSheet("color: palette(placeholder-text);")
        self.compare_button = QPushButton(self.tr("Compare…"), self)
        self.compare_button.setObjectName("compareButton")
        self.compare_button.setDefault(True)
        self.compare_button.clicked.connect(self.compare_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.compare_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.choice_label)
        layout.addWidget(buttons)
        self._selection_changed()

    def _row(self, version: VersionSummary) -> QTreeWidgetItem:
        state = self.tr("Approved") if version.state == PlanState.APPROVED else self.tr("Draft")
        item = QTreeWidgetItem(
            [
                str(version.number),
                state,
                format_date(version.approved_on),
                meeting_text(version.meeting_label),
            ]
        )
        item.setData(0, VERSION_ROLE, version.id)
        item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if version.participants.strip():
            who = html.escape(version.participants.strip()).replace("\n", "<br>")
            tip = "<p>" + html.escape(self.tr("Took part: %1")).replace("%1", who) + "</p>"
            for column in range(self.COLUMNS):
                item.setToolTip(column, tip)
        return item

    # -- choosing ---------------------------------------------------------------------------

    def _version(self, version_id: int) -> VersionSummary:
        return next(v for v in self.versions if v.id == version_id)

    def row_of(self, version_id: int) -> QTreeWidgetItem | None:
        for index in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(index)
            if item is not None and item.data(0, VERSION_ROLE) == version_id:
                return item
        return None

    def select_versions(self, *version_ids: int) -> None:
        """Select these versions' rows (and nothing else)."""
        with QSignalBlocker(self.table):
            self.table.clearSelection()
            for version_id in version_ids:
                item = self.row_of(version_id)
                if item is not None:
                    item.setSelected(True)
        self._selection_changed()

    def selected_pair(self) -> tuple[VersionSummary, VersionSummary] | None:
        """(older, newer) to compare, or None when the selection does not make a pair."""
        chosen = sorted(
            (self._version(item.data(0, VERSION_ROLE)) for item in self.table.selectedItems()),
            key=lambda v: v.number,
        )
        if len(chosen) == 2:
            return chosen[0], chosen[1]
        if len(chosen) == 1 and self.versions and chosen[0].number < self.versions[-1].number:
            return chosen[0], self.versions[-1]
        return None

    def _selection_changed(self) -> None:
        pair = self.selected_pair()
        self.compare_button.setEnabled(pair is not None)
        if pair is None:
            self.choice_label.setText("")
            return
        older, newer = pair
        self.choice_label.setText(
            self.tr("Compare %1 with %2")
            .replace("%2", version_heading(newer))
            .replace("%1", version_heading(older))
        )

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        version = self._version(item.data(0, VERSION_ROLE))
        newest = self.versions[-1]
        if version.id != newest.id:
            self.compare(version, newest)
        elif len(self.versions) > 1:  # the newest itself: with the one before it
            self.compare(self.versions[-2], newest)

    # -- comparing --------------------------------------------------------------------------

    def compare_selected(self) -> None:
        pair = self.selected_pair()
        if pair is not None:
            self.compare(*pair)

    def compare(self, older: VersionSummary, newer: VersionSummary) -> None:
        """Load both versions and show them side by side, the older on the left."""
        if newer.number < older.number:
            older, newer = newer, older
        old_view = self.load_version(older.id)
        new_view = self.load_version(newer.id)
        dialog = CompareDialog(old_view, new_view, self.doc, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
