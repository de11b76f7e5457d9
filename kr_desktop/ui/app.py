"""The QApplication: fonts shipped with the app, Qt's Ukrainian translations, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QStandardPaths, QTimer, QTranslator, Slot
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kr_desktop import APP_NAME
from kr_desktop.paths import fonts_dir, translations_dir

UI_FONT_FAMILY = "Liberation Sans"
UI_FONT_SIZE = 10


def load_fonts() -> list[str]:
    """Load the shipped TTFs: the Qt wheel has no fonts, so without them text shows as boxes."""
    families: list[str] = []
    for path in sorted(fonts_dir().glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def install_translations(app: QApplication) -> bool:
    """Qt's own dialogs (Так/Ні, file dialogs) in Ukrainian: the catalogue the installer ships in
    resources/translations, else PySide6's own (a checkout)."""
    locale = QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine)
    for folder in (str(translations_dir()), QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translator = QTranslator(app)
        if translator.load(locale, "qtbase", "_", folder):
            app.installTranslator(translator)
            return True
    return False


def create_application(argv: list[str] | None = None, dialog_save_key: bool = True) -> QApplication:
    """The QApplication as the whole program uses it. ``dialog_save_key=False`` leaves the
    application-wide Ctrl+S filter to the caller: run_application installs it after the first
    paint, because any Python event filter on the application makes every new widget pass through
    Python (a QTableView then takes 35 ms to create instead of 6)."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    QLocale.setDefault(QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine))
    load_fonts()
    app.setFont(QFont(UI_FONT_FAMILY, UI_FONT_SIZE))
    install_translations(app)
    from kr_desktop.ui.window_commands import app_icon

    app.setWindowIcon(app_icon())
    if dialog_save_key:
        from kr_desktop.ui import dialog_keys

        dialog_keys.install(app)  # Ctrl+S presses a dialog's «Зберегти»
    return app


SNAPSHOT_DIR_VARIABLE = "KR_DESKTOP_CACHE_DIR"  # tests keep start snapshots in a temporary folder


def snapshot_folder() -> Path:
    """Where the start screen's snapshot is kept: the user's cache folder, as Qt names it for
    this platform (services/start_snapshot.py)."""
    if os.environ.get(SNAPSHOT_DIR_VARIABLE):
        return Path(os.environ[SNAPSHOT_DIR_VARIABLE])
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)) / "start"


def run_application(target: str, smoke: bool = False, smoke_checks=()) -> int:
    """The window's start. The window appears first — from Qt alone, with the start screen's
    snapshot when it is current (services/start_snapshot.py) — while the database opens in a
    worker thread (importing SQLAlchemy and checking the file take longer than the whole bare Qt
    start); then the login, and the window gets its database."""
    import datetime as dt

    from kr_desktop.services import start_snapshot
    from kr_desktop.ui.context import AppContext
    from kr_desktop.ui.main_window import MainWindow
    from kr_desktop.ui.perf_hooks import watch_first_paint

    app = create_application(dialog_save_key=False)
    folder = snapshot_folder()
    database_file = start_snapshot.local_file(target)
    start_data = start_snapshot.load(folder, database_file, dt.date.today()) if database_file is not None else None
    window = MainWindow(AppContext(None, start_data=start_data, snapshot_folder=folder))
    session = _Session(app, window, target, smoke, smoke_checks)
    from kr_desktop.ui.interrupt import InterruptWatcher

    interrupts = InterruptWatcher(window)  # Ctrl+C in the terminal closes the window as Ctrl+Q does
    after_paint = [interrupts.wake_on_signals]

    def open_database() -> None:
        from kr_desktop.ui import dialog_keys, jobs

        dialog_keys.install(app)  # Ctrl+S presses a dialog's «Зберегти» (no dialog exists before this)

        # session is a QObject of this thread: its slot runs here, queued
        session.opening = jobs.start(lambda: _open(target), finished=session.opened)

    if database_file is None and "://" in target:
        # A server: the connection is the login, so nothing is read before it — the login dialog
        # comes over the painted window, and the database opens with the person's own password.
        after_paint.append(session.log_in)
    elif start_data is not None:
        # The snapshot is on screen at once; the opening (pure Python, holding the GIL while it
        # imports) would only slow the first paint down: it starts when the window has painted.
        after_paint.append(open_database)
    else:
        open_database()
    _after_first_paint(window, lambda: [call() for call in after_paint])
    # The benchmark's hidden hook (inert without its variable). Watching from here, it hears the
    # first paint before the opening above does, so it reports the moment the window was drawn.
    watch_first_paint(window)
    window.show()
    code = app.exec()
    interrupts.uninstall()
    code = session.code if session.code is not None else code
    opening = session.opening
    db = session.db
    if opening is not None:
        opening.done.wait()  # the window may close before its database has opened (the benchmark)
        db = db or (opening.result if opening.error is None else None)
    if session.backup is not None:
        session.backup.done.wait()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()  # no worker is left running Python at exit
    if db is not None:
        db.dispose()
        if session.db is not None:  # a session took place: keep the file as it is now
            from kr_desktop.services.backups import auto_backup

            auto_backup(db, "exit")
    return code


def _open(target: str):
    from kr_desktop.db.open import open_database

    return open_database(target)


def _shown_server(url: str) -> str:
    from kr_desktop.ui.login_dialog import server_name

    return server_name(url)


FIRST_PAINT_WAIT_MS = 2000  # generous: a busy machine may take long to paint, and that is not "no paint"


def _after_first_paint(window, callback) -> None:
    from kr_desktop.ui.first_paint import WindowPainted

    window._first_paint = WindowPainted(window, callback, wait_ms=FIRST_PAINT_WAIT_MS)


class _Session(QObject):
    """What happens when the database has opened (or failed to): recovery, login, attach."""

    def __init__(self, app: QApplication, window, target: str, smoke: bool, smoke_checks=()):
        super().__init__()
        self.app, self.window, self.target, self.smoke = app, window, target, smoke
        self.smoke_checks = tuple(smoke_checks)  # the caller's own checks (the command line's modules)
        self.db = None
        self.code: int | None = None
        self.backup = None
        self.opening = None  # the job opening the database

    def _exit(self, code: int) -> None:
        self.code = code
        self.window.close()
        self.app.exit(code)

    @Slot()
    def opened(self) -> None:
        from kr_desktop.errors import UserError

        opening = self.opening
        db = opening.result
        if isinstance(opening.error, UserError):
            if self.smoke:
                print(f"Помилка: {opening.error.message}", file=sys.stderr)
                return self._exit(opening.error.exit_code)
            from kr_desktop.ui.recovery_dialog import offer_recovery

            db = offer_recovery(self.target, opening.error, self.window)  # for a damaged file: restore
            if db is None:
                return self._exit(opening.error.exit_code)
        elif opening.error is not None:  # not a refusal with a reason: a fault, shown and ended
            import traceback

            from PySide6.QtWidgets import QMessageBox

            from kr_desktop.ui import texts

            traceback.print_exception(opening.error, file=sys.stderr)
            if not self.smoke:
                QMessageBox.critical(self.window, texts.DB_ERROR_TITLE,
                                     texts.DB_OPEN_FAULT.format(error=opening.error))
            return self._exit(1)
        if self.smoke:
            from kr_desktop.services.access import VIEWER

            db.role = VIEWER  # the smoke test opens the window without a login: read-only, as the OS user
        else:
            from kr_desktop.ui import texts
            from kr_desktop.ui.login_dialog import ask_for_user

            self.window.statusBar().showMessage(texts.DB_LOGIN.format(location=db.display_location))
            if ask_for_user(db, self.window) is None:  # cancelled: no window without a user
                db.dispose()
                return self._exit(0)
        self._attach(db)
        return None

    @Slot()
    def log_in(self) -> None:
        """A server: the login dialog opens the database as the person (their role is the
        server's); the smoke run logs in from KR_DESKTOP_USER / KR_DESKTOP_PASSWORD instead."""
        from kr_desktop.ui import dialog_keys, texts

        dialog_keys.install(self.app)
        self.window.statusBar().showMessage(texts.DB_LOGIN.format(location=_shown_server(self.target)))
        if self.smoke:
            from kr_desktop.db.open import open_database
            from kr_desktop.errors import UserError

            try:
                db = open_database(self.target, login=os.environ.get("KR_DESKTOP_USER"),
                                   password=os.environ.get("KR_DESKTOP_PASSWORD"))
            except UserError as exc:
                print(f"Помилка: {exc.message}", file=sys.stderr)
                return self._exit(exc.exit_code)
        else:
            from kr_desktop.ui.login_dialog import ask_for_server_login, url_login

            db = ask_for_server_login(self.target, url_login(self.target), self.window)
            if db is None:  # cancelled: no window without a user
                return self._exit(0)
        self._attach(db)
        return None

    def _attach(self, db) -> None:
        self.db = db
        self.window.attach(db)
        from kr_desktop.services.backups import auto_backup
        from kr_desktop.ui.jobs import start

        # A file database only; never stops the start. Off the UI thread: a big file takes seconds.
        self.backup = start(lambda: auto_backup(db, "start"))
        if self.smoke and not os.environ.get("KR_DESKTOP_BENCH_SHOWN"):
            from kr_desktop.ui.smoke import smoke_report

            QTimer.singleShot(0, lambda: self._exit(smoke_report(self.window, self.target, self.smoke_checks)))  # checks, a report
