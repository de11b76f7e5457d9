"""Which program a screen, report or command works on.

The one seam every program-scoped service goes through: ``resolve(session, program_id)`` gives
the program record — the one asked for, or the default: the only program in force (when none is
in force, the only program there is). Several in force and none asked for is an error listing
them, so a command never silently works on the wrong program. ``find`` understands what a user
types after ``--program``: the decision's number («1176», «№1176») or the id («id:2», «2»).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Program
from kr_desktop.errors import UserError

STATUS_LABELS = {"draft": "проєкт", "active": "чинна", "closed": "завершена"}


@dataclass(frozen=True)
class ProgramLabel:
    """A program as lists and choosers name it."""

    id: int
    name: str
    decision_number: str
    decision_date: dt.date | None
    start_year: int
    end_year: int
    status: str

    @property
    def decision(self) -> str:
        """«№1176 від 21.12.2016», or «рішення ще немає» for a draft."""
        if not self.decision_number:
            return "рішення ще немає"
        when = f" від {self.decision_date:%d.%m.%Y}" if self.decision_date else ""
        return f"№{self.decision_number}{when}"

    @property
    def years(self) -> str:
        return f"{self.start_year}–{self.end_year}"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def compact(self) -> str:
        """For the side panel's chooser, which is 18 letters wide: «№1176, 2017–2027»."""
        number = f"№{self.decision_number}" if self.decision_number else f"проєкт id {self.id}"
        return f"{number}, {self.years}"

    @property
    def short(self) -> str:
        """For a chooser: «№1176 (2017–2027) — Програма сприяння …»."""
        number = f"№{self.decision_number}" if self.decision_number else f"проєкт id {self.id}"
        return f"{number} ({self.years}, {self.status_label}) — {self.name}"

    @property
    def line(self) -> str:
        """One line of ``program list``: id, decision, title, years, status."""
        return f"{self.id}\t{self.decision}\t{self.name}\t{self.years}\t{self.status_label}"


class ProgramChoiceError(UserError):
    """No program, or several and none chosen: the message lists them."""

    def __init__(self, message: str, programs: tuple[ProgramLabel, ...] = ()):
        super().__init__(message)
        self.programs = programs


def label_of(program: Program) -> ProgramLabel:
    return ProgramLabel(program.id, program.name, program.decision_number, program.decision_date,
                        program.start_year, program.end_year, program.status)


def _all(session: Session) -> list[Program]:
    return list(session.scalars(select(Program).order_by(Program.start_year, Program.id)))


def _listing(programs) -> str:
    return "\n".join(f"  {label_of(p).line}" for p in programs)


def default_program(session: Session) -> Program:
    programs = _all(session)
    if not programs:
        raise ProgramChoiceError("У базі даних немає жодної програми.")
    active = [p for p in programs if p.status == "active"]
    if len(active) == 1:
        return active[0]
    if not active and len(programs) == 1:
        return programs[0]
    among = active or programs
    what = "кілька чинних програм" if active else "кілька програм, і жодна не чинна"
    raise ProgramChoiceError(f"У базі даних {what}: вкажіть, яку саме (--program НОМЕР_РІШЕННЯ або id:ID).\n"
                             + _listing(among), tuple(label_of(p) for p in among))


def resolve(session: Session, program_id: int | None = None) -> Program:
    """The program to work on: ``program_id``'s, or the default one."""
    if program_id is None:
        return default_program(session)
    program = session.get(Program, program_id)
    if program is None:
        raise ProgramChoiceError(f"Програму id {program_id} не знайдено (можливо, її вилучено).")
    return program


def find(session: Session, text: str) -> Program:
    """The program a user named: «1176» / «№1176» (its decision's number) or «id:2» / «2» (its id)."""
    value = " ".join(str(text or "").split())
    if not value:
        raise ProgramChoiceError("Програма: вкажіть номер рішення або id програми.")
    programs = _all(session)
    lowered = value.lower()
    if lowered.startswith("id:") or lowered.startswith("id "):
        wanted = value[3:].strip()
        by_id = [p for p in programs if str(p.id) == wanted]
        by_number: list[Program] = []
    else:
        number = value.lstrip("№").strip()
        by_number = [p for p in programs if p.decision_number and p.decision_number == number]
        by_id = [p for p in programs if str(p.id) == value] if not value.startswith("№") else []
    found = {p.id: p for p in by_number + by_id}
    if len(found) == 1:
        return next(iter(found.values()))
    if not found:
        raise ProgramChoiceError(f"Програму «{value[:60]}» не знайдено. Є такі програми:\n" + _listing(programs),
                                 tuple(label_of(p) for p in programs))
    raise ProgramChoiceError(f"«{value}» називає кілька програм: вкажіть «№{value}» (номер рішення) або "
                             f"«id:{value}» (ідентифікатор).\n" + _listing(found.values()),
                             tuple(label_of(p) for p in found.values()))


def program_id_for(db: Database, text: str | None) -> int:
    """The id of the program a command names (None: the default program)."""
    with db.reading() as session:
        return (find(session, text) if text else default_program(session)).id


def list_programs(db: Database) -> list[ProgramLabel]:
    with db.reading() as session:
        return [label_of(p) for p in _all(session)]


def controlled_programs(session: Session, program_ids=None) -> list[Program]:
    """The programs deadline control covers: those in force (``program_ids``: those asked for);
    a database whose only program is not marked in force still has it controlled."""
    programs = _all(session)
    if program_ids is not None:
        return [p for p in programs if p.id in set(program_ids)]
    active = [p for p in programs if p.status == "active"]
    return active or (programs if len(programs) == 1 else [])


def stage_for_year(session: Session, year: int, program_id: int | None = None):
    """The stage of the program (``program_id``, None: the default one) whose years hold ``year``."""
    from kr_desktop.db.models import Stage

    program = resolve(session, program_id)
    return session.scalar(select(Stage).where(Stage.program_id == program.id, Stage.start_year <= year,
                                              Stage.end_year >= year).order_by(Stage.annex_number).limit(1))


def default_program_id(db: Database) -> int | None:
    """The program a window starts on when none is remembered: the default, or when that is not
    clear, the first program in force (or the first there is); None in an empty database."""
    with db.reading() as session:
        try:
            return default_program(session).id
        except ProgramChoiceError:
            programs = _all(session)
            active = [p for p in programs if p.status == "active"]
            return (active or programs)[0].id if programs else None
