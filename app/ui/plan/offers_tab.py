"""The offers overview: filled from the family's interventions, with a comment for the plan
where the family needs one (the only part written here)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.services.plan.plan_document import PlanDocument
from app.ui.common.columns import keep_fitted
from app.ui.common.labels import label

LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # (citizen id, group key) of an offer line
COMMENT = 3


class OffersTab(QWidget):
    changed = Signal()  # the user changed a comment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("offerTable")
        self.table.setAccessibleName(self.tr("The help each person gets"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Person"), self.tr("Law"), self.tr("Help"), self.tr("Comment for the plan")]
        )
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # room for an editor in a short row
        self.table.setWordWrap(True)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        note = QLabel(
            self.tr("Filled from the family's interventions. Write a comment where the family needs one."),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)

    def fill(self, doc: PlanDocument) -> None:
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(doc.offers))
            for row, line in enumerate(doc.offers):
                law = (
                    f"{line.law_reference} {line.law_title}".strip()
                    if line.law_reference
                    else label(line.sector)
                )
                help_text = "\n".join(
                    f"{item.title} ({item.professional})" if item.professional else item.title
                    for item in line.items
                )
                for column, text in enumerate(
                    (doc.member_name(line.citizen_id), law, help_text, line.comment)
                ):
                    item = QTableWidgetItem(text)
                    if column < COMMENT or doc.read_only:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    item.setData(LINE_ROLE, (line.citizen_id, line.group_key))
                    if column < COMMENT:  # a narrow column may cut a long word: the whole text on hover
                        item.setToolTip(text)
                    self.table.setItem(row, column, item)
        finally:
            self.table.blockSignals(False)
        # Law and help wrap in narrower columns (rows grow to hold them); the comment gets the rest.
        self.table.horizontalHeader().setStretchLastSection(True)
        keep_fitted(self.table, flexible=(1, 2), limit=280, then=self.table.resizeRowsToContents)

    def _comment_items(self) -> list[tuple[tuple[int, str], QTableWidgetItem]]:
        items = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, COMMENT)
            if item is not None:
                citizen_id, key = item.data(LINE_ROLE)
                items.append(((int(citizen_id), str(key)), item))
        return items

    def comments(self) -> dict[tuple[int, str], str]:
        return {line: item.text() for line, item in self._comment_items() if item.text().strip()}

    def show_comments(self, comments: dict[tuple[int, str], str]) -> None:
        for line, item in self._comment_items():
            value = comments.get(line, "")
            if item.text().strip() != value:
                item.setText(value)
