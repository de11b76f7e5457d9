"""Errors of the libraries and the system told in Ukrainian.

A message the user reads is Ukrainian from the first word to the last: what openpyxl, psycopg,
SQLite or the operating system say («[Errno 28] No space left on device», «connection refused»,
«File is not a zip file») becomes a Ukrainian sentence saying what happened and what to do; the
original text goes to the log (logger ``kr_desktop``) for whoever looks into it.
"""

from __future__ import annotations

import errno
import logging

log = logging.getLogger("kr_desktop")

_OS = {
    errno.ENOENT: "файл або теку не знайдено",
    errno.EACCES: "немає дозволу на доступ до файлу",
    errno.EPERM: "немає дозволу на цю дію з файлом",
    errno.ENOSPC: "на диску немає місця",
    errno.EROFS: "диск або тека лише для читання",
    errno.EBUSY: "файл зайнятий іншою програмою",
    errno.ETXTBSY: "файл зайнятий іншою програмою",
    errno.EEXIST: "такий файл уже існує",
    errno.EISDIR: "це тека, а не файл",
    errno.ENOTDIR: "частина шляху — не тека",
    errno.ENAMETOOLONG: "задовга назва файлу або шлях",
    errno.EIO: "помилка читання або запису диска",
    errno.EMFILE: "відкрито забагато файлів",
    errno.EXDEV: "файл не можна перемістити на інший диск",
    errno.EDQUOT: "вичерпано квоту диска",
    errno.EFBIG: "файл завеликий для цього диска",
}

# (a part of the library's English text, lower case) → the Ukrainian sentence
_TEXTS = (
    # openpyxl, zipfile
    ("file is not a zip file", "це не книга Excel (.xlsx)"),
    ("openpyxl does not support", "цей формат не підтримується — збережіть файл як книгу Excel (.xlsx)"),
    ("there is no item named", "книгу Excel пошкоджено: у ній бракує частини"),
    ("bad magic number", "книгу Excel пошкоджено"),
    ("unable to read workbook", "книгу Excel не вдається прочитати"),
)


def os_error_text(exc: OSError) -> str:
    """An operating-system error in Ukrainian words (no final stop)."""
    return _OS.get(exc.errno) or (f"помилка файлової системи (код {exc.errno})" if exc.errno
                                  else "помилка файлової системи")


def explain(exc: BaseException) -> str:
    """A Ukrainian sentence (no final stop) for a library's or the system's error; the original
    text is logged. Database errors are worded by kr_desktop.db.failures (their one table)."""
    log.info("library error explained to the user: %r", exc)
    if isinstance(exc, OSError) and exc.errno in _OS:
        return _OS[exc.errno]
    from kr_desktop.db.failures import database_error_text, is_database_error, matching_text

    sentence = database_error_text(exc) if is_database_error(exc) else matching_text(exc)
    if sentence:
        sentence = sentence.rstrip(".")
        return sentence[:1].lower() + sentence[1:]
    text = str(exc).lower()
    for part, sentence in _TEXTS:
        if part in text:
            return sentence
    if isinstance(exc, OSError):
        return os_error_text(exc)
    return "непередбачена помилка (подробиці — в журналі програми)"
