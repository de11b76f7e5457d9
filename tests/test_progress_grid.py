"""The report grid keeps what was typed: each status entered with the keyboard alone is recorded
exactly, ambiguous beginnings are refused (never the first match), a refused cell stays in edit
with its text and a red message beside it, amounts typed before the status wait for it, texts are
multi-line, removing a report asks first."""

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox

from kr_desktop.domain.progress import STATUS_KEYS, STATUS_LABELS, Status
from kr_desktop.services import executors as executors_service
from kr_desktop.services.progress import period_grid
from kr_desktop.ui.main_window import MainWindow
from kr_desktop.ui.progress_editors import StatusEditor, TextEditor

YEAR = 2025


@pytest.fixture
def window(qtbot, db):
    w = MainWindow(db)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


@pytest.fixture
def boxes(monkeypatch):
    """Modal boxes the window would show (none is expected while typing)."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a, **k: shown.append(text))
    return shown


def _executor(db, starts):
    return next(e for e in executors_service.list_executors(db) if e.name.startswith(starts))


def _grid(window, executor=None, half=1):
    progress = window.progress_screen
    window.tabs.setCurrentWidget(progress)
    progress.show_period(YEAR, half, executor)
    progress.view.setFocus()
    return progress


def _target(view):
    """Where the keyboard goes: an open popup (the completer's list), the cell editor, or the grid."""
    popup = QApplication.activePopupWidget()
    if popup is not None and popup.isVisible():
        return popup
    return view.indexWidget(view.currentIndex()) or QApplication.focusWidget() or view


def _type(view, text):
    for ch in text:
        key = Qt.Key(ord(ch.upper())) if not ch.isascii() else QTest.asciiToKey(ch)
        QTest.sendKeyEvent(QTest.KeyAction.Click, _target(view), key, ch, Qt.KeyboardModifier.NoModifier)


def _key(view, key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(_target(view), key, modifier)


def _at(progress, row, key):
    progress.view.setCurrentIndex(progress.model.index(row, progress._column(key)))


def test_each_status_typed_with_the_keyboard_is_recorded_exactly(window, db, boxes):
    progress = _grid(window, None)  # every executor's rows
    view = progress.view
    assert progress.model.rowCount() >= 14
    # three ways to type each status: its key, its whole label (with the space), a unique beginning
    typed = [(status, STATUS_KEYS[status]) for status in Status]
    typed += [(status, STATUS_LABELS[status]) for status in Status]
    typed += [(Status.NOT_STARTED, "не р"), (Status.NOT_DONE, "не в"), (Status.POSTPONED, "пер"),
              (Status.IN_PROGRESS, "виконує")]
    rows = min(progress.model.rowCount(), len(typed))
    for row, (_status, text) in enumerate(typed[:rows]):
        _at(progress, row, "status")
        _type(view, text)
        _key(view, Qt.Key.Key_Tab)
    assert boxes == []
    saved = period_grid(window.db, YEAR, 1).rows
    assert [r.status for r in saved[:rows]] == [status for status, _text in typed[:rows]]


def test_an_ambiguous_beginning_is_refused_naming_the_candidates_and_stays_in_edit(window, db, boxes):
    press = _executor(db, "Управління преси")
    progress = _grid(window, press.id)
    view = progress.view
    _at(progress, 0, "status")
    _type(view, "вик")  # begins both «виконується» and «виконано»
    editor = view.indexWidget(progress.model.index(0, progress._column("status")))
    popup = editor.completer().popup()
    assert popup.isVisible() and popup.model().rowCount() == 2 and not popup.currentIndex().isValid()
    _key(view, Qt.Key.Key_Tab)  # to the list, as the keyboard goes while it is open: nothing chosen in it
    assert not popup.isVisible()
    assert isinstance(editor, StatusEditor) and editor.text() == "вик"
    assert view.state() == QAbstractItemView.State.EditingState
    message = progress.delegate.message
    assert message.isVisible() and "виконується (2)" in message.text() and "виконано (3)" in message.text()
    assert period_grid(window.db, YEAR, 1, press.id).rows[0].status is None
    _type(view, "о")  # «вико» is still both
    _key(view, Qt.Key.Key_Return)
    assert "кілька станів" in message.text()
    _type(view, "нано")  # «виконано»
    _key(view, Qt.Key.Key_Return)
    assert not message.isVisible()
    assert period_grid(window.db, YEAR, 1, press.id).rows[0].status is Status.DONE
    assert boxes == []


def test_a_space_is_typed_not_a_list_opened(window, db, boxes):
    press = _executor(db, "Управління преси")
    progress = _grid(window, press.id)
    view = progress.view
    _at(progress, 1, "status")
    _type(view, "не ")
    editor = view.indexWidget(progress.model.index(1, progress._column("status")))
    assert editor.text() == "не "  # the space is a character, the next letter is not lost
    _type(view, "виконано")
    _key(view, Qt.Key.Key_Tab)
    assert period_grid(window.db, YEAR, 1, press.id).rows[1].status is Status.NOT_DONE


def test_a_bad_amount_stays_in_edit_with_a_red_message_and_esc_restores(window, db, boxes):
    press = _executor(db, "Управління преси")
    progress = _grid(window, press.id)
    view, model = progress.view, progress.model
    _at(progress, 0, "status")
    _type(view, "2")
    _key(view, Qt.Key.Key_Tab)  # → «Що зроблено»
    _key(view, Qt.Key.Key_Tab)  # → the amount
    amount = view.currentIndex()
    assert model.columns[amount.column()].key.startswith("amount:")
    _type(view, "п'ять тисяч")
    _key(view, Qt.Key.Key_Tab)
    editor = view.indexWidget(amount)
    assert editor is not None and editor.text() == "п'ять тисяч"  # still in edit, nothing thrown away
    message = progress.delegate.message
    assert message.isVisible() and "не число" in message.text()
    assert message.geometry().top() >= view.visualRect(amount).bottom()  # beside the cell
    assert boxes == []
    assert period_grid(window.db, YEAR, 1, press.id).rows[0].amounts == {}
    _key(view, Qt.Key.Key_Escape)
    assert not message.isVisible() and model.data(amount) == ""
    assert period_grid(window.db, YEAR, 1, press.id).rows[0].status is Status.IN_PROGRESS


def test_leaving_a_refused_cell_with_the_mouse_reopens_it(window, db, boxes, qtbot):
    press = _executor(db, "Управління преси")
    progress = _grid(window, press.id)
    view, model = progress.view, progress.model
    _at(progress, 0, "status")
    _type(view, "3")
    _key(view, Qt.Key.Key_Tab)
    _key(view, Qt.Key.Key_Tab)
    amount = view.currentIndex()
    _type(view, "12,345")  # three decimals
    other = model.index(1, progress._column("narrative"))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(other).center())
    qtbot.waitUntil(lambda: view.indexWidget(amount) is not None)
    assert view.indexWidget(amount).text() == "12,345"
    assert "двох знаків" in progress.delegate.message.text()
    assert boxes == []


def test_amounts_typed_before_the_status_are_kept_and_saved_with_it(window, db, boxes):
    press = _executor(db, "Управління преси")
    progress = _grid(window, press.id)
    view, model = progress.view, progress.model
    amount_column = next(i for i, c in enumerate(model.columns) if c.key.startswith("amount:"))
    view.setCurrentIndex(model.index(2, amount_column))
    _type(view, "1 500,50")
    _key(view, Qt.Key.Key_Tab)
    assert model.data(model.index(2, amount_column)) == "1 500,50"
    assert model.data(model.index(2, amount_column), Qt.ItemDataRole.FontRole).italic()  # waits for the status
    assert period_grid(window.db, YEAR, 1, press.id).rows[2].status is None
    _at(progress, 2, "status")
    _type(view, "4")
    _key(view, Qt.Key.Key_Tab)
    row = period_grid(window.db, YEAR, 1, press.id).rows[2]
    assert row.status is Status.NOT_DONE and sum(row.amounts.values()) == Decimal("1500.50")
    assert boxes == []


def test_texts_are_multi_line_and_rows_grow_to_fit(window, db, boxes):
    press = _executor(db, "Управління преси")
    progress = _grid(window, press.id)
    view = progress.view
    _at(progress, 0, "status")
    _type(view, "3")
    _key(view, Qt.Key.Key_Tab)
    assert isinstance(view.indexWidget(view.currentIndex()), TextEditor)
    height = view.rowHeight(0)
    lines = [f"Рядок {n}" for n in range(1, 9)]
    for n, line in enumerate(lines):
        _type(view, line)
        last = n == len(lines) - 1
        _key(view, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier if last else Qt.KeyboardModifier.ShiftModifier)
    row = period_grid(window.db, YEAR, 1, press.id).rows[0]
    assert row.narrative == "\n".join(lines)
    assert view.rowHeight(0) > height  # eight lines need more than the measure's text did
    assert boxes == []


def test_the_executor_column_is_hidden_for_one_executor(window, db):
    press = _executor(db, "Управління преси")
    progress = _grid(window, None)
    column = progress._column("executor")
    assert not progress.view.isColumnHidden(column)
    progress.select_executor(press.id)
    assert progress.view.isColumnHidden(column)


def test_a_joint_measure_has_a_row_per_executor(window, db):
    progress = _grid(window, None)
    rows = progress.model.rows
    joint = [r for r in rows if len(r.executors) > 1]
    assert joint
    first = joint[0]
    mine = [r for r in rows if r.measure_id == first.measure_id]
    assert [r.executor for r in mine] == list(first.executors)


def test_removing_a_report_asks_first_and_is_not_the_tab_stop_before_the_grid(window, db, boxes, monkeypatch):
    press = _executor(db, "Управління преси")
    progress = _grid(window, press.id)
    view = progress.view
    _at(progress, 0, "status")
    _type(view, "2")
    _key(view, Qt.Key.Key_Tab)
    _at(progress, 0, "status")
    answers = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.append(a[2]) or QMessageBox.StandardButton.No)
    assert not progress.delete_selected()
    assert answers and "Управління преси" in answers[0] and "1.1" not in answers[0] or answers
    assert period_grid(window.db, YEAR, 1, press.id).rows[0].status is Status.IN_PROGRESS
    window.commands.actions["delete_selected"].trigger()  # Del: the same question
    assert len(answers) == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert progress.delete_selected()
    assert period_grid(window.db, YEAR, 1, press.id).rows[0].status is None
    progress.executor.setFocus()
    QTest.keyClick(progress.executor, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view  # the grid follows the filters, not the removal button
    assert boxes == []


def test_a_stale_row_shows_the_conflict_dialog_and_reloads(window, db, monkeypatch, qtbot):
    from kr_desktop.services.progress_saving import save_entry

    press = _executor(db, "Управління преси")
    progress = _grid(window, press.id)
    row = progress.model.rows[0]
    # another workstation saves the same report meanwhile
    save_entry(db, YEAR, 1, row.measure_id, row.executor_id, expected_version=None, status="виконано",
               narrative="З іншого робочого місця", today=dt.date(YEAR, 7, 5))
    shown = []
    monkeypatch.setattr("kr_desktop.ui.conflict_dialog.show_conflict", lambda parent, error: shown.append(error))
    model = progress.model
    model.setData(model.index(0, progress._column("status")), "не розпочато")
    assert shown and shown[0].theirs["narrative"] == "З іншого робочого місця"
    assert shown[0].yours["status"] == "не розпочато" and shown[0].theirs["status"] == "виконано"
    qtbot.waitUntil(lambda: progress.model.rows[0].status is Status.DONE)  # the stored version shown
    stored = period_grid(window.db, YEAR, 1, press.id).rows[0]
    assert stored.status is Status.DONE and stored.narrative == "З іншого робочого місця"


def test_a_status_chosen_in_the_list_is_the_one_highlighted(window, db, boxes):
    press = _executor(db, "Управління преси")
    progress = _grid(window, press.id)
    view = progress.view
    _at(progress, 2, "status")
    _type(view, "не")  # «не розпочато», «не виконано»
    _key(view, Qt.Key.Key_Down)
    _key(view, Qt.Key.Key_Down)  # the second in the list
    _key(view, Qt.Key.Key_Return)  # chosen: the editor now holds it
    editor = view.indexWidget(progress.model.index(2, progress._column("status")))
    assert editor.text() == "не виконано"
    _key(view, Qt.Key.Key_Return)
    assert period_grid(window.db, YEAR, 1, press.id).rows[2].status is Status.NOT_DONE
    assert boxes == []
