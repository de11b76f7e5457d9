"""The award types directory and the register's settings (rule levels, interval, signatures)."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSpinBox,
                               QVBoxLayout)
from PySide6.QtCore import Qt

from kr_desktop.domain import award_rules as rules
from kr_desktop.domain.award_values import ACT_KINDS
from kr_desktop.domain.decision_wording import award_kind, default_preamble
from kr_desktop.services import award_types, awards
from kr_desktop.ui import awards_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.operations import perform


class AwardTypesDialog(QDialog):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(t.TYPES_TITLE)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.name = QLineEdit()
        self.degrees = QComboBox()
        self.degrees.addItem(t.TYPE_DEGREES_NONE, 0)
        for n in (2, 3, 4, 5):
            self.degrees.addItem(str(n), n)
        self.act_kind = QComboBox()
        for kind, label in ACT_KINDS.items():
            self.act_kind.addItem(label, kind)
        self.certificate = QCheckBox(t.TYPE_CERTIFICATE)
        self.pattern = QLineEdit("{n}")
        self.pattern.setToolTip(t.TYPE_PATTERN_HINT)
        self.honorary = QCheckBox(t.TYPE_HONORARY)
        self.preamble = QPlainTextEdit()
        self.preamble.setObjectName("typePreamble")
        self.preamble.setFixedHeight(72)
        self.honorary.toggled.connect(lambda *_: self._preamble_hint())
        self.name.textChanged.connect(lambda *_: self._preamble_hint())
        form = QFormLayout()
        form.addRow(t.TYPE_NAME, self.name)
        form.addRow(t.TYPE_DEGREES, self.degrees)
        form.addRow(t.TYPE_ACT, self.act_kind)
        form.addRow("", self.certificate)
        form.addRow(t.TYPE_PATTERN, self.pattern)
        form.addRow("", QLabel(t.TYPE_PATTERN_HINT))
        form.addRow("", self.honorary)
        form.addRow(t.TYPE_PREAMBLE, self.preamble)
        add, save = QPushButton(t.TYPE_ADD), QPushButton(t.TYPE_SAVE)
        add.clicked.connect(lambda: self.add())
        save.clicked.connect(lambda: self.save())
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(save)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(700, 640)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.list.clear()
        for info in award_types.list_award_types(self.context.db):
            item = QListWidgetItem(info.name)
            item.setData(Qt.ItemDataRole.UserRole, info)
            self.list.addItem(item)
            if info.id == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def _show(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        info = item.data(Qt.ItemDataRole.UserRole)
        self.name.setText(info.name)
        self.degrees.setCurrentIndex(max(0, self.degrees.findData(info.degrees)))
        self.act_kind.setCurrentIndex(self.act_kind.findData(info.act_kind))
        self.certificate.setChecked(info.issues_certificate)
        self.pattern.setText(info.number_pattern)
        self.honorary.setChecked(info.honorary_title)
        self.preamble.setPlainText(info.decision_preamble)
        self._preamble_hint()

    def _preamble_hint(self) -> None:
        """The default the draft uses while the field is empty (a general one from settings for
        awards other than the honorary title: shown as the built-in text)."""
        default = default_preamble(award_kind(self.name.text(), self.honorary.isChecked()))
        self.preamble.setPlaceholderText(t.TYPE_PREAMBLE_HINT.format(default=default))

    def data(self) -> award_types.AwardTypeInput:
        return award_types.AwardTypeInput(self.name.text(), self.degrees.currentData(), self.act_kind.currentData(),
                                          self.certificate.isChecked(), self.pattern.text(), self.honorary.isChecked(),
                                          self.preamble.toPlainText())

    def add(self) -> int | None:
        new_id = perform(self, self.context, "awards", award_types.create_award_type, self.context.db, self.data())
        if new_id:
            self.reload(new_id)
        return new_id

    def save(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        info = item.data(Qt.ItemDataRole.UserRole)
        type_id = info.id
        perform(self, self.context, "awards", award_types.update_award_type, self.context.db, type_id, self.data(),
                info.version)
        self.reload(type_id)


class AwardSettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(t.SETTINGS_TITLE)
        current = awards.load_award_settings(context.db)
        form = QFormLayout()
        self.levels: dict[str, QComboBox] = {}
        for rule, label in rules.RULES.items():
            combo = QComboBox()
            for level in rules.LEVELS:
                combo.addItem(rules.LEVEL_LABELS[level], level)
            combo.setCurrentIndex(combo.findData(current.levels[rule]))
            self.levels[rule] = combo
            form.addRow(label, combo)
        self.interval = QSpinBox()
        self.interval.setRange(0, 50)
        self.interval.setValue(current.min_interval_years)
        form.addRow(t.MIN_INTERVAL, self.interval)
        self.sign_position = QLineEdit(current.sign_position)
        self.sign_name = QLineEdit(current.sign_name)
        self.executor_line = QLineEdit(current.executor_line)
        form.addRow(t.SIGN_POSITION, self.sign_position)
        form.addRow(t.SIGN_NAME, self.sign_name)
        form.addRow(t.EXECUTOR_LINE, self.executor_line)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(680, 360)

    def save(self) -> None:
        settings = awards.AwardSettings({rule: combo.currentData() for rule, combo in self.levels.items()},
                                        self.interval.value(), self.sign_position.text(), self.sign_name.text(),
                                        self.executor_line.text())
        if perform(self, self.context, "awards", awards.save_award_settings, self.context.db, settings):
            self.accept()
