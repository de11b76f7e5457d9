"""The Program screen: the tree on the left, the selected measure's detail on the right, an
editing bar above, and the passport ↔ annex consistency check below (after every change)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton, QSplitter, QTreeView,
                               QVBoxLayout, QWidget)

from kr_desktop.services.program import funding, structure
from kr_desktop.services.program_view import load_tree, measure_detail
from kr_desktop.ui import control_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.measure_detail import MeasureDetailView
from kr_desktop.ui.operations import perform
from kr_desktop.ui.program_tree import ID_ROLE, KIND_ROLE, build_tree_model


class ProgramScreen(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.tree = QTreeView()
        self.tree.setObjectName("programTree")
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(True)
        self.detail = MeasureDetailView()
        self.detail.setObjectName("measureDetail")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("programSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.consistency = QLabel()
        self.consistency.setObjectName("consistency")
        self.consistency.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._edit_bar())
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.consistency)
        self.reload()
        context.events.changed.connect(self._on_data_changed)

    def _edit_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 0)
        bar.addWidget(QLabel(t.EDIT_BAR))
        for text, slot in ((t.EDIT_ADD_DIRECTION, self.add_direction), (t.EDIT_ADD_MEASURE, self.add_measure),
                           (t.EDIT_EDIT, self.edit_selected), (t.EDIT_FUNDING, self.edit_funding),
                           (t.EDIT_DELETE, self.delete_selected), (t.EDIT_EXECUTORS, self.edit_executors),
                           (t.EDIT_AMENDMENTS, self.edit_amendments), (t.EDIT_PASSPORT, self.edit_passport)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            bar.addWidget(button)
        bar.addStretch(1)
        return bar

    def _on_data_changed(self, area: str) -> None:
        if area == "program":
            selected = self.detail.detail.id if self.detail.detail else None
            self.reload()
            if selected is not None:
                self.select_measure(selected)

    def reload(self) -> None:
        self.model = build_tree_model(load_tree(self.db, self.context.program_id))
        self.tree.setModel(self.model)
        self.tree.expandToDepth(1)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)
        self.show_consistency()

    def show_consistency(self) -> None:
        mismatches = funding.consistency(self.db, self.context.program_id)
        if mismatches:
            self.consistency.setText(t.CONSISTENCY_BAD + "\n" + "\n".join(m.message for m in mismatches))
            self.consistency.setStyleSheet("background: #f4b6b6; padding: 4px")
        else:
            self.consistency.setText(t.CONSISTENCY_OK)
            self.consistency.setStyleSheet("background: #c6e8c0; padding: 4px")

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        index = indexes[0]
        if index.data(KIND_ROLE) == "measure":
            self.detail.show_measure(measure_detail(self.db, index.data(ID_ROLE)))
        else:
            self.detail.show_placeholder()

    def select_measure(self, measure_id: int) -> bool:
        """Select a measure in the tree (used by search and tests); False when not found."""
        return self.select_node("measure", measure_id)

    def select_node(self, kind: str, node_id: int) -> bool:
        matches = self.model.match(self.model.index(0, 0), ID_ROLE, node_id, -1,
                                   Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly)
        for index in matches:
            if index.data(KIND_ROLE) == kind:
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
                return True
        return False

    # -- editing ------------------------------------------------------------------------------------
    def selected(self) -> tuple[str | None, int | None, object]:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None, None, None
        return index.data(KIND_ROLE), index.data(ID_ROLE), index

    def _refuse(self, what: str) -> None:
        QMessageBox.information(self, t.EDIT_BAR.rstrip(":"), t.SELECT_FIRST.format(what=what))

    def _direction_of_selection(self) -> int | None:
        kind, node_id, index = self.selected()
        if kind == "direction":
            return node_id
        if kind == "measure":
            return index.parent().data(ID_ROLE)
        return None

    def add_direction(self, name: str | None = None) -> int | None:
        kind, node_id, index = self.selected()
        stage_id = node_id if kind == "stage" else index.parent().data(ID_ROLE) if kind == "direction" else None
        if stage_id is None:
            self._refuse(t.WHAT_STAGE_OR_DIRECTION)
            return None
        if name is None:
            name, ok = QInputDialog.getText(self, t.EDIT_ADD_DIRECTION, t.DIRECTION_NAME_PROMPT)
            if not ok:
                return None
        new_id = perform(self, self.context, "program", structure.add_direction, self.db, stage_id, name)
        if new_id is not None:
            self.select_node("direction", new_id)
        return new_id

    def measure_dialog(self, measure_id: int | None = None):
        from kr_desktop.ui.program_edit_dialogs import MeasureDialog

        return MeasureDialog(self.context, self._direction_of_selection(), measure_id, self)

    def add_measure(self) -> None:
        if self._direction_of_selection() is None:
            self._refuse(t.WHAT_DIRECTION)
            return
        dialog = self.measure_dialog()
        if dialog.exec() and dialog.saved_id:
            self.select_measure(dialog.saved_id)

    def edit_selected(self) -> None:
        kind, node_id, index = self.selected()
        if kind == "measure":
            self.measure_dialog(node_id).exec()
        elif kind == "direction":
            current = structure.direction_for_edit(self.db, node_id)  # with the version the dialog starts from
            name, ok = QInputDialog.getText(self, t.EDIT_EDIT.rstrip("…"), t.DIRECTION_NAME_PROMPT, text=current.name)
            if ok:
                perform(self, self.context, "program", lambda: structure.update_direction(
                    self.db, node_id, name, expected_version=current.version) or True)
        else:
            self._refuse(t.WHAT_ITEM)

    def funding_dialog(self, kind: str, node_id: int | None):
        from kr_desktop.ui.program_edit_dialogs import FundingDialog

        return FundingDialog(self.context, kind, node_id, self)

    def edit_funding(self) -> None:
        kind, node_id, _index = self.selected()
        if kind not in ("direction", "measure"):
            self._refuse(t.WHAT_ITEM)
            return
        self.funding_dialog(kind, node_id).exec()

    def edit_passport(self) -> None:
        self.funding_dialog("passport", None).exec()

    def delete_selected(self) -> None:
        from kr_desktop.ui.program_edit_dialogs import confirm

        kind, node_id, index = self.selected()
        if kind not in ("direction", "measure"):
            self._refuse(t.WHAT_ITEM)
            return
        if not confirm(self, index.data(Qt.ItemDataRole.DisplayRole)[:120]):
            return
        remove = structure.delete_measure if kind == "measure" else structure.delete_direction
        perform(self, self.context, "program", lambda: remove(self.db, node_id) or True)

    def edit_executors(self) -> None:
        from kr_desktop.ui.program_edit_dialogs import ExecutorsDialog

        ExecutorsDialog(self.context, self).exec()

    def edit_amendments(self) -> None:
        from kr_desktop.ui.program_edit_dialogs import AmendmentsDialog

        AmendmentsDialog(self.context, self).exec()
