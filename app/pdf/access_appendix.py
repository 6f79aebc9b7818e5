"""The appendices of an access request: PDF files (documents, signed consent forms) whose
pages are attached after the items, each page stamped "Bilag … · Side x af y" so the person
can find it from the index. A file that cannot be read, is encrypted, or does not survive
a round trip through pypdf is not attached (the caller hands it over separately). Qt-free."""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.pdf.fonts import printable, register_fonts
from app.pdf.styles import GREY

if TYPE_CHECKING:
    from pypdf import PdfReader

log = logging.getLogger(__name__)

MAX_APPENDIX_PAGES = 2000  # one file with more is handed over separately


class Numbered(Protocol):
    @property
    def number(self) -> int: ...

    @property
    def key(self) -> str: ...


def readable(data: bytes) -> PdfReader | None:
    """The file's pages as they will be attached, or None when they cannot be."""
    from pypdf import PdfReader, PdfWriter

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                return None
            if not 0 < len(reader.pages) <= MAX_APPENDIX_PAGES:
                return None
            writer = PdfWriter()
            for page in reader.pages:
                writer.add_page(page)
            clean = io.BytesIO()
            writer.write(clean)
            return PdfReader(io.BytesIO(clean.getvalue()))
    except Exception:  # a file from outside: any fault means "hand it over separately"
        log.info("A PDF file could not be read to attach it; it is handed over separately")
        return None


def _stamps(labels: Sequence[str], sizes: Sequence[tuple[float, float]]) -> bytes:
    """One page per appendix page, its size, with the label at the foot on a white strip."""
    fonts = register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out)
    for label, (width, height) in zip(labels, sizes, strict=True):
        canvas.setPageSize((width, height))
        size = 7.5
        text = printable(label)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(8 * mm, 3 * mm, canvas.stringWidth(text, fonts.regular, size) + 4 * mm, size + 4, 0, 1)
        canvas.setFillColor(GREY)
        canvas.setFont(fonts.regular, size)
        canvas.drawString(10 * mm, 3 * mm + 3, text)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def attach(body: bytes, appendices: Sequence[tuple[Numbered, PdfReader]]) -> bytes:
    """``body`` with the appendices' pages after it, in order, each stamped."""
    from pypdf import PdfReader, PdfWriter

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        writer = PdfWriter(clone_from=io.BytesIO(body))
        done = len(writer.pages)
        total = done + sum(len(reader.pages) for _row, reader in appendices)
        labels: list[str] = []
        for row, reader in appendices:
            for page in reader.pages:
                added = writer.add_page(page)  # changed in the writer (pypdf changes no page of a reader)
                if added.rotation:
                    added.transfer_rotation_to_content()
                labels.append(
                    f"Bilag til aktindsigt · punkt {row.number} ({row.key}) · Side {done + len(labels) + 1} af {total}"
                )
        pages = writer.pages[done:]
        sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in pages]
        stamps = PdfReader(io.BytesIO(_stamps(labels, sizes)))
        for page, stamp in zip(pages, stamps.pages, strict=True):
            page.merge_translated_page(stamp, float(page.mediabox.left), float(page.mediabox.bottom))
        out = io.BytesIO()
        writer.write(out)
    return out.getvalue()
