"""Printed meeting documents in the plan's style: the agreement slip, the agenda and the minutes.

    build_agreement_slip(doc, meeting, next_meeting, today=…)  -> bytes   "Det aftalte vi i dag"
    build_agenda(doc, meeting, deadlines, today=…)              -> bytes   "Dagsorden"
    build_minutes(doc, meeting, today=…)                         -> bytes   "Referat"
    write_meeting_pdf(data, path)                                 (temp file, then rename)

They share the plan's fonts (Vera, embedded), paragraph styles, colours, tables and page
furniture ("Side x af y", the confidentiality line and the case number on every page, /Lang da,
title, author and subject). The agreement slip is printed at the end of the meeting and is
always ONE page: the text shrinks a little for a long list, then long agreements are shortened,
and only as a last resort the last ones are left out with a line saying how many and where to
find them. No CPR number is printed: there is none in the read models, and CPR-shaped numbers
typed into free text (minutes, agenda, agreements, place) are removed.
"""

from __future__ import annotations

import io
import os
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from functools import partial
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from app.models.enums import AgreementStatus, GoalStatus, MeetingStatus, ResponsibleKind
from app.pdf.document import (
    PAGE_WIDTH,
    NumberedCanvas,
    PageFurniture,
    Voice,
    a4_document,
    cover_sentence,
    first_name,
    markup,
    meeting_where,
    ruled_table,
    text_flowables,
    tinted_box,
)
from app.pdf.document import clip as _clip
from app.pdf.fonts import FontNames, printable, register_fonts
from app.pdf.plan_pdf import PlanStory
from app.pdf.styles import ACCENT, GREY, Styles, plan_styles, scaled
from app.services.common import danish
from app.services.common.clock import to_local
from app.services.meetings.ics import write_ics
from app.services.meetings.meetings import MeetingInfo
from app.services.plan.plan_document import AgreementView, GoalView, PlanDocument

SLIP_TITLE = "Det aftalte vi i dag"
AGENDA_TITLE = "Dagsorden"
MINUTES_TITLE = "Referat"

MARGIN = 22 * mm
TOP = 20 * mm

# The slip shrinks in these steps before it shortens long agreements (and, last, leaves some out).
SLIP_SCALES = (1.0, 0.93, 0.86, 0.8)
SLIP_CLIP = 220  # characters of one agreement when the smallest text is not enough


def _m(text: str) -> str:
    """Free text as Paragraph markup with CPR-shaped numbers removed."""
    return markup(danish.hide_cpr(text or ""))


# -- shared pieces -----------------------------------------------------------------------------


class _Parts:
    """What the three documents share: the head, the agreement table, the coordinator box."""

    def __init__(
        self,
        doc: PlanDocument,
        meeting: MeetingInfo,
        today: date,
        styles: Styles,
        fonts: FontNames,
        width: float,
    ) -> None:
        self.doc = doc
        self.meeting = meeting
        self.today = today
        self.s = styles
        self.fonts = fonts
        self.width = width
        self.k = styles.body_size / 11.0
        self.voice = Voice(doc.is_family)
        self.start = to_local(meeting.starts_at)
        self.end = to_local(meeting.ends_at)
        self.kind = danish.meeting_kind(meeting.kind)

    # head --------------------------------------------------------------------------------
    def head(self, title: str, *, place: bool = True, family_limit: int = 200) -> list[Flowable]:
        s, meeting = self.s, self.meeting
        out: list[Flowable] = [
            Paragraph(title, s.title),
            Paragraph(_m(_clip(self.doc.family_name, family_limit)), s.subtitle),
            Paragraph(f"<b>{self.kind}</b> · {danish.meeting_period(self.start, self.end)}", s.meta),
        ]
        if place and meeting.place.strip():
            out.append(Paragraph(f"Sted: {_m(_clip(meeting.place, 200))}", s.meta))
        if place and meeting.video_link.strip():
            out.append(Paragraph(f"Videolink: {_m(_clip(meeting.video_link, 200))}", s.meta))
        if meeting.status == MeetingStatus.CANCELLED:
            out.append(Paragraph(f'<font color="{ACCENT.hexval()}"><b>Mødet er aflyst.</b></font>', s.meta))
        out.append(Paragraph(f"Udskrevet {danish.short_date(self.today)}", s.meta))
        return out

    def h2(self, text: str) -> Paragraph:
        return Paragraph(text, self.s.h2)

    # tables ------------------------------------------------------------------------------
    def _table(self, data: list[list[Any]], widths: list[float]) -> Table:
        s, k = self.s, self.k
        table = ruled_table(data, widths, self.fonts.regular, s.body_size, s.leading, k, 6 * k)
        return table

    def _fit(self, header: str, *texts: str) -> float:
        """Width of a column that holds its header and texts on one line each."""
        s = self.s
        widest = max(
            stringWidth(header, self.fonts.bold, s.body_size),
            *(stringWidth(printable(t), self.fonts.regular, s.body_size) for t in texts),
        )
        return widest + 12 * self.k + 2

    def date_width(self) -> float:
        """The "Senest" column: a date in bold with "overskredet" under it."""
        bold = stringWidth("00.00.0000", self.fonts.bold, self.s.body_size) + 12 * self.k + 2
        return max(self._fit("Senest", "00.00.0000", "overskredet"), bold)

    @staticmethod
    def due_text(day: date | None, *, late: bool) -> str:
        when = danish.short_date(day)
        return f"<b>{when}</b><br/>overskredet" if late else when

    def who_text(self, a: AgreementView) -> str:
        """As in the plan: a member by first name, the coordinator marked, else name (and role)."""
        if a.responsible_kind == ResponsibleKind.MEMBER:
            return first_name(self.doc, a.responsible_id) or a.responsible_name or "Aftales"
        if not a.responsible_name:
            return "Aftales"
        if (
            a.responsible_kind == ResponsibleKind.COORDINATOR
            and a.responsible_name == self.doc.coordinator_name
        ):
            return f"{a.responsible_name} (koordinator)"
        return a.responsible_name

    def agreement_table(
        self,
        items: Sequence[AgreementView],
        *,
        status: bool,
        clip: int | None = None,
        late_before: date | None = None,
    ) -> Table:
        """What / who / by when (/ status); a date before ``late_before`` is marked overdue."""
        s = self.s
        statuses = [danish.AGREEMENT_STATUS.get(a.status, "") for a in items]
        head = ["Hvad", "Hvem", "Senest", "Status"] if status else ["Hvad", "Hvem", "Senest"]
        fixed = [self.date_width() if late_before else self._fit("Senest", "00.00.0000")]
        if status:
            fixed.append(self._fit("Status", *statuses))
        rest = self.width - sum(fixed)
        who_texts = [printable(self.who_text(a)) for a in items]
        longest = max(
            (stringWidth(w, self.fonts.regular, s.body_size) for t in who_texts for w in t.split()),
            default=0.0,
        )
        who_w = min(max(rest * 0.36, longest + 12 * self.k + 2), rest * 0.5)
        done = s.cell.clone("cell_done", textColor=GREY)
        data: list[list[Any]] = [[Paragraph(h, s.cell_head) for h in head]]
        for a, word, who in zip(items, statuses, who_texts, strict=True):
            style = s.cell if a.status == AgreementStatus.OPEN else done
            what = a.what if clip is None else _clip(a.what, clip)
            late = (
                late_before is not None
                and a.due_date is not None
                and a.due_date < late_before
                and a.status == AgreementStatus.OPEN
            )
            when = self.due_text(a.due_date, late=late)
            row = [Paragraph(_m(what), style), Paragraph(_m(who), style), Paragraph(when, style)]
            if status:
                row.append(Paragraph(word, style))
            data.append(row)
        return self._table(data, [rest - who_w, who_w, *fixed])

    def open_agreements(self) -> list[AgreementView]:
        plan = self.doc.plan
        return [a for a in plan.agreements if a.status == AgreementStatus.OPEN] if plan else []

    def box(self, rows: list[Flowable]) -> Table:
        """The plan's tinted box with the accent bar on the left."""
        s, k = self.s, self.k
        return tinted_box(rows, self.width, self.fonts.regular, s.body_size, k, top=8, bottom=9)

    def coordinator_rows(self) -> list[Flowable]:
        s, doc = self.s, self.doc
        rows: list[Flowable] = [
            Paragraph(f"{self.voice.your.capitalize()} koordinator", s.box_head),
            Paragraph(f"<b>{_m(doc.coordinator_name) or 'Koordinatoren'}</b>", s.cell),
        ]
        contact = []
        if doc.coordinator_phone:
            contact.append(f"Telefon {_m(doc.coordinator_phone)}")
        if doc.coordinator_email:
            contact.append(f"E-mail {_m(doc.coordinator_email)}")
        if contact:
            rows.append(Paragraph(" · ".join(contact), s.cell))
        if doc.cover is not None:  # the coordinator is away: whom to call instead
            rows.append(Paragraph(cover_sentence(doc.cover, self.voice), s.cell))
        return rows

    def names(self, people: Sequence[str]) -> str:
        return danish.join([_m(p) for p in people if p.strip()])


# -- rendering ---------------------------------------------------------------------------------


def _render(
    story: list[Flowable],
    *,
    doc: PlanDocument,
    meeting: MeetingInfo,
    title: str,
    styles: Styles,
    fonts: FontNames,
) -> tuple[bytes, int]:
    """The story on the plan's A4 page with its furniture; the PDF and its number of pages."""
    bottom = 9 * mm + 2.6 * styles.footer_size + 8 * mm
    day = danish.short_date(to_local(meeting.starts_at).date())
    kind = danish.meeting_kind(meeting.kind)
    buffer = io.BytesIO()
    template = a4_document(
        buffer,
        margin=MARGIN,
        top=TOP,
        bottom=bottom,
        title=printable(f"{title} – {danish.hide_cpr(doc.family_name)}"),
        author=printable(doc.coordinator_name) or "Koordinator",
        subject=f"{title}, {kind.lower()} {day}, sag {doc.case_number}",
        fonts=fonts,
        body_size=styles.body_size,
        page_name="meeting",
    )
    furniture = PageFurniture(
        fonts=fonts,
        size=styles.footer_size,
        margin=MARGIN,
        header=printable(f"{title} · {danish.hide_cpr(doc.family_name)}"),
        reference=f"Sag {doc.case_number} · {kind} {day}",
        draft=False,
    )
    template.build(story, canvasmaker=partial(NumberedCanvas, furniture=furniture))
    return buffer.getvalue(), template.page


def _frame_width() -> float:
    return PAGE_WIDTH - 2 * MARGIN


# -- the agreement slip ------------------------------------------------------------------------


def _slip_story(
    parts: _Parts,
    next_meeting: MeetingInfo | None,
    items: list[AgreementView],
    left_out: int,
    clip: int | None,
) -> list[Flowable]:
    s, k, v = parts.s, parts.k, parts.voice
    story = parts.head(SLIP_TITLE, place=False, family_limit=120)
    story.append(Spacer(1, 4 * k))
    story.append(
        Paragraph(
            f"Her er det, vi aftalte på mødet: hvad der skal gøres, hvem der gør det, og hvornår det "
            f"skal være gjort. Gem sedlen, så {v.you_subject} kan se, hvad der er aftalt.",
            s.body,
        )
    )
    story.append(Paragraph("Det har vi aftalt", s.h2))
    if items:
        story.append(parts.agreement_table(items, status=False, clip=clip))
    else:
        story.append(Paragraph("Der er ingen åbne aftaler lige nu.", s.body))
    if left_out:
        more = "1 aftale mere" if left_out == 1 else f"{left_out} aftaler mere"
        story.append(Spacer(1, 3 * k))
        story.append(Paragraph(f"<b>… og {more}.</b> Alle aftaler står i planen.", s.body))
    rows: list[Flowable] = [Paragraph("Næste møde", s.box_head)]
    if next_meeting is not None and next_meeting.status != MeetingStatus.CANCELLED:
        start, end = to_local(next_meeting.starts_at), to_local(next_meeting.ends_at)
        rows.append(Paragraph(f"<b>{danish.meeting_period(start, end)}</b>", s.cell))
        where = meeting_where(next_meeting.kind, next_meeting.place, next_meeting.video_link)
        rows.append(Paragraph(where, s.cell))
    else:
        rows.append(Paragraph("<b>Næste møde aftales.</b>", s.cell))
        rows.append(Paragraph(f"{v.your.capitalize()} koordinator giver besked om tid og sted.", s.cell))
    story.append(Spacer(1, 12 * k))
    story.append(KeepTogether([parts.box(rows), Spacer(1, 8 * k), parts.box(parts.coordinator_rows())]))
    return story


def build_agreement_slip(
    doc: PlanDocument, meeting: MeetingInfo, next_meeting: MeetingInfo | None, *, today: date
) -> bytes:
    """The agreement slip, "Det aftalte vi i dag": ONE page with the open agreements of the
    plan (what / who / by when), the next meeting (or "Næste møde aftales") and the
    coordinator's name and phone."""
    fonts = register_fonts()
    base = plan_styles(False)
    items = _Parts(doc, meeting, today, base, fonts, _frame_width()).open_agreements()

    def attempt(factor: float, shown: int, clip: int | None) -> tuple[bytes, int]:
        styles = scaled(base, factor)
        parts = _Parts(doc, meeting, today, styles, fonts, _frame_width())
        story = _slip_story(parts, next_meeting, items[:shown], len(items) - shown, clip)
        return _render(story, doc=doc, meeting=meeting, title=SLIP_TITLE, styles=styles, fonts=fonts)

    for factor in SLIP_SCALES:
        pdf, pages = attempt(factor, len(items), None)
        if pages == 1:
            return pdf
    smallest = SLIP_SCALES[-1]
    pdf, pages = attempt(smallest, len(items), SLIP_CLIP)
    if pages == 1:
        return pdf
    # Leave the last agreements out: the most that still fit (a binary search; 0 always fits).
    low, high, best = 0, len(items) - 1, None
    while low <= high:
        middle = (low + high) // 2
        pdf, pages = attempt(smallest, middle, SLIP_CLIP)
        if pages == 1:
            low, best = middle + 1, pdf
        else:
            high = middle - 1
    if best is None:
        best, _ = attempt(smallest, 0, SLIP_CLIP)
    return best


# -- the agenda --------------------------------------------------------------------------------


def _goal_blocks(parts: _Parts) -> list[list[Flowable]]:
    """The open goals as trees with their latest scores, as the plan prints them: one list of
    flowables per top goal (to keep together; a KeepTogether inside another one would not fit
    anywhere: it reports an endless height)."""
    plan = parts.doc.plan
    if plan is None:
        return []
    goals = [g for g in plan.goals if g.status == GoalStatus.OPEN]
    builder = PlanStory(parts.doc, parts.today, parts.s, parts.fonts, parts.width)
    keys = {g.goal_key for g in goals}
    children: dict[str | None, list[GoalView]] = defaultdict(list)
    for g in goals:
        children[g.parent_key if g.parent_key in keys else None].append(g)
    out: list[list[Flowable]] = []
    seen: set[str] = set()
    for root in children[None]:
        block: list[Flowable] = []
        builder.goal(root, 0, None, children, block, seen)
        block.append(Spacer(1, parts.s.block_space * 0.6))
        out.append(block)
    return out


def build_agenda(
    doc: PlanDocument,
    meeting: MeetingInfo,
    deadlines: Sequence[tuple[date, str, str]],
    *,
    today: date,
    consent_missing: Sequence[str] = (),
    next_meeting: MeetingInfo | None = None,
) -> bytes:
    """The agenda, "Dagsorden": welcome and a round, the meeting's own points, the goals to
    follow up (with the latest scores), the open agreements, consent per member
    (``consent_missing`` names the members whose consent is missing), the deadlines coming
    (due, title, law reference), the next meeting and any other business."""
    fonts = register_fonts()
    s = plan_styles(False)
    parts = _Parts(doc, meeting, today, s, fonts, _frame_width())
    story = parts.head(AGENDA_TITLE)
    invited = [p.name for p in meeting.participants]
    if invited:
        story.append(Paragraph(f"Inviteret: {parts.names(invited)}", s.meta))
    if meeting.interpreter_needed:
        story.append(Paragraph("Der er tolk til mødet.", s.meta))
    if doc.coordinator_name:
        phone = f" · telefon {_m(doc.coordinator_phone)}" if doc.coordinator_phone else ""
        story.append(Paragraph(f"Koordinator: {_m(doc.coordinator_name)}{phone}", s.meta))
    number = iter(range(1, 20))

    def section(title: str, *content: Flowable, more: Sequence[Flowable] = ()) -> None:
        """A numbered point kept with its first content; ``more`` may flow to the next page."""
        story.append(KeepTogether([parts.h2(f"{next(number)}. {title}"), *content]))
        story.extend(more)

    section(
        "Velkommen og runde",
        Paragraph("Vi siger goddag og tager en runde: Hvordan er det gået siden sidst?", s.body),
    )
    if meeting.agenda.strip():
        points = text_flowables(danish.hide_cpr(meeting.agenda), s)
        section("Punkter til dette møde", *points[:1], more=points[1:])

    goals = _goal_blocks(parts)
    if goals:
        intro = Paragraph("Vi ser på, hvordan det går med målene, og giver point fra 0 til 10 igen.", s.body)
        section("Mål vi følger op på", intro, *goals[0], more=[KeepTogether(g) for g in goals[1:]])
    else:
        section("Mål vi følger op på", Paragraph("Planen har ingen åbne mål endnu.", s.body))

    items = parts.open_agreements()
    if items:
        section(
            "Aftaler",
            Paragraph("Er aftalerne gjort? Hvad skal vi aftale nu?", s.body),
            parts.agreement_table(items, status=False, late_before=today),
        )
    else:
        section("Aftaler", Paragraph("Der er ingen åbne aftaler.", s.body))

    if doc.members:
        missing = {name.strip() for name in consent_missing}
        data: list[list[Any]] = [[Paragraph("Hvem", s.cell_head), Paragraph("Samtykke", s.cell_head)]]
        for member in doc.members:
            word = "<b>Mangler</b> – tales om på mødet" if member.name.strip() in missing else "Givet"
            data.append([Paragraph(_m(member.name), s.cell), Paragraph(word, s.cell)])
        left = min(parts._fit("Hvem", *(m.name for m in doc.members)), parts.width * 0.6)
        section(
            "Samtykke",
            Paragraph("Samtykke til, at fagpersonerne må dele oplysninger med hinanden.", s.body),
            parts._table(data, [left, parts.width - left]),
        )

    if deadlines:
        data = [[Paragraph(h, s.cell_head) for h in ("Senest", "Hvad", "Efter")]]
        due_w = parts.date_width()
        law_w = min(parts._fit("Efter", *(law for _d, _t, law in deadlines if law)), parts.width * 0.3)
        law_style = s.cell.clone(
            "cell_law", textColor=GREY, fontSize=s.small_size * 1.1, leading=s.small_size * 1.45
        )
        for due, title, law in sorted(deadlines, key=lambda d: (d[0], d[1])):
            data.append(
                [
                    Paragraph(parts.due_text(due, late=due < today), s.cell),
                    Paragraph(_m(title), s.cell),
                    Paragraph(_m(law), law_style),
                ]
            )
        section(
            "Frister",
            Paragraph("Disse frister nærmer sig:", s.body),
            parts._table(data, [due_w, parts.width - due_w - law_w, law_w]),
        )
    else:
        section("Frister", Paragraph("Ingen frister i de kommende uger.", s.body))

    if next_meeting is not None and next_meeting.status != MeetingStatus.CANCELLED:
        start, end = to_local(next_meeting.starts_at), to_local(next_meeting.ends_at)
        kind = danish.meeting_kind(next_meeting.kind).lower()
        text = f"Allerede planlagt ({kind}): {danish.meeting_period(start, end)}."
    else:
        text = "Vi aftaler tid og sted for næste møde."
    section("Næste møde", Paragraph(text, s.body))
    section("Eventuelt", Paragraph("Er der andet, nogen vil tage op?", s.body))
    pdf, _ = _render(story, doc=doc, meeting=meeting, title=AGENDA_TITLE, styles=s, fonts=fonts)
    return pdf


# -- the minutes -------------------------------------------------------------------------------


def build_minutes(
    doc: PlanDocument, meeting: MeetingInfo, *, today: date, approved_version: int | None = None
) -> bytes:
    """The minutes, "Referat": date and kind, who took part (those marked as attending, else
    everyone invited), the minutes text, the plan's agreements and the plan version approved
    at the meeting (``approved_version``), if any."""
    fonts = register_fonts()
    s = plan_styles(False)
    parts = _Parts(doc, meeting, today, s, fonts, _frame_width())
    story = parts.head(MINUTES_TITLE)
    people = meeting.participants
    came = [p.name for p in people if p.attended]
    absent = [p.name for p in people if p.attended is False]
    story.append(parts.h2("Til stede"))
    if came:
        story.append(Paragraph(parts.names(came), s.body))
        if absent:
            story.append(Paragraph(f"Ikke til stede: {parts.names(absent)}", s.body))
    elif people:
        story.append(Paragraph(parts.names([p.name for p in people]), s.body))
        story.append(Paragraph("(Inviteret – fremmødet er ikke registreret.)", s.small))
    else:
        story.append(Paragraph("Ingen deltagere registreret.", s.body))
    if meeting.interpreter_needed:
        story.append(Paragraph("Der var tolk til mødet.", s.body))

    story.append(parts.h2("Det talte vi om"))
    if meeting.minutes.strip():
        story.extend(text_flowables(danish.hide_cpr(meeting.minutes), s))
    else:
        story.append(Paragraph("Referatet er ikke skrevet endnu.", s.body))

    story.append(parts.h2("Aftaler"))
    plan = doc.plan
    if plan is not None and plan.agreements:
        items = sorted(plan.agreements, key=lambda a: danish.AGREEMENT_ORDER.get(a.status, 9))
        story.append(parts.agreement_table(items, status=True))
    else:
        story.append(Paragraph("Der er ingen aftaler i planen.", s.body))

    if approved_version is not None:
        story.append(parts.h2("Planen"))
        story.append(Paragraph(f"Version {approved_version} af planen blev godkendt på mødet.", s.body))

    story.append(Spacer(1, 10 * parts.k))
    writer = _m(doc.coordinator_name or meeting.coordinator_name)
    story.append(
        Paragraph(f"Referent: {writer}, koordinator" if writer else "Referent: koordinatoren", s.meta)
    )
    pdf, _ = _render(story, doc=doc, meeting=meeting, title=MINUTES_TITLE, styles=s, fonts=fonts)
    return pdf


# -- writing -----------------------------------------------------------------------------------


def write_meeting_pdf(data: bytes, path: str | os.PathLike[str]) -> None:
    """Write a built document to ``path`` whole or not at all (temp file, then rename)."""
    write_ics(data, path)
