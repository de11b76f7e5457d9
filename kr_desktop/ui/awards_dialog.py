"""Entering or changing an award. The rules are checked before saving: warnings are shown and the
user confirms them; a rule set to «забороняти» refuses the award.

Nothing is chosen for the user: the person is picked from the matching list (ui/person_picker.py)
and the award type from its list, which starts empty. Esc on a changed form asks (ui/form_guard.py).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit,
                               QMessageBox, QPlainTextEdit, QVBoxLayout)

from kr_desktop.domain.award_values import ACT_KINDS, degree_label
from kr_desktop.errors import ValidationError
from kr_desktop.services import award_types, awards
from kr_desktop.text.formatting import format_money
from kr_desktop.ui import awards_texts as t
from kr_desktop.ui.context import AppContext
from kr_desktop.ui.date_field import DateField
from kr_desktop.ui.form_guard import FormGuard
from kr_desktop.ui.operations import perform
from kr_desktop.ui.person_picker import PersonPicker


class AwardDialog(QDialog):
    def __init__(self, context: AppContext, person_id: int | None = None, award_id: int | None = None,
                 parent=None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.award_id = award_id
        self.version: int | None = None
        self.saved_id: int | None = None
        self.setWindowTitle(t.AWARD_EDIT_TITLE if award_id else t.AWARD_NEW_TITLE)
        self.person = PersonPicker(self.db)
        self.person.setObjectName("person")
        self.award_type = QComboBox()
        self.award_type.setObjectName("awardType")
        self.types = award_types.list_award_types(self.db)
        self.award_type.addItem(t.CHOOSE_TYPE_ITEM, None)  # no award is preselected
        for info in self.types:
            self.award_type.addItem(info.name, info.id)
        self.degree = QComboBox()
        self.act_kind = QComboBox()
        self.act_kind.addItem(t.ACT_KIND_OF_TYPE, None)  # the award type's usual act (set with the type)
        for kind, label in ACT_KINDS.items():
            self.act_kind.addItem(label, kind)
        self.act_number, self.act_date = QLineEdit(), DateField(t.ACT_DATE)
        self.nominated_by, self.nomination_date = QLineEdit(), DateField(t.NOMINATION_DATE)
        self.certificate = QLineEdit()
        self.certificate.setObjectName("certificate")
        self.presented_on = DateField(t.PRESENTED_ON)
        self.amount = QLineEdit()
        self.amount.setMaximumWidth(160)
        self.posthumous = QCheckBox(t.POSTHUMOUS)
        self.revoked_act, self.revoked_on = QLineEdit(), DateField(t.REVOKED_ON)
        self.revocation_reason = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)
        form = QFormLayout()
        form.addRow(t.PERSON, self.person)
        form.addRow(t.AWARD_TYPE, self.award_type)
        form.addRow(t.DEGREE, self.degree)
        form.addRow(t.ACT_KIND, self.act_kind)
        form.addRow(t.ACT_NUMBER, self.act_number)
        form.addRow(t.ACT_DATE, self.act_date)
        form.addRow(t.NOMINATED_BY, self.nominated_by)
        form.addRow(t.NOMINATION_DATE, self.nomination_date)
        form.addRow(t.CERTIFICATE, self.certificate)
        form.addRow(t.PRESENTED_ON, self.presented_on)
        form.addRow(t.AMOUNT, self.amount)
        form.addRow("", self.posthumous)
        form.addRow(t.REVOKED_ACT, self.revoked_act)
        form.addRow(t.REVOKED_ON, self.revoked_on)
        form.addRow(t.REVOCATION_REASON, self.revocation_reason)
        form.addRow(t.NOTES, self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(760, 680)
        self.award_type.currentIndexChanged.connect(self._type_changed)
        self.guard = FormGuard(self, self.save)
        if award_id:
            self._load(award_id)
        else:
            if person_id:
                self.set_person(person_id)
            self._type_changed()
        self.guard.mark_clean()
        (self.award_type if self.person.person_id else self.person.search).setFocus()

    def reject(self) -> None:
        if self.guard.allows_close():
            super().reject()

    # -- filling -------------------------------------------------------------------------------
    def set_person(self, person_id: int) -> None:
        self.person.set_person(person_id)

    def type_info(self):
        type_id = self.award_type.currentData()
        return next((info for info in self.types if info.id == type_id), None)

    def set_type(self, type_id: int) -> None:
        self.award_type.setCurrentIndex(self.award_type.findData(type_id))

    def _type_changed(self) -> None:
        info = self.type_info()
        self.degree.clear()
        if info is None:  # none chosen yet: nothing that depends on the type is offered
            self.degree.addItem(t.NO_DEGREE, None)
            self.degree.setEnabled(False)
            self.certificate.setEnabled(False)
            self.certificate.clear()
            return
        if info.degrees:
            for degree in range(info.degrees, 0, -1):  # ІІІ first: the usual first award
                self.degree.addItem(f"{degree_label(degree)} ступінь", degree)
        else:
            self.degree.addItem(t.NO_DEGREE, None)
        self.degree.setEnabled(bool(info.degrees))
        self.act_kind.setCurrentIndex(self.act_kind.findData(info.act_kind))
        self.certificate.setEnabled(info.issues_certificate)
        if not self.award_id:
            proposed = awards.next_certificate_number(self.db, info.id) if info.issues_certificate else None
            self.certificate.setText(proposed or "")
            self.certificate.setToolTip(t.CERTIFICATE_HINT if proposed else "")

    def set_degree(self, degree: int | None) -> None:
        self.degree.setCurrentIndex(max(0, self.degree.findData(degree)))

    def _load(self, award_id: int) -> None:
        a = awards.get_award(self.db, award_id)
        self.version = a.version
        self.set_person(a.person_id)
        self.set_type(a.award_type_id)
        self._type_changed()
        self.set_degree(a.degree)
        self.act_kind.setCurrentIndex(self.act_kind.findData(a.act_kind))
        self.act_number.setText(a.act_number)
        self.act_date.set_date(a.act_date)
        self.nominated_by.setText(a.nominated_by)
        self.nomination_date.set_date(a.nomination_date)
        self.certificate.setText(a.certificate_number or "")
        self.presented_on.set_date(a.presented_on)
        self.amount.setText(format_money(a.amount) if a.amount is not None else "")
        self.posthumous.setChecked(a.posthumous)
        self.revoked_act.setText(a.revoked_act)
        self.revoked_on.set_date(a.revoked_on)
        self.revocation_reason.setText(a.revocation_reason)
        self.notes.setPlainText(a.notes)

    # -- saving --------------------------------------------------------------------------------
    def data(self) -> awards.AwardInput:
        if self.person.person_id is None:
            raise ValidationError(t.CHOOSE_PERSON, field="person")
        if self.award_type.currentData() is None:
            raise ValidationError(t.CHOOSE_TYPE, field="award_type")
        amount_text = self.amount.text().replace("\u00a0", "").replace(" ", "").replace(",", ".")
        try:
            amount = Decimal(amount_text) if amount_text else None
        except InvalidOperation:
            raise ValidationError(f"{t.AMOUNT}: введіть число, наприклад 1000,00.", field="amount") from None
        return awards.AwardInput(
            person_id=self.person.person_id, award_type_id=self.award_type.currentData(),
            degree=self.degree.currentData(), act_kind=self.act_kind.currentData(),
            act_number=self.act_number.text(), act_date=self.act_date.date(t.ACT_DATE),
            nominated_by=self.nominated_by.text(), nomination_date=self.nomination_date.date(t.NOMINATION_DATE),
            certificate_number=self.certificate.text() if self.certificate.isEnabled() else None,
            presented_on=self.presented_on.date(t.PRESENTED_ON), amount=amount,
            posthumous=self.posthumous.isChecked(), revoked_act=self.revoked_act.text(),
            revoked_on=self.revoked_on.date(t.REVOKED_ON), revocation_reason=self.revocation_reason.text(),
            notes=self.notes.toPlainText())

    def confirm_findings(self, findings) -> bool:
        items = "\n".join(f"• {f.message}" for f in findings)
        answer = QMessageBox.question(self, t.WARNINGS_TITLE, t.WARNINGS_TEXT.format(items=items),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> int | None:
        """Check the rules, ask about warnings, save; returns the award's id (None: not saved)."""
        try:
            data = self.data()
        except ValidationError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            {"person": self.person.search, "award_type": self.award_type}.get(exc.field, self.award_type).setFocus()
            return None
        result = perform(self, self.context, "awards", awards.save_award, self.db, data, self.award_id, self.version)
        if result is None:
            return None
        if result.needs_confirmation:
            if not self.confirm_findings(result.findings):
                return None
            result = perform(self, self.context, "awards", awards.save_award, self.db, data, self.award_id,
                             self.version, confirm=True)
            if result is None or not result.saved:
                return None
        self.saved_id = self.award_id = result.award_id
        self.guard.mark_clean()
        self.accept()
        return result.award_id
