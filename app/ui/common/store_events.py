"""What the pages hear about the store while the program runs.

``changed`` carries a :class:`StoreChange` when rows were written by someone else (another
client on the shared server, or another program on the same SQLite file), coalesced so a
burst of writes arrives as one. ``reachable_changed`` says when the store stops or starts
answering; pages keep unsaved edits while it is unreachable and save when it is back.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class StoreChange:
    tables: frozenset[str]  # table names written, e.g. {"plan_versions", "goals"}
    case_ids: frozenset[int]  # cases touched, where the row tells (empty if none is known)
    everything: bool = False  # after a reconnect or an unknown change: refresh everything

    def touches_case(self, case_id: int | None) -> bool:
        return self.everything or (case_id is not None and case_id in self.case_ids)

    def touches_table(self, *names: str) -> bool:
        return self.everything or any(name in self.tables for name in names)


class StoreEvents(QObject):
    changed = Signal(object)  # StoreChange
    reachable_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reachable = True

    @property
    def reachable(self) -> bool:
        return self._reachable

    def set_reachable(self, reachable: bool) -> None:
        if reachable != self._reachable:
            self._reachable = reachable
            self.reachable_changed.emit(reachable)
