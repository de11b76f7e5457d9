"""The window's side of trust: first start, login, Ctrl+Z / Ctrl+Shift+Z, journal, conflicts."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kr_desktop.db.models import Executor
from kr_desktop.db.open import open_database
from kr_desktop.services import users, versioning
from kr_desktop.services.access import VIEWER
from kr_desktop.ui import operations
from kr_desktop.ui.conflict_dialog import ConflictDialog
from kr_desktop.ui.login_dialog import FirstAdminDialog, LoginDialog, ask_for_user
from kr_desktop.ui.main_window import MainWindow

PASSWORD = "Пароль-сильний-2026"


def _when_dialog_opens(qtbot, act):
    """Run ``act(dialog)`` on the modal dialog as soon as it is shown."""
    seen = []

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, poll)
    return seen


def _executor(db):
    with db.reading() as s:
        return s.scalars(select(Executor).order_by(Executor.id).limit(1)).one()


def test_first_start_creates_the_admin_then_login_then_ctrl_z_undoes(qtbot, db):
    def create_admin(dialog):
        dialog.full_name_edit.setText("КОВАЛЕНКО Олена Петрівна")
        dialog.login_edit.setText("admin")
        dialog.password_edit.setText(PASSWORD)
        dialog.password_again_edit.setText(PASSWORD)
        dialog.ok_button.click()

    seen = _when_dialog_opens(qtbot, create_admin)
    user = ask_for_user(db)
    assert isinstance(seen[0], FirstAdminDialog) and "ще немає користувачів" in seen[0].findChild(
        type(seen[0].error_label)).text()
    assert user.login == "admin" and db.role == "admin"

    # The next start asks for a login; a wrong password is refused in the dialog itself.
    db.actor, db.role = "хтось", VIEWER
    errors = []

    def log_in(dialog):
        dialog.login_edit.setText("admin")
        dialog.password_edit.setText("невірний-пароль")
        dialog.ok_button.click()
        errors.append(dialog.error_label.text())
        dialog.password_edit.setText(PASSWORD)
        dialog.ok_button.click()

    seen = _when_dialog_opens(qtbot, log_in)
    assert ask_for_user(db).login == "admin"
    assert isinstance(seen[0], LoginDialog) and errors == [users.WRONG_CREDENTIALS]
    assert db.actor == "КОВАЛЕНКО Олена Петрівна (admin)" and db.role == "admin"

    qtbot.wait(20)  # the login dialog is deleted
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert "КОВАЛЕНКО Олена Петрівна" in window.user_label.text()
    executor = _executor(db)
    operations.perform(window, window.context, "program", versioning.update_fields, db, "Перейменування виконавця",
                       Executor, executor.id, executor.version, {"short_name": "Нова назва"})
    assert _executor(db).short_name == "Нова назва"
    assert window.undo_actions.undo_action.text() == "Скасувати: Перейменування виконавця"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _executor(db).short_name == executor.short_name
    assert "Скасовано: Перейменування виконавця" in window.statusBar().currentMessage()
    journal = window.journal_screen
    assert journal.model.entry(0).label == "Скасування: Перейменування виконавця"
    assert journal.model.entry(0).actor == "КОВАЛЕНКО Олена Петрівна (admin)"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _executor(db).short_name == "Нова назва"
    assert journal.model.entry(0).label == "Повторення: Перейменування виконавця"


def test_viewer_sees_no_journal_and_cannot_undo(qtbot, db):
    db.role = VIEWER
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert not hasattr(window, "journal_screen")
    assert not window.undo_actions.undo_action.isEnabled()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())].count("Журнал змін") == 0


def test_journal_screen_filters_and_shows_before_and_after(qtbot, db):
    executor = _executor(db)
    versioning.update_fields(db, "Перейменування виконавця", Executor, executor.id, executor.version,
                             {"short_name": "Нова назва"})
    window = MainWindow(db)
    qtbot.addWidget(window)
    screen = window.journal_screen
    screen.table_box.setCurrentIndex(screen.table_box.findData("executor"))
    screen.record_edit.setText(str(executor.id))
    screen.apply_filter()
    assert screen.model.rowCount() == 1
    assert screen.model.index(0, 3).data() == "Виконавець — змінено"  # the kind of record and what happened
    assert screen.model.index(0, 4).data() == "Нова назва"  # which one, by name
    detail = {screen.detail_model.index(r, 0).data(): (screen.detail_model.index(r, 1).data(),
                                                        screen.detail_model.index(r, 2).data())
              for r in range(screen.detail_model.rowCount())}
    assert detail["коротка назва"] == (executor.short_name or "—", "Нова назва")
    assert "sort_key" not in detail  # derived sort keys are not shown
    # Browsing only: nothing in the views can be edited.
    assert not (screen.model.flags(screen.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable)


def test_a_conflict_from_the_window_shows_both_versions(qtbot, db):
    window = MainWindow(db)
    qtbot.addWidget(window)
    executor = _executor(db)
    other = open_database(db.location)
    try:
        other.actor = "ДРУГЕ Вікно (second)"
        versioning.update_fields(other, "Зміна", Executor, executor.id, executor.version, {"short_name": "Їхня"})
    finally:
        other.dispose()
    shown = []

    def read_and_close(dialog):
        shown.append((type(dialog), dialog.rows()))
        dialog.accept()

    _when_dialog_opens(qtbot, read_and_close)
    result = operations.perform(window, window.context, "program", versioning.update_fields, db, "Зміна",
                                Executor, executor.id, executor.version, {"short_name": "Моя"},
                                labels={"short_name": "Коротка назва"})
    assert result is None
    assert shown == [(ConflictDialog, [("Коротка назва", "Моя", "Їхня")])]
    assert _executor(db).short_name == "Їхня"


def test_users_screen_adds_and_deactivates_through_the_service(qtbot, db):
    admin = users.create_first_admin(db, "admin", "КОВАЛЕНКО Олена Петрівна", PASSWORD)
    users.sign_in(db, admin)
    window = MainWindow(db)
    qtbot.addWidget(window)
    screen = window.users_screen
    screen.name_edit.setText("ШЕВЧЕНКО Іван Іванович")
    screen.login_edit.setText("shevchenko")
    screen.password_edit.setText(PASSWORD)
    screen.add_user()
    assert [u.login for u in screen.model.rows] == ["admin", "shevchenko"]
    assert screen.model.index(1, 2).data() == "оператор"
    screen.view.selectRow(1)
    screen.toggle_active()
    assert screen.model.index(1, 3).data() == "деактивований"
    with pytest.raises(users.LoginFailed):
        users.authenticate(db, "shevchenko", PASSWORD)
