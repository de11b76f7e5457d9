"""Default file names of the reports: what the document is and its period, safe on every system.

«Інформація_II_півріччя_2026.pdf», «Нагороджені_01.01.2026–31.12.2026.pdf»: words joined by «_»,
a date range with an en dash, and none of the characters Windows refuses in a name (\\ / : * ? " < > |).
"""

from __future__ import annotations

import datetime as dt
import re

from kr_desktop.text.formatting import format_date
from kr_desktop.text.wording import EN_DASH, roman

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f«»]+')
MAX_STEM = 120  # Windows paths stay short enough under a usual folder


def file_name(*parts: str, ext: str = "pdf") -> str:
    """The parts joined by «_» (spaces inside them too), unsafe characters dropped."""
    words = []
    for part in parts:
        clean = _UNSAFE.sub(" ", str(part or "")).replace("\u00a0", " ")
        words += clean.split()
    stem = "_".join(words).strip("._") or "Звіт"
    return f"{stem[:MAX_STEM].rstrip('._')}.{ext}"


def period(date_from: dt.date | None, date_to: dt.date | None) -> str:
    """«01.01.2026–31.12.2026», «з_01.01.2026», «по_31.12.2026», or ""."""
    if date_from and date_to:
        return f"{format_date(date_from)}{EN_DASH}{format_date(date_to)}"
    if date_from:
        return f"з {format_date(date_from)}"
    if date_to:
        return f"по {format_date(date_to)}"
    return ""


def halfyear(year: int, half: int) -> str:
    return file_name("Інформація", roman(half), "півріччя", str(year))


def budget(year: int) -> str:
    return file_name("Використання коштів", str(year))


def overdue(on: dt.date) -> str:
    return file_name("Контроль і нагадування", format_date(on))


def program(decision_number: str = "1176") -> str:
    return file_name("Програма", decision_number)


def awards(date_from: dt.date | None = None, date_to: dt.date | None = None, year: int | None = None) -> str:
    if not (date_from or date_to) and year:
        return file_name("Нагороджені", str(year))
    return file_name("Нагороджені", period(date_from, date_to))


def honorary(living_only: bool = False) -> str:
    return file_name("Почесні громадяни", "живі" if living_only else "")


def certificates(type_name: str, year: int | None = None) -> str:
    return file_name("Журнал посвідчень", type_name[:60], str(year or ""))


def events(date_from: dt.date | None, date_to: dt.date | None) -> str:
    return file_name("Заходи", period(date_from, date_to))


def event(event_date: dt.date | None, title: str) -> str:
    return file_name("Захід", format_date(event_date) if event_date else "", title[:60])


def stock(date_from: dt.date | None = None, date_to: dt.date | None = None) -> str:
    return file_name("Облік матеріалів", period(date_from, date_to))


def decision(act_number: str, act_date: dt.date | None = None, ext: str = "docx") -> str:
    return file_name("Проєкт рішення", act_number, format_date(act_date) if act_date else "", ext=ext)
