"""The journal window speaks Ukrainian: every table and column has a label."""

from kr_desktop.db.models import Base
from kr_desktop.services.journal_view import DERIVED_FIELDS, FIELD_LABELS, TABLE_LABELS


def test_every_table_has_a_ukrainian_name():
    missing = sorted(set(Base.metadata.tables) - set(TABLE_LABELS) - {"journal_entry"})
    assert missing == []


def test_every_column_has_a_ukrainian_label():
    columns = {c.name for t in Base.metadata.tables.values() for c in t.columns}
    missing = sorted(columns - set(FIELD_LABELS) - DERIVED_FIELDS)
    assert missing == []
    assert all(any("а" <= ch.lower() <= "я" or ch in "іїєґ№" for ch in label) for label in FIELD_LABELS.values())
