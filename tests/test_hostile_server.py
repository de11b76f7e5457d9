"""Issue 14, deliverable 6 on a PostgreSQL server: nothing runs before the login (the connection is
the person's own server role: a refused login leaves the schema as it was), and a report neither
upgrades an older schema nor writes — its transactions are read-only. Skipped without a test
server (scripts/test.sh always starts one)."""

from sqlalchemy import create_engine, text

from kr_desktop.db import migrate
from tests.conftest import PASSWORD_OF_TEST_USERS
from tests.test_cli import run_cli


def _stamp(url: str, revision: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


def _revision_and_journal(url: str) -> tuple[str, int]:
    engine = create_engine(url)
    with engine.connect() as connection:
        state = (migrate.current_revision(connection),
                 connection.execute(text("SELECT count(*) FROM journal_entry")).scalar())
    engine.dispose()
    return state


def test_nothing_runs_before_the_login_and_a_report_never_upgrades_or_writes(server, tmp_path):
    previous = migrate._revision_graph()[migrate.head_revision()]
    _stamp(server.owner_url, previous)  # the schema as the previous version left it
    before = _revision_and_journal(server.owner_url)
    wrong = {"KR_DESKTOP_USER": server.logins["admin"], "KR_DESKTOP_PASSWORD": "не той пароль"}
    for argv in (["init", "--db", server.url],  # two tries: a third would make the next login wait
                 ["report", "awards", "--db", server.url, "--out", str(tmp_path / "a.pdf")]):
        done = run_cli(*argv, env_extra=wrong)
        assert done.returncode != 0 and "Traceback" not in done.stderr
        assert "Невірне ім’я користувача або пароль" in done.stderr, done.stderr
        assert _revision_and_journal(server.owner_url) == before  # nothing ran before the login
    viewer = {"KR_DESKTOP_USER": server.logins["viewer"], "KR_DESKTOP_PASSWORD": PASSWORD_OF_TEST_USERS}
    done = run_cli("report", "awards", "--db", server.url, "--out", str(tmp_path / "a.pdf"), env_extra=viewer)
    assert done.returncode == 2 and "старіша" in done.stderr and _revision_and_journal(server.owner_url) == before
    _stamp(server.owner_url, migrate.head_revision())
    before = _revision_and_journal(server.owner_url)
    done = run_cli("report", "awards", "--db", server.url, "--out", str(tmp_path / "a.pdf"), env_extra=viewer)
    assert done.returncode == 0, done.stderr
    plain = server.url.replace("postgresql+psycopg://", "postgresql://")  # the plain scheme means our driver
    done = run_cli("--db", plain, "report", "honorary-citizens", "--out", str(tmp_path / "b.xlsx"), env_extra=viewer)
    assert done.returncode == 0, done.stderr
    assert _revision_and_journal(server.owner_url) == before  # the reports wrote nothing


def test_a_report_session_on_the_server_is_read_only(server):
    from sqlalchemy.exc import DBAPIError

    from kr_desktop.db.open_readonly import open_server_readonly

    db = open_server_readonly(server.url, server.logins["admin"], PASSWORD_OF_TEST_USERS)
    try:
        assert db.role == "admin"
        with db.engine.connect() as connection:
            try:
                connection.execute(text("UPDATE app_setting SET value = value"))
            except DBAPIError as exc:
                assert "read-only" in str(exc.orig)
            else:
                raise AssertionError("a report's connection could write")
    finally:
        db.dispose()
