"""``kr-desktop report half-year | budget | overdue``: the Program cycle's reports (PDF, DOCX, XLSX)."""

from __future__ import annotations

import argparse
import datetime as dt

from kr_desktop.cli.common import REPORT_FORMATS, print_report

FORMATS = REPORT_FORMATS


def _common(parser) -> None:
    parser.add_argument("--db", metavar="PATH", required=True, help="файл бази даних")
    parser.add_argument("--out", metavar="FILE", required=True, help="файл звіту: .pdf, .docx або .xlsx")


def _year(value: str) -> int:
    try:
        year = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{value}» — не рік") from None
    if not 1900 <= year <= 2200:
        raise argparse.ArgumentTypeError(f"«{value}» — не рік")
    return year


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{value}» — не дата у форматі РРРР-ММ-ДД") from None


def register_reports(reports) -> None:
    half = reports.add_parser("half-year", help="інформація про хід виконання Програми за півріччя")
    _common(half)
    half.add_argument("--year", type=_year, required=True, help="рік")
    half.add_argument("--half", type=int, choices=(1, 2), required=True, help="1 — I півріччя, 2 — II півріччя (рік)")
    half.set_defaults(handler=run_half_year)
    budget = reports.add_parser("budget", help="звіт про використання бюджетних коштів за рік")
    _common(budget)
    budget.add_argument("--year", type=_year, required=True, help="рік")
    budget.set_defaults(handler=run_budget)
    overdue = reports.add_parser("overdue", help="контрольний список прострочених завдань і нагадування виконавцям")
    _common(overdue)
    overdue.add_argument("--date", type=_date, required=True, help="станом на дату РРРР-ММ-ДД")
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
