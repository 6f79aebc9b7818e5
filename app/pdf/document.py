"""The printed papers' common toolkit: text from the store as paragraphs, the family's
voice ("I"/"du"), page furniture with "Side x af y", the draft watermark, the tinted box and
the ruled table, and the A4 document they are built on. The plan (plan_pdf.py), the meeting
papers (meeting_pdf.py) and the access report (access_report.py) use it so they look alike.
Qt-free; ReportLab only."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from app.pdf.fonts import FontNames, printable
from app.pdf.plan_language import PlanLanguage, plan_language
from app.pdf.rtl import keep_ltr, visual
from app.pdf.styles import ACCENT, GREY, INK, RULE, TINT, WATERMARK, Styles
from app.services.plan.plan_document import PlanDocument
from app.services.plan.plan_words import Voice as Voice  # re-exported for the papers
from app.services.team.absences import Cover

PAGE_WIDTH, PAGE_HEIGHT = A4
CONFIDENTIAL = "Fortroligt – indeholder personoplysninger"
DRAFT_MARK = "UDKAST"
WATERMARK_WIDTH = 600.0  # points: the draft mark's longest width across the page


# -- text --------------------------------------------------------------------------------------


def markup(text: str, font: str | None = None) -> str:
    """Plain text as Paragraph markup: characters the font lacks replaced, XML escaped
    (``font``: a registered font; by default the Danish papers' font)."""
    return escape(printable(text.strip(), font))


# Makes a paragraph from markup, a style and a bullet ("" for none): Paragraph itself for the
# papers set left to right, app.pdf.rtl.paragraph for the Arabic copy.
ParagraphMaker = Callable[[str, Any, str], Flowable]


def plain_paragraph(text: str, style: Any, bullet: str = "") -> Flowable:
    return Paragraph(text, style, bulletText=bullet or None)


def text_flowables(
    text: str,
    styles: Styles,
    style: Any = None,
    *,
    make: ParagraphMaker = plain_paragraph,
    font: str | None = None,
) -> list[Flowable]:
    """Plain text from the store: blank lines separate paragraphs, "- " lines are bullets."""
    style = style or styles.body
    out: list[Flowable] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            out.append(make("<br/>".join(markup(line, font) for line in lines), style, ""))
            lines.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
        elif line[:2] in ("- ", "* ", "• ", "– "):
            flush()
            out.append(make(markup(line[2:], font), styles.bullet, "•"))
        else:
            lines.append(line)
    flush()
    return out


# -- what the family reads ---------------------------------------------------------------------


def first_name(doc: PlanDocument, citizen_id: int | None) -> str:
    for m in doc.members:
        if m.citizen_id == citizen_id:
            return m.first_name or m.name.split(" ")[0]
    return ""


def first_names(doc: PlanDocument, citizen_ids: Iterable[int]) -> list[str]:
    """The members' first names in the family's order (a goal's "Oliver og Freja")."""
    order = {m.citizen_id: i for i, m in enumerate(doc.members)}
    ordered = sorted(set(citizen_ids), key=lambda c: (order.get(c, len(order)), c))
    return [name for c in ordered if (name := first_name(doc, c))]


# -- page furniture ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageFurniture:
    fonts: FontNames
    size: float
    margin: float
    header: str
    reference: str
    draft: bool
    # The family's copy in another language says these in it; ``rtl`` mirrors the page.
    confidential: str = CONFIDENTIAL
    page_label: str = "Side {page} af {total}"
    draft_mark: str = DRAFT_MARK
    rtl: bool = False


class NumberedCanvas(Canvas):
    """Holds the pages back until the end so each footer can say "Side x af y"."""

    def __init__(self, *args: Any, furniture: PageFurniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's own page reset, not in its stubs

    def save(self) -> None:
        total = len(self._held)
        for state in self._held:
            self.__dict__.update(state)
            self._draw_furniture(total)
            super().showPage()
        super().save()

    def _draw_furniture(self, total: int) -> None:
        f = self._furniture
        page = self.getPageNumber()
        left, right = f.margin, PAGE_WIDTH - f.margin
        # The start of a line is the left edge, or the right one in a right-to-left copy.
        start, end = (
            (self.drawRightString, self.drawString) if f.rtl else (self.drawString, self.drawRightString)
        )
        at_start, at_end = (right, left) if f.rtl else (left, right)

        def shown(text: str, font: str) -> str:
            return visual(text, font) if f.rtl else text

        self.saveState()
        self.setFillColor(GREY)
        if page > 1:
            self.setFont(f.fonts.regular, f.size)
            header, room = f.header, (right - left) * 0.8
            while (
                len(header) > 10
                and stringWidth(shown(header, f.fonts.regular), f.fonts.regular, f.size) > room
            ):
                header = header[:-2] + "…"
            start(at_start, PAGE_HEIGHT - 12 * mm, shown(header, f.fonts.regular))
            if f.draft:
                self.setFont(f.fonts.bold, f.size)
                end(at_end, PAGE_HEIGHT - 12 * mm, shown(f.draft_mark, f.fonts.bold))
        line_y = 9 * mm + 2.6 * f.size
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(left, line_y, right, line_y)
        self.setFont(f.fonts.regular, f.size)
        start(at_start, line_y - 1.4 * f.size, shown(f.confidential, f.fonts.regular))
        start(at_start, line_y - 2.7 * f.size, shown(f.reference, f.fonts.regular))
        self.setFillColor(INK)
        self.setFont(f.fonts.bold, f.size * 1.1)
        end(at_end, line_y - 1.4 * f.size, shown(f.page_label.format(page=page, total=total), f.fonts.bold))
        self.restoreState()


def draft_watermark(
    fonts: FontNames, mark: str = DRAFT_MARK, rtl: bool = False
) -> Callable[[Canvas, Any], None]:
    shown = visual(mark, fonts.bold) if rtl else mark
    # 120 pt, smaller for a long word ("ЧЕРНЕТКА") so that it stays on the page
    size = min(120.0, 120.0 * WATERMARK_WIDTH / max(stringWidth(shown, fonts.bold, 120), 1.0))

    def draw(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(WATERMARK)
        canvas.setFont(fonts.bold, size)
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(55)
        canvas.drawCentredString(0, -40, shown)
        canvas.restoreState()

    return draw


# -- tables and the page -----------------------------------------------------------------------


def tinted_box(
    rows: list[Flowable],
    width: float,
    font: str,
    size: float,
    k: float,
    *,
    top: float,
    bottom: float,
    rtl: bool = False,
) -> Table:
    """The plan's tinted box with the accent bar on the left (the coordinator, the meeting);
    on the right in a right-to-left copy."""
    box = Table([[rows]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, size),
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("LINEAFTER" if rtl else "LINEBEFORE", (0, 0), (0, -1), 3 * k, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 12 * k),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12 * k),
                ("TOPPADDING", (0, 0), (-1, -1), top * k),
                ("BOTTOMPADDING", (0, 0), (-1, -1), bottom * k),
            ]
        )
    )
    return box


def ruled_table(
    data: list[list[Any]], widths: list[float], font: str, size: float, leading: float, k: float, pad: float
) -> Table:
    """A table with a tinted heading row and thin rules: agreements and the like."""
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=int(3 * leading))
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, size),
                ("BACKGROUND", (0, 0), (-1, 0), TINT),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2 * k, ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), 5 * k),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6 * k),
            ]
        )
    )
    return table


def a4_document(
    buffer: io.BytesIO,
    *,
    margin: float,
    top: float,
    bottom: float,
    title: str,
    author: str,
    subject: str,
    fonts: FontNames,
    body_size: float,
    page_name: str,
    on_page: Any = None,
    lang: str = "da",
) -> BaseDocTemplate:
    """An A4 document with one body frame, the metadata (its language, ``lang``) and
    embedded fonts; the plan and the meeting papers share it so they look alike."""
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author=author,
        subject=subject,
        creator="Koordinator",
        lang=lang,
        initialFontName=fonts.regular,
        initialFontSize=body_size,
    )
    frame = Frame(
        margin,
        bottom,
        PAGE_WIDTH - 2 * margin,
        PAGE_HEIGHT - top - bottom,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    page = PageTemplate(page_name, [frame]) if on_page is None else PageTemplate(page_name, [frame], on_page)
    template.addPageTemplates([page])
    return template


def cover_sentence(
    cover: Cover, voice: Voice, lang: PlanLanguage | None = None, font: str | None = None
) -> str:
    """Whom to call while the coordinator is away (an absence with a deputy), as Paragraph
    markup in the family's language (Danish by default): "Lone Madsen er fraværende til og
    med 12. juni. Indtil da kan I i stedet kontakte stedfortræderen Mette Dahl, telefon …"."""
    lang = lang or plan_language()
    phone = markup(cover.deputy_phone, font)
    phone = keep_ltr(phone) if lang.rtl else phone
    how = [lang.t("cover_phone", phone=phone)] if cover.deputy_phone else []
    how += [lang.t("cover_email", email=markup(cover.deputy_email, font))] if cover.deputy_email else []
    reach = f"{lang.list_separator}{lang.list_separator.join(how)}" if how else ""
    return lang.voiced(
        "cover",
        voice.family,
        absent=markup(cover.absent_name, font) or lang.t("coordinator_absent"),
        until=lang.long_date(cover.until),
        deputy=markup(cover.deputy_name, font),
        reach=reach,
    )


def clip(text: str, limit: int) -> str:
    """Free text on one line, cut at a word near ``limit`` characters (with an ellipsis)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(" ,.;:–-") + " …"


def meeting_where(
    kind: str,
    place: str,
    video_link: str,
    limit: int = 120,
    lang: PlanLanguage | None = None,
    font: str | None = None,
) -> str:
    """What kind of meeting and where, as Paragraph markup: "Netværksmøde · Rådhuset" (the
    place, else the video link; free text cut near ``limit`` with CPR-shaped numbers hidden)."""
    lang = lang or plan_language()
    where = [lang.label("meeting_kind", kind)]
    if place.strip():
        where.append(markup(lang.hide_cpr(clip(place, limit)), font))
    elif video_link.strip():
        where.append(lang.t("video", link=markup(lang.hide_cpr(clip(video_link, limit)), font)))
    return " · ".join(where)
