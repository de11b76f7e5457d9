"""Workstations stay current: what another workstation committed reaches this window's screens
through the context's one ``changed`` signal (``DataEvents.changed_elsewhere``).

One timer per window (not one per screen) asks the feed (kr_desktop.db.change_feed: NOTIFY on a
server, ``PRAGMA data_version`` on a shared file) every POLL_MS — a check that reads nothing
from the network or the disk unless something was committed. A change is held back while the
person is editing — a dialog or a popup open, a cell editor open in a table — and delivered as
soon as the edit ends: a form is never reloaded under the user's hands (its save then meets the
usual version check and shows a conflict instead of overwriting). Started when the window gets
its database, so nothing of it runs before the first paint.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from kr_desktop.ui.context import AppContext

POLL_MS = 500  # a change shows on the other screens within about a second


class LiveRefresh(QObject):
    def __init__(self, window: QWidget, context: AppContext):
        super().__init__(window)
        from kr_desktop.services.live_changes import open_feed

        self.window, self.context = window, context
        self.pending: set[str] = set()
        self.feed = None
        try:
            self.feed = open_feed(context.db)
        except Exception as exc:  # noqa: BLE001 - the window works without it, as before
            print(f"Оновлення змін з інших робочих місць вимкнено: {exc}", file=sys.stderr)
            return
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Take what arrived; deliver it unless the person is editing (then next time)."""
        if self.feed is None:
            return
        from kr_desktop.services.live_changes import areas_of

        try:
            tables = self.feed.poll()
        except Exception as exc:  # noqa: BLE001 - a lost connection: stop quietly, the window still works
            print(f"Оновлення змін з інших робочих місць зупинено: {exc}", file=sys.stderr)
            self.stop()
            return
        if tables:
            self.pending |= areas_of(tables)
        if self.pending and not self.editing():
            areas, self.pending = self.pending, set()
            self.context.events.changed_elsewhere(areas)

    def editing(self) -> bool:
        """A dialog or popup is open, or a table of the window has a cell editor open."""
        if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget() is not None:
            return True
        return any(view.state() == QAbstractItemView.State.EditingState
                   for view in self.window.findChildren(QAbstractItemView))

    def stop(self) -> None:
        if getattr(self, "timer", None) is not None:
            self.timer.stop()
        if self.feed is not None:
            try:
                self.feed.close()
            finally:
                self.feed = None
