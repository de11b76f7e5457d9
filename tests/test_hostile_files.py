"""Issue 14, deliverables 1 and 5–8 beyond the matrix: consent before replacing, read commands that
never write (older schema, journal mode, read-only files and folders, the login first on a
server), leftovers of killed runs, --db anywhere, the environment and the user's own database,
disk full and a busy database ending in a message."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import hostile_books as hb
from kr_desktop.cli import main
from kr_desktop.db import migrate
from kr_desktop.db.backup import backups_dir, create_backup, list_backups

pytestmark = pytest.mark.sqlite_only


def _sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _journal_mode_byte(path: Path) -> int:
    """The file-format bytes 18–19 of an SQLite header: 1 rollback journal, 2 WAL."""
    return Path(path).read_bytes()[18]


def _run(capsys, *argv) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- 1. never replace without consent ---------------------------------------------------------

def test_an_existing_report_is_replaced_only_with_force(db_path, tmp_path, capsys):
    out = tmp_path / "звіт.pdf"
    out.write_bytes(b"%PDF-1.4 keep me")
    code, _out, err = _run(capsys, "report", "awards", "--db", db_path, "--out", out)
    assert code == 2 and "уже існує" in err and "--force" in err and out.read_bytes() == b"%PDF-1.4 keep me"
    code, _out, err = _run(capsys, "report", "awards", "--db", db_path, "--out", out, "--force")
    assert code == 0 and out.read_bytes().startswith(b"%PDF") and b"keep me" not in out.read_bytes()


def test_a_report_over_its_own_database_named_like_a_report_is_refused_even_with_force(builtin_db_file, tmp_path,
                                                                                      capsys):
    database = tmp_path / "dbx.xlsx"
    shutil.copyfile(builtin_db_file, database)
    before = _sha(database)
    code, _out, err = _run(capsys, "report", "awards", "--db", database, "--out", database, "--force")
    assert code == 2 and "база даних або резервна копія" in err and _sha(database) == before


def test_a_backup_never_replaces_another_database_or_backup(db_path, builtin_db_file, tmp_path, capsys):
    other = tmp_path / "other.sqlite3"
    shutil.copyfile(builtin_db_file, other)
    earlier = create_backup(db_path, out=tmp_path / "copy.sqlite3").path
    hashes = {p: _sha(p) for p in (other, earlier)}
    for target in (other, earlier):
        code, _out, err = _run(capsys, "backup", "--db", db_path, "--out", target, "--force")
        assert code == 2 and "база даних" in err
    assert {p: _sha(p) for p in hashes} == hashes
    code, _out, _err = _run(capsys, "backup", "--db", db_path, "--out", tmp_path / "new.sqlite3")
    assert code == 0


def test_the_template_never_overwrites_a_filled_workbook_without_force(tmp_path, capsys):
    filled = hb.simple_book(tmp_path / "filled.xlsx", [hb.person_row(1)])
    before = _sha(filled)
    code, _out, err = _run(capsys, "import", "template", "--out", filled)
    assert code == 2 and "уже існує" in err and _sha(filled) == before
    assert _run(capsys, "import", "template", "--out", filled, "--force")[0] == 0 and _sha(filled) != before


def test_restore_refuses_a_folder_as_the_database(db_path, tmp_path, capsys):
    copy = create_backup(db_path, out=tmp_path / "copy.sqlite3").path
    folder = tmp_path / "папка"
    folder.mkdir()
    (folder / "важливе.txt").write_text("не чіпати")
    code, _out, err = _run(capsys, "restore", copy, "--db", folder)
    assert code == 2 and "тека" in err
    assert folder.is_dir() and (folder / "важливе.txt").read_text() == "не чіпати"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["copy.sqlite3", "kr.sqlite3", "папка"])


def test_the_window_asks_before_replacing_a_name_it_completed_and_never_offers_a_database(qtbot, tmp_path,
                                                                                         builtin_db_file,
                                                                                         monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from kr_desktop.ui.save_dialog import ask_save_path

    (tmp_path / "звіт.pdf").write_bytes(b"%PDF old")
    shutil.copyfile(builtin_db_file, tmp_path / "база.pdf")
    asked, warned = [], []
    chosen = {"name": ""}
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / chosen["name"]), "Документ PDF (*.pdf)"))
    answer = {"value": QMessageBox.StandardButton.No}
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer["value"])
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    formats = ("pdf", "docx", "xlsx")
    chosen["name"] = "звіт"  # typed without the extension: Qt asked about «звіт», not «звіт.pdf»
    assert ask_save_path(None, "Зберегти", "x.pdf", "Документ PDF (*.pdf)", formats) is None
    assert asked and "звіт.pdf" in asked[-1]
    answer["value"] = QMessageBox.StandardButton.Yes
    assert ask_save_path(None, "Зберегти", "x.pdf", "Документ PDF (*.pdf)", formats) == tmp_path / "звіт.pdf"
    chosen["name"] = "база.pdf"  # Qt asked «replace?» and the user agreed: still never a database
    assert ask_save_path(None, "Зберегти", "x.pdf", "Документ PDF (*.pdf)", formats) is None
    assert warned and "база даних" in warned[-1]
    chosen["name"] = "новий"
    assert ask_save_path(None, "Зберегти", "x.pdf", "Документ PDF (*.pdf)", formats) == tmp_path / "новий.pdf"


# -- 6. read commands never write ---------------------------------------------------------------

def _older_schema(path: Path) -> str:
    """A kr_desktop file made by the previous schema revision (the head's parent)."""
    from alembic import command

    from kr_desktop.db.engine import make_engine, sqlite_url

    previous = migrate._revision_graph()[migrate.head_revision()]
    engine = make_engine(sqlite_url(path))
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), previous)
    engine.dispose()
    return previous


def test_a_report_on_an_older_schema_asks_for_init_and_changes_nothing(tmp_path, capsys):
    old = tmp_path / "old.sqlite3"
    previous = _older_schema(old)
    before = _sha(old)
    code, _out, err = _run(capsys, "report", "awards", "--db", old, "--out", tmp_path / "a.pdf")
    assert code == 2 and "спершу оновіть базу: kr-desktop init" in err and previous in err
    assert _sha(old) == before and sorted(p.name for p in tmp_path.iterdir()) == ["old.sqlite3"]
    assert _run(capsys, "init", "--db", old)[0] == 0  # the write command upgrades it (after a backup)
    assert _run(capsys, "report", "awards", "--db", old, "--out", tmp_path / "a.pdf")[0] == 0


def test_a_report_on_a_rollback_journal_copy_leaves_its_journal_mode(db_path, tmp_path, capsys):
    copy = create_backup(db_path, out=tmp_path / "copy.sqlite3").path
    assert _journal_mode_byte(copy) == 1
    before = _sha(copy)
    for name in ("a.pdf", "a.xlsx"):
        assert _run(capsys, "report", "honorary-citizens", "--db", copy, "--out", tmp_path / name)[0] == 0
    assert _journal_mode_byte(copy) == 1 and _sha(copy) == before
    assert not list(tmp_path.glob("copy.sqlite3-*"))  # no -wal, -shm or -journal left beside it


def _unprivileged() -> list[str] | None:
    """A prefix that runs a command as a user without privileges (root ignores file modes)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if setpriv else None


def test_reports_and_backups_read_a_read_only_database_and_an_import_says_why_it_cannot(builtin_db_file):
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: file modes cannot be tested")
    place = Path(tempfile.mkdtemp(prefix="kr-ro-"))
    out = Path(tempfile.mkdtemp(prefix="kr-out-"))
    try:
        database = place / "kr.sqlite3"
        shutil.copyfile(builtin_db_file, database)
        hb.simple_book(place / "book.xlsx", [hb.person_row(1)])
        database.chmod(0o444)
        (place / "book.xlsx").chmod(0o444)
        place.chmod(0o555)
        out.chmod(0o777)
        before = _sha(database)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(out), PYTHONDONTWRITEBYTECODE="1")

        def run(*argv):
            return subprocess.run([*prefix, sys.executable, "-m", "kr_desktop", *map(str, argv)], capture_output=True,
                                  text=True, env=env, cwd=out, timeout=120)

        done = run("report", "awards", "--db", database, "--out", out / "a.pdf")
        assert done.returncode == 0, done.stderr
        done = run("backup", "--db", database, "--out", out / "copy.sqlite3")
        assert done.returncode == 0, done.stderr
        done = run("import", "awards", place / "book.xlsx", "--db", database)
        assert done.returncode != 0 and "Traceback" not in done.stderr
        assert "лише для читання" in done.stderr or "дозволу" in done.stderr, done.stderr
        assert _sha(database) == before and sorted(p.name for p in place.iterdir()) == ["book.xlsx", "kr.sqlite3"]
    finally:
        place.chmod(0o755)
        shutil.rmtree(place, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)


# -- 7. leftovers -------------------------------------------------------------------------------

def test_a_killed_backups_temporary_file_is_removed_by_the_next_backup(db_path, capsys):
    folder = backups_dir(db_path)
    folder.mkdir()
    leftover = folder / ".kr_desktop-backup-0123456789abcdef.part"  # as a killed backup leaves it
    leftover.write_bytes(b"\0" * 100_000)
    journal = Path(f"{leftover}-journal")
    journal.write_bytes(b"\0" * 100)
    assert _run(capsys, "backup", "--db", db_path)[0] == 0
    assert not leftover.exists() and not journal.exists()  # at once, not after an hour
    assert len(list_backups(folder)) == 1


def test_a_living_backups_temporary_file_is_left_alone_until_its_process_dies(db_path, capsys):
    folder = backups_dir(db_path)
    folder.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\nfrom pathlib import Path\nfrom kr_desktop.temp_files import claimed_temp\n"
         "with claimed_temp(Path(sys.argv[1]), '.kr_desktop-backup-', '.part') as temp:\n"
         "    temp.write_bytes(b'x' * 1000); print(temp, flush=True); time.sleep(120)\n", str(folder)],
        stdout=subprocess.PIPE, text=True)
    try:
        temp = Path(child.stdout.readline().strip())
        assert temp.exists()
        assert _run(capsys, "backup", "--db", db_path)[0] == 0
        assert temp.exists()  # its writer is alive: never taken from under it
    finally:
        child.kill()
        child.wait()
    assert temp.exists()  # killed: the lock is gone, the file stays until the next run
    assert _run(capsys, "backup", "--db", db_path)[0] == 0
    assert not temp.exists()


def test_a_killed_reports_hidden_part_is_removed_by_the_next_report(db_path, tmp_path, capsys):
    leftover = tmp_path / ".список.pdf.a1b2c3d4.pdf.part"  # a report killed while rendering
    leftover.write_bytes(b"%PDF-1.4 half")
    assert _run(capsys, "report", "awards", "--db", db_path, "--out", tmp_path / "інший.pdf")[0] == 0
    assert not leftover.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


# -- 8. --db anywhere, the environment, the user's own database --------------------------------

@pytest.mark.parametrize("command", [
    ["report", "awards", "--out", "{tmp}/a.pdf"], ["import", "awards", "{tmp}/book.xlsx"], ["backup"],
    ["init"], ["events", "generate", "--year", "2027"], ["demo", "--persons", "0"],
])
def test_db_before_the_subcommand_and_from_the_environment(db_path, tmp_path, capsys, monkeypatch, command):
    hb.simple_book(tmp_path / "book.xlsx", [hb.person_row(1)])
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    code, _out, err = _run(capsys, "--db", db_path, *argv)
    assert code == 0, err
    for leftover in tmp_path.glob("a.pdf"):
        leftover.unlink()
    monkeypatch.setenv("KR_DESKTOP_DB_URL", str(db_path))
    code, _out, err = _run(capsys, *argv)
    assert code == 0, err


def test_without_db_every_command_uses_the_users_own_database(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("KR_DESKTOP_DB_URL", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    from kr_desktop.paths import default_db_path

    code, _out, err = _run(capsys, "report", "awards", "--out", tmp_path / "a.pdf")
    assert code == 2 and "не знайдено" in err  # a read command never creates it
    assert _run(capsys, "init")[0] == 0 and default_db_path().is_file()
    assert str(default_db_path()).startswith(str(tmp_path))
    assert _run(capsys, "report", "awards", "--out", tmp_path / "a.pdf")[0] == 0
    assert _run(capsys, "backup")[0] == 0 and len(list_backups(backups_dir(default_db_path()))) == 1


# -- 5. disk full, a busy database ---------------------------------------------------------------

def test_disk_full_while_writing_a_report_leaves_no_file(db_path, tmp_path, capsys, monkeypatch):
    from kr_desktop.reports import render_pdf

    def full(document, path):
        Path(path).write_bytes(b"%PDF-1.4 half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(render_pdf, "render_pdf", full)
    code, _out, err = _run(capsys, "report", "awards", "--db", db_path, "--out", tmp_path / "a.pdf")
    assert code == 2 and "на диску немає місця" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kr.sqlite3"]


@pytest.mark.parametrize("command", [["import", "awards", "{tmp}/book.xlsx"], ["demo", "--persons", "3000"]])
def test_disk_full_while_importing_or_making_demo_data_writes_nothing(db_path, tmp_path, capsys, monkeypatch,
                                                                     command):
    from kr_desktop.db import engine

    hb.simple_book(tmp_path / "book.xlsx", [hb.person_row(i) for i in range(3000)])
    real = engine._sqlite_pragmas

    def small_disk(connection, record):  # SQLite's own "disk full" (SQLITE_FULL) after a few pages
        real(connection, record)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count={pages + 8}")

    monkeypatch.setattr(engine, "_sqlite_pragmas", small_disk)
    before = _sha(db_path)
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    code, _out, err = _run(capsys, *argv, "--db", db_path)
    assert code != 0 and "на диску немає місця" in err.lower() and "Traceback" not in err
    assert _sha(db_path) == before


def test_a_database_busy_beyond_the_timeout_is_a_message(db_path, tmp_path, capsys, monkeypatch):
    from kr_desktop.db import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    hb.simple_book(tmp_path / "book.xlsx", [hb.person_row(1)])
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process is writing
    try:
        started = time.monotonic()
        code, _out, err = _run(capsys, "import", "awards", tmp_path / "book.xlsx", "--db", db_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 75 and "Базу даних зайнято іншим процесом — спробуйте ще раз" in err
    assert time.monotonic() - started < 10


def test_an_unexpected_error_is_a_message_with_a_way_to_see_more(db_path, tmp_path, capsys, monkeypatch):
    from kr_desktop.reports import awards_lists

    monkeypatch.setattr(awards_lists, "build_awards_list", lambda db, flt: 1 / 0)
    code, _out, err = _run(capsys, "report", "awards", "--db", db_path, "--out", tmp_path / "a.pdf")
    assert code == 70 and "ZeroDivisionError" in err and "KR_DESKTOP_DEBUG=1" in err and "Traceback" not in err


# -- a real full disk, where the machine allows mounting a small one ------------------------------

@pytest.fixture
def small_disk():
    folder = Path(tempfile.mkdtemp(prefix="kr-full-"))
    mounted = os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1200k", "tmpfs", str(folder)],
                                                   capture_output=True).returncode == 0
    if not mounted:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip("a small disk cannot be mounted here (needs root and tmpfs)")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)


def test_a_real_full_disk_ends_in_messages_and_keeps_the_database(small_disk, builtin_db_file, tmp_path):
    database = small_disk / "kr.sqlite3"
    shutil.copyfile(builtin_db_file, database)
    stats = os.statvfs(small_disk)
    (small_disk / "filler").write_bytes(b"\0" * max(0, stats.f_bavail * stats.f_frsize - 64 * 1024))
    before = _sha(database)
    hb.simple_book(tmp_path / "book.xlsx", [hb.person_row(i) for i in range(6000)])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def run(*argv):
        return subprocess.run([sys.executable, "-m", "kr_desktop", *map(str, argv)], capture_output=True, text=True,
                              env=env, timeout=300)

    for done in (run("import", "awards", tmp_path / "book.xlsx", "--db", database),
                 run("report", "program", "--db", database, "--out", small_disk / "p.pdf")):
        assert done.returncode != 0 and "Traceback" not in done.stderr
        assert "місця" in done.stderr.lower(), done.stderr
    assert _sha(database) == before
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "kr.sqlite3"]
