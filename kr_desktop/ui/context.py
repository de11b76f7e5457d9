"""What every screen gets: the open database and one "data changed" signal for all views."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from kr_desktop.db.engine import Database


class DataEvents(QObject):
    """Emitted after every successful change; the argument names the area ("program", "awards", …).

    Views listen and decide themselves whether to refresh (as in Anki's operations). The one
    signal also carries what other workstations committed (ui/live_refresh.py): while it is
    delivered, ``elsewhere`` is True — a view that keeps its own edits on screen (the progress
    grid saves each row in place) reloads then, and only then.
    ``opened`` is emitted once when a window shown before its database was open gets it
    (see ``ui/app.py``: the window appears while SQLAlchemy loads and the file is checked)."""

    changed = Signal(str)
    opened = Signal()

    def __init__(self):
        super().__init__()
        self.elsewhere = False

    def changed_elsewhere(self, areas) -> None:
        """Announce changes another workstation committed, one ``changed`` per area."""
        self.elsewhere = True
        try:
            for area in sorted(areas):
                self.changed.emit(area)
        finally:
            self.elsewhere = False


@dataclass
class AppContext:
    db: Database | None  # None only while the window's database is still opening
    events: DataEvents = field(default_factory=DataEvents)
    start_data: Any = None  # the start screen's snapshot shown until the database is open
    snapshot_folder: Path | None = None  # where the start screen keeps its snapshot (the window's start)

    @property
    def is_open(self) -> bool:
        return self.db is not None
