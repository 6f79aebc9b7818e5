"""Access keys (Alt+letter) for every window, chosen by the program (EN 301 549 / WCAG 2.1 AA:
2.1.1 Keyboard), the way KDE's KAcceleratorManager does it.

A field's label, a button, a check box, a radio button, a group box's title and a tab each get
an access key when it has none (``&`` before a letter): a letter no other of them in the window
uses, a word's first letter when one is free, else another letter of the text. Letters the
texts mark themselves (``&Gem``) are kept and not given again. So the keys work in Danish and
English alike and no translator chooses letters; a text the program changes later loses its
key until the window is shown again.

Only what is shown counts (Qt ignores the key of a hidden widget): a page of a stack or a tab
widget gets its keys when it is shown, beside those of the window around it.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QAction, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMenuBar,
    QTabBar,
    QToolBar,
    QToolButton,
    QWidget,
)

from app.ui.common.reading_order import CONTROLS, part_of_control


def mnemonic(text: str) -> str:
    """The access key ``text`` marks (the letter after a single ``&``), lower case; "" for none."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            following = text[index + 1]
            if following == "&":
                index += 2
                continue
            return "" if following.isspace() else following.lower()
        index += 1
    return ""


def _marked(text: str) -> bool:
    """Whether ``text`` has an ``&`` of its own (a key, or one the program must not touch)."""
    return "&" in text.replace("&&", "")


def with_key(text: str, taken: set[str]) -> str | None:
    """``text`` with a free letter marked as its key: a word's first letter if one is free,
    else any letter or digit; None when every letter of it is taken."""
    starts = [i for i, c in enumerate(text) if c.isalnum() and (i == 0 or not text[i - 1].isalnum())]
    others = [i for i, c in enumerate(text) if c.isalnum() and i not in starts]
    for index in starts + others:
        if text[index].lower() not in taken and (index == 0 or text[index - 1] != "&"):
            return text[:index] + "&" + text[index:]
    return None


def _plain(label: QLabel) -> bool:
    format_ = label.textFormat()
    if format_ == Qt.TextFormat.RichText:
        return False
    return not (format_ == Qt.TextFormat.AutoText and Qt.mightBeRichText(label.text()))


AUTO = "_access_key_given"  # (the text before, the text with the key) the program gave a key


class Keyed:
    """One text that takes an access key: how to read it and how to set it, and the key the
    program gave it (kept on the widget, per tab for a tab bar)."""

    def __init__(self, widget: QWidget, index: int = -1) -> None:
        self.widget = widget
        self.index = index  # a tab's index

    def given(self) -> tuple[str, str] | None:
        """(plain text, text with the key) when the program gave the key shown now."""
        record = self.widget.property(AUTO)
        if isinstance(record, dict):
            pair = record.get(str(self.index))
            if isinstance(pair, list | tuple) and len(pair) == 2 and pair[1] == self.text():
                return str(pair[0]), str(pair[1])
        return None

    def give(self, plain: str, marked: str) -> None:
        record = self.widget.property(AUTO)
        record = dict(record) if isinstance(record, dict) else {}
        record[str(self.index)] = [plain, marked]
        self.widget.setProperty(AUTO, record)
        self.set_text(marked)

    def text(self) -> str:
        widget = self.widget
        if isinstance(widget, QTabBar):
            return widget.tabText(self.index)
        if isinstance(widget, QGroupBox):
            return widget.title()
        return widget.text()  # type: ignore[attr-defined, no-any-return]

    def set_text(self, text: str) -> None:
        widget = self.widget
        if isinstance(widget, QTabBar):
            widget.setTabText(self.index, text)
        elif isinstance(widget, QGroupBox):
            widget.setTitle(text)
        else:
            widget.setText(text)  # type: ignore[attr-defined]


def _takes_focus(widget: QWidget) -> bool:
    """Alt+key moves the focus there (a label's buddy that shows text only would do nothing)."""
    target = widget.focusProxy() or widget
    return target.focusPolicy() != Qt.FocusPolicy.NoFocus


def keyed(window: QWidget, root: QWidget | None = None) -> Iterator[Keyed]:
    """The shown texts of ``window`` (only under ``root`` when given) that take an access key:
    the dialog's buttons first, then the rest in the order they were made."""
    root = root or window
    found = [w for w in [root, *root.findChildren(QWidget)] if w.window() is window and w.isVisible()]
    boxes = [w for w in found if isinstance(w, QDialogButtonBox)]
    for box in boxes:
        for button in box.buttons():
            if button.isVisible():
                yield Keyed(button)
    for widget in found:
        if isinstance(widget, QLabel):
            buddy = widget.buddy()
            if (
                buddy is not None
                and _plain(widget)
                and not isinstance(buddy, QAbstractButton)
                and _takes_focus(buddy)
            ):
                yield Keyed(widget)
        elif isinstance(widget, QAbstractButton):
            if isinstance(widget.parentWidget(), QDialogButtonBox) or part_of_control(
                widget, (*CONTROLS, QToolBar)
            ):
                continue
            if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
                continue
            yield Keyed(widget)
        elif isinstance(widget, QGroupBox):
            yield Keyed(widget)
        elif isinstance(widget, QTabBar):
            yield from (Keyed(widget, i) for i in range(widget.count()) if widget.isTabVisible(i))


def menu_keys(window: QWidget) -> Iterator[tuple[QWidget, str]]:
    """The keys of the window's menu bar (Alt+F opens Filer)."""
    for bar in window.findChildren(QMenuBar):
        if bar.window() is window and bar.isVisible():
            for action in bar.actions():
                if isinstance(action, QAction) and action.isVisible():
                    key = mnemonic(action.text())
                    if key:
                        yield bar, key


def assign(root: QWidget) -> None:
    """Give every shown text of ``root``'s window that takes an access key and has none of its
    own a free one. The keys the program gave before are given again with the others, so a
    page shown later (a tab, a page of the main window) never takes a letter already in use
    in the window: the texts' own keys and the menu bar's come first."""
    window = root.window()
    taken = {key for _bar, key in menu_keys(window)}
    ours: list[Keyed] = []
    for item in keyed(window):
        given = item.given()
        if given is not None:
            item.set_text(given[0])  # given again below, with the rest
            ours.append(item)
        elif _marked(item.text()):
            taken.add(mnemonic(item.text()))
        else:
            ours.append(item)
    taken.discard("")
    for item in ours:
        text = item.text()
        if not text.strip():
            continue
        marked = with_key(text, taken)
        if marked is not None:
            item.give(text, marked)
            taken.add(mnemonic(marked))
