"""The «Програми» menu: a new program or a successor, the chosen program's decision, status,
passport and stages, a program from its decision (DOCX) and the program saved as one, removing a
draft. Each action opens its dialog; every change goes through the services (``perform``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from kr_desktop.services.access import OPERATOR, has_role
from kr_desktop.services.program.choice import list_programs
from kr_desktop.ui import programs_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.operations import perform


def program_file_name(context: AppContext, extension: str) -> str:
    """«Програма_1176.pdf» for the chosen program, «Програма_проєкт_2.pdf» for a draft."""
    from kr_desktop.reports.file_names import file_name

    label = next((p for p in list_programs(context.db) if p.id == context.program_id), None)
    number = label.decision_number if label is not None and label.decision_number else \
        f"проєкт {context.program_id or ''}"
    return file_name("Програма", number, ext=extension)


class ProgramsMenu:
    def __init__(self, window: QMainWindow, context: AppContext):
        self.window, self.context = window, context
        from kr_desktop.ui.texts import MENU_HELP

        self.menu = QMenu(t.MENU, window)
        self.menu.setObjectName("programsMenu")
        help_menu = next((a for a in window.menuBar().actions() if a.text() == MENU_HELP), None)
        if help_menu is not None:  # before «Довідка», as menus usually stand
            window.menuBar().insertMenu(help_menu, self.menu)
        else:
            window.menuBar().addMenu(self.menu)
        self.choose_menu = self.menu.addMenu(t.MENU_CHOOSE)  # the chooser's place when the panel is folded
        self.choose_menu.setObjectName("programsChooseMenu")
        self.choose_menu.aboutToShow.connect(self._fill_choose_menu)
        self.menu.addSeparator()
        self.actions: dict[str, QAction] = {}
        for name, text, slot, changes in (
                ("new", t.ACTION_NEW, self.new_program, True), ("successor", t.ACTION_SUCCESSOR, self.new_successor, True),
                (None, None, None, False),
                ("info", t.ACTION_INFO, self.edit_info, True), ("passport", t.ACTION_PASSPORT, self.edit_passport, True),
                ("stages", t.ACTION_STAGES, self.edit_stages, True),
                (None, None, None, False),
                ("import", t.ACTION_IMPORT, self.import_program, True),
                ("export", t.ACTION_EXPORT_DOCX, self.export_docx, False),
                (None, None, None, False),
                ("delete", t.ACTION_DELETE, self.delete_program, True)):
            if name is None:
                self.menu.addSeparator()
                continue
            action = QAction(text, window)
            action.setObjectName(f"programs_{name}")
            action.triggered.connect(lambda _checked=False, s=slot: s())
            action.setEnabled(not changes or has_role(context.db, OPERATOR))
            self.menu.addAction(action)
            self.actions[name] = action

    def _fill_choose_menu(self) -> None:
        chooser = self.window.program_chooser
        self.choose_menu.clear()
        for index in range(chooser.count()):
            program_id = chooser.itemData(index)
            action = self.choose_menu.addAction(chooser.itemText(index))
            action.setCheckable(True)
            action.setChecked(index == chooser.currentIndex())
            action.setEnabled(program_id is not None)
            action.triggered.connect(lambda _checked=False, p=program_id: chooser.choose(p))

    def _after(self, program_id: int | None) -> None:
        """A program was added or removed: the chooser lists it and (when given) chooses it."""
        chooser = self.window.program_chooser
        chooser.reload(program_id)
        if program_id is not None and program_id != self.context.program_id:
            chooser.choose(program_id)
        self.context.events.changed.emit("program")

    def new_program(self, successor: bool = False):
        from kr_desktop.ui.program_dialogs import NewProgramDialog

        dialog = NewProgramDialog(self.context, successor, self.window)
        if dialog.exec() and dialog.created_id:
            self._after(dialog.created_id)
            self.window.statusBar().showMessage(t.NEW_DONE.format(name=dialog.created_name))
        return dialog

    def new_successor(self):
        return self.new_program(successor=True)

    def edit_info(self):
        from kr_desktop.ui.program_dialogs import ProgramInfoDialog

        dialog = ProgramInfoDialog(self.context, self.window)
        dialog.exec()
        self.window.program_chooser.reload(self.context.program_id)
        return dialog

    def edit_passport(self):
        from kr_desktop.ui.passport_dialog import PassportDialog

        dialog = PassportDialog(self.context, self.window)
        dialog.exec()
        return dialog

    def edit_stages(self):
        from kr_desktop.ui.stages_dialog import StagesDialog

        dialog = StagesDialog(self.context, self.window)
        dialog.exec()
        return dialog

    def import_program(self):
        from kr_desktop.ui.program_import_dialog import ProgramImportDialog

        dialog = ProgramImportDialog(self.context, self.window)
        if dialog.exec() and dialog.imported_id:
            self._after(dialog.imported_id)
        return dialog

    def export_docx(self, path: str | None = None) -> Path | None:
        from kr_desktop.errors import UserError
        from kr_desktop.output_files import write_atomically
        from kr_desktop.reports.program_docx import render_program_docx
        from kr_desktop.services.program_view import load_document
        from kr_desktop.ui import jobs, texts

        if not path:
            from kr_desktop.ui.save_dialog import ask_save_path

            path = ask_save_path(self.window, t.ACTION_EXPORT_DOCX.rstrip("…"), program_file_name(self.context, "docx"),
                                 t.IMPORT_FILTER, ("docx",))
            if not path:
                return None
        db, program_id = self.context.db, self.context.program_id

        def work() -> Path:
            document = load_document(db, program_id)
            return write_atomically(Path(path), lambda temp: render_program_docx(document, temp))

        try:
            out = jobs.run(self.window, texts.PRINTING_PROGRAM, work)
        except (UserError, OSError) as exc:
            QMessageBox.warning(self.window, texts.REPORT_FAILED, getattr(exc, "message", None) or str(exc))
            return None
        if out is not None:
            self.window.statusBar().showMessage(texts.REPORT_SAVED.format(path=out))
        return out

    def delete_program(self, confirm: bool = True) -> bool:
        from kr_desktop.services.program.programs import delete_program

        label = next((p for p in list_programs(self.context.db) if p.id == self.context.program_id), None)
        if label is None:
            return False
        if label.status != "draft":
            QMessageBox.information(self.window, t.ACTION_DELETE.rstrip("…"), t.ONLY_DRAFT)
            return False
        if confirm and QMessageBox.question(self.window, t.ACTION_DELETE.rstrip("…"),
                                            t.DELETE_CONFIRM.format(name=label.name)) != QMessageBox.StandardButton.Yes:
            return False
        done = perform(self.window, self.context, "program", lambda: delete_program(self.context.db, label.id) or True)
        if done:
            self._after(None)
        return bool(done)
