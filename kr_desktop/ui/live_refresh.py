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
import threading
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from kr_desktop.services.live_changes import AREAS, areas_of, open_feed
from kr_desktop.ui.context import AppContext

POLL_MS = 500  # a change shows on the other screens within about a second
REOPEN_S = 10.0  # a lost feed (a restarted server, a dropped network) is opened again this often


class LiveRefresh(QObject):
    def __init__(self, window: QWidget, context: AppContext):
        super().__init__(window)
        self.window, self.context = window, context
        self.pending: set[str] = set()
        self.feed = None
        self.lost_at: float | None = None
        self.reopening, self.reopened = False, None
        self._open()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def _open(self) -> None:
        try:
            self.feed = open_feed(self.context.db)
            self.lost_at = None
        except Exception as exc:  # noqa: BLE001 - the window works without it; tried again later
            self._lose(exc)

    def _reopen_aside(self) -> None:
        """Open the feed again in a thread of its own: an unreachable server must not hold the
        window (a connection attempt may wait for its timeout)."""
        self.reopening = True

        def work() -> None:
            try:
                self.reopened = open_feed(self.context.db)
            except Exception:  # noqa: BLE001 - still unreachable: the next try in REOPEN_S
                self.lost_at = time.monotonic()
            finally:
                self.reopening = False

        threading.Thread(target=work, daemon=True).start()

    def _lose(self, exc: BaseException) -> None:
        if self.lost_at is None:
            print(f"Оновлення змін з інших робочих місць перервано: {exc}", file=sys.stderr)
        self.close_feed()
        self.lost_at = time.monotonic()

    def check(self) -> None:
        """Take what arrived; deliver it unless the person is editing (then next time)."""
        if self.feed is None:
            if self.reopened is not None:
                self.feed, self.reopened, self.lost_at = self.reopened, None, None
                self.pending |= AREAS  # what was missed meanwhile is unknown: every view refreshes
            elif (not self.reopening and self.lost_at is not None
                  and time.monotonic() - self.lost_at >= REOPEN_S):
                self._reopen_aside()
            if self.feed is None:
                return
        try:
            tables = self.feed.poll()
        except Exception as exc:  # noqa: BLE001 - a lost connection: the window still works
            self._lose(exc)
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

    def close_feed(self) -> None:
        if self.feed is not None:
            try:
                self.feed.close()
            except Exception:  # noqa: BLE001 - a connection already gone
                pass
            finally:
                self.feed = None

    def stop(self) -> None:
        self.timer.stop()
        self.close_feed()
