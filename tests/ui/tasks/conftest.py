"""The tasks tab's tests start from a store without tasks (the demo makes some of its own)."""

from __future__ import annotations

import pytest
from sqlalchemy import delete

from app.models import Task
from app.services.common.context import AppContext


@pytest.fixture
def demo_context(demo_context: AppContext) -> AppContext:
    with demo_context.sessions.begin() as session:
        session.execute(delete(Task))
    return demo_context
