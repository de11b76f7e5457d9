"""«Створити резервну копію зараз» and «Відновити з резервної копії» in the File menu."""

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
        self.backup_action = QAction(texts.ACTION_BACKUP_NOW, window)
        self.backup_action.triggered.connect(lambda: self.backup_now())
        self.restore_action = QAction(texts.ACTION_RESTORE, window)
        self.restore_action.triggered.connect(lambda: self.restore())
        menu.addAction(self.backup_action)
        menu.addAction(self.restore_action)
        self.update()
        context.events.opened.connect(self.update)

    def update(self) -> None:
        """A file database only; restoring is the administrator's (disabled while it opens)."""
        from kr_desktop.services.access import ADMIN

        db = self.context.db
        is_file = db is not None and db.is_sqlite
        self.backup_action.setEnabled(is_file)
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

    def restore(self, path: str | None = None, confirm: bool = True) -> bool:
        from kr_desktop.services import backups

        db = self.context.db
        try:
            if not path:
                path, _ = QFileDialog.getOpenFileName(self.window, texts.RESTORE_PICK_TITLE,
                                                      str(backups.backups_folder(db)), texts.RESTORE_FILTER)
                if not path:
                    return False
            if confirm and QMessageBox.question(
                    self.window, texts.RESTORE_CONFIRM_TITLE,
                    texts.RESTORE_CONFIRM.format(name=Path(path).name)) != QMessageBox.StandardButton.Yes:
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
