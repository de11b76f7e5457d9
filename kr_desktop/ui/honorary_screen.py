"""Honorary citizens: the gallery of portraits, the selected citizen's page of the Book (entry
number, decision, biography, portrait), the living-only filter and the printed list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QListView, QListWidget,
                               QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton, QSpinBox, QSplitter,
                               QVBoxLayout, QWidget)

from kr_desktop.services import honorary
from kr_desktop.ui import awards_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.empty_state import EmptyState
from kr_desktop.ui.operations import perform
from kr_desktop.ui.save_dialog import REPORT_FORMATS, ask_save_path, save_atomically
from kr_desktop.ui.persons_dialog import PREVIEW_SIDE, pixmap_of, scaled_jpeg

ICON = QSize(120, 150)


def _placeholder() -> QPixmap:
    pixmap = QPixmap(ICON)
    pixmap.fill(Qt.GlobalColor.lightGray)
    return pixmap


class HonoraryScreen(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.citizens: list = []
        self.new_portrait: bytes | None = None
        self.living = QCheckBox(t.LIVING_ONLY)
        self.living.toggled.connect(lambda _c: self.reload())
        print_button = QPushButton(t.PRINT_HONORARY)
        print_button.clicked.connect(lambda: self.preview_list())
        self.gallery = QListWidget()
        self.gallery.setObjectName("honoraryGallery")
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setIconSize(ICON)
        self.gallery.setGridSize(QSize(ICON.width() + 70, ICON.height() + 60))
        self.gallery.setResizeMode(QListView.ResizeMode.Adjust)
        self.gallery.setMovement(QListView.Movement.Static)
        self.gallery.setWordWrap(True)
        self.gallery.currentItemChanged.connect(lambda *_: self._show())

        self.title = QLabel(t.HONORARY_EMPTY)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.portrait = QLabel()
        self.portrait.setFixedSize(PREVIEW_SIDE, PREVIEW_SIDE)
        self.portrait.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry = QSpinBox()
        self.entry.setRange(1, 100000)
        self.decision = QPlainTextEdit()
        self.decision.setMaximumHeight(60)
        self.biography = QPlainTextEdit()
        choose = QPushButton(t.PORTRAIT)
        choose.clicked.connect(lambda: self.choose_portrait())
        self.save_button = QPushButton(t.BOOK_SAVE)
        self.save_button.clicked.connect(lambda: self.save_entry())
        form = QFormLayout()
        form.addRow(t.BOOK_ENTRY, self.entry)
        form.addRow(t.BOOK_DECISION, self.decision)
        form.addRow(t.BIOGRAPHY, self.biography)
        portrait_row = QHBoxLayout()
        portrait_row.addWidget(self.portrait)
        portrait_row.addWidget(choose, 0, Qt.AlignmentFlag.AlignBottom)
        portrait_row.addStretch(1)
        self.book = QWidget()  # the selected citizen's page of the Book (hidden when none is selected)
        book_layout = QVBoxLayout(self.book)
        book_layout.setContentsMargins(0, 0, 0, 0)
        book_layout.addLayout(portrait_row)
        book_layout.addLayout(form)
        book_layout.addWidget(self.save_button)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.addWidget(self.title)
        page_layout.addWidget(self.book, 1)
        page_layout.addStretch(0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.gallery)
        splitter.addWidget(page)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        top = QHBoxLayout()
        top.addWidget(self.living)
        top.addStretch(1)
        top.addWidget(print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.empty = EmptyState(self.gallery, self.empty_text)
        self.reload()
        context.events.changed.connect(lambda area: self.reload() if area == "awards" else None)

    def empty_text(self) -> str:
        return t.HONORARY_NONE_LIVING if self.living.isChecked() else t.HONORARY_NONE

    def reload(self) -> None:
        selected = self.current().person_id if self.current() else None
        self.citizens = honorary.list_honorary_citizens(self.db, self.living.isChecked())
        self.gallery.clear()
        for citizen in self.citizens:
            data = honorary.get_portrait(self.db, citizen.person_id) if citizen.has_portrait else None
            pixmap = pixmap_of(data, ICON.height()) or _placeholder()
            caption = t.HONORARY_CAPTION.format(name=citizen.display_name, year=citizen.title_year or "")
            item = QListWidgetItem(QIcon(pixmap), caption.strip())
            item.setData(Qt.ItemDataRole.UserRole, citizen.person_id)
            self.gallery.addItem(item)
            if citizen.person_id == selected:
                self.gallery.setCurrentItem(item)
        self._show()

    def current(self):
        item = self.gallery.currentItem() if hasattr(self, "gallery") else None
        if item is None:
            return None
        person_id = item.data(Qt.ItemDataRole.UserRole)
        return next((c for c in self.citizens if c.person_id == person_id), None)

    def _show(self) -> None:
        citizen = self.current()
        self.new_portrait = None
        self.save_button.setEnabled(citizen is not None)
        self.book.setVisible(citizen is not None)
        self.title.setStyleSheet("font-weight: bold;" if citizen is not None else "color: #4a5561;")
        if citizen is None:  # none selected — or none at all: then say how one gets here
            self.title.setText(t.HONORARY_EMPTY if self.citizens else self.empty_text())
            self.portrait.clear()
            return
        self.title.setText(f"{citizen.display_name}\n{citizen.title_act}")
        self.entry.setValue(citizen.entry_number or honorary.next_entry_number(self.db))
        self.decision.setPlainText(citizen.decision)
        self.biography.setPlainText(citizen.biography)
        pixmap = pixmap_of(honorary.get_portrait(self.db, citizen.person_id)) if citizen.has_portrait else None
        if pixmap:
            self.portrait.setPixmap(pixmap)
        else:
            self.portrait.clear()

    def choose_portrait(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, t.PORTRAIT, "", t.PHOTO_FILTER)
            if not path:
                return
        image = QImage(path)
        if image.isNull():
            QMessageBox.warning(self, t.PORTRAIT, t.PHOTO_BAD.format(name=path))
            return
        self.new_portrait = scaled_jpeg(image)
        self.portrait.setPixmap(pixmap_of(self.new_portrait))

    def save_entry(self) -> None:
        citizen = self.current()
        if citizen is None:
            return
        perform(self, self.context, "awards", honorary.save_book_entry, self.db, citizen.person_id,
                self.entry.value(), self.decision.toPlainText(), self.biography.toPlainText(), self.new_portrait,
                expected_version=citizen.book_version)

    def preview_list(self):
        """The list (living only, when ticked) in the print preview."""
        from kr_desktop.ui.screen_commands import preview

        from kr_desktop.reports import file_names

        return preview(self, t.HONORARY_TITLE, lambda p: self.print_list(str(p)),
                       file_names.honorary(self.living.isChecked()), signer="awards")

    def print_list(self, path: str | None = None) -> Path | None:
        if not path:
            from kr_desktop.reports import file_names
            from kr_desktop.ui.signers_dialog import ask_missing_name

            ask_missing_name(self, self.context, "awards")
            path = ask_save_path(self, t.SAVE_REPORT_TITLE, file_names.honorary(self.living.isChecked()),
                                 t.REPORT_FILTER, REPORT_FORMATS)
            if not path:
                return None
        from kr_desktop.reports.awards_lists import build_honorary_citizens
        from kr_desktop.reports.output import render

        document = build_honorary_citizens(self.db, self.living.isChecked())
        return save_atomically(self, Path(path), lambda temp: render(document, temp))
