"""Several programs in the window: the chooser (remembered), the «Програми» menu's dialogs, the
import preview, and the detail pane marking values the decision does not print."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from kr_desktop.cli import main
from kr_desktop.db.open import open_database
from kr_desktop.reports.program_docx import render_program_docx
from kr_desktop.services.program import structure
from kr_desktop.services.program.choice import list_programs
from kr_desktop.services.program_view import load_document, load_tree
from kr_desktop.ui.main_window import MainWindow

NEXT_TITLE = "Програма сприяння розвитку місцевого самоврядування в м. Кривому Розі на 2028–2032 роки"


@pytest.fixture
def refusals(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    return shown


def _window(qtbot, db):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _tree_texts(screen) -> list[str]:
    model = screen.model
    program = model.item(0)
    texts = [program.text()] + [program.child(i).text() for i in range(program.rowCount())]
    return [text.replace("\u00a0", " ") for text in texts]


def test_a_program_made_on_the_command_line_is_in_the_chooser_and_stays_chosen(qtbot, db_path, capsys):
    assert main(["program", "new", "--title", NEXT_TITLE, "--years", "2028-2032", "--successor-of", "1176",
                 "--db", str(db_path)]) == 0
    db = open_database(db_path, create=False)
    window = _window(qtbot, db)
    chooser = window.program_chooser
    assert [chooser.itemData(i) for i in range(chooser.count())] == [1, 2]
    assert chooser.currentData() == 1 and chooser.currentText() == "№1176, 2017–2027"  # the one in force
    assert chooser.itemText(1) == "проєкт id 2, 2028–2032" and NEXT_TITLE in chooser.itemData(1, Qt.ItemDataRole.ToolTipRole)
    window.resize(1366, 768)
    qtbot.wait(10)
    for i in range(chooser.count()):  # the side panel shows each label whole, the arrow beside it
        assert chooser.fontMetrics().horizontalAdvance(chooser.itemText(i)) + 30 < chooser.width(), chooser.itemText(i)
    window.tabs.setCurrentWidget(window.program_screen)
    assert _tree_texts(window.program_screen)[1] == "Додаток 1: 2017–2019 роки"
    chooser.choose(2)
    assert window.context.program_id == 2
    assert _tree_texts(window.program_screen) == [NEXT_TITLE, "Додаток 1: 2028–2032 роки"]
    window.close()
    again = _window(qtbot, db)  # the choice is remembered for this database
    assert again.program_chooser.currentData() == 2 and again.context.program_id == 2
    again.close()
    db.dispose()


def test_new_successor_dialog_creates_and_chooses_it(qtbot, db, refusals):
    window = _window(qtbot, db)
    from kr_desktop.ui.program_dialogs import NewProgramDialog

    dialog = NewProgramDialog(window.context, successor=True, parent=window)
    assert dialog.years.text() == "2028-2038"  # after №1176, as long as it
    dialog.name.setPlainText(NEXT_TITLE)
    dialog.years.setText("2032-2028")
    assert dialog.save() is False and "Роки" in refusals[-1]
    dialog.years.setText("2028-2032")
    assert dialog.save() is True
    window.programs_menu._after(dialog.created_id)
    assert window.context.program_id == dialog.created_id
    assert load_tree(db, dialog.created_id).stages[0].directions[0].measures  # the structure was copied
    info = window.programs_menu.actions["info"]
    assert info.isEnabled()


def test_import_dialog_previews_then_imports(qtbot, db, tmp_path):
    path = tmp_path / "1176.docx"
    render_program_docx(load_document(db, 1), path)
    window = _window(qtbot, db)
    from kr_desktop.ui.program_import_dialog import ProgramImportDialog

    dialog = ProgramImportDialog(window.context, window)
    dialog.choose(str(path))
    assert dialog.run_button.isEnabled()
    preview = dialog.preview.toPlainText()
    assert "Додаток 3 (2024–2027): напрямів — 6, заходів — 18" in preview
    assert len(list_programs(db)) == 1  # the preview wrote nothing
    assert dialog.run() is True
    assert [p.status for p in list_programs(db)] == ["active", "draft"]


def test_import_dialog_refuses_a_document_it_cannot_place(qtbot, db, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Не рішення")
    document.save(tmp_path / "x.docx")
    window = _window(qtbot, db)
    from kr_desktop.ui.program_import_dialog import ProgramImportDialog

    dialog = ProgramImportDialog(window.context, window)
    dialog.choose(str(tmp_path / "x.docx"))
    assert not dialog.run_button.isEnabled() and "не вдалося прочитати" in dialog.summary.text()
    assert "Не вдалося прочитати або розмістити" in dialog.preview.toPlainText()
    assert dialog.run() is False and len(list_programs(db)) == 1


def test_the_detail_pane_marks_values_not_printed_in_their_own_cell(qtbot, db):
    window = _window(qtbot, db)
    screen = window.program_screen
    tree = load_tree(db)
    measures = {f"{s.annex_number}:{d.number}.{m.position}": m.id for s in tree.stages for d in s.directions
                for m in d.measures}
    screen.select_measure(measures["1:8.1"])
    html = screen.detail.toPlainText()
    assert "виведено — рішення не друкує" in html and "l.959–960" in html
    screen.select_measure(measures["1:8.3"])
    assert "з об’єднаної клітинки вище" in screen.detail.toPlainText()
    screen.select_measure(measures["1:8.2"])
    assert "з об’єднаної" not in screen.detail.toPlainText() and "виведено" not in screen.detail.toPlainText()
    screen.select_measure(measures["1:4.4"])
    assert "У межах затверджених бюджетних призначень" in screen.detail.toPlainText()


def test_the_measure_form_keeps_provenance_unless_the_value_is_retyped(qtbot, db):
    window = _window(qtbot, db)
    tree = load_tree(db)
    measure_id = next(m.id for s in tree.stages if s.annex_number == 1 for d in s.directions if d.number == 8
                      for m in d.measures if m.position == 1)
    from kr_desktop.ui.program_edit_dialogs import MeasureDialog

    dialog = MeasureDialog(window.context, None, measure_id, window)
    assert dialog.deadline_origin.origin.currentData() == "inferred"
    dialog.text.setPlainText(dialog.text.toPlainText() + " (уточнено)")
    assert dialog.save()
    edited = structure.measure_for_edit(db, measure_id)
    assert edited.deadline_provenance.origin == "inferred" and "l.959–960" in edited.deadline_provenance.note
    dialog = MeasureDialog(window.context, None, measure_id, window)
    dialog.deadline.setFocus()
    dialog.deadline.selectAll()
    for ch in "Щорічно":  # typed key by key (QTest.keyClicks asserts on non-ASCII letters)
        QTest.sendKeyEvent(QTest.KeyAction.Click, dialog.deadline, Qt.Key(ord(ch.upper())), ch,
                           Qt.KeyboardModifier.NoModifier)
    assert dialog.deadline.text() == "Щорічно"
    assert dialog.deadline_origin.origin.currentData() == "printed"
    assert dialog.save()
    assert structure.measure_for_edit(db, measure_id).deadline_provenance.origin == "printed"
