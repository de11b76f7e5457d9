"""One dialog for the signatures of every document (services.signers), and the question asked at
the first print when the signer's name is not set."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QMessageBox,
                               QVBoxLayout, QWidget)

from kr_desktop.services import signers as service
from kr_desktop.services.access import ADMIN, has_role
from kr_desktop.ui import signers_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.operations import perform


class SignersDialog(QDialog):
    """Position and name of each signer role, the executor line and the letters' sender."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(t.TITLE)
        self.setObjectName("signersDialog")
        current = service.load_signers(context.db)
        editable = has_role(context.db, ADMIN)
        layout = QVBoxLayout(self)
        intro = QLabel(t.INTRO if editable else f"{t.INTRO}\n{t.READ_ONLY}")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.fields: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        for signer in current.signers:
            box = QGroupBox(signer.label)
            form = QFormLayout(box)
            position, name = QLineEdit(signer.position), QLineEdit(signer.name)
            position.setObjectName(f"{signer.role}.position")
            name.setObjectName(f"{signer.role}.name")
            name.setPlaceholderText(t.NAME_PLACEHOLDER)
            form.addRow(t.POSITION, position)
            form.addRow(t.NAME, name)
            self.fields[signer.role] = (position, name)
            layout.addWidget(box)
        box = QGroupBox(t.PERFORMER_BOX)
        form = QFormLayout(box)
        self.performer, self.phone = QLineEdit(current.performer), QLineEdit(current.phone)
        if not current.performer and not current.phone and current.legacy_line:
            self.performer.setPlaceholderText(current.legacy_line)
        form.addRow(t.PERFORMER, self.performer)
        form.addRow(t.PHONE, self.phone)
        layout.addWidget(box)
        box = QGroupBox(t.SENDER_BOX)
        form = QFormLayout(box)
        self.sender = QLineEdit(current.sender)
        self.sender_details = QLineEdit(current.sender_details)
        form.addRow(t.SENDER, self.sender)
        form.addRow(t.SENDER_DETAILS, self.sender_details)
        layout.addWidget(box)
        for edit in self._edits():
            edit.setReadOnly(not editable)
            edit.setCursorPosition(0)  # a long position or sender shows its beginning
        buttons = QDialogButtonBox((QDialogButtonBox.StandardButton.Save if editable else
                                    QDialogButtonBox.StandardButton.NoButton) | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 0)

    def _edits(self) -> list[QLineEdit]:
        return [e for pair in self.fields.values() for e in pair] + [self.performer, self.phone, self.sender,
                                                                     self.sender_details]

    def save(self) -> bool:
        values = {role: (position.text(), name.text()) for role, (position, name) in self.fields.items()}
        if not perform(self, self.context, "settings", service.save_signers, self.context.db, values,
                       self.performer.text(), self.phone.text(), self.sender.text(), self.sender_details.text()):
            return False
        self.accept()
        return True


class _AskName(QDialog):
    def __init__(self, signer: service.Signer, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(t.ASK_TITLE)
        self.setObjectName("askSignerName")
        layout = QVBoxLayout(self)
        text = QLabel(t.ASK_TEXT.format(label=signer.label))
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.position = QLineEdit(signer.position)
        self.name = QLineEdit()
        self.name.setPlaceholderText(t.NAME_PLACEHOLDER)
        form.addRow(t.POSITION, self.position)
        form.addRow(t.NAME, self.name)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        skip = buttons.addButton(t.ASK_SKIP, QDialogButtonBox.ButtonRole.RejectRole)
        skip.setObjectName("skip")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 0)


def ask_name(parent: QWidget | None, context: AppContext, role: str) -> bool:
    """Ask for the name of ``role``'s signer and save it (administrators); True when a name was saved.
    Anyone else is told who can set it."""
    db = context.db
    signer = service.signer(db, role)
    if not has_role(db, ADMIN):
        QMessageBox.information(parent, t.ASK_TITLE, t.ASK_VIEWER.format(label=signer.label))
        return False
    dialog = _AskName(signer, parent)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        if perform(dialog, context, "settings", service.save_signers, db,
                   {role: (dialog.position.text(), dialog.name.text())}):
            return bool(dialog.name.text().strip())
    return False


_asked: set[tuple[int, str]] = set()  # (database, role) asked in this session: asked once, not at every print


def ask_missing_name(parent: QWidget | None, context: AppContext, role: str) -> None:
    """Before a document of ``role`` is saved from a button (no preview): when its signer has no
    name, ask for it once a session. The document is made either way (with a blank line)."""
    db = context.db
    if db is None or (id(db), role) in _asked or service.signer(db, role).name:
        return
    _asked.add((id(db), role))
    ask_name(parent, context, role)
