"""server login roles instead of application users on PostgreSQL

Revision ID: 0011
Revises: 0013
Create Date: 2026-12-02

PostgreSQL only (a SQLite file keeps its own users, app_user, as before):

- the journal's actor is set by the server: a trigger writes the session's login role (with the
  full name kept as the role's comment), whatever the client sent;
- every committed journal row is announced (NOTIFY ``kr_desktop_changes``, payload
  "changeset:table …"), so the other workstations refresh their screens;
- users become server login roles: each app_user row becomes a login role of the same name in the
  group of its role (kr_viewer / kr_editor / kr_admin), disabled users without LOGIN. Their
  passwords cannot come along (the server keeps SCRAM verifiers, app_user kept scrypt hashes), so
  they have none until the administrator sets one (``kr-desktop users reset-password``); the
  table ``legacy_user`` lists them until then. A login already taken by another role of the
  server is not converted (listed with converted = false). app_user, with its hashes, is dropped.

Creating roles needs the owner's CREATEROLE; without it the migration stops with a message and
changes nothing (one transaction).
"""
from alembic import op
import sqlalchemy as sa

from kr_desktop.errors import DatabaseFileError

revision = '0011'
down_revision = '0013'
branch_labels = None
depends_on = None

CHANNEL = "kr_desktop_changes"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    op.execute("""
        CREATE FUNCTION kr_journal_actor() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.actor := left(coalesce(nullif(shobj_description(
                         (SELECT oid FROM pg_roles WHERE rolname = session_user), 'pg_authid'), '')
                         || ' (' || session_user || ')', session_user), 120);
          RETURN NEW;
        END $$""")
    op.execute("CREATE TRIGGER journal_actor BEFORE INSERT OR UPDATE ON journal_entry "
               "FOR EACH ROW EXECUTE FUNCTION kr_journal_actor()")
    op.execute(f"""
        CREATE FUNCTION kr_journal_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE payload text;
        BEGIN
          SELECT string_agg(DISTINCT changeset || ':' || table_name, ' ') INTO payload FROM new_rows;
          IF octet_length(payload) > 7000 THEN payload := '*'; END IF;
          PERFORM pg_notify('{CHANNEL}', coalesce(payload, '*'));
          RETURN NULL;
        END $$""")
    op.execute("CREATE TRIGGER journal_notify AFTER INSERT ON journal_entry REFERENCING NEW TABLE AS new_rows "
               "FOR EACH STATEMENT EXECUTE FUNCTION kr_journal_notify()")
    op.create_table('legacy_user',
                    sa.Column('login', sa.String(64), primary_key=True),
                    sa.Column('full_name', sa.String(200), nullable=False),
                    sa.Column('role', sa.String(16), nullable=False),
                    sa.Column('converted', sa.Boolean(), nullable=False))
    _convert_users(bind)
    op.drop_table('app_user')


def _convert_users(bind) -> None:
    rows = bind.execute(sa.text("SELECT login, full_name, role, active FROM app_user ORDER BY login")).all()
    if not rows:
        return
    allowed = bind.execute(sa.text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")).scalar()
    if not allowed:
        owner = bind.execute(sa.text("SELECT current_user")).scalar()
        raise DatabaseFileError(
            f"Базу даних не оновлено: її користувачів треба перенести в ролі сервера, а власник бази «{owner}» "
            f"не має права CREATEROLE. Виконайте на сервері від імені postgres: ALTER ROLE \"{owner}\" CREATEROLE;")
    prefix = bind.execute(sa.text("SELECT value FROM app_meta WHERE key = 'server_roles'")).scalar() or 'kr'
    if not bind.execute(sa.text("SELECT 1 FROM app_meta WHERE key = 'server_roles'")).scalar():
        bind.execute(sa.text("INSERT INTO app_meta (key, value) VALUES ('server_roles', :p)"), {"p": prefix})
    groups = {'viewer': f'{prefix}_viewer', 'operator': f'{prefix}_editor', 'admin': f'{prefix}_admin'}
    quote = lambda name: bind.execute(sa.text("SELECT quote_ident(:n)"), {"n": name}).scalar()  # noqa: E731
    for name in groups.values():
        if not bind.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar():
            bind.execute(sa.text(f"CREATE ROLE {quote(name)} NOLOGIN"))
    for login, full_name, role, active in rows:
        existing = bind.execute(sa.text("SELECT oid FROM pg_roles WHERE rolname = :n"), {"n": login}).scalar()
        ours = existing is not None and bind.execute(sa.text(
            "SELECT count(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "WHERE m.member = :oid AND g.rolname IN (:a, :b, :c)"),
            {"oid": existing, "a": groups['viewer'], "b": groups['operator'], "c": groups['admin']}).scalar()
        if existing is not None and ours:
            continue  # already a kr_desktop user of this server (another database): nothing to do
        converted = existing is None and not login.startswith('pg_') and len(login.encode()) <= 63
        if converted:
            bind.execute(sa.text(f"CREATE ROLE {quote(login)} {'LOGIN' if active else 'NOLOGIN'} INHERIT"))
            bind.execute(sa.text(f"GRANT {quote(groups[role])} TO {quote(login)}"))
            literal = bind.execute(sa.text("SELECT quote_literal(:v)"), {"v": full_name}).scalar()
            bind.execute(sa.text(f"COMMENT ON ROLE {quote(login)} IS {literal}".replace(":", "\\:")))  # a literal colon
        bind.execute(sa.text("INSERT INTO legacy_user (login, full_name, role, converted) VALUES (:l, :n, :r, :c)"),
                     {"l": login, "n": full_name, "r": role, "c": converted})


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    # The server's roles stay (they may serve other databases); the old application users do not
    # come back: the first start of the older version asks for an administrator again.
    op.create_table('app_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('login', sa.String(length=64), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_salt', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=128), nullable=False),
    sa.Column('password_params', sa.String(length=64), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('last_failure_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("role IN ('admin', 'operator', 'viewer')", name=op.f('ck_app_user_role')),
    sa.CheckConstraint('failed_attempts >= 0', name=op.f('ck_app_user_failed_attempts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_user')),
    sa.UniqueConstraint('login', name=op.f('uq_app_user_login'))
    )
    op.drop_table('legacy_user')
    op.execute("DROP TRIGGER IF EXISTS journal_notify ON journal_entry")
    op.execute("DROP TRIGGER IF EXISTS journal_actor ON journal_entry")
    op.execute("DROP FUNCTION IF EXISTS kr_journal_notify()")
    op.execute("DROP FUNCTION IF EXISTS kr_journal_actor()")
    for name in ("kr_user_add(text, text, text, text, text)", "kr_user_set_role(text, text, text)",
                 "kr_user_set_active(text, boolean, text)", "kr_user_set_password(text, text, text)",
                 "kr_user_own_password(text, text)", "kr_user_group(text)", "kr_user_role_of(text)",
                 "kr_user_target(text)", "kr_user_journal(text, text, text, text, text)"):
        op.execute(f"DROP FUNCTION IF EXISTS {name}")
