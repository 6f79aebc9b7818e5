"""Trust on one laptop (issue 12): what a careless user does on the command line changes nothing
it should not, and every bad input gets a plain answer and its exit code, never a traceback.

Each test is one class of fault tried with several values; after each try the store's content
is compared by a full SQL dump (not a checksum) and the folder is checked for stray files."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from app.cli.cli import EXIT_FAILED, EXIT_OK, EXIT_STORE, EXIT_USAGE, main
from app.models import Case
from app.services.demo.demo import generate_demo
from app.startup import open_context
from app.store.errors import StoreError
from app.store.location import default_store_path

ROOT = Path(__file__).resolve().parents[2]

# The commands that only read (or export): none may create, upgrade or change a store.
READING = [
    ["verify-audit"],
    ["export-ics", "K-2026-0001", "-o", "{out}/x.ics"],
    ["export-plan", "K-2026-0001", "-o", "{out}/x.pdf"],
    ["audit-export", "-o", "{out}/x.csv"],
    ["who-looked-at-me", "010190-1234", "-o", "{out}/x.csv"],
    ["retention", "list"],
    ["cases", "--search", "holm"],
    ["meetings", "K-2026-0001"],
    ["access-request", "010190-1234", "-o", "{out}/x.pdf"],
]
READING_IDS = [c[0] for c in READING]


def _args(command: list[str], out: Path) -> list[str]:
    return [part.replace("{out}", str(out)) for part in command]


def dump(path: Path) -> str:
    """Every row and the schema of a SQLite file, read without writing anything."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def folder_listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Path]:
    """A demo store with cases, closed cleanly."""
    path = tmp_path / "store" / "koordinator.sqlite"
    path.parent.mkdir()
    ctx = open_context(str(path), login="tester")
    with ctx.sessions.begin() as s:
        generate_demo(s, families=2, seed=1, my_login="tester")
    ctx.close()
    yield path


def _first_case(path: Path) -> str:
    ctx = open_context(str(path), login="tester")
    try:
        with ctx.sessions() as s:
            return str(s.scalar(select(Case.number).order_by(Case.id).limit(1)))
    finally:
        ctx.close()


# -- 3: the store the user named is the store used ---------------------------------------------


@pytest.mark.parametrize("before", [True, False], ids=["--db-before", "--db-after"])
@pytest.mark.parametrize(
    "command", [["verify-audit"], ["retention", "list"], ["migrate"], ["demo", "--families", "0"]]
)
def test_the_named_store_is_used_before_or_after_the_command(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], before: bool, command: list[str]
) -> None:
    args = ["--db", str(store), *command] if before else [*command, "--db", str(store)]
    assert main(args) == EXIT_OK, capsys.readouterr().err
    assert not default_store_path().exists(), "the default store was used instead of --db"
    assert "koordinator: store" not in capsys.readouterr().err  # named: nothing to say


@pytest.mark.parametrize("value", ["", " ", "\t"])
@pytest.mark.parametrize("command", [[], ["verify-audit"], ["migrate"], ["demo"]])
def test_an_empty_store_option_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], value: str, command: list[str]
) -> None:
    assert main(["--db", value, *command]) == EXIT_USAGE
    assert "--db" in capsys.readouterr().err
    assert not default_store_path().exists()


def test_an_unnamed_store_is_said_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify-audit"]) == EXIT_STORE  # the default store does not exist yet
    err = capsys.readouterr().err
    assert f"store {default_store_path()}" in err and "no store at" in err
    assert not default_store_path().exists()


# -- 4: reading never writes -------------------------------------------------------------------


@pytest.mark.parametrize("command", READING, ids=READING_IDS)
@pytest.mark.parametrize("where", ["missing.sqlite", "no/such/folder/x.sqlite", "typo"])
def test_a_mistyped_store_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], where: str
) -> None:
    target = tmp_path / where
    before = folder_listing(tmp_path)
    code = main([*_args(command, tmp_path), "--db", str(target)])
    err = capsys.readouterr().err
    assert code == EXIT_STORE, err
    assert f"no store at {target}" in err and "Traceback" not in err
    assert folder_listing(tmp_path) == before  # nothing made, not even a folder


def _not_stores(tmp_path: Path) -> dict[str, Path]:
    made = {}
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    made["empty-file"] = empty
    notes = tmp_path / "notes.sqlite"
    notes.write_text("these are notes\n" * 50, encoding="utf-8")
    made["text-file"] = notes
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('æblekage')")
    conn.commit()
    conn.close()
    made["other-program-db"] = other
    no_tables = tmp_path / "no-tables.sqlite"
    conn = sqlite3.connect(no_tables)
    conn.execute("PRAGMA user_version=7")
    conn.commit()
    conn.close()
    made["sqlite-without-tables"] = no_tables
    folder = tmp_path / "folder.sqlite"
    folder.mkdir()
    made["folder"] = folder
    return made


def _snapshot(path: Path) -> object:
    return sorted(p.name for p in path.iterdir()) if path.is_dir() else path.read_bytes()


@pytest.mark.parametrize(
    "command",
    [*READING, ["demo", "--families", "1"], ["migrate"], []],
    ids=[*READING_IDS, "demo", "migrate", "start"],
)
def test_a_file_that_is_not_a_store_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    for name, path in _not_stores(tmp_path).items():
        before_listing = folder_listing(tmp_path)
        before = _snapshot(path)
        if command:
            code = main([*_args(command, tmp_path), "--db", str(path)])
            err = capsys.readouterr().err
        else:  # the program's start opens its store through the same door
            with pytest.raises(StoreError) as refused:
                open_context(str(path))
            code, err = EXIT_STORE, f"koordinator: {refused.value}"
        assert code == EXIT_STORE, (name, err)
        assert "not a Koordinator store" in err or "is a folder" in err, (name, err)
        assert "Traceback" not in err
        assert _snapshot(path) == before, name
        assert folder_listing(tmp_path) == before_listing, name


@pytest.mark.postgres
def test_a_server_database_without_our_schema_is_refused_untouched(
    postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = sa.create_engine(postgres_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE recipes (name text)")
        conn.exec_driver_sql("INSERT INTO recipes VALUES ('æblekage')")
    try:
        for command in [*READING, ["demo", "--families", "1"]]:
            code = main([*_args(command, tmp_path), "--db", postgres_url])
            err = capsys.readouterr().err
            assert code == EXIT_STORE, (command, err)
            assert "Koordinator" in err and "Traceback" not in err
            with engine.connect() as conn:
                tables = sa.inspect(conn).get_table_names()
                rows = conn.exec_driver_sql("SELECT name FROM recipes").fetchall()
            assert tables == ["recipes"] and rows == [("æblekage",)], command
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "command", [["verify-audit"], ["retention", "list"], ["export-ics", "{case}", "-o", "{out}/x.ics"]]
)
def test_reading_commands_leave_the_store_byte_for_byte(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    case = _first_case(store)
    before_bytes, before_listing = store.read_bytes(), folder_listing(store.parent)
    args = [part.replace("{case}", case) for part in _args(command, tmp_path)]
    code = main([*args, "--db", str(store)])
    assert code in (EXIT_OK, EXIT_USAGE), capsys.readouterr().err  # a case may have no meetings
    assert store.read_bytes() == before_bytes
    assert folder_listing(store.parent) == before_listing  # no -wal, -shm or backup left


def test_a_read_only_store_file_can_be_verified_and_exported(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    os.chmod(store, stat.S_IRUSR | stat.S_IRGRP)
    os.chmod(store.parent, stat.S_IRUSR | stat.S_IXUSR)
    import app.store.opening as opening

    real_access = os.access  # (root may write any file: the permission is what counts here)
    monkeypatch.setattr(
        opening.os,
        "access",
        lambda p, mode: False if Path(p) == store and mode == os.W_OK else real_access(p, mode),
    )
    try:
        before = dump(store)
        assert main(["verify-audit", "--db", str(store)]) == EXIT_OK
        assert "OK:" in capsys.readouterr().out
        out = tmp_path / "log.csv"
        assert main(["audit-export", "-o", str(out), "--db", str(store)]) == EXIT_OK
        err = capsys.readouterr().err
        assert "read-only" in err and out.exists()
        assert dump(store) == before
    finally:
        os.chmod(store.parent, stat.S_IRWXU)
        os.chmod(store, stat.S_IRUSR | stat.S_IWUSR)


def test_no_login_entry_before_a_store_opened(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A failed open writes nothing; a reading command writes no login entry either."""
    path = tmp_path / "s.sqlite"
    ctx = open_context(str(path), login="tester")
    ctx.close()
    before = dump(path)
    assert main(["verify-audit", "--db", str(path)]) == EXIT_OK
    assert (
        main(["export-plan", "K-1900-0001", "-o", str(tmp_path / "p.pdf"), "--db", str(path)]) == EXIT_USAGE
    )
    capsys.readouterr()
    assert dump(path) == before  # neither the check nor the failed export left an entry


# -- 5: an output never destroys anything ------------------------------------------------------


def _outputs(store: Path, tmp_path: Path) -> dict[str, str]:
    link = tmp_path / "innocent.pdf"
    link.symlink_to(store)
    wal_link = tmp_path / "innocent-wal.csv"
    wal_link.symlink_to(store.with_name(store.name + "-wal"))
    backup = store.with_name(store.name + ".backup-0004")
    backup.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    other_db = tmp_path / "someone-else.sqlite"
    sqlite3.connect(other_db).execute("CREATE TABLE t (x)").connection.close()
    return {
        "the-store": str(store),
        "its-wal": str(store) + "-wal",
        "its-shm": str(store) + "-shm",
        "its-backup": str(backup),
        "a-link-to-it": str(link),
        "a-link-to-its-wal": str(wal_link),
        "relative-dots": str(store.parent / ".." / store.parent.name / store.name),
        "another-database": str(other_db),
        "a-device": "/dev/full",
        "the-null-device": "/dev/null",
        "a-folder": str(tmp_path),
        "a-missing-folder": str(tmp_path / "no" / "such" / "x.pdf"),
        "an-overlong-name": str(tmp_path / ("x" * 300 + ".pdf")),
    }


@pytest.mark.parametrize(
    "command",
    [
        ["export-plan", "{case}", "-o", "{target}"],
        ["export-ics", "{case}", "-o", "{target}"],
        ["audit-export", "-o", "{target}"],
        ["who-looked-at-me", "010190-1234", "-o", "{target}"],
    ],
    ids=["export-plan", "export-ics", "audit-export", "who-looked-at-me"],
)
def test_an_output_onto_the_store_a_device_or_a_folder_is_refused(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    case = _first_case(store)
    targets = _outputs(store, tmp_path)
    before = dump(store)
    for name, target in targets.items():
        if command[0] == "who-looked-at-me" and not target.endswith((".csv", ".pdf")):
            target_arg = target  # refused for the target itself before the suffix matters
        else:
            target_arg = target
        listing = folder_listing(tmp_path), folder_listing(store.parent)
        other = Path(target)
        try:
            other_before = (
                other.read_bytes() if other.is_file() and not str(other).startswith("/dev") else None
            )
        except OSError:  # a name too long for the disk
            other_before = None
        args = [p.replace("{case}", case).replace("{target}", target_arg) for p in command]
        code = main([*args, "--db", str(store)])
        err = capsys.readouterr().err
        assert code == EXIT_FAILED, (name, err)
        assert "nothing was written" in err and "Traceback" not in err, (name, err)
        assert dump(store) == before, name
        assert (folder_listing(tmp_path), folder_listing(store.parent)) == listing, name
        if other_before is not None:
            assert other.read_bytes() == other_before, name


# -- 7: plain errors, never a traceback --------------------------------------------------------


@pytest.mark.parametrize(
    ("db", "says"),
    [
        ("mysql://root@127.0.0.1/test", "is not a store this program can use"),
        ("sqlite3://x", "is not a store this program can use"),
        ("http://example.org/store", "is not a store this program can use"),
        ("postgresql+psycopg://postgres@127.0.0.1:abc/x", "port is not a number"),
        ("postgresql+psycopg://postgres@127.0.0.1:99999/x", "not a valid port number"),
        ("postgresql+psycopg://postgres@127.0.0.1:1/postgres", "nothing answers at that host and port"),
        ("postgresql+psycopg://postgres@no-such-host.invalid/postgres", "could not be found"),
        ("postgresql+psycopg://postgres@127.0.0.1:5432/postgres?sslmode=bogus", "(sslmode) is not valid"),
    ],
)
@pytest.mark.parametrize("command", [["verify-audit"], ["migrate"], ["demo", "--families", "0"]])
def test_a_bad_store_address_gets_its_own_plain_message(
    capsys: pytest.CaptureFixture[str], db: str, says: str, command: list[str]
) -> None:
    code = main([*command, "--db", db])
    err = capsys.readouterr().err
    assert code == EXIT_STORE, err
    assert says in err and "Traceback" not in err
    assert "disk has room" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["demo", "--families", "99999999999999999999"],
        ["demo", "--families", "2001"],
        ["demo", "--seed", "-1"],
        ["export-plan", "K-1", "-o", "x.pdf", "--version", "99999999999999999999999"],
        ["export-plan", "K-1", "-o", "x.pdf", "--version", "0"],
        ["export-ics", "K-1", "-o", "x.ics", "--meeting", "9223372036854775808"],
        ["audit-export", "-o", "x.csv", "--citizen", "-5"],
        ["audit-export", "-o", "x.csv", "--to", "9999-12-31"],
        ["audit-export", "-o", "x.csv", "--from", "0001-01-01"],
        ["audit-export", "-o", "x.csv", "--from", "2026-02-30"],
        ["retention", "list", "--audit-months", "100000000000000"],
        ["retention", "list", "--audit-months", "0"],
    ],
)
def test_numbers_and_dates_out_of_range_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    os.chdir(tmp_path)
    assert main([*args, "--db", str(tmp_path / "s.sqlite")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "error: argument" in err and "Traceback" not in err
    assert folder_listing(tmp_path) == set()


@pytest.mark.parametrize(
    "raw",
    [b"--db=\xff\xfe.sqlite", b"\xc3\x28", b"K-\xe6\xf8\xe5"],
)
def test_bytes_that_are_not_utf8_are_refused_plainly(tmp_path: Path, raw: bytes) -> None:
    env = dict(
        os.environ,
        XDG_DATA_HOME=str(tmp_path / "d"),
        XDG_STATE_HOME=str(tmp_path / "s"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
    )
    result = subprocess.run(
        [sys.executable.encode(), b"-m", b"app", b"export-ics", raw, b"-o", b"x.ics"],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == EXIT_USAGE, result.stderr
    assert b"not valid text" in result.stderr and b"Traceback" not in result.stderr
    assert not (tmp_path / "d").exists()


def test_an_overlong_store_path_is_a_plain_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for db in (str(tmp_path / ("y" * 300) / "s.sqlite"), str(tmp_path / ("z" * 300 + ".sqlite")), "x" * 5000):
        code = main(["demo", "--families", "0", "--db", db])
        err = capsys.readouterr().err
        assert code in (EXIT_STORE, EXIT_USAGE), (db[:40], err)
        assert "Traceback" not in err


def test_an_unwritable_log_folder_does_not_stop_a_command(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "state-is-a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    assert main(["verify-audit", "--db", str(store)]) == EXIT_OK
    assert "log folder cannot be written" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        ["export-plan", "{case}", "-o", "{out}/p.pdf"],
        ["export-ics", "{case}", "-o", "{out}/m.ics"],
        ["audit-export", "-o", "{out}/a.csv"],
    ],
)
def test_a_full_disk_is_said_plainly_and_leaves_nothing(
    store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    import errno

    import app.store.safe_files as safe_files

    case = _first_case(store)
    out = tmp_path / "out"
    out.mkdir()
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fd: int, *args: object, **kwargs: object) -> None:
            self._handle = real_fdopen(fd, *args, **kwargs)  # type: ignore[arg-type]

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self._handle.close()

        def write(self, _data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_files.os, "fdopen", FullDisk)
    before = dump(store)
    args = [p.replace("{case}", case).replace("{out}", str(out)) for p in command]
    code = main([*args, "--db", str(store)])
    err = capsys.readouterr().err
    if code == EXIT_USAGE:  # the case has nothing to export: not this test's subject
        pytest.skip(err)
    assert code == EXIT_FAILED, err
    assert "No space left on device" in err and "Traceback" not in err
    assert list(out.iterdir()) == []  # no half file, no temporary file
    assert dump(store) == before  # the export's audit entry went with the failed file


@pytest.mark.postgres
@pytest.mark.parametrize("before", [True, False], ids=["--db-before", "--db-after"])
def test_the_named_server_is_migrated_before_or_after_the_command(
    postgres_url: str, capsys: pytest.CaptureFixture[str], before: bool
) -> None:
    """`koordinator --db URL migrate` once migrated the default local store instead."""
    args = ["--db", postgres_url, "migrate"] if before else ["migrate", "--db", postgres_url]
    assert main(args) == EXIT_OK, capsys.readouterr().err
    assert not default_store_path().exists()
    engine = sa.create_engine(postgres_url)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        engine.dispose()
    reading = ["--db", postgres_url, "verify-audit"] if before else ["verify-audit", "--db", postgres_url]
    assert main(reading) == EXIT_OK
    assert not default_store_path().exists()


# -- found by a review of the change (each a class of its own) ------------------------------


def test_server_commands_on_a_local_path_make_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args, code in (
        (["server-init", "--db", str(tmp_path / "a.sqlite")], EXIT_USAGE),
        (["server-init"], EXIT_USAGE),
        (["add-caseworker", "bob", "--name", "Bob", "--db", str(tmp_path / "typo" / "t.sqlit")], EXIT_STORE),
    ):
        assert main(args) == code, capsys.readouterr().err
        assert "Traceback" not in capsys.readouterr().err
    assert folder_listing(tmp_path) == set()
    assert not default_store_path().exists()


@pytest.mark.postgres
def test_migrate_and_server_init_refuse_a_database_of_another_program(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = sa.create_engine(postgres_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE recipes (name text)")
    try:
        for command in (["migrate"], ["server-init"]):
            assert main([*command, "--db", postgres_url]) == EXIT_STORE
            assert "another program's tables" in capsys.readouterr().err
            with engine.connect() as conn:
                assert sa.inspect(conn).get_table_names() == ["recipes"]
    finally:
        engine.dispose()


def test_more_outputs_that_are_refused(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import app.store.safe_files as safe_files

    case = _first_case(store)
    other = tmp_path / "b.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    (tmp_path / "b.sqlite-wal").write_bytes(bytes.fromhex("377f0682") + b"\x00" * 28)  # a live log's head
    conn.close()
    encrypted = tmp_path / "c.db"
    encrypted.write_bytes(os.urandom(4096))  # an encrypted store: no header to recognise
    read_only = tmp_path / "keep.ics"
    read_only.write_text("BEGIN:VCALENDAR")
    real_access = os.access
    monkeypatch.setattr(
        safe_files.os,
        "access",
        lambda p, mode: False if Path(p) == read_only and mode == os.W_OK else real_access(p, mode),
    )
    targets = {
        "another-stores-wal": str(tmp_path / "b.sqlite-wal"),
        "another-stores-shm": str(tmp_path / "b.sqlite-shm"),
        "an-encrypted-store": str(encrypted),
        "a-read-only-file": str(read_only),
        "a-trailing-slash": str(tmp_path / "new.ics") + "/",
        "the-store-in-other-case": str(store.with_name(store.name.upper())),
    }
    (tmp_path / "b.sqlite-shm").write_bytes(b"\x00" * 64)
    for name, target in targets.items():
        before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
        code = main(["export-ics", case, "-o", target, "--db", str(store)])
        err = capsys.readouterr().err
        assert code == EXIT_FAILED, (name, err)
        assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before, name


def test_a_new_store_never_takes_up_a_leftover_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A database deleted while its -wal stayed: a new store there would read the old log in."""
    path = tmp_path / "a.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    wal = path.with_name("a.sqlite-wal").read_bytes()
    conn.close()
    path.unlink()
    path.with_name("a.sqlite-wal").write_bytes(wal)
    assert main(["demo", "--families", "0", "--db", str(path)]) == EXIT_STORE
    assert "left over from a database" in capsys.readouterr().err
    assert not path.exists() and path.with_name("a.sqlite-wal").read_bytes() == wal


def test_a_new_store_that_fails_leaves_no_half_made_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlalchemy.exc

    import app.store.migrate as migrate

    def full(_engine: object) -> None:
        raise sqlalchemy.exc.OperationalError(
            "CREATE", {}, sqlite3.OperationalError("database or disk is full")
        )

    monkeypatch.setattr(migrate, "upgrade_store", full)
    assert main(["demo", "--families", "0", "--db", str(tmp_path / "s.sqlite")]) == EXIT_STORE
    assert "the disk is full" in capsys.readouterr().err
    assert folder_listing(tmp_path) == set()


def test_retention_takes_the_store_before_or_after_its_action(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (["retention", "--db", str(store), "list"], ["retention", "list", "--db", str(store)]):
        assert main(args) == EXIT_OK, capsys.readouterr().err
    assert not default_store_path().exists()


def test_a_fault_in_the_program_shows_no_traceback(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import app.services.meetings.ics as ics

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(ics, "case_ics", broken)
    monkeypatch.setattr(ics, "meeting_ics", broken)
    code = main(["export-ics", _first_case(store), "-o", str(tmp_path / "x.ics"), "--db", str(store)])
    err = capsys.readouterr().err
    assert code in (EXIT_FAILED, EXIT_USAGE) and "Traceback" not in err
    code = main(
        [
            "export-plan",
            "K-1",
            "-o",
            str(tmp_path / "p.pdf"),
            "--db",
            str(store),
            "--for",
            "professional:" + "9" * 30,
        ]
    )
    err = capsys.readouterr().err
    assert code == EXIT_USAGE and "Traceback" not in err and "give the professional's id" in err


def test_the_sweep_never_takes_a_random_part_for_a_process_id() -> None:
    from app.store.safe_files import _TEMP_NAME

    for name, pid in (
        (".x.ics.123.12345678.koordinator-part", "123"),
        (".k.sqlite.backup-0002.77.ab12cd34.koordinator-part-journal", "77"),
    ):
        match = _TEMP_NAME.match(name)
        assert match is not None and match.group(1) == pid
    assert _TEMP_NAME.match(".x.ics.12345678.koordinator-part") is None
    assert _TEMP_NAME.match("plan-42.json") is None
