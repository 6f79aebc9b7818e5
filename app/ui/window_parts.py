"""The main window's parts that are not widgets: the store tables each page shows, the
store's sign of life, and the attribute made on first use (app/ui/main_window.py)."""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")

REACHABILITY_CHECK_MS = 60_000  # while all is well
RECONNECT_PROBE_MS = 2_000  # while the store does not answer
# Tables whose rows the case list shows (directly or in its columns).
CASE_LIST_TABLES = (
    "cases",
    "families",
    "family_members",
    "citizens",
    "meetings",
    "plan_versions",
    "agreements",
    "users",
    "tasks",
)
FAMILY_TABLES = ("families", "family_members", "citizens", "professionals")
CALENDAR_TABLES = ("meetings", "meeting_participants", "users")


class BuiltOnUse(Generic[T]):
    """An attribute made the first time it is read: the owner's method ``builder`` sets
    ``_<name>`` (and may set others alike); until then nothing of it is imported or built."""

    def __init__(self, builder: str) -> None:
        self.builder = builder
        self.slot = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}"

    def __get__(self, instance: object, owner: type | None = None) -> T:
        if instance is None:  # read on the class: the descriptor itself
            return self  # type: ignore[return-value]
        if getattr(instance, self.slot, None) is None:
            getattr(instance, self.builder)()
        value: T = getattr(instance, self.slot)
        return value


def probe(engine: object) -> bool:
    with engine.connect() as conn:  # type: ignore[attr-defined]
        conn.exec_driver_sql("SELECT 1")
    return True
