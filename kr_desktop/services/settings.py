"""Settings kept in the database (JSON values), with defaults declared in one place.

Each area declares its settings with ``declare(key, default)`` in its own module; reading an
undeclared key is an error, so a typo cannot silently read a default.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from kr_desktop.db.engine import Database
from kr_desktop.db.models import AppSetting
from kr_desktop.errors import ValidationError
from kr_desktop.text.control_chars import has_forbidden

_DEFAULTS: dict[str, Any] = {}


def declare(key: str, default: Any) -> str:
    """Declare a setting and its default (JSON-serialisable); returns the key."""
    _DEFAULTS[key] = default
    return key


def get_setting(db: Database, key: str) -> Any:
    if key not in _DEFAULTS:
        raise KeyError(f"undeclared setting {key!r}")
    with db.reading() as session:
        row = session.get(AppSetting, key)
        return json.loads(row.value) if row else _DEFAULTS[key]


def get_settings(db: Database, prefix: str = "") -> dict[str, Any]:
    values = {k: v for k, v in _DEFAULTS.items() if k.startswith(prefix)}
    with db.reading() as session:
        for row in session.scalars(select(AppSetting).where(AppSetting.key.startswith(prefix))):
            if row.key in values:
                values[row.key] = json.loads(row.value)
    return values


def set_settings(db: Database, values: dict[str, Any], label: str = "Зміна налаштувань") -> None:
    """Write several settings in one transaction (journaled); administrators only."""
    from kr_desktop.services.access import ADMIN, require

    require(db, ADMIN)
    unknown = set(values) - set(_DEFAULTS)
    if unknown:
        raise KeyError(f"undeclared settings {sorted(unknown)}")
    for key, value in values.items():
        _check_text(key, value)
    with db.changing(label) as session:
        for key, value in values.items():
            text = json.dumps(value, ensure_ascii=False)
            row = session.get(AppSetting, key)
            if row is None:
                session.add(AppSetting(key=key, value=text))
            elif row.value != text:
                row.value = text


def _check_text(key: str, value: Any) -> None:
    """Texts of a setting (signatures, preambles…) are printed in every DOCX and XLSX: refused
    with a character those formats cannot hold."""
    texts = value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else (value,)
    for text in texts:
        if isinstance(text, (dict, list, tuple)):
            _check_text(key, text)
        elif isinstance(text, str) and has_forbidden(text):
            raise ValidationError("Службові (керівні) символи в налаштуваннях не допускаються.", field=key)


def set_setting(db: Database, key: str, value: Any) -> None:
    set_settings(db, {key: value})
