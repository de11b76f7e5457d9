"""The start baseline: a bare PySide6 process that shows an empty QMainWindow (offscreen) and
prints the same marker as the application (kr_desktop.ui.perf_hooks) after its first paint."""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.done = window, False

    def eventFilter(self, watched, event):  # noqa: N802
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        print("KR_DESKTOP_SHOWN", flush=True)
        QApplication.instance().quit()


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.installEventFilter(FirstPaint(window))  # as kr_desktop.ui.perf_hooks: the window's own paint
window.show()
app.exec()
