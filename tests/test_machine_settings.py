"""Machine-wide settings IT sets (issue 18 item 3): a file, and on Windows the policy key,
over the user's own choices where IT locks them; nothing read there can stop the program."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.machine_settings import ENV_VAR, KEYS, MachineSettings, machine_file, read_machine_settings

SERVER = "postgresql://db.kommune.local:5432/koordinator"


def _file(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "koordinator.ini"
    path.write_text(text, encoding="utf-8")
    return {ENV_VAR: str(path)}


def test_values_and_locks_are_read_from_the_file(tmp_path: Path) -> None:
    env = _file(
        tmp_path,
        f"[Koordinator]\nserver = {SERVER}\nsslmode = Verify-Full ; IT's choice\nlanguage = EN\n"
        "log_level = warning\nlocked = server, language\n",
    )
    machine = read_machine_settings(env, "linux")
    assert dict(machine.values) == {
        "server": SERVER,
        "sslmode": "verify-full",
        "language": "en",
        "log_level": "WARNING",
    }
    assert machine.is_locked("server") and machine.is_locked("language") and not machine.is_locked("sslmode")
    assert machine.log_level() == logging.WARNING
    assert machine.problems == ()


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("server = sqlite:///x.db", "server = 'sqlite:///x.db' is not valid"),
        ("sslmode = sometimes", "sslmode = 'sometimes' is not valid"),
        ("language = sv", "language = 'sv' is not valid"),
        ("log_level = LOUD", "log_level = 'LOUD' is not valid"),
        ("colour = red", "unknown setting 'colour'"),
        ("locked = colour", "locked names unknown settings: colour"),
    ],
)
def test_a_value_that_is_not_valid_is_left_out_and_named(tmp_path: Path, line: str, problem: str) -> None:
    machine = read_machine_settings(_file(tmp_path, f"[Koordinator]\n{line}\n"), "linux")
    assert machine.values == {}
    assert any(problem in p for p in machine.problems), machine.problems


@pytest.mark.parametrize(
    "text", ["", "not an ini file at all", "[Other]\nlanguage = en\n", "\udcff", "[Koordinator\n"]
)
def test_a_file_that_cannot_be_used_never_stops_the_program(tmp_path: Path, text: str) -> None:
    path = tmp_path / "koordinator.ini"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    machine = read_machine_settings({ENV_VAR: str(path)}, "linux")
    assert machine.values == {} and machine.locked == frozenset()


def test_no_file_no_settings(tmp_path: Path) -> None:
    machine = read_machine_settings({ENV_VAR: str(tmp_path / "absent.ini")}, "linux")
    assert machine == MachineSettings()


def test_the_windows_policy_wins_and_locks_every_value(tmp_path: Path) -> None:
    env = _file(tmp_path, "[Koordinator]\nlanguage = da\nsslmode = require\n")
    machine = read_machine_settings(env, "win32", policy=lambda: {"Language": "en", "Server": SERVER})
    assert machine.get("language") == "en" and machine.get("sslmode") == "require"
    assert machine.is_locked("language") and machine.is_locked("server") and not machine.is_locked("sslmode")
    assert machine.sources[-1].endswith(r"SOFTWARE\Policies\Koordinator")


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {}, "/etc/koordinator/koordinator.ini"),
        ("win32", {"PROGRAMDATA": "D:\\Data"}, "D:\\Data/Koordinator/koordinator.ini"),
        ("darwin", {}, "/Library/Application Support/Koordinator/koordinator.ini"),
    ],
)
def test_the_file_is_where_it_guide_says(platform: str, environ: dict[str, str], expected: str) -> None:
    assert str(machine_file(environ, platform)).replace("\\", "/") == expected.replace("\\", "/")
    guide = (Path(__file__).resolve().parents[1] / "docs" / "it-guide.md").read_text(encoding="utf-8")
    assert expected.split("/Koordinator")[-1].lstrip("/") in guide.replace("\\", "/")


@given(st.sampled_from(KEYS), st.booleans(), st.one_of(st.none(), st.sampled_from(["da", "en", "x"])))
def test_locked_wins_else_the_users_choice_else_the_default(
    key: str, locked: bool, users: str | None
) -> None:
    machine = MachineSettings({key: "machine"}, frozenset({key}) if locked else frozenset())
    assert machine.chosen(key, users) == ("machine" if locked or not users else users)
