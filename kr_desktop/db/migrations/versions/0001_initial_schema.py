"""initial schema: program, stages, measures, executors, funding, progress

Revision ID: 0001
Revises: 
Create Date: 2026-11-30

Money columns hold integer kopecks (exact on SQLite and PostgreSQL).
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_meta'))
    )
    op.create_table('executor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('short_name', sa.String(length=255), nullable=False),
    sa.Column('sort_key', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_executor')),
    sa.UniqueConstraint('name', name=op.f('uq_executor_name'))
    )
    with op.batch_alter_table('executor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_executor_sort_key'), ['sort_key'], unique=False)

    op.create_table('funding_source',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('short_name', sa.String(length=120), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funding_source')),
    sa.UniqueConstraint('name', name=op.f('uq_funding_source_name'))
    )
    op.create_table('program',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('decision_number', sa.String(length=32), nullable=False),
    sa.Column('decision_date', sa.Date(), nullable=False),
    sa.Column('decision_title', sa.Text(), nullable=False),
    sa.Column('start_year', sa.Integer(), nullable=False),
    sa.Column('end_year', sa.Integer(), nullable=False),
    sa.Column('developer', sa.Text(), nullable=False),
    sa.Column('responsible', sa.Text(), nullable=False),
    sa.Column('goal', sa.Text(), nullable=False),
    sa.Column('legal_basis', sa.Text(), nullable=False),
    sa.Column('expected_results', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('start_year <= end_year', name=op.f('ck_program_years')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_program'))
    )
    op.create_table('reporting_period',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('half', sa.Integer(), nullable=False),
    sa.CheckConstraint('half IN (1, 2)', name=op.f('ck_reporting_period_half')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reporting_period')),
    sa.UniqueConstraint('year', 'half', name='uq_period')
    )
    op.create_table('amendment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_amendment_program_id_program'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_amendment')),
    sa.UniqueConstraint('program_id', 'date', 'number', name='uq_amendment_act')
    )
    op.create_table('passport_funding',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),  # kopecks
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_passport_funding_program_id_program'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['funding_source.id'], name=op.f('fk_passport_funding_source_id_funding_source')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_passport_funding')),
    sa.UniqueConstraint('program_id', 'year', 'source_id', name='uq_passport_cell')
    )
    op.create_table('stage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('annex_number', sa.Integer(), nullable=False),
    sa.Column('start_year', sa.Integer(), nullable=False),
    sa.Column('end_year', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('start_year <= end_year', name=op.f('ck_stage_years')),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_stage_program_id_program'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stage')),
    sa.UniqueConstraint('program_id', 'annex_number', name='uq_stage_annex')
    )
    op.create_table('direction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('stage_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('expected_results', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['stage_id'], ['stage.id'], name=op.f('fk_direction_stage_id_stage'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_direction')),
    sa.UniqueConstraint('stage_id', 'number', name='uq_direction_number')
    )
    op.create_table('measure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('direction_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('deadline_phrase', sa.Text(), nullable=False),
    sa.Column('deadline_kind', sa.String(length=32), nullable=False),
    sa.Column('deadline_months', sa.String(length=40), nullable=False),
    sa.Column('deadline_date', sa.Date(), nullable=True),
    sa.Column('deadline_year_from', sa.Integer(), nullable=True),
    sa.Column('deadline_year_to', sa.Integer(), nullable=True),
    sa.Column('executors_text', sa.Text(), nullable=False),
    sa.Column('expected_result', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('length(trim(text)) > 0', name=op.f('ck_measure_text_not_empty')),
    sa.ForeignKeyConstraint(['direction_id'], ['direction.id'], name=op.f('fk_measure_direction_id_direction'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measure')),
    sa.UniqueConstraint('direction_id', 'position', name='uq_measure_position')
    )
    op.create_table('measure_executor',
    sa.Column('measure_id', sa.Integer(), nullable=False),
    sa.Column('executor_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['executor_id'], ['executor.id'], name=op.f('fk_measure_executor_executor_id_executor'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['measure_id'], ['measure.id'], name=op.f('fk_measure_executor_measure_id_measure'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('measure_id', 'executor_id', name=op.f('pk_measure_executor'))
    )
    op.create_table('planned_funding',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('direction_id', sa.Integer(), nullable=True),
    sa.Column('measure_id', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),  # kopecks
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('(direction_id IS NULL) <> (measure_id IS NULL)', name=op.f('ck_planned_funding_one_owner')),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_planned_funding_amount_not_negative')),
    sa.ForeignKeyConstraint(['direction_id'], ['direction.id'], name=op.f('fk_planned_funding_direction_id_direction'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['measure_id'], ['measure.id'], name=op.f('fk_planned_funding_measure_id_measure'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['funding_source.id'], name=op.f('fk_planned_funding_source_id_funding_source')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_planned_funding')),
    sa.UniqueConstraint('direction_id', 'measure_id', 'source_id', 'year', name='uq_planned_cell')
    )
    op.create_table('progress_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('measure_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('narrative', sa.Text(), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('reported_by', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['measure_id'], ['measure.id'], name=op.f('fk_progress_entry_measure_id_measure'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['period_id'], ['reporting_period.id'], name=op.f('fk_progress_entry_period_id_reporting_period'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_entry')),
    sa.UniqueConstraint('measure_id', 'period_id', name='uq_progress_cell')
    )
    op.create_table('progress_amount',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),  # kopecks
    sa.CheckConstraint('amount >= 0', name=op.f('ck_progress_amount_amount_not_negative')),
    sa.ForeignKeyConstraint(['entry_id'], ['progress_entry.id'], name=op.f('fk_progress_amount_entry_id_progress_entry'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['funding_source.id'], name=op.f('fk_progress_amount_source_id_funding_source')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_amount')),
    sa.UniqueConstraint('entry_id', 'source_id', name='uq_progress_amount')
    )
    op.bulk_insert(
        sa.table("app_meta", sa.column("key", sa.String), sa.column("value", sa.Text)),
        [{"key": "application", "value": "kr_desktop"}],
    )


def downgrade() -> None:
    op.drop_table('progress_amount')
    op.drop_table('progress_entry')
    op.drop_table('planned_funding')
    op.drop_table('measure_executor')
    op.drop_table('measure')
    op.drop_table('direction')
    op.drop_table('stage')
    op.drop_table('passport_funding')
    op.drop_table('amendment')
    op.drop_table('reporting_period')
    op.drop_table('program')
    op.drop_table('funding_source')
    with op.batch_alter_table('executor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_executor_sort_key'))

    op.drop_table('executor')
    op.drop_table('app_meta')
