"""Migration 0013 on both stores: a 0011 store's goals keep whom they concern (citizen_id
becomes a row of goal_members; none stays the whole family's), the search index still finds
the goals, and the downgrade gives a goal of one member its member again (several: the
whole family)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import Engine

import app.store.migrate as migrate
from app.services.plan.plan_draft import PlanDraft
from app.services.search.search import Source, search_everything
from app.startup import open_context
from app.store import search_sql
from app.store.engine import create_store_engine
from app.store.location import resolve_store_url
from tests.factories import goal, load, new_family, open_draft, save

STAMP = "1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'old-program', 'old-program'"


def _to(engine: Engine, revision: str) -> None:
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # as app.store.migrate does
            conn.commit()
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        if revision < (migrate.current_revision(engine) or ""):
            command.downgrade(cfg, revision)
        else:
            command.upgrade(cfg, revision)
        conn.commit()


def _columns(engine: Engine, table: str) -> set[str]:
    from sqlalchemy import inspect

    return {c["name"] for c in inspect(engine).get_columns(table)}


def test_a_0011_store_keeps_whom_its_goals_concern_and_the_downgrade_gives_it_back(store_url: str) -> None:
    url = resolve_store_url(store_url)
    ctx = open_context(store_url, login="tester")
    family = new_family(ctx)
    pv_id = open_draft(ctx, family.case_id)
    one, two = (family["teen"],), tuple(sorted((family["teen"], family["child"])))
    save(
        ctx,
        pv_id,
        PlanDraft(
            goals=[
                goal("one", "Ida trives i svømmehallen", members=one),
                goal("two", "Børnene cykler i skole", members=two, parent="one"),
                goal("all", "Familien spiser aftensmad sammen"),
            ]
        ),
    )
    ctx.close()

    engine = create_store_engine(url)
    try:
        _to(engine, "0011")  # the program before: one citizen per goal
        assert "citizen_id" in _columns(engine, "goals")
        with engine.connect() as conn:
            stored = dict(conn.execute(text("SELECT goal_key, citizen_id FROM goals")).all())
            assert not conn.execute(
                text("SELECT count(*) FROM information_schema.tables WHERE table_name = 'goal_members'")
                if engine.dialect.name == "postgresql"
                else text("SELECT count(*) FROM sqlite_master WHERE name = 'goal_members'")
            ).scalar()
        assert stored == {"one": family["teen"], "two": None, "all": None}  # several: the whole family
        # The 0011 program writes a goal of its own, for the mother, with a word to search for.
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO goals (plan_version_id, goal_key, parent_id, citizen_id, level, text, "
                    "target_date, status, position, version, created_at, updated_at, created_by, updated_by) "
                    f"VALUES (:pv, 'old', NULL, :c, 'overall', 'Mette finder ro i kolonihaven', NULL, 'open', 9, {STAMP})"
                ),
                {"pv": pv_id, "c": family["mother"]},
            )
    finally:
        engine.dispose()

    ctx = open_context(store_url, login="tester")  # the program now: upgrades 0011 -> head
    try:
        view = load(ctx, family.case_id, pv_id)
        assert {g.goal_key: g.member_ids for g in view.goals} == {
            "one": one,
            "two": (),
            "all": (),
            "old": (family["mother"],),
        }
        assert "citizen_id" not in _columns(ctx.engine, "goals")
        with ctx.sessions() as s:
            stamped = s.execute(
                text(
                    "SELECT m.version, m.created_by FROM goal_members m JOIN goals g ON g.id = m.goal_id WHERE g.goal_key = 'old'"
                )
            ).all()
            assert stamped == [(1, "old-program")]
            for word, key in (("kolonihaven", "old"), ("svømmehallen", "one")):
                found = {h.item_id for h in search_everything(s, word).hits if h.source == Source.GOAL}
                ids = set(s.scalars(text("SELECT id FROM goals WHERE goal_key = :k"), {"k": key}))
                assert found == ids, word
        if ctx.store_kind == "sqlite":  # the rebuilt table's index triggers are back
            with ctx.engine.begin() as conn:
                conn.exec_driver_sql(
                    f"INSERT INTO {search_sql.GOALS.index} ({search_sql.GOALS.index}, rank) VALUES ('integrity-check', 1)"
                )
        # A goal written after the upgrade is found too (the triggers work).
        draft = PlanDraft.from_view(view)
        draft.goals.append(goal("new", "Karl lærer at svømme i Øresundsbadet", members=(family["child"],)))
        save(ctx, pv_id, draft)
        with ctx.sessions() as s:
            assert [h.source for h in search_everything(s, "Øresundsbadet").hits] == [Source.GOAL]
    finally:
        ctx.close()
