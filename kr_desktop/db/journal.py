"""The change journal: every INSERT, UPDATE and DELETE of a session, recorded in the same flush.

Hooked on the session, so every service's change is journaled without the service asking for
it: there is one path for every change. A session opened with ``Database.changing(label)``
carries the actor and the label; a plain write session journals under the database's actor.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import uuid
from typing import Any

from sqlalchemy import Column, event, func, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.base import NO_VALUE

from kr_desktop.db.models.system import JournalEntry

# Tables whose rows are not journaled: the journal itself, and Alembic's bookkeeping.
NOT_JOURNALED = {"journal_entry", "alembic_version"}
HIDDEN = "(приховано)"
# Key of a deleted record's "before" values naming rows the database itself deleted or unlinked
# with it (ON DELETE CASCADE / SET NULL) that the journal never saw: such a delete cannot be undone.
LOST_WITH_DELETE = "_lost"


def link_order_column(rel) -> Column | None:
    """The ordering column of a many-to-many link table (measure_executor.position), if any:
    such links are journaled as an ordered list, not as a set."""
    if rel.secondary is None or not rel.order_by:
        return None
    for clause in rel.order_by:
        column = getattr(clause, "element", clause)  # unwrap .asc() / .desc()
        if isinstance(column, Column) and column.table is rel.secondary:
            return column
    return None


def _links_before(state, rel) -> list:
    """The link collection as it was loaded (in its order), before this flush's changes."""
    original = state.committed_state.get(rel.key, NO_VALUE)
    if original is not NO_VALUE and original is not None:
        return list(original)
    hist = state.attrs[rel.key].history
    return list(hist.unchanged) + list(hist.deleted)


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return {"bytes": len(value)}  # photos: size only, the journal is no second copy
    return value


def _columns(obj, committed: bool) -> dict[str, Any]:
    """Column values (and the ids of many-to-many links) before or after the flush."""
    state = inspect(obj)
    values: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if committed:
            if hist.deleted:
                value = hist.deleted[0]
            elif hist.unchanged:
                value = hist.unchanged[0]
            else:
                value = getattr(obj, attr.key, None) if not hist.added else None
        else:
            value = getattr(obj, attr.key, None)
        column = attr.columns[0]
        if column.info.get("journal_secret") and value is not None:
            value = HIDDEN  # password hashes and salts: the journal says it changed, not to what
        values[column.name] = _plain(value)
    for rel in state.mapper.relationships:
        if rel.secondary is None or rel.viewonly:
            continue
        if rel.key not in state.dict:
            # Never loaded, so not changed: recording it would mean [] before and the full list
            # after (a false change), and a query inside the flush.
            continue
        items = _links_before(state, rel) if committed else list(getattr(obj, rel.key))
        ids = [_record_id(item) for item in items]
        values[rel.key] = ids if link_order_column(rel) is not None else sorted(ids)
    return values


def _lost_with_delete(session: Session, obj) -> dict[str, int]:
    """Rows that ON DELETE CASCADE / SET NULL would change behind the ORM's back when ``obj`` is
    deleted in this flush (children the service did not delete or unlink itself), per table."""
    state = inspect(obj)
    if not state.identity or len(state.identity) != 1:
        return {}
    key = state.identity[0]
    table = obj.__table__
    journaled_links = {rel.secondary for rel in state.mapper.relationships if rel.secondary is not None}
    lost: dict[str, int] = {}
    for other in table.metadata.sorted_tables:
        if other.name in NOT_JOURNALED or other in journaled_links:
            continue
        for fk in other.foreign_keys:
            if fk.column.table is not table or (fk.ondelete or "").upper() not in ("CASCADE", "SET NULL"):
                continue
            query = select(func.count()).select_from(other).where(fk.parent == key)
            handled = [o for o in session.deleted if getattr(o, "__table__", None) is other]
            handled += [o for o in session.dirty if getattr(o, "__table__", None) is other
                        and getattr(o, inspect(o).mapper.get_property_by_column(fk.parent).key) != key]
            primary = list(other.primary_key.columns)
            if handled and len(primary) == 1:
                query = query.where(primary[0].not_in([inspect(o).identity[0] for o in handled]))
            count = session.connection().execute(query).scalar() or 0
            if count:
                lost[other.name] = lost.get(other.name, 0) + count
    return lost


def _load_links(obj) -> None:
    for rel in inspect(obj).mapper.relationships:
        if rel.secondary is not None and not rel.viewonly:
            getattr(obj, rel.key)


def _record_id(obj) -> str:
    identity = inspect(obj).identity
    if identity:
        return ",".join(str(part) for part in identity)
    pk = inspect(obj).mapper.primary_key
    return ",".join(str(getattr(obj, col.key, "")) for col in pk)


def journal_info(session: Session) -> dict[str, Any]:
    info = session.info.setdefault("journal", {})
    info.setdefault("changeset", str(uuid.uuid4()))
    if info.get("own") is not None:
        info["own"].add(info["changeset"])  # the live refresh leaves the Database's own changes out
    return info


def _dump(values: dict[str, Any] | None) -> str | None:
    return None if values is None else json.dumps(values, ensure_ascii=False, sort_keys=True)


@event.listens_for(Session, "before_flush")
def _remember_changes(session: Session, _context, _instances) -> None:
    if session.info.get("journal_disabled"):
        return
    pending = session.info.setdefault("journal_pending", [])
    for obj in session.dirty:
        if obj.__table__.name in NOT_JOURNALED or not session.is_modified(obj):
            continue
        pending.append(("update", obj, _columns(obj, committed=True)))
    for obj in session.deleted:
        if obj.__table__.name not in NOT_JOURNALED:
            _load_links(obj)  # a deleted record's links are part of what undo must put back
            before = _columns(obj, committed=True)
            lost = _lost_with_delete(session, obj)
            if lost:
                before[LOST_WITH_DELETE] = lost
            pending.append(("delete", obj, before))
    for obj in session.new:
        if obj.__table__.name not in NOT_JOURNALED:
            pending.append(("insert", obj, None))


@event.listens_for(Session, "after_flush")
def _write_journal(session: Session, _context) -> None:
    pending = session.info.pop("journal_pending", [])
    if not pending:
        return
    info = journal_info(session)
    now = dt.datetime.now().replace(microsecond=0)
    rows = []
    for operation, obj, before in pending:
        after = None if operation == "delete" else _columns(obj, committed=False)
        if operation == "update" and after == before:
            continue
        rows.append(dict(changeset=info["changeset"], at=now, actor=info.get("actor", "system"),
                         label=info.get("label", ""), operation=operation, table_name=obj.__table__.name,
                         record_id=_record_id(obj), before=_dump(before), after=_dump(after),
                         undo_of=info.get("undo_of")))
    if rows:
        info.setdefault("tables", set()).update(row["table_name"] for row in rows)  # what undo will touch
        session.execute(JournalEntry.__table__.insert(), rows)
