"""Reading a written .docx back the way a caseworker (or a screen reader) meets it: the body in
order, headings with their level, tables row by row, and the headers and footers."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


def open_docx(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def blocks(document: Document) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def headings(document: Document) -> list[tuple[int, str]]:
    """(level, text) of every Heading 1-9 paragraph, in order."""
    out = []
    for p in document.paragraphs:
        name = p.style.name if p.style is not None else ""
        if name.startswith("Heading "):
            out.append((int(name.split(" ")[1]), p.text))
    return out


def table_rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def lines(document: Document) -> list[str]:
    """The body as text lines: "# heading", "- bullet", "| a | b |" table rows."""
    out: list[str] = []
    for block in blocks(document):
        if isinstance(block, Table):
            for row in table_rows(block):
                out.append("| " + " | ".join(c.replace("\n", " / ") for c in row) + " |")
            continue
        name = block.style.name if block.style is not None else ""
        if name.startswith("Heading "):
            out.append("#" * int(name.split(" ")[1]) + " " + block.text)
        elif name == "List Bullet":
            out.append("- " + block.text)
        elif block.text.strip():
            out.append(block.text)
    return out


def text_of(data: bytes) -> str:
    """Everything a reader sees in the body (tables included), whitespace folded."""
    return " ".join(" ".join(lines(open_docx(data))).split())


def xml_parts(data: bytes) -> dict[str, str]:
    """Every XML part of the package (body, headers, footers, properties, …) as text."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {
            name: package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        }
