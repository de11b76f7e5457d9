"""The Program screen: the tree on the left, the selected measure's detail on the right."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QSplitter, QTreeView, QVBoxLayout, QWidget

from kr_desktop.services.program_view import load_tree, measure_detail
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.measure_detail import MeasureDetailView
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.reload()
        context.events.changed.connect(self._on_data_changed)

    def _on_data_changed(self, area: str) -> None:
        if area == "program":
            selected = self.detail.detail.id if self.detail.detail else None
            self.reload()
            if selected is not None:
                self.select_measure(selected)

    def reload(self) -> None:
        self.model = build_tree_model(load_tree(self.db))
        self.tree.setModel(self.model)
        self.tree.expandToDepth(1)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)

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
        matches = self.model.match(self.model.index(0, 0), ID_ROLE, measure_id, -1,
                                   Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly)
        for index in matches:
            if index.data(KIND_ROLE) == "measure":
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
                return True
        return False
