"""awards register: persons, award types, awards, honorary citizens

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30

Persons, award types (preloaded with the city's awards), awards, the ledger of certificate numbers
(never reused) and the Book of Honorary Citizens. Money columns hold integer kopecks.
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# name, name_key (kr_desktop.domain.award_values.type_key, frozen here), degrees, usual basis act,
# certificate issued, honorary title. Degrees are written with the Cyrillic «І» (U+0406).
PRELOADED_AWARD_TYPES = [
    ("Почесний громадянин міста Кривого Рогу", "почесний громадянин міста кривого рогу", 0, "council", True, True),
    ("Нагрудний знак «За заслуги перед містом»", "нагрудний знак за заслуги перед містом", 3, "executive", True, False),
    ("Почесна грамота виконкому міської ради", "почесна грамота виконкому міської ради", 0, "executive", False, False),
    ("Грамота виконкому міської ради", "грамота виконкому міської ради", 0, "executive", False, False),
    ("Подяка міського голови", "подяка міського голови", 0, "mayor", False, False),
    ("Грамота міського голови", "грамота міського голови", 0, "mayor", False, False),
]


def upgrade() -> None:
    op.create_table('award_type',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('name_key', sa.String(length=255), nullable=False),
    sa.Column('degrees', sa.Integer(), nullable=False),
    sa.Column('act_kind', sa.String(length=16), nullable=False),
    sa.Column('issues_certificate', sa.Boolean(), nullable=False),
    sa.Column('number_pattern', sa.String(length=64), nullable=False),
    sa.Column('honorary_title', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('degrees >= 0 AND degrees <= 5', name=op.f('ck_award_type_degrees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_type')),
    sa.UniqueConstraint('name', name=op.f('uq_award_type_name')),
    sa.UniqueConstraint('name_key', name=op.f('uq_award_type_name_key'))
    )
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('surname', sa.String(length=120), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('patronymic', sa.String(length=120), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('workplace', sa.Text(), nullable=False),
    sa.Column('position', sa.Text(), nullable=False),
    sa.Column('contacts', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('photo', sa.LargeBinary(), nullable=True),
    sa.Column('deceased', sa.Boolean(), nullable=False),
    sa.Column('death_date', sa.Date(), nullable=True),
    sa.Column('sort_key', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('name_key', sa.String(length=400), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("sex IN ('ч', 'ж')", name=op.f('ck_person_sex')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_name_key'), ['name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_sort_key'), ['sort_key'], unique=False)

    op.create_table('award',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('award_type_id', sa.Integer(), nullable=False),
    sa.Column('degree', sa.Integer(), nullable=True),
    sa.Column('act_kind', sa.String(length=16), nullable=False),
    sa.Column('act_number', sa.String(length=32), nullable=False),
    sa.Column('act_date', sa.Date(), nullable=True),
    sa.Column('nominated_by', sa.Text(), nullable=False),
    sa.Column('nomination_date', sa.Date(), nullable=True),
    sa.Column('certificate_number', sa.String(length=64), nullable=True),
    sa.Column('presented_on', sa.Date(), nullable=True),
    sa.Column('amount', sa.BigInteger(), nullable=True),
    sa.Column('posthumous', sa.Boolean(), nullable=False),
    sa.Column('revoked_act', sa.String(length=120), nullable=False),
    sa.Column('revoked_on', sa.Date(), nullable=True),
    sa.Column('revocation_reason', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('degree IS NULL OR degree >= 1', name=op.f('ck_award_degree')),
    sa.ForeignKeyConstraint(['award_type_id'], ['award_type.id'], name=op.f('fk_award_award_type_id_award_type'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_award_person_id_person'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award')),
    sa.UniqueConstraint('award_type_id', 'certificate_number', name='uq_award_certificate')
    )
    with op.batch_alter_table('award', schema=None) as batch_op:
        batch_op.create_index('ix_award_act_date', ['act_date'], unique=False)
        batch_op.create_index('ix_award_act_number', ['act_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_award_person_id'), ['person_id'], unique=False)
        batch_op.create_index('ix_award_type_degree', ['award_type_id', 'degree'], unique=False)

    op.create_table('honorary_book_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('entry_number', sa.Integer(), nullable=False),
    sa.Column('decision', sa.Text(), nullable=False),
    sa.Column('biography', sa.Text(), nullable=False),
    sa.Column('portrait', sa.LargeBinary(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_honorary_book_entry_person_id_person'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_honorary_book_entry')),
    sa.UniqueConstraint('entry_number', name=op.f('uq_honorary_book_entry_entry_number')),
    sa.UniqueConstraint('person_id', name=op.f('uq_honorary_book_entry_person_id'))
    )
    op.create_table('issued_certificate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('award_type_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=True),
    sa.Column('award_id', sa.Integer(), nullable=True),
    sa.Column('holder', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['award_id'], ['award.id'], name=op.f('fk_issued_certificate_award_id_award'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['award_type_id'], ['award_type.id'], name=op.f('fk_issued_certificate_award_type_id_award_type'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_certificate')),
    sa.UniqueConstraint('award_type_id', 'number', name='uq_issued_certificate_number')
    )
    with op.batch_alter_table('issued_certificate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_certificate_award_id'), ['award_id'], unique=False)
        batch_op.create_index('ix_issued_certificate_sequence', ['award_type_id', 'sequence'], unique=False)


    award_type = sa.table(
        "award_type", sa.column("id", sa.Integer), sa.column("name", sa.String), sa.column("name_key", sa.String),
        sa.column("degrees", sa.Integer), sa.column("act_kind", sa.String),
        sa.column("issues_certificate", sa.Boolean), sa.column("number_pattern", sa.String),
        sa.column("honorary_title", sa.Boolean), sa.column("position", sa.Integer), sa.column("version", sa.Integer))
    op.bulk_insert(award_type, [
        dict(id=i, name=name, name_key=key, degrees=degrees, act_kind=act, issues_certificate=cert,
             number_pattern="{n}", honorary_title=honorary, position=i, version=1)
        for i, (name, key, degrees, act, cert, honorary) in enumerate(PRELOADED_AWARD_TYPES, start=1)
    ])


def downgrade() -> None:
    with op.batch_alter_table('issued_certificate', schema=None) as batch_op:
        batch_op.drop_index('ix_issued_certificate_sequence')
        batch_op.drop_index(batch_op.f('ix_issued_certificate_award_id'))

    op.drop_table('issued_certificate')
    op.drop_table('honorary_book_entry')
    with op.batch_alter_table('award', schema=None) as batch_op:
        batch_op.drop_index('ix_award_type_degree')
        batch_op.drop_index(batch_op.f('ix_award_person_id'))
        batch_op.drop_index('ix_award_act_number')
        batch_op.drop_index('ix_award_act_date')

    op.drop_table('award')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_sort_key'))
        batch_op.drop_index(batch_op.f('ix_person_name_key'))

    op.drop_table('person')
    op.drop_table('award_type')
