"""decision wording: preambles per award type, corrected forms of positions

Revision ID: 0013
Revises: 0008
Create Date: 2026-12-07

Each award type gains the preamble of its draft decisions ("" = the default for its kind: the
Положення про звання for the honorary title, the awards regulation for the rest). A new table
keeps the user's corrected form of a position or workplace phrase in a grammatical case («гірник
очисного вибою» → «гірника очисного вибою»), used for every person with that phrase. Plain ADD
COLUMN and CREATE TABLE: no table rebuild.
"""
from alembic import op
import sqlalchemy as sa

revision = '0013'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('award_type', sa.Column('decision_preamble', sa.Text(), nullable=False, server_default=''))
    op.create_table(
        'phrase_correction',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('phrase_key', sa.String(length=600), nullable=False),
        sa.Column('grammatical_case', sa.String(length=16), nullable=False),
        sa.Column('phrase', sa.Text(), nullable=False),
        sa.Column('form', sa.Text(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_phrase_correction')),
        sa.UniqueConstraint('phrase_key', 'grammatical_case', name='uq_phrase_correction_case'),
    )


def downgrade() -> None:
    op.drop_table('phrase_correction')
    op.drop_column('award_type', 'decision_preamble')
