"""The screen audit (issue 17, item 2): it reports an unnamed field, a label without its field,
a tab order that does not read, and two access keys alike; a window without them has no
finding; the access keys the program gives are unique; and the screenshot tour audits every
dialog of ``app/ui`` (a new dialog not in the tour fails here)."""

from __future__ import annotations

import importlib
import inspect
import itertools
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import app.ui
from app.ui.common import a11y
from app.ui.common.access_keys import mnemonic, with_key
from app.ui.common.reading_order import arrange_tab_order
from tools.screen_audit import audit, audit_names
from tools.screen_audit_keys import audit_access_keys, audit_tab_order, focus_chain

ROOT = Path(__file__).resolve().parents[2]
# Dialog classes that are bases of other dialogs and never shown themselves.
BASES = frozenset({"FormDialog", "LaneFormDialog", "LaneDialog"})


def dialog_classes() -> set[str]:
    """Every QDialog subclass defined in app/ui."""
    found: set[str] = set()
    for module in pkgutil.walk_packages(app.ui.__path__, "app.ui."):
        loaded = importlib.import_module(module.name)
        for name, cls in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.name:
                found.add(name)
    return found - BASES


@pytest.mark.slow
@pytest.mark.parametrize(("size", "language"), [("1366x768", "da"), ("1366x768", "en"), ("1280x720", "da")])
def test_the_tour_audits_every_dialog_and_finds_nothing(tmp_path: Path, size: str, language: str) -> None:
    """Every page and dialog, shown as a caseworker meets it on a small laptop: named, labelled,
    in reading order, with unique access keys and nothing clipped (tools/screen_audit.py)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home")}
    out = str(tmp_path / "out")
    result = subprocess.run(
        [sys.executable, "-m", "tools.screenshots", out, "--languages", language, "--size", size, "--audit"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr[-3000:]
    lines = result.stdout.splitlines()
    audited = set(next(line for line in lines if line.startswith("audited:")).split()[1:])
    missing = dialog_classes() - audited
    assert not missing, f"dialogs the screenshot tour does not show and audit: {sorted(missing)}"
    assert "MainWindow" in audited
    findings = [line for line in lines if re.match(r"^\S+\.png: \w+: ", line)]
    assert not findings, "\n".join(findings)
    assert result.returncode == 0


# -- the audit itself -------------------------------------------------------------------------


def _dialog(
    qtbot, fields: int = 2, created_in: tuple[int, ...] | None = None
) -> tuple[QDialog, list[QLineEdit]]:  # type: ignore[no-untyped-def]
    """A dialog of labelled fields one under the other, made in the order ``created_in``,
    with its buttons made first (as FormDialog does)."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&OK")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancel")
    order = created_in or tuple(range(fields))
    made = {index: QLineEdit(dialog) for index in order}
    edits = [made[index] for index in range(fields)]
    form = QFormLayout()
    for index, edit in enumerate(edits):
        label = QLabel(f"Field &{chr(ord('t') + index)}", dialog)
        label.setBuddy(edit)
        edit.setAccessibleName(f"Field {index}")
        edit.setObjectName(f"field{index}")
        form.addRow(label, edit)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
    return dialog, edits


def _shown(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.show()
    qtbot.waitExposed(dialog)


def test_a_field_without_name_or_label_is_reported(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog, _edits = _dialog(qtbot, 1)
    stray = QLineEdit(dialog)
    beside = QLabel("Note", dialog)  # written beside it, but not its buddy
    row = QHBoxLayout()
    row.addWidget(beside)
    row.addWidget(stray)
    dialog.layout().insertLayout(0, row)  # type: ignore[union-attr]
    _shown(qtbot, dialog)
    kinds = {(f.kind, f.where.split("/")[-1]) for f in audit_names(dialog)}
    assert ("unnamed", "QLineEdit") in kinds
    assert ("unlabelled", "QLineEdit") in kinds
    beside.setBuddy(stray)
    stray.setAccessibleName("Note")
    assert audit_names(dialog) == []


@given(st.permutations(range(4)))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_tab_order_that_does_not_read_is_reported_and_fixed(qtbot, created_in: list[int]) -> None:  # type: ignore[no-untyped-def]
    dialog, edits = _dialog(qtbot, 4, tuple(created_in))
    _shown(qtbot, dialog)
    found = audit_tab_order(dialog)
    assert found, "the buttons, made first, come first"
    arrange_tab_order(dialog, first_focus=True)
    assert audit_tab_order(dialog) == []
    assert focus_chain(dialog) == [*edits, *dialog.findChild(QDialogButtonBox).buttons()]
    dialog.close()


def test_fields_out_of_reading_order_name_the_first_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog, _edits = _dialog(qtbot, 3, (0, 2, 1))
    _shown(qtbot, dialog)
    arrange_tab_order(dialog, first_focus=True)  # in reading order, then field 2 before field 1 again
    QWidget.setTabOrder(_edits[0], _edits[2])
    QWidget.setTabOrder(_edits[2], _edits[1])
    found = audit_tab_order(dialog)
    assert [f.kind for f in found] == ["taborder"]
    # Field 1 stands above field 2 but is reached after it: it is the one out of order.
    assert found[0].where.endswith("/field1")
    assert "Field 2" in found[0].detail


def test_two_access_keys_alike_are_reported(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog, _edits = _dialog(qtbot, 1)
    send = QPushButton("&Send", dialog)
    save = QPushButton("&Save", dialog)
    dialog.layout().addWidget(send)  # type: ignore[union-attr]
    dialog.layout().addWidget(save)  # type: ignore[union-attr]
    _shown(qtbot, dialog)
    found = audit_access_keys(dialog)
    assert [f.kind for f in found] == ["accesskey"]
    assert "Alt+S" in found[0].detail
    save.setText("Sa&ve")
    assert audit_access_keys(dialog) == []


def test_a_window_with_nothing_wrong_has_no_finding(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog, edits = _dialog(qtbot, 3)
    a11y.tab_order(*edits)
    _shown(qtbot, dialog)
    arrange_tab_order(dialog, first_focus=True)
    dialog.adjustSize()
    assert audit(dialog) == []


# -- access keys the program gives --------------------------------------------------------------


WORDS = [
    "Gem",
    "Annuller",
    "Navn",
    "Adresse",
    "Telefon",
    "Fødselsdato",
    "Bemærkning",
    "Status",
    "Ændr",
    "Slet",
]


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), st.integers(0, 3))
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_shown_windows_get_unique_access_keys(qtbot, linker, texts: list[str], fields: int) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    form = QFormLayout()
    for index in range(fields):
        form.addRow(QLabel(f"{WORDS[index]}:", dialog), QLineEdit(dialog))
    layout.addLayout(form)
    buttons = [QPushButton(text, dialog) for text in texts]
    for button in buttons:
        layout.addWidget(button)
    _shown(qtbot, dialog)
    assert audit_access_keys(dialog) == []
    keys = [mnemonic(b.text()) for b in buttons]
    assert all(b.text().replace("&", "") == t for b, t in zip(buttons, texts, strict=True))
    given_keys = [k for k in keys if k]
    assert len(given_keys) == len(set(given_keys))
    labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget() for row in range(fields)]
    assert all(mnemonic(label.text()) for label in labels)  # type: ignore[union-attr]
    dialog.close()


@given(st.text(min_size=1, max_size=20), st.sets(st.sampled_from("abcdefghijklmnopqrstuvwxyzæøå")))
def test_a_key_is_a_free_letter_of_the_text(text: str, taken: set[str]) -> None:
    marked = with_key(text.replace("&", ""), taken)
    if marked is None:
        assert all(not c.isalnum() or c.lower() in taken for c in text.replace("&", ""))
        return
    key = mnemonic(marked)
    assert key and key not in taken
    assert marked.replace("&", "", 1) == text.replace("&", "")


def test_a_word_start_is_preferred() -> None:
    assert with_key("Gem som PDF", {"g"}) == "Gem &som PDF"
    assert with_key("Gem", {"g"}) == "G&em"
    assert mnemonic("Mor && far") == ""
    assert mnemonic("&Navn") == "n"
    assert list(itertools.islice((mnemonic(t) for t in ("Sa&ve", "&&x&y")), 2)) == ["v", "y"]


def test_a_label_beside_text_that_takes_no_focus_gets_no_access_key(qtbot, linker) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    shown_text, field = QLabel("Aktiv", dialog), QLineEdit(dialog)
    form.addRow("Model og status", shown_text)  # Qt makes the row's label the text's buddy
    form.addRow("Navn", field)
    _shown(qtbot, dialog)
    labels = {form.labelForField(w).text() for w in (shown_text, field)}  # type: ignore[union-attr]
    assert "Model og status" in labels  # Alt+key would move the focus nowhere
    assert mnemonic(form.labelForField(field).text())  # type: ignore[union-attr]
