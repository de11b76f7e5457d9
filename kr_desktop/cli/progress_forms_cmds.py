"""Executors' forms on the command line: ``export progress-forms`` and ``import progress``.

    kr-desktop export progress-forms --year 2026 --half 1 --db kr.sqlite3 --out forms/ [--force]
    kr-desktop import progress forms/*.xlsx [--dry-run] [--replace] [--year 2026 --half 1] --db kr.sqlite3

Exit codes of ``import progress``: 0 — every form accepted (saved, or checked with --dry-run; conflicts
kept are listed), 1 — at least one form rejected (nothing of it written), 2 — bad usage.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal

from kr_desktop.cli import options
from kr_desktop.cli.database import open_db_from_args, open_for_reading
from kr_desktop.cli.options import add_db_option
from kr_desktop.cli.program_option import add_program_option, chosen_program_id
from kr_desktop.errors import UserError


def register(commands) -> None:
    export = commands.add_parser("export", help="вивантажити дані у файли для розсилки")
    from kr_desktop.cli import UkrainianArgumentParser

    kinds = export.add_subparsers(dest="export_kind", metavar="ЩО", required=True,
                                  parser_class=UkrainianArgumentParser)
    forms = kinds.add_parser("progress-forms", help="форми звітів виконавців за півріччя: по книзі XLSX на виконавця")
    forms.add_argument("--year", type=options.year, required=True, help="рік")
    forms.add_argument("--half", type=int, choices=(1, 2), required=True, help="1 — I півріччя, 2 — II півріччя")
    add_db_option(forms)
    forms.add_argument("--out", metavar="DIR", type=options.text, required=True,
                       help="тека для форм (створюється, якщо її немає)")
    forms.add_argument("--force", action="store_true", help="замінити форми цього періоду, що вже є в теці")
    add_program_option(forms)
    forms.set_defaults(handler=run_export)


def register_imports(kinds) -> None:
    progress = kinds.add_parser("progress", help="заповнені форми звітів виконавців (кожна — усе або нічого)")
    progress.add_argument("files", metavar="FILE.xlsx", nargs="+", type=options.text, help="повернені форми")
    add_db_option(progress)
    progress.add_argument("--dry-run", action="store_true", help="лише перевірити, нічого не записувати")
    progress.add_argument("--replace", action="store_true",
                          help="замінити збережені звіти, що відрізняються від форми (інакше — конфлікт, "
                               "збережене лишається)")
    progress.add_argument("--year", type=options.year, help="приймати лише форми за цей рік (з --half)")
    progress.add_argument("--half", type=int, choices=(1, 2), help="приймати лише форми за це півріччя (з --year)")
    progress.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace) -> int:
    from kr_desktop.services.progress_forms.export import export_forms

    db = open_for_reading(args)  # the forms only read the database
    try:
        forms = export_forms(db, args.year, args.half, args.out, force=args.force,
                             program_id=chosen_program_id(db, args))
    finally:
        db.dispose()
    for form in forms:
        email = f" — {form.email}" if form.email else ""
        print(f"{form.path.name}: {form.executor}, заходів {form.measures}{email}")
    print(f"Створено форм: {len(forms)} у теці {forms[0].path.parent}")
    return 0


def _value(value) -> str:
    from kr_desktop.text.formatting import format_money

    if value is None or value == "":
        return "—"
    if isinstance(value, Decimal):
        return format_money(value).replace("\u00a0", " ")
    text = " ".join(str(value).split())
    return text if len(text) <= 70 else text[:70] + "…"


def describe(result, dry_run: bool) -> list[str]:
    """A returned form's outcome as the command line (and the window's summary) words it."""
    from kr_desktop.services.progress_forms import importing as im

    name = result.path.name
    who = f"{result.executor}, {result.period.label}" if result.period else ""
    if result.errors:
        lines = [f"«{name}»{': ' + who if who else ''} — НЕ ПРИЙНЯТО, нічого не записано. Помилок: {len(result.errors)}."]
        return lines + [f"  {error}" for error in result.errors]
    verb = "перевірено, нічого не записано" if dry_run else "прийнято"
    counts = (f"нових {result.count(im.NEW)}, без змін {result.count(im.UNCHANGED)}, "
              f"замінено {result.count(im.REPLACED)}, конфліктів {result.count(im.CONFLICT)}, "
              f"не заповнено {result.empty}")
    lines = [f"«{name}»: {who} — {verb}: {counts}."]
    for row in result.rows:
        if row.action not in (im.CONFLICT, im.REPLACED):
            continue
        lines.append(f"  Рядок {row.row} (захід {row.number}): {im.ACTION_LABELS[row.action]}"
                     + (" (лишається збережений; --replace замінить)" if row.action == im.CONFLICT else ""))
        for label, ours in row.form.items():
            theirs = (row.stored or {}).get(label)
            if _value(ours) != _value(theirs):
                lines.append(f"    {label}: у базі — {_value(theirs)}; у формі — {_value(ours)}")
    return lines


def run_import(args: argparse.Namespace) -> int:
    from kr_desktop.domain.periods import Period
    from kr_desktop.services.progress_forms.importing import import_forms

    if (args.year is None) != (args.half is None):
        raise UserError("Період форм: вкажіть і --year, і --half (або жодного).")
    expect = Period(args.year, args.half) if args.year is not None else None
    db = open_db_from_args(args, create=False)
    try:
        results = import_forms(db, args.files, dry_run=args.dry_run, replace=args.replace, expect=expect)
    finally:
        db.dispose()
    for result in results:  # a rejected form's errors on stderr, as every refusal of the command line
        for line in describe(result, args.dry_run):
            print(line, file=sys.stderr if result.errors else sys.stdout)
    rejected = sum(1 for r in results if r.errors)
    print(f"Форм: {len(results)}; прийнято: {len(results) - rejected}; не прийнято: {rejected}.")
    return 1 if rejected else 0
