"""Backups: online API, verification, atomic writing, rotation, restore that keeps the old file."""

import datetime as dt
import hashlib
import shutil
import sqlite3

import pytest
from alembic import command

from kr_desktop.db import backup, migrate
from kr_desktop.db.backup import BackupError, create_backup, list_backups, restore_backup, verify_backup
from kr_desktop.db.engine import make_engine, sqlite_url
from kr_desktop.db.open import open_database
from kr_desktop.domain.backup_rotation import RotationPolicy, backups_to_delete, backups_to_keep

NOW = dt.datetime(2026, 11, 30, 12, 0)


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count(path, table="measure"):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as raw:
        value = raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    raw.close()
    return value


# -- rotation policy (pure) ------------------------------------------------------------------

def test_rotation_keeps_last_ten_daily_for_a_month_monthly_for_a_year():
    hourly_two_years = [NOW - dt.timedelta(hours=h) for h in range(0, 2 * 365 * 24, 5)]
    keep = backups_to_keep(hourly_two_years, NOW)
    newest = sorted(hourly_two_years, reverse=True)
    assert set(newest[:10]) <= keep
    for days in range(31):
        day = (NOW - dt.timedelta(days=days)).date()
        kept_that_day = [t for t in keep if t.date() == day]
        assert kept_that_day and max(kept_that_day) == max(t for t in hourly_two_years if t.date() == day)
    months = {(t.year, t.month) for t in keep}
    for back in range(12):
        year, month = divmod(NOW.year * 12 + NOW.month - 1 - back, 12)
        assert (year, month + 1) in months
    assert min(keep) >= dt.datetime(2025, 12, 1)  # nothing older than a year survives
    assert len(keep) <= 10 + 31 + 12
    assert set(backups_to_delete(hourly_two_years, NOW)) == set(hourly_two_years) - keep


def test_rotation_keeps_everything_when_few_and_keeps_future_times():
    few = [NOW - dt.timedelta(days=400 + d) for d in range(5)]
    assert backups_to_keep(few, NOW, RotationPolicy(keep_last=5)) == set(few)
    future = NOW + dt.timedelta(days=3)
    assert future in backups_to_keep([future] + few, NOW, RotationPolicy(keep_last=0))
    assert backups_to_keep([], NOW) == set()


# -- creating and verifying --------------------------------------------------------------------

def test_backup_uses_the_online_api_and_sees_data_still_in_the_wal(db_path):
    # Committed rows that live only in the WAL: a copy of the main file would miss them.
    writer = sqlite3.connect(db_path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("CREATE TABLE IF NOT EXISTS probe (x)")
    writer.executemany("INSERT INTO probe VALUES (?)", [(i,) for i in range(500)])
    writer.commit()
    try:
        result = create_backup(db_path, reason="manual")
        assert _count(result.path, "probe") == 500
        assert result.counts["probe"] == 500 and result.counts["measure"] == _count(db_path)
        with sqlite3.connect(result.path) as raw:
            assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # self-contained file
        raw.close()
    finally:
        writer.close()
    assert result.path.parent == db_path.with_name("kr.sqlite3.backups")
    assert list_backups(result.path.parent)[0].reason == "manual"


def test_verification_refuses_damaged_foreign_and_incomplete_copies(db_path, tmp_path):
    good = create_backup(db_path, out=tmp_path / "good.sqlite3")
    counts = verify_backup(good.path)
    assert counts == good.counts
    with pytest.raises(BackupError, match="неповна"):
        verify_backup(good.path, dict(counts, measure=counts["measure"] + 1))
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(good.path.read_bytes()[: good.path.stat().st_size // 2])
    with pytest.raises(BackupError, match="пошкоджен"):
        verify_backup(truncated)
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as raw:
        raw.execute("CREATE TABLE notes (x)")
    raw.close()
    with pytest.raises(BackupError, match="не резервна копія kr_desktop"):
        verify_backup(foreign)
    with pytest.raises(BackupError, match="не є резервною копією"):
        verify_backup(tmp_path.joinpath("text.txt").write_text("hello") and tmp_path / "text.txt")


def test_failed_verification_leaves_nothing_under_the_final_name(db_path, tmp_path, monkeypatch):
    def broken(path, expected=None):
        raise BackupError("перевірка не пройшла")

    monkeypatch.setattr(backup.snapshot, "verify_backup", broken)
    target = tmp_path / "out.sqlite3"
    with pytest.raises(BackupError):
        create_backup(db_path, out=target)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".kr_desktop")] == []


def test_backup_refuses_bad_sources_and_targets(tmp_path, db_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 10)
    with pytest.raises(BackupError, match="не є базою даних SQLite"):
        create_backup(junk)
    assert not junk.with_name("junk.sqlite3.backups").exists()
    with pytest.raises(BackupError, match="поверх самої бази"):
        create_backup(db_path, out=db_path)
    with pytest.raises(BackupError, match="не існує"):
        create_backup(db_path, out=tmp_path / "no" / "x.sqlite3")


def test_automatic_backups_are_rotated(db_path):
    folder = backup.backups_dir(db_path)
    first = create_backup(db_path, reason="start").path
    for days in range(1, 100):  # old backups, one a day for three months
        shutil.copyfile(first, folder / backup.backup_name("exit", dt.datetime.now() - dt.timedelta(days=days)))
    before = [e.created for e in list_backups(folder)]
    last = create_backup(db_path, reason="exit")
    after = {e.created for e in list_backups(folder)}
    assert after == backups_to_keep(before + [max(after)], dt.datetime.now())
    assert 31 <= len(after) < 50 and len(last.removed) == 100 - len(after) + 1
    assert min(after) < dt.datetime.now() - dt.timedelta(days=40)  # a monthly one outlives the daily window


def test_migration_is_preceded_by_a_backup(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = make_engine(sqlite_url(path))
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "0002")
    engine.dispose()
    database = open_database(path)
    database.dispose()
    entries = list_backups(backup.backups_dir(path))
    assert [e.reason for e in entries] == ["before-migration"]
    with sqlite3.connect(entries[0].path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002"
    raw.close()


# -- restoring -------------------------------------------------------------------------------

def test_restore_replaces_atomically_and_keeps_the_old_file(db_path, tmp_path):
    saved = create_backup(db_path, out=tmp_path / "saved.sqlite3").path
    with sqlite3.connect(db_path) as raw:
        raw.execute("DELETE FROM progress_amount")
        raw.execute("DELETE FROM progress_entry")
        raw.execute("DELETE FROM measure_executor")
        raw.execute("DELETE FROM planned_funding")
        raw.execute("DELETE FROM measure")
    raw.close()
    changed = _digest(db_path)
    result = restore_backup(saved, db_path)
    assert _count(db_path) == _count(saved) > 0
    assert result.replaced_aside is not None and _digest(result.replaced_aside) == changed
    assert result.safety_backup is not None and _count(result.safety_backup) == 0
    database = open_database(db_path)  # the restored file opens as usual
    database.dispose()
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".kr_desktop")] == []


def test_restore_refuses_a_bad_backup_and_leaves_the_database_alone(db_path, tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x01" * 4000)
    before = _digest(db_path)
    with pytest.raises(BackupError):
        restore_backup(bad, db_path)
    assert _digest(db_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.sqlite3", "kr.sqlite3"]


def test_restore_refuses_while_the_database_is_open_elsewhere(db, db_path, tmp_path):
    saved = create_backup(db_path, out=tmp_path / "saved.sqlite3").path
    with db.reading() as session:
        session.connection()  # the pool now holds an open connection, as a running window does
        with pytest.raises(BackupError, match="відкрито в іншому вікні"):
            restore_backup(saved, db_path)
    assert not list(tmp_path.glob("kr.sqlite3.replaced-*"))


def test_restore_over_a_damaged_file_keeps_its_bytes(db_path, tmp_path):
    saved = create_backup(db_path, out=tmp_path / "saved.sqlite3").path
    db_path.write_bytes(b"garbage" * 1000)
    result = restore_backup(saved, db_path, aside_label="damaged")
    assert result.replaced_aside.read_bytes() == b"garbage" * 1000
    assert result.replaced_aside.name.startswith("kr.sqlite3.damaged-")
    assert result.safety_backup is None
    assert _count(db_path) == _count(saved)


def test_cli_backup_and_restore(db_path, tmp_path):
    from tests.test_cli import run_cli

    out = tmp_path / "cli-copy.sqlite3"
    done = run_cli("backup", "--db", str(db_path), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "перевірено" in done.stdout and out.exists()
    done = run_cli("backup", "--db", str(db_path))
    assert done.returncode == 0 and len(list_backups(backup.backups_dir(db_path))) == 1
    done = run_cli("restore", str(out), "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert "Попередній файл збережено" in done.stdout
    done = run_cli("restore", str(tmp_path / "nothing.sqlite3"), "--db", str(db_path))
    assert done.returncode != 0 and "не знайдено" in done.stderr and "Traceback" not in done.stderr
    done = run_cli("backup", "--db", "postgresql+psycopg://u@127.0.0.1/x")
    assert done.returncode != 0 and "pg_dump" in done.stderr
