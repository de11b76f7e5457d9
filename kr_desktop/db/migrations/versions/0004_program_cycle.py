"""the Program's half-year cycle: amendment changes (old and new values per amount or measure)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

Reporting periods and progress entries were created by 0001; settings of this area (signatures,
the «due soon» threshold) are declared in code and stored in app_setting, so they need no table.
"""
from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('amendment_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('amendment_id', sa.Integer(), nullable=False),
    sa.Column('target', sa.String(length=32), nullable=False),
    sa.Column('direction_id', sa.Integer(), nullable=True),
    sa.Column('measure_id', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('owner_label', sa.Text(), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("target IN ('direction_funding', 'measure_funding', 'passport_funding', 'measure')", name=op.f('ck_amendment_change_target')),
    sa.ForeignKeyConstraint(['amendment_id'], ['amendment.id'], name=op.f('fk_amendment_change_amendment_id_amendment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['direction_id'], ['direction.id'], name=op.f('fk_amendment_change_direction_id_direction'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['measure_id'], ['measure.id'], name=op.f('fk_amendment_change_measure_id_measure'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source_id'], ['funding_source.id'], name=op.f('fk_amendment_change_source_id_funding_source')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_amendment_change'))
    )
    with op.batch_alter_table('amendment_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_amendment_change_amendment_id'), ['amendment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_amendment_change_direction_id'), ['direction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_amendment_change_measure_id'), ['measure_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('amendment_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_amendment_change_measure_id'))
        batch_op.drop_index(batch_op.f('ix_amendment_change_direction_id'))
        batch_op.drop_index(batch_op.f('ix_amendment_change_amendment_id'))
    op.drop_table('amendment_change')
