"""The access request (aktindsigt) as one PDF for the person, and its CSV index beside it.

The PDF: a cover page (who the request is about, when and by whom it was made, the legal
basis, the cases), an index of every item (withheld ones marked with the reason), then a page
per item. PDF documents and signed consent forms are attached after the items as appendices
(their own pages, stamped with the page number); other files (Word, images, e-mail) are listed
and handed over separately. The CSV index (UTF-8 with BOM for Excel, ``;``-separated) has the
index's rows. Both are built in memory first, then written atomically. The person's CPR
number is printed on the cover (it is their own copy); the file names are the user's.
Qt-free; ReportLab, and pypdf for the appendices."""

from __future__ import annotations

import csv
import io
import logging
import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from app.pdf.access_appendix import attach, readable
from app.pdf.document import (
    PAGE_WIDTH,
    NumberedCanvas,
    PageFurniture,
    a4_document,
    markup,
    ruled_table,
    text_flowables,
    tinted_box,
)
from app.pdf.fonts import printable, register_fonts
from app.pdf.styles import RULE, plan_styles
from app.services.common import danish
from app.services.common.clock import to_local
from app.services.privacy.access_request import AccessRequest, HeldItem
from app.store.safe_files import check_output, write_atomic

log = logging.getLogger(__name__)

TITLE = "Aktindsigt"
LEGAL_BASIS = (
    "Du har bedt om at se de oplysninger, kommunen har om dig i Koordinator, det program "
    "din koordinerende sagsbehandler bruger. Du har ret til aktindsigt i de sager, du er part "
    "i (forvaltningslovens § 9), og til indsigt i de personoplysninger, kommunen behandler om "
    "dig (databeskyttelsesforordningens artikel 15)."
)
READING_GUIDE = (
    "Oversigten viser alt, hvad der er registreret om dig: planer (godkendte versioner og "
    "udkast), journalnotater, møder og referater, samtykker, dokumenter, opgaver og indsatser. "
    "Derefter følger en side for hvert punkt. Er et punkt undtaget fra aktindsigt, står "
    "begrundelsen i oversigten, og indholdet er ikke med. Du kan klage over et afslag på "
    "aktindsigt til kommunen, som sender klagen videre, hvis afgørelsen fastholdes."
)
CSV_HEADERS = ("Nr.", "Ref.", "Type", "Sag", "Dato", "Indhold", "Status", "Begrundelse", "Side")
CASE_STATUS = {"candidate": "Forberedes", "active": "Aktiv", "paused": "Sat i bero", "closed": "Lukket"}


@dataclass(frozen=True, slots=True)
class IndexRow:
    number: int
    key: str
    kind: str
    case_number: str
    day: str
    title: str
    status: str
    reason: str
    page: str

    def cells(self) -> list[str]:
        return [
            str(self.number),
            self.key,
            self.kind,
            self.case_number,
            self.day,
            self.title,
            self.status,
            self.reason,
            self.page,
        ]


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where things landed in the previous pass: item pages, the body's page count."""

    pages: dict[str, int]
    body_pages: int
    appendix: dict[str, tuple[int, int]]  # key -> (first, last) page of its appendix


def _status(item: HeldItem, appendix: tuple[int, int] | None, readable: bool) -> str:
    if item.withheld:
        return "Undtaget"
    if item.pdf is not None and readable:
        return f"Vedlagt som bilag, side {appendix[0]}-{appendix[1]}" if appendix else "Vedlagt som bilag"
    if item.pdf is not None or item.separate_file:
        return "Filen udleveres særskilt"
    return "Udleveret"


def index_rows(request: AccessRequest, layout: _Layout | None, readers: dict[str, Any]) -> list[IndexRow]:
    rows = []
    for number, item in enumerate(request.items, start=1):
        page = layout.pages.get(item.key) if layout else None
        appendix = layout.appendix.get(item.key) if layout else None
        rows.append(
            IndexRow(
                number=number,
                key=item.key,
                kind=item.kind_label,
                case_number=item.case_number,
                day=danish.short_date(item.day) if item.day else "",
                title=item.title,
                status=_status(item, appendix, item.key in readers),
                reason=item.withheld,
                page=str(page) if page else "",
            )
        )
    return rows


def csv_index(rows: list[IndexRow]) -> bytes:
    """The index as CSV: UTF-8 with a BOM (Excel reads æ, ø and å), ``;``-separated."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(CSV_HEADERS)
    writer.writerows(row.cells() for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


class _Mark(Flowable):
    """Records the page it lands on (for the index's page numbers)."""

    def __init__(self, key: str, sink: dict[str, int]) -> None:
        super().__init__()
        self.key, self.sink = key, sink

    def wrap(self, _w: float, _h: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.sink[self.key] = self.canv.getPageNumber()


class _Canvas(NumberedCanvas):
    """ "Side x af y" counts the appendices too; the body's page count is kept for the next pass."""

    def __init__(self, *args: Any, extra: int, sink: dict[str, int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._extra, self._sink = extra, sink

    def save(self) -> None:
        self._sink["__pages__"] = len(self._held)
        super().save()

    def _draw_furniture(self, total: int) -> None:
        super()._draw_furniture(total + self._extra)


class _Story:
    def __init__(self, request: AccessRequest, rows: list[IndexRow], marks: dict[str, int]) -> None:
        self.request = request
        self.rows = rows
        self.marks = marks
        self.styles = plan_styles(False)
        self.fonts = register_fonts()
        self.width = PAGE_WIDTH - 2 * MARGIN

    def p(self, text: str, style: Any = None) -> Paragraph:
        return Paragraph(markup(text), style or self.styles.body)

    def table(self, pairs: list[tuple[str, str]]) -> Flowable:
        s = self.styles
        data = [
            [Paragraph(markup(label), s.cell_head), Paragraph(markup(value), s.cell)]
            for label, value in pairs
        ]
        table = Table(data, colWidths=[45 * mm, self.width - 45 * mm], splitInRow=int(3 * s.leading))
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        return table

    def cover(self) -> list[Flowable]:
        r, s = self.request, self.styles
        person = r.person
        made = to_local(r.made_at)
        who = [
            ("Navn", person.name),
            ("CPR-nummer", person.cpr_printed),
            ("Fødselsdato", danish.long_date(person.birth_date)),
            ("Adresse", person.address),
            ("Telefon", person.phone),
            ("E-mail", person.email),
        ]
        by = ", ".join(part for part in (r.made_by, r.department) if part)
        out: list[Flowable] = [
            self.p(TITLE, s.title),
            self.p("Alt, hvad kommunen har registreret om dig i Koordinator", s.subtitle),
            self.table([(label, value) for label, value in who if value]),
            Spacer(1, 3 * mm),
            self.p(f"Udleveret {danish.long_date(made.date())} kl. {made:%H.%M} af {by}.", s.meta),
            Paragraph("Dit retsgrundlag", s.h2),
            self.p(LEGAL_BASIS),
            self.p(READING_GUIDE),
            Paragraph("Dine sager", s.h2),
        ]
        if r.cases:
            head = [Paragraph(h, s.cell_head) for h in ("Sag", "Navn", "Status", "Åbnet", "Koordinator")]
            data = [
                [
                    Paragraph(markup(c.number), s.cell),
                    Paragraph(markup(c.title), s.cell),
                    Paragraph(CASE_STATUS.get(c.status.value, c.status.value), s.cell),
                    Paragraph(danish.short_date(c.opened_on), s.cell),
                    Paragraph(markup(c.coordinator), s.cell),
                ]
                for c in r.cases
            ]
            widths = [32 * mm, 50 * mm, 24 * mm, 27 * mm, self.width - 133 * mm]
            out.append(ruled_table([head, *data], widths, self.fonts.regular, s.body_size, s.leading, 1.0, 5))
        else:
            out.append(self.p("Du er ikke med i nogen sag i Koordinator."))
        withheld = len(r.withheld)
        out.append(Spacer(1, 4 * mm))
        out.append(
            self.p(
                f"Oversigten har {len(r.items)} punkter."
                + (f" {withheld} af dem er undtaget fra aktindsigt." if withheld else "")
            )
        )
        return out

    def index(self) -> list[Flowable]:
        s = self.styles
        small = s.small.clone("index", textColor=s.cell.textColor, spaceAfter=0)
        bold = s.cell_head.clone("index_head", fontSize=small.fontSize, leading=small.leading)
        head = [Paragraph(h, bold) for h in ("Nr.", "Type", "Sag", "Dato", "Indhold", "Status", "Side")]
        data = [head]
        for row in self.rows:
            status = f"{row.status}: {row.reason}" if row.reason else row.status
            data.append(
                [
                    Paragraph(str(row.number), small),
                    Paragraph(markup(f"{row.kind} ({row.key})"), small),
                    Paragraph(markup(row.case_number), small),
                    Paragraph(row.day, small),
                    Paragraph(markup(row.title), small),
                    Paragraph(markup(status), small),
                    Paragraph(row.page, small),
                ]
            )
        widths = [9 * mm, 30 * mm, 25 * mm, 24 * mm, 0.0, 35 * mm, 11 * mm]
        widths[4] = self.width - sum(widths)
        out: list[Flowable] = [PageBreak(), Paragraph("Oversigt", s.h2)]
        if self.rows:
            out.append(ruled_table(data, widths, self.fonts.regular, s.small_size, s.leading, 1.0, 4))
        else:
            out.append(self.p("Der er ikke registreret noget om dig i Koordinator."))
        return out

    def item(self, row: IndexRow, item: HeldItem) -> list[Flowable]:
        s = self.styles
        heading = f"{row.number}. {item.kind_label}" + (f": {item.title}" if item.title else "")
        where = " · ".join(
            part for part in (f"Sag {item.case_number}" if item.case_number else "", row.day) if part
        )
        out: list[Flowable] = [
            PageBreak(),
            _Mark(item.key, self.marks),
            self.p(heading, s.h2),
            self.p(f"{where} · Ref. {item.key}" if where else f"Ref. {item.key}", s.meta),
        ]
        if item.withheld:
            box: list[Flowable] = [
                self.p("Undtaget fra aktindsigt", s.box_head),
                self.p(f"Begrundelse: {item.withheld}"),
            ]
            out.append(tinted_box(box, self.width, self.fonts.regular, s.body_size, 1.0, top=8, bottom=8))
            return out
        if item.lines:
            out.append(self.table([(line.label, line.value) for line in item.lines]))
        for block in item.blocks:
            out.append(self.p(block.heading, s.h3))
            out.extend(text_flowables(block.text, s))
        out.append(Spacer(1, 3 * mm))
        if row.status.startswith("Vedlagt"):
            pages = row.status.rpartition("side ")[2]
            out.append(self.p(f"Filens egne sider er vedlagt bagerst som bilag (side {pages}).", s.meta))
        elif row.status.startswith("Filen"):
            name = item.separate_file or "filen"
            out.append(self.p(f"Filen ({name}) kan ikke vises her; den udleveres særskilt.", s.meta))
        return out

    def story(self) -> list[Flowable]:
        out = self.cover() + self.index()
        for row, item in zip(self.rows, self.request.items, strict=True):
            out.extend(self.item(row, item))
        return out


MARGIN = 20 * mm
MAX_PASSES = 4


def _render(request: AccessRequest, rows: list[IndexRow], extra: int) -> tuple[bytes, dict[str, int]]:
    styles = plan_styles(False)
    fonts = register_fonts()
    marks: dict[str, int] = {}
    buffer = io.BytesIO()
    template = a4_document(
        buffer,
        margin=MARGIN,
        top=20 * mm,
        bottom=9 * mm + 2.6 * styles.footer_size + 8 * mm,
        title=TITLE,
        author="Koordinator",
        subject="Aktindsigt efter forvaltningslovens § 9 og databeskyttelsesforordningens artikel 15",
        fonts=fonts,
        body_size=styles.body_size,
        page_name="access_request",
    )
    made = to_local(request.made_at)
    furniture = PageFurniture(
        fonts=fonts,
        size=styles.footer_size,
        margin=MARGIN,
        header=printable(f"{TITLE} · {request.person.name}"),
        reference=f"Udleveret {danish.short_date(made.date())}",
        draft=False,
    )
    template.build(
        _Story(request, rows, marks).story(),
        canvasmaker=partial(_Canvas, furniture=furniture, extra=extra, sink=marks),
    )
    return buffer.getvalue(), marks


def build_access_request(request: AccessRequest) -> tuple[bytes, list[IndexRow]]:
    """The PDF (appendices attached) and the index's rows, page numbers filled in."""
    readers = {item.key: r for item in request.items if item.pdf and (r := readable(item.pdf))}
    extra = sum(len(r.pages) for r in readers.values())
    layout: _Layout | None = None
    for _ in range(MAX_PASSES):  # until the page numbers in the index stop moving
        rows = index_rows(request, layout, readers)
        body, marks = _render(request, rows, extra)
        pages = marks.pop("__pages__")
        appendix, first = {}, pages + 1
        for item in request.items:
            if item.key in readers:
                count = len(readers[item.key].pages)
                appendix[item.key] = (first, first + count - 1)
                first += count
        new = _Layout(marks, pages, appendix)
        if new == layout:
            break
        layout = new
    if not readers:
        return body, rows
    appendices = [(rows[i], readers[item.key]) for i, item in enumerate(request.items) if item.key in readers]
    return attach(body, appendices), rows


def write_access_request(request: AccessRequest, path: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Write the PDF to ``path`` and its CSV index beside it (same name, ``.csv``), each
    atomically; both are checked before anything is built or written. Returns both paths."""
    pdf_path = Path(path).expanduser()
    if pdf_path.suffix.lower() == ".csv":
        from app.store.safe_files import OutputRefusedError

        raise OutputRefusedError(f"{pdf_path} is the CSV index's name; name the PDF file (FILE.pdf)")
    csv_path = pdf_path.with_suffix(".csv")
    check_output(pdf_path)
    check_output(csv_path)
    data, rows = build_access_request(request)
    table = csv_index(rows)
    write_atomic(csv_path, table)
    try:
        write_atomic(pdf_path, data)
    except BaseException:
        csv_path.unlink(missing_ok=True)  # never an index without its PDF
        raise
    return pdf_path, csv_path
