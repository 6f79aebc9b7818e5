"""Another calendar program reads our files: khal (a test dependency) imports an invitation and a
case's calendar with ``khal import --batch`` into a calendar folder of the test's own, and lists
them back at the Copenhagen times of the meetings, with khal itself running in New York time.
(khal knows Europe/Copenhagen by name; that the VTIMEZONE's rules are right is
tests/services/meetings/test_vtimezone.py's business.)"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from app.models.enums import MeetingKind
from app.services.common.clock import LOCAL_TZ
from app.services.meetings.ics import InvitationOptions, case_ics, meeting_ics
from tests.services.meetings.test_invitation_email import NOW, ORGANIZER, _meeting

KHAL = shutil.which("khal", path=str(Path(sys.executable).parent)) or shutil.which("khal")
pytestmark = pytest.mark.skipif(KHAL is None, reason="khal is not installed (pip install -e '.[test]')")

FORMAT = "{start-date} {start-time}-{end-time} {title} | {location} | {alarm-symbol}"


def _khal(home: Path, *args: str, zone: str = "America/New_York") -> str:
    config = home / "config"
    if not config.exists():
        (home / "calendar").mkdir()
        config.write_text(
            "[calendars]\n[[meetings]]\n"
            f"path = {home / 'calendar'}\ntype = calendar\n\n"
            "[locale]\nlocal_timezone = Europe/Copenhagen\ndefault_timezone = Europe/Copenhagen\n"
            "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
            "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n\n"
            f"[sqlite]\npath = {home / 'khal.db'}\n",
            encoding="utf-8",
        )
    environment = {
        **os.environ,
        "TZ": zone,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home),
        "LANG": "C.UTF-8",
    }
    assert KHAL is not None
    done = subprocess.run(
        [KHAL, "-c", str(config), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout


def test_khal_imports_an_invitation_and_lists_it_at_copenhagen_time(tmp_path: Path) -> None:
    path = tmp_path / "invitation.ics"
    path.write_bytes(meeting_ics(_meeting(), now=NOW, options=InvitationOptions(organizer=ORGANIZER)))
    _khal(tmp_path, "import", "--batch", str(path))
    assert [p.name for p in (tmp_path / "calendar").iterdir()] == ["meeting-11@koordinator.ics"]
    listed = _khal(tmp_path, "list", "--format", FORMAT, "2027-06-15", "2027-06-16")
    assert "2027-06-15 10:00-11:30 Netværksmøde – Familien Holm Jensen | Rådhuset, mødelokale 2 |" in listed
    assert "⏰" in listed  # the reminder came along


def test_khal_imports_a_case_calendar_in_summer_and_winter(tmp_path: Path) -> None:
    summer = _meeting()
    winter = dataclasses.replace(
        _meeting(),
        id=12,
        ical_uid="meeting-12@koordinator",
        kind=MeetingKind.FOLLOW_UP,
        starts_at=datetime(2028, 1, 5, 13, 0, tzinfo=LOCAL_TZ),
        ends_at=datetime(2028, 1, 5, 14, 0, tzinfo=LOCAL_TZ),
    )
    path = tmp_path / "meetings.ics"
    path.write_bytes(case_ics([summer, winter], now=NOW))
    _khal(tmp_path, "import", "--batch", str(path))
    listed = _khal(tmp_path, "list", "--format", FORMAT, "2027-06-01", "2028-02-01")
    assert "2027-06-15 10:00-11:30 Netværksmøde – Familien Holm Jensen" in listed
    assert "2028-01-05 13:00-14:00 Opfølgningsmøde – Familien Holm Jensen" in listed
    # and read in another zone, the same moments (08.00 and 12.00 UTC)
    elsewhere = _khal(tmp_path, "list", "--format", FORMAT, "2027-06-01", "2028-02-01", zone="Asia/Tokyo")
    assert "2027-06-15 10:00-11:30" in elsewhere and "2028-01-05 13:00-14:00" in elsewhere
