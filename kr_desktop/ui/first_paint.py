"""Doing something once a window has been drawn: the start opens its database then, and the
benchmark's hook reports then (ui/app.py, ui/perf_hooks.py).

Watches the window only — its own paint event opens the pass that draws it whole. A filter on the
application would route every widget's events through Python and slow the start itself."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class WindowPainted(QObject):
    """Calls ``then`` once, after the first paint of ``window`` at which ``when()`` holds
    (``at_paint`` at that paint itself, before the pass ends); after ``wait_ms`` without such a
    paint (a window started minimised) ``then`` is called anyway."""

    def __init__(self, window: QWidget, then: Callable[[], object], when: Callable[[], bool] = lambda: True,
                 at_paint: Callable[[], object] | None = None, wait_ms: int | None = None):
        super().__init__(window)
        self.window, self.then, self.when, self.at_paint = window, then, when, at_paint
        self.painted = self.called = False
        window.installEventFilter(self)
        if wait_ms is not None:
            QTimer.singleShot(wait_ms, self, self._call)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if not self.painted and event.type() == QEvent.Type.Paint and self.when():
            self.painted = True
            if self.at_paint is not None:
                self.at_paint()
            QTimer.singleShot(0, self, self._call)  # after this paint pass
        return False

    def _call(self) -> None:
        if self.called:
            return
        self.called = True
        self.window.removeEventFilter(self)
        self.then()
