"""At start, a database file that cannot be used (damaged, truncated, empty, not SQLite, another
program's) gets a clear message; when a verified backup exists, the message offers to restore it.
The damaged file is never overwritten: it is kept byte for byte under a new name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from kr_desktop.errors import UserError
from kr_desktop.text.formatting import format_date
from kr_desktop.ui import backup_texts as texts


def _file_target(target: str) -> Path | None:
    if "://" in target and not target.startswith("sqlite"):
        return None
    return Path(target[len("sqlite:///"):] if target.startswith("sqlite:///") else target).expanduser()


def offer_recovery(target: str, error: UserError, parent=None, answer=None):
    """Show ``error``; for a damaged file with a good backup offer to restore it.

    Returns the opened ``Database`` after a restore, or None (the caller exits). ``answer``
    (tests) replaces the question: a function taking the message box and returning True to restore.
    """
    from kr_desktop.db.open import DamagedDatabaseError, open_database
    from kr_desktop.services.backups import newest_good_backup_for, recover_damaged

    path = _file_target(target)
    if path is None or not isinstance(error, DamagedDatabaseError):
        _show(parent, QMessageBox.Icon.Critical, error.message, answer)
        return None
    entry = newest_good_backup_for(path)
    if entry is None:
        from kr_desktop.db.backup import backups_dir

        _show(parent, QMessageBox.Icon.Critical,
              texts.RECOVERY_NO_BACKUP.format(reason=error.message, folder=backups_dir(path)), answer)
        return None
    box = QMessageBox(QMessageBox.Icon.Warning, texts.RECOVERY_TITLE,
                      texts.RECOVERY_TEXT.format(reason=error.message, name=path.name,
                                                 when=f"{format_date(entry.created.date())} {entry.created:%H:%M}",
                                                 why=entry.reason_label), parent=parent)
    restore_button = box.addButton(texts.RECOVERY_RESTORE, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(texts.RECOVERY_CLOSE, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore_button)
    chosen = answer(box) if answer else (box.exec(), box.clickedButton() is restore_button)[1]
    if not chosen:
        return None
    try:
        recover_damaged(path, entry.path)
        return open_database(path)
    except UserError as exc:
        _show(parent, QMessageBox.Icon.Critical, texts.RECOVERY_FAILED.format(reason=exc.message), answer)
        return None


def _show(parent, icon, message: str, answer) -> None:
    box = QMessageBox(icon, texts.RECOVERY_TITLE, message, parent=parent)
    if answer:
        answer(box)
    else:
        box.exec()
