"""Issue 14, deliverable 6 on a PostgreSQL server: nothing runs before the login — a refused login
leaves the schema as it was (it was once upgraded first), and a report neither upgrades an older
schema nor writes. Skipped without a test server (scripts/test.sh always starts one)."""

from sqlalchemy import create_engine, text

from kr_desktop.db import migrate
from kr_desktop.db.open import open_database
from kr_desktop.services import users
from tests.test_cli import run_cli

PASSWORD = "Надійний-пароль-2026"


def _stamp(url: str, revision: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


def _revision(url: str) -> str:
    engine = create_engine(url)
    with engine.connect() as connection:
        revision = migrate.current_revision(connection)
    engine.dispose()
    return revision


def test_the_login_comes_before_any_upgrade_and_a_report_never_upgrades(pg_url, tmp_path):
    db = open_database(pg_url)
    users.create_first_admin(db, "admin", "Адміністратор Перший", PASSWORD)
    db.dispose()
    previous = migrate._revision_graph()[migrate.head_revision()]
    _stamp(pg_url, previous)  # the server's schema as the previous version left it
    wrong = {"KR_DESKTOP_USER": "admin", "KR_DESKTOP_PASSWORD": "не той пароль"}
    for argv in (["init", "--db", pg_url],  # two tries: a third would make the next login wait
                 ["report", "awards", "--db", pg_url, "--out", str(tmp_path / "a.pdf")]):
        done = run_cli(*argv, env_extra=wrong)
        assert done.returncode != 0 and "Traceback" not in done.stderr
        assert "Невірне ім’я користувача або пароль" in done.stderr, done.stderr
        assert _revision(pg_url) == previous  # nothing ran before the login
    right = {"KR_DESKTOP_USER": "admin", "KR_DESKTOP_PASSWORD": PASSWORD}
    done = run_cli("report", "awards", "--db", pg_url, "--out", str(tmp_path / "a.pdf"), env_extra=right)
    assert done.returncode == 2 and "спершу оновіть базу" in done.stderr and _revision(pg_url) == previous
    _stamp(pg_url, migrate.head_revision())
    done = run_cli("report", "awards", "--db", pg_url, "--out", str(tmp_path / "a.pdf"), env_extra=right)
    assert done.returncode == 0, done.stderr
    done = run_cli("report", "awards", "--db", pg_url.replace("postgresql+psycopg://", "postgresql://"),
                   "--out", str(tmp_path / "b.pdf"), env_extra=right)  # the plain scheme means our driver
    assert done.returncode == 0, done.stderr
