"""events, award materials stock, declension corrections

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30

Events with invitees and presented awards, the directory of yearly recurring dates (preloaded),
award materials stock (items and the materials each award type takes, preloaded; movements) and
the user's corrections of declined names.
"""
from alembic import op
import sqlalchemy as sa

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# title, day, month, kind. Kinds: kr_desktop.domain.events.EVENT_KINDS. The City Day is set each year
# by the mayor's order (usually the last weekend of May): the preloaded day is a default to adjust.
PRELOADED_RECURRING_DATES = [
    ("День Соборності України", 22, 1, "state_holiday"),
    ("День Героїв Небесної Сотні", 20, 2, "memorable_date"),
    ("День пам’яті та перемоги над нацизмом у Другій світовій війні", 8, 5, "memorable_date"),
    ("Урочистий прийом Почесних громадян міста Кривого Рогу міським головою", 24, 5, "honorary_reception"),
    ("День міста Кривого Рогу", 25, 5, "city_day"),
    ("День Конституції України", 28, 6, "state_holiday"),
    ("День Української Державності", 15, 7, "state_holiday"),
    ("День Державного Прапора України", 23, 8, "state_holiday"),
    ("День Незалежності України", 24, 8, "state_holiday"),
    ("День захисників і захисниць України", 1, 10, "state_holiday"),
    ("День Гідності та Свободи", 21, 11, "memorable_date"),
    ("День Збройних Сил України", 6, 12, "professional_holiday"),
    ("День місцевого самоврядування", 7, 12, "professional_holiday"),
]

# name, low-stock threshold
PRELOADED_STOCK_ITEMS = [
    ("Нагрудний знак «За заслуги перед містом» І ступеня", 3),
    ("Нагрудний знак «За заслуги перед містом» ІІ ступеня", 5),
    ("Нагрудний знак «За заслуги перед містом» ІІІ ступеня", 10),
    ("Футляр для нагрудного знака", 10),
    ("Бланк посвідчення до нагрудного знака «За заслуги перед містом»", 10),
    ("Бланк посвідчення Почесного громадянина міста Кривого Рогу", 2),
    ("Диплом Почесного громадянина міста Кривого Рогу", 2),
    ("Стрічка «Почесний громадянин міста»", 2),
    ("Бланк Почесної грамоти виконкому міської ради", 20),
    ("Бланк Грамоти виконкому міської ради", 20),
    ("Бланк Подяки міського голови", 20),
    ("Бланк Грамоти міського голови", 20),
]

# award type name (from 0003), degree (None: any), item number in PRELOADED_STOCK_ITEMS (1-based)
PRELOADED_MATERIALS = [
    ("Почесний громадянин міста Кривого Рогу", None, 6),
    ("Почесний громадянин міста Кривого Рогу", None, 7),
    ("Почесний громадянин міста Кривого Рогу", None, 8),
    ("Нагрудний знак «За заслуги перед містом»", 1, 1),
    ("Нагрудний знак «За заслуги перед містом»", 2, 2),
    ("Нагрудний знак «За заслуги перед містом»", 3, 3),
    ("Нагрудний знак «За заслуги перед містом»", None, 4),
    ("Нагрудний знак «За заслуги перед містом»", None, 5),
    ("Почесна грамота виконкому міської ради", None, 9),
    ("Грамота виконкому міської ради", None, 10),
    ("Подяка міського голови", None, 11),
    ("Грамота міського голови", None, 12),
]


def upgrade() -> None:
    op.create_table('recurring_date',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=255), nullable=False),
    sa.Column('day', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('place', sa.Text(), nullable=False),
    sa.Column('start_time', sa.String(length=5), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('day >= 1 AND day <= 31 AND month >= 1 AND month <= 12', name=op.f('ck_recurring_date_day_month')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recurring_date')),
    sa.UniqueConstraint('title', name=op.f('uq_recurring_date_title'))
    )
    op.create_table('stock_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('unit', sa.String(length=16), nullable=False),
    sa.Column('low_threshold', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('low_threshold >= 0', name=op.f('ck_stock_item_low_threshold')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_item')),
    sa.UniqueConstraint('name', name=op.f('uq_stock_item_name'))
    )
    op.create_table('award_material',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('award_type_id', sa.Integer(), nullable=False),
    sa.Column('degree', sa.Integer(), nullable=True),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_award_material_quantity')),
    sa.ForeignKeyConstraint(['award_type_id'], ['award_type.id'], name=op.f('fk_award_material_award_type_id_award_type'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_id'], ['stock_item.id'], name=op.f('fk_award_material_item_id_stock_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_material')),
    sa.UniqueConstraint('award_type_id', 'degree', 'item_id', name='uq_award_material_item')
    )
    op.create_table('name_correction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('grammatical_case', sa.String(length=16), nullable=False),
    sa.Column('surname', sa.String(length=120), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('patronymic', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_name_correction_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_name_correction')),
    sa.UniqueConstraint('person_id', 'grammatical_case', name='uq_name_correction_case')
    )
    op.create_table('stock_movement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('moved_on', sa.Date(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('award_id', sa.Integer(), nullable=True),
    sa.Column('supplier', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('receipt', 'issue', 'writeoff')", name=op.f('ck_stock_movement_kind')),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_stock_movement_quantity')),
    sa.ForeignKeyConstraint(['award_id'], ['award.id'], name=op.f('fk_stock_movement_award_id_award'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_id'], ['stock_item.id'], name=op.f('fk_stock_movement_item_id_stock_item'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_movement'))
    )
    op.create_index(op.f('ix_stock_movement_award_id'), 'stock_movement', ['award_id'], unique=False)
    op.create_index('ix_stock_movement_item_date', 'stock_movement', ['item_id', 'moved_on'], unique=False)
    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.String(length=5), nullable=False),
    sa.Column('place', sa.Text(), nullable=False),
    sa.Column('executor_id', sa.Integer(), nullable=True),
    sa.Column('measure_id', sa.Integer(), nullable=True),
    sa.Column('recurring_date_id', sa.Integer(), nullable=True),
    sa.Column('programme', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['executor_id'], ['executor.id'], name=op.f('fk_event_executor_id_executor'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['measure_id'], ['measure.id'], name=op.f('fk_event_measure_id_measure'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['recurring_date_id'], ['recurring_date.id'], name=op.f('fk_event_recurring_date_id_recurring_date'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event')),
    sa.UniqueConstraint('recurring_date_id', 'event_date', name='uq_event_recurring_day')
    )
    op.create_index(op.f('ix_event_event_date'), 'event', ['event_date'], unique=False)
    op.create_table('event_award',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('award_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['award_id'], ['award.id'], name=op.f('fk_event_award_award_id_award'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_award_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_award')),
    sa.UniqueConstraint('award_id', name=op.f('uq_event_award_award_id'))
    )
    op.create_index('ix_event_award_order', 'event_award', ['event_id', 'position'], unique=False)
    op.create_table('event_invitee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('attended', sa.Boolean(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_invitee_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_event_invitee_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_invitee')),
    sa.UniqueConstraint('event_id', 'person_id', name='uq_event_invitee_person')
    )
    op.create_index(op.f('ix_event_invitee_person_id'), 'event_invitee', ['person_id'], unique=False)

    recurring = sa.table("recurring_date", sa.column("id", sa.Integer), sa.column("title", sa.String),
                         sa.column("day", sa.Integer), sa.column("month", sa.Integer), sa.column("kind", sa.String),
                         sa.column("place", sa.Text), sa.column("start_time", sa.String),
                         sa.column("active", sa.Boolean), sa.column("version", sa.Integer))
    op.bulk_insert(recurring, [dict(id=i, title=title, day=day, month=month, kind=kind, place="", start_time="",
                                    active=True, version=1)
                               for i, (title, day, month, kind) in enumerate(PRELOADED_RECURRING_DATES, start=1)])
    items = sa.table("stock_item", sa.column("id", sa.Integer), sa.column("name", sa.String),
                     sa.column("unit", sa.String), sa.column("low_threshold", sa.Integer),
                     sa.column("position", sa.Integer), sa.column("active", sa.Boolean),
                     sa.column("version", sa.Integer))
    op.bulk_insert(items, [dict(id=i, name=name, unit="шт.", low_threshold=low, position=i, active=True, version=1)
                           for i, (name, low) in enumerate(PRELOADED_STOCK_ITEMS, start=1)])
    award_type = sa.table("award_type", sa.column("id", sa.Integer), sa.column("name", sa.String))
    type_ids = dict((name, id_) for id_, name in op.get_bind().execute(sa.select(award_type.c.id, award_type.c.name)))
    materials = sa.table("award_material", sa.column("id", sa.Integer), sa.column("award_type_id", sa.Integer),
                         sa.column("degree", sa.Integer), sa.column("item_id", sa.Integer),
                         sa.column("quantity", sa.Integer))
    op.bulk_insert(materials, [dict(id=i, award_type_id=type_ids[name], degree=degree, item_id=item, quantity=1)
                               for i, (name, degree, item) in enumerate(PRELOADED_MATERIALS, start=1)
                               if name in type_ids])


def downgrade() -> None:
    op.drop_index(op.f('ix_event_invitee_person_id'), table_name='event_invitee')
    op.drop_table('event_invitee')
    op.drop_index('ix_event_award_order', table_name='event_award')
    op.drop_table('event_award')
    op.drop_index(op.f('ix_event_event_date'), table_name='event')
    op.drop_table('event')
    op.drop_index('ix_stock_movement_item_date', table_name='stock_movement')
    op.drop_index(op.f('ix_stock_movement_award_id'), table_name='stock_movement')
    op.drop_table('stock_movement')
    op.drop_table('name_correction')
    op.drop_table('award_material')
    op.drop_table('stock_item')
    op.drop_table('recurring_date')
