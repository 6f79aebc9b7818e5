"""The plan's agreements — what, who, by when, status — edited in place in a table."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import ResponsibleKind
from app.services.plan.plan_document import PlanDocument
from app.services.plan.plan_draft import AgreementInput
from app.ui.common.columns import keep_fitted
from app.ui.plan.plan_delegates import ChoiceDelegate, OptionalDateDelegate
from app.ui.plan.plan_models import AgreementColumn, AgreementModel, who_key


class AgreementsTab(QWidget):
    task_requested = Signal(str)  # the chosen agreement's key: make a task of it (wired outside)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AgreementModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("agreementTable")
        self.view.setAccessibleName(self.tr("Agreements"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        rows = self.view.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # room for an editor in a short row
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.setWordWrap(True)
        self.view.setItemDelegateForColumn(
            AgreementColumn.WHO, ChoiceDelegate(self.model.who_choices, self.view)
        )
        self.view.setItemDelegateForColumn(AgreementColumn.DUE, OptionalDateDelegate(self.view))
        self.view.setItemDelegateForColumn(
            AgreementColumn.STATUS, ChoiceDelegate(self.model.status_choices, self.view)
        )
        self.add_button = QPushButton(self.tr("New agreement"), self)
        self.add_button.setObjectName("addAgreement")
        self.remove_button = QPushButton(self.tr("Remove agreement"), self)
        self.remove_button.setObjectName("removeAgreement")
        self.add_button.clicked.connect(self.add_agreement)
        self.remove_button.clicked.connect(self.remove_agreement)
        self.task_button = QPushButton(self.tr("Create task…"), self)
        self.task_button.setObjectName("agreementTask")
        self.task_button.setToolTip(self.tr("Make the chosen agreement a task, with its words and date"))
        self.task_button.clicked.connect(self.request_task)
        self.task_button.setEnabled(False)  # until an agreement is chosen
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.task_button.setEnabled(current.isValid())
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.task_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def fill(
        self,
        doc: PlanDocument,
        names: dict[tuple[ResponsibleKind, int], str],
        agreements: list[AgreementInput],
    ) -> None:
        self.model.members = {m.citizen_id: m.name for m in doc.members}
        self.model.coordinator = doc.coordinator_name
        self.model.partner = doc.partner_name
        self.set_names(names)
        # Someone no longer in the network stays named on their agreement.
        plan_agreements = doc.plan.agreements if doc.plan is not None else ()
        self.model.former = {
            who_key(a.responsible_kind, a.responsible_id): a.responsible_name
            for a in plan_agreements
            if a.responsible_kind is not None and a.responsible_name
        }
        self.set_agreements(agreements, doc.read_only)
        self.add_button.setEnabled(not doc.read_only)
        self.remove_button.setEnabled(not doc.read_only)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if doc.read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )

    def set_names(self, names: dict[tuple[ResponsibleKind, int], str]) -> None:
        self.model.names = dict(names)

    def set_agreements(self, agreements: list[AgreementInput], read_only: bool | None = None) -> None:
        """Show ``agreements`` (a reload: not an edit), keeping the chosen row chosen."""
        row = self.view.currentIndex().row()
        self.model.set_rows(agreements, self.model.read_only if read_only is None else read_only)
        # Who, when and status as wide as they need; what takes the rest and wraps.
        keep_fitted(
            self.view,
            flexible=(AgreementColumn.WHAT, AgreementColumn.WHO),
            then=self.view.resizeRowsToContents,
            fill=AgreementColumn.WHAT,
        )
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, 0))

    def agreements(self) -> list[AgreementInput]:
        return self.model.agreements()

    def add_agreement(self) -> None:
        """A new row, its "what" open for typing."""
        row = self.model.add()
        index = self.model.index(row, AgreementColumn.WHAT)
        self.view.setCurrentIndex(index)  # on screen, this opens the cell already (every trigger edits)
        if self.view.indexWidget(index) is None:
            self.view.edit(index)  # a second edit() would only warn "editing failed"

    def remove_agreement(self) -> None:
        row = self.view.currentIndex().row()
        if row >= 0:
            self.model.remove_rows({row})

    def request_task(self) -> None:
        """Ask for a task made of the chosen agreement (one with words)."""
        agreement = self.model.row_at(self.view.currentIndex().row())
        if agreement is not None and agreement.what.strip():
            self.task_requested.emit(agreement.agreement_key)
