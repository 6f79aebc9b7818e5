"""Settings IT sets for every user of a computer (issue 18 item 3; docs/it-guide.md).

Read, in this order, the later overriding the earlier:

1. the machine-wide file: ``/etc/koordinator/koordinator.ini`` (Linux),
   ``%PROGRAMDATA%\\Koordinator\\koordinator.ini`` (Windows),
   ``/Library/Application Support/Koordinator/koordinator.ini`` (macOS), or the file named by
   ``$KOORDINATOR_MACHINE_SETTINGS``;
2. on Windows, the policy key ``HKLM\\SOFTWARE\\Policies\\Koordinator`` (Group Policy, the
   ADMX template in packaging/windows): every value there is locked.

The file's section ``[Koordinator]``::

    server = postgresql://db.kommune.local:5432/koordinator   ; the shared store
    sslmode = verify-full
    language = da
    log_level = INFO
    locked = server, sslmode, language    ; the user cannot choose otherwise

A setting that is not locked is the default until the user chooses otherwise in the program;
a locked one wins over the user's choice (the program's own dialogs show it fixed). The
command line (``--db``) and ``$KOORDINATOR_DB`` are explicit choices and still win: they are
how IT's tools and the tests name a store. Nothing read here stops the program: a file that
cannot be read or a value that is not valid is left out and named in the log.
"""

from __future__ import annotations

import configparser
import logging
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

ENV_VAR = "KOORDINATOR_MACHINE_SETTINGS"
SECTION = "Koordinator"
POLICY_KEY = r"SOFTWARE\Policies\Koordinator"
SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
LANGUAGES = ("da", "en")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
KEYS = ("server", "sslmode", "language", "log_level")


def _valid(key: str, value: str) -> str | None:
    """The value as used, or None when it is not valid for the key."""
    value = value.strip()
    if key == "server":
        scheme = value.split("://", 1)[0].lower() if "://" in value else ""
        return value if scheme in ("postgresql", "postgres", "postgresql+psycopg") else None
    if key == "sslmode":
        return value.lower() if value.lower() in SSLMODES else None
    if key == "language":
        return value.lower() if value.lower() in LANGUAGES else None
    if key == "log_level":
        return value.upper() if value.upper() in LOG_LEVELS else None
    return None


@dataclass(frozen=True, slots=True)
class MachineSettings:
    values: Mapping[str, str] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()
    sources: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()  # what was left out, and why (for the log)

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    def is_locked(self, key: str) -> bool:
        return key in self.locked and key in self.values

    def chosen(self, key: str, users_choice: str | None) -> str | None:
        """What counts: a locked value; else the user's choice; else the machine's default."""
        if self.is_locked(key):
            return self.values[key]
        return users_choice if users_choice else self.values.get(key)

    def log_level(self) -> int:
        return int(getattr(logging, self.values.get("log_level", "INFO")))


def machine_file(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> Path:
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR])
    if platform == "win32":
        return Path(environ.get("PROGRAMDATA", r"C:\ProgramData")) / "Koordinator" / "koordinator.ini"
    if platform == "darwin":
        return Path("/Library/Application Support/Koordinator/koordinator.ini")
    return Path("/etc/koordinator/koordinator.ini")


def _windows_policy() -> dict[str, str]:
    """The values of HKLM\\SOFTWARE\\Policies\\Koordinator (none where there is no such key)."""
    import winreg  # type: ignore[import-not-found,unused-ignore]

    found: dict[str, str] = {}
    try:
        key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, POLICY_KEY)  # type: ignore[attr-defined,unused-ignore]
    except OSError:
        return found
    with key:
        index = 0
        while True:
            try:
                name, value, _kind = winreg.EnumValue(key, index)  # type: ignore[attr-defined,unused-ignore]
            except OSError:
                break
            found[str(name).lower()] = str(value)
            index += 1
    return found


def read_machine_settings(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    policy: Callable[[], dict[str, str]] | None = None,
) -> MachineSettings:
    values: dict[str, str] = {}
    locked: set[str] = set()
    sources: list[str] = []
    problems: list[str] = []

    def take(raw: Mapping[str, str], where: str, lock_all: bool) -> None:
        for key, value in raw.items():
            key = key.strip().lower()
            if key == "locked":
                continue
            if key not in KEYS:
                problems.append(f"{where}: unknown setting {key!r}")
                continue
            used = _valid(key, value)
            if used is None:
                problems.append(f"{where}: {key} = {value.strip()!r} is not valid")
                continue
            values[key] = used
            if lock_all:
                locked.add(key)
        if not lock_all and raw.get("locked"):
            locked.update(part.strip().lower() for part in raw["locked"].split(",") if part.strip())

    path = machine_file(environ, platform)
    if path.exists():
        parser = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=(";", "#"))
        try:
            parser.read(path, encoding="utf-8")
        except (OSError, configparser.Error, UnicodeDecodeError) as exc:
            problems.append(f"{path}: cannot be read ({type(exc).__name__})")
        else:
            if parser.has_section(SECTION):
                take(dict(parser.items(SECTION)), str(path), lock_all=False)
                sources.append(str(path))
            else:
                problems.append(f"{path}: no [{SECTION}] section")
    if platform == "win32":
        try:
            raw = (policy or _windows_policy)()
        except OSError as exc:
            problems.append(f"HKLM\\{POLICY_KEY}: cannot be read ({type(exc).__name__})")
            raw = {}
        if raw:
            take(raw, f"HKLM\\{POLICY_KEY}", lock_all=True)
            sources.append(f"HKLM\\{POLICY_KEY}")
    unknown_locks = sorted(locked - set(KEYS))
    if unknown_locks:
        problems.append(f"locked names unknown settings: {', '.join(unknown_locks)}")
    return MachineSettings(values, frozenset(locked & set(KEYS)), tuple(sources), tuple(problems))
