"""Undo and redo of this window's changes, through the same journaled path as every change.

Each committed change of a Database (one ``db.changing(label)`` transaction = one changeset
of journal rows) is remembered in that Database's history. Undo opens a new change session
labelled «Скасування: <label>» whose journal rows carry ``undo_of``, and puts every record of
the changeset back to its value before the change; redo undoes that undo («Повторення: …»).
Both are refused with ConflictError when a record changed since (its current values are not
what the change left), so undo never overwrites someone else's later work.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import uuid
import weakref
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, LargeBinary, Numeric, event, inspect, select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.journal import LOST_WITH_DELETE, _columns, _dump, link_order_column
from kr_desktop.db.models import Base, JournalEntry
from kr_desktop.db.types import Money
from kr_desktop.errors import ConflictError, UserError
from kr_desktop.services.access import ADMIN, OPERATOR, require
from kr_desktop.services.journal_view import table_label

HISTORY_LIMIT = 200
NOT_UNDOABLE = {"app_user", "server_user"}  # accounts and passwords change only through the users service
ADMIN_TABLES = {"app_setting"}
# The area a table belongs to is the name of its models module (models/program.py → "program");
# a few modules speak for a differently named area.
AREA_OF_MODULE = {"system": "settings"}


@dataclass
class Step:
    changeset: str
    label: str
    areas: frozenset[str] = frozenset()  # of the records it changed (the window offers undo where they show)


@dataclass
class UndoHistory:
    done: list[Step] = field(default_factory=list)
    undone: list[Step] = field(default_factory=list)


@dataclass(frozen=True)
class UndoResult:
    label: str  # the label of the user's change that was undone or redone
    areas: frozenset[str]  # for the window's "data changed" signal


_histories: "weakref.WeakKeyDictionary[Any, UndoHistory]" = weakref.WeakKeyDictionary()


def history(db: Database) -> UndoHistory:
    return _histories.setdefault(db.engine, UndoHistory())


def undo_label(db: Database) -> str | None:
    h = _histories.get(db.engine)
    return h.done[-1].label if h and h.done else None


def redo_label(db: Database) -> str | None:
    h = _histories.get(db.engine)
    return h.undone[-1].label if h and h.undone else None


def undo_areas(db: Database) -> frozenset[str]:
    """The areas (``area_of``) of the change undo would revert now (empty when there is none)."""
    h = _histories.get(db.engine)
    return h.done[-1].areas if h and h.done else frozenset()


def redo_areas(db: Database) -> frozenset[str]:
    h = _histories.get(db.engine)
    return h.undone[-1].areas if h and h.undone else frozenset()


@event.listens_for(Session, "after_commit")
def _remember_change(session: Session) -> None:
    info = session.info.get("journal") or {}
    changeset = info.get("changeset")
    if not changeset or info.get("undo_of") or info.get("no_undo") or info.get("remembered"):
        return
    info["remembered"] = True
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    h = _histories.setdefault(engine, UndoHistory())
    areas = frozenset(a for a in map(area_of_table, info.get("tables", ())) if a)
    h.done.append(Step(changeset, info.get("label") or "Зміна даних", areas))
    del h.done[:-HISTORY_LIMIT]
    h.undone.clear()  # a new change after an undo: the undone steps can no longer be redone


# -- the public operations --------------------------------------------------------------------
def undo(db: Database) -> UndoResult:
    require(db, OPERATOR)
    h = history(db)
    if not h.done:
        raise UserError("Немає змін, які можна скасувати.")
    step = h.done[-1]
    try:
        changeset, areas = revert_changeset(db, step.changeset, f"Скасування: {step.label}")
    except ConflictError:
        h.done.pop()  # it can never apply again: don't block the steps below it
        raise
    h.done.pop()
    h.undone.append(Step(changeset, step.label, step.areas))
    return UndoResult(step.label, areas)


def redo(db: Database) -> UndoResult:
    require(db, OPERATOR)
    h = history(db)
    if not h.undone:
        raise UserError("Немає скасованих змін, які можна повторити.")
    step = h.undone[-1]
    try:
        changeset, areas = revert_changeset(db, step.changeset, f"Повторення: {step.label}")
    except ConflictError:
        h.undone.pop()
        raise
    h.undone.pop()
    h.done.append(Step(changeset, step.label, step.areas))
    return UndoResult(step.label, areas)


def revert_changeset(db: Database, changeset: str, label: str) -> tuple[str, frozenset[str]]:
    """Put every record of ``changeset`` back as it was before it, in one journaled change.

    Returns the new changeset's id and the areas touched. Redo is the revert of an undo.
    """
    with db.reading() as session:
        tables = set(session.scalars(select(JournalEntry.table_name)
                                     .where(JournalEntry.changeset == changeset)))
    require(db, ADMIN if tables & ADMIN_TABLES else OPERATOR)
    new_changeset = str(uuid.uuid4())
    with db.changing(label) as session:
        session.info["journal"].update(changeset=new_changeset, undo_of=changeset)
        rows = session.scalars(select(JournalEntry).where(JournalEntry.changeset == changeset)
                               .order_by(JournalEntry.id)).all()
        if not rows:
            raise UserError("У журналі немає записів цієї зміни: скасувати нічого.")
        _refuse_lost_rows(rows, label)
        first: dict[tuple[str, str], JournalEntry] = {}
        last: dict[tuple[str, str], JournalEntry] = {}
        for row in rows:
            first.setdefault((row.table_name, row.record_id), row)
            last[(row.table_name, row.record_id)] = row
        models = {table: _model_for(table) for table, _ in first}
        loaded = {}
        for key, row in last.items():  # check everything before changing anything
            table, record_id = key
            if table in NOT_UNDOABLE or models[table] is None:
                raise UserError(f"Зміни таблиці «{table_label(table)}» не скасовуються з журналу.")
            obj = session.get(models[table], _identity(models[table], record_id))
            _check_unchanged(session, obj, row, label)
            loaded[key] = obj
        # Back in the reverse order of the change, one record at a time: a change that renumbered
        # records one by one (positions kept unique) is renumbered back the same way.
        for key in sorted(first, key=lambda k: last[k].id, reverse=True):
            row = first[key]
            target = json.loads(row.before) if row.before else None
            links = _restore(session, models[key[0]], loaded[key], target)
            session.flush()
            for rel, obj, wanted in links:
                _write_link_order(session, rel, obj, wanted)
    return new_changeset, frozenset(area_of(models[table]) for table in models)


def _refuse_lost_rows(rows, label: str) -> None:
    """A delete that took rows with it through ON DELETE CASCADE / SET NULL cannot be undone:
    the journal never saw those rows, so putting back only the record would be a half undo."""
    for row in rows:
        before = json.loads(row.before) if row.before else {}
        lost = before.get(LOST_WITH_DELETE) if isinstance(before, dict) else None
        if lost:
            what = ", ".join(f"«{table_label(table)}» ({count})" for table, count in sorted(lost.items()))
            raise UserError(f"{label} неможливе: разом із записом «{table_label(row.table_name)}» №{row.record_id} "
                            f"база даних вилучила пов’язані записи ({what}), яких журнал не зберіг. "
                            "Нічого не змінено.")


def _write_link_order(session: Session, rel, obj, wanted: list) -> None:
    """Put the ordering column of the link rows (measure_executor.position) back as journaled."""
    order = link_order_column(rel)
    (parent_column, link_parent), = rel.synchronize_pairs
    (_target_column, link_target), = rel.secondary_synchronize_pairs
    parent = getattr(obj, inspect(obj).mapper.get_property_by_column(parent_column).key)
    for position, ident in enumerate(wanted):
        session.execute(rel.secondary.update().where(link_parent == parent, link_target == ident)
                        .values({order.name: position}))


def area_of(model) -> str:
    module = model.__module__.rsplit(".", 1)[-1]
    return AREA_OF_MODULE.get(module, module)


def area_of_table(table_name: str) -> str | None:
    model = _model_for(table_name)
    return area_of(model) if model is not None else None


# -- helpers ----------------------------------------------------------------------------------
def _model_for(table_name: str):
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table_name:
            return mapper.class_
    return None


def _identity(model, record_id: str):
    columns = inspect(model).primary_key
    parts = record_id.split(",") if len(columns) > 1 else [record_id]
    values = [int(part) if _is_int(col) else part for col, part in zip(columns, parts)]
    return values[0] if len(values) == 1 else tuple(values)


def _is_int(column) -> bool:
    try:
        return column.type.python_type is int
    except NotImplementedError:
        return False


def _snapshot(obj, keys=()) -> dict[str, Any]:
    """The record's current values as the journal writes them; links named in ``keys`` loaded."""
    for rel in inspect(obj).mapper.relationships:
        if rel.key in keys and rel.secondary is not None:
            getattr(obj, rel.key)
    return json.loads(_dump(_columns(obj, committed=False)))


def _check_unchanged(session: Session, obj, row: JournalEntry, label: str) -> None:
    expected = json.loads(row.after) if row.after else None
    what = f"запис «{table_label(row.table_name)}» №{row.record_id}"
    if expected is None:
        if obj is not None:
            raise ConflictError(f"{label} неможливе: {what} знову існує — його створено після цієї зміни. "
                                "Нічого не змінено.", record=what)
        return
    if obj is None:
        raise ConflictError(f"{label} неможливе: {what} вилучено після цієї зміни. Нічого не змінено.",
                            record=what, yours=expected, theirs={})
    current = _snapshot(obj, expected)
    links = {rel.key for rel in inspect(obj).mapper.relationships if rel.secondary is not None}
    # Links compare as sets here: an ORM append leaves the new link's position to the service, so
    # the journaled order may differ from the stored one without anyone having changed it.
    keys = sorted(k for k in expected if (sorted(map(str, current.get(k) or [])) != sorted(map(str, expected[k] or []))
                                          if k in links else current.get(k) != expected[k]))
    if keys:
        last = session.execute(select(JournalEntry.actor, JournalEntry.at)
                               .where(JournalEntry.table_name == row.table_name,
                                      JournalEntry.record_id == row.record_id)
                               .order_by(JournalEntry.id.desc()).limit(1)).first()
        raise ConflictError(
            f"{label} неможливе: {what} змінено після цієї зміни"
            f"{f' (змінив {last.actor})' if last and last.actor else ''}. Нічого не змінено.",
            record=what, your_version=expected.get("version"), their_version=current.get("version"),
            yours={k: expected.get(k) for k in keys}, theirs={k: current.get(k) for k in keys},
            changed_by=last.actor if last else None, changed_at=last.at if last else None)


def _from_json(column, value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, LargeBinary) or isinstance(value, dict):
        raise UserError("Зміну файлу (фото) не можна скасувати: журнал не зберігає його вміст.")
    if isinstance(kind, (Money, Numeric)):
        return decimal.Decimal(str(value))
    if isinstance(kind, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    if isinstance(kind, Boolean):
        return bool(value)
    return value


def _restore(session: Session, model, obj, target: dict[str, Any] | None) -> list[tuple[Any, Any, list]]:
    """Put one record back to ``target``; returns the ordered links whose order must be written
    after the flush (relationship, record, wanted ids in order)."""
    mapper = inspect(model)
    if target is None:
        session.delete(obj)
        return []
    if obj is None:
        obj = model()
        session.add(obj)
    version_key = mapper.version_id_col.key if mapper.version_id_col is not None else None
    current = _snapshot(obj, target) if inspect(obj).persistent else {}
    columns_changed = False
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        if column.name not in target or attr.key == version_key:
            continue
        if column.name in current and current[column.name] == target[column.name]:
            continue  # unchanged (also photos, which the journal keeps only as a size)
        if column.info.get("journal_secret"):
            raise UserError("Зміни прихованих полів не скасовуються з журналу.")
        setattr(obj, attr.key, _from_json(column, target[column.name]))
        columns_changed = True
    links_changed = False
    ordered_links = []
    for rel in mapper.relationships:
        if rel.secondary is None or rel.viewonly or rel.key not in target:
            continue
        wanted = [_identity(rel.mapper.class_, rid) for rid in target[rel.key]]
        ordered = link_order_column(rel) is not None
        collection = getattr(obj, rel.key)
        have = {inspect(item).identity[0] if len(inspect(item).identity) == 1 else inspect(item).identity: item
                for item in collection}
        if (list(have) == wanted) if ordered else (set(have) == set(wanted)):
            continue
        items = []
        for ident in wanted:
            other = have.get(ident) or session.get(rel.mapper.class_, ident)
            if other is None:
                raise UserError(f"Скасування неможливе: пов’язаний запис «{table_label(rel.mapper.class_.__tablename__)}» "
                                f"№{ident} уже вилучено.")
            items.append(other)
        setattr(obj, rel.key, items)
        links_changed = True
        if ordered:
            ordered_links.append((rel, obj, wanted))
    if version_key and links_changed and not columns_changed and inspect(obj).persistent:
        setattr(obj, version_key, getattr(obj, version_key) + 1)
    return ordered_links
