"""Qt conventions of the main window: shortcuts sent to the current screen, layout remembered
between runs (QSettings), Qt's dialogs in Ukrainian, help, About, icon."""

import datetime as dt

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QMessageBox, QVBoxLayout

from kr_desktop.services import award_types, awards, persons
from kr_desktop.ui import print_preview
from kr_desktop.ui.main_window import MainWindow
from kr_desktop.ui.window_state import app_settings


def _window(qtbot, db) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)  # shortcuts only reach the active window
    return window


def _press(window, keys: str) -> None:
    QTest.keySequence(window, QKeySequence(keys))


def _show(window, attribute: str):
    screen = getattr(window, attribute)
    window.tabs.setCurrentWidget(screen)
    return screen


def test_shortcuts_are_the_usual_ones(qtbot, db):
    window = _window(qtbot, db)
    keys = {name: action.shortcut().toString() for name, action in window.commands.actions.items()}
    assert keys == {"new_record": "Ctrl+N", "save_current": "Ctrl+S", "delete_selected": "Del",
                    "focus_search": "Ctrl+F", "print_current": "Ctrl+P"}
    assert window.commands.help_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert "Ctrl+Z" in [s.toString() for s in window.undo_actions.undo_action.shortcuts()]
    toolbar = [a.objectName() for a in window.commands.toolbar.actions() if a.objectName()]
    assert toolbar[:5] == ["action_new_record", "action_save_current", "action_delete_selected",
                           "action_focus_search", "action_print_current"]


def test_ctrl_f_focuses_the_search_box_and_commands_follow_the_tab(qtbot, db):
    window = _window(qtbot, db)
    actions = window.commands.actions
    assert window.tabs.currentWidget() is window.control_screen
    assert not actions["focus_search"].isEnabled() and not actions["new_record"].isEnabled()
    assert actions["print_current"].isEnabled()  # the control list
    screen = _show(window, "awards_screen")
    assert actions["focus_search"].isEnabled() and actions["new_record"].isEnabled()
    screen.search.setText("Іван")
    window.tabs.setFocus()
    _press(window, "Ctrl+F")
    assert QApplication.focusWidget() is screen.search
    assert screen.search.selectedText() == "Іван"  # typing replaces the old search


def test_ctrl_n_and_del_act_on_the_current_screen(qtbot, db, monkeypatch):
    types = award_types.list_award_types(db)
    person = persons.create_person(db, persons.PersonInput("Ґудзь", "Богдан", "Олексійович", "ч"))
    awards.save_award(db, awards.AwardInput(person, types[0].id, act_number="17", act_date=dt.date(2024, 5, 1)),
                      confirm=True)
    window = _window(qtbot, db)
    screen = _show(window, "awards_screen")
    opened = []
    monkeypatch.setattr(screen, "new_award", lambda: opened.append("award"))
    _press(window, "Ctrl+N")
    assert opened == ["award"]

    screen.awards_view.selectRow(0)
    screen.awards_view.setFocus()
    asked = []

    def answer(reply):
        def question(*args, **kwargs):
            asked.append(args[2] if len(args) > 2 else "")
            return reply
        return staticmethod(question)

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    _press(window, "Del")
    assert len(asked) == 1 and "ҐУДЗЬ" in asked[0]
    assert awards.count_awards(db, awards.AwardFilter()) == 1  # declined: nothing deleted
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    _press(window, "Del")
    assert awards.count_awards(db, awards.AwardFilter()) == 0


def test_viewer_gets_no_editing_commands(qtbot, db):
    db.role = "viewer"
    window = _window(qtbot, db)
    _show(window, "awards_screen")
    actions = window.commands.actions
    assert not actions["new_record"].isEnabled() and not actions["delete_selected"].isEnabled()
    assert actions["focus_search"].isEnabled() and actions["print_current"].isEnabled()


def test_ctrl_p_opens_the_print_preview_of_the_current_screen(qtbot, db, monkeypatch, tmp_path):
    window = _window(qtbot, db)
    _show(window, "program_screen")
    shown = []

    def exec_(dialog):
        dialog.show()
        shown.append((dialog.windowTitle(), dialog.page_count(), dialog.formats))
        dialog.reject()
        return 0

    monkeypatch.setattr(print_preview.ReportPreviewDialog, "exec", exec_)
    _press(window, "Ctrl+P")
    from pypdf import PdfReader

    from kr_desktop.reports.program_pdf import render_program_pdf
    from kr_desktop.services.program_view import load_document

    pages = len(PdfReader(render_program_pdf(load_document(db), tmp_path / "p.pdf")).pages)
    assert pages > 10 and shown == [("Попередній перегляд — Програма", pages, ("pdf",))]
    assert "preview" not in window.statusBar().currentMessage()  # the temporary file is not reported


def test_ctrl_s_presses_a_dialogs_save_button(qtbot):
    from kr_desktop.ui import dialog_keys

    dialog_keys.install(QApplication.instance())
    dialog = QDialog()
    qtbot.addWidget(dialog)
    edit = QLineEdit()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(edit)
    layout.addWidget(box)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    assert QTest.qWaitForWindowActive(dialog)
    edit.setFocus()
    QTest.keySequence(edit, QKeySequence("Ctrl+S"))
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_f1_opens_the_user_guide(qtbot, db):
    window = _window(qtbot, db)
    _press(window, "F1")
    help_window = window.commands.help_window
    assert help_window is not None and help_window.isVisible()
    text = help_window.text()
    for section in ("Піврічний цикл", "Реєстр відзнак", "Друк списків", "Резервні копії"):
        assert section in text
    help_window.close()


def test_window_size_survives_a_restart(qtbot, db):
    first = _window(qtbot, db)
    first.resize(780, 560)  # within the offscreen screen (800×600): restoreGeometry keeps it on screen
    first.close()
    saved = app_settings()
    assert saved.format() == QSettings.Format.IniFormat  # the test's own file (conftest), not the user's
    second = _window(qtbot, db)
    assert (second.width(), second.height()) == (780, 560)


def test_splitters_and_column_widths_survive_a_restart(qtbot, db):
    def share(sizes):  # a splitter keeps its proportions when the window is resized
        return round(sizes[0] / sum(sizes), 2)

    first = _window(qtbot, db)
    program = _show(first, "program_screen")
    default = share(program.splitter.sizes())
    program.splitter.setSizes([200, 800])
    wanted_split = share(program.splitter.sizes())
    assert abs(wanted_split - default) > 0.05
    awards_screen = _show(first, "awards_screen")
    awards_screen.awards_view.setColumnWidth(1, 177)
    first.close()
    assert app_settings().value("screens/program_screen/splitter/programSplitter") is not None

    second = _window(qtbot, db)
    assert share(_show(second, "program_screen").splitter.sizes()) == pytest.approx(wanted_split, abs=0.011)
    assert _show(second, "awards_screen").awards_view.columnWidth(1) == 177


def test_a_screen_never_opened_keeps_its_saved_layout(qtbot, db):
    first = _window(qtbot, db)
    _show(first, "awards_screen").awards_view.setColumnWidth(3, 155)  # (column 2, the document, takes the rest)
    first.close()
    second = _window(qtbot, db)  # the awards tab is not opened this time
    second.close()
    third = _window(qtbot, db)
    assert _show(third, "awards_screen").awards_view.columnWidth(3) == 155


def test_qt_standard_dialogs_speak_ukrainian(qtbot):
    from kr_desktop.ui.app import install_translations

    assert install_translations(QApplication.instance())
    box = QMessageBox(QMessageBox.Icon.Question, "Питання", "Видалити?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    texts = [b.text().replace("&", "") for b in box.buttons()]
    assert sorted(texts) == ["Ні", "Так"]


def test_about_lists_versions_read_at_run_time(qtbot):
    from importlib import metadata

    from kr_desktop.ui.about_box import about_html

    html = about_html()
    for dist in ("SQLAlchemy", "reportlab", "PySide6-Essentials", "pypdfium2"):
        assert metadata.version(dist) in html
    assert "SIL Open Font License 1.1" in html and "LGPL-3.0" in html


def test_app_icon_is_shipped_in_several_sizes(qtbot):
    from kr_desktop.ui.window_commands import app_icon

    icon = app_icon()
    assert not icon.isNull()
    sizes = {size.width() for size in icon.availableSizes()}
    assert {16, 32, 48, 256} <= sizes


@pytest.mark.parametrize("layout_key", ["window/geometry", "window/state"])
def test_window_geometry_and_toolbar_state_are_saved(qtbot, db, layout_key):
    window = _window(qtbot, db)
    window.close()
    assert app_settings().value(layout_key) is not None
