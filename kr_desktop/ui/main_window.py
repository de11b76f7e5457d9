"""The main window: menu, status bar and the screens as tabs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget

from kr_desktop.services.access import ROLE_LABELS, VIEWER, has_role
from kr_desktop.ui import texts, trust_texts
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.lazy_tabs import LazyScreens
from kr_desktop.ui.screens import SCREENS
from kr_desktop.ui.undo_actions import UndoActions

if TYPE_CHECKING:
    from kr_desktop.db.engine import Database


class MainWindow(QMainWindow):
    """``MainWindow(db)``; or ``MainWindow(AppContext(None, start_data=…))`` shown while the
    database opens, then ``attach(db)`` (see ``ui/app.py``): screens that need the database wait
    for it, the start screen shows its snapshot, nothing that changes data is enabled."""

    def __init__(self, db: Database | AppContext, parent=None):
        super().__init__(parent)
        self.context = db if isinstance(db, AppContext) else AppContext(db)
        self.setWindowTitle(texts.APP_TITLE)
        self.resize(1280, 800)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("screens")
        self.screens = LazyScreens(self, self.tabs, self.context)  # each built when first shown
        self._add_screens()
        self.setCentralWidget(self.tabs)
        self._build_menu()
        self.user_label = QLabel()
        self.statusBar().addPermanentWidget(self.user_label)
        self._show_database()
        from kr_desktop.ui.window_state import WindowState

        # Size, toolbar, splitters and column widths of the last run (QSettings).
        self.window_state = WindowState(self, self.tabs, {spec.attribute: spec.title for spec in SCREENS})
        self.window_state.restore_window()

    @property
    def db(self) -> Database | None:
        return self.context.db

    @property
    def showing_data(self) -> bool:
        """The start screen shows data (its snapshot, or what the open database holds)."""
        screen = self.__dict__.get("control_screen")
        return screen is not None and screen.has_data

    def _add_screens(self) -> None:
        """The screens this user may see, in SCREENS order; while the database opens (user not
        known yet) those open to every role — the rest are added by ``attach``."""
        role_of = (lambda spec: has_role(self.db, spec.min_role)) if self.db is not None \
            else (lambda spec: spec.min_role == VIEWER)
        present = [spec for spec in SCREENS if spec.attribute in self.__dict__ or spec.attribute in self.screens.pending]
        for spec in SCREENS:
            if spec in present or not role_of(spec):
                continue  # already there, or hidden from this role (the services refuse it anyway)
            self.screens.add(spec, index=sum(1 for other in SCREENS[:SCREENS.index(spec)] if other in present))
            present.append(spec)

    def _show_database(self) -> None:
        if self.db is None:
            self.statusBar().showMessage(texts.DB_OPENING)
            self.user_label.setText("")
            return
        self.statusBar().showMessage(texts.DB_STATUS.format(location=self.db.display_location))
        self.user_label.setText(trust_texts.STATUS_USER.format(name=self.db.actor,
                                                               role=ROLE_LABELS.get(self.db.role, self.db.role)))

    def attach(self, db: Database) -> None:
        """The database is open (and the user known): the window becomes the usual one."""
        self.context.db = db
        self.context.start_data = None
        from kr_desktop.ui.live_refresh import LiveRefresh

        self.live_refresh = LiveRefresh(self, self.context)  # other workstations' changes, from now on
        self._add_screens()
        self._show_database()
        self.print_program_action.setEnabled(True)
        try:
            self.screens.opened()  # a tab the user opened meanwhile is built now…
            self.window_state.restore_current()  # …with its remembered layout
        finally:  # even if that screen failed: the rest of the window gets its database
            self.context.events.opened.emit()

    def __getattr__(self, name: str):
        screens = self.__dict__.get("screens")  # a screen not built yet is built when asked for
        if screens is not None and name in screens.pending:
            return screens.build(name)
        raise AttributeError(name)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(texts.MENU_FILE)
        self.print_program_action = QAction(texts.ACTION_PRINT_PROGRAM, self)
        self.print_program_action.triggered.connect(self.print_program)
        self.print_program_action.setEnabled(self.db is not None)
        file_menu.addAction(self.print_program_action)
        from kr_desktop.ui.backup_actions import BackupActions

        self.backup_actions = BackupActions(self, self.context, file_menu)
        file_menu.addSeparator()
        exit_action = QAction(texts.ACTION_EXIT, self)
        exit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        exit_action.triggered.connect(self.close)
        file_menu.addAction(exit_action)
        edit_menu = self.menuBar().addMenu(trust_texts.MENU_EDIT)
        self.undo_actions = UndoActions(self, self.context, edit_menu)
        help_menu = self.menuBar().addMenu(texts.MENU_HELP)
        about = QAction(texts.ACTION_ABOUT, self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        from kr_desktop.ui.window_commands import WindowCommands

        # Ctrl+N/S/F/P, Del, F1 and the toolbar, sent to the current screen.
        self.commands = WindowCommands(self, file_menu, help_menu, self.undo_actions)

    def print_program(self, path: str | None = None) -> Path | None:
        if not path:
            from kr_desktop.ui.save_dialog import ask_save_path

            path = ask_save_path(self, texts.SAVE_PDF_TITLE, "Програма_1176.pdf", texts.PDF_FILTER, ("pdf",))
            if not path:
                return None
        from kr_desktop.output_files import write_atomically
        from kr_desktop.errors import UserError
        from kr_desktop.reports.program_pdf import render_program_pdf
        from kr_desktop.services.program_view import load_document
        from kr_desktop.ui import jobs

        db = self.db

        def work() -> Path:  # off the UI thread; the file appears only when complete
            document = load_document(db)
            return write_atomically(Path(path), lambda temp: render_program_pdf(document, temp))

        try:
            out = jobs.run(self, texts.PRINTING_PROGRAM, work)
        except (UserError, OSError) as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, texts.REPORT_FAILED, getattr(exc, "message", None) or str(exc))
            return None
        if out is not None:
            self.statusBar().showMessage(texts.REPORT_SAVED.format(path=out))
        return out

    def show_about(self) -> None:
        from kr_desktop.ui.about_box import show_about

        show_about(self)

    def closeEvent(self, event) -> None:
        if getattr(self, "live_refresh", None) is not None:
            self.live_refresh.stop()
        self.window_state.save()
        super().closeEvent(event)
