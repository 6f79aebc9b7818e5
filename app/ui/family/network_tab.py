"""The professionals around the family: the eco-map (netværkskort) and the contact list."""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app.services.common.context import AppContext
from app.services.family.family_analysis import FamilyAnalysis
from app.services.family.family_overview import ProfessionalInfo
from app.ui.common.background import StoreLanes
from app.ui.common.columns import keep_fitted
from app.ui.common.labels import label
from app.ui.family.eco_map import EcoMapView

log = logging.getLogger(__name__)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def contact_list_text(professionals: tuple[ProfessionalInfo, ...], headers: list[str]) -> str:
    """Tab-separated, one professional a line: pastes into a spreadsheet or an e-mail."""
    lines = ["\t".join(headers)]
    for pro in professionals:
        lines.append(
            "\t".join([pro.name, pro.role, pro.organisation, label(pro.sector), pro.phone, pro.email])
        )
    return "\n".join(lines) + "\n"


class NetworkTab(QWidget):
    add_requested = Signal()
    link_requested = Signal()
    edit_requested = Signal(int)  # professional id

    def __init__(
        self,
        parent: QWidget | None = None,
        context: AppContext | None = None,
        lanes: StoreLanes | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = context  # where exports are written to the audit log
        self._lanes = lanes  # which write it off the GUI thread
        self.analysis: FamilyAnalysis | None = None
        self._map_stale = False
        self.eco_map = EcoMapView(self)
        self.eco_map.setObjectName("ecoMap")
        self.contacts = QTableWidget(0, 6, self)
        self.contacts.setObjectName("contactTable")
        self.contacts.setAccessibleName(self.tr("The family's network"))
        self.headers = [
            self.tr("Name"),
            self.tr("Role"),
            self.tr("Organisation"),
            self.tr("Sector"),
            self.tr("Phone"),
            self.tr("E-mail"),
        ]
        self.contacts.setHorizontalHeaderLabels(self.headers)
        self.contacts.verticalHeader().setVisible(False)
        self.contacts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contacts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.contacts.doubleClicked.connect(lambda _i: self._edit())
        self.add_button = QPushButton(self.tr("New professional…"), self)
        self.add_button.setObjectName("addProfessional")
        self.link_button = QPushButton(self.tr("Add existing…"), self)
        self.link_button.setObjectName("linkProfessional")
        self.edit_button = QPushButton(self.tr("Change…"), self)
        self.copy_button = QPushButton(self.tr("Copy contact list"), self)
        self.copy_button.setObjectName("copyContacts")
        self.save_button = QPushButton(self.tr("Save picture…"), self)
        self.save_button.setObjectName("saveEcoMap")
        self.zoom_in_button = QPushButton(self.tr("Zoom in"), self)
        self.zoom_in_button.setToolTip(self.tr("Larger map (Ctrl++ or Ctrl+wheel)"))
        self.zoom_in_button.clicked.connect(self.eco_map.zoom_in)
        self.zoom_out_button = QPushButton(self.tr("Zoom out"), self)
        self.zoom_out_button.setToolTip(self.tr("Smaller map (Ctrl+-)"))
        self.zoom_out_button.clicked.connect(self.eco_map.zoom_out)
        self.fit_button = QPushButton(self.tr("Whole map"), self)
        self.fit_button.setToolTip(self.tr("Show the whole map (Ctrl+0)"))
        self.fit_button.clicked.connect(self.eco_map.zoom_to_fit)
        self.add_button.clicked.connect(self.add_requested)
        self.link_button.clicked.connect(self.link_requested)
        self.edit_button.clicked.connect(self._edit)
        self.copy_button.clicked.connect(self.copy_contacts)
        self.save_button.clicked.connect(self.save_picture)

        # The picture above the list, both the page's full width: six columns of names, roles
        # and addresses do not fit beside the picture on a 1366 px screen.
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.eco_map)
        splitter.addWidget(self.contacts)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 220])  # the picture gets most of the height
        self.splitter = splitter
        buttons = QHBoxLayout()
        for button in (self.add_button, self.link_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        row = [self.add_button, self.link_button, self.edit_button, self.zoom_in_button]
        row += [self.zoom_out_button, self.fit_button, self.copy_button, self.save_button]
        for first, second in itertools.pairwise(row):
            QWidget.setTabOrder(first, second)  # Tab goes along the row as it reads
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def show_analysis(self, analysis: FamilyAnalysis, read_only: bool) -> None:
        self.analysis = analysis
        overview = analysis.overview
        # The picture is laid out when the tab is seen, not when the case opens.
        self._map_stale = True
        if self.isVisible():
            self._draw_map()
        pros = overview.professionals
        self.contacts.setRowCount(len(pros))
        for row, pro in enumerate(pros):
            values = [pro.name, pro.role, pro.organisation, label(pro.sector), pro.phone, pro.email]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, pro.id)
                item.setToolTip(value)  # a narrow column elides: the whole text on hover
                self.contacts.setItem(row, column, item)
        self.contacts.horizontalHeader().setStretchLastSection(True)
        self.contacts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.contacts.setMinimumHeight(120)
        keep_fitted(self.contacts, flexible=(5, 2, 1))  # role, organisation and e-mail elide
        for button in (self.add_button, self.link_button, self.edit_button):
            button.setEnabled(not read_only)
        self.copy_button.setEnabled(bool(pros))

    def _draw_map(self) -> None:
        if self._map_stale and self.analysis is not None:
            self.eco_map.show_overview(self.analysis.overview, self.analysis.today)
            self._map_stale = False

    @override
    def showEvent(self, event: QShowEvent) -> None:
        self._draw_map()
        super().showEvent(event)

    def selected_professional(self) -> int | None:
        items = self.contacts.selectedItems()
        return int(items[0].data(ID_ROLE)) if items else None

    def _edit(self) -> None:
        chosen = self.selected_professional()
        if chosen is not None:
            self.edit_requested.emit(chosen)

    def copy_contacts(self) -> str:
        if self.analysis is None:
            return ""
        text = contact_list_text(self.analysis.overview.professionals, self.headers)
        QGuiApplication.clipboard().setText(text)
        self._log_export("contacts", "contact list (clipboard)")
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(self.tr("The contact list has been copied."), 4000)
        return text

    def save_picture(self) -> None:
        self._draw_map()
        # The file name is the user's choice; we never propose one with a name or CPR in it.
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the network picture"),
            self.tr("network.png"),
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if not path:
            return
        try:
            if path.lower().endswith(".svg") or (chosen.endswith("(*.svg)") and "." not in path[-5:]):
                if not path.lower().endswith(".svg"):
                    path += ".svg"
                self.eco_map.export_svg(path)
                kind = "eco-map.svg"
            else:
                if not path.lower().endswith(".png"):
                    path += ".png"
                self.eco_map.export_png(path)
                kind = "eco-map.png"
        except OSError:
            log.warning("Saving the network picture failed")
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("The picture could not be saved there. Choose another folder."),
            )
            return
        self._log_export("ecomap", kind)

    def _log_export(self, object_type: str, kind: str) -> None:
        """An export in the audit log (the kind of file, never its path), in a transaction of
        its own. The store is the one of the screen the tab sits in."""
        if self.analysis is None:
            return
        context, lanes = self._store, self._lanes
        if context is None or lanes is None:
            log.warning("No store to write the audit entry for an export to")
            return
        from app.services.common import audit

        sessions, case_id = context.sessions, self.analysis.overview.summary.id

        def job() -> None:
            with sessions() as session:
                audit.record_now(
                    session,
                    audit.EXPORT,
                    object_type=object_type,
                    object_id=case_id,
                    case_id=case_id,
                    details={"kind": kind},
                )

        lanes.store.submit(job, lambda _none: None, self._log_failed)

    @staticmethod
    def _log_failed(exc: Exception) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        if not isinstance(exc, SQLAlchemyError):
            raise exc
        log.warning("Writing the audit entry for an export failed")
