"""Entering or changing a person: name, birth date, work, contacts, photo (scaled), deceased flag.

A person who may already be in the register (same name whatever the case and apostrophe, same
birth date when known) is offered to be opened instead of entered twice."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
                               QVBoxLayout)

from kr_desktop.domain.award_values import parse_date
from kr_desktop.errors import ValidationError
from kr_desktop.services import persons
from kr_desktop.text.formatting import format_date
from kr_desktop.ui import awards_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.operations import perform

PHOTO_MAX_SIDE = 600  # pixels: enough for a portrait print, small in the database
PREVIEW_SIDE = 160


def scaled_jpeg(image: QImage, side: int = PHOTO_MAX_SIDE) -> bytes:
    """The image scaled to fit ``side``×``side`` and stored as JPEG (a camera photo is megabytes)."""
    if max(image.width(), image.height()) > side:
        image = image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_RGB32).save(buffer, "JPEG", 85)
    buffer.close()
    return bytes(data)


def pixmap_of(data: bytes | None, side: int = PREVIEW_SIDE) -> QPixmap | None:
    if not data:
        return None
    pixmap = QPixmap()
    if not pixmap.loadFromData(data):
        return None
    return pixmap.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


class DateEdit(QLineEdit):
    """A date typed as dd.mm.yyyy, empty allowed (QDateEdit cannot be empty)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(t.DATE_PLACEHOLDER)
        self.setMaximumWidth(120)

    def date(self, label: str):
        try:
            return parse_date(self.text())
        except ValueError as exc:
            raise ValidationError(t.BAD_DATE.format(field=label, error=exc), field=label) from None

    def set_date(self, value) -> None:
        self.setText(format_date(value))


class PersonDialog(QDialog):
    def __init__(self, context: AppContext, person_id: int | None = None, parent=None):
        super().__init__(parent)
        self.context = context
        self.person_id = person_id
        self.version: int | None = None
        self.photo: bytes | None = None
        self.photo_changed = False
        self.opened_existing: int | None = None  # the existing person the user chose to open instead
        self.setWindowTitle(t.PERSON_EDIT_TITLE if person_id else t.PERSON_NEW_TITLE)
        self.surname, self.name, self.patronymic = QLineEdit(), QLineEdit(), QLineEdit()
        self.surname.setObjectName("surname")
        self.sex = QComboBox()
        for code, label in t.SEX_CHOICES:
            self.sex.addItem(label, code)
        self.birth_date, self.death_date = DateEdit(), DateEdit()
        self.workplace, self.position = QLineEdit(), QLineEdit()
        self.contacts = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        self.deceased = QCheckBox(t.DECEASED)
        self.photo_label = QLabel(t.PHOTO_NONE)
        self.photo_label.setFixedSize(PREVIEW_SIDE, PREVIEW_SIDE)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid #bbb;")
        choose, remove = QPushButton(t.PHOTO_CHOOSE), QPushButton(t.PHOTO_REMOVE)
        choose.clicked.connect(self.choose_photo)
        remove.clicked.connect(lambda: self.set_photo(None))

        form = QFormLayout()
        form.addRow(t.SURNAME, self.surname)
        form.addRow(t.NAME, self.name)
        form.addRow(t.PATRONYMIC, self.patronymic)
        form.addRow(t.SEX, self.sex)
        form.addRow(t.BIRTH_DATE, self.birth_date)
        form.addRow(t.POSITION, self.position)
        form.addRow(t.WORKPLACE, self.workplace)
        form.addRow(t.CONTACTS, self.contacts)
        death = QHBoxLayout()
        death.addWidget(self.deceased)
        death.addWidget(QLabel(t.DEATH_DATE))
        death.addWidget(self.death_date)
        death.addStretch(1)
        form.addRow("", death)
        form.addRow(t.NOTES, self.notes)
        photo_box = QVBoxLayout()
        photo_box.addWidget(self.photo_label)
        photo_box.addWidget(choose)
        photo_box.addWidget(remove)
        photo_box.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addLayout(photo_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.resize(720, 460)
        if person_id:
            self._load(person_id)

    def _load(self, person_id: int) -> None:
        p = persons.get_person(self.context.db, person_id)
        self.version = p.version
        self.surname.setText(p.surname)
        self.name.setText(p.name)
        self.patronymic.setText(p.patronymic)
        self.sex.setCurrentIndex(max(0, self.sex.findData(p.sex or "")))
        self.birth_date.set_date(p.birth_date)
        self.workplace.setText(p.workplace)
        self.position.setText(p.position)
        self.contacts.setText(p.contacts)
        self.notes.setPlainText(p.notes)
        self.deceased.setChecked(p.deceased)
        self.death_date.set_date(p.death_date)
        if p.has_photo:
            self.photo = persons.get_photo(self.context.db, person_id)
            self._show_photo()

    def choose_photo(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, t.PHOTO, "", t.PHOTO_FILTER)
            if not path:
                return
        image = QImage(path)
        if image.isNull():
            QMessageBox.warning(self, t.PHOTO, t.PHOTO_BAD.format(name=path))
            return
        self.set_photo(scaled_jpeg(image))

    def set_photo(self, data: bytes | None) -> None:
        self.photo = data
        self.photo_changed = True
        self._show_photo()

    def _show_photo(self) -> None:
        pixmap = pixmap_of(self.photo)
        if pixmap is None:
            self.photo_label.clear()
            self.photo_label.setText(t.PHOTO_NONE)
        else:
            self.photo_label.setPixmap(pixmap)

    def data(self) -> persons.PersonInput:
        return persons.PersonInput(
            surname=self.surname.text(), name=self.name.text(), patronymic=self.patronymic.text(),
            sex=self.sex.currentData() or None, birth_date=self.birth_date.date(t.BIRTH_DATE),
            workplace=self.workplace.text(), position=self.position.text(), contacts=self.contacts.text(),
            notes=self.notes.toPlainText(), deceased=self.deceased.isChecked(),
            death_date=self.death_date.date(t.DEATH_DATE))

    def ask_duplicate(self, existing: list) -> QMessageBox.StandardButton:
        names = "; ".join(p.display_name + (f", {format_date(p.birth_date)}" if p.birth_date else "")
                          for p in existing)
        return QMessageBox.question(self, t.DUPLICATE_TITLE, t.DUPLICATE_TEXT.format(names=names),
                                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                                    | QMessageBox.StandardButton.Cancel)

    def save(self) -> int | None:
        """Save; returns the person's id (None when refused or cancelled)."""
        db = self.context.db
        try:
            data = self.data()
            existing = persons.find_duplicates(db, data, exclude_id=self.person_id)
        except ValidationError as exc:
            QMessageBox.warning(self, t.PERSON_NEW_TITLE, exc.message)
            return None
        if existing and not self.person_id:
            answer = self.ask_duplicate(existing)
            if answer == QMessageBox.StandardButton.Yes:
                self.opened_existing = existing[0].id
                self.person_id = existing[0].id
                self.accept()
                return existing[0].id
            if answer != QMessageBox.StandardButton.No:
                return None
        if self.person_id:
            # One change with the photo, checked against the version this form was filled from.
            photo = self.photo if self.photo_changed else persons.KEEP_PHOTO
            person_id = perform(self, self.context, "awards", persons.update_person, db, self.person_id, data,
                                self.version, photo=photo)
            if person_id is None:
                return None
        else:
            person_id = perform(self, self.context, "awards", persons.create_person, db, data, allow_duplicate=True,
                                photo=self.photo)
            if person_id is None:
                return None
            self.person_id = person_id
        self.accept()
        return person_id
