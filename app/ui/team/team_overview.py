"""The team overview for team leads (Team → Team overview…): per coordinator a caseload bar
against the team's limit, overdue follow-ups and deadlines, plans waiting for approval and
absences with their deputies; the candidate cases without a coordinator; a double-click on a
figure lists the cases behind it and opens one in the main window; a PDF for the team meeting.
A second tab lists the candidates for coordination. Read on the store lane."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from typing_extensions import override

from app.models.enums import AbsenceKind
from app.pdf.team_overview_pdf import write_team_overview_pdf
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.team.overview import CoordinatorFigures, Figure, TeamOverview, team_overview
from app.store.errors import StoreError
from app.ui.common.a11y import tab_order
from app.ui.common.background import StoreLanes
from app.ui.common.colours import TONES, Tone, error_style, tone
from app.ui.common.formatting import format_date, format_load
from app.ui.common.noop import QT_TRANSLATE_NOOP
from app.ui.common.painting import blend
from app.ui.team.candidates_tab import CandidatesTab
from app.ui.team.cases_behind import CasesBehindDialog, read_only_table

log = logging.getLogger(__name__)

NAME, LOAD, FOLLOW_UPS, DEADLINES, PLANS, AWAY = range(6)
FIGURE_OF_COLUMN = {
    LOAD: Figure.CASELOAD,
    FOLLOW_UPS: Figure.FOLLOW_UPS,
    DEADLINES: Figure.DEADLINES,
    PLANS: Figure.PLANS,
    AWAY: Figure.ABSENCE,
}
ABSENCE_KINDS = {  # H1's labels may name these too; the overview keeps its own words
    AbsenceKind.HOLIDAY: QT_TRANSLATE_NOOP("TeamOverviewDialog", "holiday"),
    AbsenceKind.ILLNESS: QT_TRANSLATE_NOOP("TeamOverviewDialog", "illness"),
    AbsenceKind.COURSE: QT_TRANSLATE_NOOP("TeamOverviewDialog", "course"),
}
SHARE_ROLE = Qt.ItemDataRole.UserRole + 1  # the caseload as a share of the limit (over 1: above)


class CaseloadBarDelegate(QStyledItemDelegate):
    """A bar per person: the load against the limit in the palette's highlight, red above it."""

    @override
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        share = index.data(SHARE_ROLE)
        if share is None:
            super().paint(painter, option, index)
            return
        palette = option.palette
        rect: QRect = option.rect.adjusted(4, 5, -4, -5)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight).lighter(170))
        painter.save()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase).darker(108))
        above = float(share) > 1.0
        filled = QRect(rect.left(), rect.top(), int(rect.width() * min(float(share), 1.0)), rect.height())
        # the highlight taken towards the base under the palette's text; above the limit red
        # under white text (the same red on a light and a dark palette)
        light = blend(
            palette.color(QPalette.ColorRole.Highlight), palette.color(QPalette.ColorRole.Base), 0.65
        )
        painter.fillRect(filled, QColor(TONES[Tone.ERROR][0]) if above else light)
        painter.setPen(QColor("white") if above else palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, str(index.data()))
        painter.restore()


class TeamOverviewDialog(QDialog):
    case_chosen = Signal(int)  # open this case in the main window

    def __init__(self, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._lanes = lanes
        self.overview: TeamOverview | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Team overview"))
        self.resize(1100, 620)
        self.heading = QLabel(self)
        self.heading.setObjectName("teamHeading")
        self.heading.setWordWrap(True)
        headers = [
            self.tr("Coordinator"),
            self.tr("Caseload"),
            self.tr("Follow-ups overdue"),
            self.tr("Deadlines overdue"),
            self.tr("Plans not approved"),
            self.tr("Away (deputy)"),
        ]
        self.table = read_only_table(self, "teamTable", headers, whole_rows=False)
        self.table.setAccessibleName(self.tr("Caseworkers in the team"))
        self.table.setItemDelegateForColumn(LOAD, CaseloadBarDelegate(self.table))
        self.table.setToolTip(self.tr("Double-click a figure to see the cases behind it."))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AWAY, QHeaderView.ResizeMode.Stretch)
        self.without = QPushButton(self)
        self.without.setObjectName("withoutCoordinator")
        self.without.setFlat(True)
        self.without.setCursor(Qt.CursorShape.PointingHandCursor)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.pdf_button = QPushButton(self.tr("Export PDF…"), self)
        self.pdf_button.setObjectName("teamPdf")
        self.pdf_button.setEnabled(False)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        close = QPushButton(self.tr("Close"), self)

        team_page = QWidget(self)
        team_layout = QVBoxLayout(team_page)
        team_layout.addWidget(self.heading)
        team_layout.addWidget(self.table, 1)
        team_layout.addWidget(self.without, 0, Qt.AlignmentFlag.AlignLeft)
        self.candidates = CandidatesTab(context, lanes, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(team_page, self.tr("Coordinators"))
        self.tabs.addTab(self.candidates, self.tr("Candidates"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        tab_order(self.tabs, self.refresh_button, self.pdf_button, close, start=True)  # as they stand

        self.table.cellDoubleClicked.connect(self.show_cases_behind)
        self.without.clicked.connect(lambda: self.show_figure(Figure.WITHOUT_COORDINATOR, None))
        self.pdf_button.clicked.connect(self.export_pdf)
        self.refresh_button.clicked.connect(self.reload)
        close.clicked.connect(self.reject)
        self.candidates.case_created.connect(lambda _case: self.reload())
        self.reload()
        self.candidates.reload()

    # -- reading -------------------------------------------------------------------------
    def reload(self) -> None:
        """My team's figures (every caseworker's on a local store), read on the store lane."""
        sessions, today = self._context.sessions, local_today()
        team = self._context.user.team if self._context.store_kind != "sqlite" else None

        def job() -> TeamOverview:
            with sessions() as session:
                return team_overview(session, today, team)

        self.busy = True
        self._lanes.store.submit(job, self._arrived, self._failed, owner=self)

    def _arrived(self, overview: TeamOverview) -> None:
        self.busy = False
        self.overview = overview
        team = overview.team or self.tr("all coordinators")
        self.heading.setText(
            self.tr("Team: %1 · %2 · caseload limit %3 (a family counts %4, a citizen %5)")
            .replace("%1", team)
            .replace("%2", format_date(overview.today))
            .replace("%3", format_load(overview.settings.limit))
            .replace("%4", format_load(overview.settings.family_weight))
            .replace("%5", format_load(overview.settings.citizen_weight))
        )
        self.table.setRowCount(len(overview.rows))
        for row, person in enumerate(overview.rows):
            self._fill_row(row, person)
        self.table.horizontalHeader().setSectionResizeMode(LOAD, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(LOAD, 220)
        count = len(overview.without_coordinator)
        self.without.setText(self.tr("Candidate cases without a coordinator: %n", "", count))
        self.without.setStyleSheet("font-weight: bold;" if count else "")
        self.pdf_button.setEnabled(True)
        self.status.setText("")

    def _fill_row(self, row: int, person: CoordinatorFigures) -> None:
        assert self.overview is not None
        limit = self.overview.settings.limit
        cells = {
            NAME: person.name,
            LOAD: self.tr("%1 of %2")
            .replace("%1", format_load(person.load))
            .replace("%2", format_load(limit)),
            FOLLOW_UPS: str(len(person.follow_ups)),
            DEADLINES: str(len(person.deadlines)),
            PLANS: str(len(person.plans)),
            AWAY: "; ".join(
                self.tr("%1 %2–%3 (%4)")
                .replace("%1", self.tr(ABSENCE_KINDS[a.kind]))
                .replace("%2", format_date(a.starts_on))
                .replace("%3", format_date(a.ends_on))
                .replace("%4", a.deputy_name)
                for a in person.absences
            ),
        }
        for column, text in cells.items():
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.user_id)
            if column == LOAD:
                item.setData(SHARE_ROLE, float(person.load / limit) if limit else 0.0)
                if person.above(limit):
                    item.setToolTip(self.tr("Above the team's caseload limit."))
            elif column in (FOLLOW_UPS, DEADLINES, PLANS):
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if text != "0":
                    item.setForeground(tone(Tone.ERROR))
            self.table.setItem(row, column, item)

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        if not isinstance(exc, SQLAlchemyError | StoreError):
            raise exc
        log.warning("Reading the team overview failed: %s", type(exc).__name__)
        self.status.setStyleSheet(error_style())
        self.status.setText(self.tr("The team overview could not be read. Try again, or ask IT support."))

    # -- the cases behind a figure ----------------------------------------------------------
    def show_cases_behind(self, row: int, column: int) -> None:
        item = self.table.item(row, column)
        figure = FIGURE_OF_COLUMN.get(column)
        if item is None or figure is None:
            return
        self.show_figure(figure, int(item.data(Qt.ItemDataRole.UserRole)))

    def show_figure(self, figure: Figure, user_id: int | None) -> None:
        if self.overview is None:
            return
        cases = self.overview.cases_behind(figure, user_id)
        person = self.overview.row(user_id) if user_id is not None else None
        titles = {
            Figure.CASELOAD: self.tr("Cases in the caseload of %1"),
            Figure.FOLLOW_UPS: self.tr("Follow-ups overdue: %1"),
            Figure.DEADLINES: self.tr("Deadlines overdue: %1"),
            Figure.PLANS: self.tr("Plans not approved: %1"),
            Figure.ABSENCE: self.tr("Cases covered while %1 is away"),
            Figure.WITHOUT_COORDINATOR: self.tr("Candidate cases without a coordinator"),
        }
        title = titles[figure].replace("%1", person.name if person else "")
        dialog = CasesBehindDialog(title, cases, self)
        dialog.case_chosen.connect(self.case_chosen)
        self.cases_dialog = dialog
        dialog.open()

    # -- the PDF for the team meeting ---------------------------------------------------------
    def export_pdf(self) -> None:
        if self.overview is None:
            return
        # a fixed name: a file name must never carry data (the date is printed inside)
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the team overview"), "teamoverblik.pdf", "PDF (*.pdf)"
        )
        if not chosen:
            return
        overview, path = self.overview, Path(chosen)
        self._lanes.pdf.submit(
            lambda: write_team_overview_pdf(overview, path),
            lambda _none: self.status.setText(self.tr("Saved: %1").replace("%1", path.name)),
            self._pdf_failed,
            owner=self,
        )

    def _pdf_failed(self, exc: Exception) -> None:
        if not isinstance(exc, OSError):  # a full disk, a folder not ours, a refused name
            raise exc
        log.warning("Writing the team overview PDF failed: %s", type(exc).__name__)
        self.status.setStyleSheet(error_style())
        self.status.setText(self.tr("The PDF could not be written there. Choose another folder."))
