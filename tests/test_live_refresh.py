"""Workstations stay current (issue 15): a change committed on one workstation reaches the others'
open screens within 2 s (NOTIFY on PostgreSQL, PRAGMA data_version on a shared SQLite file), and
a form being edited is not reloaded under the user's hands."""

import time

import pytest
from sqlalchemy import select

from kr_desktop.db.change_feed import open_feed
from kr_desktop.db.models import Executor
from kr_desktop.db.open import open_database
from kr_desktop.services import progress_saving, versioning
from kr_desktop.services.live_changes import areas_of


def _first_executor(db):
    with db.reading() as s:
        return s.scalars(select(Executor).order_by(Executor.id).limit(1)).one()


def _poll_until(feed, seconds=2.0) -> set[str]:
    deadline = time.monotonic() + seconds
    seen: set[str] = set()
    while time.monotonic() < deadline:
        seen |= feed.poll()
        if seen:
            return seen
        time.sleep(0.05)
    return seen


def test_two_sessions_see_each_others_change_through_the_notification(db):
    other = open_database(db.location)  # another workstation
    feed = open_feed(db)
    other_feed = open_feed(other)
    try:
        executor = _first_executor(db)
        started = time.monotonic()
        versioning.update_fields(other, "Зміна на іншому робочому місці", Executor, executor.id, executor.version,
                                 {"short_name": "Інше місце"})
        tables = _poll_until(feed)
        assert "executor" in tables and time.monotonic() - started < 2.0
        assert areas_of(tables) == {"program"}
        assert other_feed.poll() == set()  # its own change: the window that made it has refreshed already
        assert feed.poll() == set()  # nothing new since
        # and the other way round
        executor = _first_executor(db)
        versioning.update_fields(db, "Відповідь", Executor, executor.id, executor.version, {"short_name": "Тут"})
        assert "executor" in _poll_until(other_feed)
    finally:
        feed.close()
        other_feed.close()
        other.dispose()


@pytest.mark.sqlite_only
def test_the_window_refreshes_a_screen_but_not_a_row_being_edited(qtbot, db_path):
    from PySide6.QtCore import Qt

    from kr_desktop.ui.context import AppContext
    from kr_desktop.ui.main_window import MainWindow

    db = open_database(db_path)
    other = open_database(db_path)
    window = MainWindow(AppContext(None))
    qtbot.addWidget(window)
    window.attach(db)
    screen = window.progress_screen
    window.tabs.setCurrentWidget(screen)
    year, half = screen.period
    rows = screen.grid.rows
    assert rows, "the built-in Program has measures in every period"
    first, second = rows[0], rows[1]
    try:
        progress_saving.save_entry(other, year, half, first.measure_id, first.executor_id, status="виконано",
                                   narrative="З іншого місця")
        qtbot.waitUntil(lambda: screen.grid.rows[0].narrative == "З іншого місця", timeout=2000)

        # A cell open for editing: the next change from elsewhere waits until the edit ends.
        column = next(i for i, c in enumerate(screen.model.columns) if c.key == "narrative")
        index = screen.model.index(1, column)
        screen.view.setCurrentIndex(index)
        screen.view.edit(index)
        assert screen.view.state() == screen.view.State.EditingState
        progress_saving.save_entry(other, year, half, second.measure_id, second.executor_id, status="виконано",
                                   narrative="Друге")
        qtbot.wait(1200)  # two polls
        assert screen.grid.rows[1].narrative != "Друге"
        assert window.live_refresh.pending  # held back, not lost
        editor = screen.view.indexWidget(index)  # «що зроблено»: a multi-line editor
        qtbot.keyClick(editor, Qt.Key.Key_Escape)  # the user cancels the edit
        assert screen.view.state() != screen.view.State.EditingState
        qtbot.waitUntil(lambda: screen.grid.rows[1].narrative == "Друге", timeout=2000)
    finally:
        window.close()
        other.dispose()
        db.dispose()


@pytest.mark.sqlite_only
def test_a_lost_feed_is_opened_again_and_every_view_refreshes(qtbot, db_path, monkeypatch):
    from kr_desktop.services.live_changes import AREAS
    from kr_desktop.ui import live_refresh
    from kr_desktop.ui.context import AppContext
    from kr_desktop.ui.main_window import MainWindow

    monkeypatch.setattr(live_refresh, "REOPEN_S", 0.0)
    db = open_database(db_path)
    window = MainWindow(AppContext(None))
    qtbot.addWidget(window)
    window.attach(db)
    refresh = window.live_refresh
    refresh.timer.stop()  # driven by hand here
    delivered = []
    window.context.events.changed.connect(lambda area: delivered.append(area))
    try:
        refresh.feed.connection.close()  # as a dropped connection would
        refresh.check()
        assert refresh.feed is None and refresh.lost_at is not None
        qtbot.waitUntil(lambda: (refresh.check(), refresh.feed is not None)[1], timeout=3000)
        assert set(delivered) == AREAS  # what was missed is unknown: every view reloads
    finally:
        window.close()
        db.dispose()
