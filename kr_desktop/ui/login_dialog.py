"""At window start: create the first administrator, or log in.

On a local file the dialog checks the file's own users. On a PostgreSQL server the login *is*
the connection: ``ServerLoginDialog`` opens the database with the person's login and password
(nothing of the database is read before), and the server says what the person may do."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)

from kr_desktop.db.engine import Database
from kr_desktop.errors import UserError
from kr_desktop.services import users
from kr_desktop.ui import trust_texts as t


class _UserDialog(QDialog):
    def __init__(self, db: Database, title: str, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.user: users.UserInfo | None = None
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.layout_ = QVBoxLayout(self)
        text = QLabel(intro)
        text.setWordWrap(True)
        self.layout_.addWidget(text)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("login")
        self.login_edit.setMaxLength(users.LOGIN_MAX)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")

    def _finish_layout(self, ok_text: str) -> None:
        self.layout_.addWidget(self.error_label)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(t.BUTTON_CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)

    def submit(self) -> None:
        try:
            self.user = self._do()
        except UserError as exc:
            self.show_error(exc.message)
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        users.sign_in(self.db, self.user)
        self.accept()

    def _do(self) -> users.UserInfo:
        raise NotImplementedError


class FirstAdminDialog(_UserDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(db, t.FIRST_ADMIN_TITLE, t.FIRST_ADMIN_INTRO, parent)
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setObjectName("fullName")
        self.password_again_edit = QLineEdit()
        self.password_again_edit.setObjectName("passwordAgain")
        self.password_again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(t.FIELD_FULL_NAME, self.full_name_edit)
        self.form.addRow(t.FIELD_LOGIN, self.login_edit)
        self.form.addRow(t.FIELD_PASSWORD, self.password_edit)
        self.form.addRow(t.FIELD_PASSWORD_AGAIN, self.password_again_edit)
        self._finish_layout(t.BUTTON_CREATE)

    def _do(self) -> users.UserInfo:
        if self.password_edit.text() != self.password_again_edit.text():
            self.password_again_edit.clear()
            raise UserError(t.PASSWORDS_DIFFER)
        return users.create_first_admin(self.db, self.login_edit.text(), self.full_name_edit.text(),
                                        self.password_edit.text())


class LoginDialog(_UserDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(db, t.LOGIN_TITLE, t.LOGIN_INTRO, parent)
        self.form.addRow(t.FIELD_LOGIN, self.login_edit)
        self.form.addRow(t.FIELD_PASSWORD, self.password_edit)
        self._finish_layout(t.BUTTON_LOGIN)

    def _do(self) -> users.UserInfo:
        return users.authenticate(self.db, self.login_edit.text(), self.password_edit.text())


def user_dialog(db: Database, parent: QWidget | None = None) -> _UserDialog:
    """The dialog the start needs: the first administrator, or the login."""
    return LoginDialog(db, parent) if users.has_users(db) else FirstAdminDialog(db, parent)


def ask_for_user(db: Database, parent: QWidget | None = None) -> users.UserInfo | None:
    """Show the dialog; the signed-in user, or None when the user cancelled."""
    dialog = user_dialog(db, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    user = dialog.user if accepted else None
    dialog.deleteLater()  # the main window opens next and must become the active window
    return user


def server_name(url: str) -> str:
    """«host:port/database» of a server URL, for the person (no login, no password)."""
    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}{f':{parts.port}' if parts.port else ''}{parts.path}"


def url_login(url: str) -> str:
    return unquote(urlsplit(url).username or "")


class ServerLoginDialog(QDialog):
    """The login on a server: the connection opens with these credentials, or the server's
    refusal is shown here (wrong password, disabled user, no TLS, a schema to upgrade…)."""

    def __init__(self, target: str, login: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.target = target
        self.db = None
        self.setWindowTitle(t.LOGIN_TITLE)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(t.SERVER_LOGIN_INTRO.format(server=server_name(target)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.login_edit = QLineEdit(login)
        self.login_edit.setObjectName("login")
        self.login_edit.setMaxLength(users.LOGIN_MAX)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(t.FIELD_LOGIN, self.login_edit)
        form.addRow(t.FIELD_PASSWORD, self.password_edit)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(t.BUTTON_LOGIN, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(t.BUTTON_CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password_edit if login else self.login_edit).setFocus()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)

    def submit(self) -> None:
        from kr_desktop.db.open import open_database
        from kr_desktop.ui import jobs

        login, password = self.login_edit.text().strip(), self.password_edit.text()
        if not login:
            self.show_error(t.LOGIN_NEEDED)
            self.login_edit.setFocus()
            return
        self.ok_button.setEnabled(False)
        try:
            db = jobs.run(self, t.SERVER_CONNECTING,
                          lambda: open_database(self.target, login=login, password=password))
        except UserError as exc:
            self.show_error(exc.message)
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        finally:
            self.ok_button.setEnabled(True)
        if db is None:  # cancelled while connecting
            return
        self.db = db
        self.accept()


def ask_for_server_login(target: str, login: str = "", parent: QWidget | None = None) -> Database | None:
    """The login dialog of a server; the database opened as that person, or None if cancelled."""
    dialog = ServerLoginDialog(target, login, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    db = dialog.db if accepted else None
    dialog.deleteLater()
    return db
