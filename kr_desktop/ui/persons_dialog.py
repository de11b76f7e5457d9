"""The person's card: name, birth date, work, contacts, photo (scaled), deceased flag, and the
person's awards with «Додати відзнаку…» (a new person is saved first, then gets the award).

A person who may already be in the register (same name whatever the case and apostrophe, same
birth date when known) is offered to be opened instead of entered twice. Esc on a changed card
asks (ui/form_guard.py)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
                               QPlainTextEdit, QPushButton, QTableView, QVBoxLayout)

from kr_desktop.errors import ValidationError
from kr_desktop.services import awards, persons
from kr_desktop.text.formatting import format_date
from kr_desktop.ui import awards_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.date_field import DateField
from kr_desktop.ui.events_models import ListTableModel
from kr_desktop.ui.form_guard import FormGuard
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
        self.birth_date, self.death_date = DateField(t.BIRTH_DATE), DateField(t.DEATH_DATE)
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
        layout.addWidget(self._awards_box(), 1)
        layout.addWidget(buttons)
        self.resize(860, 660)
        self.guard = FormGuard(self, self.save, lambda: (self.photo_changed, self.photo))
        if person_id:
            self._load(person_id)
        self._show_awards()
        self.guard.mark_clean()

    # -- the person's awards -----------------------------------------------------------------------
    def _awards_box(self) -> QGroupBox:
        self.awards_model = ListTableModel(t.CARD_AWARD_COLUMNS, lambda r: (
            r.award_name + (t.REVOKED_MARK if r.revoked_on else ""), r.act_text, r.certificate_number or "",
            format_date(r.presented_on)), self)
        self.awards_view = QTableView()
        self.awards_view.setObjectName("personAwards")
        self.awards_view.setModel(self.awards_model)
        self.awards_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.awards_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.awards_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.awards_view.verticalHeader().setVisible(False)
        header = self.awards_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.awards_view.setWordWrap(True)  # a degree is never cut: a long name wraps (a short list)
        self.awards_model.modelReset.connect(self.awards_view.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self.awards_view.resizeRowsToContents())
        self.awards_view.doubleClicked.connect(lambda _index: self.open_award())
        self.add_award_button = QPushButton(t.CARD_ADD_AWARD)
        self.add_award_button.setObjectName("addAward")
        self.add_award_button.clicked.connect(lambda: self.add_award())
        open_button = QPushButton(t.CARD_OPEN_AWARD)
        open_button.clicked.connect(lambda: self.open_award())
        self.awards_note = QLabel()
        self.awards_note.setStyleSheet("color: #5a6472;")
        row = QHBoxLayout()
        row.addWidget(self.add_award_button)
        row.addWidget(open_button)
        row.addWidget(self.awards_note, 1)
        box = QGroupBox(t.CARD_AWARDS)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.awards_view)
        box_layout.addLayout(row)
        return box

    def _show_awards(self) -> None:
        rows = awards.query_awards(self.context.db, awards.AwardFilter(person_id=self.person_id), 0, None,
                                   "date") if self.person_id else []
        self.awards_model.set_rows(rows)
        self.awards_note.setText(t.CARD_NO_AWARDS if self.person_id and not rows else
                                 t.CARD_NEW_PERSON if not self.person_id else "")

    def add_award(self):
        """An award for this person; a new person is saved first (the card stays open)."""
        if not self.person_id and (self.store() is None or self.opened_existing):
            return None  # not saved, or the user went to the existing person's card instead
        from kr_desktop.ui.awards_dialog import AwardDialog

        dialog = AwardDialog(self.context, self.person_id, parent=self)
        dialog.exec()
        self._show_awards()
        return dialog.saved_id

    def open_award(self):
        index = self.awards_view.currentIndex()
        if not index.isValid():
            return None
        from kr_desktop.ui.awards_dialog import AwardDialog

        dialog = AwardDialog(self.context, award_id=self.awards_model.rows[index.row()].id, parent=self)
        dialog.exec()
        self._show_awards()
        return dialog

    def reject(self) -> None:
        if self.guard.allows_close():
            super().reject()

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
        """Save and close; returns the person's id (None when refused or cancelled: the card stays)."""
        person_id = self.store()
        if person_id is not None:
            self.accept()
        return person_id

    def store(self) -> int | None:
        """Save without closing (the card goes on: «Додати відзнаку…»); the person's id or None."""
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
                self.guard.mark_clean()
                self.accept()  # the card closes: the caller opens the existing person's card
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
            self.setWindowTitle(t.PERSON_EDIT_TITLE)
        self.version = persons.get_person(db, person_id).version  # the card may go on being edited
        self.photo_changed = False
        self.guard.mark_clean()
        self._show_awards()
        return person_id
