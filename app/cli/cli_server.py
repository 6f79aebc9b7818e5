"""The commands that set up and change a store for IT: migrate, server-init, add-caseworker
(each opens the store as its owner, after checks that keep it from changing what is not its)."""

from __future__ import annotations

import argparse
import sys

from app.cli.cli_common import EXIT_OK, EXIT_USAGE


def admin_engine(db: str | None, command: str):  # type: ignore[no-untyped-def]
    """The engine for migrate, server-init and add-caseworker, after the checks that keep them
    from making or changing what is not theirs: server-init needs a server; a file that is not
    a store, or a server database with another program's tables, is refused untouched; a new
    local store is made whole or not at all (migrate only)."""
    from app.store.engine import check_reachable, create_store_engine
    from app.store.errors import NoStoreError
    from app.store.location import resolve_store_url, sqlite_file
    from app.store.opening import check_server_database, check_sqlite_store, create_sqlite_store

    url = resolve_store_url(db)
    path = sqlite_file(url)
    if path is not None:
        from app.store.server import ServerSetupError

        if command == "server-init":
            raise ServerSetupError(
                "server-init is for a PostgreSQL server; a local SQLite file needs no set-up"
            )
        if path.exists() or path.is_symlink():
            check_sqlite_store(path)  # a file that is not a store is refused untouched
        elif command == "migrate":
            create_sqlite_store(url, path)
        else:
            raise NoStoreError(f"no store at {path}")
    engine = create_store_engine(url)
    try:
        check_reachable(engine)
        if path is None:
            check_server_database(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def run_migrate(db: str | None) -> int:
    from app.store.location import resolve_store_url, sqlite_file
    from app.store.migrate import current_revision, upgrade_store

    path = sqlite_file(resolve_store_url(db))
    new = path is not None and not path.exists()
    engine = admin_engine(db, "migrate")
    try:
        before = None if new else current_revision(engine)
        backup = upgrade_store(engine)
        after = current_revision(engine)
        secured = False
        if engine.dialect.name == "postgresql":
            from app.store.server import apply_security, security_applied

            with engine.begin() as conn:
                if security_applied(conn):
                    apply_security(conn)  # new tables get their policies
                    secured = True
        load_catalogue_if_empty(engine)
    finally:
        engine.dispose()
    if new:
        print(f"A new store was made at {path} (schema {after}).")
    elif before == after:
        print(f"The schema is up to date ({after}).")
    else:
        print(f"Schema upgraded from {before or 'empty'} to {after}.")
    if backup is not None:
        print(f"Backup of the file before the upgrade: {backup}")
    if secured:
        print("Access rules (the caseworkers' reach views) renewed.")
    return EXIT_OK


def load_catalogue_if_empty(engine) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from app.models import LawSection
    from app.services.family.law_catalogue import load_catalogue

    with Session(engine) as session, session.begin():
        if not session.scalar(select(func.count(LawSection.id))):
            load_catalogue(session)


def run_server_init(db: str | None) -> int:
    from app.store.server import init_server

    engine = admin_engine(db, "server-init")
    try:
        created = init_server(engine)
        load_catalogue_if_empty(engine)
    finally:
        engine.dispose()
    print(
        "The server is set up: schema, access rules (caseworkers reach their cases through views only) and group roles."
    )
    if created:
        print("New group roles: " + ", ".join(created))
    print("Next: koordinator add-caseworker LOGIN --name '…' --team '…' --db …")
    return EXIT_OK


def run_add_caseworker(args: argparse.Namespace, db: str | None) -> int:
    import getpass

    from app.models.enums import UserRole
    from app.store.server import add_caseworker

    prog = "koordinator add-caseworker"
    password = None
    if args.password_prompt:
        if not sys.stdin.isatty():
            print(f"{prog}: --password-prompt needs a terminal to type the password in", file=sys.stderr)
            return EXIT_USAGE
        password = getpass.getpass(f"Password for {args.login}: ")
        if password != getpass.getpass("The same password again: "):
            print(f"{prog}: the two passwords differ; nothing was changed", file=sys.stderr)
            return EXIT_USAGE
        if len(password) < 12:
            print(f"{prog}: use at least 12 characters; nothing was changed", file=sys.stderr)
            return EXIT_USAGE
    engine = admin_engine(db, "add-caseworker")
    try:
        new = add_caseworker(
            engine,
            args.login,
            args.name,
            role=UserRole(args.role),
            team=args.team,
            email=args.email,
            phone=args.phone,
            department=args.department,
            password=password,
        )
    finally:
        engine.dispose()
    print(f"{'Added' if new else 'Updated'} {args.login} ({args.role}, team {args.team or '–'}).")
    return EXIT_OK
