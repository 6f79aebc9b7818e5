"""The export commands: a case's plan as PDF or as an editable Word file (the family's copy or
a recipient's) and its meetings as iCalendar. Each writes its file whole or not at all and logs
the export."""

from __future__ import annotations

import argparse
import logging
import sys

from app.cli.cli_common import EXIT_FAILED, EXIT_OK, EXIT_STORE, EXIT_USAGE, case_by_number, open_for_export
from app.store.opening import OpenMode

log = logging.getLogger("app.cli")


def output_format(args: argparse.Namespace) -> str:
    """--format, else the output's ending (.docx: Word), else pdf."""
    if args.format:
        return str(args.format)
    return "docx" if str(args.output).lower().endswith(".docx") else "pdf"


def run_export_plan(args: argparse.Namespace, db: str | None) -> int:
    from pathlib import Path

    from sqlalchemy import select

    from app.docx.plan_docx import write_plan_docx
    from app.models import PlanVersion, Professional
    from app.pdf.plan_language import default_language
    from app.pdf.plan_pdf import write_plan_pdf
    from app.services.common import audit
    from app.services.common.clock import local_today
    from app.services.common.letter_template import letter_template
    from app.services.plan.recipient_copy import PartyError, load_recipient_copy, parse_party
    from app.services.privacy.sharing import PartyKind

    prog = "koordinator export-plan"
    number = args.case.strip().upper()
    word = output_format(args) == "docx"
    if word and args.large_print:
        print(
            f"{prog}: note: --large-print is for the PDF; the Word file's text size is Word's",
            file=sys.stderr,
        )
    recipient = None
    if args.recipient is not None and args.language != "da":
        print(f"{prog}: a copy --for someone other than the family is printed in Danish", file=sys.stderr)
        return EXIT_USAGE
    if word and args.language != "da":
        print(f"{prog}: the Word copy is in Danish; --language is for the PDF", file=sys.stderr)
        return EXIT_USAGE
    if args.recipient is not None:
        try:
            recipient = parse_party(args.recipient)
        except PartyError as exc:
            print(f"{prog}: --for {exc}", file=sys.stderr)
            return EXIT_USAGE
    today = local_today()
    context = open_for_export(db, prog)
    with context.sessions() as session:
        case_id = case_by_number(session, number, prog)
        if case_id is None:
            return EXIT_USAGE
        version_id = None
        if args.plan_version is not None:
            version_id = session.scalar(
                select(PlanVersion.id).where(
                    PlanVersion.case_id == case_id, PlanVersion.number == args.plan_version
                )
            )
            if version_id is None:
                print(f"{prog}: case {number} has no plan version {args.plan_version}", file=sys.stderr)
                return EXIT_USAGE
        if (
            recipient is not None
            and recipient.kind == PartyKind.PROFESSIONAL
            and session.get(Professional, int(recipient.value)) is None
        ):
            print(f"{prog}: --for: no professional {recipient.value} in this store", file=sys.stderr)
            return EXIT_USAGE
        copy = load_recipient_copy(session, case_id, recipient, today, version_id)
        template = letter_template(session) if word else None
    document = copy.document
    if document.plan is None:
        print(f"{prog}: case {number} has no plan yet; write one in the program first", file=sys.stderr)
        return EXIT_USAGE
    language = default_language(document.members, today) if args.language == "family" else args.language
    output = Path(args.output).expanduser()
    try:
        # The export is in the audit log with its recipient; a file not written rolls it back.
        with context.sessions.begin() as session:
            audit.record(
                session,
                audit.EXPORT,
                object_type="plan",
                object_id=document.plan.id,
                case_id=case_id,
                details={
                    "recipient": recipient.encode() if recipient else "family",
                    "recipient_name": copy.recipient_label,
                    "left_out": len(copy.omitted),
                    "via": "export-plan",
                    "format": "docx" if word else "pdf",
                    "language": language,
                },
            )
            if word:
                write_plan_docx(
                    document,
                    output,
                    today=today,
                    template=template,
                    recipient=copy.recipient_label,
                    omitted=copy.omitted,
                )
            else:
                write_plan_pdf(
                    document,
                    output,
                    today=today,
                    large_print=args.large_print,
                    recipient=copy.recipient_label,
                    omitted=copy.omitted,
                    language=language,
                )
    except OSError as exc:
        print(f"{prog}: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # a bug in the layout: say so plainly, the log has the details
        # INFO: into the log file only (the console shows warnings, and no tracebacks).
        log.info("export-plan failed for %s", number, exc_info=True)
        print(
            f"{prog}: the {'Word file' if word else 'PDF'} could not be made ({type(exc).__name__}); "
            "the details are in the log file",
            file=sys.stderr,
        )
        return EXIT_FAILED
    for statement in copy.omitted:
        print(f"{prog}: left out: {statement}", file=sys.stderr)
    print(output.resolve())
    return EXIT_OK


def run_export_ics(args: argparse.Namespace, db: str | None) -> int:
    from pathlib import Path

    from sqlalchemy.exc import SQLAlchemyError

    from app.services.meetings.ics import (
        DEFAULT_REMINDER,
        PUBLISH,
        InvitationOptions,
        case_ics,
        invitation_method,
        meeting_ics,
        write_ics,
    )
    from app.services.meetings.imip import NoOrganizerError, invitation_email
    from app.services.meetings.invitation import family_names
    from app.services.meetings.meetings import case_meetings
    from app.startup import open_context

    prog = "koordinator export-ics"
    number = args.case.strip().upper()
    output = Path(args.output).expanduser()
    as_email = output.suffix.lower() == ".eml"
    few_details, reminder = bool(getattr(args, "few_details", False)), getattr(args, "reminder", None)
    if args.meeting is None and (as_email or few_details or reminder is not None):
        print(f"{prog}: an .eml file, --few-details and --reminder need --meeting ID", file=sys.stderr)
        return EXIT_USAGE
    try:
        context = open_context(db, mode=OpenMode.READ)
        with context.sessions() as session:
            case_id = case_by_number(session, number, prog)
            if case_id is None:
                return EXIT_USAGE
            meetings = case_meetings(session, case_id)
            names = family_names(session, case_id) if few_details else ()
    except SQLAlchemyError as exc:  # e.g. a file that is not a store: no traceback
        log.info("export-ics could not read the store", exc_info=True)
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        print(f"{prog}: cannot read the store: {reason}", file=sys.stderr)
        return EXIT_STORE
    if not meetings:
        print(f"{prog}: case {number} has no meetings; plan one in the program first", file=sys.stderr)
        return EXIT_USAGE
    if args.meeting is not None:
        meetings = [m for m in meetings if m.id == args.meeting]
        if not meetings:
            print(f"{prog}: case {number} has no meeting {args.meeting}", file=sys.stderr)
            return EXIT_USAGE
        if invitation_method(meetings[0]) == PUBLISH:
            if as_email:
                print(
                    f"{prog}: the coordinator has no e-mail address, so there is no invitation to "
                    "send by e-mail; write an .ics file instead, or add the address (Min profil)",
                    file=sys.stderr,
                )
                return EXIT_USAGE
            print(
                f"{prog}: note: the coordinator has no e-mail address, so the file is a calendar "
                "entry, not an invitation the participants can answer",
                file=sys.stderr,
            )
    options = InvitationOptions(
        reminder_minutes=DEFAULT_REMINDER if reminder is None else (reminder or None),
        few_details=few_details,
        family_names=names,
    )
    try:
        skipped: list[int] = []
        if as_email:
            data = invitation_email(meetings[0], options=options)
        elif args.meeting is not None:
            data = meeting_ics(meetings[0], options=options)
        else:
            data = case_ics(meetings, skipped=skipped)
        write_ics(data, output)
        for meeting_id in skipped:
            print(
                f"{prog}: left out meeting {meeting_id}: its stored time cannot be written", file=sys.stderr
            )
    except NoOrganizerError:  # (said above already; the same read cannot differ here)
        print(f"{prog}: the coordinator has no e-mail address", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"{prog}: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # a bug: say so plainly, the log has the details
        log.info("export-ics failed for %s", number, exc_info=True)
        print(f"{prog}: the calendar file could not be made: {str(exc)[:200]}", file=sys.stderr)
        return EXIT_FAILED
    print(output.resolve())
    return EXIT_OK
