"""Ctrl+C in the terminal that started the window (SIGINT), or SIGTERM from the system, closes the
window as «Файл → Вихід» (Ctrl+Q) does: open forms ask about unsaved changes, the exit backup is
made, the process ends with code 0. A second Ctrl+C ends the event loop even if a form is still
asking (the exit backup is still made).

Python runs a signal handler only when the interpreter gets control, and Qt's event loop runs in
C++: the signal's byte, written by Python into a socket (``signal.set_wakeup_fd``), wakes the loop
through a QSocketNotifier, so the handler runs at once even while the window is idle. The handler
itself is set at the start; the notifier after the window's first paint (nothing extra before it).
"""

from __future__ import annotations

import signal

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

SIGNALS = tuple(s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)) if s is not None)


class InterruptWatcher(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.received = 0
        self.previous = {sig: signal.signal(sig, self._signalled) for sig in SIGNALS}
        self.reader = self.writer = self.notifier = None
        self.previous_fd = None

    def wake_on_signals(self) -> None:
        """Let a signal wake the idle event loop (called once the window has painted)."""
        if self.notifier is not None:
            return
        import socket

        from PySide6.QtCore import QSocketNotifier

        self.reader, self.writer = socket.socketpair()
        for end in (self.reader, self.writer):
            end.setblocking(False)
        try:
            self.previous_fd = signal.set_wakeup_fd(self.writer.fileno())
        except ValueError:  # not the main thread (an embedding host): the handler still runs at times
            return
        self.notifier = QSocketNotifier(self.reader.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._woken)

    def _woken(self, *_args) -> None:
        try:
            while self.reader.recv(64):
                pass
        except (BlockingIOError, OSError):
            pass  # emptied; the Python handler has run before this slot's first line

    def _signalled(self, _signum, _frame) -> None:
        self.received += 1
        QTimer.singleShot(0, self, self.stop)

    def stop(self) -> None:
        if self.received > 1:
            QApplication.exit(0)  # asked twice: leave whatever is still asking
            return
        app = QApplication.instance()
        modal = app.activeModalWidget() if app is not None else None
        if modal is not None:
            modal.close()  # a form asks about unsaved changes; a dialog of the start (login) is cancelled
        self.window.close()

    def uninstall(self) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            signal.set_wakeup_fd(self.previous_fd if self.previous_fd is not None else -1)
            self.reader.close()
            self.writer.close()
            self.notifier = None
