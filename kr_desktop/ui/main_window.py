"""The main window: menu, status bar and the screens as tabs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QTabWidget

from kr_desktop.db.engine import Database
from kr_desktop.ui import texts
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.lazy_tabs import LazyScreens
from kr_desktop.ui.screens import SCREENS
from kr_desktop.services.access import ROLE_LABELS, has_role
from kr_desktop.ui import trust_texts
from kr_desktop.ui.undo_actions import UndoActions


class MainWindow(QMainWindow):
    def __init__(self, db: Database | AppContext, parent=None):
        super().__init__(parent)
        self.context = db if isinstance(db, AppContext) else AppContext(db)
        self.db = self.context.db
        self.setWindowTitle(texts.APP_TITLE)
        self.resize(1280, 800)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("screens")
        self.screens = LazyScreens(self, self.tabs, self.context)  # each built when first shown
        for spec in SCREENS:
            if not has_role(self.db, spec.min_role):
                continue  # hidden from this role (the services refuse it anyway)
            self.screens.add(spec)
        self.setCentralWidget(self.tabs)
        self._build_menu()
        self.statusBar().showMessage(texts.DB_STATUS.format(location=self.db.display_location))
        self.user_label = QLabel(trust_texts.STATUS_USER.format(name=self.db.actor,
                                                                role=ROLE_LABELS.get(self.db.role, self.db.role)))
        self.statusBar().addPermanentWidget(self.user_label)
        from kr_desktop.ui.window_state import WindowState

        # Size, toolbar, splitters and column widths of the last run (QSettings).
        self.window_state = WindowState(self, self.tabs, {spec.attribute: spec.title for spec in SCREENS})
        self.window_state.restore_window()

    def __getattr__(self, name: str):
        screens = self.__dict__.get("screens")  # a screen not built yet is built when asked for
        if screens is not None and name in screens.pending:
            return screens.build(name)
        raise AttributeError(name)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(texts.MENU_FILE)
        self.print_program_action = QAction(texts.ACTION_PRINT_PROGRAM, self)
        self.print_program_action.triggered.connect(self.print_program)
        file_menu.addAction(self.print_program_action)
        from kr_desktop.ui.backup_actions import BackupActions

        self.backup_actions = BackupActions(self, self.context, file_menu)
        file_menu.addSeparator()
        exit_action = QAction(texts.ACTION_EXIT, self)
        exit_action.setShortcut(QKeySequence.StandardKey.Quit)
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
            path, _ = QFileDialog.getSaveFileName(self, texts.SAVE_PDF_TITLE, "Програма_1176.pdf", texts.PDF_FILTER)
            if not path:
                return None
        from kr_desktop.reports.program_pdf import render_program_pdf
        from kr_desktop.services.program_view import load_document

        out = Path(path)
        render_program_pdf(load_document(self.db), out)
        self.statusBar().showMessage(texts.REPORT_SAVED.format(path=out))
        return out

    def show_about(self) -> None:
        from kr_desktop.ui.about_box import show_about

        show_about(self)

    def closeEvent(self, event) -> None:
        self.window_state.save()
        super().closeEvent(event)
