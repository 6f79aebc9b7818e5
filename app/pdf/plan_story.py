"""The printed plan's story: its flowables from page 1 to the signatures (plan_pdf.py builds
the document around it; the meeting agenda prints the goals with it too).

Every fixed text comes from the family's language's catalogue (plan_language.py); the
caseworker's own text is printed as written. In a right-to-left language (Arabic) the
paragraphs are set right to left (rtl.py) and the tables and boxes are mirrored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus.flowables import CondPageBreak

from app.models.enums import AgreementStatus, InterventionStatus, ResponsibleKind
from app.pdf.document import (
    Voice,
    cover_sentence,
    first_name,
    first_names,
    markup,
    meeting_where,
    ruled_table,
    text_flowables,
    tinted_box,
)
from app.pdf.fonts import FontNames, printable
from app.pdf.plan_language import PlanLanguage, plan_language
from app.pdf.rtl import keep_ltr, paragraph, visual
from app.pdf.styles import ACCENT, GREY, INK, Styles
from app.services.common import danish
from app.services.common.clock import to_local
from app.services.plan.plan_document import (
    PRINT_ORDER,
    AgreementView,
    GoalView,
    OfferItem,
    OfferLine,
    PlanDocument,
)
from app.services.plan.plan_words import member_signers

ADULT_AGE = 18
# The text sections after goals and agreements, in print order.
SECTION_ORDER = PRINT_ORDER  # the text sections after goals and agreements
VOICED_SECTIONS = {"family_views", "resources"}  # "jeres"/"dine" in the heading


class NoPlanError(ValueError):
    """The case has no plan version to print."""


def law_line(line: OfferLine, lang: PlanLanguage) -> str:
    """The law in words, e.g. "Barnets lov § 32, stk. 1 – Støttende indsatser" (not "BL § 32");
    the law's own (Danish) name in every language."""
    reference = line.law_reference.strip()
    if line.law_name and reference:
        abbr, _, rest = reference.partition(" ")
        reference = f"{line.law_name} {rest}" if rest and abbr.isupper() else f"{line.law_name}, {reference}"
    elif line.law_name:
        reference = line.law_name
    if not reference:
        return lang.t("area", sector=lang.label("sector", line.sector)).rstrip(": ")
    return f"{reference} – {line.law_title}" if line.law_title else reference


class PlanStory:
    """The plan's story (its flowables, page 1 to the signatures) in ``lang`` (Danish by
    default)."""

    def __init__(
        self,
        doc: PlanDocument,
        today: date,
        styles: Styles,
        fonts: FontNames,
        width: float,
        recipient: str = "",
        omitted: Sequence[str] = (),
        lang: PlanLanguage | None = None,
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
        self.lang = lang or plan_language()
        self.rtl = self.lang.rtl

    # text --------------------------------------------------------------------------------
    def m(self, text: str) -> str:
        """The caseworker's text as markup, in this copy's font."""
        return markup(text, self.fonts.regular)

    def phone(self, text: str) -> str:
        """A phone number as markup, held together left to right in a right-to-left copy."""
        return keep_ltr(self.m(text)) if self.rtl else self.m(text)

    def t(self, key: str, **values: object) -> str:
        return self.lang.t(key, **values)

    def v(self, key: str, **values: object) -> str:
        return self.lang.voiced(key, self.doc.is_family, **values)

    def p(self, text: str, style: Any, bullet: str = "", *, auto: bool = False) -> Flowable:
        """A paragraph of markup (``auto``: the caseworker's own text, in its own direction)."""
        return paragraph(text, style, bullet, rtl=self.rtl, auto=auto)

    def _auto(self, text: str, style: Any, bullet: str) -> Flowable:
        return self.p(text, style, bullet, auto=True)

    def texts(self, text: str, style: Any = None) -> list[Flowable]:
        return text_flowables(text, self.s, style, make=self._auto, font=self.fonts.regular)

    def measure(self, text: str, font: str, size: float) -> float:
        return stringWidth(visual(text, font) if self.rtl else text, font, size)

    def row(self, cells: list[Any]) -> list[Any]:
        """A table row, its columns mirrored in a right-to-left copy."""
        return cells[::-1] if self.rtl else cells

    # page 1 ------------------------------------------------------------------------------
    def front(self) -> list[Flowable]:
        s, doc, plan, lang = self.s, self.doc, self.plan, self.lang
        out: list[Flowable] = [self.p(self.t("title"), s.title), self.p(self.m(doc.family_name), s.subtitle)]
        if plan.approved and plan.approved_on:
            approved = lang.text_date(plan.approved_on)
            kind = plan.meeting_label.partition("|")[0]
            if kind:
                meeting = lang.label("meeting_at", kind)
                status = self.t("status_approved_at", number=plan.number, date=approved, meeting=meeting)
            else:
                status = self.t("status_approved_on", number=plan.number, date=approved)
        elif plan.approved:
            status = self.t("status_approved", number=plan.number)
        else:
            status = self.t("status_draft", number=plan.number)
        out.append(self.p(status, s.meta))
        out.append(self.p(self.t("printed_on", date=lang.text_date(self.today)), s.meta))
        if self.recipient:
            out.append(self.p(f"<b>{self.t('copy_for')}: {self.m(self.recipient)}</b>", s.meta))
        if doc.is_family and doc.members:
            names = lang.join([self.m(first_name(doc, m.citizen_id)) for m in doc.members])
            out.append(self.p(self.t("applies_to", names=names), s.meta))
        out.append(Spacer(1, 8 * self.k))
        out.append(self.p(self.v("intro"), s.body))
        if self.omitted:  # before the coordinator: the reader must see it on page 1
            out.append(Spacer(1, 6 * self.k))
            out.append(self.omitted_box())
        out.append(Spacer(1, 6 * self.k))
        out.append(self.coordinator_box())
        return out

    def _box(self, rows: list[Flowable]) -> Flowable:
        return tinted_box(
            rows, self.width, self.fonts.regular, self.s.body_size, self.k, top=9, bottom=10, rtl=self.rtl
        )

    def omitted_box(self) -> Flowable:
        """What a recipient's copy leaves out, in plain statements (never the content)."""
        s = self.s
        rows: list[Flowable] = [self.p(self.t("omitted_head"), s.box_head)]
        item = s.cell.clone("omitted", leftIndent=12 * self.k, bulletIndent=1 * self.k, spaceAfter=2 * self.k)
        rows += [self.p(self.m(t), item, "•", auto=True) for t in self.omitted]
        return self._box(rows)

    def coordinator_box(self) -> Flowable:
        s, doc, k = self.s, self.doc, self.k
        rows: list[Flowable] = [
            self.p(self.v("your_coordinator"), s.box_head),
            self.p(f"<b>{self.m(doc.coordinator_name)}</b>", s.cell),
        ]
        if doc.coordinator_phone:
            rows.append(self.p(self.t("phone", phone=self.phone(doc.coordinator_phone)), s.cell))
        if doc.coordinator_email:
            rows.append(self.p(self.t("email", email=self.m(doc.coordinator_email)), s.cell))
        if doc.cover is not None:  # away: the deputy first, then the partner as ever
            sentence = cover_sentence(doc.cover, self.voice, self.lang, self.fonts.regular)
            rows += [Spacer(1, 4 * k), self.p(sentence, s.cell)]
        if doc.partner_name:
            first = self.m(doc.coordinator_name.split(" ")[0]) or self.t("the_coordinator")
            partner = self.m(doc.partner_name)
            if doc.partner_phone:
                text = self.v(
                    "partner_phone", first=first, partner=partner, phone=self.phone(doc.partner_phone)
                )
            else:
                text = self.v("partner", first=first, partner=partner)
            rows.append(Spacer(1, 4 * k))
            rows.append(self.p(text, s.cell))
        return self._box(rows)

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
            block: list[Flowable] = [] if out else [self.p(self.t("goals_heading"), self.s.h2)]
            self.goal(root, 0, None, children, block, seen)
            block.append(Spacer(1, self.s.block_space))
            out.append(KeepTogether(block))
        return out

    def _concerns(self, member_ids: tuple[int, ...]) -> str:
        if not member_ids:
            return self.t("whole_family") if self.doc.is_family else ""
        return self.lang.join([self.m(name) for name in first_names(self.doc, member_ids)])

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
        s, level, lang = self.s, min(depth, 2), self.lang
        label = lang.label("goal_level", goal.level) or lang.label("goal_level", "overall")
        text = self.m(goal.text)
        if depth == 0:
            out.append(self.p(f'<font color="{ACCENT.hexval()}">{label}:</font> {text}', s.goal[0]))
        else:
            out.append(self.p(f"<b>{label}:</b> {text}", s.goal[level]))
        meta: list[str] = []
        if self.doc.is_family and (parent is None or parent.member_ids != goal.member_ids):
            concerns = self._concerns(goal.member_ids)
            if concerns:
                meta.append(self.t("applies", who=concerns))
        if goal.target_date:
            meta.append(self.t("by_date", date=lang.text_date(goal.target_date)))
        status = lang.label("goal_status", goal.status)
        if status:
            meta.append(f"<b>{status}</b>")
        if meta:
            out.append(self.p(" · ".join(meta), s.goal_meta[level]))
        score = self._score_line(goal)
        if score:
            out.append(self.p(score, s.goal_meta[level]))
        for child in children.get(goal.goal_key, ()):
            self.goal(child, depth + 1, goal, children, out, seen)

    def _score_line(self, goal: GoalView) -> str:
        points = [p for p in goal.scores if p.family_score is not None or p.professional_score is not None]
        if not points:
            return ""
        last = points[-1]
        parts = []
        if last.family_score is not None:
            who = self.t("score_family") if self.doc.is_family else self.t("score_self")
            parts.append(f"{who}: {last.family_score}/10")
        if last.professional_score is not None:
            parts.append(f"{self.t('score_professionals')}: {last.professional_score}/10")
        return self.t("score_line", date=self.lang.text_date(last.scored_on), parts=" · ".join(parts))

    # agreements --------------------------------------------------------------------------
    def agreements(self) -> list[Flowable]:
        items = sorted(self.plan.agreements, key=lambda a: danish.AGREEMENT_ORDER.get(a.status, 9))
        if not items:
            return []
        s, k, lang = self.s, self.k, self.lang
        pad = 6 * k
        # an open agreement past its date says so (in bold): the family sees what is behind
        late = [
            a.status == AgreementStatus.OPEN and a.due_date is not None and a.due_date < self.today
            for a in items
        ]
        overdue = self.t("overdue")
        statuses = [
            overdue if is_late else lang.label("agreement_status", a.status)
            for a, is_late in zip(items, late, strict=True)
        ]
        sample = "".join("0" if c.isdigit() else c for c in lang.short_date(date(2000, 12, 28)))

        def fit(header: str, *texts: str) -> float:
            """Width of a column that holds its header and texts on one line each."""
            widest = max(
                self.measure(header, self.fonts.bold, s.body_size),
                *(self.measure(t, self.fonts.regular, s.body_size) for t in texts),
            )
            return widest + 2 * pad + 2

        # Large print has no room for four columns: the status goes under the date.
        folded = s.large
        head = [self.t("column_what"), self.t("column_who"), self.t("column_by")]
        if not folded:
            head.append(self.t("column_status"))
        bold = overdue if any(late) else ""  # a header is measured in bold, as "Over tid" is printed
        fixed = (
            [max(fit(head[2], sample, *statuses), fit(bold, ""))]
            if folded
            else [fit(head[2], sample), max(fit(head[3], *statuses), fit(bold, ""))]
        )
        rest = self.width - sum(fixed)
        # "Who" holds names and roles ("Virksomhedskonsulent"): wide enough for its longest
        # word if it can be, so that words are not cut; "what" wraps at spaces.
        who_texts = [printable(self._who_text(a), self.fonts.regular) for a in items]
        longest = max(
            (self.measure(word, self.fonts.regular, s.body_size) for t in who_texts for word in t.split()),
            default=0.0,
        )
        who_w = min(max(rest * 0.4, longest + 2 * pad + 2), rest * 0.55)
        widths = [rest - who_w, who_w, *fixed]
        done_style = s.cell.clone("cell_done", textColor=GREY)
        data: list[list[Any]] = [self.row([self.p(h, s.cell_head) for h in head])]
        for a, status, is_late in zip(items, statuses, late, strict=True):
            style = s.cell if a.status == AgreementStatus.OPEN else done_style
            when = lang.short_date(a.due_date)
            status = f"<b>{status}</b>" if is_late else status
            row = [self.p(self.m(a.what), style, auto=True), self.p(self._who(a), style, auto=True)]
            if folded:
                row.append(self.p(f"{when}<br/>{status}", style))
            else:
                row += [self.p(when, style), self.p(status, style)]
            data.append(self.row(row))
        table = ruled_table(data, self.row(widths), self.fonts.regular, s.body_size, s.leading, k, pad)
        return [*self._heading(self.t("agreements_heading")), table]

    def _who_text(self, a: AgreementView) -> str:
        """Plain text: a member by first name, the coordinator marked, else the name (and role)."""
        if a.responsible_kind == ResponsibleKind.MEMBER:
            return first_name(self.doc, a.responsible_id) or a.responsible_name or self.t("to_be_agreed")
        if not a.responsible_name:
            return self.t("to_be_agreed")
        if (
            a.responsible_kind == ResponsibleKind.COORDINATOR
            and a.responsible_name == self.doc.coordinator_name
        ):
            return self.t("coordinator_mark", name=a.responsible_name)
        return a.responsible_name

    def _who(self, a: AgreementView) -> str:
        return self.m(self._who_text(a))

    def _heading(self, text: str) -> list[Flowable]:
        """A section heading that starts a new page unless a few lines fit under it.

        (A heading kept with the whole next flowable would push a long table or text to the
        next page and leave a gap; this keeps it with the first lines only.)
        """
        h2 = self.s.h2
        return [
            CondPageBreak(h2.spaceBefore + h2.leading + h2.spaceAfter + 4 * self.s.leading),
            self.p(text, self.s.h2_alone),
        ]

    # text sections -----------------------------------------------------------------------
    def sections(self) -> list[Flowable]:
        out: list[Flowable] = []
        for name in SECTION_ORDER:
            text = self.plan.section(name).strip()
            if not text:
                continue
            style = self.s.quote if name == "family_views" else self.s.body
            heading = self.v(f"section_{name}") if name in VOICED_SECTIONS else self.t(f"section_{name}")
            out.extend(self._heading(heading))
            out.extend(self.texts(text, style))
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
            name = self.m(first_name(self.doc, cid)) or self.t("a_family_member")
            out.extend(self._heading(self.t("about", name=name)))
            out.extend(self.texts(text))
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
            person: list[Flowable] = [] if out else [self.p(self.v("help_heading"), s.h2)]
            if self.doc.is_family or len(order) > 1:
                person.append(self.p(self.m(first_name(self.doc, cid)) or self.t("others"), s.h3))
            for i, line in enumerate(by_member[cid]):
                block: list[Flowable] = []
                for item in line.items:
                    block.append(self.p(f"<b>{self.m(item.title)}</b>", s.bullet, "•"))
                    detail = self._offer_detail(item)
                    if detail:
                        block.append(self.p(detail, s.small.clone("offer_detail", leftIndent=14 * k)))
                if line.comment.strip():
                    block.extend(self.texts(line.comment, s.body.clone("offer_comment", leftIndent=14 * k)))
                block.append(self.p(self.m(law_line(line, self.lang)), s.law, auto=True))
                if i == 0:
                    person.extend(block)
                    out.append(KeepTogether(person))
                else:
                    out.append(KeepTogether(block))
        return out

    def _offer_detail(self, item: OfferItem) -> str:
        lang = self.lang
        parts = []
        if item.professional:
            name = self.m(item.professional)
            if item.professional_phone.strip():
                parts.append(self.t("contact_phone", name=name, phone=self.phone(item.professional_phone)))
            else:
                parts.append(self.t("contact", name=name))
        if item.status == InterventionStatus.PLANNED and item.start_date > self.today:
            parts.append(self.t("starts", date=lang.text_date(item.start_date)))
        elif item.end_date:
            start, end = lang.text_date(item.start_date), lang.text_date(item.end_date)
            parts.append(self.t("period_from_to", start=start, end=end))
        else:
            parts.append(self.t("period_from", start=lang.text_date(item.start_date)))
        if item.status == InterventionStatus.PAUSED:
            parts.append(self.t("paused"))
        return " · ".join(parts)

    def documents(self) -> list[Flowable]:
        """The case's documents this copy may mention: date, title, from whom."""
        if not self.doc.documents:
            return []
        s, k, lang = self.s, self.k, self.lang
        pad = 6 * k
        sample = "".join("0" if c.isdigit() else c for c in lang.short_date(date(2000, 12, 28)))
        date_w = max(
            self.measure(sample, self.fonts.regular, s.body_size),
            self.measure(self.t("column_date"), self.fonts.bold, s.body_size),
        )
        date_w += 2 * pad + 2
        rest = self.width - date_w
        head = (self.t("column_date"), self.t("column_document"), self.t("column_from"))
        data: list[list[Any]] = [self.row([self.p(h, s.cell_head) for h in head])]
        for d in self.doc.documents:
            data.append(
                self.row(
                    [
                        self.p(lang.short_date(d.received_on), s.cell),
                        self.p(self.m(d.title), s.cell, auto=True),
                        self.p(self.m(d.from_whom), s.cell, auto=True),
                    ]
                )
            )
        widths = self.row([date_w, rest * 0.6, rest * 0.4])
        table = ruled_table(data, widths, self.fonts.regular, s.body_size, s.leading, k, pad)
        return [*self._heading(self.t("documents_heading")), table]

    # next meeting and signatures ----------------------------------------------------------
    def next_meeting(self) -> list[Flowable]:
        s, when, info, lang = self.s, self.doc.next_meeting, self.doc.next_meeting_info, self.lang
        head = self.p(self.t("next_meeting"), s.h2)
        if when is None or to_local(when).date() < self.today:
            return [head, self.p(self.t("time_to_be_agreed"), s.body)]
        if info is None or info.starts_at != when:
            return [head, self.p(lang.meeting_time(to_local(when)), s.body)]
        # when, until when, what kind of meeting and where: all the family needs to come
        period = lang.meeting_period(to_local(info.starts_at), to_local(info.ends_at))
        where = meeting_where(info.kind, info.place, info.video_link, lang=lang, font=self.fonts.regular)
        return [head, self.p(f"<b>{period}</b>", s.body), self.p(where, s.body)]

    def signatures(self) -> list[Flowable]:
        s, k, doc = self.s, self.k, self.doc
        signers = member_signers(doc, self.today, ADULT_AGE)
        coordinator = self.t("signer_coordinator", name=self.m(doc.coordinator_name))
        gap = 14 * k
        date_w = self.width * 0.3
        # the date's column and the name's, mirrored in a right-to-left copy
        date_col, name_col = (2, 0) if self.rtl else (0, 2)
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
        names = [self.m(name) for name in signers]
        names.append(coordinator if doc.coordinator_name else self.t("coordinator"))
        for name in names:
            row = len(data)
            data.append(["", "", ""])
            heights.append(34 * k)
            data.append(self.row([self.p(self.t("sign_date"), s.sign_label), "", self.p(name, s.sign_label)]))
            heights.append(None)
            commands += [
                ("LINEABOVE", (date_col, row + 1), (date_col, row + 1), 0.7, INK),
                ("LINEABOVE", (name_col, row + 1), (name_col, row + 1), 0.7, INK),
            ]
        widths = self.row([date_w, gap, self.width - date_w - gap])
        table = Table(data, colWidths=widths, rowHeights=heights)
        table.setStyle(TableStyle(commands))
        views: list[Flowable] = []
        if doc.plan is not None and doc.plan.consent_views:  # the youth's yes and the parents' no
            views = [self.p(self.t("consent_views"), s.h3)]
            views += [self.p(self.m(line), s.body) for line in doc.plan.consent_views.splitlines()]
        # "we agree" is not what a plan approved on a young person's own yes can say
        agreed = [] if views else [self.p(self.t("signatures_intro"), s.body)]
        return [self.p(self.t("signatures"), s.h2), *views, *agreed, table]

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
