"""Right-to-left text for the family's copy in Arabic.

ReportLab sets text left to right and draws each character's own glyph. For Arabic the
letters are first joined (arabic-reshaper: each letter's initial, medial, final or isolated
form, and the lam-alef ligature), then each printed line is put in visual order by the
Unicode bidirectional algorithm (python-bidi's levels): Arabic runs right to left, Danish
names, numbers and phone numbers inside them left to right, brackets mirrored. Lines are
broken in logical order first (the reader's order), then each line is reordered, so a
paragraph reads from its top right corner down.

``RtlParagraph`` is the flowable: the markup the plan uses (<b>, <font color>, <br/>,
escaped text), right-aligned, with its bullet on the right. ``visual`` turns one line (a
footer, the watermark) into the string to draw. Qt-free.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import arabic_reshaper
from arabic_reshaper.ligatures import LIGATURES
from bidi import algorithm as bidi_algorithm
from bidi.mirror import MIRRORED
from reportlab.lib.colors import Color, toColor
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from app.pdf.fonts import covered, printable

_TAG = re.compile(r"<(/?)(b|font)\b([^>]*)>|<br\s*/>")
_COLOR = re.compile(r"""color=["']([^"']+)["']""")
_STRONG = {"L": 0, "R": 1, "AL": 1}
# Explicit embeddings (kept for the algorithm, never drawn) and the marks.
LRE, PDF, NBSP = "\u202a", "\u202c", "\u00a0"
_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u200e\u200f")
_REMOVED = frozenset(bidi_algorithm.X9_REMOVED)  # rule X9: not in the algorithm's result
_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {close: opening for opening, close in _OPENING.items()}
_FIT = 0.5  # points kept free at a line's end (rounding)


# -- shaping and order -------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _reshaper(font_name: str) -> arabic_reshaper.ArabicReshaper:
    """A reshaper that makes only the ligatures ``font_name`` has glyphs for."""
    have = covered(font_name)
    config: dict[str, Any] = {"delete_harakat": True}
    for name, (_match, forms) in LIGATURES:
        config[name] = all(ord(f) in have for form in forms if form for f in form)
    return arabic_reshaper.ArabicReshaper(configuration=config)


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _printable(text: str, font_name: str) -> str:
    """``printable`` that keeps the embedding controls."""
    parts = re.split(r"([\u202a-\u202e\u200e\u200f])", text)
    return "".join(part if part in _CONTROLS else printable(part, font_name) for part in parts if part)


def keep_ltr(text: str) -> str:
    """A number such as a phone number ("+45 70 85 14 71") held together left to right inside
    right-to-left text (its groups would otherwise be ordered right to left), on one line."""
    return f"{LRE}{text.replace(' ', NBSP)}{PDF}"


def shape(text: str, font_name: str) -> str:
    """``text`` with its Arabic letters joined, in logical order; characters the font lacks
    replaced as ``printable`` does (a presentation form by its base letter)."""
    if any("\u0600" <= ch <= "\u06ff" for ch in text):
        text = _reshaper(font_name).reshape(text)
    return _printable(text, font_name)


def _clean(text: str) -> str:
    """Without the format characters other than the embeddings and marks (the algorithm
    here knows no isolates)."""
    return "".join(ch for ch in text if ch in _CONTROLS or unicodedata.category(ch) != "Cf")


def _drawn(pairs: list[tuple[Any, int]], char: Any = lambda item: item) -> list[tuple[Any, int]]:
    """The reordered characters that are drawn (not the marks)."""
    return [(item, level) for item, level in pairs if char(item) not in _CONTROLS]


def _in_algorithm(items: list[Any], char: Any = lambda item: item) -> list[Any]:
    """The characters the algorithm keeps (rule X9 drops the embeddings, and BN)."""
    return [item for item in items if unicodedata.bidirectional(char(item)) not in _REMOVED]


def base_level(text: str, default: int = 1) -> int:
    """0 when the first strong character is left-to-right, 1 when right-to-left."""
    for ch in text:
        level = _STRONG.get(unicodedata.bidirectional(ch))
        if level is not None:
            return level
    return default


def _strong(bidi_type: str) -> str | None:
    """A resolved type's direction for rule N0 (numbers count as right-to-left)."""
    if bidi_type == "L":
        return "L"
    return "R" if bidi_type in ("R", "AL", "EN", "AN") else None


def _pair_brackets(storage: dict[str, Any]) -> None:
    """Rule N0 (paired brackets), which python-bidi's Python algorithm lacks: "(Lise Holm)"
    inside Arabic keeps its brackets around the name."""
    for run in storage["runs"]:
        chars = storage["chars"][run["start"] : run["start"] + run["length"]]
        if not chars:
            continue
        embedding = "R" if chars[0]["level"] % 2 else "L"
        stack: list[tuple[str, int]] = []
        pairs: list[tuple[int, int]] = []
        for i, ch in enumerate(chars):
            if ch["type"] != "ON":
                continue
            if ch["ch"] in _OPENING:
                if len(stack) == 63:
                    break
                stack.append((ch["ch"], i))
            elif ch["ch"] in _CLOSING:
                for depth in range(len(stack) - 1, -1, -1):
                    if stack[depth][0] == _CLOSING[ch["ch"]]:
                        pairs.append((stack[depth][1], i))
                        del stack[depth:]
                        break
        for opening, closing in sorted(pairs):
            inside = {_strong(chars[k]["type"]) for k in range(opening + 1, closing)} - {None}
            if not inside:
                continue
            resolved = embedding
            if embedding not in inside:
                before = run["sor"]
                for k in range(opening - 1, -1, -1):
                    found = _strong(chars[k]["type"])
                    if found:
                        before = found
                        break
                if before != embedding:
                    resolved = before
            chars[opening]["type"] = chars[closing]["type"] = resolved


def levels(text: str, base: int = 1) -> list[int]:
    """The resolved embedding level of each character of one line (rules W, N and I)."""
    storage = bidi_algorithm.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "LR"[base]
    bidi_algorithm.get_embedding_levels(text, storage)
    bidi_algorithm.explicit_embed_and_overrides(storage)
    bidi_algorithm.resolve_weak_types(storage)
    _pair_brackets(storage)
    bidi_algorithm.resolve_neutral_types(storage, False)
    bidi_algorithm.resolve_implicit_levels(storage, False)
    return [int(ch["level"]) for ch in storage["chars"]]


def reorder(items: list[Any], line_levels: list[int]) -> list[tuple[Any, int]]:
    """``items`` (one per character) in visual order with their levels (rule L2)."""
    pairs = list(zip(items, line_levels, strict=True))
    if not pairs:
        return pairs
    highest = max(line_levels)
    odd = [level for level in line_levels if level % 2]
    lowest_odd = min(odd) if odd else highest + 1
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(pairs):
            if pairs[i][1] < level:
                i += 1
                continue
            j = i
            while j < len(pairs) and pairs[j][1] >= level:
                j += 1
            pairs[i:j] = pairs[i:j][::-1]
            i = j
    return pairs


def visual(text: str, font_name: str) -> str:
    """One line of plain text as it is drawn: joined, in visual order, mirrored."""
    text = _clean(shape(text, font_name))
    pairs = _drawn(reorder(_in_algorithm(list(text)), levels(text, base_level(text))))
    return "".join(MIRRORED.get(ch, ch) if level % 2 else ch for ch, level in pairs)


# -- markup ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    bold: bool
    color: str | None


def parse(markup: str) -> list[list[Span]]:
    """The plan's Paragraph markup as lines (<br/>) of spans of plain text."""
    lines: list[list[Span]] = [[]]
    bold = 0
    colors: list[str | None] = []

    def add(raw: str) -> None:
        if raw:
            lines[-1].append(Span(html.unescape(raw), bold > 0, colors[-1] if colors else None))

    pos = 0
    for m in _TAG.finditer(markup):
        add(markup[pos : m.start()])
        pos = m.end()
        closing, tag, attributes = m.group(1), m.group(2), m.group(3)
        if tag is None:
            lines.append([])
        elif tag == "b":
            bold += -1 if closing else 1
        elif closing:
            if colors:
                colors.pop()
        else:
            found = _COLOR.search(attributes or "")
            colors.append(found.group(1) if found else None)
    add(markup[pos:])
    return lines


# -- the paragraph -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of one font and colour, in visual order."""

    text: str
    font: str
    color: Color | None
    width: float


@dataclass(frozen=True, slots=True)
class Line:
    pieces: tuple[Piece, ...]
    width: float


Char = tuple[str, int]  # a character and its style's index


def _words(chars: list[Char]) -> list[list[Char]]:
    words: list[list[Char]] = []
    current: list[Char] = []
    for ch in chars:
        if ch[0] == " ":
            if current:
                words.append(current)
                current = []
        else:
            current.append(ch)
    if current:
        words.append(current)
    return words


class RtlParagraph(Flowable):
    """A paragraph set by the bidirectional algorithm: right to left (``base`` 1), or left to
    right with right-to-left runs in it (``base`` 0); aligned right (``right``: in the
    Arabic copy, Danish text too) or left. ``style.leftIndent`` is the indent at the aligned
    edge, ``bulletIndent`` the bullet's distance from it."""

    def __init__(
        self, text: str, style: ParagraphStyle, bullet: str = "", base: int = 1, right: bool | None = None
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.bullet = bullet
        self.base = base
        self.right = bool(base) if right is None else right
        self._lines: list[Line] | None = None
        self._for_width = -1.0
        family, bold, italic = ps2tt(style.fontName)
        self._fonts = (tt2ps(family, bold, italic), tt2ps(family, 1, italic))

    def __repr__(self) -> str:
        return f"RtlParagraph({self.text[:40]!r})"

    # layout ----------------------------------------------------------------------------
    def _char_width(self, chars: list[Char], fonts: list[tuple[str, Color | None]]) -> float:
        size = self.style.fontSize
        total = 0.0
        start = 0
        for i in range(1, len(chars) + 1):
            if i == len(chars) or chars[i][1] != chars[start][1]:
                text = "".join(c for c, _ in chars[start:i] if c not in _CONTROLS)
                total += stringWidth(text, fonts[chars[start][1]][0], size)
                start = i
        return total

    def lines_for(self, width: float) -> list[Line]:
        if self._lines is not None and self._for_width == width:
            return self._lines
        style, size = self.style, self.style.fontSize
        room = max(width - style.leftIndent - style.rightIndent - _FIT, size)
        fonts: list[tuple[str, Color | None]] = []
        out: list[Line] = []
        space = stringWidth(" ", self._fonts[0], size)
        for spans in parse(self.text):
            chars: list[Char] = []
            for span in spans:
                font = self._fonts[1] if span.bold else self._fonts[0]
                fonts.append((font, toColor(span.color) if span.color else None))
                chars += [(ch, len(fonts) - 1) for ch in _clean(shape(span.text, font))]
            line: list[Char] = []
            line_width = 0.0
            for word in _words(chars):
                w = self._char_width(word, fonts)
                if line and line_width + space + w <= room:
                    line += [(" ", line[-1][1]), *word]
                    line_width += space + w
                    continue
                if line:
                    out.append(self._visual(line, fonts))
                while w > room and len(word) > 1:  # a word wider than the line: cut it
                    cut = len(word) - 1
                    while cut > 1 and self._char_width(word[:cut], fonts) > room:
                        cut -= 1
                    out.append(self._visual(word[:cut], fonts))
                    word = word[cut:]
                    w = self._char_width(word, fonts)
                line, line_width = word, w
            if line or not out:
                out.append(self._visual(line, fonts))
        self._lines, self._for_width = out, width
        return out

    def _visual(self, chars: list[Char], fonts: list[tuple[str, Color | None]]) -> Line:
        text = "".join(c for c, _ in chars)
        kept = _in_algorithm(chars, lambda c: c[0])
        pairs = _drawn(reorder(kept, levels(text, self.base)), lambda c: c[0])
        pieces: list[Piece] = []
        run: list[str] = []
        for i, ((ch, index), level) in enumerate(pairs):
            run.append(MIRRORED.get(ch, ch) if level % 2 else ch)
            if i + 1 == len(pairs) or pairs[i + 1][0][1] != index:
                font, color = fonts[index]
                piece = "".join(run)
                pieces.append(Piece(piece, font, color, stringWidth(piece, font, self.style.fontSize)))
                run = []
        return Line(tuple(pieces), sum(p.width for p in pieces))

    # Flowable --------------------------------------------------------------------------
    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = len(self.lines_for(avail_width)) * self.style.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self.lines_for(avail_width)
        fit = int((avail_height + 1e-6) // self.style.leading)
        if fit <= 0 or fit >= len(lines):
            return [] if fit <= 0 else [self]
        head = _Part(self, lines[:fit], avail_width, self.bullet)
        tail = _Part(self, lines[fit:], avail_width, "")
        return [head, tail]

    def draw(self) -> None:
        lines = self.lines_for(self.width)
        draw_lines(self.canv, lines, self.style, self.width, self.height, self.bullet, self.right)


class _Part(RtlParagraph):
    """Some lines of a split RtlParagraph (already broken for ``width``)."""

    def __init__(self, whole: RtlParagraph, lines: list[Line], width: float, bullet: str) -> None:
        super().__init__(whole.text, whole.style, bullet, whole.base, whole.right)
        self._lines, self._for_width = lines, width

    def lines_for(self, width: float) -> list[Line]:
        assert self._lines is not None
        return self._lines


def draw_lines(
    canvas: Any,
    lines: list[Line],
    style: ParagraphStyle,
    width: float,
    height: float,
    bullet: str,
    right: bool,
) -> None:
    """Each line aligned at the paragraph's start indent (right-aligned in a right-to-left
    paragraph), first baseline a font size below the top (as ReportLab's own paragraphs)."""
    end = width - style.leftIndent
    y = height - style.fontSize
    canvas.saveState()
    if bullet:
        canvas.setFillColor(style.textColor)
        canvas.setFont(style.bulletFontName, style.bulletFontSize)
        if right:
            canvas.drawRightString(width - style.bulletIndent, y, bullet)
        else:
            canvas.drawString(style.bulletIndent, y, bullet)
    for line in lines:
        x = end - line.width if right else style.leftIndent
        for piece in line.pieces:
            canvas.setFillColor(piece.color or style.textColor)
            canvas.setFont(piece.font, style.fontSize)
            canvas.drawString(x, y, piece.text)
            x += piece.width
        y -= style.leading
    canvas.restoreState()


def paragraph(
    text: str, style: ParagraphStyle, bullet: str = "", *, rtl: bool, auto: bool = False
) -> Flowable:
    """A paragraph of ``text`` (markup) in a document set left to right or (``rtl``) right to
    left. ``auto``: the caseworker's own text, set in the direction its first letter says
    (Danish text in the Arabic copy stays left to right, though aligned right as the rest;
    Arabic words typed into the English copy are joined and right to left)."""
    plain = html.unescape(_TAG.sub(" ", text))
    mixed = has_rtl(plain)
    if not rtl and not mixed:
        return Paragraph(text, style, bulletText=bullet or None)
    base = base_level(plain, int(rtl)) if auto or not rtl else 1
    if base == 0 and not mixed and not rtl:
        return Paragraph(text, style, bulletText=bullet or None)
    return RtlParagraph(text, style, bullet, base, right=rtl or None)
