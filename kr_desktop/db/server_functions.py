"""The server's user management: SQL functions an administrator calls (SECURITY DEFINER).

An administrator has no CREATEROLE of their own (with it they could change any role of the server,
the owner's too). These functions run with the owner's rights and do only what the users screen
and ``kr-desktop users`` offer, on kr_desktop users only (members of the three groups — never the
owner, a superuser, a role with CREATEROLE or a group), keep one active administrator, and write
their own journal row (under the caller's name: the journal's trigger sets it). Passwords arrive
as SCRAM verifiers made on the workstation (libpq's PQencryptPasswordConn), never in plain text,
so no server log can hold one.
"""

from __future__ import annotations

# Errors the functions raise (SQLSTATE), turned into Ukrainian messages by services/server_users.
ERR_EXISTS, ERR_TAKEN, ERR_NOT_OURS, ERR_LAST_ADMIN, ERR_SELF, ERR_BAD = (
    "KR001", "KR002", "KR003", "KR004", "KR005", "KR006")

ADMIN_FUNCTIONS = (
    "kr_user_add(text, text, text, text, text)",
    "kr_user_set_role(text, text, text)",
    "kr_user_set_active(text, boolean, text)",
    "kr_user_set_password(text, text, text)",
)
EVERYONE_FUNCTIONS = ("kr_user_own_password(text, text)",)
HELPERS = (
    "kr_user_group(text)",
    "kr_user_role_of(text)",
    "kr_user_target(text)",
    "kr_user_journal(text, text, text, text, text)",
)
LEGACY_TABLE = "legacy_user"  # users of an older version's app_user, carried over (migration 0011)

_DEFINER = "SECURITY DEFINER SET search_path = pg_catalog, pg_temp"
_RANK = "CASE g.app_role WHEN 'admin' THEN 0 WHEN 'operator' THEN 1 ELSE 2 END"


def function_sql(schema: str, groups: dict[str, str]) -> list[str]:
    """CREATE OR REPLACE statements for ``schema`` (quoted) and the group names of each role."""
    values = ", ".join(f"('{role}', '{name}')" for role, name in groups.items())
    g = f"(VALUES {values}) AS g(app_role, group_name)"
    s = schema
    admins = f"""(SELECT count(*) FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid
                  JOIN pg_roles u ON u.oid = m.member
                  WHERE gr.rolname = {s}.kr_user_group('admin') AND u.rolcanlogin)"""
    scram = f"""IF p_verifier IS NULL OR p_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
                  RAISE EXCEPTION 'not a SCRAM verifier' USING ERRCODE = '{ERR_BAD}';
                END IF;"""
    return [
        f"""CREATE OR REPLACE FUNCTION {s}.kr_user_group(p_role text) RETURNS text
            LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
            $$ SELECT group_name FROM {g} WHERE g.app_role = p_role $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.kr_user_role_of(p_login text) RETURNS text
            LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
            $$ SELECT g.app_role FROM {g} JOIN pg_roles gr ON gr.rolname = g.group_name
                 JOIN pg_auth_members m ON m.roleid = gr.oid JOIN pg_roles u ON u.oid = m.member
               WHERE u.rolname = p_login ORDER BY {_RANK} LIMIT 1 $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.kr_user_target(p_login text) RETURNS text
            LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
            DECLARE current_role_ text := {s}.kr_user_role_of(p_login);
            BEGIN
              IF current_role_ IS NULL OR p_login = current_user OR p_login IN (SELECT group_name FROM {g})
                 OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login AND (rolsuper OR rolcreaterole)) THEN
                RAISE EXCEPTION 'not a kr_desktop user: %', p_login USING ERRCODE = '{ERR_NOT_OURS}';
              END IF;
              RETURN current_role_;
            END $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.kr_user_journal(p_label text, p_op text, p_login text, p_before text,
                                                          p_after text) RETURNS void
            LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
              INSERT INTO {s}.journal_entry (changeset, at, actor, label, operation, table_name, record_id,
                                             before, after)
              VALUES (md5(random()::text || clock_timestamp()::text)::uuid::text, localtimestamp(0), session_user,
                      p_label, p_op, 'server_user', p_login, p_before, p_after) $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.kr_user_add(p_login text, p_full_name text, p_role text, p_verifier text,
                                                      p_label text) RETURNS void
            LANGUAGE plpgsql {_DEFINER} AS $$
            DECLARE grp text := {s}.kr_user_group(p_role);
            BEGIN
              {scram}
              IF grp IS NULL OR coalesce(p_login, '') = '' OR p_login LIKE 'pg\\_%' OR octet_length(p_login) > 63 THEN
                RAISE EXCEPTION 'bad arguments' USING ERRCODE = '{ERR_BAD}';
              END IF;
              IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
                IF {s}.kr_user_role_of(p_login) IS NOT NULL THEN
                  RAISE EXCEPTION 'user exists: %', p_login USING ERRCODE = '{ERR_EXISTS}';
                END IF;
                RAISE EXCEPTION 'role taken: %', p_login USING ERRCODE = '{ERR_TAKEN}';
              END IF;
              EXECUTE format('CREATE ROLE %I LOGIN INHERIT PASSWORD %L', p_login, p_verifier);
              EXECUTE format('GRANT %I TO %I', grp, p_login);
              EXECUTE format('COMMENT ON ROLE %I IS %L', p_login, p_full_name);
              PERFORM {s}.kr_user_journal(p_label, 'insert', p_login, NULL,
                json_build_object('login', p_login, 'full_name', p_full_name, 'role', p_role, 'active', true,
                                  'password', '(приховано)')::text);
            END $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.kr_user_set_role(p_login text, p_role text, p_label text) RETURNS void
            LANGUAGE plpgsql {_DEFINER} AS $$
            DECLARE grp text := {s}.kr_user_group(p_role);
                    was text := {s}.kr_user_target(p_login);
                    other text;
            BEGIN
              IF grp IS NULL THEN RAISE EXCEPTION 'bad role' USING ERRCODE = '{ERR_BAD}'; END IF;
              IF was = 'admin' AND p_role <> 'admin' AND (SELECT rolcanlogin FROM pg_roles WHERE rolname = p_login)
                 AND {admins} <= 1 THEN
                RAISE EXCEPTION 'last administrator' USING ERRCODE = '{ERR_LAST_ADMIN}';
              END IF;
              FOR other IN SELECT group_name FROM {g} WHERE group_name <> grp LOOP
                IF pg_has_role(p_login, other, 'MEMBER') THEN
                  EXECUTE format('REVOKE %I FROM %I', other, p_login);
                END IF;
              END LOOP;
              IF NOT pg_has_role(p_login, grp, 'MEMBER') THEN
                EXECUTE format('GRANT %I TO %I', grp, p_login);
              END IF;
              PERFORM {s}.kr_user_journal(p_label, 'update', p_login, json_build_object('role', was)::text,
                                          json_build_object('role', p_role)::text);
            END $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.kr_user_set_active(p_login text, p_active boolean, p_label text)
            RETURNS void LANGUAGE plpgsql {_DEFINER} AS $$
            DECLARE was text;
                    was_active boolean;
            BEGIN
              IF NOT p_active AND p_login = session_user THEN
                RAISE EXCEPTION 'self' USING ERRCODE = '{ERR_SELF}';
              END IF;
              was := {s}.kr_user_target(p_login);
              was_active := (SELECT rolcanlogin FROM pg_roles WHERE rolname = p_login);
              IF was = 'admin' AND NOT p_active AND was_active AND {admins} <= 1 THEN
                RAISE EXCEPTION 'last administrator' USING ERRCODE = '{ERR_LAST_ADMIN}';
              END IF;
              EXECUTE format('ALTER ROLE %I %s', p_login, CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
              PERFORM {s}.kr_user_journal(p_label, 'update', p_login, json_build_object('active', was_active)::text,
                                          json_build_object('active', p_active)::text);
            END $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.kr_user_set_password(p_login text, p_verifier text, p_label text)
            RETURNS void LANGUAGE plpgsql {_DEFINER} AS $$
            BEGIN
              {scram}
              PERFORM {s}.kr_user_target(p_login);
              EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
              DELETE FROM {s}.{LEGACY_TABLE} WHERE login = p_login;
              PERFORM {s}.kr_user_journal(p_label, 'update', p_login, '{{"password": "(приховано)"}}',
                                          '{{"password": "(приховано)"}}');
            END $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.kr_user_own_password(p_verifier text, p_label text)
            RETURNS void LANGUAGE plpgsql {_DEFINER} AS $$
            BEGIN
              {scram}
              IF {s}.kr_user_role_of(session_user) IS NULL THEN
                RAISE EXCEPTION 'not a kr_desktop user' USING ERRCODE = '{ERR_NOT_OURS}';
              END IF;
              EXECUTE format('ALTER ROLE %I PASSWORD %L', session_user, p_verifier);
              DELETE FROM {s}.{LEGACY_TABLE} WHERE login = session_user;
              PERFORM {s}.kr_user_journal(p_label, 'update', session_user, '{{"password": "(приховано)"}}',
                                          '{{"password": "(приховано)"}}');
            END $$""",
    ]
