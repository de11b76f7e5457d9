"""The executor chosen on «Контроль»: its head and contacts, and what to do about it (open its
reports, print its reminder letter).

Part of the start screen: built from plain widgets (no Qt enums, no services) so it costs the
first paint nothing; the directory is read when an executor is chosen and the database is open.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kr_desktop.ui import control_texts as t


class ExecutorPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("controlExecutorPanel")
        self.executor_id: int | None = None
        self.name = QLabel(t.CONTROL_PICK_HINT)
        self.name.setObjectName("controlExecutorName")
        self.name.setWordWrap(True)
        self.contacts = QLabel()
        self.contacts.setObjectName("controlExecutorContacts")
        self.contacts.setWordWrap(True)
        self.open_reports = QPushButton(t.EXECUTOR_OPEN_REPORTS)
        self.open_reports.setObjectName("controlOpenReports")
        self.open_reports.setToolTip(t.EXECUTOR_OPEN_REPORTS_TIP)
        self.reminder = QPushButton(t.EXECUTOR_REMINDER)
        self.reminder.setObjectName("controlReminder")
        self.reminder.setToolTip(t.EXECUTOR_REMINDER_TIP)
        self.edit = QPushButton(t.EXECUTOR_EDIT)
        self.edit.setObjectName("controlExecutorEdit")
        self.edit.setToolTip(t.EXECUTOR_EDIT_TIP)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.open_reports)
        buttons.addWidget(self.reminder)
        buttons.addWidget(self.edit)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.name)
        layout.addWidget(self.contacts)
        layout.addLayout(buttons)
        self.show_executor(None, "", None)

    def show_executor(self, executor_id: int | None, name: str, info, can_act: bool = True,
                      can_edit: bool = False) -> None:
        """``info``: the directory's record (head, phone, e-mail) or None when not read (yet)."""
        self.executor_id = executor_id
        chosen = executor_id is not None
        self.name.setText(f"<b>{_escaped(name)}</b>" if chosen else t.CONTROL_PICK_HINT)
        self.contacts.setText(_contacts(info) if chosen and info is not False else
                              (_escaped(t.EXECUTOR_NOT_FOUND) if info is False else ""))
        self.contacts.setVisible(chosen)
        self.open_reports.setEnabled(chosen and can_act)
        self.reminder.setEnabled(chosen and can_act)
        self.edit.setEnabled(chosen and can_act and can_edit and info is not False)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _contacts(info) -> str:
    if info is None:
        return ""
    head = " ".join(part for part in (info.head_position, info.head_name) if part)
    lines = [t.EXECUTOR_HEAD.format(head=head)] if head else []
    if info.phone:
        lines.append(t.EXECUTOR_PHONE.format(phone=info.phone))
    if info.email:
        lines.append(t.EXECUTOR_EMAIL.format(email=info.email))
    # rich text (escaped): a plain one with «<» in it would be taken for markup by QLabel
    return "<br>".join(_escaped(line) for line in lines) or _escaped(t.EXECUTOR_NO_CONTACTS)
