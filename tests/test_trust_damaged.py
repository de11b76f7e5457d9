"""Damaged files and misuse: refused untouched, recovery from the newest good backup into a new
file, the window's backup/restore actions, and two processes writing to one file at once."""

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from kr_desktop.db.backup import backups_dir, create_backup, list_backups
from kr_desktop.db.open import DamagedDatabaseError, open_database
from kr_desktop.errors import DatabaseFileError

ROOT = Path(__file__).resolve().parent.parent


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _scribble(path: Path, fraction: float) -> None:
    """Overwrite one page in the middle of the file with garbage (a bad sector, a stray write)."""
    data = bytearray(path.read_bytes())
    page = 4096
    at = int(len(data) * fraction) // page * page
    data[at:at + page] = bytes((i * 37 + 11) % 256 for i in range(page))
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("damage", [_truncate, lambda p: _scribble(p, 0.5), lambda p: _scribble(p, 0.8)],
                         ids=["truncated", "page-in-the-middle", "page-near-the-end"])
def test_damage_beyond_the_header_is_found_at_open_and_the_file_is_left_alone(db_path, damage):
    damage(db_path)
    before = _digest(db_path)
    with pytest.raises(DamagedDatabaseError, match="пошкоджено"):
        open_database(db_path)
    assert _digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["kr.sqlite3"]


def _answer_with(choice, seen):
    def answer(box):
        seen.append((box.text(), [b.text() for b in box.buttons()]))
        return choice
    return answer


def test_recovery_restores_the_newest_good_backup_into_a_new_file(qtbot, db_path):
    from kr_desktop.ui.recovery_dialog import offer_recovery

    older = create_backup(db_path, reason="start").path
    newest = create_backup(db_path, reason="exit").path
    newest.write_bytes(newest.read_bytes()[:5000])  # the newest backup is bad: it must be skipped
    _truncate(db_path)
    damaged = db_path.read_bytes()
    with pytest.raises(DamagedDatabaseError) as refused:
        open_database(db_path)
    seen = []
    database = offer_recovery(str(db_path), refused.value, answer=_answer_with(True, seen))
    try:
        assert database is not None
        text, buttons = seen[0]
        assert "пошкоджено" in text and "перевірену резервну копію" in text and "не буде змінено" in text
        assert "Відновити з резервної копії" in buttons
        with database.reading() as session:
            from sqlalchemy import text as sql

            assert session.execute(sql("SELECT count(*) FROM measure")).scalar() > 70
    finally:
        if database is not None:
            database.dispose()
    kept = [p for p in db_path.parent.glob("kr.sqlite3.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # never overwritten (its -wal moves with it)
    assert older.exists()


def test_recovery_without_a_good_backup_says_so_and_changes_nothing(qtbot, db_path):
    from kr_desktop.ui.recovery_dialog import offer_recovery

    db_path.write_bytes(b"")
    seen = []
    with pytest.raises(DamagedDatabaseError) as refused:
        open_database(db_path)
    assert offer_recovery(str(db_path), refused.value, answer=_answer_with(True, seen)) is None
    assert "порожній" in seen[0][0] and "не знайдено" in seen[0][0]
    assert db_path.read_bytes() == b""


def test_a_newer_version_is_refused_without_offering_a_restore(qtbot, db_path):
    from kr_desktop.ui.recovery_dialog import offer_recovery

    create_backup(db_path, reason="start")
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    raw.close()
    with pytest.raises(DatabaseFileError) as refused:
        open_database(db_path)
    assert not isinstance(refused.value, DamagedDatabaseError)
    seen = []
    assert offer_recovery(str(db_path), refused.value, answer=_answer_with(True, seen)) is None
    assert "новішою версією" in seen[0][0]
    assert "Відновити з резервної копії" not in seen[0][1]


# -- the window's actions ----------------------------------------------------------------------

@pytest.fixture
def quiet_boxes(monkeypatch):
    shown = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda parent, title, text, *a, _n=name: shown.append((_n, text)))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown


def test_file_menu_backup_now_and_restore_as_administrator(qtbot, db_path, quiet_boxes):
    from kr_desktop.ui.main_window import MainWindow

    db = open_database(db_path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    actions = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Створити резервну копію зараз" in actions and "Відновити з резервної копії…" in actions
    made = window.backup_actions.backup_now()
    assert made is not None and made.parent == backups_dir(db_path)
    assert quiet_boxes[-1][0] == "information" and "перевірено" in quiet_boxes[-1][1]
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE stage SET title = 'змінено після копії'")
    raw.close()
    assert window.backup_actions.restore(str(made)) is True
    with sqlite3.connect(db_path) as raw:
        assert "змінено після копії" not in {r[0] for r in raw.execute("SELECT title FROM stage")}
    raw.close()
    assert list(db_path.parent.glob("kr.sqlite3.replaced-*"))
    assert any(e.reason == "before-restore" for e in list_backups(backups_dir(db_path)))


def test_restore_is_refused_for_an_operator_even_when_called_directly(qtbot, db_path, quiet_boxes):
    from kr_desktop.services import backups
    from kr_desktop.services.access import AccessDenied
    from kr_desktop.ui.main_window import MainWindow

    db = open_database(db_path)
    try:
        saved = backups.backup_now(db).path
        db.role = "operator"
        window = MainWindow(db)
        qtbot.addWidget(window)
        assert not window.backup_actions.restore_action.isEnabled()
        before = _digest(db_path)
        assert window.backup_actions.restore(str(saved)) is False
        assert "адміністратор" in quiet_boxes[-1][1]
        with pytest.raises(AccessDenied):
            backups.restore(db, saved)
        assert _digest(db_path) == before
    finally:
        db.dispose()


# -- two processes on one file -----------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    from sqlalchemy import text
    from kr_desktop.db.open import open_database
    db = open_database(sys.argv[1])
    who = sys.argv[2]
    for i in range(150):
        with db.changing("Паралельний запис") as session:
            session.execute(text("INSERT INTO app_setting (key, value) VALUES (:k, '1')"), {"k": f"t.{who}.{i}"})
            session.execute(text("UPDATE stage SET title = title WHERE annex_number = 1"))
        with db.reading() as session:
            session.execute(text("SELECT count(*) FROM app_setting")).scalar()
    db.dispose()
    print("done", who)
""")


def test_two_processes_write_to_one_file_at_once(db_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    children = [subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), who], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, env=env) for who in ("a", "b")]
    results = [child.communicate(timeout=120) for child in children]
    for child, (out, err) in zip(children, results):
        assert child.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
        assert out.startswith("done")
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("SELECT count(*) FROM app_setting WHERE key LIKE 't.%'").fetchone()[0] == 300
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()


def test_every_connection_uses_wal_full_sync_and_a_busy_timeout(db_path):
    # WAL: a second window reads while one writes; FULL: a committed change (settings included,
    # they live in the database) survives a power loss; busy timeout: a writer waits, never fails.
    database = open_database(db_path)
    try:
        with database.engine.connect() as connection:
            pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("busy_timeout") >= 5000
            assert pragma("foreign_keys") == 1
    finally:
        database.dispose()


def test_a_restore_cancelled_during_the_copy_leaves_the_database_as_it_was(qtbot, db_path, quiet_boxes, monkeypatch):
    import threading

    import kr_desktop.cancel as cancel
    from kr_desktop.ui import jobs
    from kr_desktop.ui.main_window import MainWindow

    db = open_database(db_path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    made = window.backup_actions.backup_now()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE stage SET title = 'змінено після копії'")
    raw.close()
    seen = []
    real = cancel.checkpoint

    def checkpoint(*args):  # «Скасувати» pressed while the backup is being copied in
        seen.append(threading.current_thread() is threading.main_thread())
        if len(seen) == 1 and jobs.run.current is not None:
            jobs.run.current[0].cancel()
        real(*args)

    monkeypatch.setattr(cancel, "checkpoint", checkpoint)
    assert window.backup_actions.restore(str(made)) is False
    assert seen and not any(seen)  # the work ran off the UI thread
    with sqlite3.connect(db_path) as raw:  # the change made after the copy is still there: not restored
        assert "змінено після копії" in {r[0] for r in raw.execute("SELECT title FROM stage")}
    raw.close()
    assert not list(db_path.parent.glob("kr.sqlite3.replaced-*")) and not list(db_path.parent.glob("*.part"))
