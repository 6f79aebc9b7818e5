"""When two people changed the same part of the plan: both texts side by side, you choose.

Each conflict (``plan_merge.Conflict``) is shown as the other person's text and yours, with
the words that differ marked, and a choice per conflict: keep theirs, keep mine, or keep
both (texts and agreements). Everything that did not conflict is already combined.
"Decide later" closes the dialog and leaves your text in the editor, unsaved, and in the
local copy: nothing is thrown away until you choose.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app.models.enums import ResponsibleKind
from app.services.plan.plan_draft import AgreementInput, GoalInput
from app.services.plan.plan_merge import Conflict, ItemKind
from app.services.plan.plans import diff_words
from app.services.plan.three_way import Choice
from app.ui.common.colours import Cell, cell_style
from app.ui.common.formatting import format_date, format_datetime
from app.ui.common.labels import label


def only_here_style() -> str:
    """Words only in one of the two texts: underlined on green in both panes (shape and colour)."""
    return cell_style(Cell.ADDED, "text-decoration:underline;")


def marked_html(text: str, other: str, empty: str) -> str:
    """``text`` as HTML with the words that ``other`` lacks marked; all plan text escaped."""
    if not text:
        return f"<p><i>{html.escape(empty)}</i></p>"
    pieces = []
    for segment in diff_words(other, text):
        if segment.op == "=":
            pieces.append(html.escape(segment.text))
        elif segment.op == "+":
            pieces.append(f'<span style="{only_here_style()}">{html.escape(segment.text)}</span>')
    return f'<p style="white-space:pre-wrap;">{"".join(pieces)}</p>'


class ConflictDialog(QDialog):
    """One row per conflict: theirs | mine, and the choice. ``choices()`` after acceptance."""

    def __init__(
        self,
        conflicts: Sequence[Conflict],
        who: str,
        when: datetime | None,
        *,
        section_titles: Mapping[str, str] | None = None,
        member_name: Callable[[int | None], str] | None = None,
        names: Mapping[tuple[ResponsibleKind, int], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Someone else changed the same part of the plan"))
        self.resize(980, 680)
        self.conflicts = list(conflicts)
        self._section_titles = dict(section_titles or {})
        self._member_name = member_name or (lambda _cid: "")
        self._names = dict(names or {})
        self.who = who or self.tr("Someone else")

        if when is not None:
            intro = self.tr(
                "%1 saved the plan %2 while you were writing. You both changed the parts below: "
                "choose for each what to keep. Everything else from both of you is already combined."
            ).replace("%2", format_datetime(when))
        else:
            intro = self.tr(
                "%1 saved the plan while you were writing. You both changed the parts below: "
                "choose for each what to keep. Everything else from both of you is already combined."
            )
        self.intro = QLabel(intro.replace("%1", self.who), self)
        self.intro.setWordWrap(True)

        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[str, dict[Choice, QRadioButton]] = {}
        self.theirs_views: dict[str, QTextBrowser] = {}
        self.mine_views: dict[str, QTextBrowser] = {}
        inner = QWidget(self)
        rows = QVBoxLayout(inner)
        for conflict in self.conflicts:
            rows.addWidget(self._conflict_box(conflict, inner))
        rows.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)

        self.all_mine = QPushButton(self.tr("Keep all of mine"), self)  # left: made first
        self.all_theirs = QPushButton(self.tr("Keep all of theirs"), self)
        self.all_theirs.clicked.connect(lambda: self.choose_all(Choice.THEIRS))
        self.all_mine.clicked.connect(lambda: self.choose_all(Choice.MINE))
        quick = QHBoxLayout()
        quick.addWidget(self.all_mine)
        quick.addWidget(self.all_theirs)
        quick.addStretch(1)

        self.button_box = QDialogButtonBox(self)
        self.ok_button = self.button_box.addButton(
            self.tr("Save my choices"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("saveChoices")
        self.later_button = self.button_box.addButton(
            self.tr("Decide later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.later_button.setObjectName("decideLater")
        self.later_button.setToolTip(
            self.tr("Your text stays in the editor and in a local copy, not saved, until you choose.")
        )
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(quick)
        layout.addWidget(self.missing)
        layout.addWidget(self.button_box)
        self._update()

    # -- one conflict ----------------------------------------------------------------------
    def _conflict_box(self, conflict: Conflict, parent: QWidget) -> QGroupBox:
        item = conflict.item_id
        box = QGroupBox(self.title(conflict), parent)
        grid = QGridLayout(box)
        theirs_head = QLabel(self.tr("Saved by %1").replace("%1", self.who), box)
        mine_head = QLabel(self.tr("Yours (not saved yet)"), box)
        for head in (theirs_head, mine_head):
            font = head.font()
            font.setBold(True)
            head.setFont(font)
        theirs_text, mine_text = (
            self.describe(conflict, conflict.theirs),
            self.describe(conflict, conflict.mine),
        )
        removed = self.tr("(removed)")
        mine_view = QTextBrowser(box)  # made first: Tab reaches yours, then theirs, as they stand
        theirs_view = QTextBrowser(box)
        theirs_view.setObjectName(f"theirs:{item}")
        mine_view.setObjectName(f"mine:{item}")
        theirs_view.setHtml(marked_html(theirs_text, mine_text, removed))
        mine_view.setHtml(marked_html(mine_text, theirs_text, removed))
        theirs_view.setAccessibleName(theirs_head.text())
        mine_view.setAccessibleName(mine_head.text())
        for view in (theirs_view, mine_view):
            view.setOpenLinks(False)
            view.setMinimumHeight(90)
        theirs_head.setBuddy(theirs_view)
        mine_head.setBuddy(mine_view)
        # Yours on the left, theirs on the right: as in the editing dialogs' conflict view.
        grid.addWidget(mine_head, 0, 0)
        grid.addWidget(theirs_head, 0, 1)
        grid.addWidget(mine_view, 1, 0)
        grid.addWidget(theirs_view, 1, 1)

        group = QButtonGroup(box)
        group.setExclusive(True)
        texts = {
            Choice.THEIRS: self.tr("Keep theirs"),
            Choice.MINE: self.tr("Keep mine"),
            Choice.BOTH: self.tr("Keep both"),
        }
        choices = QHBoxLayout()
        self.buttons[item] = {}
        for choice in (Choice.MINE, Choice.THEIRS, Choice.BOTH):
            if choice not in conflict.choices:
                continue
            radio = QRadioButton(texts[choice], box)
            radio.setObjectName(f"{choice}:{item}")
            group.addButton(radio)
            self.buttons[item][choice] = radio
            choices.addWidget(radio)
        choices.addStretch(1)
        group.buttonToggled.connect(lambda _button, _checked: self._update())
        grid.addLayout(choices, 2, 0, 1, 2)
        self.groups[item] = group
        self.theirs_views[item] = theirs_view
        self.mine_views[item] = mine_view
        return box

    def title(self, conflict: Conflict) -> str:
        if conflict.kind == ItemKind.SECTION:
            return self._section_titles.get(conflict.key, conflict.label)
        if conflict.kind == ItemKind.MEMBER:
            return self.tr("About %1").replace("%1", self._member_name(conflict.key) or "–")
        if conflict.kind == ItemKind.COMMENT:
            citizen_id, _group = conflict.key
            return self.tr("Comment on the help for %1").replace("%1", self._member_name(citizen_id) or "–")
        if conflict.kind == ItemKind.GOAL:
            return self.tr("Goal: %1").replace("%1", conflict.label)
        return self.tr("Agreement: %1").replace("%1", conflict.label)

    def describe(self, conflict: Conflict, value: Any) -> str:
        """A conflict's value as the text shown (and compared word by word)."""
        if conflict.kind in (ItemKind.SECTION, ItemKind.MEMBER, ItemKind.COMMENT):
            return str(value or "")
        if conflict.kind == ItemKind.GOAL:
            if value is None:
                return ""
            return self._goal_text(value)
        return "\n".join(self._agreement_text(a) for a in value)

    def _goal_text(self, goal: GoalInput) -> str:
        parts = [label(goal.status)]
        if goal.target_date:
            parts.append(self.tr("by %1").replace("%1", format_date(goal.target_date)))
        who = ", ".join(self._member_name(c) or "?" for c in goal.member_ids)
        parts.append(who or self.tr("the whole family"))
        return f"{goal.text} ({', '.join(parts)})"

    def _agreement_text(self, agreement: AgreementInput) -> str:
        who = ""
        if agreement.responsible_kind is not None:
            who = self._names.get((agreement.responsible_kind, agreement.responsible_id or 0), "")
        due = format_date(agreement.due_date) if agreement.due_date else ""
        return " — ".join(x for x in (agreement.what, who, due, label(agreement.status)) if x)

    # -- choosing --------------------------------------------------------------------------
    @override
    def accept(self) -> None:
        if self.choices() is None:  # every conflict needs a choice
            return
        super().accept()

    def choose(self, item_id: str, choice: Choice) -> None:
        self.buttons[item_id][choice].setChecked(True)

    def choose_all(self, choice: Choice) -> None:
        for item_id in self.buttons:
            self.choose(item_id, choice)

    def choices(self) -> dict[str, Choice] | None:
        """The choice per conflict (by ``Conflict.item_id``); None while one is missing."""
        chosen: dict[str, Choice] = {}
        for item_id, buttons in self.buttons.items():
            choice = next((c for c, radio in buttons.items() if radio.isChecked()), None)
            if choice is None:
                return None
            chosen[item_id] = choice
        return chosen

    def _update(self) -> None:
        missing = sum(
            1 for buttons in self.buttons.values() if not any(r.isChecked() for r in buttons.values())
        )
        self.ok_button.setEnabled(missing == 0)
        self.missing.setText(self.tr("Choose for %n more part(s).", "", missing) if missing else "")
