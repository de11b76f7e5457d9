"""One date field for every form and filter: typed as digits, picked from a calendar, dd.MM.yyyy.

QDateEdit ignores digits typed after a click that lands behind the year (the section is full),
cannot be empty, and a plain QLineEdit gives no calendar. This field:

- selects its whole text when a click brings the focus in, so typed digits replace the date;
- puts the dots in while digits are typed: «24052026» reads «24.05.2026» (a typed dot is kept:
  «1.5.2026» is a date too);
- opens a calendar from its button, Alt+↓ or F4; ↑/↓ move the date a day, PgUp/PgDn a month;
- may be empty unless ``required``; a date it cannot read is shown red with the reason, and
  ``value()`` refuses it with a Ukrainian message naming the field.
"""

from __future__ import annotations

import calendar
import datetime as dt

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QVBoxLayout, QWidget

from kr_desktop.errors import ValidationError
from kr_desktop.text.formatting import format_date
from kr_desktop.text.parsing import parse_date
from kr_desktop.ui import app_texts as t
from kr_desktop.ui.icons import icon

INVALID_STYLE = "QLineEdit { background: #fde2e2; }"


def _dotted(digits: str) -> str:
    if len(digits) <= 2:
        return digits
    if len(digits) <= 4:
        return f"{digits[:2]}.{digits[2:]}"
    return f"{digits[:2]}.{digits[2:4]}.{digits[4:8]}"


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class _CalendarPopup(QWidget):
    """The calendar under the field; a pick fills the field, Esc or a click elsewhere closes it."""

    def __init__(self, field: DateField):
        from PySide6.QtCore import Qt

        super().__init__(field, Qt.WindowType.Popup)
        self.field = field
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("dateFieldCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def _picked(self, day: QDate) -> None:
        self.field.set_date(to_date(day))
        self.field.date_changed.emit(self.field.current())
        self.close()
        self.field.setFocus()

    def open_at(self, day: dt.date | None) -> None:
        shown = day or dt.date.today()
        self.calendar.setSelectedDate(to_qdate(shown))
        self.calendar.setCurrentPage(shown.year, shown.month)
        self.adjustSize()
        below = self.field.mapToGlobal(self.field.rect().bottomLeft())
        screen = self.field.screen().availableGeometry()
        x = min(below.x(), screen.right() - self.width())
        y = below.y() if below.y() + self.height() <= screen.bottom() else \
            self.field.mapToGlobal(self.field.rect().topLeft()).y() - self.height()
        self.move(x, y)
        self.show()
        self.calendar.setFocus()


class DateField(QLineEdit):
    """``value()`` — the date or None (raises ValidationError naming ``label``); ``set_date``;
    ``date_changed(date | None)`` when a whole date (or the empty field) is entered or picked."""

    date_changed = Signal(object)

    def __init__(self, label: str = t.DATE_FIELD, required: bool = False, value: dt.date | None = None,
                 parent=None):
        super().__init__(parent)
        self.label, self.required = label, required
        self.setPlaceholderText(t.DATE_PLACEHOLDER)
        self.setMaxLength(10)
        self.setMaximumWidth(140)
        self.setMinimumWidth(108)  # «24.05.2026» and the calendar button, nothing cut
        self.setToolTip(t.DATE_TIP)
        self._popup: _CalendarPopup | None = None
        self._select_on_click = False
        self._shown: dt.date | None = None  # the last whole date (or None) announced
        action = self.addAction(icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
        action.setToolTip(t.DATE_CALENDAR_TIP)
        action.triggered.connect(self.open_calendar)
        self.calendar_action = action
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._finished)
        if value is not None:
            self.set_date(value)

    # -- reading and writing -----------------------------------------------------------------
    def value(self, label: str | None = None) -> dt.date | None:
        """The date typed or picked; None when empty and not required; ValidationError otherwise."""
        return parse_date(self.text(), label or self.label, allow_empty=not self.required)

    def date(self, label: str | None = None) -> dt.date | None:
        """The same as ``value`` (the name the register's forms used)."""
        return self.value(label)

    def current(self) -> dt.date | None:
        """The date now in the field, or None when it is empty or not (yet) a date."""
        try:
            return parse_date(self.text(), self.label, allow_empty=True)
        except ValidationError:
            return None

    def set_date(self, value: dt.date | None) -> None:
        self.setText(format_date(value))
        self._shown = value
        self._mark(None)

    def clear(self) -> None:
        self.set_date(None)

    def setDate(self, value: QDate) -> None:  # noqa: N802 - QDateEdit's name, for code written for it
        """The date as QDateEdit.setDate gives it; announced as a typed date is."""
        day = to_date(value)
        self.set_date(day)
        self.date_changed.emit(day)

    # -- typing ---------------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        self._mark(None)
        if self.cursorPosition() != len(text):
            return  # a correction inside the text: leave it as typed
        digits = text.replace(".", "")
        if not digits.isdigit() or len(digits) > 8:
            return
        if text == digits or text == _dotted(digits[:-1]) + digits[-1]:
            self.setText(_dotted(digits))  # typing along: the dots come by themselves
        if len(digits) == 8:
            self._announce()

    def _finished(self) -> None:
        try:
            self.value()
        except ValidationError as exc:
            self._mark(exc.message)
            return
        self._mark(None)
        day = self.current()
        if day is not None:
            self.setText(format_date(day))  # «1.5.2026» → «01.05.2026»
        self._announce()

    def _announce(self) -> None:
        day = self.current()
        if (day is not None or not self.text().strip()) and day != self._shown:
            self._shown = day
            self.date_changed.emit(day)

    def _mark(self, problem: str | None) -> None:
        self.setStyleSheet(INVALID_STYLE if problem else "")
        self.setToolTip(problem or t.DATE_TIP)

    # -- the calendar and the keys ------------------------------------------------------------
    def open_calendar(self) -> None:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
        self._popup.open_at(self.current())

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._select_on_click = not self.hasFocus()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if self._select_on_click:
            self._select_on_click = False
            QTimer.singleShot(0, self.selectAll)  # the click that brought focus: typing replaces

    def keyPressEvent(self, event) -> None:  # noqa: N802
        from PySide6.QtCore import Qt

        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and modifiers & Qt.KeyboardModifier.AltModifier):
            self.open_calendar()
            return
        steps = {Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Down: (-1, 0), Qt.Key.Key_PageUp: (0, 1),
                 Qt.Key.Key_PageDown: (0, -1)}
        if key in steps and not modifiers & Qt.KeyboardModifier.AltModifier:
            day = self.current()
            if day is not None:
                days, months = steps[key]
                moved = _add_months(day, months) + dt.timedelta(days=days)
                self.set_date(moved)
                self.date_changed.emit(moved)
            return
        super().keyPressEvent(event)
