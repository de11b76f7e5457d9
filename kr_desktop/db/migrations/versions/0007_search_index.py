"""search index of person names

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30

The register's search looks for a fragment anywhere in a person's folded name
(``person.name_key``, see kr_desktop.text.ukrainian.search_key), which no ordinary index serves.

SQLite: ``person_search``, an FTS5 table with the trigram tokenizer (SQLite ≥ 3.34) holding each
person's ``name_key`` under the person's id as rowid; triggers on ``person`` keep it in step with
every insert, name change and delete (the ORM, bulk inserts and undo alike). It keeps its own copy of
the text (not an external-content table), so a trigger deleting an entry never has to supply the
old text right. ``case_sensitive 1``: no folding of its own — the keys are folded already, so a
phrase query finds exactly the substrings ``LIKE`` finds. ``award_search`` holds the same text
under each award's id (its holder's name), so the register counts matching awards from the index
alone; triggers on ``award`` (insert, delete, change of holder) and on ``person`` (name change)
keep it. Not an ORM model: the schema comparison
skips it (kr_desktop.db.search_index.include_name). NB: a later migration that rebuilds ``person``
with batch_alter_table drops the triggers and must create them again.

PostgreSQL: a ``pg_trgm`` GIN index on ``person.name_key`` serves ``LIKE '%…%'``. A server that
refuses ``CREATE EXTENSION pg_trgm`` (no right to create it) still migrates: search then scans.

Both: an index on ``award.certificate_number`` (the search box also finds a certificate number).
"""
from alembic import op
import sqlalchemy as sa

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

SQLITE_TRIGGERS = (
    """CREATE TRIGGER person_search_insert AFTER INSERT ON person BEGIN
         INSERT INTO person_search(rowid, name_key) VALUES (new.id, new.name_key);
       END""",
    """CREATE TRIGGER person_search_update AFTER UPDATE OF id, name_key ON person BEGIN
         DELETE FROM person_search WHERE rowid = old.id;
         INSERT INTO person_search(rowid, name_key) VALUES (new.id, new.name_key);
       END""",
    """CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN
         DELETE FROM person_search WHERE rowid = old.id;
       END""",
    # award_search: the holder's name under the award's id
    """CREATE TRIGGER award_search_insert AFTER INSERT ON award BEGIN
         INSERT INTO award_search(rowid, name_key) SELECT new.id, name_key FROM person WHERE id = new.person_id;
       END""",
    """CREATE TRIGGER award_search_update AFTER UPDATE OF id, person_id ON award BEGIN
         DELETE FROM award_search WHERE rowid = old.id;
         INSERT INTO award_search(rowid, name_key) SELECT new.id, name_key FROM person WHERE id = new.person_id;
       END""",
    """CREATE TRIGGER award_search_delete AFTER DELETE ON award BEGIN
         DELETE FROM award_search WHERE rowid = old.id;
       END""",
    """CREATE TRIGGER award_search_holder_renamed AFTER UPDATE OF id, name_key ON person BEGIN
         DELETE FROM award_search WHERE rowid IN (SELECT id FROM award WHERE person_id IN (old.id, new.id));
         INSERT INTO award_search(rowid, name_key) SELECT id, new.name_key FROM award WHERE person_id = new.id;
       END""",
)
TRIGGERS = ('person_search_insert', 'person_search_update', 'person_search_delete', 'award_search_insert',
            'award_search_update', 'award_search_delete', 'award_search_holder_renamed')


def _pg_trgm(bind) -> bool:
    """pg_trgm installed, or installed now; False when the server refuses it."""
    if bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).scalar():
        return True
    try:
        with bind.begin_nested():  # a savepoint: a refusal must not abort the migration's transaction
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        return False
    return True


def upgrade() -> None:
    with op.batch_alter_table('award', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_award_certificate_number'), ['certificate_number'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        op.execute("CREATE VIRTUAL TABLE person_search USING fts5(name_key, tokenize='trigram case_sensitive 1')")
        op.execute("INSERT INTO person_search(rowid, name_key) SELECT id, name_key FROM person")
        op.execute("CREATE VIRTUAL TABLE award_search USING fts5(name_key, tokenize='trigram case_sensitive 1')")
        op.execute("INSERT INTO award_search(rowid, name_key) "
                   "SELECT award.id, person.name_key FROM award JOIN person ON person.id = award.person_id")
        for trigger in SQLITE_TRIGGERS:
            op.execute(trigger)
    elif bind.dialect.name == 'postgresql' and _pg_trgm(bind):
        op.execute("CREATE INDEX ix_person_name_key_trgm ON person USING gin (name_key gin_trgm_ops)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS award_search")
        op.execute("DROP TABLE IF EXISTS person_search")
    elif bind.dialect.name == 'postgresql':
        op.execute("DROP INDEX IF EXISTS ix_person_name_key_trgm")
    with op.batch_alter_table('award', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_award_certificate_number'))
