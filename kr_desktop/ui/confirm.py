"""Questions before something is lost: «Ні» is the default button and Esc answers «Ні», so an Enter
pressed by habit never deletes. The texts say what this record has (services/deletion_impact.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """True only when the user chose «Так»."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def paragraphs(*parts: str | None) -> str:
    """The question and the lines that apply, a blank line between them."""
    return "\n\n".join(part for part in parts if part)
