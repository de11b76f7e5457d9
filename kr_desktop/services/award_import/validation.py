"""Checking and parsing the sheet's cells: pure (no database, no file), never raises on bad values."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Sequence

from kr_desktop.domain.award_values import parse_act_kind, parse_date, parse_degree, parse_sex, type_key
from kr_desktop.domain.input_checks import name_problem
from kr_desktop.services.award_import.plan import (COLUMNS, HEADER_FIELDS, MAX_TEXT, REQUIRED, BadCell, ImportPlan,
                                                   ImportProblem, ImportRow, TypeInfo, header_key)
from kr_desktop.text.control_chars import has_forbidden
from kr_desktop.services.persons import PersonInput



def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value:%d.%m.%Y}"
    return " ".join(str(value).split())


def _date(value: Any) -> dt.date | None:
    """A date cell: a real date, dd.mm.yyyy text, or a bare Excel serial number."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from openpyxl.utils.datetime import from_excel

        if not 1 <= value < 2_958_466:
            raise ValueError(f"число {value} не є датою")
        value = from_excel(value)
    return parse_date(value)


def _clean_name(value: Any, column: str, problems: list, row: int, required: bool) -> str:
    text = _text(value)
    if required and not text:
        problems.append(ImportProblem(row, column, "не заповнено"))
    problem = name_problem(text)
    if len(text) > 120:
        problems.append(ImportProblem(row, column, "не довше 120 знаків"))
    elif problem:
        problems.append(ImportProblem(row, column, f"«{text[:40]}»: {problem}"))
    return text


def validate_rows(header: Sequence[Any], rows: Iterable[Sequence[Any]], catalog: dict[str, TypeInfo],
                  first_row: int = 2) -> ImportPlan:
    """Check and parse the cells. ``catalog``: award types by ``type_key(name)``; ``first_row``: the
    sheet's number of the first data row (for messages)."""
    plan = ImportPlan()
    problems = plan.problems
    header_row = first_row - 1
    index: dict[str, int] = {}
    for i, title in enumerate(header or ()):
        key = header_key(title)
        if not key:
            continue
        name = HEADER_FIELDS.get(key)
        if name is None:
            plan.warnings.append(ImportProblem(header_row, _text(title)[:60], "невідомий стовпець, його пропущено"))
        elif name in index:
            problems.append(ImportProblem(header_row, COLUMNS[name], "стовпець повторюється"))
        else:
            index[name] = i
    if not header:
        problems.append(ImportProblem(1, "", "не знайдено рядка заголовків зі стовпцем «Прізвище»"))
        return plan
    for name in REQUIRED:
        if name not in index:
            problems.append(ImportProblem(header_row, COLUMNS[name], "немає обов’язкового стовпця"))
    if problems:
        return plan

    refused: set[int] = set()  # the current row's cells refused as they are (read as empty)

    def cell(values: Sequence[Any], name: str) -> Any:
        i = index.get(name)
        return values[i] if i is not None and i < len(values) and i not in refused else None

    count = 0
    for number, values in enumerate(rows, start=first_row):
        values = tuple(values or ())
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        count += 1
        # Cells refused as they are: a formula, an Excel error, a huge text (the reader's BadCell),
        # a control character (also from a decoded _xHHHH_ escape). Read as empty below; the
        # first problem of a column is the one listed.
        row_problems: list[ImportProblem] = []
        refused.clear()
        texts = [v for v in values if isinstance(v, str)]
        if any(isinstance(v, BadCell) for v in values) or (texts and has_forbidden("\n".join(texts))):
            for name, i in index.items():  # (one search per row above: the usual row has nothing to see)
                raw = values[i] if i < len(values) else None
                if isinstance(raw, BadCell):
                    row_problems.append(ImportProblem(number, COLUMNS[name], raw.message))
                    refused.add(i)
                elif isinstance(raw, str) and has_forbidden(raw):
                    row_problems.append(ImportProblem(number, COLUMNS[name], "містить службові (керівні) символи"))
                    refused.add(i)

        def parsed(name: str, parser):
            try:
                return parser(cell(values, name))
            except ValueError as exc:
                row_problems.append(ImportProblem(number, COLUMNS[name], str(exc)))
            except Exception:  # a value of a kind nobody expected: still a message, not a crash
                row_problems.append(ImportProblem(number, COLUMNS[name], "значення не розпізнано"))
            return None

        surname = _clean_name(cell(values, "surname"), COLUMNS["surname"], row_problems, number, True)
        name = _clean_name(cell(values, "name"), COLUMNS["name"], row_problems, number, False)
        patronymic = _clean_name(cell(values, "patronymic"), COLUMNS["patronymic"], row_problems, number, False)
        texts = {}
        for key in ("workplace", "position", "act_number", "certificate_number", "notes"):
            text = _text(cell(values, key))
            if key in ("act_number", "certificate_number"):
                text = text.lstrip("№ ").strip()
            if len(text) > MAX_TEXT[key]:
                row_problems.append(ImportProblem(number, COLUMNS[key], f"не довше {MAX_TEXT[key]} знаків"))
            texts[key] = text
        sex = parsed("sex", lambda v: parse_sex(_text(v)))
        birth_date = parsed("birth_date", _date)
        act_date = parsed("act_date", _date)
        presented_on = parsed("presented_on", _date)
        degree = parsed("degree", parse_degree)
        act_kind = parsed("act_kind", lambda v: parse_act_kind(_text(v)))
        award_text = _text(cell(values, "award"))
        award_type = catalog.get(type_key(award_text)) if award_text else None
        if not award_text:
            row_problems.append(ImportProblem(number, COLUMNS["award"], "не заповнено"))
        elif award_type is None:
            row_problems.append(ImportProblem(number, COLUMNS["award"],
                                              f"відзнаки «{award_text[:80]}» немає в довіднику"))
        else:
            if award_type.degrees and degree is None and not any(p.column == COLUMNS["degree"] for p in row_problems):
                row_problems.append(ImportProblem(number, COLUMNS["degree"],
                                                  f"для відзнаки «{award_type.name}» потрібен ступінь"))
            if degree is not None and not award_type.degrees:
                row_problems.append(ImportProblem(number, COLUMNS["degree"],
                                                  f"відзнака «{award_type.name}» не має ступенів"))
            elif degree is not None and degree > award_type.degrees:
                row_problems.append(ImportProblem(number, COLUMNS["degree"],
                                                  f"відзнака «{award_type.name}» має ступені лише до "
                                                  f"{award_type.degrees}"))
            if texts["certificate_number"] and not award_type.issues_certificate:
                row_problems.append(ImportProblem(number, COLUMNS["certificate_number"],
                                                  f"до відзнаки «{award_type.name}» посвідчення не видається"))
        today = dt.date.today()
        if birth_date and birth_date > today:
            row_problems.append(ImportProblem(number, COLUMNS["birth_date"], "дата народження в майбутньому"))
        if row_problems:
            listed: set[str] = set()
            for problem in row_problems:  # one problem per column: the first (a refused cell's own)
                if problem.column not in listed or not problem.column:
                    problems.append(problem)
                    listed.add(problem.column)
            continue
        person = PersonInput(surname, name, patronymic, sex, birth_date, texts["workplace"], texts["position"])
        plan.rows.append(ImportRow(number, person, award_type, degree, act_kind or award_type.act_kind,
                                   texts["act_number"], act_date, texts["certificate_number"] or None,
                                   presented_on, texts["notes"]))
    if count == 0:
        problems.append(ImportProblem(first_row, "", "на аркуші немає жодного рядка з даними"))
    seen: dict[tuple[int, str], int] = {}
    for r in plan.rows:
        if r.certificate_number:
            key = (r.award_type.id, r.certificate_number)
            if key in seen:
                problems.append(ImportProblem(r.row, COLUMNS["certificate_number"],
                                              f"№{r.certificate_number} уже є в рядку {seen[key]} цього файлу"))
            else:
                seen[key] = r.row
    problems.sort(key=lambda p: p.row)
    return plan
