"""Ukrainian alphabet order and search normalisation.

Python's ``sorted()`` orders by code point, which puts Є, І, Ї before А and Ґ after Я.
The sort key maps every Ukrainian letter to a code point in alphabet order, so the key
sorts right with a plain binary comparison: in Python, in SQLite (BINARY) and in
PostgreSQL (COLLATE "C"). That lets the database sort a stored, indexed key column.
"""

from __future__ import annotations

import unicodedata

from kr_desktop.text.control_chars import as_spaces

UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"

# The three ways people type the apostrophe (plus the grave accent some keyboards give).
APOSTROPHES = "'\u2019\u02bc\u0060\u2018"
CANONICAL_APOSTROPHE = "\u2019"

# Ukrainian letters go right after ASCII, in alphabet order (U+0100 …), so digits and
# Latin letters sort before Cyrillic, and any other character after both.
_KEY_BASE = 0x100
_SORT_MAP: dict[int, str] = {ord(ch): chr(_KEY_BASE + i) for i, ch in enumerate(UKRAINIAN_ALPHABET)}
# Russian-only letters sometimes appear in names: file them next to their nearest letter.
_SORT_MAP.update({ord("ё"): _SORT_MAP[ord("е")], ord("ы"): _SORT_MAP[ord("и")],
                  ord("э"): _SORT_MAP[ord("е")], ord("ъ"): _SORT_MAP[ord("ь")]})
for _ch in APOSTROPHES:
    _SORT_MAP[ord(_ch)] = ""  # the apostrophe is ignored in alphabetical order
for _ch in "-\u2010\u2011\u2013\u2014\t\n\r":
    _SORT_MAP[ord(_ch)] = " "

# Separates fields (surname, name, patronymic): lower than any letter, so «Іван» < «Іванов».
FIELD_SEPARATOR = " "

_SEARCH_MAP = {ord(ch): "" for ch in APOSTROPHES}


def unify_apostrophes(text: str) -> str:
    """Write every apostrophe form as the typographic one (’)."""
    return "".join(CANONICAL_APOSTROPHE if ch in APOSTROPHES else ch for ch in text)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def sort_key(*fields: str | None) -> str:
    """Key in Ukrainian alphabet order over several fields (surname, name, patronymic)."""
    parts = []
    for field in fields:
        folded = _fold(field or "").translate(_SORT_MAP)
        parts.append(" ".join(folded.split()))
    return FIELD_SEPARATOR.join(parts).rstrip()


def search_key(text: str | None) -> str:
    """Case- and apostrophe-insensitive form of a text for searching.

    «Мар'яна», «МАР’ЯНА» and «Марʼяна» all become «маряна». Whitespace is collapsed so
    a typed double space still matches; a control character (NUL…) separates words like a space.
    """
    folded = _fold(as_spaces(text or "")).translate(_SEARCH_MAP)
    return " ".join(folded.split())


def uk_sorted(items, key=lambda item: item):
    """``sorted`` in Ukrainian alphabet order of ``key(item)`` (a string or a tuple of strings)."""
    def _key(item):
        value = key(item)
        if isinstance(value, tuple):
            return sort_key(*value)
        return sort_key(value)
    return sorted(items, key=_key)
