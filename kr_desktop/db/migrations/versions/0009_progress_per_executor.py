"""progress entries per executor

Revision ID: 0009
Revises: 0010 (0008 when written; re-chained after 0013, 0011 and 0010 landed on main)
Create Date: 2026-12-06

A half-year entry belonged to (period, measure): one co-executor's report turned the others of a
joint measure green. Now it belongs to (period, measure, executor). Each existing entry moves to
the executor who entered it — its «хто звітував» names one of the measure's executors (the grid
filled it with the executor's name) — or else to the measure's first executor; a measure without
executors keeps its entry unassigned (NULL, at most one per period). Every move is journaled
(one changeset, «оновлення бази даних» as the actor), so the journal says where each report went.

Also: ``app_meta.progress_forms_key``, the secret that signs the executors' Excel forms of this
database (services/progress_forms), so a returned form is recognised as made here for that
executor and period, unchanged outside its fill-in cells.

SQLite rebuilds ``progress_entry`` to change its unique constraint; the rebuild drops the old
table, which with foreign keys on deletes its amounts (ON DELETE CASCADE): they are kept aside
and put back.
"""
import datetime as dt
import json
import secrets
import uuid

from alembic import op
import sqlalchemy as sa

revision = '0009'
down_revision = '0010'
branch_labels = None
depends_on = None

ACTOR = "оновлення бази даних"
LABEL = ("Звіти виконавців розподілено за виконавцями: кожен звіт — виконавцю, що його вніс, "
         "або першому виконавцю заходу")
FORMS_KEY = "progress_forms_key"
ENTRY_COLUMNS = ("id", "measure_id", "period_id", "status", "narrative", "reasons", "received_on", "reported_by",
                 "version")


def _folded(text) -> str:
    text = " ".join(str(text or "").replace("\u2019", "'").replace("\u02bc", "'").split())
    return text.casefold()


def _plain(value):
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _save_amounts(bind) -> list[dict]:
    rows = bind.execute(sa.text("SELECT id, entry_id, source_id, amount FROM progress_amount")).mappings()
    return [dict(row) for row in rows]


def _restore_amounts(bind, amounts: list[dict]) -> None:
    """Put back the amounts the rebuild's DROP TABLE deleted by cascade."""
    present = {row[0] for row in bind.execute(sa.text("SELECT id FROM progress_amount"))}
    missing = [row for row in amounts if row["id"] not in present]
    if missing:
        bind.execute(sa.text("INSERT INTO progress_amount (id, entry_id, source_id, amount) "
                             "VALUES (:id, :entry_id, :source_id, :amount)"), missing)


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == 'sqlite'
    amounts = _save_amounts(bind) if sqlite else []
    with op.batch_alter_table('progress_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('executor_id', sa.Integer(), nullable=True))
        batch_op.drop_constraint('uq_progress_cell', type_='unique')
        batch_op.create_unique_constraint('uq_progress_cell', ['period_id', 'measure_id', 'executor_id'])
        batch_op.create_index(batch_op.f('ix_progress_entry_executor_id'), ['executor_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_progress_entry_executor_id_executor'), 'executor',
                                    ['executor_id'], ['id'], ondelete='RESTRICT')
    if sqlite:
        _restore_amounts(bind, amounts)
    _assign_entries(bind)
    op.create_index('uq_progress_cell_unassigned', 'progress_entry', ['period_id', 'measure_id'], unique=True,
                    sqlite_where=sa.text('executor_id IS NULL'), postgresql_where=sa.text('executor_id IS NULL'))
    bind.execute(sa.text("INSERT INTO app_meta (key, value) VALUES (:key, :value)"),
                 {"key": FORMS_KEY, "value": secrets.token_hex(32)})


def _assign_entries(bind) -> None:
    executors = {row.id: (row.name, row.short_name) for row in bind.execute(
        sa.text("SELECT id, name, short_name FROM executor"))}
    by_name: dict[str, int] = {}
    for executor_id, (name, short_name) in executors.items():
        for text in (name, short_name):
            if _folded(text):
                by_name.setdefault(_folded(text), executor_id)
    of_measure: dict[int, list[int]] = {}
    for measure_id, executor_id in bind.execute(sa.text(
            "SELECT measure_id, executor_id FROM measure_executor ORDER BY measure_id, position, executor_id")):
        of_measure.setdefault(measure_id, []).append(executor_id)
    entries = bind.execute(sa.text(f"SELECT {', '.join(ENTRY_COLUMNS)} FROM progress_entry ORDER BY id")).mappings()
    changeset, now, journal = str(uuid.uuid4()), dt.datetime.now().replace(microsecond=0), []
    for entry in list(entries):
        linked = of_measure.get(entry["measure_id"], [])
        reporter = by_name.get(_folded(entry["reported_by"]))
        if reporter in linked or (not linked and reporter is not None):
            executor_id = reporter
        else:
            executor_id = linked[0] if linked else None
        if executor_id is None:
            continue
        bind.execute(sa.text("UPDATE progress_entry SET executor_id = :executor, version = version + 1 "
                             "WHERE id = :id"), {"executor": executor_id, "id": entry["id"]})
        before = {key: _plain(entry[key]) for key in ENTRY_COLUMNS} | {"executor_id": None}
        after = before | {"executor_id": executor_id, "version": entry["version"] + 1}
        journal.append(dict(changeset=changeset, at=now, actor=ACTOR, label=LABEL, operation="update",
                            table_name="progress_entry", record_id=str(entry["id"]),
                            before=json.dumps(before, ensure_ascii=False, sort_keys=True),
                            after=json.dumps(after, ensure_ascii=False, sort_keys=True)))
    if journal:
        bind.execute(sa.text("INSERT INTO journal_entry (changeset, at, actor, label, operation, table_name, "
                             "record_id, before, after) VALUES (:changeset, :at, :actor, :label, :operation, "
                             ":table_name, :record_id, :before, :after)"), journal)


def downgrade() -> None:
    # Back to one entry per (period, measure): the first executor's report is kept (by the
    # measure's order of executors, then the lowest id); the co-executors' own reports are lost.
    bind = op.get_bind()
    sqlite = bind.dialect.name == 'sqlite'
    bind.execute(sa.text("DELETE FROM app_meta WHERE key = :key"), {"key": FORMS_KEY})
    op.drop_index('uq_progress_cell_unassigned', table_name='progress_entry')
    rows = bind.execute(sa.text(
        "SELECT e.id, e.period_id, e.measure_id, COALESCE(me.position, 1000000) AS position FROM progress_entry e "
        "LEFT JOIN measure_executor me ON me.measure_id = e.measure_id AND me.executor_id = e.executor_id "
        "ORDER BY e.period_id, e.measure_id, position, e.id")).all()
    kept, dropped = set(), []
    for entry_id, period_id, measure_id, _position in rows:
        if (period_id, measure_id) in kept:
            dropped.append(entry_id)
        else:
            kept.add((period_id, measure_id))
    for entry_id in dropped:
        bind.execute(sa.text("DELETE FROM progress_amount WHERE entry_id = :id"), {"id": entry_id})
        bind.execute(sa.text("DELETE FROM progress_entry WHERE id = :id"), {"id": entry_id})
    amounts = _save_amounts(bind) if sqlite else []
    with op.batch_alter_table('progress_entry', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_progress_entry_executor_id_executor'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_progress_entry_executor_id'))
        batch_op.drop_constraint('uq_progress_cell', type_='unique')
        batch_op.create_unique_constraint('uq_progress_cell', ['measure_id', 'period_id'])
        batch_op.drop_column('executor_id')
    if sqlite:
        _restore_amounts(bind, amounts)
