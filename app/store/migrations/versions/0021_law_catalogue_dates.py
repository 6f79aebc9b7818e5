"""the law catalogue's dates: the LAB sections as numbered from 1 January 2020, the old SEL
children's sections from 2011

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07

The catalogue is added to a store by code and never overwritten (a municipality may edit its
rows), so dates corrected in resources/law_sections.csv reach existing stores here — only
where a row still holds the date the program shipped. The LAB's numbering changed on
1 January 2020 (lov nr. 548 af 07/05/2019): the rows of the new numbering start then, and
rows of the old numbering (added at the next start) cover 2015-2019. An intervention stored
with a moved row keeps it (the section is checked again only when it or the start changes). New rows (old SEL
children's sections, the old LAB and LAS sections) are added by the program at start.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_LAB_2020 = (
    "LAB-40",
    "LAB-40-3",
    "LAB-KAP11",
    "LAB-KAP12",
    "LAB-KAP18",
    "LAB-KAP19",
    "LAB-KAP26",
)  # fleksjob (kap. 20) and the koordinerende sagsbehandler keep 2018: no row of the old numbering
_SEL_2011 = ("SEL-45", "SEL-76")
_SHIPPED = (date(2018, 1, 1), date(2018, 7, 1))


def _move(codes: tuple[str, ...], old: tuple[date, ...], new: date) -> None:
    statement = sa.text(
        "UPDATE law_sections SET valid_from = :new WHERE code IN :codes AND valid_from IN :old"
    ).bindparams(
        sa.bindparam("new", type_=sa.Date()),
        sa.bindparam("codes", expanding=True),
        sa.bindparam("old", expanding=True, type_=sa.Date()),
    )
    op.get_bind().execute(statement, {"new": new, "codes": list(codes), "old": list(old)})


def upgrade() -> None:
    _move(_LAB_2020, _SHIPPED, date(2020, 1, 1))
    _move(_SEL_2011, (date(2018, 1, 1),), date(2011, 1, 1))


def downgrade() -> None:
    _move(("LAB-40-3",), (date(2020, 1, 1),), date(2018, 7, 1))
    _move(_LAB_2020, (date(2020, 1, 1),), date(2018, 1, 1))
    _move(_SEL_2011, (date(2011, 1, 1),), date(2018, 1, 1))
