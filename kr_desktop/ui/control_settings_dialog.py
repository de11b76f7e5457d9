"""Signatures of the cycle's reports and the «due soon» threshold, kept in the database settings."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit

from kr_desktop.services.control import BOOLEAN_SETTINGS, SETTING_LABELS, control_settings, save_control_settings
from kr_desktop.ui import control_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.operations import perform


class ControlSettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(t.SETTINGS_DIALOG)
        self.resize(640, 0)
        values = control_settings(context.db)
        form = QFormLayout(self)
        self.fields: dict[str, QLineEdit | QCheckBox] = {}
        for key, label in SETTING_LABELS.items():
            if key in BOOLEAN_SETTINGS:  # a yes/no choice: a check box with the words beside it
                box = QCheckBox(label)
                box.setObjectName(key)
                box.setChecked(bool(values.get(key)))
                self.fields[key] = box
                form.addRow(box)
                continue
            edit = QLineEdit(str(values.get(key, "")))
            edit.setObjectName(key)
            self.fields[key] = edit
            form.addRow(label, edit)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        form.addRow(box)

    def save(self) -> bool:
        values = {key: field.isChecked() if isinstance(field, QCheckBox) else field.text()
                  for key, field in self.fields.items()}
        if perform(self, self.context, "settings", save_control_settings, self.context.db, values) is None:
            return False
        self.accept()
        return True
