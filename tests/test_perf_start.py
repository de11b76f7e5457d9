"""The window's start (issue 7): the window appears before the database layer loads, with the
start screen's snapshot when — and only when — it is current, then gets its database."""

import datetime as dt
from dataclasses import replace as dataclass_replace
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QColor

from kr_desktop.cli import window_arguments
from kr_desktop.domain.control_data import ControlStatus
from kr_desktop.services import start_snapshot
from kr_desktop.services.access import ADMIN, OPERATOR, VIEWER
from kr_desktop.services.control import control_data, start_screen_data
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.control_models import BACKGROUND_ROLE, COLOURS, DISPLAY_ROLE, STATUS_ROLE, USER_ROLE
from kr_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.sqlite_only

TODAY = dt.date.today()


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "snapshots"


def _take(db, folder, on=TODAY):
    return start_screen_data(db, on, folder)


def _rows(model):
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_snapshot_round_trips_the_control_screen(db, db_path, folder):
    data = _take(db, folder)
    assert data.items, "the built-in Program has deadlines to watch"
    loaded = start_snapshot.load(folder, db_path.resolve(), TODAY)
    assert loaded == data  # every item, status, executor and count as computed


def test_a_snapshot_is_used_only_while_it_is_current(db, db_path, folder):
    from kr_desktop.services.control import SOON_DAYS, save_control_settings

    _take(db, folder)
    database = db_path.resolve()
    assert start_snapshot.load(folder, database, TODAY) is not None
    assert start_snapshot.load(folder, database, TODAY - dt.timedelta(days=1)) is None  # not a day before
    save_control_settings(db, {SOON_DAYS: 30})  # any change writes a journal entry
    assert start_snapshot.load(folder, database, TODAY) is None
    assert _take(db, folder).soon_days == 30
    assert start_snapshot.load(folder, database, TODAY).soon_days == 30  # taken again: current again


@pytest.mark.parametrize("taken_on", [dt.date(2026, 6, 20), dt.date(2026, 7, 8), dt.date(2026, 11, 30),
                                      dt.date(2026, 12, 25), dt.date(2027, 1, 9)])
def test_a_snapshot_holds_exactly_the_days_on_which_control_shows_the_same(db, db_path, folder, monkeypatch,
                                                                           taken_on):
    import json

    from kr_desktop.services import control

    class Day(dt.date):  # the service's "today" on the chosen day
        @classmethod
        def today(cls):
            return taken_on

    monkeypatch.setattr(control.dt, "date", Day)
    assert _take(db, folder, taken_on) == control_data(db, taken_on)
    monkeypatch.undo()
    (file,) = folder.glob("*.json")
    through = dt.date.fromisoformat(json.loads(file.read_text(encoding="utf-8"))["through"])
    assert taken_on <= through <= taken_on + dt.timedelta(days=control.SNAPSHOT_DAYS)
    database = db_path.resolve()
    day = taken_on
    while day <= through:  # every day it is used for, it shows what control computes for that day
        assert start_snapshot.load(folder, database, day) == control_data(db, day), day
        day += dt.timedelta(days=1)
    if through < taken_on + dt.timedelta(days=control.SNAPSHOT_DAYS):
        assert control_data(db, day) != dataclass_replace(control_data(db, taken_on), on=day)  # it changes then
    assert start_snapshot.load(folder, database, day) is None


def test_a_snapshot_of_another_version_or_damaged_is_not_used(db, db_path, folder, monkeypatch):
    _take(db, folder)
    database = db_path.resolve()
    monkeypatch.setattr(start_snapshot, "__version__", "99.0")
    assert start_snapshot.load(folder, database, TODAY) is None
    monkeypatch.undo()
    (file,) = folder.glob("*.json")
    file.write_text("{not json", encoding="utf-8")
    assert start_snapshot.load(folder, database, TODAY) is None
    assert start_snapshot.load(folder, database.with_name("other.sqlite3"), TODAY) is None


def test_no_snapshot_is_kept_when_a_change_lands_while_it_is_computed(db, db_path, folder, monkeypatch):
    from kr_desktop.services import control
    from kr_desktop.services.control import SOON_DAYS, save_control_settings

    real = control._gather

    def changing_meanwhile(*args):
        result = real(*args)
        save_control_settings(args[0], {SOON_DAYS: 21})  # another window saves meanwhile
        return result

    monkeypatch.setattr(control, "_gather", changing_meanwhile)
    _take(db, folder)
    assert not list(folder.glob("*.json"))


def test_only_local_files_and_only_today_get_a_snapshot(db, db_path, folder):
    assert start_snapshot.local_file("postgresql+psycopg://u:p@host/db") is None
    assert start_snapshot.local_file(f"sqlite:///{db_path}") == db_path.resolve()
    _take(db, folder, on=TODAY - dt.timedelta(days=3))  # the user looking at another day
    assert not list(folder.glob("*.json"))


def test_the_window_shows_the_snapshot_before_its_database_and_waits_for_it(qtbot, db, db_path, folder):
    db.role = ADMIN
    data = _take(db, folder)
    window = MainWindow(AppContext(None, start_data=start_snapshot.load(folder, db_path.resolve(), TODAY),
                                   snapshot_folder=folder))
    qtbot.addWidget(window)
    window.show()
    control = window.control_screen
    assert window.showing_data and control.items_model.rowCount() == len(data.items)
    first = data.items[0]
    assert control.items_model.index(0, 1).data() == first.what
    assert QColor(control.items_model.index(0, 0).data(BACKGROUND_ROLE)) == COLOURS[first.status]
    # nothing that needs the database or changes data works yet; the admin's screens wait for the user
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Журнал змін" not in titles and "Користувачі" not in titles
    assert not window.print_program_action.isEnabled()
    assert not window.undo_actions.undo_action.isEnabled()
    assert not window.backup_actions.backup_action.isEnabled()
    assert not any(action.isEnabled() for action in window.commands.actions.values())  # print too
    assert window.commands.help_action.isEnabled()  # the guide needs no database
    assert not control.date.isEnabled() and not control.reports_box.isEnabled()
    assert "Відкриття бази даних" in window.statusBar().currentMessage()
    index = titles.index("Реєстр відзнак")
    window.tabs.setCurrentIndex(index)  # the user clicks a tab meanwhile: it is built when the database is open
    assert "awards_screen" not in window.__dict__

    window.attach(db)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[-2:] == ["Журнал змін", "Користувачі"]  # in their place, for the administrator
    assert window.tabs.currentIndex() == index and window.tabs.currentWidget() is window.awards_screen
    assert window.print_program_action.isEnabled() and window.backup_actions.backup_action.isEnabled()
    window.tabs.setCurrentIndex(0)
    assert window.commands.actions["print_current"].isEnabled()
    assert control.date.isEnabled() and control.reports_box.isEnabled()
    assert db.actor in window.user_label.text()
    assert _rows(control.items_model) and len(control.data.items) == len(data.items)


@pytest.mark.parametrize("role, admin_tabs", [(VIEWER, False), (OPERATOR, False)])
def test_screens_of_higher_roles_stay_hidden_after_the_database_opens(qtbot, db, role, admin_tabs):
    db.role = role
    window = MainWindow(AppContext(None))
    qtbot.addWidget(window)
    assert not window.showing_data  # no snapshot: the start screen waits
    assert window.control_screen.summary.text() == "Відкриття бази даних…"
    window.attach(db)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert ("Журнал змін" in titles) is admin_tabs
    assert window.showing_data and window.control_screen.items_model.rowCount() > 0


def test_roles_are_qts_numbers():
    from PySide6.QtCore import Qt

    from kr_desktop.ui.window_commands import TEXT_BESIDE_ICON

    assert DISPLAY_ROLE == Qt.ItemDataRole.DisplayRole.value
    assert BACKGROUND_ROLE == Qt.ItemDataRole.BackgroundRole.value
    assert USER_ROLE == Qt.ItemDataRole.UserRole.value and STATUS_ROLE > USER_ROLE
    assert TEXT_BESIDE_ICON == Qt.ToolButtonStyle.ToolButtonTextBesideIcon.value


def test_status_role_names_the_domain_status(qtbot, db):
    window = MainWindow(db)
    qtbot.addWidget(window)
    model = window.control_screen.items_model
    assert {model.index(r, 0).data(STATUS_ROLE) for r in range(model.rowCount())} <= {s.value for s in ControlStatus}


def test_a_plain_window_start_skips_the_command_parser():
    assert window_arguments([]).db is None
    assert vars(window_arguments(["--db", "a.sqlite3", "--smoke"])) == {"db": "a.sqlite3", "smoke": True}
    assert window_arguments(["--db=b.sqlite3"]).db == "b.sqlite3"
    for other in (["init", "--db", "x"], ["--help"], ["--version"], ["--db"], ["--db", "--smoke"], ["--dbx"]):
        assert window_arguments(other) is None, other


def _start(db_path, tmp_path, name):
    listing = tmp_path / f"{name}.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KR_DESKTOP_BENCH_SHOWN="1",
               KR_DESKTOP_BENCH_MODULES=str(listing))
    result = subprocess.run([sys.executable, "-m", "kr_desktop", "--db", str(db_path), "--smoke"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "KR_DESKTOP_SHOWN" in result.stdout
    return set(listing.read_text(encoding="utf-8").split())


def test_with_a_current_snapshot_the_window_paints_before_sqlalchemy_loads(db_path, tmp_path):
    first = _start(db_path, tmp_path, "first")  # no snapshot yet: the window waits for the database
    assert "sqlalchemy" in first and "kr_desktop.services.control" in first
    second = _start(db_path, tmp_path, "second")  # the first start kept its snapshot
    assert "kr_desktop.ui.control_screen" in second
    assert not {m for m in second if m.split(".")[0] in ("sqlalchemy", "alembic", "babel")}, \
        sorted(m for m in second if m.startswith(("sqlalchemy", "babel")))[:5]


class _Opened:
    """What the opening job hands over (jobs.Job's result and error)."""

    def __init__(self, result=None, error=None):
        self.result, self.error = result, error


def _session(qtbot, monkeypatch, smoke=False):
    from PySide6.QtWidgets import QApplication

    from kr_desktop.ui import app as app_module

    window = MainWindow(AppContext(None))
    qtbot.addWidget(window)
    exits = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    return app_module._Session(QApplication.instance(), window, "db", smoke), window, exits


def test_after_the_database_opens_the_user_logs_in_over_the_window(qtbot, db, monkeypatch):
    from kr_desktop.services import backups

    asked = []
    monkeypatch.setattr("kr_desktop.ui.login_dialog.ask_for_user", lambda db_, parent: asked.append(parent) or "user")
    monkeypatch.setattr(backups, "auto_backup", lambda db_, reason: None)
    session, window, exits = _session(qtbot, monkeypatch)
    session.opening = _Opened(db)
    session.opened()
    assert asked == [window]  # the login dialog belongs to the window already on screen
    assert window.db is db and session.db is db and not exits
    session.backup.done.wait(10)


def test_a_cancelled_login_closes_the_window_and_ends_the_program(qtbot, db, monkeypatch):
    monkeypatch.setattr("kr_desktop.ui.login_dialog.ask_for_user", lambda db_, parent: None)
    session, window, exits = _session(qtbot, monkeypatch)
    window.show()
    session.opening = _Opened(db)
    session.opened()
    assert exits == [0] and session.code == 0 and not window.isVisible() and window.db is None


def test_a_database_that_cannot_be_opened_is_reported_over_the_window(qtbot, monkeypatch, capsys):
    from kr_desktop.errors import DatabaseFileError

    shown = []
    monkeypatch.setattr("kr_desktop.ui.recovery_dialog.offer_recovery",
                        lambda target, error, parent: shown.append((error.message, parent)))
    session, window, exits = _session(qtbot, monkeypatch)
    session.opening = _Opened(error=DatabaseFileError("Файл бази даних «db» не знайдено."))
    session.opened()
    assert shown == [("Файл бази даних «db» не знайдено.", window)] and exits and exits[0] != 0
    smoke, _window, smoke_exits = _session(qtbot, monkeypatch, smoke=True)
    smoke.opening = _Opened(error=DatabaseFileError("Файл бази даних «db» не знайдено."))
    smoke.opened()
    assert smoke_exits and "не знайдено" in capsys.readouterr().err


def test_a_fault_while_opening_is_shown_and_ends_the_program(qtbot, monkeypatch, capsys):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((parent, title, text)))
    session, window, exits = _session(qtbot, monkeypatch)
    session.opening = _Opened(error=RuntimeError("зламано"))
    session.opened()
    assert exits == [1] and shown and shown[0][0] is window and "зламано" in shown[0][2]
    assert "RuntimeError" in capsys.readouterr().err  # the traceback, for whoever looks into it
