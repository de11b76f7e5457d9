"""Errors of the libraries and the system are told in Ukrainian; the original goes to the log."""

import errno
import logging
import sqlite3
import zipfile

import pytest

from kr_desktop.error_texts import explain

LATIN_WORD = r"[A-Za-z]{3,}"


@pytest.mark.parametrize("exc, expected", [
    (OSError(errno.ENOSPC, "No space left on device"), "на диску немає місця"),
    (PermissionError(errno.EACCES, "Permission denied"), "немає дозволу на доступ до файлу"),
    (FileNotFoundError(errno.ENOENT, "No such file or directory"), "файл або теку не знайдено"),
    (sqlite3.OperationalError("database is locked"), "базу даних зайнято іншим процесом"),
    (sqlite3.DatabaseError("file is not a database"), "файл бази даних пошкоджено"),
    (zipfile.BadZipFile("File is not a zip file"), "це не книга Excel (.xlsx)"),
    (Exception('connection failed: connection to server at "10.0.0.5", port 5432 failed: Connection refused'),
     "сервер бази даних не приймає з’єднань"),
    (Exception('FATAL:  password authentication failed for user "kr"'), "сервер бази даних не прийняв ім’я користувача або пароль"),
    (Exception("something nobody foresaw"), "непередбачена помилка"),
])
def test_library_errors_in_ukrainian_with_the_original_in_the_log(exc, expected, caplog):
    import re

    with caplog.at_level(logging.INFO, logger="kr_desktop"):
        text = explain(exc)
    assert text.startswith(expected) and not re.search(LATIN_WORD, text.replace("Excel", "").replace("xlsx", "")
                                                       .replace("pg_hba.conf", ""))
    assert repr(exc) in caplog.text


def test_a_damaged_workbook_is_refused_in_ukrainian(db, tmp_path):
    from kr_desktop.errors import UserError
    from kr_desktop.services.award_import import import_awards

    bad = tmp_path / "awards.xlsx"
    bad.write_bytes(b"this is no workbook at all")
    with pytest.raises(UserError) as refused:
        import_awards(db, bad, dry_run=True)
    assert "не є книгою Excel" in refused.value.message and "zip" not in refused.value.message
