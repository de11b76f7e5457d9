"""``kr-desktop program list | new | show | edit | delete | import``: the city's target programs.

    kr-desktop program list --db PATH
    kr-desktop program new --title TEXT --years 2028-2032 [--successor-of NUMBER|ID] --db PATH
    kr-desktop program show [--program NUMBER|ID] --db PATH
    kr-desktop program edit --program NUMBER|ID [--status active] [--decision-number N --decision-date D] …
    kr-desktop program delete --program NUMBER|ID --db PATH          (a draft only)
    kr-desktop program import DECISION.docx [--dry-run] --db PATH
"""

from __future__ import annotations

import argparse
import sys

from kr_desktop.cli import options
from kr_desktop.cli.database import open_db_from_args, open_for_reading
from kr_desktop.cli.options import add_db_option
from kr_desktop.cli.program_option import add_program_option, chosen_program_id
from kr_desktop.errors import UserError

STATUSES = {"draft": "draft", "проєкт": "draft", "active": "active", "чинна": "active", "closed": "closed",
            "завершена": "closed"}


def register(commands) -> None:
    program = commands.add_parser("program", help="програми: перелік, нова, відомості, імпорт з рішення (DOCX)")
    sub = program.add_subparsers(dest="program_command", metavar="ДІЯ", required=True, parser_class=type(program))

    listing = sub.add_parser("list", help="перелік програм: id, рішення, назва, роки, стан")
    add_db_option(listing)
    listing.set_defaults(handler=run_list)

    new = sub.add_parser("new", help="нова програма (проєкт): порожня або наступниця наявної")
    new.add_argument("--title", required=True, metavar="НАЗВА", type=options.text, help="назва програми")
    new.add_argument("--years", required=True, metavar="РРРР-РРРР", type=options.text, help="роки програми, напр. 2028-2032")
    new.add_argument("--successor-of", metavar="НОМЕР|ID", type=options.text,
                     help="програма, чиї напрями, заходи, виконавців і строки скопіювати (суми — порожні)")
    add_db_option(new)
    new.set_defaults(handler=run_new)

    show = sub.add_parser("show", help="відомості про програму: паспорт, етапи, зміни, суми за роками")
    add_program_option(show)
    add_db_option(show)
    show.set_defaults(handler=run_show)

    edit = sub.add_parser("edit", help="змінити назву, рішення, роки чи стан програми")
    add_program_option(edit, required=True)
    edit.add_argument("--title", metavar="НАЗВА", type=options.text, help="назва програми")
    edit.add_argument("--decision-number", metavar="N", type=options.text, help="номер рішення про затвердження")
    edit.add_argument("--decision-date", metavar="ДАТА", type=options.text, help="дата рішення (дд.мм.рррр або РРРР-ММ-ДД)")
    edit.add_argument("--decision-title", metavar="НАЗВА", type=options.text, help="назва рішення («Про затвердження …»)")
    edit.add_argument("--years", metavar="РРРР-РРРР", type=options.text, help="роки програми")
    edit.add_argument("--status", metavar="СТАН", type=options.text, help="проєкт (draft), чинна (active) або завершена (closed)")
    add_db_option(edit)
    edit.set_defaults(handler=run_edit)

    delete = sub.add_parser("delete", help="вилучити проєкт програми (чинну чи завершену — ні)")
    add_program_option(delete, required=True)
    add_db_option(delete)
    delete.set_defaults(handler=run_delete)

    imported = sub.add_parser("import", help="нова програма з рішення про її затвердження (DOCX)")
    imported.add_argument("file", metavar="РІШЕННЯ.docx", type=options.text, help="рішення з паспортом і додатками (таблицями)")
    imported.add_argument("--dry-run", action="store_true", help="лише показати, що прочитано; нічого не записувати")
    add_db_option(imported)
    imported.set_defaults(handler=run_import)


def run_list(args: argparse.Namespace) -> int:
    from kr_desktop.services.program.choice import list_programs

    db = open_for_reading(args)
    try:
        programs = list_programs(db)
    finally:
        db.dispose()
    for label in programs:
        print(label.line)
    return 0


def run_new(args: argparse.Namespace) -> int:
    from kr_desktop.services.program.choice import find
    from kr_desktop.services.program.programs import create_program, parse_years

    years = parse_years(args.years)  # a typo is refused before the database is opened
    db = open_db_from_args(args, create=False)
    try:
        successor_of = None
        if args.successor_of:
            with db.reading() as session:
                successor_of = find(session, args.successor_of).id
        program_id = create_program(db, args.title, years, successor_of)
        from kr_desktop.services.program.choice import list_programs

        label = next(p for p in list_programs(db) if p.id == program_id)
    finally:
        db.dispose()
    print(f"Створено програму (проєкт): {label.line}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from kr_desktop.services.program.programs import program_summary
    from kr_desktop.text.formatting import format_money

    db = open_for_reading(args)
    try:
        summary = program_summary(db, chosen_program_id(db, args))
    finally:
        db.dispose()
    label = summary.label
    print(f"Програма id {label.id}: {label.name}")
    decision = label.decision + (f" «{summary.decision_title}»" if summary.decision_title else "")
    print(f"Рішення: {decision}")
    print(f"Роки: {label.years}; стан: {label.status_label}")
    if summary.predecessor:
        print(f"Попередниця: id {summary.predecessor.id}, {summary.predecessor.decision}, {summary.predecessor.name}")
    for successor in summary.successors:
        print(f"Наступниця: id {successor.id}, {successor.decision}, {successor.name}")
    print("Паспорт:")
    for number, line in summary.passport:
        print(f"  {number}. {line}")
    print("Етапи:")
    for stage in summary.stages:
        print(f"  Додаток {stage.annex_number}: {stage.start_year}–{stage.end_year}, напрямів {stage.directions}, "
              f"заходів {stage.measures} — {stage.title}")
    if summary.amendments:
        print(f"Зміни ({len(summary.amendments)}): {', '.join(summary.amendments)}")
    else:
        print("Змін немає.")
    print("Фінансування за роками, грн (паспорт / додатки):")
    for year in range(label.start_year, label.end_year + 1):
        passport = summary.passport_by_year.get(year)
        planned = summary.planned_by_year.get(year)
        mark = "" if passport == planned else "  ← не збігається"
        print(f"  {year}: {format_money(passport, empty='—')} / {format_money(planned, empty='—')}{mark}")
    return 0


def run_edit(args: argparse.Namespace) -> int:
    from kr_desktop.services.program.programs import program_for_edit, update_program

    status = None
    if args.status is not None:
        status = STATUSES.get(args.status.strip().lower())
        if status is None:
            raise UserError(f"Стан «{args.status[:30]}» невідомий: проєкт (draft), чинна (active) або завершена "
                            "(closed).")
    db = open_db_from_args(args, create=False)
    try:
        program_id = chosen_program_id(db, args)
        current = program_for_edit(db, program_id)
        update_program(db, program_id, expected_version=current.version, name=args.title,
                       decision_title=args.decision_title, decision_number=args.decision_number,
                       decision_date=args.decision_date, years=args.years, status=status)
        from kr_desktop.services.program.choice import list_programs

        label = next(p for p in list_programs(db) if p.id == program_id)
    finally:
        db.dispose()
    print(f"Збережено: {label.line}")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from kr_desktop.services.program.programs import delete_program

    db = open_db_from_args(args, create=False)
    try:
        program_id = chosen_program_id(db, args)
        delete_program(db, program_id)
    finally:
        db.dispose()
    print(f"Проєкт програми id {program_id} вилучено.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from kr_desktop.services.program.docx_import import import_program, plan_import, read_decision

    reading = read_decision(args.file)  # the file is read (and refused) before the database is opened
    db = open_for_reading(args) if args.dry_run else open_db_from_args(args, create=False)
    try:
        plan = plan_import(db, reading)
        print(plan.preview_text())
        if not plan.ok:
            print("Програму не імпортовано: нічого не записано. Виправте в документі клітинки, названі вище.",
                  file=sys.stderr)
            return 1
        if args.dry_run:
            print("Пробний запуск (--dry-run): нічого не записано.")
            return 0
        program_id = import_program(db, plan)
    finally:
        db.dispose()
    print(f"Імпортовано програму id {program_id} (проєкт): перевірте її та змініть стан на «чинна», "
          "коли її затверджено.")
    return 0
