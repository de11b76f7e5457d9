"""Roman numerals in Latin letters

Revision ID: 0010
Revises: 0011
Create Date: 2026-12-06

The documents and screens write Roman numerals in one style, Latin letters (kr_desktop.text.wording:
Cyrillic «І» has no V or X, so «ІV» mixed two alphabets). The preloaded stock items (0005) named
the badge's degrees with Cyrillic «І»: the same names with Latin numerals. Only the numeral before
«ступеня» changes, in the names as preloaded or typed alike; downgrade writes them back.
"""
from alembic import op

revision = '0010'
down_revision = '0011'
branch_labels = None
depends_on = None

# Longest first: «ІІ ступеня» ends with «І ступеня».
NUMERALS = (("ІІІ", "III"), ("ІІ", "II"), ("І", "I"))


def _rename(pairs) -> None:
    for before, after in pairs:
        op.execute(f"UPDATE stock_item SET name = REPLACE(name, ' {before} ступеня', ' {after} ступеня') "
                   f"WHERE name LIKE '% {before} ступеня%'")


def upgrade() -> None:
    _rename(NUMERALS)


def downgrade() -> None:
    _rename((latin, cyrillic) for cyrillic, latin in NUMERALS)
