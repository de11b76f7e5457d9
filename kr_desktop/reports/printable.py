"""A report with every text made printable: characters that XML cannot hold (DOCX and XLSX are
XML; python-docx and openpyxl refuse them and the whole export fails) shown as «�».

The services refuse such characters in new text (domain.input_checks, db.text_guard); this
covers records stored before they did, so an old record never stops a report."""

from __future__ import annotations

import dataclasses

from kr_desktop.text.control_chars import FORBIDDEN, printable


def printable_copy(value):
    """``value`` (a ReportDocument, a block, a tuple, a text…) with its texts printable; the same
    object when nothing needed a change (the usual case costs one regex search per text)."""
    if isinstance(value, str):
        return printable(value) if FORBIDDEN.search(value) else value
    if isinstance(value, tuple):
        items = tuple(printable_copy(item) for item in value)
        return value if all(a is b for a, b in zip(items, value)) else items
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in dataclasses.fields(value):
            old = getattr(value, field.name)
            new = printable_copy(old)
            if new is not old:
                changes[field.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value
