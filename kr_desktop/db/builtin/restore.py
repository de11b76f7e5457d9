"""The parts of the built-in №1176 that the first extraction left out, added to a database made
before them (migration 0014): a new database gets them from the loader.

Only what is still as the built-in data left it is touched: a measure is matched by its annex,
direction, position and text, a value only when it still reads as the built-in one, an item or
caption only where none exists; what a user changed stays as the user left it. Every change is
journaled in one changeset under the actor «оновлення бази даних».
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from kr_desktop.db.builtin.loader import read_builtin
from kr_desktop.domain.deadlines import parse_deadline
from kr_desktop.text.ukrainian import sort_key

ACTOR = "оновлення бази даних"
LABEL = ("Вбудовану Програму №1176 доповнено з рішення: пункти паспорта 1.9 і 1.10, підписи додатків, "
         "походження строків і виконавців, не надрукованих у власній клітинці, джерело «Бюджети районних "
         "у місті рад» заходу 4.4 Додатка 1, назва управління ІКТ, як її друкують Додатки 1–2")

program_t = sa.table("program", sa.column("id"), sa.column("decision_number"), sa.column("decision_date", sa.Date))
item_t = sa.table("passport_item", sa.column("id"), sa.column("program_id"), sa.column("position"), sa.column("kind"),
                  sa.column("caption"), sa.column("text"), sa.column("version"))
stage_t = sa.table("stage", sa.column("id"), sa.column("program_id"), sa.column("annex_number"), sa.column("caption"),
                   sa.column("version"))
direction_t = sa.table("direction", sa.column("id"), sa.column("stage_id"), sa.column("number"))
measure_t = sa.table("measure", sa.column("id"), sa.column("direction_id"), sa.column("position"), sa.column("text"),
                     sa.column("deadline_phrase"), sa.column("executors_text"), sa.column("deadline_origin"),
                     sa.column("deadline_note"), sa.column("executors_origin"), sa.column("executors_note"),
                     sa.column("version"))
executor_t = sa.table("executor", sa.column("id"), sa.column("name"), sa.column("short_name"), sa.column("sort_key"),
                      sa.column("version"))
link_t = sa.table("measure_executor", sa.column("measure_id"), sa.column("executor_id"), sa.column("position"))
source_t = sa.table("funding_source", sa.column("id"), sa.column("name"))
phrase_t = sa.table("funding_phrase", sa.column("id"), sa.column("direction_id"), sa.column("measure_id"),
                    sa.column("source_id"), sa.column("text"), sa.column("from_year"), sa.column("version"))


class _Journal:
    def __init__(self, connection: Connection):
        self.connection = connection
        self.changeset = str(uuid.uuid4())
        self.at = dt.datetime.now().replace(microsecond=0)
        self.rows: list[dict[str, Any]] = []

    def add(self, operation: str, table: str, record_id, before: dict | None, after: dict | None) -> None:
        dump = (lambda values: None if values is None else json.dumps(values, ensure_ascii=False, sort_keys=True))
        self.rows.append(dict(changeset=self.changeset, at=self.at, actor=ACTOR, label=LABEL, operation=operation,
                              table_name=table, record_id=str(record_id), before=dump(before), after=dump(after)))

    def write(self) -> None:
        if self.rows:
            self.connection.execute(sa.text(
                "INSERT INTO journal_entry (changeset, at, actor, label, operation, table_name, record_id, before, "
                "after) VALUES (:changeset, :at, :actor, :label, :operation, :table_name, :record_id, :before, "
                ":after)"), self.rows)


def restore_builtin_parts(connection: Connection) -> None:
    data = read_builtin()
    info = data.main["program"]
    program_id = connection.scalar(sa.select(program_t.c.id).where(
        program_t.c.decision_number == info["decision_number"],
        program_t.c.decision_date == dt.date.fromisoformat(info["decision_date"])))
    if program_id is None:
        return
    journal = _Journal(connection)
    _passport_items(connection, journal, program_id, data.main["passport"])
    aliases = data.main.get("executor_aliases", {})
    for annex in data.annexes:
        stage = connection.execute(sa.select(stage_t.c.id, stage_t.c.caption, stage_t.c.version).where(
            stage_t.c.program_id == program_id, stage_t.c.annex_number == annex["annex"])).first()
        if stage is None:
            continue
        if not stage.caption:
            connection.execute(stage_t.update().where(stage_t.c.id == stage.id)
                               .values(caption=annex["caption"], version=stage.version + 1))
            journal.add("update", "stage", stage.id, {"caption": "", "version": stage.version},
                        {"caption": annex["caption"], "version": stage.version + 1})
        for spec in annex["directions"]:
            for m in spec["measures"]:
                measure = connection.execute(
                    sa.select(measure_t).join(direction_t, direction_t.c.id == measure_t.c.direction_id)
                    .where(direction_t.c.stage_id == stage.id, direction_t.c.number == spec["number"],
                           measure_t.c.position == m["order"], measure_t.c.text == m["text"])).mappings().first()
                if measure is not None:
                    _measure(connection, journal, measure, m, aliases)
    journal.write()


def _passport_items(connection: Connection, journal: _Journal, program_id: int, items: list[dict]) -> None:
    present = connection.scalar(sa.select(sa.func.count()).select_from(item_t).where(item_t.c.program_id == program_id))
    for position, item in enumerate(items, start=1):
        if position <= present:
            continue  # the migration made 1.1–1.8 from the old columns; the rest are new
        values = dict(program_id=program_id, position=position, kind=item["kind"], caption=item["caption"],
                      text=item["text"], version=1)
        new_id = connection.execute(item_t.insert().values(**values).returning(item_t.c.id)).scalar()
        journal.add("insert", "passport_item", new_id, None, dict(values, id=new_id))


def _measure(connection: Connection, journal: _Journal, measure, spec: dict, aliases: dict[str, str]) -> None:
    before, after = {}, {}
    if measure["deadline_phrase"] == parse_deadline(spec["deadline"]).phrase:
        after.update(deadline_origin=spec["deadline_origin"], deadline_note=spec.get("deadline_note", ""))
    if measure["executors_text"] == spec["executors_text"]:
        after.update(executors_origin=spec["executors_origin"], executors_note=spec.get("executors_note", ""))
    after = {key: value for key, value in after.items() if measure[key] != value}
    if after:
        before = {key: measure[key] for key in after} | {"version": measure["version"]}
        after["version"] = measure["version"] + 1
        connection.execute(measure_t.update().where(measure_t.c.id == measure["id"]).values(**after))
        journal.add("update", "measure", measure["id"], before, after)
    for row in spec["funding"]:
        if row.get("phrase"):
            _phrase(connection, journal, measure["id"], row)
    _executor_names(connection, journal, measure["id"], spec["executors"], aliases)


def _phrase(connection: Connection, journal: _Journal, measure_id: int, row: dict) -> None:
    source_id = connection.scalar(sa.select(source_t.c.id).where(source_t.c.name == row["source"]))
    if source_id is None:
        return
    exists = connection.scalar(sa.select(phrase_t.c.id).where(phrase_t.c.measure_id == measure_id,
                                                              phrase_t.c.source_id == source_id))
    if exists:
        return
    values = dict(measure_id=measure_id, direction_id=None, source_id=source_id, text=row["phrase"],
                  from_year=row.get("phrase_from_year"), version=1)
    new_id = connection.execute(phrase_t.insert().values(**values).returning(phrase_t.c.id)).scalar()
    journal.add("insert", "funding_phrase", new_id, None, dict(values, id=new_id))


def _executor_names(connection: Connection, journal: _Journal, measure_id: int, names: list[str],
                    aliases: dict[str, str]) -> None:
    """A unit the first extraction filed under another unit's name (an alias since dropped) is
    linked under the name the annex prints: its own record, made when missing."""
    linked = dict(connection.execute(sa.select(executor_t.c.name, link_t.c.executor_id)
                                     .join(executor_t, executor_t.c.id == link_t.c.executor_id)
                                     .where(link_t.c.measure_id == measure_id)).all())
    for name in names:
        name = aliases.get(name, name)
        if name in linked:
            continue
        old_name = _FORMER_ALIASES.get(name)
        if old_name is None or old_name not in linked:
            continue
        executor_id = connection.scalar(sa.select(executor_t.c.id).where(executor_t.c.name == name))
        if executor_id is None:
            values = dict(name=name, short_name="", sort_key=sort_key(name), version=1)
            executor_id = connection.execute(executor_t.insert().values(**values).returning(executor_t.c.id)).scalar()
            journal.add("insert", "executor", executor_id, None, dict(values, id=executor_id))
        connection.execute(link_t.update().where(link_t.c.measure_id == measure_id,
                                                 link_t.c.executor_id == linked[old_name])
                           .values(executor_id=executor_id))
        journal.add("update", "measure_executor", f"{measure_id},{linked[old_name]}",
                    {"measure_id": measure_id, "executor_id": linked[old_name]},
                    {"measure_id": measure_id, "executor_id": executor_id})
        linked[name] = executor_id


# Aliases of the first built-in data that joined two units the decision does not say are one:
# printed name → the record the measures were linked to.
_FORMER_ALIASES = {
    "Управління інформаційно-комунікаційних технологій виконкому міської ради":
        "Управління технічного захисту інформації та інформаційно-комунікаційних технологій виконкому міської ради",
}
