"""The Program as a tree: Program → stage → direction → measure."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from kr_desktop.services.program_view import ProgramTree
from kr_desktop.text.wording import typographic
from kr_desktop.ui import texts

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


def _item(text: str, kind: str, item_id: int, tooltip: str = "") -> QStandardItem:
    text, tooltip = typographic(text), typographic(tooltip)  # shown as printed: «2017–2027», ’, «III ступенів»
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(kind, KIND_ROLE)
    item.setData(item_id, ID_ROLE)
    item.setToolTip(tooltip or text)
    return item


def build_tree_model(tree: ProgramTree) -> QStandardItemModel:
    """A small model (a few hundred nodes), built once from the service's plain data."""
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels([texts.TREE_HEADER])
    program = _item(tree.name, "program", tree.id)
    model.appendRow(program)
    for stage in tree.stages:
        stage_item = _item(texts.TREE_STAGE.format(annex=stage.annex_number, first=stage.start_year,
                                                    last=stage.end_year), "stage", stage.id, stage.title)
        program.appendRow(stage_item)
        for direction in stage.directions:
            direction_item = _item(texts.TREE_DIRECTION.format(number=direction.number, name=direction.name),
                                   "direction", direction.id)
            stage_item.appendRow(direction_item)
            for measure in direction.measures:
                direction_item.appendRow(_item(
                    texts.TREE_MEASURE.format(direction=direction.number, position=measure.position,
                                              text=measure.text),
                    "measure", measure.id))
    return model
