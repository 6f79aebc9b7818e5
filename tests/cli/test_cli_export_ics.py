"""koordinator export-ics: a case's meetings or one invitation as .ics, plain errors with exit
codes, no traceback."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import select

from app.cli.cli import EXIT_FAILED, EXIT_OK, EXIT_STORE, EXIT_USAGE, main
from app.models import Case, User
from app.services.demo.demo import generate_demo
from app.services.meetings.meetings import cancel_meeting, case_meetings
from app.startup import open_context
from tests.factories import single_citizen_case

TODAY = date(2026, 11, 24)
LONE_EMAIL = "lone.madsen@kommune.example"


@pytest.fixture
def store(tmp_path: Path) -> tuple[str, str, str, list[tuple[int, str]], int]:
    """A demo store: its path, Lise's case number, a case without meetings, Lise's meetings
    (id, UID) and the id of a meeting of another case."""
    path = tmp_path / "store.sqlite"
    ctx = open_context(str(path), login="tester")
    try:
        with ctx.sessions.begin() as s:
            generate_demo(s, families=2, seed=1, today=TODAY, my_login="tester")
            bare = single_citizen_case(s, ctx.user.id, "Mødeløs", TODAY)
            lise_case = s.scalars(select(Case).where(Case.title == "Familien Holm Jensen")).one()
            coordinator = s.get(User, lise_case.coordinator_id)
            assert coordinator is not None
            coordinator.email = LONE_EMAIL
            meetings = [(m.id, m.ical_uid) for m in case_meetings(s, lise_case.id)]
            other = s.scalar(select(Case.id).where(Case.id != lise_case.id, Case.id != bare.id).limit(1))
            assert other is not None
            foreign = case_meetings(s, other)[0].id
            lise, no_meetings = lise_case.number, bare.number
    finally:
        ctx.close()
    return str(path), lise, no_meetings, meetings, foreign


def _no_addresses(db: str) -> None:
    """No user has an e-mail address (as before Min profil)."""
    ctx = open_context(db, login="tester")
    try:
        with ctx.sessions.begin() as s:
            for user in s.scalars(select(User)):
                user.email = ""
    finally:
        ctx.close()


def _calendar(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_export_writes_all_the_cases_meetings(
    store: tuple[str, str, str, list[tuple[int, str]], int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, lise, _, meetings, _ = store
    out = tmp_path / "møder.ics"
    assert main(["export-ics", lise.lower(), "-o", str(out), "--db", db]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out.resolve())
    assert captured.err == ""
    calendar = _calendar(out)
    assert str(calendar["METHOD"]) == "PUBLISH"
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(meetings) >= 2
    assert {str(e["UID"]) for e in events} == {uid for _id, uid in meetings}
    assert all(e["DTSTART"].params["TZID"] == "Europe/Copenhagen" for e in events)


def test_one_meeting_is_its_invitation_and_a_cancelled_one_its_cancellation(
    store: tuple[str, str, str, list[tuple[int, str]], int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, lise, _, meetings, _ = store
    meeting_id, uid = meetings[-1]  # the planned follow-up meeting
    out = tmp_path / "invitation.ics"
    assert main(["export-ics", lise, "-o", str(out), "--db", db, "--meeting", str(meeting_id)]) == EXIT_OK
    assert capsys.readouterr().err == ""
    calendar = _calendar(out)
    assert str(calendar["METHOD"]) == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == uid and event["SEQUENCE"] == 0
    assert str(event["ORGANIZER"]) == f"mailto:{LONE_EMAIL}"
    assert event.get("ATTENDEE")

    ctx = open_context(db, login="tester")
    try:
        with ctx.sessions.begin() as s:
            cancel_meeting(s, meeting_id, None)
    finally:
        ctx.close()
    assert main(["export-ics", lise, "-o", str(out), "--db", db, "--meeting", str(meeting_id)]) == EXIT_OK
    calendar = _calendar(out)
    assert str(calendar["METHOD"]) == "CANCEL"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == uid and event["SEQUENCE"] == 1
    assert str(event["STATUS"]) == "CANCELLED"


def test_without_the_coordinators_email_it_says_so_and_writes_a_calendar_entry(
    store: tuple[str, str, str, list[tuple[int, str]], int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, lise, _, meetings, _ = store
    _no_addresses(db)
    out = tmp_path / "entry.ics"
    assert main(["export-ics", lise, "-o", str(out), "--db", db, "--meeting", str(meetings[-1][0])]) == 0
    assert "the coordinator has no e-mail address" in capsys.readouterr().err
    assert str(_calendar(out)["METHOD"]) == "PUBLISH"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["K-2026-0999"], "koordinator export-ics: no case K-2026-0999 in this store"),
        (["{lise}", "--meeting", "99999"], "koordinator export-ics: case {lise} has no meeting 99999"),
        (
            ["{lise}", "--meeting", "{foreign}"],
            "koordinator export-ics: case {lise} has no meeting {foreign}",
        ),
        (["{bare}"], "koordinator export-ics: case {bare} has no meetings"),
    ],
)
def test_plain_usage_errors(
    store: tuple[str, str, str, list[tuple[int, str]], int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    db, lise, bare, _, foreign = store
    names = {"lise": lise, "bare": bare, "foreign": foreign}
    out = tmp_path / "x.ics"
    assert main(["export-ics", *(a.format(**names) for a in args), "-o", str(out), "--db", db]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert message.format(**names) in err
    assert "Traceback" not in err
    assert not out.exists()


def test_unwritable_path_is_exit_1_with_the_reason(
    store: tuple[str, str, str, list[tuple[int, str]], int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, lise, *_ = store
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    out = blocker / "sub" / "x.ics"
    assert main(["export-ics", lise, "-o", str(out), "--db", db]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert err.startswith(f"koordinator export-ics: cannot write {out}: ")
    assert "Traceback" not in err
    assert blocker.read_text() == "not a folder"


def test_store_problems_are_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.sqlite"
    assert (
        main(["export-ics", "K-2026-0001", "-o", str(tmp_path / "x.ics"), "--db", str(missing)]) == EXIT_STORE
    )
    assert "no store at" in capsys.readouterr().err
    assert not missing.exists()
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database" * 100)
    assert (
        main(["export-ics", "K-2026-0001", "-o", str(tmp_path / "x.ics"), "--db", str(garbage)]) == EXIT_STORE
    )
    err = capsys.readouterr().err
    assert "is not a Koordinator store" in err and "Traceback" not in err
    assert not (tmp_path / "x.ics").exists()


def test_output_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-ics", "K-2026-0001"]) == EXIT_USAGE
    assert "-o" in capsys.readouterr().err


# -- the invitation as an e-mail, few details, the reminder ------------------------------------


def test_one_meeting_as_an_eml_with_few_details_and_its_reminder(
    store: tuple[str, str, str, list[tuple[int, str]], int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import email
    from datetime import timedelta
    from email import policy

    db, lise, _, meetings, _ = store
    meeting_id, uid = meetings[-1]
    out = tmp_path / "invitation.eml"
    args = ["export-ics", lise, "-o", str(out), "--db", db, "--meeting", str(meeting_id)]
    assert main([*args, "--few-details", "--reminder", "30"]) == EXIT_OK
    assert capsys.readouterr().err == ""
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert message["From"].addresses[0].addr_spec == LONE_EMAIL
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    assert part.get_param("method") == "REQUEST"
    calendar = Calendar.from_ical(part.get_content())
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == uid and str(event["SUMMARY"]).endswith(f"sag {lise}")
    assert [a.decoded("TRIGGER") for a in event.walk("VALARM")] == [-timedelta(minutes=30)]
    text = out.read_bytes().decode("ascii", "replace") + part.get_content()
    for name in ("Holm", "Jensen", "Lise", "Oliver"):
        assert name not in text
    assert main([*args[:-2], "--meeting", str(meeting_id), "--reminder", "0"]) == EXIT_OK
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    assert "VALARM" not in part.get_content() and "Holm Jensen" in part.get_content()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--few-details"], "need --meeting ID"),
        (["--reminder", "10"], "need --meeting ID"),
        (["--reminder", "-5"], "outside"),
    ],
)
def test_the_invitation_options_need_one_meeting(
    store: tuple[str, str, str, list[tuple[int, str]], int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    db, lise, *_ = store
    out = tmp_path / "x.ics"
    assert main(["export-ics", lise, "-o", str(out), "--db", db, *extra]) == EXIT_USAGE
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_an_eml_needs_one_meeting_and_the_coordinators_address(
    store: tuple[str, str, str, list[tuple[int, str]], int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, lise, _, meetings, _ = store
    out = tmp_path / "x.eml"
    assert main(["export-ics", lise, "-o", str(out), "--db", db]) == EXIT_USAGE
    assert "need --meeting ID" in capsys.readouterr().err
    _no_addresses(db)
    assert (
        main(["export-ics", lise, "-o", str(out), "--db", db, "--meeting", str(meetings[-1][0])])
        == EXIT_USAGE
    )
    err = capsys.readouterr().err
    assert "no e-mail address" in err and "Min profil" in err and "Traceback" not in err
    assert not out.exists()
