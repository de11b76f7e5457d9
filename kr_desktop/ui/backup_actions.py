"""Backups in the File menu: «Створити резервну копію зараз» (into the backups folder), «Резервна
копія в теку…» (a folder the user chooses: another disk, a USB stick) and «Відновити з резервної
копії…» (from a list of the copies with their dates, sizes and records, ui/backup_dialogs.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kr_desktop.errors import UserError
from kr_desktop.ui import backup_texts as texts


class BackupActions:
    """Adds the two actions to ``menu``; ``window`` is the main window (its ``context.db``)."""

    def __init__(self, window, context, menu):
        self.window = window
        self.context = context
        from kr_desktop.ui.icons import when_shown

        self.backup_action = QAction(texts.ACTION_BACKUP_NOW, window)
        self.backup_action.triggered.connect(lambda: self.backup_now())
        self.backup_to_action = QAction(texts.ACTION_BACKUP_TO, window)
        self.backup_to_action.setObjectName("backupToFolder")
        self.backup_to_action.triggered.connect(lambda: self.backup_to_folder())
        self.restore_action = QAction(texts.ACTION_RESTORE, window)
        when_shown(menu, {self.backup_action: "database-export", self.backup_to_action: "folder-open",
                          self.restore_action: "database-import"})
        self.restore_action.triggered.connect(lambda: self.restore())
        menu.addAction(self.backup_action)
        menu.addAction(self.backup_to_action)
        menu.addAction(self.restore_action)
        self.update()
        context.events.opened.connect(self.update)

    def update(self) -> None:
        """A file database only; restoring is the administrator's (disabled while it opens)."""
        from kr_desktop.services.access import ADMIN

        db = self.context.db
        is_file = db is not None and db.is_sqlite
        self.backup_action.setEnabled(is_file)
        self.backup_to_action.setEnabled(is_file)
        self.restore_action.setEnabled(is_file and _has_role(db, ADMIN))
        self.restore_action.setToolTip(texts.RESTORE_ADMIN_ONLY if is_file and not self.restore_action.isEnabled()
                                       else "")

    def backup_now(self) -> Path | None:
        from kr_desktop.services.backups import backup_now
        from kr_desktop.ui import jobs

        db = self.context.db
        try:  # off the UI thread: a big file takes seconds; «Скасувати» leaves no file behind
            result = jobs.run(self.window, texts.BACKUP_RUNNING, lambda: backup_now(db))
        except UserError as exc:
            QMessageBox.warning(self.window, texts.BACKUP_FAILED_TITLE, exc.message)
            return None
        if result is None:  # cancelled
            return None
        QMessageBox.information(self.window, texts.BACKUP_DONE_TITLE,
                                texts.BACKUP_DONE.format(path=result.path, rows=sum(result.counts.values())))
        return result.path

    def backup_to_folder(self, folder: str | None = None) -> Path | None:
        """A verified copy into a folder the user chooses (another disk, a USB stick)."""
        from kr_desktop.services.backups import backup_to_folder
        from kr_desktop.ui import jobs

        if not folder:
            folder = QFileDialog.getExistingDirectory(self.window, texts.BACKUP_TO_TITLE, str(Path.home()))
            if not folder:
                return None
        db = self.context.db
        try:
            result = jobs.run(self.window, texts.BACKUP_RUNNING, lambda: backup_to_folder(db, Path(folder)))
        except UserError as exc:
            QMessageBox.warning(self.window, texts.BACKUP_FAILED_TITLE, exc.message)
            return None
        if result is None:  # cancelled: no file left behind
            return None
        QMessageBox.information(self.window, texts.BACKUP_DONE_TITLE,
                                texts.BACKUP_TO_DONE.format(path=result.path, rows=sum(result.counts.values())))
        return result.path

    def choose_backup(self) -> Path | None:
        """The list of copies (ui/backup_dialogs.py); the one chosen, or None."""
        from kr_desktop.services import backups
        from kr_desktop.ui.backup_dialogs import RestoreDialog

        dialog = RestoreDialog(backups.backup_summaries(self.context.db), backups.summary_of, self.window)
        self.restore_dialog = dialog  # tests reach the open dialog here
        try:
            return dialog.chosen if dialog.exec() else None
        finally:
            self.restore_dialog = None
            dialog.deleteLater()

    def restore(self, path: str | None = None, confirm: bool = True) -> bool:
        from kr_desktop.services import backups
        from kr_desktop.ui.confirm import ask

        db = self.context.db
        try:
            if not path:
                path = self.choose_backup()
                if not path:
                    return False
            if confirm and not ask(self.window, texts.RESTORE_CONFIRM_TITLE,
                                   texts.RESTORE_CONFIRM.format(name=Path(path).name)):
                return False
            from kr_desktop.ui import jobs

            # Off the UI thread (checking and copying a big file takes seconds); «Скасувати» during
            # the copy leaves the database as it was (the copy is moved in only when complete).
            result = jobs.run(self.window, texts.RESTORE_RUNNING, lambda: backups.restore(db, Path(path)))
        except UserError as exc:
            QMessageBox.warning(self.window, texts.RESTORE_FAILED_TITLE, exc.message)
            return False
        if result is None:  # cancelled
            return False
        if confirm:
            QMessageBox.information(self.window, texts.RESTORE_DONE_TITLE,
                                    texts.RESTORE_DONE.format(name=Path(path).name, aside=result.replaced_aside))
        self.window.close()  # the old connections are gone: the window must not go on with them
        return True


def _has_role(db, role: str) -> bool:
    from kr_desktop.services.access import AccessDenied, require

    try:
        require(db, role)
    except AccessDenied:
        return False
    return True
