"""The plan editor's header: whose plan, which version, how saving goes, and the actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.plan.plan_document import PlanDocument
from app.ui.common.colours import error_style
from app.ui.common.formatting import format_date


class PlanHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("planHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.version_label = QLabel(self)
        self.version_label.setObjectName("planVersion")
        self.save_state = QLabel(self)
        self.save_state.setObjectName("saveState")
        self.save_state.setWordWrap(True)
        self.note = QLabel(self)  # a quiet note: someone else changed the plan
        self.note.setObjectName("planNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.resolve_button = QPushButton(self.tr("Choose what to keep…"), self)
        self.resolve_button.setObjectName("resolvePlan")
        self.resolve_button.hide()
        self.approve_button = QPushButton(self.tr("Approve at meeting…"), self)
        self.approve_button.setObjectName("approvePlan")
        self.history_button = QPushButton(self.tr("Versions and compare…"), self)
        self.print_button = QPushButton(self.tr("Print plan…"), self)
        self.print_button.setObjectName("printPlan")
        self.journal_button = QPushButton(self.tr("Case journal"), self)
        self.journal_button.setObjectName("planJournal")
        self.journal_button.setToolTip(self.tr("The case's journal notes, on the family page"))
        header = QHBoxLayout(self)
        header.setContentsMargins(0, 0, 0, 0)
        titles = QVBoxLayout()
        for widget in (self.heading, self.version_label, self.save_state, self.note):
            titles.addWidget(widget)
        header.addLayout(titles, 1)
        for button in (
            self.resolve_button,
            self.approve_button,
            self.history_button,
            self.print_button,
            self.journal_button,
        ):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

    def show_status(self, text: str, problem: bool = False) -> None:
        self.save_state.setStyleSheet(error_style() if problem else "")
        self.save_state.setText(text)

    def show_version(self, doc: PlanDocument) -> None:
        plan = doc.plan
        if plan is None:
            text = self.tr("No plan yet. Start writing: it is saved as a draft.")
        elif plan.approved:
            text = (
                self.tr("Version %1, approved %2. Your next change starts a new draft.")
                .replace("%1", str(plan.number))
                .replace("%2", format_date(plan.approved_on))
            )
        else:
            approved = [h for h in doc.history if h.approved_on is not None]
            text = self.tr("Draft (version %1)").replace("%1", str(plan.number))
            if approved:
                text += " · " + self.tr("last approved: version %1, %2").replace(
                    "%1", str(approved[-1].number)
                ).replace("%2", format_date(approved[-1].approved_on))
        self.version_label.setText(text)
