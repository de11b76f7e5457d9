"""No lost update: load a record, check the version the user started from, apply, save.

Every main record carries ``version`` (models.base.Versioned); the ORM adds
``WHERE version = <loaded>`` to each UPDATE and bumps it. A service that saves an edited record
takes the version the user's form was filled from and uses :func:`editing` (or the one-line
:func:`update_fields`):

    with editing(db, "Зміна виконавця", Executor, executor_id, form.version,
                 yours={"name": new_name}, labels={"name": "Назва"}) as executor:
        executor.name = new_name

If someone else saved the record in between, the block never runs and ConflictError (a
UserError) carries both versions: the values the user tried to save and the values now stored,
with who saved them and when (from the journal). A change that slips in between the check and
the write makes the UPDATE match no row; SQLAlchemy's StaleDataError is mapped to the same error.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kr_desktop.db.engine import Database
from kr_desktop.db.models import JournalEntry
from kr_desktop.errors import ConflictError, UserError
from kr_desktop.services.access import OPERATOR, require

CONFLICT_MESSAGE = ("{record} змінив інший користувач, поки ви його редагували "
                    "(ваша версія {mine}, збережена {theirs}). Ваші зміни не збережено: "
                    "перегляньте обидві версії та внесіть зміни ще раз.")
GONE_MESSAGE = "{record} вилучив інший користувач, поки ви його редагували. Ваші зміни не збережено."


def _record_name(model, record_id: Any, record: str | None) -> str:
    from kr_desktop.services.journal_view import table_label

    if isinstance(record_id, tuple):
        record_id = ",".join(str(part) for part in record_id)
    return record or f"Запис «{table_label(model.__table__.name)}» №{record_id}"


def _values(obj, keys) -> dict[str, Any]:
    if not keys:
        keys = [attr.key for attr in inspect(obj).mapper.column_attrs if attr.key != "version"]
    return {key: getattr(obj, key, None) for key in keys}


def _last_change(session: Session, obj) -> tuple[str | None, Any]:
    record_id = ",".join(str(part) for part in inspect(obj).identity)
    row = session.execute(
        select(JournalEntry.actor, JournalEntry.at)
        .where(JournalEntry.table_name == obj.__table__.name, JournalEntry.record_id == record_id)
        .order_by(JournalEntry.id.desc()).limit(1)).first()
    return (row.actor, row.at) if row else (None, None)


def check_version(session: Session, obj, expected_version: int, *, record: str | None = None,
                  yours: dict[str, Any] | None = None, labels: dict[str, str] | None = None) -> None:
    """Raise ConflictError unless ``obj`` is still at ``expected_version``."""
    if expected_version is None:
        raise ValueError("expected_version is required: pass the version the user's form was filled from")
    if obj.version == expected_version:
        return
    yours = dict(yours or {})
    name = _record_name(type(obj), inspect(obj).identity, record)
    changed_by, changed_at = _last_change(session, obj)
    raise ConflictError(CONFLICT_MESSAGE.format(record=name, mine=expected_version, theirs=obj.version),
                        record=name, your_version=expected_version, their_version=obj.version,
                        yours=yours, theirs=_values(obj, list(yours)), labels=labels or {},
                        changed_by=changed_by, changed_at=changed_at)


def load_checked(session: Session, model, record_id: Any, expected_version: int, *,
                 record: str | None = None, yours: dict[str, Any] | None = None,
                 labels: dict[str, str] | None = None):
    obj = session.get(model, record_id, populate_existing=True)
    if obj is None:
        raise UserError(GONE_MESSAGE.format(record=_record_name(model, record_id, record)))
    check_version(session, obj, expected_version, record=record, yours=yours, labels=labels)
    return obj


@contextmanager
def editing(db: Database, label: str, model, record_id: Any, expected_version: int, *,
            yours: dict[str, Any] | None = None, labels: dict[str, str] | None = None,
            record: str | None = None, role: str = OPERATOR) -> Iterator[Any]:
    """Load-check-apply in one journaled transaction; yields the record to change."""
    require(db, role)
    with stale_is_conflict(db, model, record_id, expected_version, record=record, yours=yours, labels=labels):
        with db.changing(label) as session:
            obj = load_checked(session, model, record_id, expected_version, record=record, yours=yours,
                               labels=labels)
            yield obj
            _bump_if_only_links_changed(session, obj, expected_version)
            session.flush()


@contextmanager
def stale_is_conflict(db: Database, model, record_id: Any, expected_version: int, *,
                      record: str | None = None, yours: dict[str, Any] | None = None,
                      labels: dict[str, str] | None = None) -> Iterator[None]:
    """Around a ``db.changing`` block that checked a version itself (``load_checked``): a save by
    someone else between that check and our UPDATE (StaleDataError) is reported as ConflictError."""
    try:
        yield
    except StaleDataError:
        with db.reading() as session:
            load_checked(session, model, record_id, expected_version, record=record, yours=yours,
                         labels=labels)
        raise  # the version matched after all: a genuine bug, not a conflict


def bump(obj, expected_version: int) -> None:
    """Count a change of a record's dependent rows (its planned amounts, its links) as a new
    version of the record itself, so a form filled from the old version is refused."""
    if obj.version == expected_version:
        obj.version = expected_version + 1


def _bump_if_only_links_changed(session: Session, obj, expected_version: int) -> None:
    # The ORM bumps the version only when a column of the row changes; a change of its
    # many-to-many links (a measure's executors) must count as a new version too.
    if obj.version == expected_version and session.is_modified(obj, include_collections=True) \
            and not session.is_modified(obj, include_collections=False):
        obj.version = expected_version + 1


def update_fields(db: Database, label: str, model, record_id: Any, expected_version: int,
                  changes: dict[str, Any], *, labels: dict[str, str] | None = None,
                  record: str | None = None, role: str = OPERATOR) -> int:
    """Set plain column values of one record; returns its new version. Validate before calling."""
    with editing(db, label, model, record_id, expected_version, yours=changes, labels=labels,
                 record=record, role=role) as obj:
        for key, value in changes.items():
            setattr(obj, key, value)
    return obj.version
