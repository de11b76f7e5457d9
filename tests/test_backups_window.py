"""Backups a clerk can use (issue 17): a backup into a chosen folder (a USB stick) from the File menu,
and restore from a list of the copies with their date, size and record counts."""

import sqlite3

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kr_desktop.db.backup import backups_dir, list_backups
from kr_desktop.db.backup.summary import summarize_backup
from kr_desktop.db.open import open_database
from kr_desktop.services import backups, persons
from kr_desktop.ui.backup_dialogs import RestoreDialog, size_text

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def quiet_boxes(monkeypatch):
    shown = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda parent, title, text, *a, _n=name: shown.append((_n, text)))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown


def _persons(path) -> int:
    with sqlite3.connect(path) as raw:
        count = raw.execute("SELECT count(*) FROM person").fetchone()[0]
    raw.close()
    return count


def test_a_backup_into_a_chosen_folder_from_the_file_menu(qtbot, db_path, tmp_path, quiet_boxes):
    from kr_desktop.ui.main_window import MainWindow

    stick = tmp_path / "USB"
    stick.mkdir()
    db = open_database(db_path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Резервна копія в теку (на флешку)…" in texts
    made = window.backup_actions.backup_to_folder(str(stick))
    assert made is not None and made.parent == stick and made.name.startswith("kr_desktop-")
    assert quiet_boxes[-1][0] == "information" and str(made) in quiet_boxes[-1][1]
    summary = summarize_backup(made)
    assert summary.problem is None and summary.records["measure"] > 0
    assert window.backup_actions.backup_to_folder(str(tmp_path / "немає")) is None  # a stick pulled out
    assert "не існує" in quiet_boxes[-1][1]


def test_restore_from_the_list_of_copies(qtbot, db_path, quiet_boxes):
    from kr_desktop.ui.main_window import MainWindow

    db = open_database(db_path)
    persons.create_person(db, persons.PersonInput("Першенко", "Петро", "Петрович"))
    first = backups.backup_now(db).path  # one person
    persons.create_person(db, persons.PersonInput("Другенко", "Дмитро", "Дмитрович"))
    backups.backup_now(db)  # two persons
    persons.create_person(db, persons.PersonInput("Третяк", "Тарас", "Тарасович"))
    assert _persons(db_path) == 3

    window = MainWindow(db)
    qtbot.addWidget(window)
    seen = {}

    def pick_the_older_copy():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            QTimer.singleShot(20, pick_the_older_copy)
            return
        table = dialog.table
        seen["rows"] = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
        row = next(r for r, s in enumerate(dialog.summaries) if s.path == first)
        dialog.table.selectRow(row)
        dialog.restore_button.click()

    QTimer.singleShot(0, pick_the_older_copy)
    assert window.backup_actions.restore() is True
    rows = seen["rows"]
    assert len(rows) == 2 and all("створена вручну" == row[1] for row in rows)
    assert [row[3].split(";")[0] for row in rows] == ["осіб: 2", "осіб: 1"]  # newest first, what each holds
    assert all(row[2].endswith(("КБ", "МБ")) and row[4].startswith("kr_desktop-") for row in rows)
    assert rows[0][0][2] == "." and rows[0][0][5] == "."  # dd.MM.yyyy HH:MM
    assert _persons(db_path) == 1  # the older copy is back
    assert any(e.reason == "before-restore" for e in list_backups(backups_dir(db_path)))


def test_a_copy_from_elsewhere_joins_the_list_and_a_foreign_file_cannot_be_chosen(qtbot, db_path, tmp_path):
    db = open_database(db_path)
    try:
        elsewhere = backups.backup_to_folder(db, tmp_path).path
        foreign = tmp_path / "інше.sqlite3"
        with sqlite3.connect(foreign) as raw:
            raw.execute("CREATE TABLE t (x)")
        raw.close()
        dialog = RestoreDialog(backups.backup_summaries(db), backups.summary_of)
        qtbot.addWidget(dialog)
        assert dialog.table.rowCount() == 0 and not dialog.empty.isHidden()  # «no copies yet: pick a file»
        dialog.add_file(str(foreign))
        assert "не можна відновити" in dialog.table.item(0, 3).text()
        assert not dialog.restore_button.isEnabled()
        dialog.add_file(str(elsewhere))
        assert dialog.table.rowCount() == 2 and dialog.restore_button.isEnabled()
        dialog.choose()
        assert dialog.chosen == elsewhere
    finally:
        db.dispose()


def test_sizes_read_as_people_write_them():
    assert size_text(850 * 1024) == "850 КБ"
    assert size_text(13 * 1024 * 1024 + 400 * 1024) == "13,4 МБ"
