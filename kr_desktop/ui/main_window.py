"""The main window: menu, toolbar, the side panel of screens grouped by the two jobs
(ui/navigation.py), the current screen, the status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QWidget

from kr_desktop.services.access import ROLE_LABELS, VIEWER, has_role
from kr_desktop.ui import texts, trust_texts
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.lazy_tabs import LazyScreens
from kr_desktop.ui.screen_stack import ScreenStack
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
        self._show_title()
        self._fit_screen()
        # The screens, one shown at a time: the side panel chooses (``tabs``: it answers as tabs did).
        self.tabs = ScreenStack()
        self.tabs.setObjectName("screens")
        self.screens = LazyScreens(self, self.tabs, self.context)  # each built when first shown
        from kr_desktop.ui.navigation import ScreenNavigation

        self.navigation = ScreenNavigation(self, self.tabs, self.screens)
        self._add_screens()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_menu()
        self.user_label = QLabel()
        self.statusBar().addPermanentWidget(self.user_label)
        self._show_database()
        from kr_desktop.ui.window_state import WindowState

        # Size, toolbar, splitters and column widths of the last run (QSettings).
        self.window_state = WindowState(self, self.tabs, {spec.attribute: spec.title for spec in SCREENS})
        self.window_state.restore_window()
        self.program_chooser = None
        if self.db is not None:
            self._build_programs()

    def _build_programs(self) -> None:
        """The program chooser and the «Програми» menu: built once the database is open (nothing
        of them before the window's first paint)."""
        from kr_desktop.ui.program_chooser import ProgramChooser
        from kr_desktop.ui.programs_menu import ProgramsMenu

        self.program_chooser = ProgramChooser(self.context)
        self.navigation.add_to_group("program", self.program_chooser)
        self.programs_menu = ProgramsMenu(self, self.context)

    @property
    def db(self) -> Database | None:
        return self.context.db

    @property
    def showing_data(self) -> bool:
        """The start screen shows data (its snapshot, or what the open database holds)."""
        screen = self.__dict__.get("control_screen")
        return screen is not None and screen.has_data

    def _fit_screen(self) -> None:
        """A first start's size: 1280×800, or the screen's free area when smaller (1366×768)."""
        from PySide6.QtGui import QGuiApplication

        screen = QGuiApplication.primaryScreen()
        width, height = 1280, 800
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width()), min(height, available.height() - 30)
        self.resize(width, height)

    def _show_title(self) -> None:
        """«kr.sqlite3 — Програма і відзнаки»: the open database, then the application."""
        db = self.db
        self.setWindowTitle(texts.WINDOW_TITLE.format(database=db.short_location) if db is not None
                            else texts.APP_NAME)

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
        self.navigation.sync()

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
        if self.program_chooser is None:
            self._build_programs()  # the chosen program, before any screen reads it
        from kr_desktop.ui.live_refresh import LiveRefresh

        self.live_refresh = LiveRefresh(self, self.context)  # other workstations' changes, from now on
        self._add_screens()
        self._show_database()
        self._show_title()
        self.print_program_action.setEnabled(True)
        self.signers_action.setEnabled(True)
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
        self.print_program_action.triggered.connect(lambda: self.preview_program())
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
        from kr_desktop.ui import signers_texts

        settings_menu = self.menuBar().addMenu(signers_texts.MENU_SETTINGS)
        self.signers_action = QAction(signers_texts.MENU_SIGNERS, self)
        self.signers_action.setObjectName("signersAction")
        self.signers_action.triggered.connect(self.edit_signers)
        self.signers_action.setEnabled(self.db is not None)
        settings_menu.addAction(self.signers_action)
        help_menu = self.menuBar().addMenu(texts.MENU_HELP)
        about = QAction(texts.ACTION_ABOUT, self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        from kr_desktop.ui.window_commands import WindowCommands

        # Ctrl+N/S/F/P, Del, F1 and the toolbar, sent to the current screen.
        self.commands = WindowCommands(self, file_menu, help_menu, self.undo_actions)
        self.menuBar().insertMenu(help_menu.menuAction(), self.navigation.menu)  # «Перейти» before «Довідка»

    def preview_program(self):
        """The Program as the decision shows it, in the print preview (print, or save as PDF)."""
        from kr_desktop.ui.screen_commands import preview

        from kr_desktop.reports import file_names

        return preview(self, texts.PROGRAM_PREVIEW_TITLE, lambda p: self.print_program(str(p)), file_names.program(),
                       ("pdf",))

    def print_program(self, path: str | None = None) -> Path | None:
        program_id = self.context.program_id
        if not path:
            from kr_desktop.ui.programs_menu import program_file_name
            from kr_desktop.ui.save_dialog import ask_save_path

            path = ask_save_path(self, texts.SAVE_PDF_TITLE, program_file_name(self.context, "pdf"), texts.PDF_FILTER,
                                 ("pdf",))
            if not path:
                return None
        from kr_desktop.output_files import write_atomically
        from kr_desktop.errors import UserError
        from kr_desktop.reports.program_pdf import render_program_pdf
        from kr_desktop.services.program_view import load_document
        from kr_desktop.ui import jobs

        db = self.db

        def work() -> Path:  # off the UI thread; the file appears only when complete
            document = load_document(db, program_id)
            return write_atomically(Path(path), lambda temp: render_program_pdf(document, temp))

        try:
            out = jobs.run(self, texts.PRINTING_PROGRAM, work)
        except (UserError, OSError) as exc:
            from PySide6.QtWidgets import QMessageBox

            from kr_desktop.error_texts import explain

            QMessageBox.warning(self, texts.REPORT_FAILED, getattr(exc, "message", None) or explain(exc))
            return None
        if out is not None:
            self.statusBar().showMessage(texts.REPORT_SAVED.format(path=out))
        return out

    def edit_signers(self) -> None:
        from kr_desktop.ui.signers_dialog import SignersDialog

        SignersDialog(self.context, self).exec()

    def show_about(self) -> None:
        from kr_desktop.ui.about_box import show_about

        show_about(self)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.navigation.fit(self.width())
        super().resizeEvent(event)

    def closeEvent(self, event) -> None:
        if getattr(self, "live_refresh", None) is not None:
            self.live_refresh.stop()
        self.window_state.save()
        super().closeEvent(event)
