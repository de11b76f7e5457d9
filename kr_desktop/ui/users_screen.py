"""Users (administrators): add, change role, deactivate/activate, set a new password.

Every action goes through kr_desktop.services.users — the same calls as ``kr-desktop users …`` —
which checks the administrator's role and the record's version (a change made meanwhile in
another window is shown as a conflict); on a server the users are its login roles and the server
itself checks the right.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QInputDialog,
                               QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from kr_desktop.services import users
from kr_desktop.services.access import ROLE_LABELS
from kr_desktop.ui import trust_texts as t
from kr_desktop.ui.columns import lay_out
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.operations import perform

AREA = "users"


class UsersModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[users.UserInfo] = []

    def set_rows(self, rows: list[users.UserInfo]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(t.USERS_COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        user = self.rows[index.row()]
        state = (t.USERS_ACTIVE if user.active else t.USERS_INACTIVE) + (t.USERS_NEEDS_PASSWORD if user.needs_password
                                                                          else "")
        return (user.login, user.full_name, user.role_label, state)[index.column()]

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return t.USERS_COLUMNS[section]
        return None


def _role_box() -> QComboBox:
    box = QComboBox()
    for role in users.ROLES:
        box.addItem(ROLE_LABELS[role], role)
    box.setCurrentIndex(box.findData("operator"))
    return box


class UsersScreen(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.model = UsersModel(self)
        self.view = QTableView()
        self.view.setObjectName("usersView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        lay_out(self.view, {0: 160, 2: 140, 3: 220}, stretch=1)

        self.selected_role = _role_box()
        role_button = QPushButton(t.USERS_SET_ROLE)
        role_button.clicked.connect(self.change_role)
        self.active_button = QPushButton(t.USERS_DEACTIVATE)
        self.active_button.clicked.connect(self.toggle_active)
        reset_button = QPushButton(t.USERS_RESET)
        reset_button.clicked.connect(self.reset_password)
        actions = QHBoxLayout()
        for widget in (QLabel(t.USERS_ROLE), self.selected_role, role_button, self.active_button, reset_button):
            actions.addWidget(widget)
        actions.addStretch(1)

        self.login_edit, self.name_edit, self.password_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(t.USERS_PASSWORD_RULE)
        self.new_role = _role_box()
        add_button = QPushButton(t.USERS_ADD)
        add_button.clicked.connect(self.add_user)
        form = QFormLayout()
        form.addRow(t.FIELD_FULL_NAME, self.name_edit)
        form.addRow(t.FIELD_LOGIN, self.login_edit)
        form.addRow(t.USERS_ROLE, self.new_role)
        form.addRow(t.FIELD_PASSWORD, self.password_edit)
        form.addRow("", add_button)
        group = QGroupBox(t.USERS_ADD)
        group.setLayout(form)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(actions)
        layout.addWidget(group)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._sync_buttons())
        context.events.changed.connect(lambda area: self.reload() if area == AREA else None)
        self.reload()

    def reload(self) -> None:
        login = self.current().login if self.current() else None
        self.model.set_rows(users.list_users(self.db))
        for row, user in enumerate(self.model.rows):
            if user.login == login:
                self.view.selectRow(row)
        self._sync_buttons()

    def current(self) -> users.UserInfo | None:
        index = self.view.currentIndex() if hasattr(self, "view") else QModelIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def _sync_buttons(self) -> None:
        user = self.current()
        self.active_button.setText(t.USERS_ACTIVATE if user and not user.active else t.USERS_DEACTIVATE)
        if user:
            self.selected_role.setCurrentIndex(self.selected_role.findData(user.role))

    def add_user(self) -> None:
        done = perform(self, self.context, AREA, users.add_user, self.db, self.login_edit.text(),
                       self.name_edit.text(), self.new_role.currentData(), self.password_edit.text())
        self.password_edit.clear()
        if done:
            self.login_edit.clear()
            self.name_edit.clear()

    def change_role(self) -> None:
        user = self.current()
        if user:
            perform(self, self.context, AREA, users.set_role, self.db, user.login, self.selected_role.currentData(),
                    expected_version=user.version)

    def toggle_active(self) -> None:
        user = self.current()
        if user:
            perform(self, self.context, AREA, users.set_active, self.db, user.login, not user.active,
                    expected_version=user.version)

    def reset_password(self) -> None:
        user = self.current()
        if not user:
            return
        password, ok = QInputDialog.getText(self, t.USERS_RESET, t.USERS_RESET_PROMPT.format(login=user.login),
                                            QLineEdit.EchoMode.Password)
        if ok:
            perform(self, self.context, AREA, users.reset_password, self.db, user.login, password)
