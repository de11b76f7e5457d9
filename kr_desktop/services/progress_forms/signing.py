"""The database's signature on its forms: a returned form is recognised as made by this database
for that executor and period, and unchanged outside its fill-in cells.

The secret is ``app_meta.progress_forms_key`` (migration 0009, random per database); the form
carries an HMAC-SHA256 of its record and the public id of the database (a digest of the key), so
a form of another database is told apart from one whose hidden record was edited.
"""

from __future__ import annotations

import hashlib
import hmac
import json

from sqlalchemy import select

from kr_desktop.db.models import AppMeta
from kr_desktop.errors import UserError

KEY = "progress_forms_key"


def database_key(session) -> bytes:
    value = session.scalar(select(AppMeta.value).where(AppMeta.key == KEY))
    if not value:
        raise UserError("У базі даних немає ключа форм звітів: оновіть базу даних (kr-desktop init --db …).")
    return value.encode("ascii")


def database_id(key: bytes) -> str:
    return hashlib.sha256(b"kr_desktop forms:" + key).hexdigest()[:16]


def payload(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sign(key: bytes, text: str) -> str:
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def verify(key: bytes, text: str, signature: str) -> bool:
    return hmac.compare_digest(sign(key, text), str(signature or ""))


def sheet_password(key: bytes) -> str:
    """The protection password of the form's sheets: known to nobody, the same for every form."""
    return sign(key, "sheet protection")[:24]
