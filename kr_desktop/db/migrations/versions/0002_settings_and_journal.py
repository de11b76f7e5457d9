"""settings and change journal

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_setting',
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_setting'))
    )
    op.create_table('journal_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('changeset', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('operation', sa.String(length=8), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=64), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.Column('undo_of', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_journal_entry'))
    )
    with op.batch_alter_table('journal_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_journal_entry_actor'), ['actor'], unique=False)
        batch_op.create_index(batch_op.f('ix_journal_entry_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_journal_entry_changeset'), ['changeset'], unique=False)
        batch_op.create_index(batch_op.f('ix_journal_entry_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_journal_entry_table_name'), ['table_name'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('journal_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_journal_entry_table_name'))
        batch_op.drop_index(batch_op.f('ix_journal_entry_record_id'))
        batch_op.drop_index(batch_op.f('ix_journal_entry_changeset'))
        batch_op.drop_index(batch_op.f('ix_journal_entry_at'))
        batch_op.drop_index(batch_op.f('ix_journal_entry_actor'))

    op.drop_table('journal_entry')
    op.drop_table('app_setting')
