"""Settings of the family overview: when copied data counts as stale, the follow-up interval of
new cases. (The caseload limit is the team's, a store setting: ``koordinator team-settings``.)"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget
from typing_extensions import override

from app.services.cases.cases import DEFAULT_FOLLOW_UP_DAYS
from app.ui.cases.new_case_dialog import FOLLOW_UP_WEEKS_KEY
from app.ui.family.family_page import STALE_DAYS_KEY, warning_settings


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
        form = QFormLayout()
        form.addRow(self.tr("Mark copied interventions as stale after"), self.stale_days)
        self.follow_up = QSpinBox(self)
        self.follow_up.setObjectName("followUpWeeks")
        self.follow_up.setRange(1, 52)
        self.follow_up.setSuffix(self.tr(" weeks"))
        weeks = str(settings.value(FOLLOW_UP_WEEKS_KEY, DEFAULT_FOLLOW_UP_DAYS // 7))
        self.follow_up.setValue(int(weeks) if str(weeks).isdigit() else DEFAULT_FOLLOW_UP_DAYS // 7)
        form.addRow(self.tr("Follow-up interval for new cases"), self.follow_up)
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

    @override
    def accept(self) -> None:
        self._settings.setValue(STALE_DAYS_KEY, self.stale_days.value())
        self._settings.setValue(FOLLOW_UP_WEEKS_KEY, self.follow_up.value())
        super().accept()

    @classmethod
    def ask(cls, settings: QSettings, parent: QWidget | None = None) -> bool:
        return bool(cls(settings, parent).exec())
