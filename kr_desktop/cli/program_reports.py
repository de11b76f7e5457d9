"""``kr-desktop report half-year | budget | overdue``: the Program cycle's reports (PDF, DOCX, XLSX)."""

from __future__ import annotations

import argparse

from kr_desktop.cli import options
from kr_desktop.cli.common import REPORT_FORMATS, print_report
from kr_desktop.cli.options import add_db_option, add_out_option

FORMATS = REPORT_FORMATS


def _common(parser) -> None:
    add_db_option(parser)
    add_out_option(parser, FORMATS)


def register_reports(reports) -> None:
    half = reports.add_parser("half-year", help="інформація про хід виконання Програми за півріччя")
    _common(half)
    half.add_argument("--year", type=options.year, required=True, help="рік")
    half.add_argument("--half", type=int, choices=(1, 2), required=True, help="1 — I півріччя, 2 — II півріччя (рік)")
    half.set_defaults(handler=run_half_year)
    budget = reports.add_parser("budget", help="звіт про використання бюджетних коштів за рік")
    _common(budget)
    budget.add_argument("--year", type=options.year, required=True, help="рік")
    budget.set_defaults(handler=run_budget)
    overdue = reports.add_parser("overdue", help="контрольний список прострочених завдань і нагадування виконавцям")
    _common(overdue)
    overdue.add_argument("--date", type=options.date, required=True, help="станом на дату РРРР-ММ-ДД або дд.мм.рррр")
    overdue.set_defaults(handler=run_overdue)


def _run(args: argparse.Namespace, build) -> int:
    return print_report(args, build, FORMATS)


def run_half_year(args: argparse.Namespace) -> int:
    from kr_desktop.reports.halfyear import build_halfyear
    from kr_desktop.services.progress_reports import halfyear_data

    return _run(args, lambda db: build_halfyear(halfyear_data(db, args.year, args.half)))


def run_budget(args: argparse.Namespace) -> int:
    from kr_desktop.reports.budget import build_budget
    from kr_desktop.services.progress_reports import budget_data

    return _run(args, lambda db: build_budget(budget_data(db, args.year)))


def run_overdue(args: argparse.Namespace) -> int:
    from kr_desktop.reports.overdue import build_overdue_with_letters

    return _run(args, lambda db: build_overdue_with_letters(db, args.date))


__all__ = ["register_reports"]
