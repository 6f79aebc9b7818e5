from __future__ import annotations

import pytest

from tests.services.team.team_builders import Team, build_team


@pytest.fixture
def team(sqlite_context) -> Team:  # type: ignore[no-untyped-def]
    return build_team(sqlite_context)
