"""The plan's text: the mandatory sections and (in a family's plan) a part about each member."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QPlainTextEdit, QScrollArea, QWidget

from app.services.plan.plan_document import SECTIONS, PlanDocument
from app.services.plan.plan_draft import PlanDraft
from app.services.plan.readability import member_of
from app.ui.common.noop import QT_TRANSLATE_NOOP
from app.ui.plan.lix_meter import LixMeter

SECTION_TITLES = {
    "summary": QT_TRANSLATE_NOOP("PlanPage", "The situation now (summary)"),
    "family_views": QT_TRANSLATE_NOOP("PlanPage", "The family's own views and wishes"),
    "resources": QT_TRANSLATE_NOOP("PlanPage", "Resources – what works"),
    "barriers": QT_TRANSLATE_NOOP("PlanPage", "Barriers – what is hard"),
    "sequencing": QT_TRANSLATE_NOOP("PlanPage", "The order in which help comes"),
    "follow_up": QT_TRANSLATE_NOOP("PlanPage", "Follow-up: who takes the initiative, how often"),
    "closing": QT_TRANSLATE_NOOP("PlanPage", "Closing: when the plan ends"),
}
# The family reads these: the plain-language meter follows them.
FAMILY_TEXT = ("summary", "family_views", "resources", "barriers", "sequencing", "follow_up", "closing")
# Where the caret was in each editor ("s:<section>" / "m:<citizen id>"), and which had focus.
Places = tuple[dict[str, tuple[int, int]], str | None]


def section_title(name: str) -> str:
    return QCoreApplication.translate("PlanPage", SECTION_TITLES[name])


def set_text(edit: QPlainTextEdit, text: str) -> None:
    """Replace an editor's text, keeping its caret (clamped) and scroll position."""
    position = edit.textCursor().position()
    scroll = edit.verticalScrollBar().value()
    edit.setPlainText(text)
    _place(edit, position, scroll)


def _place(edit: QPlainTextEdit, position: int, scroll: int) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(min(position, len(edit.toPlainText())))
    edit.setTextCursor(cursor)
    edit.verticalScrollBar().setValue(scroll)


class SectionsTab(QScrollArea):
    changed = Signal()  # the user changed a text

    def __init__(self, lix: LixMeter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lix = lix
        self.section_edits: dict[str, QPlainTextEdit] = {}
        self.member_edits: dict[int, QPlainTextEdit] = {}
        self._page = QWidget(self)
        self._form = QFormLayout(self._page)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in SECTIONS:
            edit = self._editor(f"section_{name}", 70)
            self.section_edits[name] = edit
            edit.setAccessibleName(section_title(name))
            title = QLabel(section_title(name), self._page)
            title.setBuddy(edit)
            title.setWordWrap(True)
            self._form.addRow(title, edit)
        for name in FAMILY_TEXT:
            lix.attach(self.section_edits[name])
        self._member_rows: list[QWidget] = []
        self.setWidgetResizable(True)
        self.setWidget(self._page)

    def _editor(self, name: str, height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(self._page)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(height)
        edit.textChanged.connect(self.changed)
        return edit

    def fill(self, doc: PlanDocument) -> None:
        plan = doc.plan
        for name, edit in self.section_edits.items():
            edit.setPlainText(plan.section(name) if plan else "")
            edit.setReadOnly(doc.read_only)
        for widget in self._member_rows:
            self._form.removeRow(widget)
        self._member_rows.clear()
        self.member_edits.clear()
        if not doc.is_family:
            return
        for member in doc.members:
            edit = self._editor(f"member_{member.citizen_id}", 60)
            edit.setPlainText(plan.member_section(member.citizen_id) if plan else "")
            edit.setReadOnly(doc.read_only)
            self.member_edits[member.citizen_id] = edit
            self._lix.attach(edit)
            title = QLabel(self.tr("About %1").replace("%1", member.name), self._page)
            edit.setAccessibleName(title.text())
            title.setBuddy(edit)
            self._form.addRow(title, edit)
            self._member_rows.append(edit)

    def sections(self) -> dict[str, str]:
        return {name: edit.toPlainText() for name, edit in self.section_edits.items()}

    def member_sections(self) -> dict[int, str]:
        return {cid: edit.toPlainText() for cid, edit in self.member_edits.items()}

    def show_texts(self, draft: PlanDraft, screen: PlanDraft) -> None:
        """Put ``draft``'s texts in the editors where they differ from ``screen`` (the caret
        stays where it was)."""
        for name, edit in self.section_edits.items():
            value = draft.sections.get(name, "")
            if screen.sections.get(name, "") != value:
                set_text(edit, value)
        for citizen_id, edit in self.member_edits.items():
            value = draft.member_sections.get(citizen_id, "")
            if screen.member_sections.get(citizen_id, "") != value:
                set_text(edit, value)

    def _edits(self) -> dict[str, QPlainTextEdit]:
        return {
            **{f"s:{n}": e for n, e in self.section_edits.items()},
            **{f"m:{c}": e for c, e in self.member_edits.items()},
        }

    def places(self) -> Places:
        """Where the caret and scroll of each editor are, and which editor has the focus."""
        focus = QApplication.focusWidget()
        edits = self._edits()
        where = next((key for key, edit in edits.items() if edit is focus), None)
        return {
            k: (e.textCursor().position(), e.verticalScrollBar().value()) for k, e in edits.items()
        }, where

    def restore_places(self, places: Places) -> None:
        spots, where = places
        edits = self._edits()
        for key, (position, scroll) in spots.items():
            if key in edits:
                _place(edits[key], position, scroll)
        if where is not None and where in edits:
            edits[where].setFocus()

    def edit_for(self, part: str) -> QPlainTextEdit | None:
        """The editor of a readability part key (a section name or "member:<id>"), if any."""
        citizen_id = member_of(part)
        if citizen_id is not None:
            return self.member_edits.get(citizen_id)
        return self.section_edits.get(part)
