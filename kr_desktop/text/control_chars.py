"""Characters a text field must not hold: the control characters XML cannot store (DOCX and XLSX
are XML: python-docx and openpyxl refuse them, an export breaks), NUL (PostgreSQL refuses it,
SQLite's LIKE stops at it and matches everything), lone surrogates (not encodable as UTF-8) and
the non-characters U+FFFE/U+FFFF. Tab, line feed and carriage return are text."""

from __future__ import annotations

import re

_FORBIDDEN = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff"
FORBIDDEN = re.compile(f"[{_FORBIDDEN}]")
REPLACEMENT = "\ufffd"  # «�»: shows that something was there, unlike dropping it silently


def has_forbidden(text: str) -> bool:
    return FORBIDDEN.search(text) is not None


def printable(text: str) -> str:
    """``text`` with every forbidden character replaced by «�» (for exports of data stored before
    the services refused such characters)."""
    return FORBIDDEN.sub(REPLACEMENT, text)


def as_spaces(text: str) -> str:
    """``text`` with every forbidden character read as a space (search words: «a\\x00b» is «a b»,
    the same on SQLite and PostgreSQL)."""
    return FORBIDDEN.sub(" ", text)
