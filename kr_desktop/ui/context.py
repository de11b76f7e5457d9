"""What every screen gets: the open database and one "data changed" signal for all views."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from kr_desktop.db.engine import Database


class DataEvents(QObject):
    """Emitted after every successful change; the argument names the area ("program", "awards", …).

    Views listen and decide themselves whether to refresh (as in Anki's operations)."""

    changed = Signal(str)


@dataclass
class AppContext:
    db: Database
    events: DataEvents = field(default_factory=DataEvents)
