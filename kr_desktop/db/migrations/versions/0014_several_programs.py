"""several programs, the passport as items, provenance of values

Revision ID: 0014
Revises: 0009
Create Date: 2026-12-08

- ``program``: a status (draft / in force / ended), the program it succeeds, and a decision that
  may be still to come (``decision_date`` nullable; "" number). The passport's text columns
  (legal basis, developer, responsible, goal, expected results) become ``passport_item`` rows in
  the decision's order, so a program keeps every item its decision has (№1176: 1.1–1.10).
- ``stage.caption``: the line under «Додаток N» as the decision prints it.
- ``measure``: where its deadline and executors come from (printed / merged cell above /
  inferred) with a note.
- ``funding_phrase``: a source named with words instead of amounts.

No table is rebuilt: on SQLite a rebuild drops the table, and with foreign keys on that deletes
every stage and amendment (ON DELETE CASCADE). A NOT NULL column is made nullable by adding a
nullable one, copying, dropping the old one and renaming (ALTER TABLE … DROP/RENAME COLUMN).

A database holding the built-in Program №1176 gains what the first extraction left out (see
kr_desktop/db/builtin/restore.py): passport items 1.9 and 1.10, each annex's caption, the
provenance of its 39 cells not printed in their own row, the district-budget source of measure
4.4 of Додаток 1, and the ICT unit under the name Додатки 1–2 print. One journal line says so.
"""
import re

from alembic import op
import sqlalchemy as sa

revision = '0014'
down_revision = '0009'
branch_labels = None
depends_on = None

OLD_PASSPORT_COLUMNS = ('legal_basis', 'developer', 'responsible', 'goal', 'expected_results')


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == 'sqlite'
    op.create_table(
        'passport_item',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('program_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('caption', sa.Text(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('text', 'name', 'period', 'funding', 'results')",
                           name=op.f('ck_passport_item_kind')),
        sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_passport_item_program_id_program'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_passport_item')),
        sa.UniqueConstraint('program_id', 'position', name='uq_passport_item_position'),
    )
    op.create_table(
        'funding_phrase',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('direction_id', sa.Integer(), nullable=True),
        sa.Column('measure_id', sa.Integer(), nullable=True),
        sa.Column('source_id', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('from_year', sa.Integer(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.CheckConstraint('(direction_id IS NULL) <> (measure_id IS NULL)', name=op.f('ck_funding_phrase_one_owner')),
        sa.ForeignKeyConstraint(['direction_id'], ['direction.id'], name=op.f('fk_funding_phrase_direction_id_direction'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['measure_id'], ['measure.id'], name=op.f('fk_funding_phrase_measure_id_measure'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['source_id'], ['funding_source.id'],
                                name=op.f('fk_funding_phrase_source_id_funding_source')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_funding_phrase')),
        sa.UniqueConstraint('direction_id', 'measure_id', 'source_id', name='uq_funding_phrase'),
    )
    op.add_column('stage', sa.Column('caption', sa.Text(), nullable=False, server_default=''))
    for name, default in (('deadline_origin', 'printed'), ('deadline_note', ''), ('executors_origin', 'printed'),
                          ('executors_note', '')):
        kind = sa.String(length=16) if name.endswith('origin') else sa.Text()
        op.add_column('measure', sa.Column(name, kind, nullable=False, server_default=default))
    if not sqlite:  # SQLite cannot add a table CHECK without a rebuild; the service checks the values
        op.create_check_constraint('deadline_origin', 'measure', "deadline_origin IN ('printed', 'merged', 'inferred')")
        op.create_check_constraint('executors_origin', 'measure',
                                   "executors_origin IN ('printed', 'merged', 'inferred')")

    op.add_column('program', sa.Column('status', sa.String(length=16), nullable=False, server_default='active'))
    # predecessor_id without a foreign key: SQLite adds one to an existing table only by a rebuild
    op.add_column('program', sa.Column('predecessor_id', sa.Integer(), nullable=True))
    if not sqlite:
        op.create_check_constraint('status', 'program', "status IN ('draft', 'active', 'closed')")
    # decision_date becomes nullable (a draft has no decision yet)
    if sqlite:
        op.add_column('program', sa.Column('decided_on', sa.Date(), nullable=True))
        op.execute('UPDATE program SET decided_on = decision_date')
        op.execute('ALTER TABLE program DROP COLUMN decision_date')
        op.execute('ALTER TABLE program RENAME COLUMN decided_on TO decision_date')
    else:
        op.alter_column('program', 'decision_date', existing_type=sa.Date(), nullable=True)

    _passport_items_from_columns(bind)
    for name in OLD_PASSPORT_COLUMNS:
        if sqlite:
            op.execute(f'ALTER TABLE program DROP COLUMN {name}')
        else:
            op.drop_column('program', name)

    from kr_desktop.db.builtin.restore import restore_builtin_parts

    restore_builtin_parts(bind)


def _passport_items_from_columns(bind) -> None:
    """Each program's passport as items 1.1–1.8 in the layout of №1176 (the only layout the old
    columns could hold); №1176 gains 1.9 and 1.10 in restore_builtin_parts."""
    item = sa.table('passport_item', sa.column('program_id'), sa.column('position'), sa.column('kind'),
                    sa.column('caption'), sa.column('text'), sa.column('version'))
    rows = bind.execute(sa.text('SELECT id, legal_basis, developer, responsible, goal, expected_results FROM program'))
    for program_id, legal_basis, developer, responsible, goal, results in rows.all():
        items = [('name', 'Назва', '(надалі – Програма).'),
                 ('text', 'Підстава для розроблення', legal_basis),
                 ('text', 'Розробник Програми', developer),
                 ('text', 'Відповідальні за виконання', responsible),
                 ('text', 'Мета', goal),
                 ('period', '', ''),
                 ('funding', 'Загальні орієнтовні обсяги фінансування', ''),
                 ('results', 'Очікувані кінцеві результати виконання Програми', _unnumbered(results))]
        bind.execute(item.insert(), [dict(program_id=program_id, position=position, kind=kind, caption=caption,
                                          text=text or '', version=1)
                                     for position, (kind, caption, text) in enumerate(items, start=1)])


def _unnumbered(lines: str | None) -> str:
    """«1.8.1 створення умов…» → «створення умов…»: the print numbers the lines by the item's place."""
    return "\n".join(re.sub(r"^\d+(\.\d+)+\.?\s+", "", line) for line in (lines or "").splitlines() if line.strip())


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == 'sqlite'
    for name in OLD_PASSPORT_COLUMNS:
        op.add_column('program', sa.Column(name, sa.Text(), nullable=False, server_default=''))
    columns = {'Підстава для розроблення': 'legal_basis', 'Розробник Програми': 'developer',
               'Відповідальні за виконання': 'responsible', 'Мета': 'goal'}
    for program_id, position, kind, caption, text in bind.execute(sa.text(
            'SELECT program_id, position, kind, caption, text FROM passport_item')).all():
        column = 'expected_results' if kind == 'results' else columns.get(caption)
        if kind == 'results':
            text = "\n".join(f"1.{position}.{i} {line}" for i, line in enumerate(text.splitlines(), start=1))
        if column:
            bind.execute(sa.text(f'UPDATE program SET {column} = :text WHERE id = :id'), {'text': text, 'id': program_id})
    bind.execute(sa.text("UPDATE program SET decision_date = '1900-01-01' WHERE decision_date IS NULL"))
    if not sqlite:
        op.alter_column('program', 'decision_date', existing_type=sa.Date(), nullable=False)
        op.drop_constraint(op.f('ck_program_status'), 'program', type_='check')
        op.drop_constraint(op.f('ck_measure_deadline_origin'), 'measure', type_='check')
        op.drop_constraint(op.f('ck_measure_executors_origin'), 'measure', type_='check')
    op.drop_column('program', 'predecessor_id')
    op.drop_column('program', 'status')
    for name in ('executors_note', 'executors_origin', 'deadline_note', 'deadline_origin'):
        op.drop_column('measure', name)
    op.drop_column('stage', 'caption')
    op.drop_table('funding_phrase')
    op.drop_table('passport_item')
