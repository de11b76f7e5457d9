"""The program the window works on: a chooser under the «Програма» heading of the side panel
(and the «Програми → Обрати програму» menu, for a window too narrow for the panel), remembered
per database.

Built when the database has opened (``MainWindow.attach``), so it adds nothing to the window's
first paint. Choosing sets ``AppContext.program_id`` and announces it (``program_chosen`` and a
"program" change), so every screen shows the chosen program.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from kr_desktop.services.program.choice import default_program_id, list_programs
from kr_desktop.ui import programs_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.window_state import app_settings


def _settings_key(context: AppContext) -> str:
    where = context.db.display_location if context.db is not None else ""
    return "programs/chosen/" + hashlib.sha1(where.encode("utf-8")).hexdigest()[:16]


class ProgramChooser(QComboBox):
    """A short label per program («№1176, 2017–2027»); the full name in each item's tooltip."""

    def __init__(self, context: AppContext):
        super().__init__()
        self.context = context
        self.setObjectName("programChooser")
        self.setToolTip(t.CHOOSER_TIP)
        self.setMinimumContentsLength(18)  # the side panel's width
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reload(self._remembered())
        self.currentIndexChanged.connect(self._chosen)
        context.events.changed.connect(self._on_changed)

    def _remembered(self) -> int | None:
        value = app_settings().value(_settings_key(self.context))
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def reload(self, wanted: int | None = None) -> None:
        """Fill the list again, keeping ``wanted`` (or the current program) when it still exists."""
        wanted = wanted if wanted is not None else self.context.program_id
        programs = list_programs(self.context.db)
        ids = [p.id for p in programs]
        if wanted not in ids:
            wanted = default_program_id(self.context.db)
        self.blockSignals(True)
        self.clear()
        for label in programs:
            self.addItem(label.compact, label.id)
            self.setItemData(self.count() - 1, f"{label.name}\n{label.decision}, {label.years}, {label.status_label}",
                             Qt.ItemDataRole.ToolTipRole)
        if not programs:
            self.addItem(t.NO_PROGRAM, None)
        self.setCurrentIndex(max(0, self.findData(wanted)))
        self.blockSignals(False)
        self.context.program_id = self.currentData()

    def choose(self, program_id: int) -> None:
        index = self.findData(program_id)
        if index >= 0:
            self.setCurrentIndex(index)

    def _chosen(self, _index: int) -> None:
        program_id = self.currentData()
        if program_id is None or program_id == self.context.program_id:
            return
        self.context.program_id = program_id
        app_settings().setValue(_settings_key(self.context), program_id)
        self.context.events.program_chosen.emit(program_id)
        self.context.events.changed.emit("program")

    def _on_changed(self, area: str) -> None:
        if area in ("program", "programs"):
            current = self.currentData()
            self.reload(current)
