"""Smoke test of a frozen folder (issue 18): the frozen program does what the source does.

    python packaging/smoke_test.py dist/koordinator-VERSION

Run with the project's Python (it reads the results with pypdf and icalendar; the frozen
program itself runs in its own process, in a fresh home with nothing of the user's):

* ``koordinator-admin``: ``--version``, a demo store, Lise's plan as PDF (the family's copy,
  in Ukrainian and in large print too) and as Word, a recipient's copy (the school's), the
  meetings as ``.ics``, the audit chain verified, the retention list, the law catalogue checked, a citizen's lookup
  report, an encrypted store made and read again with its key in a file keyring;
* ``koordinator``: the window started offscreen on the store, shown, then closed by SIGTERM
  as at a logout: exit 0 and no crash left for the next start;
* the folder: none of the Qt parts left out (packaging/lean.py) came back; its size.

Exits 0 when all is well, else 1 with what failed.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

from icalendar import Calendar
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lean import LEFT_OUT

SUFFIX = ".exe" if sys.platform == "win32" else ""
# A keyring backend kept in a file, for this test only: the frozen program finds it through
# keyring's own configuration (keyringrc.cfg: keyring-path and default-keyring).
FILE_KEYRING = """
import json
from pathlib import Path

from keyring.backend import KeyringBackend

STORE = Path(__file__).with_name("keys.json")


class FileKeyring(KeyringBackend):
    priority = 1

    def _all(self):
        return json.loads(STORE.read_text()) if STORE.exists() else {}

    def get_password(self, service, username):
        return self._all().get(f"{service}|{username}")

    def set_password(self, service, username, password):
        keys = self._all()
        keys[f"{service}|{username}"] = password
        STORE.write_text(json.dumps(keys))

    def delete_password(self, service, username):
        keys = self._all()
        keys.pop(f"{service}|{username}", None)
        STORE.write_text(json.dumps(keys))
"""


class Smoke:
    def __init__(self, folder: Path, home: Path) -> None:
        self.folder = folder
        self.home = home
        self.failures: list[str] = []
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("KOORDINATOR_", "XDG_", "PYTHON", "QT_"))
        }
        self.env.update(
            HOME=str(home),
            USERPROFILE=str(home),
            APPDATA=str(home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(home / "AppData" / "Local"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_STATE_HOME=str(home / "state"),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_CACHE_HOME=str(home / "cache"),
            QT_QPA_PLATFORM="offscreen",
        )

    def run(self, *args: str, program: str = "koordinator-admin", ok: bool = True) -> str:
        command = [str(self.folder / f"{program}{SUFFIX}"), *args]
        done = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=300)
        if ok and done.returncode != 0:
            self.fail(f"{' '.join(args[:2])}: exit {done.returncode}: {done.stderr.strip()[-600:]}")
        return done.stdout

    def fail(self, what: str) -> None:
        print(f"FAILED: {what}")
        self.failures.append(what)

    def check(self, condition: bool, what: str) -> None:
        if condition:
            print(f"ok: {what}")
        else:
            self.fail(what)


def pdf_text(path: Path) -> str:
    if not path.exists():
        return ""
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(path).pages).split())


def lise(store: Path) -> tuple[str, str]:
    """Lise's case number and CPR number, read from the demo store."""
    with sqlite3.connect(store) as conn:
        number = conn.execute("SELECT number FROM cases WHERE title = 'Familien Holm Jensen'").fetchone()[0]
        cpr = conn.execute("SELECT cpr FROM citizens WHERE first_name = 'Lise' ORDER BY id").fetchone()[0]
    return number, f"{cpr[:6]}-{cpr[6:]}"


def commands(smoke: Smoke, out: Path) -> None:
    version = smoke.run("--version")
    smoke.check(version.startswith("koordinator "), f"--version says {version.strip()!r}")
    usage = smoke.run(ok=False)
    smoke.check("server-init" in usage, "koordinator-admin alone lists the commands (no window)")
    store = out / "smoke.sqlite"
    smoke.run("demo", "--db", str(store), "--families", "3")
    case, cpr = lise(store)
    plan = out / "plan.pdf"
    smoke.run("export-plan", case, "-o", str(plan), "--db", str(store))
    smoke.check("Lise" in pdf_text(plan), "Lise's plan printed to PDF, her name in it")
    ukrainian = out / "plan-uk.pdf"
    smoke.run(
        "export-plan", case, "-o", str(ukrainian), "--language", "uk", "--large-print", "--db", str(store)
    )
    smoke.check("Наш спільний план" in pdf_text(ukrainian), "the family's copy in Ukrainian, large print")
    school = out / "school.pdf"
    smoke.run("export-plan", case, "-o", str(school), "--for", "sector:school", "--db", str(store))
    smoke.check(school.exists() and len(PdfReader(school).pages) > 0, "the school's copy printed")
    word = out / "plan.docx"
    smoke.run("export-plan", case, "-o", str(word), "--db", str(store))
    smoke.check(word.exists() and zipfile.is_zipfile(word), "the plan as a Word file")
    ics = out / "meetings.ics"
    smoke.run("export-ics", case, "-o", str(ics), "--db", str(store))
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT") if ics.exists() else []
    smoke.check(len(events) > 0, f"the meetings as .ics ({len(events)} events)")
    before = len(smoke.failures)
    smoke.run("verify-audit", "--db", str(store))
    smoke.run("retention", "list", "--db", str(store))
    smoke.check(len(smoke.failures) == before, "the audit chain verified, the retention list read")
    checked = smoke.run("law-catalogue", "check")
    smoke.check("law_sections.csv: sound" in checked, "the law catalogue checked (its laws file is there)")
    report = out / "looked.pdf"
    smoke.run("who-looked-at-me", cpr, "-o", str(report), "--db", str(store))
    smoke.check(report.exists() and len(PdfReader(report).pages) > 0, "a citizen's lookup report")
    encrypted(smoke, out)


def encrypted(smoke: Smoke, out: Path) -> None:
    keys = smoke.home / "keyring"
    keys.mkdir()
    (keys / "smoke_keyring.py").write_text(FILE_KEYRING, encoding="utf-8")
    config = smoke.home / "config" / "python_keyring"
    config.mkdir(parents=True)
    (config / "keyringrc.cfg").write_text(
        f"[backend]\ndefault-keyring=smoke_keyring.FileKeyring\nkeyring-path={keys}\n", encoding="utf-8"
    )
    store = out / "encrypted.sqlite"
    smoke.run("--encrypt", "demo", "--db", str(store), "--families", "2")
    head = store.read_bytes()[:16] if store.exists() else b"SQLite format 3\x00"
    smoke.check(head != b"SQLite format 3\x00", "an encrypted store made (not readable as plain SQLite)")
    listed = smoke.run("cases", "--db", str(store))
    smoke.check("Familien" in listed, "the encrypted store opened again with its key from the keyring")


def window(smoke: Smoke, out: Path) -> None:
    """The window on the demo store, closed by SIGTERM once shown (not on Windows)."""
    if sys.platform == "win32":
        print("skipped: the window's SIGTERM close (Windows closes windows at logout itself)")
        return
    program = subprocess.Popen(
        [str(smoke.folder / f"koordinator{SUFFIX}"), "--db", str(out / "smoke.sqlite")],
        env=smoke.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    shown = False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and program.poll() is None:
        logs = list(smoke.home.rglob("koordinator.log"))
        if any("the window is shown" in p.read_text(encoding="utf-8", errors="replace") for p in logs):
            shown = True
            break
        time.sleep(0.2)
    smoke.check(shown, "the window shown offscreen (its log says so)")
    if program.poll() is None:
        program.send_signal(signal.SIGTERM)
    try:
        _out, err = program.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        program.kill()
        _out, err = program.communicate()
    smoke.check(
        program.returncode == 0, f"closed by SIGTERM with exit 0 (exit {program.returncode}) {err[-400:]}"
    )
    crashes = [p for p in smoke.home.rglob("last-crash.txt") if p.stat().st_size > 0]
    smoke.check(not crashes, f"no crash left for the next start {[str(p) for p in crashes]}")


def lean(smoke: Smoke) -> None:
    files = [p for p in smoke.folder.rglob("*") if p.is_file() and not p.is_symlink()]
    back = [
        str(p.relative_to(smoke.folder))
        for p in files
        if LEFT_OUT.search("/" + p.relative_to(smoke.folder).as_posix())
    ]
    smoke.check(not back, f"none of the Qt parts left out came back {back[:5]}")
    size = sum(p.stat().st_size for p in files)
    print(f"size: {size / 2**20:.0f} MiB in {len(files)} files (links not counted twice)")


def main(argv: Sequence[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[1]).resolve()
    with tempfile.TemporaryDirectory(prefix="koordinator-smoke-") as scratch:
        home = Path(scratch) / "home"
        out = Path(scratch) / "out"
        home.mkdir()
        out.mkdir()
        smoke = Smoke(folder, home)
        commands(smoke, out)
        window(smoke, out)
        lean(smoke)
    if smoke.failures:
        print(f"frozen program: {len(smoke.failures)} failed", file=sys.stderr)
        return 1
    print("frozen program: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
