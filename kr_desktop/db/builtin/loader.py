"""Load the built-in Program №1176 into an empty database, in the caller's transaction."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kr_desktop.db.models import (Amendment, Direction, Executor, FundingPhrase, FundingSource, JournalEntry, Measure,
                                  PassportFunding, PassportItem, PlannedFunding, Program, Stage, measure_executor)
from kr_desktop.domain.deadlines import parse_deadline
from kr_desktop.text.ukrainian import sort_key

MAIN_FILE = "program_1176.json"


def read_json(name: str) -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


@dataclass
class BuiltinProgram:
    main: dict[str, Any]
    annexes: list[dict[str, Any]]


def read_builtin() -> BuiltinProgram:
    main = read_json(MAIN_FILE)
    return BuiltinProgram(main, [read_json(name) for name in main["annexes"]])


class _Directory:
    """Get-or-create for executors and sources, so one unit is one record."""

    def __init__(self, session: Session, aliases: dict[str, str]):
        self.session = session
        self.aliases = aliases
        self.executors: dict[str, Executor] = {}
        self.sources: dict[str, FundingSource] = {}
        self.links: list[tuple[Measure, list[Executor]]] = []  # executors in the order printed

    def executor(self, name: str) -> Executor:
        name = self.aliases.get(name, name)
        if name not in self.executors:
            executor = Executor(name=name, sort_key=sort_key(name))
            self.session.add(executor)
            self.executors[name] = executor
        return self.executors[name]

    def source(self, name: str) -> FundingSource:
        if name not in self.sources:
            source = FundingSource(name=name, short_name=name, position=len(self.sources))
            self.session.add(source)
            self.sources[name] = source
        return self.sources[name]


def load_builtin(session: Session, actor: str) -> Program:
    """Fill a new database: one journal line says so, instead of a line per loaded record."""
    session.info["journal_disabled"] = True
    program = load_builtin_program(session)
    session.info["journal_disabled"] = False
    session.add(JournalEntry(changeset=str(uuid.uuid4()), at=dt.datetime.now().replace(microsecond=0),
                             actor=actor, label="Створено базу даних із вбудованою Програмою №1176",
                             operation="insert", table_name="program", record_id=str(program.id),
                             before=None, after=None))
    session.flush()
    return program


def load_builtin_program(session: Session) -> Program:
    """Insert the Program, its passport, amendments and annexes. Refuses a second copy."""
    if session.scalar(select(Program.id).limit(1)) is not None:
        raise RuntimeError("the database already holds a Program")
    data = read_builtin()
    main = data.main
    directory = _Directory(session, main.get("executor_aliases", {}))
    for position, spec in enumerate(main["funding_sources"]):
        source = directory.source(spec["name"])
        source.short_name, source.position = spec["short_name"], position

    info = main["program"]
    program = Program(
        name=info["name"], decision_title=info["decision_title"], decision_number=info["decision_number"],
        decision_date=dt.date.fromisoformat(info["decision_date"]),
        start_year=info["start_year"], end_year=info["end_year"], status=info["status"],
    )
    session.add(program)
    for position, item in enumerate(main["passport"], start=1):
        session.add(PassportItem(program=program, position=position, kind=item["kind"], caption=item["caption"],
                                 text=item["text"]))
    for source_name, by_year in main["passport_funding"]["by_year"].items():
        for year, amount in by_year.items():
            session.add(PassportFunding(program=program, year=int(year), source=directory.source(source_name),
                                        amount=Decimal(amount)))
    for spec in main["amendments"]:
        session.add(Amendment(program=program, date=dt.date.fromisoformat(spec["date"]), number=spec["number"],
                              description=spec["description"]))
    for annex in data.annexes:
        _load_annex(session, program, annex, directory)
    session.flush()
    # The relationship inserts links without their order: number them as the decision lists them.
    for measure, executors in directory.links:
        for position, executor in enumerate(executors):
            session.execute(update(measure_executor)
                            .where(measure_executor.c.measure_id == measure.id,
                                   measure_executor.c.executor_id == executor.id)
                            .values(position=position))
    return program


def _load_annex(session: Session, program: Program, annex: dict[str, Any], directory: _Directory) -> None:
    years = annex["years"]
    stage = Stage(program=program, annex_number=annex["annex"], start_year=min(years), end_year=max(years),
                  title=annex["title"], caption=annex["caption"])
    session.add(stage)
    for spec in annex["directions"]:
        direction = Direction(stage=stage, number=spec["number"], name=spec["name"])
        session.add(direction)
        _add_funding(session, spec["funding"], directory, direction=direction)
        results = []
        for m in spec["measures"]:
            deadline = parse_deadline(m["deadline"])
            measure = Measure(
                direction=direction, position=m["order"], text=m["text"],
                deadline_phrase=deadline.phrase, deadline_kind=deadline.kind.value,
                deadline_months=",".join(str(x) for x in deadline.months), deadline_date=deadline.due_date,
                deadline_year_from=deadline.year_from, deadline_year_to=deadline.year_to,
                executors_text=m["executors_text"], expected_result=m["expected_result"],
                deadline_origin=m["deadline_origin"], deadline_note=m.get("deadline_note", ""),
                executors_origin=m["executors_origin"], executors_note=m.get("executors_note", ""),
            )
            seen: list[Executor] = []
            for name in m["executors"]:
                executor = directory.executor(name)
                if executor not in seen:
                    seen.append(executor)
            measure.executors = seen
            directory.links.append((measure, seen))
            session.add(measure)
            _add_funding(session, m["funding"], directory, measure=measure)
            if m["expected_result"]:
                results.append(m["expected_result"])
        direction.expected_results = "\n".join(results)


def _add_funding(session: Session, rows: list[dict[str, Any]], directory: _Directory, **owner) -> None:
    for row in rows:
        source = directory.source(row["source"])
        if row.get("phrase"):  # words instead of amounts
            session.add(FundingPhrase(source=source, text=row["phrase"], from_year=row.get("phrase_from_year"),
                                      **owner))
        for year, amount in row["amounts"].items():
            session.add(PlannedFunding(source=source, year=int(year), amount=Decimal(amount), **owner))
