"""The journal's lock on a shared server: the write rules' SQL that refuses to change a journal
entry (or the persons it concerns) once its time to be changed has passed. Text only;
app/store/reach_sql.py puts it into the write functions of ``journal_entries`` and
``journal_entry_members``. The program's own check (app/services/journal/) is the same rule."""

from __future__ import annotations

# How long a journal entry may be changed after it is written, unless the store says
# otherwise (store_settings ``journal_lock_hours``: up to six digits, else the default).
JOURNAL_LOCK_HOURS = 24
JOURNAL_LOCK_SETTING = "journal_lock_hours"


# The hours as the server reads them from the setting (the program's own reading, in
# app/services/common/store_settings.py, is held to the same by a test).
LOCK_HOURS_SQL = (
    f"coalesce((SELECT s.value::integer FROM store_settings s WHERE s.key = '{JOURNAL_LOCK_SETTING}'"
    f" AND s.value ~ '^[0-9]{{1,6}}$'), {JOURNAL_LOCK_HOURS})"
)


def journal_locked(entry: str) -> str:
    """Whether the journal entry ``entry`` (a row) is past its time to be changed."""
    return f"({entry}).created_at < now() - make_interval(hours => {LOCK_HOURS_SQL})"


_REFUSE = """RAISE EXCEPTION 'a journal entry is locked once its time to change it has passed: write a correction'
                USING ERRCODE = 'insufficient_privilege';"""


def journal_guard(table: str) -> str:
    """The start of the write function of ``table``: a locked entry is neither changed nor
    deleted, nor are the persons it concerns — none removed, changed or added, and none
    moved onto a locked entry. (Each test in an IF of its own: NEW is NULL in a DELETE.)"""
    if table == "journal_entries":
        return f"""IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF {journal_locked("OLD")} THEN
            {_REFUSE}
        END IF;
    END IF;"""
    entry = "(SELECT j FROM journal_entries j WHERE j.id = {}.entry_id)"
    return f"""IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF {journal_locked(entry.format("OLD"))} THEN
            {_REFUSE}
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF {journal_locked(entry.format("NEW"))} THEN
            {_REFUSE}
        END IF;
    END IF;"""
