"""A shared store on the real PostgreSQL server, set up as IT would: server-init, two teams,
a caseworker role per person, demo families spread over the teams."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import psycopg
from sqlalchemy import select, text, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session

from app.models import Case, User
from app.models.enums import Relation, UserRole
from app.services.cases.cases import CaseInput, MemberInput
from app.services.demo.demo import generate_demo
from app.store.engine import create_store_engine
from app.store.server import add_caseworker, drop_login_roles, init_server


@dataclass
class SharedStore:
    admin_url: str  # the superuser's URL (IT)
    prefix: str
    logins: dict[str, str] = field(default_factory=dict)  # short name -> role name
    cases: dict[str, list[int]] = field(default_factory=dict)  # team -> case ids

    def url_for(self, who: str) -> str:
        return make_url(self.admin_url).set(username=self.logins[who]).render_as_string(hide_password=False)

    def engine_for(self, who: str) -> Engine:
        return create_store_engine(make_url(self.url_for(who)))

    def admin_sql(self, sql: str, **params: object) -> list[tuple]:
        """Run ``sql`` as IT (the superuser); the rows, if it returns any."""
        engine = create_store_engine(make_url(self.admin_url))
        try:
            with engine.begin() as conn:
                result = conn.execute(text(sql), params)
                return [tuple(r) for r in result] if result.returns_rows else []
        finally:
            engine.dispose()

    def psql(self, who: str) -> psycopg.Connection:
        """What a caseworker gets with their own login and psql (autocommit)."""
        url = make_url(self.url_for(who))
        return psycopg.connect(
            f"host={url.host} port={url.port or 5432} user={url.username} dbname={url.database}",
            autocommit=True,
        )

    def reached_cases(self, who: str) -> set[int]:
        """The ids of the cases the login reaches (what its own connection reads)."""
        engine = self.engine_for(who)
        try:
            with engine.connect() as conn:
                return {int(r[0]) for r in conn.execute(text("SELECT id FROM cases"))}
        finally:
            engine.dispose()


PEOPLE = {
    "anna": ("Anna Andersen", "A", UserRole.CASEWORKER),
    "ali": ("Ali Aydin", "A", UserRole.CASEWORKER),
    "bo": ("Bo Berg", "B", UserRole.CASEWORKER),
    "lead_a": ("Lene Lund", "A", UserRole.TEAM_LEAD),
    "reader": ("Rita Ro", "A", UserRole.READ_ONLY),
    "admin": ("Ida Admin", "", UserRole.ADMIN),
}


def a_parent_and_child(
    surname: str, parent: tuple[str, str], child: tuple[str, str], coordinator_id: int
) -> CaseInput:
    """A new family case of a custody-holding parent and a child, each (first name, CPR)."""
    return CaseInput(
        family_name=f"Familien {surname}",
        members=[
            MemberInput(parent[0], surname, parent[1], Relation.PARENT, custody=True),
            MemberInput(child[0], surname, child[1], Relation.CHILD),
        ],
        coordinator_id=coordinator_id,
    )


def make_shared_store(admin_url: str, families: int = 6) -> SharedStore:
    store = SharedStore(admin_url, f"kt{uuid.uuid4().hex[:8]}")
    engine = create_store_engine(make_url(admin_url))
    try:
        init_server(engine)
        for who, (name, team, role) in PEOPLE.items():
            login = f"{store.prefix}_{who}"
            add_caseworker(engine, login, name, role=role, team=team)
            store.logins[who] = login
        with Session(engine) as session, session.begin():
            generate_demo(session, families=families, seed=7, my_login=store.logins["anna"])
            ids = {
                who: session.scalar(select(User.id).where(User.login == login))
                for who, login in store.logins.items()
            }
            case_ids = list(session.scalars(select(Case.id).order_by(Case.id)))
            # Lise's case (the first) and every other case to team A, the rest to team B.
            for index, case_id in enumerate(case_ids):
                owner = ("anna" if index % 4 == 0 else "ali") if index % 2 == 0 else "bo"
                session.execute(
                    update(Case).where(Case.id == case_id).values(coordinator_id=ids[owner], partner_id=None)
                )
                store.cases.setdefault("A" if owner != "bo" else "B", []).append(case_id)
    finally:
        engine.dispose()
    return store


def drop_shared_store(store: SharedStore) -> None:
    engine = create_store_engine(make_url(store.admin_url))
    try:
        # A window's store lane may still be reading as one of the logins: its session ends
        # first, or dropping the login's views waits on it (and, on a busy machine, deadlocks).
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ANY(%(logins)s)",
                {"logins": list(store.logins.values())},
            )
        drop_login_roles(engine, store.logins.values())
    finally:
        engine.dispose()
