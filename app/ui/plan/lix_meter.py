"""A readability meter for text the family gets: LIX score and band, the longest sentences
and words, and plainer words from the glossary (resources/plain_words.csv).

The meter follows the attached text edit that last had focus (or whose text last
changed): each field of the plan is read on its own, and a click on one of its longest
sentences selects that sentence in the same field. ``set_text`` shows any other text until
an attached edit changes or gets focus. Work is debounced: typing restarts a short timer
and the text is measured once the caseworker pauses.
"""

from __future__ import annotations

import html
import logging

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app.services.plan.lix import (
    BAND_FLOORS,
    GlossaryEntry,
    GlossaryHit,
    LixBand,
    LixResult,
    SentenceSpan,
    glossary_hits,
    lix,
    load_glossary,
)
from app.ui.common.colours import Step, Tone, step, tone_style
from app.ui.common.painting import fill_placeholders

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250
# The meter's goal for text to the family: under 35, i.e. the "easy" band or below. Stricter
# than the LIX ≤ 40 that is common practice for letters to citizens (DOMAIN.md §5).
TARGET_BELOW = 35
MAX_SENTENCE_CHARS = 160

BAND_STEPS: dict[LixBand, Step] = {  # green for easy to red for hard, light or dark by palette
    LixBand.VERY_EASY: Step.BEST,
    LixBand.EASY: Step.GOOD,
    LixBand.MEDIUM: Step.FAIR,
    LixBand.HARD: Step.POOR,
    LixBand.VERY_HARD: Step.WORST,
}


def set_muted(label: QLabel, muted: bool) -> None:
    """Grey text (the palette's placeholder colour) for hints and the empty state."""
    palette = label.palette()
    source = QPalette.ColorRole.PlaceholderText if muted else QPalette.ColorRole.WindowText
    palette.setColor(QPalette.ColorRole.WindowText, QApplication.palette(label).color(source))
    label.setPalette(palette)


def utf16_offset(text: str, index: int) -> int:
    """A Python index into ``text`` as a position in a Qt document (UTF-16 code units)."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def score_labels(parent: QWidget, name: str) -> tuple[QLabel, QLabel, QHBoxLayout]:
    """A large bold score (accessible as ``name``) and its band's name beside it, in a row."""
    score = QLabel(parent)
    font = QFont(score.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.8)
    score.setFont(font)
    score.setAccessibleName(name)
    band = QLabel(parent)
    band.setWordWrap(True)
    row = QHBoxLayout()
    row.addWidget(score)
    row.addWidget(band, 1)
    return score, band, row


class LixBandBar(QWidget):
    """The five bands side by side in their colours, a mark at the target and one at the score."""

    SCALE_MIN = 10.0
    SCALE_MAX = 65.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._score: int | None = None
        self.setMinimumHeight(18)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    @property
    def score(self) -> int | None:
        return self._score

    def set_score(self, score: int | None) -> None:
        if score != self._score:
            self._score = score
            self.update()

    def _x(self, value: float, width: float) -> float:
        value = min(max(value, self.SCALE_MIN), self.SCALE_MAX)
        return (value - self.SCALE_MIN) / (self.SCALE_MAX - self.SCALE_MIN) * width

    @override
    def sizeHint(self) -> QSize:
        return QSize(240, 18)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            width, height = float(self.width()), float(self.height())
            band_top, band_height = 4.0, height - 8.0
            edges = [self.SCALE_MIN] + [floor - 0.5 for _band, floor in BAND_FLOORS[1:]] + [self.SCALE_MAX]
            for (band, _floor), left, right in zip(BAND_FLOORS, edges, edges[1:], strict=False):
                colour = step(BAND_STEPS[band], self.palette().color(QPalette.ColorRole.Window))
                if self._score is None:
                    colour.setAlpha(90)  # neutral: nothing measured yet
                x0, x1 = self._x(left, width), self._x(right, width)
                painter.fillRect(QRectF(x0, band_top, x1 - x0, band_height), colour)
            target_pen = QPen(self.palette().color(self.foregroundRole()), 1, Qt.PenStyle.DashLine)
            painter.setPen(target_pen)
            x_target = self._x(TARGET_BELOW - 0.5, width)
            painter.drawLine(QPointF(x_target, 0), QPointF(x_target, height))
            if self._score is not None:
                x = self._x(self._score, width)
                painter.setPen(QPen(self.palette().color(self.foregroundRole()), 3))
                painter.drawLine(QPointF(x, 0), QPointF(x, height))
        finally:
            painter.end()


class ClickableLabel(QLabel):
    """A word-wrapped label that acts as a button (mouse, Enter or Space)."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        palette = self.palette()  # link colour: it can be clicked
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.Link))
        self.setPalette(palette)

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class LixMeter(QWidget):
    """Readability of the text being written; fits a side panel about 300 px wide."""

    updated = Signal()  # after each measurement

    def __init__(self, parent: QWidget | None = None, *, glossary: list[GlossaryEntry] | None = None) -> None:
        super().__init__(parent)
        if glossary is None:
            try:
                glossary = load_glossary()
            except (OSError, ValueError):
                log.warning("Glossary of plain words could not be read; no word suggestions", exc_info=True)
                glossary = []
        self._glossary = glossary
        self._edits: list[QPlainTextEdit] = []
        self._current: QPlainTextEdit | None = None
        self._text = ""
        self._result: LixResult | None = None
        self._hits: list[GlossaryHit] = []
        self._sentences: list[SentenceSpan] = []

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)

        self.title = QLabel(self.tr("Readability (LIX)"), self)
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        self.title.setFont(title_font)
        # Which text is measured: the field's accessible name, or what set_text was told.
        self.subject_label = QLabel(self)
        self.subject_label.setWordWrap(True)
        self.subject_label.setTextFormat(Qt.TextFormat.PlainText)

        self.score_label, self.band_label, score_row = score_labels(self, self.tr("LIX score"))

        self.bar = LixBandBar(self)
        self.bar.setToolTip(
            self.tr(
                "LIX up to 24: very easy. 25–34: easy. 35–44: medium. 45–54: difficult. "
                "55 and above: very difficult. The dashed line is the target."
            )
        )
        self.target_label = QLabel(self.tr("Aim for under 35 in text for the family."), self)
        self.target_label.setWordWrap(True)
        self.target_label.setToolTip(
            self.tr(
                "The target here is a LIX under 35: easy text. Many authorities aim for 40 or lower in "
                "letters to citizens; that is common practice, not a rule. About one in six adults has "
                "weak reading skills. Short sentences and short words lower the score."
            )
        )
        self.counts_label = QLabel(self)
        self.counts_label.setWordWrap(True)
        set_muted(self.counts_label, True)

        self.sentences_title = self._section_title(self.tr("Longest sentences"))
        self.sentences_title.setToolTip(self.tr("Click a sentence to select it in the text."))
        self.sentence_labels: list[ClickableLabel] = []
        for index in range(3):
            label = ClickableLabel(self)
            label.setToolTip(self.tr("Click to select this sentence in the text."))
            label.clicked.connect(lambda index=index: self.select_sentence(index))
            self.sentence_labels.append(label)

        self.words_title = self._section_title(self.tr("Longest words (letters)"))
        self.words_label = QLabel(self)
        self.words_label.setWordWrap(True)
        self.words_label.setTextFormat(Qt.TextFormat.PlainText)

        self.suggestions_title = self._section_title(self.tr("Plainer words"))
        self.suggestions_label = QLabel(self)
        self.suggestions_label.setWordWrap(True)
        self.suggestions_label.setTextFormat(Qt.TextFormat.RichText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.subject_label)
        layout.addLayout(score_row)
        layout.addWidget(self.bar)
        layout.addWidget(self.target_label)
        layout.addWidget(self.counts_label)
        layout.addSpacing(4)
        layout.addWidget(self.sentences_title)
        for label in self.sentence_labels:
            layout.addWidget(label)
        layout.addSpacing(4)
        layout.addWidget(self.words_title)
        layout.addWidget(self.words_label)
        layout.addSpacing(4)
        layout.addWidget(self.suggestions_title)
        layout.addWidget(self.suggestions_label)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.subject_label.hide()
        self._show(None)

    def _section_title(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        return label

    @override
    def sizeHint(self) -> QSize:
        return QSize(300, super().sizeHint().height())

    # -- what is measured -------------------------------------------------------------------

    @property
    def result(self) -> LixResult | None:
        """The last measurement, None while there is no text."""
        return self._result

    @property
    def hits(self) -> list[GlossaryHit]:
        return list(self._hits)

    def current_edit(self) -> QPlainTextEdit | None:
        if self._current is not None and not shiboken6.isValid(self._current):
            self._current = None
        return self._current

    def attach(self, edit: QPlainTextEdit) -> None:
        """Measure ``edit`` whenever it has focus or its text changes (several edits may be attached)."""
        if edit in self._edits:
            return
        self._edits.append(edit)
        edit.textChanged.connect(self._on_text_changed)
        edit.installEventFilter(self)
        edit.destroyed.connect(self._on_edit_destroyed)
        if self.current_edit() is None:
            self._current = edit
            self._timer.start()

    def detach(self, edit: QPlainTextEdit) -> None:
        if edit not in self._edits:
            return
        self._edits.remove(edit)
        if shiboken6.isValid(edit):
            edit.textChanged.disconnect(self._on_text_changed)
            edit.destroyed.disconnect(self._on_edit_destroyed)
            edit.removeEventFilter(self)
        if self._current is edit:
            self._current = None
            self.set_text("")

    def set_text(self, text: str, subject: str = "") -> None:
        """Show the measure of ``text`` now, for no edit in particular (``subject`` says what it is)."""
        self._current = None
        self._timer.stop()
        self._measure(text, subject)

    @Slot()
    def refresh(self) -> None:
        """Measure the current edit's text now (the debounce timer calls this)."""
        self._timer.stop()
        edit = self.current_edit()
        if edit is None:
            return
        self._measure(edit.toPlainText(), edit.accessibleName())

    @Slot()
    def _on_text_changed(self) -> None:
        edit = self.sender()
        if isinstance(edit, QPlainTextEdit) and edit in self._edits:
            self._current = edit
            self._timer.start()  # restarts: measured once typing pauses

    @Slot(QObject)
    def _on_edit_destroyed(self, _obj: QObject | None = None) -> None:
        self._edits = [e for e in self._edits if shiboken6.isValid(e) and e is not _obj]
        if self._current is not None and self._current not in self._edits:
            self._current = None

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(watched, QPlainTextEdit)
            and watched in self._edits
            and watched is not self._current
        ):
            self._current = watched
            self._timer.start()
        return super().eventFilter(watched, event)

    def _measure(self, text: str, subject: str = "") -> None:
        self._text = text
        self.subject_label.setText(subject)
        self.subject_label.setVisible(bool(subject))
        result = lix(text)
        if result.is_empty:
            self._result, self._hits = None, []
        else:
            self._result, self._hits = result, glossary_hits(text, self._glossary)
        self._show(self._result)
        self.updated.emit()

    # -- selecting a sentence in the edit ---------------------------------------------------

    def select_sentence(self, index: int) -> None:
        """Select the ``index``-th longest sentence in the edit it came from."""
        edit = self.current_edit()
        if edit is None or index >= len(self._sentences):
            return
        text = edit.toPlainText()
        if text != self._text:  # typed since the last measurement: the offsets are stale
            self.refresh()
            return
        sentence = self._sentences[index]
        cursor = edit.textCursor()
        cursor.setPosition(utf16_offset(text, sentence.start))
        cursor.setPosition(utf16_offset(text, sentence.end), QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(cursor)
        edit.ensureCursorVisible()
        edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- showing ----------------------------------------------------------------------------

    def band_name(self, band: LixBand) -> str:
        names = {
            LixBand.VERY_EASY: self.tr("Very easy"),
            LixBand.EASY: self.tr("Easy"),
            LixBand.MEDIUM: self.tr("Medium"),
            LixBand.HARD: self.tr("Difficult"),
            LixBand.VERY_HARD: self.tr("Very difficult"),
        }
        return names[band]

    def _show(self, result: LixResult | None) -> None:
        self.bar.set_score(None if result is None else result.score)
        if result is None:
            self.score_label.setText("–")
            set_muted(self.score_label, True)
            self.band_label.setText(self.tr("Write some text to see how easy it is to read."))
            set_muted(self.band_label, True)
            self.counts_label.clear()
            self._sentences = []
        else:
            self.score_label.setText(str(result.score))
            set_muted(self.score_label, False)
            self.band_label.setText(self.band_name(result.band))
            set_muted(self.band_label, False)
            self.counts_label.setText(
                fill_placeholders(
                    self.tr("Words: %1 · Sentences: %2 · Long words: %3"),
                    str(result.words),
                    str(result.sentences),
                    str(result.long_words),
                )
            )
            # A one-sentence text has nothing to compare: show its sentence all the same.
            self._sentences = list(result.longest_sentences)
        self.counts_label.setVisible(result is not None)

        for index, label in enumerate(self.sentence_labels):
            if index < len(self._sentences):
                sentence = self._sentences[index]
                shown = " ".join(sentence.text.split())
                if len(shown) > MAX_SENTENCE_CHARS:
                    shown = shown[: MAX_SENTENCE_CHARS - 1].rstrip() + "…"
                label.setText(fill_placeholders(self.tr("%n word(s): %1", "", sentence.words), shown))
                label.setVisible(True)
            else:
                label.clear()
                label.setVisible(False)
        self.sentences_title.setVisible(bool(self._sentences))

        words = [] if result is None else list(result.longest_words)
        self.words_label.setText(", ".join(f"{w.word} ({w.letters})" for w in words))
        self.words_title.setVisible(bool(words))
        self.words_label.setVisible(bool(words))

        suggestions = self.suggestions()
        lines = []
        for text, note in suggestions:
            line = "• " + html.escape(text)
            if note:
                line += f"<br><span style='{tone_style(Tone.MUTED)}'>{html.escape(note)}</span>"
            lines.append(line)
        self.suggestions_label.setText("<br>".join(lines))
        self.suggestions_title.setVisible(bool(lines))
        self.suggestions_label.setVisible(bool(lines))

    def suggestions(self) -> list[tuple[str, str]]:
        """One suggestion per glossary term found, in text order: the sentence and the note."""
        found: list[tuple[str, str]] = []
        seen: set[str] = set()
        for hit in self._hits:
            if hit.term not in seen:
                seen.add(hit.term)
                text = fill_placeholders(self.tr("Try “%1” instead of “%2”."), hit.plain, hit.found)
                found.append((text, hit.note))
        return found
