"""A tab of the family page that a feature adds (the journal, tasks, documents): the family
page tells it which case is open and knows nothing else about it. The main window wires
the panels in, so the family page imports no other feature."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class CaseRef:
    """The open case, as a panel needs it: which case, its people, whether it may change."""

    case_id: int
    number: str
    title: str
    members: tuple[tuple[int, str], ...]  # (citizen id, name), in the family's order
    read_only: bool  # a closed case: shown, not changed


class CasePanel(Protocol):
    def show_case(self, case: CaseRef) -> None:
        """Show this case (read on the store lane; called again after every reload)."""

    def clear_case(self) -> None:
        """No case is open."""

    def focus_item(self, item_id: int) -> None:
        """Select one of the panel's rows (e.g. a journal entry "Min dag" or search opened)."""
