"""``kr-desktop report program``: the Program as the decision prints it."""

from __future__ import annotations

import argparse

from kr_desktop.cli.common import print_report

FORMATS = ("pdf",)


def register_reports(reports) -> None:
    parser = reports.add_parser("program", help="Програма №1176: паспорт і додатки (PDF)")
    parser.add_argument("--db", metavar="PATH", required=True, help="файл бази даних")
    parser.add_argument("--out", metavar="FILE", required=True, help="файл звіту (.pdf)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kr_desktop.reports.program_pdf import render_program_pdf
    from kr_desktop.services.program_view import load_document

    return print_report(args, load_document, FORMATS, render=render_program_pdf)
