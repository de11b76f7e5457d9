"""What the server enforces: group roles, their grants, and the functions that manage users.

Run by the owner of the tables (``kr-desktop server init``, and again after every schema upgrade,
so a new table gets its grants). Rights of each group:

- viewer (``kr_viewer``): SELECT on every table, nothing else;
- editor (``kr_editor``): also INSERT/UPDATE/DELETE on the data tables, INSERT on the journal;
- administrator (``kr_admin``): also the settings, and EXECUTE on the ``kr_user_*`` functions.

Nobody but the owner writes ``app_meta``, ``alembic_version`` or changes the journal. Users are
login roles; only the ``kr_user_*`` functions (SECURITY DEFINER, owned by the owner, who has
CREATEROLE) create and change them, and only roles that are kr_desktop users: an administrator
can neither touch the owner, a superuser or any other role of the server, nor grant anything
else. Every call writes its own journal row, under the caller's name (the journal's trigger).
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from kr_desktop.db.server import ROLES_PREFIX_KEY, group_names
from kr_desktop.db.server_functions import ADMIN_FUNCTIONS, EVERYONE_FUNCTIONS, HELPERS, LEGACY_TABLE, function_sql

# Tables nobody but the owner writes; the journal is INSERT-only for editors and administrators.
OWNER_ONLY = {"app_meta", "alembic_version", LEGACY_TABLE}
JOURNAL = "journal_entry"
ADMIN_ONLY = {"app_setting"}


def run_ddl(connection: Connection, sql: str) -> None:
    """A statement without parameters, run as written: utility statements take no bind
    parameters, and a name or text in it may hold a colon, which ``text()`` would read as one."""
    connection.execute(text(sql.replace(":", "\\:")))


def _quote(connection: Connection, name: str) -> str:
    return connection.execute(text("SELECT quote_ident(:n)"), {"n": name}).scalar()


def can_create_roles(connection: Connection) -> bool:
    return bool(connection.execute(text(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")).scalar())


def stored_prefix(connection: Connection) -> str | None:
    return connection.execute(text("SELECT value FROM app_meta WHERE key = :k"), {"k": ROLES_PREFIX_KEY}).scalar()


def ensure_groups(connection: Connection, prefix: str) -> None:
    """The three group roles (no login), created if missing; the prefix kept in app_meta."""
    for name in group_names(prefix).values():
        exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar()
        if not exists:
            run_ddl(connection, f"CREATE ROLE {_quote(connection, name)} NOLOGIN")
    connection.execute(text("DELETE FROM app_meta WHERE key = :k"), {"k": ROLES_PREFIX_KEY})
    connection.execute(text("INSERT INTO app_meta (key, value) VALUES (:k, :v)"), {"k": ROLES_PREFIX_KEY, "v": prefix})


def apply_grants(connection: Connection, prefix: str) -> None:
    """Grant each group exactly its rights on every table and sequence of the schema (any right
    granted before is taken back first, so running it again converges)."""
    q = {role: _quote(connection, name) for role, name in group_names(prefix).items()}
    everyone = f"{q['viewer']}, {q['operator']}, {q['admin']}"
    writers = f"{q['operator']}, {q['admin']}"
    database = _quote(connection, connection.execute(text("SELECT current_database()")).scalar())
    schema = _quote(connection, connection.execute(text("SELECT current_schema()")).scalar())
    run = lambda sql: run_ddl(connection, sql)  # noqa: E731
    run(f"REVOKE ALL ON DATABASE {database} FROM PUBLIC")
    run(f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {everyone}")
    run(f"GRANT USAGE ON SCHEMA {schema} TO {everyone}")
    _best_effort(connection, f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC")
    run(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM PUBLIC, {everyone}")
    run(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM PUBLIC, {everyone}")
    run(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {everyone}")
    tables = connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")).scalars().all()
    for table in tables:
        name = _quote(connection, table)
        if table in OWNER_ONLY:
            continue
        if table == JOURNAL:
            run(f"GRANT INSERT ON {name} TO {writers}")
        elif table in ADMIN_ONLY:
            run(f"GRANT INSERT, UPDATE, DELETE ON {name} TO {q['admin']}")
        else:
            run(f"GRANT INSERT, UPDATE, DELETE ON {name} TO {writers}")
    run(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {writers}")


def _best_effort(connection: Connection, sql: str) -> None:
    """A statement the owner may not be allowed to run on an older server (PostgreSQL 14 and
    earlier: the public schema belongs to the superuser); the rest of the grants still hold."""
    try:
        with connection.begin_nested():
            run_ddl(connection, sql)
    except DBAPIError:
        pass


def install_user_functions(connection: Connection, prefix: str) -> None:
    """The ``kr_user_*`` functions (server_functions): the administrators' group may call those
    that manage users, every group the one that changes one's own password, nobody the helpers."""
    groups = group_names(prefix)
    schema = _quote(connection, connection.execute(text("SELECT current_schema()")).scalar())
    for sql in function_sql(schema, groups):
        run_ddl(connection, sql)
    admin = _quote(connection, groups["admin"])
    everyone = ", ".join(_quote(connection, name) for name in groups.values())
    for signature in HELPERS + ADMIN_FUNCTIONS + EVERYONE_FUNCTIONS:
        run_ddl(connection, f"REVOKE ALL ON FUNCTION {schema}.{signature} FROM PUBLIC")
    for signature in ADMIN_FUNCTIONS:
        run_ddl(connection, f"GRANT EXECUTE ON FUNCTION {schema}.{signature} TO {admin}")
    for signature in EVERYONE_FUNCTIONS:
        run_ddl(connection, f"GRANT EXECUTE ON FUNCTION {schema}.{signature} TO {everyone}")


def secure(connection: Connection, prefix: str) -> None:
    """Groups, grants and functions, in the caller's transaction (the owner's)."""
    ensure_groups(connection, prefix)
    apply_grants(connection, prefix)
    install_user_functions(connection, prefix)
