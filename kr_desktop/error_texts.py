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
    errno.ENOSPC: "на диску не залишилося місця",
    errno.EROFS: "диск доступний лише для читання",
    errno.EBUSY: "файл зайнятий іншою програмою",
    errno.ETXTBSY: "файл зайнятий іншою програмою",
    errno.EEXIST: "такий файл уже існує",
    errno.EISDIR: "це тека, а не файл",
    errno.ENOTDIR: "частина шляху — не тека",
    errno.ENAMETOOLONG: "задовга назва файлу або шлях",
    errno.EIO: "помилка читання або запису диска",
    errno.EMFILE: "відкрито забагато файлів",
    errno.EXDEV: "файл не можна перемістити на інший диск",
}

# (a part of the library's English text, lower case) → the Ukrainian sentence
_TEXTS = (
    # SQLite
    ("database is locked", "базу даних зараз змінює інша програма чи вікно — спробуйте ще раз за хвилину"),
    ("file is not a database", "файл не є базою даних"),
    ("database disk image is malformed", "файл бази даних пошкоджено"),
    ("unable to open database file", "файл бази даних не вдається відкрити"),
    ("readonly database", "базу даних відкрито лише для читання"),
    ("disk i/o error", "помилка читання або запису диска"),
    ("database or disk is full", "на диску не залишилося місця"),
    # PostgreSQL (psycopg)
    ("password authentication failed", "сервер бази даних не прийняв ім’я користувача або пароль"),
    ("no pg_hba.conf entry", "сервер бази даних не дозволяє з’єднання з цього комп’ютера (pg_hba.conf)"),
    ("connection refused", "сервер бази даних не приймає з’єднань — перевірте адресу і чи запущено сервер"),
    ("could not translate host name", "адресу сервера бази даних не знайдено в мережі"),
    ("name or service not known", "адресу сервера бази даних не знайдено в мережі"),
    ("timeout expired", "сервер бази даних не відповів вчасно"),
    ("timed out", "сервер бази даних не відповів вчасно"),
    ("does not exist", "на сервері немає такої бази даних або такого користувача"),
    ("server closed the connection", "сервер бази даних несподівано розірвав з’єднання"),
    ("ssl", "не вдалося встановити захищене з’єднання з сервером"),
    ("too many connections", "на сервері бази даних забагато з’єднань — спробуйте пізніше"),
    # openpyxl, zipfile
    ("file is not a zip file", "це не книга Excel (.xlsx)"),
    ("openpyxl does not support", "цей формат не підтримується — збережіть файл як книгу Excel (.xlsx)"),
    ("there is no item named", "книгу Excel пошкоджено: у ній бракує частини"),
    ("bad magic number", "книгу Excel пошкоджено"),
    ("unable to read workbook", "книгу Excel не вдається прочитати"),
)


def explain(exc: BaseException) -> str:
    """A Ukrainian sentence (no final stop) for a library's or the system's error; the original
    text is logged."""
    log.info("library error explained to the user: %r", exc)
    if isinstance(exc, OSError) and exc.errno in _OS:
        return _OS[exc.errno]
    text = str(exc).lower()
    for part, sentence in _TEXTS:
        if part in text:
            return sentence
    if isinstance(exc, OSError):
        return f"помилка файлової системи (код {exc.errno})" if exc.errno else "помилка файлової системи"
    return "непередбачена помилка (подробиці — в журналі програми)"
