"""The last guard for text: no record is saved with a character that XML cannot hold or that
PostgreSQL refuses (kr_desktop.text.control_chars).

The services check their fields first and name them in their own words (domain.input_checks);
this hook on every session's flush catches a text field that a service forgot, so no record can
break a DOCX or XLSX export later or save differently on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from kr_desktop.errors import ValidationError
from kr_desktop.text.control_chars import has_forbidden

UNCHECKED = {"journal_entry", "alembic_version"}  # the journal stores JSON, which escapes them

# Field names as the user knows them (the rest are named as they are).
LABELS = {"title": "Назва", "name": "Назва", "notes": "Примітка", "note": "Примітка", "narrative": "Стан виконання",
          "reasons": "Причини невиконання", "reported_by": "Хто звітує", "decision": "Рішення",
          "biography": "Біографія", "place": "Місце", "programme": "Програма", "surname": "Прізвище",
          "patronymic": "По батькові", "full_name": "Прізвище, ім’я та по батькові"}


@event.listens_for(Session, "before_flush")
def _refuse_forbidden_text(session: Session, _context, _instances) -> None:
    for obj in list(session.new) + list(session.dirty):
        if obj.__table__.name in UNCHECKED:
            continue
        state = inspect(obj)
        for attribute in state.mapper.column_attrs:
            # a new record's every field; a changed record's changed fields only (an old value
            # stored before this guard must not block saving the others)
            values = [state.dict.get(attribute.key)] if state.pending else state.attrs[attribute.key].history.added
            if any(isinstance(value, str) and has_forbidden(value) for value in values):
                label = LABELS.get(attribute.key, attribute.key)
                raise ValidationError(f"{label}: службові (керівні) символи не допускаються.", field=attribute.key)
