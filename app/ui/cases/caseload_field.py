"""The caseload beside the coordinator choice: the chosen coordinator's weighted load before →
after taking the case, against the team's limit; above the limit a reason is asked for (the
service requires and logs it with the case). The loads are read once on the store lane; the
choice of coordinator and kind of case only recomputes them here."""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy.exc import SQLAlchemyError

from app.services.common.context import AppContext
from app.services.common.validation import FieldProblem
from app.services.team.assignment import MAX_REASON, reason_problems
from app.services.team.caseload import CaseloadCheck, CaseloadSettings, caseload_settings, caseloads
from app.ui.common.background import StoreLanes
from app.ui.common.colours import error_style
from app.ui.common.formatting import format_load

log = logging.getLogger(__name__)


class CaseloadField(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loads: dict[int, Decimal] | None = None
        self._settings = CaseloadSettings()
        self._check: CaseloadCheck | None = None
        self.loaded = False  # the loads have arrived (or could not be read)
        self.summary = QLabel(self)
        self.summary.setObjectName("caseloadSummary")
        self.summary.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("caseloadReason")
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(
            self.tr("Why this coordinator all the same (required above the limit)")
        )
        self.reason.hide()
        self.reason_error = QLabel(self)
        self.reason_error.setWordWrap(True)
        self.reason_error.setStyleSheet(error_style())
        self.reason_error.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.summary)
        column.addWidget(self.reason)
        column.addWidget(self.reason_error)

    def load(self, context: AppContext, lanes: StoreLanes, then: Callable[[], None]) -> None:
        """Read every coordinator's load and the team's settings; ``then`` once they are here."""
        sessions = context.sessions

        def job() -> tuple[dict[int, Decimal], CaseloadSettings]:
            with sessions() as session:
                settings = caseload_settings(session)
                return caseloads(session, settings), settings

        def arrived(result: tuple[dict[int, Decimal], CaseloadSettings]) -> None:
            self._loads, self._settings = result
            self.loaded = True
            then()

        def failed(exc: Exception) -> None:
            if not isinstance(exc, SQLAlchemyError):
                raise exc
            log.warning("Reading the caseloads failed: %s", type(exc).__name__)
            self._loads = None  # the service checks the limit again when the case is stored
            self.loaded = True
            then()
            self.summary.setText(self.tr("The caseloads could not be read."))

        lanes.store.submit(job, arrived, failed, owner=self)

    def update_for(self, coordinator_id: int | None, is_family: bool) -> None:
        """Show what the case does to the chosen coordinator's load."""
        if self._loads is None or coordinator_id is None:
            self._check = None
            self.summary.setText("")
            self.reason.hide()
            return
        before = self._loads.get(coordinator_id, Decimal(0))
        after = before + self._settings.weight(is_family)
        self._check = CaseloadCheck(coordinator_id, before, after, self._settings.limit)
        self.summary.setText(
            self.tr("Caseload %1 → %2 of %3")
            .replace("%1", format_load(before))
            .replace("%2", format_load(after))
            .replace("%3", format_load(self._settings.limit))
        )
        above = self._check.above_limit
        self.summary.setStyleSheet(error_style() + " font-weight: bold;" if above else "")
        self.summary.setToolTip(self.tr("Above the team's caseload limit: say why.") if above else "")
        self.reason.setVisible(above)

    @property
    def check(self) -> CaseloadCheck | None:
        return self._check

    def problems(self) -> list[FieldProblem]:
        return reason_problems(self._check, self.reason.text())
