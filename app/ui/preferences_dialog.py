"""Settings of the family overview: when copied data counts as stale, the caseload limit."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.ui.family_page import CASELOAD_LIMIT_KEY, STALE_DAYS_KEY, warning_settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Family overview settings"))
        current = warning_settings(settings)
        self.stale_days = QSpinBox(self)
        self.stale_days.setObjectName("staleDays")
        self.stale_days.setRange(7, 730)
        self.stale_days.setSuffix(self.tr(" days"))
        self.stale_days.setValue(current.stale_days)
        self.caseload = QSpinBox(self)
        self.caseload.setObjectName("caseloadLimit")
        self.caseload.setRange(1, 500)
        self.caseload.setValue(current.caseload_limit)
        form = QFormLayout()
        form.addRow(self.tr("Mark copied interventions as stale after"), self.stale_days)
        form.addRow(self.tr("Caseload limit per coordinator"), self.caseload)
        note = QLabel(
            self.tr(
                "Interventions copied from DUBU, Momentum, Nexus and other systems are marked when "
                "nobody has checked them against the source for this long."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self._settings.setValue(STALE_DAYS_KEY, self.stale_days.value())
        self._settings.setValue(CASELOAD_LIMIT_KEY, self.caseload.value())
        super().accept()

    @classmethod
    def ask(cls, settings: QSettings, parent: QWidget | None = None) -> bool:
        return bool(cls(settings, parent).exec())
