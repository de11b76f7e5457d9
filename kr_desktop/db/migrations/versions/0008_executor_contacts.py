"""executor head and contacts

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

Each executor unit gains its head's position and name (the addressee of its reminder letter),
their dative forms when the user corrected the automatic declension ("" = decline
automatically), a phone and an e-mail. Plain ADD COLUMN with an empty default: no table rebuild,
so the search index's triggers on other tables are untouched.
"""
from alembic import op
import sqlalchemy as sa

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

COLUMNS = ('head_position', 'head_name', 'head_position_dative', 'head_name_dative', 'phone', 'email')


def upgrade() -> None:
    for name in COLUMNS:
        op.add_column('executor', sa.Column(name, sa.String(length=255), nullable=False, server_default=''))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35): a batch rebuild would drop ``executor``, which
    # the measures' links refer to.
    for name in reversed(COLUMNS):
        op.drop_column('executor', name)
