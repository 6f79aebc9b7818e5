"""The printed plan: an A4 PDF written for the family, in plain Danish.

    build_plan_pdf(doc, today=…)  -> bytes
    write_plan_pdf(doc, path, today=…)  (temp file in the same folder, then rename)

A copy for someone other than the family (app.services.plan.recipient_copy) says whom it is for
("Kopi til: Skolen", on page 1 and in every footer) and, in a box on page 1, what was left out
for want of consent. The family's copy has neither.

Page 1 holds the title, the family, the plan's version and date and the coordinator's name,
phone and e-mail. Then come the goals, the agreements ("what, who, by when"), the family's own
words, the other sections, a section per member, the help each person gets (law references in
small print), the case's documents (those a recipient's copy may mention), the next meeting
and places to sign. Empty sections are left out. Every page carries "Side x af y", a
confidentiality line and the case number; CPR numbers are not printed at all. Fonts are
embedded TrueType (fonts.py), the catalog's /Lang is "da".
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
    TableStyle,
)
from reportlab.platypus.flowables import CondPageBreak

from app.models.enums import AgreementStatus, InterventionStatus, ResponsibleKind
from app.pdf.document import (
    PAGE_WIDTH,
    NumberedCanvas,
    PageFurniture,
    Voice,
    a4_document,
    cover_sentence,
    draft_watermark,
    first_name,
    first_names,
    markup,
    meeting_where,
    ruled_table,
    text_flowables,
    tinted_box,
)
from app.pdf.fonts import FontNames, printable, register_fonts
from app.pdf.styles import ACCENT, GREY, INK, Styles, plan_styles
from app.services.common import danish
from app.services.common.clock import to_local
from app.services.plan.plan_document import AgreementView, GoalView, OfferItem, OfferLine, PlanDocument
from app.store.safe_files import check_output, write_atomic

TITLE = "Vores fælles plan"
COPY_FOR = "Kopi til"
OMITTED_HEAD = "Udeladt på grund af manglende samtykke"
ADULT_AGE = 18


class NoPlanError(ValueError):
    """The case has no plan version to print."""


# -- what the family reads ---------------------------------------------------------------------


def _section_headings(voice: Voice) -> dict[str, str]:
    return {
        "family_views": f"Med {voice.your_plural} egne ord",
        "summary": "Sådan er situationen nu",
        "resources": f"Det går godt – {voice.your_plural} styrker",
        "barriers": "Det er svært",
        "sequencing": "Rækkefølgen",
        "follow_up": "Sådan følger vi op",
        "closing": "Når planen slutter",
    }


# The text sections after goals and agreements, in print order.
SECTION_ORDER = ("family_views", "summary", "resources", "barriers", "sequencing", "follow_up", "closing")


def _law_line(line: OfferLine) -> str:
    """The law in words, e.g. "Barnets lov § 32, stk. 1 – Støttende indsatser" (not "BL § 32")."""
    reference = line.law_reference.strip()
    if line.law_name and reference:
        abbr, _, rest = reference.partition(" ")
        reference = f"{line.law_name} {rest}" if rest and abbr.isupper() else f"{line.law_name}, {reference}"
    elif line.law_name:
        reference = line.law_name
    if not reference:
        return f"Område: {danish.SECTOR.get(line.sector, '')}".rstrip(": ")
    return f"{reference} – {line.law_title}" if line.law_title else reference


OVERDUE = "Over tid"  # an open agreement past its date, in the status column


class PlanStory:
    """The plan's story (its flowables, page 1 to the signatures); the meeting agenda
    prints the goals with it too."""

    def __init__(
        self,
        doc: PlanDocument,
        today: date,
        styles: Styles,
        fonts: FontNames,
        width: float,
        recipient: str = "",
        omitted: Sequence[str] = (),
    ):
        if doc.plan is None:
            raise NoPlanError(doc.case_number)
        self.doc = doc
        self.recipient = recipient.strip()
        self.omitted = tuple(t for t in omitted if t.strip())
        self.plan = doc.plan
        self.today = today
        self.s = styles
        self.fonts = fonts
        self.width = width
        self.voice = Voice(doc.is_family)
        self.k = styles.body_size / 11.0

    # page 1 ------------------------------------------------------------------------------
    def front(self) -> list[Flowable]:
        s, doc, plan = self.s, self.doc, self.plan
        out: list[Flowable] = [
            Paragraph(TITLE, s.title),
            Paragraph(markup(doc.family_name), s.subtitle),
        ]
        if plan.approved and plan.approved_on:
            status = f"Version {plan.number}, godkendt {danish.short_date(plan.approved_on)}"
            kind = plan.meeting_label.partition("|")[0]
            if kind:
                status += f" på {danish.meeting_word(kind)}"
        elif plan.approved:
            status = f"Version {plan.number}, godkendt"
        else:
            status = f"<b>Udkast</b> til version {plan.number} – planen er ikke godkendt endnu"
        out.append(Paragraph(status, s.meta))
        out.append(Paragraph(f"Udskrevet {danish.short_date(self.today)}", s.meta))
        if self.recipient:
            out.append(Paragraph(f"<b>{COPY_FOR}: {markup(self.recipient)}</b>", s.meta))
        if doc.is_family and doc.members:
            names = danish.join([markup(first_name(doc, m.citizen_id)) for m in doc.members])
            out.append(Paragraph(f"Planen gælder for {names}", s.meta))
        out.append(Spacer(1, 8 * self.k))
        v = self.voice
        out.append(
            Paragraph(
                f"Denne plan har vi lavet sammen med {v.you}. Den samler det, {v.you_subject} arbejder "
                f"hen imod, og det, vi har aftalt. Ring til {v.your} koordinator, hvis noget er "
                "uklart, eller hvis der sker noget nyt.",
                s.body,
            )
        )
        if self.omitted:  # before the coordinator: the reader must see it on page 1
            out.append(Spacer(1, 6 * self.k))
            out.append(self.omitted_box())
        out.append(Spacer(1, 6 * self.k))
        out.append(self.coordinator_box())
        return out

    def omitted_box(self) -> Flowable:
        """What a recipient's copy leaves out, in plain statements (never the content)."""
        s = self.s
        rows: list[Flowable] = [Paragraph(OMITTED_HEAD, s.box_head)]
        item = s.cell.clone("omitted", leftIndent=12 * self.k, bulletIndent=1 * self.k, spaceAfter=2 * self.k)
        rows += [Paragraph(markup(t), item, bulletText="•") for t in self.omitted]
        return tinted_box(rows, self.width, self.fonts.regular, s.body_size, self.k, top=9, bottom=10)

    def coordinator_box(self) -> Flowable:
        s, doc, k = self.s, self.doc, self.k
        rows: list[Flowable] = [
            Paragraph(f"{self.voice.your.capitalize()} koordinator", s.box_head),
            Paragraph(f"<b>{markup(doc.coordinator_name)}</b>", s.cell),
        ]
        if doc.coordinator_phone:
            rows.append(Paragraph(f"Telefon {markup(doc.coordinator_phone)}", s.cell))
        if doc.coordinator_email:
            rows.append(Paragraph(f"E-mail {markup(doc.coordinator_email)}", s.cell))
        if doc.cover is not None:  # away: the deputy first, then the partner as ever
            rows += [Spacer(1, 4 * k), Paragraph(cover_sentence(doc.cover, self.voice), s.cell)]
        if doc.partner_name:
            first = markup(doc.coordinator_name.split(" ")[0]) or "koordinatoren"
            partner = markup(doc.partner_name)
            text = f"Hvis {first} ikke kan træffes, kan {self.voice.you_subject} "
            if doc.partner_phone:
                text += f"ringe til {partner} på telefon {markup(doc.partner_phone)}."
            else:
                text += f"kontakte {partner}."
            rows.append(Spacer(1, 4 * k))
            rows.append(Paragraph(text, s.cell))
        return tinted_box(rows, self.width, self.fonts.regular, s.body_size, k, top=9, bottom=10)

    # goals -------------------------------------------------------------------------------
    def goals(self) -> list[Flowable]:
        goals = self.plan.goals
        if not goals:
            return []
        keys = {g.goal_key for g in goals}
        children: dict[str | None, list[GoalView]] = defaultdict(list)
        for g in goals:
            children[g.parent_key if g.parent_key in keys else None].append(g)
        # The heading goes inside the first goal's block: keepWithNext does not hold a
        # paragraph to a KeepTogether.
        out: list[Flowable] = []
        seen: set[str] = set()
        for root in children[None]:
            block: list[Flowable] = [] if out else [Paragraph("Det arbejder vi hen imod", self.s.h2)]
            self.goal(root, 0, None, children, block, seen)
            block.append(Spacer(1, self.s.block_space))
            out.append(KeepTogether(block))
        return out

    def _concerns(self, member_ids: tuple[int, ...]) -> str:
        if not member_ids:
            return "hele familien" if self.doc.is_family else ""
        return danish.join([markup(name) for name in first_names(self.doc, member_ids)])

    def goal(
        self,
        goal: GoalView,
        depth: int,
        parent: GoalView | None,
        children: dict[str | None, list[GoalView]],
        out: list[Flowable],
        seen: set[str],
    ) -> None:
        if goal.goal_key in seen:  # a cycle in bad data must not loop forever
            return
        seen.add(goal.goal_key)
        s, level = self.s, min(depth, 2)
        label = danish.GOAL_LEVEL.get(goal.level, "Mål")
        text = markup(goal.text)
        if depth == 0:
            out.append(Paragraph(f'<font color="{ACCENT.hexval()}">{label}:</font> {text}', s.goal[0]))
        else:
            out.append(Paragraph(f"<b>{label}:</b> {text}", s.goal[level]))
        meta: list[str] = []
        if self.doc.is_family and (parent is None or parent.member_ids != goal.member_ids):
            concerns = self._concerns(goal.member_ids)
            if concerns:
                meta.append(f"Gælder {concerns}")
        if goal.target_date:
            meta.append(f"Senest {danish.short_date(goal.target_date)}")
        status = danish.GOAL_STATUS.get(goal.status, "")
        if status:
            meta.append(f"<b>{status}</b>")
        if meta:
            out.append(Paragraph(" · ".join(meta), s.goal_meta[level]))
        score = self._score_line(goal)
        if score:
            out.append(Paragraph(score, s.goal_meta[level]))
        for child in children.get(goal.goal_key, ()):
            self.goal(child, depth + 1, goal, children, out, seen)

    def _score_line(self, goal: GoalView) -> str:
        points = [p for p in goal.scores if p.family_score is not None or p.professional_score is not None]
        if not points:
            return ""
        last = points[-1]
        parts = []
        if last.family_score is not None:
            who = "Familien" if self.doc.is_family else "Du selv"
            parts.append(f"{who}: {last.family_score}/10")
        if last.professional_score is not None:
            parts.append(f"Fagpersonerne: {last.professional_score}/10")
        return f"Sidst vurderet {danish.short_date(last.scored_on)} – {' · '.join(parts)}"

    # agreements --------------------------------------------------------------------------
    def agreements(self) -> list[Flowable]:
        items = sorted(self.plan.agreements, key=lambda a: danish.AGREEMENT_ORDER.get(a.status, 9))
        if not items:
            return []
        s, k = self.s, self.k
        pad = 6 * k
        # an open agreement past its date says so (in bold): the family sees what is behind
        late = [
            a.status == AgreementStatus.OPEN and a.due_date is not None and a.due_date < self.today
            for a in items
        ]
        statuses = [
            OVERDUE if overdue else danish.AGREEMENT_STATUS.get(a.status, "")
            for a, overdue in zip(items, late, strict=True)
        ]

        def fit(header: str, *texts: str) -> float:
            """Width of a column that holds its header and texts on one line each."""
            widest = max(
                stringWidth(header, self.fonts.bold, s.body_size),
                *(stringWidth(t, self.fonts.regular, s.body_size) for t in texts),
            )
            return widest + 2 * pad + 2

        # Large print has no room for four columns: the status goes under the date.
        folded = s.large
        head = ["Hvad", "Hvem", "Senest"] if folded else ["Hvad", "Hvem", "Senest", "Status"]
        bold = OVERDUE if any(late) else ""  # a header is measured in bold, as "Over tid" is printed
        fixed = (
            [max(fit(head[2], "00.00.0000", *statuses), fit(bold, ""))]
            if folded
            else [fit(head[2], "00.00.0000"), max(fit(head[3], *statuses), fit(bold, ""))]
        )
        rest = self.width - sum(fixed)
        # "Who" holds names and roles ("Virksomhedskonsulent"): wide enough for its longest
        # word if it can be, so that words are not cut; "what" wraps at spaces.
        who_texts = [printable(self._who_text(a)) for a in items]
        longest = max(
            (stringWidth(word, self.fonts.regular, s.body_size) for t in who_texts for word in t.split()),
            default=0.0,
        )
        who_w = min(max(rest * 0.4, longest + 2 * pad + 2), rest * 0.55)
        widths = [rest - who_w, who_w, *fixed]
        done_style = s.cell.clone("cell_done", textColor=GREY)
        data: list[list[Any]] = [[Paragraph(h, s.cell_head) for h in head]]
        for a, status, overdue in zip(items, statuses, late, strict=True):
            style = s.cell if a.status == AgreementStatus.OPEN else done_style
            when = danish.short_date(a.due_date)
            status = f"<b>{status}</b>" if overdue else status
            row = [Paragraph(markup(a.what), style), Paragraph(self._who(a), style)]
            if folded:
                row.append(Paragraph(f"{when}<br/>{status}", style))
            else:
                row += [Paragraph(when, style), Paragraph(status, style)]
            data.append(row)
        table = ruled_table(data, widths, self.fonts.regular, s.body_size, s.leading, k, pad)
        return [*self._heading("Det har vi aftalt"), table]

    def _who_text(self, a: AgreementView) -> str:
        """Plain text: a member by first name, the coordinator marked, else the name (and role)."""
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

    def _who(self, a: AgreementView) -> str:
        return markup(self._who_text(a))

    def _heading(self, text: str) -> list[Flowable]:
        """A section heading that starts a new page unless a few lines fit under it.

        (A heading kept with the whole next flowable would push a long table or text to the
        next page and leave a gap; this keeps it with the first lines only.)
        """
        h2 = self.s.h2
        return [
            CondPageBreak(h2.spaceBefore + h2.leading + h2.spaceAfter + 4 * self.s.leading),
            Paragraph(text, self.s.h2_alone),
        ]

    # text sections -----------------------------------------------------------------------
    def sections(self) -> list[Flowable]:
        out: list[Flowable] = []
        headings = _section_headings(self.voice)
        for name in SECTION_ORDER:
            text = self.plan.section(name).strip()
            if not text:
                continue
            style = self.s.quote if name == "family_views" else self.s.body
            out.extend(self._heading(headings[name]))
            out.extend(text_flowables(text, self.s, style))
        return out

    def member_sections(self) -> list[Flowable]:
        out: list[Flowable] = []
        known = {m.citizen_id for m in self.doc.members}
        order = [m.citizen_id for m in self.doc.members] + [
            cid for cid, _ in self.plan.member_sections if cid not in known
        ]
        for cid in order:
            text = self.plan.member_section(cid).strip()
            if not text:
                continue
            name = markup(first_name(self.doc, cid)) or "et familiemedlem"
            out.extend(self._heading(f"Om {name}"))
            out.extend(text_flowables(text, self.s))
        return out

    # offers ------------------------------------------------------------------------------
    def offers(self) -> list[Flowable]:
        if not self.doc.offers:
            return []
        s, k = self.s, self.k
        by_member: dict[int, list[OfferLine]] = defaultdict(list)
        for line in self.doc.offers:
            by_member[line.citizen_id].append(line)
        order = [m.citizen_id for m in self.doc.members if m.citizen_id in by_member]
        order += [cid for cid in by_member if cid not in order]
        out: list[Flowable] = []
        for cid in order:
            # The heading stays with the first person, the person's name with their first offer.
            person: list[Flowable] = (
                [] if out else [Paragraph(f"Den hjælp {self.voice.you_subject} får", s.h2)]
            )
            if self.doc.is_family or len(order) > 1:
                person.append(Paragraph(markup(first_name(self.doc, cid)) or "Andre", s.h3))
            for i, line in enumerate(by_member[cid]):
                block: list[Flowable] = []
                for item in line.items:
                    block.append(Paragraph(f"<b>{markup(item.title)}</b>", s.bullet, bulletText="•"))
                    detail = self._offer_detail(item)
                    if detail:
                        block.append(Paragraph(detail, s.small.clone("offer_detail", leftIndent=14 * k)))
                if line.comment.strip():
                    block.extend(
                        text_flowables(line.comment, s, s.body.clone("offer_comment", leftIndent=14 * k))
                    )
                block.append(Paragraph(markup(_law_line(line)), s.law))
                if i == 0:
                    person.extend(block)
                    out.append(KeepTogether(person))
                else:
                    out.append(KeepTogether(block))
        return out

    def _offer_detail(self, item: OfferItem) -> str:
        parts = []
        if item.professional:
            phone = f", telefon {markup(item.professional_phone)}" if item.professional_phone.strip() else ""
            parts.append(f"Kontakt: {markup(item.professional)}{phone}")
        if item.status == InterventionStatus.PLANNED and item.start_date > self.today:
            parts.append(f"Starter {danish.short_date(item.start_date)}")
        else:
            period = f"Fra {danish.short_date(item.start_date)}"
            if item.end_date:
                period += f" til {danish.short_date(item.end_date)}"
            parts.append(period)
        if item.status == InterventionStatus.PAUSED:
            parts.append("Holder pause lige nu")
        return " · ".join(parts)

    def documents(self) -> list[Flowable]:
        """The case's documents this copy may mention: date, title, from whom."""
        if not self.doc.documents:
            return []
        s, k = self.s, self.k
        pad = 6 * k
        date_w = stringWidth("00.00.0000", self.fonts.regular, s.body_size) + 2 * pad + 2
        rest = self.width - date_w
        data: list[list[Any]] = [[Paragraph(h, s.cell_head) for h in ("Dato", "Dokument", "Fra")]]
        for d in self.doc.documents:
            cells = (danish.short_date(d.received_on), markup(d.title), markup(d.from_whom))
            data.append([Paragraph(text, s.cell) for text in cells])
        widths = [date_w, rest * 0.6, rest * 0.4]
        table = ruled_table(data, widths, self.fonts.regular, s.body_size, s.leading, k, pad)
        return [*self._heading("Dokumenter i sagen"), table]

    # next meeting and signatures ----------------------------------------------------------
    def next_meeting(self) -> list[Flowable]:
        s, when, info = self.s, self.doc.next_meeting, self.doc.next_meeting_info
        head = Paragraph("Næste møde", s.h2)
        if when is None or to_local(when).date() < self.today:
            return [head, Paragraph("Tidspunktet aftales.", s.body)]
        if info is None or info.starts_at != when:
            return [head, Paragraph(danish.meeting_time(to_local(when)), s.body)]
        # when, until when, what kind of meeting and where: all the family needs to come
        period = danish.meeting_period(to_local(info.starts_at), to_local(info.ends_at))
        where = meeting_where(info.kind, info.place, info.video_link)
        return [head, Paragraph(f"<b>{period}</b>", s.body), Paragraph(where, s.body)]

    def signatures(self) -> list[Flowable]:
        s, k, doc = self.s, self.k, self.doc
        if doc.is_family:
            signers = [m.name for m in doc.members if m.age_on(self.today) >= ADULT_AGE]
            if not signers:
                signers = [m.name for m in doc.members if m.custody]
        else:
            signers = [m.name for m in doc.members]
        signers.append(f"{doc.coordinator_name}, koordinator" if doc.coordinator_name else "Koordinator")
        gap = 14 * k
        date_w = self.width * 0.3
        data: list[list[Any]] = []
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), self.fonts.regular, s.body_size),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 2 * k),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        heights: list[float | None] = []
        for name in signers:
            row = len(data)
            data.append(["", "", ""])
            heights.append(34 * k)
            data.append([Paragraph("Dato", s.sign_label), "", Paragraph(markup(name), s.sign_label)])
            heights.append(None)
            commands += [
                ("LINEABOVE", (0, row + 1), (0, row + 1), 0.7, INK),
                ("LINEABOVE", (2, row + 1), (2, row + 1), 0.7, INK),
            ]
        table = Table(data, colWidths=[date_w, gap, self.width - date_w - gap], rowHeights=heights)
        table.setStyle(TableStyle(commands))
        intro = "Vi har lavet planen sammen og er enige om den."
        return [Paragraph("Underskrifter", s.h2), Paragraph(intro, s.body), table]

    def story(self) -> list[Flowable]:
        story = self.front()
        for part in (self.goals, self.agreements, self.sections, self.member_sections, self.offers):
            story.extend(part())
        story.extend(self.documents())
        # The plan ends with the next meeting and the signatures, on one page: the family's
        # copy only (a recipient's copy is not signed, and the meeting is the family's affair).
        if not self.recipient:
            story.append(KeepTogether(self.next_meeting() + self.signatures()))
        return story


# -- public API --------------------------------------------------------------------------------


def build_plan_pdf(
    doc: PlanDocument,
    *,
    today: date,
    large_print: bool = False,
    recipient: str = "",
    omitted: Sequence[str] = (),
) -> bytes:
    """The plan in ``doc`` as PDF bytes. Raises NoPlanError when the case has no plan.

    ``recipient`` (e.g. "Skolen") makes it a copy for someone other than the family: ``doc``
    is then the recipient's copy (recipient_copy) and ``omitted`` says what was left out."""
    if doc.plan is None:
        raise NoPlanError(doc.case_number)
    fonts = register_fonts()
    styles = plan_styles(large_print)
    margin = (20 if large_print else 22) * mm
    top = 20 * mm
    bottom = 9 * mm + 2.6 * styles.footer_size + 8 * mm
    width = PAGE_WIDTH - 2 * margin
    plan = doc.plan
    version = f"version {plan.number}" + ("" if plan.approved else " (udkast)")
    buffer = io.BytesIO()
    template = a4_document(
        buffer,
        margin=margin,
        top=top,
        bottom=bottom,
        title=printable(f"{TITLE} – {doc.family_name}"),
        author=printable(doc.coordinator_name) or "Koordinator",
        subject=f"Koordinerende plan, sag {doc.case_number}, {version}"
        + (f", {COPY_FOR.lower()} {printable(recipient.strip())}" if recipient.strip() else ""),
        fonts=fonts,
        body_size=styles.body_size,
        page_name="plan",
        on_page=None if plan.approved else draft_watermark(fonts),
    )
    furniture = PageFurniture(
        fonts=fonts,
        size=styles.footer_size,
        margin=margin,
        header=printable(f"{TITLE} · {doc.family_name}"),
        reference=f"Sag {doc.case_number} · Version {plan.number}"
        + ("" if plan.approved else " · Udkast")
        + (f" · {COPY_FOR} {printable(recipient.strip())}" if recipient.strip() else ""),
        draft=not plan.approved,
    )
    story = PlanStory(doc, today, styles, fonts, width, recipient, omitted).story()
    template.build(story, canvasmaker=partial(NumberedCanvas, furniture=furniture))
    return buffer.getvalue()


def write_plan_pdf(
    doc: PlanDocument,
    path: str | os.PathLike[str],
    *,
    today: date,
    large_print: bool = False,
    recipient: str = "",
    omitted: Sequence[str] = (),
) -> None:
    """Write the plan to ``path``: a temp file in the same folder, synced, then renamed over it.

    The PDF is built before the folder is touched, so a failure never leaves half a file.
    Raises OSError when the file cannot be written (the message names the reason).
    """
    check_output(path)  # refused before the work of building it
    data = build_plan_pdf(doc, today=today, large_print=large_print, recipient=recipient, omitted=omitted)
    write_atomic(path, data)
