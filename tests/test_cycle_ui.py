"""The cycle in the window: a clerk types a period's reports with the keyboard and the control
screen (the start screen) turns from red to green; editing dialogs; reports from the window."""

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from kr_desktop.services import executors as executors_service
from kr_desktop.services.program import amendments
from kr_desktop.services.progress import period_grid
from kr_desktop.ui.control_models import COLOURS, STATUS_ROLE
from kr_desktop.domain.control import ControlStatus
from kr_desktop.ui.main_window import MainWindow

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
def refusals(monkeypatch):
    """Refusal messages the window would show (a modal box would block the test)."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    return shown


_VIEW = []


def _target():
    """Where the keyboard goes: the open cell editor, else the grid (as focus would decide)."""
    view = _VIEW[-1]
    editor = view.indexWidget(view.currentIndex())
    return editor or QApplication.focusWidget() or view


def _type(text):
    """QTest key clicks, one per character (QTest.keyClicks asserts on non-ASCII letters)."""
    for ch in text:
        key = Qt.Key(ord(ch.upper())) if not ch.isascii() else QTest.asciiToKey(ch)
        QTest.sendKeyEvent(QTest.KeyAction.Click, _target(), key, ch, Qt.KeyboardModifier.NoModifier)


def _key(key):
    QTest.keyClick(_target(), key)


def _executor(db, starts):
    return next(e for e in executors_service.list_executors(db) if e.name.startswith(starts))


def _colour(model, row):
    return QColor(model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole))  # what the view paints


def test_control_is_the_start_screen(window):
    assert window.tabs.widget(0) is window.control_screen
    assert window.tabs.tabText(0) == "Контроль"


def test_clerk_types_a_period_with_the_keyboard_and_control_turns_green(window, db, refusals):
    press = _executor(db, "Управління преси")
    control = window.control_screen
    control.date.setDate(QDate(YEAR, 7, 15))
    row = control.counts_model.row_of(press.id)
    assert _colour(control.counts_model, row) == COLOURS[ControlStatus.OVERDUE]  # nothing reported after 10 July

    progress = window.progress_screen
    window.tabs.setCurrentWidget(progress)
    progress.year.setValue(YEAR)
    progress.half.setCurrentIndex(0)
    progress.select_executor(press.id)
    model, view = progress.model, progress.view
    _VIEW.append(view)
    rows = model.rowCount()
    assert rows == 3
    view.setFocus()
    view.setCurrentIndex(model.index(0, progress._column("status")))
    for i in range(rows):
        _type("викона")                   # the status combo: «виконано» by its first letters
        _key(Qt.Key.Key_Tab)
        _type(f"Проведено {i + 1} заходи")  # what was done
        _key(Qt.Key.Key_Tab)
        _type(f"{i + 1} 000,25")          # actual amount
        _key(Qt.Key.Key_Tab)              # reasons: none
        _key(Qt.Key.Key_Tab)              # date received: today by default
        _key(Qt.Key.Key_Tab)              # who reported: the filtered executor by default
        _key(Qt.Key.Key_Return)           # Enter: on to the next row's status
    assert refusals == []

    grid = period_grid(db, YEAR, 1, press.id)
    assert [r.status_label for r in grid.rows] == ["виконано"] * 3
    assert [r.narrative for r in grid.rows] == ["Проведено 1 заходи", "Проведено 2 заходи", "Проведено 3 заходи"]
    assert [sum(r.amounts.values()) for r in grid.rows] == [Decimal("1000.25"), Decimal("2000.25"), Decimal("3000.25")]
    assert all(r.reported_by == press.name and r.received_on == dt.date.today() for r in grid.rows)
    assert progress.count.text() == "Надано 3 з 3\u00a0звітів"

    row = control.counts_model.row_of(press.id)
    assert _colour(control.counts_model, row) == COLOURS[ControlStatus.DONE]
    assert control.counts_model.data(control.counts_model.index(row, 0), STATUS_ROLE) == "done"
    for counts in control.counts_model.rows:  # an executor sharing the typed measures may be done too
        complete = all(r.reported for r in period_grid(db, YEAR, 1, counts.executor_id).rows)
        expected = ControlStatus.DONE if complete else ControlStatus.OVERDUE
        assert _colour(control.counts_model, control.counts_model.row_of(counts.executor_id)) == COLOURS[expected]
    assert sum(1 for c in control.counts_model.rows if c.overdue) >= 5

    control.date.setDate(QDate(YEAR + 1, 1, 11))  # the II half-year's report was due on 10 January
    assert _colour(control.counts_model, control.counts_model.row_of(press.id)) == COLOURS[ControlStatus.OVERDUE]
    control.date.setDate(QDate(YEAR + 1, 1, 2))  # … and is due within the threshold on 2 January
    assert _colour(control.counts_model, control.counts_model.row_of(press.id)) == COLOURS[ControlStatus.DUE_SOON]
    control.date.setDate(QDate(YEAR, 7, 1))  # before the first one was due: reported, green
    assert _colour(control.counts_model, control.counts_model.row_of(press.id)) == COLOURS[ControlStatus.DONE]
    assert any(_colour(control.counts_model, r) == COLOURS[ControlStatus.DUE_SOON]
               for r in range(control.counts_model.rowCount()))


def test_a_bad_amount_in_the_grid_is_refused_and_nothing_saved(window, db, refusals):
    progress = window.progress_screen
    progress.year.setValue(YEAR)
    progress.half.setCurrentIndex(1)
    model = progress.model
    assert model.setData(model.index(0, progress._column("narrative")), "Щось")  # no status yet: waits for it
    assert period_grid(db, YEAR, 2).rows[0].status is None  # nothing saved without a status
    assert model.setData(model.index(0, progress._column("status")), "виконується")  # saved with what waited
    row = period_grid(db, YEAR, 2).rows[0]
    assert row.status_label == "виконується" and row.narrative == "Щось"
    amount = next(i for i, c in enumerate(model.columns) if c.key.startswith("amount:"))
    assert not model.setData(model.index(0, amount), "п'ять")
    assert "не число" in model.error_at(model.index(0, amount)) and "Захід 1.1" in model.error_at(model.index(0, amount))
    assert model.data(model.index(0, amount)) == "п'ять"  # kept as typed, shown red
    assert not model.setData(model.index(0, amount), "-10")
    assert "від’ємною" in model.error_at(model.index(0, amount))
    assert refusals == []  # no modal box
    row = period_grid(db, YEAR, 2).rows[0]
    assert row.status_label == "виконується" and row.amounts == {}


def test_measure_dialog_shows_the_deadline_understood_while_typing(window, db, refusals):
    screen = window.program_screen
    measure_id = period_grid(db, YEAR, 1).rows[0].measure_id
    assert screen.select_measure(measure_id)
    dialog = screen.measure_dialog(measure_id)
    dialog.deadline.clear()
    for ch in "Щорічно в травні":
        QTest.sendKeyEvent(QTest.KeyAction.Click, dialog.deadline, Qt.Key(ord(ch.upper())), ch,
                           Qt.KeyboardModifier.NoModifier)
    assert dialog.understood.text() == "щорічно, до кінця місяця: травень"
    dialog.deadline.setText("Коли вийде")
    assert "не розпізнано" in dialog.understood.text()
    dialog.text.setPlainText("   ")
    assert not dialog.save()
    assert "Зміст заходу" in refusals[-1]
    dialog.text.setPlainText("Уточнений захід")
    dialog.deadline.setText("Щорічно в травні")
    assert dialog.save()
    assert "Уточнений захід" in screen.detail.toPlainText()
    assert "щорічно, до кінця місяця: травень" in screen.detail.toPlainText()


def test_funding_dialog_saves_through_an_amendment_and_the_mismatch_is_shown(window, db, refusals):
    screen = window.program_screen
    assert "узгоджені" in screen.consistency.text()
    amendment = amendments.add_amendment(db, "01.09.2025", "5000")
    from sqlalchemy import select

    from kr_desktop.db.models import Direction, Stage

    with db.reading() as s:
        direction_id = s.scalar(select(Direction.id).join(Stage).where(Stage.annex_number == 3, Direction.number == 4))
    dialog = screen.funding_dialog("direction", direction_id)
    source = next(s.id for s in dialog.sources if s.name.startswith("Бюджет Криворізької"))
    dialog.set_cell(source, 2026, "абв")
    assert not dialog.save() and "не число" in refusals[-1]
    dialog.set_cell(source, 2026, "1 600 000,00")
    dialog.amendment.setCurrentIndex(dialog.amendment.findData(amendment))
    assert dialog.save()
    text = screen.consistency.text().replace("\u00a0", " ")
    assert "2026 рік: у паспорті 1 598 026,00 грн, у таблиці Додатка 3 1 620 400,00 грн" in text
    again = screen.funding_dialog("direction", direction_id)
    again.table.setCurrentCell(next(i for i, s in enumerate(again.sources) if s.id == source), again.years.index(2026))
    assert "рішення від 01.09.2025 №5000: 1577626.00 → 1600000.00" in again.history.text()


def test_executors_dialog_merges_two_records(window, db, refusals):
    from kr_desktop.ui.program_edit_dialogs import ExecutorsDialog

    dialog = ExecutorsDialog(window.context)
    dialog.add("Кадрова служба виконкому (дубль)")
    keep = _executor(db, "Кадрова служба виконкому міської ради")
    duplicate = _executor(db, "Кадрова служба виконкому (дубль)")
    dialog.list.setCurrentRow(next(i for i, e in enumerate(dialog.executors) if e.id == duplicate.id))
    dialog.merge(keep.id)
    assert all(e.id != duplicate.id for e in executors_service.list_executors(db))
    assert refusals == []


def test_reports_from_the_window_and_signatures_from_settings(window, db, tmp_path, refusals):
    from kr_desktop.ui.control_settings_dialog import ControlSettingsDialog
    from kr_desktop.ui.signers_dialog import SignersDialog

    dialog = ControlSettingsDialog(window.context)
    dialog.fields["program.control.soon_days"].setText("багато")
    assert not dialog.save() and "не ціле число" in refusals[-1]
    dialog.fields["program.control.soon_days"].setText("30")
    assert dialog.save()
    signers = SignersDialog(window.context)
    signers.fields["reports"][1].setText("Олена ПЕТРЕНКО")
    assert signers.save()
    assert window.control_screen.soon_label.text() == "Жовтим — строк упродовж 30 дн."
    control = window.control_screen
    out = control.print_half_year(2024, 1, str(tmp_path / "h.docx"))
    from docx import Document

    text = "\n".join(p.text for p in Document(out).paragraphs) + "\n".join(
        c.text for t in Document(out).tables for r in t.rows for c in r.cells)
    assert "Олена ПЕТРЕНКО" in text and "інформація не надана" in text
    assert control.print_budget(2024, str(tmp_path / "b.xlsx")).exists()
    assert control.print_overdue(str(tmp_path / "o.pdf")).exists()
    assert "Звіт збережено" in window.statusBar().currentMessage()


def test_chart_bars_follow_plan_and_actual(window, db):
    chart_screen = window.chart_screen
    bars = chart_screen.chart.bars
    assert [b.year for b in bars] == list(range(2017, 2028))
    plan_2024 = next(b for b in bars if b.year == 2024).plan
    assert plan_2024 == Decimal("1395676.00")
    window.tabs.setCurrentWidget(chart_screen)
    rects = chart_screen.chart.bar_rects()
    tallest = max(range(len(bars)), key=lambda i: bars[i].plan)
    assert rects[tallest][0].height() == pytest.approx(max(r[0].height() for r in rects))
    i2024 = [b.year for b in bars].index(2024)
    assert rects[i2024][0].height() / rects[tallest][0].height() == pytest.approx(
        float(plan_2024 / bars[tallest].plan), rel=1e-6)
    chart_screen.scope.setCurrentIndex(chart_screen.scope.count() - 1)  # a direction of Додаток 3
    assert [b.year for b in chart_screen.chart.bars] == [2024, 2025, 2026, 2027]
    image = chart_screen.chart.grab()
    assert not image.isNull()
