"""What an empty list says: instead of a blank table, a line in its middle that tells what was looked
for and what to do next («За запитом «тимош» нічого не знайдено… Скинути відбір… Нова особа»).

``EmptyState(view, text)`` watches the view's model; ``text()`` is asked whenever the list becomes
empty, so it can name the current search and filters."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel
from shiboken6 import Shiboken

STYLE = "color: #4a5561; background: transparent; padding: 16px;"


class EmptyState(QObject):
    def __init__(self, view: QAbstractItemView, text: Callable[[], str]):
        super().__init__(view)
        self.view, self.text = view, text
        self.label = QLabel(view.viewport())
        self.label.setObjectName("emptyState")
        self.label.setWordWrap(True)
        self.label.setStyleSheet(STYLE)
        self.label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.label.hide()
        view.viewport().installEventFilter(self)  # follows the list's size (this viewport only)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.update)
        self.update()

    @property
    def shown(self) -> bool:
        return not self.label.isHidden()

    def update(self, *_args) -> None:
        if not Shiboken.isValid(self.view) or not Shiboken.isValid(self.label):
            return  # the list is being destroyed (its model empties itself on the way)
        model = self.view.model()
        empty = model is not None and model.rowCount() == 0
        if empty:
            self.label.setText(self.text())
            self._place()
        self.label.setVisible(empty)

    def _place(self) -> None:
        area = self.view.viewport().rect()
        width = min(area.width() - 40, 720)
        self.label.setFixedWidth(max(width, 120))
        self.label.adjustSize()
        self.label.move(area.x() + (area.width() - self.label.width()) // 2, area.y() + 40)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and not self.label.isHidden():
            self._place()
        return False
