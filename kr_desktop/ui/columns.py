"""Column widths of the screens' lists: the informative column (a document, a position and place of
work, a place) takes the room that is left; the others start at a width that fits what they hold
and keep the width the user drags them to (remembered between runs, ui/window_state.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView


def lay_out(view: QTableView, widths: dict[int, int], stretch: int | tuple[int, ...]) -> None:
    """``widths``: column → starting width (a column not named fits its contents); ``stretch``:
    the column (or columns, sharing it) that takes the rest."""
    stretched = stretch if isinstance(stretch, tuple) else (stretch,)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(40)
    for column in range(view.model().columnCount()):
        if column in stretched:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        elif column in widths:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            view.setColumnWidth(column, widths[column])
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
