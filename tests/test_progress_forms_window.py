"""The forms round trip in the window: «Розіслати форми…» writes a form per executor into the chosen
folder; «Прийняти заповнені форми…» previews what will be saved (errors by row and column for a bad
form) and saves the accepted forms; the grid shows them."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from kr_desktop.domain.progress import Status
from kr_desktop.services.progress import period_grid
from kr_desktop.ui.main_window import MainWindow
from kr_desktop.ui.progress_forms_dialogs import SendFormsDialog, TakeFormsDialog
from tests.test_progress_forms import fill

YEAR, HALF = 2025, 2


@pytest.fixture
def window(qtbot, db):
    w = MainWindow(db)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    return shown


def _texts(model, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    rows = []
    for r in range(model.rowCount(parent)):
        rows.append([model.index(r, c, parent).data() for c in range(model.columnCount())])
        rows += _texts(model, model.index(r, 0, parent))
    return rows


def test_send_and_take_back_forms_in_the_window(window, db, tmp_path, boxes):
    progress = window.progress_screen
    window.tabs.setCurrentWidget(progress)
    progress.show_period(YEAR, HALF)
    send = SendFormsDialog(window.context, YEAR, HALF, progress)
    executors = {r.executor_id for r in period_grid(db, YEAR, HALF).rows}
    assert send.model.rowCount() == len(executors)
    send.folder.setText(str(tmp_path / "розсилка"))
    written = send.create()
    assert written and len(written) == len(executors)
    assert all(p.path.exists() for p in written)
    assert "Створено форм" in send.status.text()
    again = send.create()  # the same folder again: refused, shown in the dialog (no modal box)
    assert again is None and "уже є форми" in send.status.text() and boxes == []

    good = next(f for f in written if f.measures >= 2)
    bad = next(f for f in written if f.executor_id != good.executor_id)
    fill(good.path, lambda i, n: {"status": "виконано", "narrative": f"Звіт {n}", "amount": 10.5})
    fill(bad.path, lambda i, n: {"status": "виконано", "amount": "десять"})
    take = TakeFormsDialog(window.context, YEAR, HALF, progress, [good.path, bad.path])
    assert take.ready and take.run_button.isEnabled()
    texts = _texts(take.model)
    assert any(good.path.name in str(row[0]) and "можна прийняти: нових" in str(row[0]) for row in texts)
    assert any(bad.path.name in str(row[0]) and "НЕ ПРИЙНЯТО" in str(row[0]) for row in texts)
    assert any("не число" in str(row[2]) and str(row[0]).startswith("рядок") for row in texts)
    assert not any(r.reported for r in period_grid(db, YEAR, HALF).rows)  # the preview wrote nothing

    take.save()
    assert "Збережено форм: 1" in take.status.text()
    rows = [r for r in period_grid(db, YEAR, HALF).rows if r.executor_id == good.executor_id]
    assert all(r.status is Status.DONE and r.narrative == f"Звіт {r.number}" for r in rows)
    assert not any(r.reported for r in period_grid(db, YEAR, HALF).rows if r.executor_id == bad.executor_id)
    assert sum(1 for r in progress.model.rows if r.reported) == len(rows)  # the grid shows them at once
    assert boxes == []


def test_a_form_of_another_period_is_refused_in_the_window(window, db, tmp_path):
    progress = window.progress_screen
    send = SendFormsDialog(window.context, YEAR, 1, progress)
    send.folder.setText(str(tmp_path / "I"))
    form = send.create()[0]
    fill(form.path, lambda i, n: {"status": "виконано"})
    take = TakeFormsDialog(window.context, YEAR, HALF, progress, [form.path])
    assert not take.run_button.isEnabled()
    texts = _texts(take.model)
    assert any("а приймаються звіти за II\u00a0півріччя 2025 року" in str(row[2]) for row in texts)


def test_conflicts_are_previewed_with_both_versions_and_replaced_only_when_asked(window, db, tmp_path):
    progress = window.progress_screen
    send = SendFormsDialog(window.context, YEAR, HALF, progress)
    send.folder.setText(str(tmp_path / "forms"))
    form = next(f for f in send.create() if f.measures >= 1)
    row = next(r for r in period_grid(db, YEAR, HALF).rows if r.executor_id == form.executor_id)
    from kr_desktop.services.progress_saving import save_entry

    save_entry(db, YEAR, HALF, row.measure_id, row.executor_id, status="виконується", narrative="Внесено вручну",
               today=dt.date(YEAR + 1, 1, 5))
    fill(form.path, lambda i, n: {"status": "виконано", "narrative": "З форми"} if n == row.number else None)
    take = TakeFormsDialog(window.context, YEAR, HALF, progress, [form.path])
    texts = _texts(take.model)
    conflict = next(r for r in texts if str(r[0]).startswith("рядок") and "конфлікт" in str(r[1]))
    assert "у базі — Внесено вручну; у формі — З форми" in conflict[2]
    take.save()
    assert next(r for r in period_grid(db, YEAR, HALF).rows if r.key == row.key).narrative == "Внесено вручну"
    take = TakeFormsDialog(window.context, YEAR, HALF, progress, [form.path])
    take.replace.setChecked(True)
    assert any("буде замінено" in str(r[1]) for r in _texts(take.model))
    take.save()
    assert next(r for r in period_grid(db, YEAR, HALF).rows if r.key == row.key).narrative == "З форми"


def test_a_saved_form_is_one_undoable_change(window, db, tmp_path):
    from kr_desktop.services import undo

    progress = window.progress_screen
    send = SendFormsDialog(window.context, YEAR, HALF, progress)
    send.folder.setText(str(tmp_path / "forms"))
    form = next(f for f in send.create() if f.measures >= 2)
    fill(form.path, lambda i, n: {"status": "виконано"})
    take = TakeFormsDialog(window.context, YEAR, HALF, progress, [form.path])
    take.save()
    assert undo.undo_label(db) == f"Прийнято форму звіту «{form.executor}» за II\u00a0півріччя 2025 року"
    undo.undo(db)
    assert not any(r.reported for r in period_grid(db, YEAR, HALF).rows)
