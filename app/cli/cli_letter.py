"""The Word papers from the command line.

``letter-template [--logo FILE | --no-logo] [--sender TEXT] [--address LINE …]`` shows the
municipality's letter template (the top of every Word copy) or changes what is given. It is the
store's setting, the same for everyone; on a shared server IT's to set (the admin group, the
store's owner): a caseworker's login is refused plainly. A logo is a PNG or JPEG of at most
100 KB; anything else is refused with the reason (exit code 2) and nothing is changed.

``export-meeting CASE --meeting ID --paper agenda|slip|minutes -o FILE [--format pdf|docx]``
writes a meeting's agenda, agreement slip or minutes, as the calendar does. An agenda goes to
the invited professionals: when some of them may not receive the plan about every member, it is
refused unless ``--reason`` says why it is sent anyway (logged, as the program asks for it).
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.cli_common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    MAX_ID,
    add_store_option,
    bounded_int,
    case_by_number,
    open_for_change,
    open_for_export,
)

if TYPE_CHECKING:
    from app.services.common.letter_template import LetterTemplate
    from app.services.meetings.papers import PaperInputs

COMMANDS = ("letter-template", "export-meeting")
log = logging.getLogger("app.cli")


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from app.services.common.letter_template import MAX_ADDRESS_LINES, MAX_LOGO_BYTES

    letter = subparsers.add_parser(
        "letter-template",
        help="show or set the municipality's letter template (logo, sender, address) of the Word copies",
    )
    logo = letter.add_mutually_exclusive_group()
    logo.add_argument(
        "--logo",
        metavar="FILE",
        help=f"the logo: a PNG or JPEG image of at most {MAX_LOGO_BYTES // 1024} KB",
    )
    logo.add_argument("--no-logo", action="store_true", help="remove the logo")
    letter.add_argument(
        "--sender",
        metavar="TEXT",
        help='the sender, e.g. "Familieafdelingen, Eksempel Kommune" ("" removes it)',
    )
    letter.add_argument(
        "--address",
        action="append",
        metavar="LINE",
        help=f'an address line; repeat it for each line (at most {MAX_ADDRESS_LINES}; one "" removes the address)',
    )
    add_store_option(letter)

    paper = subparsers.add_parser(
        "export-meeting", help="write a meeting's agenda, agreement slip or minutes (PDF or Word)"
    )
    paper.add_argument("case", metavar="CASE", help="case number, e.g. K-2026-0042")
    paper.add_argument(
        "--meeting",
        required=True,
        type=bounded_int(1, MAX_ID),
        metavar="ID",
        help="the meeting (see: meetings CASE)",
    )
    paper.add_argument("--paper", required=True, choices=("agenda", "slip", "minutes"), help="which paper")
    paper.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the .pdf or .docx file to write"
    )
    paper.add_argument(
        "--format",
        choices=("pdf", "docx"),
        help="pdf or docx (Word); default: from the file's ending, else pdf",
    )
    paper.add_argument(
        "--reason",
        metavar="TEXT",
        help="why an agenda is sent to invited professionals without consent to receive the plan (logged)",
    )
    add_store_option(paper)


def run(args: argparse.Namespace, db: str | None) -> int | None:
    if args.command == "letter-template":
        return _letter_template(args, db)
    if args.command == "export-meeting":
        return _export_meeting(args, db)
    return None


# -- letter-template -----------------------------------------------------------------------------


def _describe(template: LetterTemplate) -> str:
    logo = template.logo
    lines = [
        f"sender: {template.sender or '(none)'}",
        "address: " + (" / ".join(template.address) if template.address else "(none)"),
        "logo: "
        + (
            f"{logo.kind.upper()}, {logo.width}x{logo.height} pixels, {(len(logo.data) + 1023) // 1024} KB"
            if logo
            else "(none)"
        ),
    ]
    return "\n".join(lines)


def _read_logo(name: str) -> bytes:
    """The logo file's bytes (no more than one byte past the limit is read)."""
    from app.services.common.letter_template import MAX_LOGO_BYTES, LetterTemplateError

    path = Path(name).expanduser()
    if not path.is_file():
        raise LetterTemplateError(f"no file {name}")
    with path.open("rb") as f:
        data = f.read(MAX_LOGO_BYTES + 1)
    if len(data) > MAX_LOGO_BYTES:
        size = path.stat().st_size
        raise LetterTemplateError(
            f"the logo is {(size + 1023) // 1024} KB; it may be at most {MAX_LOGO_BYTES // 1024} KB "
            "(save it smaller, e.g. 600 pixels wide)"
        )
    return data


def _letter_template(args: argparse.Namespace, db: str | None) -> int:
    from sqlalchemy.exc import DBAPIError

    from app.services.common.letter_template import (
        NO_CHANGE,
        LetterTemplateError,
        check_address,
        check_logo,
        check_sender,
        letter_template,
        set_letter_template,
    )
    from app.startup import open_context
    from app.store.opening import OpenMode

    prog = "koordinator letter-template"
    change = args.logo is not None or args.no_logo or args.sender is not None or args.address is not None
    logo: bytes | object | None = NO_CHANGE
    try:  # checked before the store is opened: a bad file changes nothing
        if args.logo is not None:
            data = _read_logo(args.logo)
            check_logo(data)
            logo = data
        elif args.no_logo:
            logo = None
        if args.sender is not None:
            check_sender(args.sender)
        if args.address is not None:
            check_address(args.address)
    except LetterTemplateError as exc:
        print(f"{prog}: {exc}; nothing was changed", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"{prog}: cannot read {args.logo}: {exc.strerror or exc}; nothing was changed", file=sys.stderr)
        return EXIT_USAGE
    context = open_for_change(db) if change else open_context(db, mode=OpenMode.EXPORT)
    try:
        if not change:
            with context.sessions() as session:
                print(_describe(letter_template(session)))
            return EXIT_OK
        try:
            with context.sessions.begin() as session:
                after = set_letter_template(session, sender=args.sender, address=args.address, logo=logo)
        except DBAPIError:
            print(
                f"{prog}: not changed: on a shared server only IT (the store's owner) sets the letter template",
                file=sys.stderr,
            )
            return EXIT_FAILED
        print(f"now:\n{_describe(after)}")
        return EXIT_OK
    finally:
        context.close()


# -- export-meeting ------------------------------------------------------------------------------


def _export_meeting(args: argparse.Namespace, db: str | None) -> int:

    from app.cli.cli_export import output_format
    from app.services.common.clock import local_today
    from app.services.common.validation import ValidationError
    from app.services.meetings.papers import log_export, log_override, read_paper_inputs

    prog = "koordinator export-meeting"
    number = args.case.strip().upper()
    fmt = output_format(args)
    today = local_today()
    context = open_for_export(db, prog)
    with context.sessions() as session:
        case_id = case_by_number(session, number, prog)
        if case_id is None:
            return EXIT_USAGE
        try:
            inputs = read_paper_inputs(session, args.meeting, args.paper, today)
        except ValidationError:
            inputs = None
        if inputs is None or inputs.meeting.case_id != case_id:
            print(f"{prog}: case {number} has no meeting {args.meeting}", file=sys.stderr)
            return EXIT_USAGE
    if inputs.doc.plan is None and args.paper != "agenda":
        print(f"{prog}: case {number} has no plan yet; write one in the program first", file=sys.stderr)
        return EXIT_USAGE
    reason = (args.reason or "").strip()
    if inputs.uncovered and not reason:
        print(
            f"{prog}: {len(inputs.uncovered)} invited professional(s) may not receive the plan about every "
            "member (no consent); give --reason TEXT to send the agenda anyway (it is logged)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    output = Path(args.output).expanduser()
    try:
        data = _build(args.paper, inputs, fmt, today)
        with context.sessions.begin() as session:
            log_override(session, inputs.meeting, args.paper, (reason, inputs.uncovered))
            _write(data, output)
            log_export(session, inputs.meeting, f"{args.paper}.{fmt}")
    except OSError as exc:
        print(f"{prog}: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # a bug: say so plainly, the log has the details
        log.info("export-meeting failed for %s", number, exc_info=True)
        print(
            f"{prog}: the paper could not be made ({type(exc).__name__}); the details are in the log file",
            file=sys.stderr,
        )
        return EXIT_FAILED
    print(output.resolve())
    return EXIT_OK


def _build(paper: str, inputs: PaperInputs, fmt: str, today: date) -> bytes:
    if fmt == "docx":
        from app.docx.meeting_docx import build_paper_docx

        return build_paper_docx(paper, inputs, today=today)
    from app.pdf import meeting_pdf

    doc, meeting = inputs.doc, inputs.meeting
    if paper == "agenda":
        return meeting_pdf.build_agenda(doc, meeting, inputs.due, consent_missing=inputs.missing, today=today)
    if paper == "slip":
        return meeting_pdf.build_agreement_slip(
            doc, meeting, inputs.later[0] if inputs.later else None, today=today
        )
    return meeting_pdf.build_minutes(doc, meeting, today=today, approved_version=inputs.approved)


def _write(data: bytes, output: Path) -> None:
    from app.docx.word import write_docx

    write_docx(data, output)  # whole or not at all, checked (the same for a PDF's bytes)
