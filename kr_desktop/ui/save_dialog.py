"""Choosing the file to save a report or a template into, as Qt's own save dialog does it — and
where it cannot.

Qt's dialog asks before replacing the exact name the user typed; a name typed without an
extension gets one here (from the chosen filter), so that name is asked about here. A database or
a backup is never offered for replacing: a message says why (kr_desktop.output_files, the same
rule as the command line's ``--force``). Writing goes through ``save_atomically``: never
half-written, a failure shown as a message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kr_desktop.errors import UserError
from kr_desktop.output_files import refuse_unsafe_target, write_atomically
from kr_desktop.ui import texts as t

REPORT_FORMATS = ("pdf", "docx", "xlsx")


def confirm_replace(parent: QWidget | None, path: Path) -> bool:
    answer = QMessageBox.question(parent, t.REPLACE_TITLE, t.REPLACE_QUESTION.format(name=path.name),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str,
                  formats: Sequence[str]) -> Path | None:
    """The file the user chose (None: cancelled or refused with a message)."""
    chosen, chosen_filter = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower().lstrip(".") not in formats:
        fmt = next((f for f in formats if f"*.{f}" in chosen_filter), formats[0])
        path = path.with_name(f"{path.name}.{fmt}")
        if path.exists() and not confirm_replace(parent, path):  # Qt asked about another name
            return None
    return path if usable_target(parent, path) else None


def usable_target(parent: QWidget | None, path: Path) -> bool:
    """False (with a message) for a database, a backup, a folder or a device."""
    try:
        refuse_unsafe_target(path)
    except UserError as exc:
        QMessageBox.warning(parent, t.SAVE_REFUSED_TITLE, exc.message)
        return False
    return True


def save_atomically(parent: QWidget | None, path: Path, render: Callable[[Path], object]) -> Path | None:
    """``render`` into ``path`` via a temporary file; None (with a message) when refused or failed."""
    try:
        return write_atomically(Path(path), render)
    except UserError as exc:
        QMessageBox.warning(parent, t.SAVE_REFUSED_TITLE, exc.message)
        return None
