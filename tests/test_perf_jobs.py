"""Long work from the window runs off the UI thread, and «Скасувати» leaves nothing behind
(pytest-qt, offscreen)."""

import threading

import openpyxl
from PySide6.QtCore import QTimer

from kr_desktop.services import award_import, awards, persons
from kr_desktop.services.demo_data import fill_demo
from kr_desktop.ui import jobs
from kr_desktop.ui.awards_import_dialog import ImportDialog
from kr_desktop.ui.awards_screen import AwardsScreen
from kr_desktop.ui.context import AppContext


def _screen(qtbot, db):
    screen = AwardsScreen(AppContext(db))
    qtbot.addWidget(screen)
    screen.show()
    return screen


def _cancel_at(module, monkeypatch, nth: int, seen: list):
    """Press «Скасувати» of the running job when the work reaches its ``nth`` checkpoint."""
    real = module.checkpoint

    def checkpoint(*args):
        seen.append(threading.current_thread() is threading.main_thread())
        if len(seen) == nth:
            job, dialog = jobs.run.current
            job.cancel()  # what the dialog's button does (the dialog lives in the UI thread)
        real(*args)

    monkeypatch.setattr(module, "checkpoint", checkpoint)


def test_printing_runs_off_the_ui_thread_and_the_window_keeps_working(qtbot, db, tmp_path, monkeypatch):
    import kr_desktop.reports.render_pdf as render_pdf

    fill_demo(db, 1500, seed=3)
    screen = _screen(qtbot, db)
    ticked = threading.Event()
    ticks = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: (ticks.append(1), len(ticks) >= 3 and ticked.set()))
    timer.start()
    real, waited = render_pdf.checkpoint, []

    def checkpoint(*args):  # the first page waits until the UI thread's timer has run three times:
        if not waited:      # were the work on the UI thread, that could never happen
            waited.append(ticked.wait(10))
        real(*args)

    monkeypatch.setattr(render_pdf, "checkpoint", checkpoint)
    folder = tmp_path / "out"
    folder.mkdir()
    out = screen.print_awards(str(folder / "list.pdf"))
    timer.stop()
    assert out == folder / "list.pdf" and out.stat().st_size > 10_000
    assert waited == [True]  # the UI thread's event loop ran while the report was printed
    assert [p.name for p in folder.iterdir()] == ["list.pdf"]


def test_cancelled_printing_leaves_no_file(qtbot, db, tmp_path, monkeypatch):
    import kr_desktop.reports.render_pdf as render_pdf

    fill_demo(db, 1500, seed=3)
    screen = _screen(qtbot, db)
    seen: list = []
    _cancel_at(render_pdf, monkeypatch, 3, seen)  # on the third page
    folder = tmp_path / "out"
    folder.mkdir()
    assert screen.print_awards(str(folder / "list.pdf")) is None
    assert len(seen) == 3 and not any(seen)  # stopped at once, and the pages were laid out in a worker
    assert list(folder.iterdir()) == []  # neither the report nor its temporary file


def _sheet(path, rows: int):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Прізвище", "Ім’я", "По батькові", "Відзнака", "Вид документа", "Номер документа",
                  "Дата документа"])
    for i in range(rows):
        sheet.append([f"Їжакевич{chr(0x430 + i % 32)}{i}".replace("0", "о").replace("1", "і")
                      .replace("2", "д").replace("3", "т").replace("4", "ч").replace("5", "п")
                      .replace("6", "ш").replace("7", "с").replace("8", "в").replace("9", "є"),
                      "Ґанна", "Петрівна", "Подяка міського голови", "розпорядження", str(i + 1), "01.02.2024"])
    book.save(path)


def test_cancelled_import_writes_no_rows(qtbot, db, tmp_path, monkeypatch):
    path = tmp_path / "awards.xlsx"
    _sheet(path, 400)
    screen = _screen(qtbot, db)
    dialog = ImportDialog(screen.context, screen)
    qtbot.addWidget(dialog)
    dialog.choose(str(path))
    assert dialog.plan.ok and len(dialog.plan.rows) == 400
    seen: list = []
    _cancel_at(award_import.importing, monkeypatch, 3, seen)  # after every row was inserted, before the commit
    assert dialog.run() is False
    assert len(seen) == 3 and not any(seen)
    assert persons.count_persons(db) == 0 and awards.count_awards(db) == 0

    monkeypatch.undo()
    assert dialog.run() is True  # not cancelled: everything arrives
    assert persons.count_persons(db) == 400 and awards.count_awards(db) == 400


def test_a_refusal_in_the_worker_reaches_the_window_as_the_same_error(qtbot, db, tmp_path):
    from kr_desktop.errors import UserError

    screen = _screen(qtbot, db)

    def work():
        raise UserError("Файл зайнятий")

    try:
        jobs.run(screen, "…", work)
    except UserError as exc:
        assert exc.message == "Файл зайнятий"
    else:
        raise AssertionError("the error was lost")


def test_backup_from_the_file_menu_runs_off_the_ui_thread_and_cancelled_leaves_no_file(qtbot, db, monkeypatch):
    import kr_desktop.cancel as cancel
    from kr_desktop.db import backup
    from kr_desktop.services.backups import backups_folder
    from kr_desktop.ui.main_window import MainWindow

    fill_demo(db, 3000, seed=4)  # a file of several steps of the copy
    window = MainWindow(db)
    qtbot.addWidget(window)
    folder = backups_folder(db)
    before = set(folder.glob("*")) if folder.exists() else set()
    seen: list = []
    _cancel_at(cancel, monkeypatch, 2, seen)  # on the second step of the copy
    assert window.backup_actions.backup_now() is None
    assert seen and not any(seen)  # the copy ran in the worker thread
    assert (set(folder.glob("*")) if folder.exists() else set()) == before  # no backup, no temporary file
    monkeypatch.undo()
    shown = []
    monkeypatch.setattr("kr_desktop.ui.backup_actions.QMessageBox.information", lambda *a: shown.append(a[2]))
    path = window.backup_actions.backup_now()
    assert path is not None and path.parent == folder and backup.verify_backup(path)
    assert shown and path.name in shown[0]


def test_printing_the_program_from_the_file_menu_runs_off_the_ui_thread(qtbot, db, tmp_path, monkeypatch):
    import kr_desktop.reports.program_pdf as program_pdf
    from kr_desktop.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    seen: list = []
    _cancel_at(program_pdf, monkeypatch, 2, seen)
    out = tmp_path / "out"
    out.mkdir()
    assert window.print_program(str(out / "p.pdf")) is None  # cancelled on the second page
    assert seen and not any(seen) and not list(out.iterdir())  # in the worker; no file, no temporary
