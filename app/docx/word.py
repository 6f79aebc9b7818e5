"""The Word papers' common toolkit: an A4 document on the municipality's letter template (logo,
sender and address at the top of page 1), real Word headings and tables (a header row that
repeats, for screen readers and the document system), the page furniture of the printed papers
("Side x af y", the confidentiality line and the case reference in every footer, "UDKAST" in
the header of a draft), Danish (da-DK) as the language, and the core properties. Written whole
or not at all. Qt-free; python-docx only.

Free text goes through ``clean``: CPR-shaped numbers typed into it are removed and characters
XML cannot hold are dropped, so no CPR number and no broken file leaves the program.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from app.services.common.clock import now_utc
from app.services.common.danish import hide_cpr
from app.services.common.letter_template import LetterTemplate
from app.store.safe_files import check_output, write_atomic

ACCENT = RGBColor(0x1D, 0x5C, 0x73)  # the printed papers' deep blue-green
GREY = RGBColor(0x55, 0x55, 0x55)
INK = RGBColor(0x1A, 0x1A, 0x1A)
TINT = "EAF1F4"  # boxes and table headers
RULE = "B8C4CA"
LANGUAGE = "da-DK"
CONFIDENTIAL = "Fortroligt – indeholder personoplysninger"
DRAFT_MARK = "UDKAST"
MARGIN_MM = 22
LOGO_HEIGHT_MM = 16
LOGO_MAX_WIDTH_MM = 60

# Characters XML 1.0 cannot hold (python-docx would refuse the whole document for one).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """Free text for the document: CPR-shaped numbers removed, characters XML lacks dropped."""
    return _NOT_XML.sub("", hide_cpr(text or ""))


class Bold(str):
    """A part of a line written in bold."""

    __slots__ = ()


class Quiet(str):
    """A part of a line written small and grey (law references, notes)."""

    __slots__ = ()


class Container(Protocol):
    def add_paragraph(self, text: str = "", style: str | None = None) -> Paragraph: ...


def line(where: Container, *parts: str, style: str | None = None) -> Paragraph:
    """A paragraph of ``parts`` (plain, ``Bold`` or ``Quiet``), each cleaned."""
    return _runs(where.add_paragraph(style=style), parts)


def _runs(paragraph: Paragraph, parts: Sequence[str]) -> Paragraph:
    for part in parts:
        run = paragraph.add_run(clean(part))
        if isinstance(part, Bold):
            run.bold = True
        elif isinstance(part, Quiet):
            run.font.size = Pt(9)
            run.font.color.rgb = GREY
    return paragraph


def cell_line(cell: _Cell, *parts: str) -> Paragraph:
    """``parts`` in a table cell's first (empty) paragraph."""
    return _runs(cell.paragraphs[0], parts)


def text_block(where: Container, text: str, *, style: str | None = None, indent_mm: float = 0) -> None:
    """Plain text from the store as the PDF reads it: blank lines separate paragraphs, lines in a
    paragraph stay lines, "- " lines are bullets (Word's List Bullet)."""
    lines: list[str] = []

    def flush() -> None:
        if lines:
            paragraph = where.add_paragraph(style=style)
            for i, one in enumerate(lines):
                run = paragraph.add_run(clean(one))
                if i < len(lines) - 1:
                    run.add_break()
            if indent_mm:
                paragraph.paragraph_format.left_indent = Mm(indent_mm)
            lines.clear()

    for raw in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = raw.strip()
        if not stripped:
            flush()
        elif stripped[:2] in ("- ", "* ", "• ", "– "):
            flush()
            bullet = where.add_paragraph(clean(stripped[2:]), style="List Bullet")
            if indent_mm:
                bullet.paragraph_format.left_indent = Mm(indent_mm + 6)
        else:
            lines.append(stripped)
    flush()


def heading(document: Document, text: str, level: int) -> Paragraph:
    """A real Word heading (Heading 1-3): the document's outline and a screen reader's map."""
    paragraph: Paragraph = document.add_heading(clean(text), level)
    return paragraph


# -- tables ------------------------------------------------------------------------------------


def _shade(cell: _Cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _borders(cell: _Cell, **sides: tuple[int, str]) -> None:
    """Cell borders: side -> (width in eighths of a point, colour)."""
    properties = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            size, colour = sides[side]
            edge = OxmlElement(f"w:{side}")
            edge.set(qn("w:val"), "single" if size else "nil")
            edge.set(qn("w:sz"), str(size))
            edge.set(qn("w:space"), "0")
            edge.set(qn("w:color"), colour)
            borders.append(edge)
    properties.append(borders)


def _repeat_header(table: Table) -> None:
    row = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row.append(header)


def widths(table: Table, widths_mm: Sequence[float]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


Cell = str | Sequence[str]  # one line of parts, or parts (Bold/Quiet/plain)


def ruled_table(
    document: Document,
    head: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    widths_mm: Sequence[float],
    *,
    quiet_rows: Sequence[bool] = (),
) -> Table:
    """A table with a tinted heading row that repeats on every page, thin rules between rows;
    ``quiet_rows`` (per row) writes a row grey (an agreement that is done or cancelled)."""
    body = [list(r) for r in rows]
    table: Table = document.add_table(rows=1 + len(body), cols=len(head))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.paragraphs[0].add_run(clean(text)).bold = True
        _shade(cell, TINT)
        _borders(cell, bottom=(12, "1D5C73"))
    _repeat_header(table)
    for index, values in enumerate(body):
        grey = index < len(quiet_rows) and quiet_rows[index]
        for cell, value in zip(table.rows[index + 1].cells, values, strict=True):
            parts = [value] if isinstance(value, str) else list(value)
            paragraph = cell.paragraphs[0]
            for i, part in enumerate(parts):
                if i:
                    paragraph.add_run().add_break()
                run = paragraph.add_run(clean(part))
                run.bold = isinstance(part, Bold) or None
                if grey:
                    run.font.color.rgb = GREY
            _borders(cell, bottom=(4, RULE))
    widths(table, widths_mm)
    document.add_paragraph()  # Word joins two tables that touch
    return table


def box(document: Document, width_mm: float) -> _Cell:
    """The printed papers' tinted box with the accent bar on the left; fill the returned cell."""
    table = document.add_table(rows=1, cols=1)
    cell: _Cell = table.rows[0].cells[0]
    _shade(cell, TINT)
    _borders(cell, left=(24, "1D5C73"))
    widths(table, [width_mm])
    cell._tc.remove(cell.paragraphs[0]._p)  # the caller's lines come first
    document.add_paragraph()
    return cell


def rule_cell(cell: _Cell) -> None:
    """A cell with only a line under it: where to write a date or a signature."""
    _borders(cell, bottom=(6, "1A1A1A"))


def bare_cells(table: Table) -> None:
    """No borders on any cell (a layout table, e.g. the signatures)."""
    for row in table.rows:
        for cell in row.cells:
            _borders(cell, top=(0, "auto"), left=(0, "auto"), bottom=(0, "auto"), right=(0, "auto"))


# -- the page ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Furniture:
    title: str  # the core properties' title
    subject: str
    author: str  # the coordinator (else the municipality)
    header: str  # pages after the first: "Vores fælles plan · Familien Holm Jensen"
    reference: str  # every footer: "Sag 2026-0042 · Version 3 · Udkast"
    draft: bool = False
    keywords: str = ""


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills when it lays out the pages."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _footer(container: Container, reference: str) -> None:
    page = container.add_paragraph()
    page.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    page.add_run("Side ").bold = True
    _field(page, "PAGE")
    page.add_run(" af ").bold = True
    _field(page, "NUMPAGES")
    for text in (CONFIDENTIAL, reference):
        quiet = container.add_paragraph()
        run = quiet.add_run(clean(text))
        run.font.size = Pt(8)
        run.font.color.rgb = GREY


def _draft_line(container: Container) -> None:
    mark = container.add_paragraph()
    mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = mark.add_run(DRAFT_MARK)
    run.bold = True
    run.font.color.rgb = ACCENT


def _letterhead(document: Document, template: LetterTemplate, draft: bool) -> None:
    """Page 1's header: the logo on the left, the sender and the address on the right."""
    section = document.sections[0]
    header = section.first_page_header
    header.is_linked_to_previous = False
    width = 210 - 2 * MARGIN_MM
    table = header.add_table(1, 2, Mm(width))
    left, right = table.rows[0].cells
    widths(table, [width * 0.5, width * 0.5])
    if template.logo is not None:
        logo = template.logo
        height = float(LOGO_HEIGHT_MM)
        if height * logo.width / logo.height > LOGO_MAX_WIDTH_MM:
            height = LOGO_MAX_WIDTH_MM * logo.height / logo.width
        left.paragraphs[0].add_run().add_picture(io.BytesIO(logo.data), height=Mm(height))
    first = right.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if template.sender:
        first.add_run(clean(template.sender)).bold = True
    for text in template.address:
        paragraph = right.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = paragraph.add_run(clean(text))
        run.font.size = Pt(9)
        run.font.color.rgb = GREY
    header.paragraphs[0]._p.getparent().remove(header.paragraphs[0]._p)  # the empty first line
    if draft:
        _draft_line(header)


def _language(document: Document) -> None:
    """Danish as the language of every style (spelling, hyphenation, a screen reader's voice)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANGUAGE)
    rpr.append(lang)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), LANGUAGE)


def _styles(document: Document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.font.color.rgb = INK
    for name, size in (("Heading 1", 22), ("Heading 2", 15), ("Heading 3", 12.5)):
        style = document.styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        style.font.name = "Calibri"


def new_document(
    template: LetterTemplate, furniture: Furniture, *, today: datetime | None = None
) -> Document:
    """An empty A4 document on the letter template with the page furniture and metadata."""
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    section.top_margin, section.bottom_margin = Mm(20), Mm(22)
    section.different_first_page_header_footer = True
    _styles(document)
    _language(document)
    _letterhead(document, template, furniture.draft)
    later = section.header
    later.is_linked_to_previous = False
    top = later.paragraphs[0]
    run = top.add_run(clean(furniture.header))
    run.font.size = Pt(8)
    run.font.color.rgb = GREY
    if furniture.draft:
        _draft_line(later)
    for footer in (section.first_page_footer, section.footer):
        footer.is_linked_to_previous = False
        footer.paragraphs[0]._p.getparent().remove(footer.paragraphs[0]._p)
        _footer(footer, furniture.reference)
    when = today or now_utc()
    props = document.core_properties
    props.title = clean(furniture.title)
    props.subject = clean(furniture.subject)
    props.author = clean(furniture.author) or clean(template.sender) or "Koordinator"
    props.last_modified_by = props.author
    props.language = LANGUAGE
    props.keywords = clean(furniture.keywords)
    props.comments = ""
    props.category = ""
    props.identifier = ""
    props.content_status = DRAFT_MARK.capitalize() if furniture.draft else ""
    props.created = props.modified = when.replace(tzinfo=None)
    props.revision = 1
    body = document.paragraphs
    if body and not body[0].text:  # python-docx's template starts with no paragraph; be sure
        body[0]._p.getparent().remove(body[0]._p)
    return document


# -- writing -----------------------------------------------------------------------------------


def to_bytes(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_docx(data: bytes, path: str | os.PathLike[str]) -> None:
    """Write a built document to ``path`` whole or not at all (temp file, synced, renamed).
    Raises OSError with the reason when it cannot be written."""
    check_output(path)
    write_atomic(path, data)
