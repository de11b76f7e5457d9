"""The chosen program's stages (annexes): years, the table's title, the caption under «Додаток N»."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QLineEdit, QListWidget, QPlainTextEdit, QPushButton,
                               QVBoxLayout)

from kr_desktop.services.program import stages
from kr_desktop.ui import programs_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.operations import perform


class StagesDialog(QDialog):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(t.STAGES_TITLE)
        self.resize(820, 520)
        self.stages: list[stages.StageEdit] = []
        self.list = QListWidget()
        self.list.setObjectName("stagesList")
        self.list.currentRowChanged.connect(self._show)
        self.years = QLineEdit()
        self.years.setObjectName("stageYears")
        self.title = QPlainTextEdit()
        self.title.setMaximumHeight(60)
        self.caption = QPlainTextEdit()
        self.caption.setMaximumHeight(60)
        form = QFormLayout()
        form.addRow(t.STAGE_YEARS, self.years)
        form.addRow(t.STAGE_TITLE, self.title)
        form.addRow(t.STAGE_CAPTION, self.caption)
        buttons = QHBoxLayout()
        for name, text, slot in (("save", t.STAGE_SAVE, self.save_stage), ("add", t.STAGE_ADD, self.add_stage),
                                 ("delete", t.STAGE_DELETE, self.delete_stage)):
            button = QPushButton(text)
            button.setObjectName(f"stage_{name}")
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton(t.CLOSE)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.reload()

    def reload(self, row: int = 0) -> None:
        self.stages = stages.stages_for_edit(self.context.db, self.context.program_id)
        self.list.blockSignals(True)
        self.list.clear()
        for stage in self.stages:
            self.list.addItem(t.STAGE_ITEM.format(annex=stage.annex_number, first=stage.start_year,
                                                  last=stage.end_year))
        self.list.blockSignals(False)
        if self.stages:
            self.list.setCurrentRow(min(max(row, 0), len(self.stages) - 1))
            self._show(self.list.currentRow())

    def current(self) -> stages.StageEdit | None:
        row = self.list.currentRow()
        return self.stages[row] if 0 <= row < len(self.stages) else None

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.stages):
            stage = self.stages[row]
            self.years.setText(f"{stage.start_year}-{stage.end_year}")
            self.title.setPlainText(stage.title)
            self.caption.setPlainText(stage.caption)

    def save_stage(self) -> bool:
        stage = self.current()
        if stage is None:
            return False
        done = perform(self, self.context, "program", lambda: stages.update_stage(
            self.context.db, stage.id, self.years.text(), self.title.toPlainText(), self.caption.toPlainText(),
            expected_version=stage.version) or True)
        self.reload(self.list.currentRow())
        return done is not None

    def add_stage(self) -> None:
        new_id = perform(self, self.context, "program", stages.add_stage, self.context.db, self.years.text(), "",
                         "", self.context.program_id)
        if new_id is not None:
            self.reload(len(self.stages))

    def delete_stage(self) -> None:
        stage = self.current()
        if stage is not None and perform(self, self.context, "program",
                                         lambda: stages.delete_stage(self.context.db, stage.id) or True):
            self.reload()
