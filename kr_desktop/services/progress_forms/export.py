"""Forms out: one XLSX per executor with its measures prefilled, written into a folder.

A form already saved for an executor and period carries what is stored (so a form returned
unchanged is «без змін», not a conflict). Every file is written under a temporary name and moved
into place when complete; an existing form is replaced only when asked (``force``), and that is
checked for every file before any is written.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kr_desktop.db.engine import Database
from kr_desktop.db.models import Direction, Executor, Measure
from kr_desktop.domain.periods import Period
from kr_desktop.errors import UserError
from kr_desktop.services.program import choice
from kr_desktop.services.progress import entries_of, measure_rows, sources_of_stage, stage_for_year
from kr_desktop.services.progress_actuals import planned_by_year
from kr_desktop.services.progress_forms import layout as L
from kr_desktop.services.progress_forms import signing


@dataclass(frozen=True)
class FormRow:
    measure_id: int
    number: str
    text: str
    deadline: str
    plans: dict[int, object]  # source id → the planned amount (Decimal) or the direction's words
    status: str = ""
    narrative: str = ""
    amounts: dict[int, Decimal] = field(default_factory=dict)
    reasons: str = ""


@dataclass(frozen=True)
class FormData:
    executor_id: int
    executor: str
    stem: str  # the file's name part naming the executor
    email: str
    period: Period
    program: str  # in the genitive
    sources: tuple[tuple[int, str], ...]
    rows: tuple[FormRow, ...]
    reporter: str = ""


@dataclass(frozen=True)
class ExportedForm:
    executor_id: int
    executor: str
    email: str
    path: Path
    measures: int


def _program_genitive(session, program_id: int | None = None) -> str:
    program = choice.resolve(session, program_id)
    first, _, rest = program.name.partition(" ")
    return f"{first[:-1]}и {rest}" if first in ("Програма", "програма") else program.name


def forms_data(db: Database, year: int, half: int, executor_ids: Sequence[int] | None = None,
               program_id: int | None = None) -> list[FormData]:
    """What each executor's form holds: its measures of the stage covering ``year`` of the program
    (``program_id``; None: the default one)."""
    period = Period(year, half)
    with db.reading() as s:
        stage = stage_for_year(s, year, program_id)
        if stage is None:
            raise UserError(f"{year} рік поза строком Програми: немає етапу, що охоплює цей рік.")
        program = _program_genitive(s, program_id)
        sources = tuple((c.id, c.short_name) for c in sources_of_stage(s, stage))
        by_direction, by_measure = planned_by_year(s, stage)
        entries = entries_of(s, period)
        measures = list(s.scalars(select(Measure).join(Direction).where(Direction.stage_id == stage.id)
                                  .order_by(Direction.number, Measure.position)
                                  .options(selectinload(Measure.executors), selectinload(Measure.direction))))
        executors = {e.id: e for m in measures for e in m.executors}
        wanted = sorted(executors.values(), key=lambda e: e.sort_key)
        if executor_ids is not None:
            unknown = set(executor_ids) - set(executors)
            if unknown:
                names = [e.name for e in s.scalars(select(Executor).where(Executor.id.in_(unknown)))]
                raise UserError("Ці виконавці не мають заходів у цьому періоді: " + ("; ".join(names) or
                                                                                        ", ".join(map(str, unknown))))
            wanted = [e for e in wanted if e.id in set(executor_ids)]
        forms = []
        for executor in wanted:
            rows = []
            for m in measures:
                if executor not in m.executors:
                    continue
                own = next(r for r in measure_rows(m, entries) if r.executor_id == executor.id)
                plan_own = by_measure.get(m.id, {}).get(year, {})
                plan_direction = by_direction.get(m.direction_id, {}).get(year, {})
                plans = {i: L.plan_cell(plan_own.get(i) if plan_own else None, m.direction.number,
                                        None if plan_own else plan_direction.get(i)) for i, _n in sources}
                rows.append(FormRow(m.id, own.number, m.text, m.deadline_phrase, plans, own.status_label,
                                    own.narrative, dict(own.amounts), own.reasons))
            forms.append(FormData(executor.id, executor.name, L.short_name(executor.name, executor.short_name),
                                  executor.email, period, program, sources, tuple(rows)))
        return forms


def form_file_names(forms: Sequence[FormData]) -> dict[int, str]:
    """executor id → its form's file name (two executors whose names give the same name: the
    number in the directory tells them apart)."""
    names = {f.executor_id: L.file_name(f.stem, f.period) for f in forms}
    seen: dict[str, int] = {}
    for form in forms:
        seen[names[form.executor_id].casefold()] = seen.get(names[form.executor_id].casefold(), 0) + 1
    for form in forms:
        if seen[names[form.executor_id].casefold()] > 1:
            names[form.executor_id] = L.file_name(f"{form.stem} ({form.executor_id})", form.period)
    return names


def export_forms(db: Database, year: int, half: int, folder: Path | str, *, force: bool = False,
                 executor_ids: Sequence[int] | None = None, program_id: int | None = None) -> list[ExportedForm]:
    """Write the forms of a period into ``folder`` (created when missing)."""
    from kr_desktop.services.progress_forms.workbook import build_workbook

    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise UserError(f"«{folder}» — це файл, а не тека: вкажіть теку для форм.")
    forms = forms_data(db, year, half, executor_ids, program_id)
    if not forms:
        raise UserError("У цьому періоді немає виконавців із заходами: форм не створено.")
    names = form_file_names(forms)
    targets = {f.executor_id: folder / names[f.executor_id] for f in forms}
    existing = [p for p in targets.values() if p.exists()]
    if existing and not force:
        shown = "; ".join(f"«{p.name}»" for p in existing[:3]) + (f" та ще {len(existing) - 3}" if len(existing) > 3
                                                                   else "")
        raise UserError(f"У теці «{folder}» уже є форми цього періоду ({len(existing)}): {shown}. Нічого не "
                        "записано — оберіть іншу теку або дозвольте замінити наявні файли (--force).")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Теку «{folder}» не вдається створити: {exc.strerror or exc}.") from None
    with db.reading() as s:
        key = signing.database_key(s)
    written = []
    for form in forms:
        path = targets[form.executor_id]
        _save_atomically(build_workbook(form, key), path)
        written.append(ExportedForm(form.executor_id, form.executor, form.email, path, len(form.rows)))
    return written


def _save_atomically(workbook, path: Path) -> None:
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.stem[:40]}.", suffix=".xlsx.part", dir=path.parent)
    except OSError as exc:
        raise UserError(f"Немає дозволу на запис у теку «{path.parent}»: {exc.strerror or exc}.") from None
    os.close(handle)
    temp = Path(name)
    try:
        workbook.save(temp)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as exc:
        raise UserError(f"Форму «{path.name}» не записано: {exc.strerror or exc}.") from None
    finally:
        temp.unlink(missing_ok=True)
