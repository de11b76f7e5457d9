"""``kr-desktop report program``: the Program as the decision prints it."""

from __future__ import annotations

import argparse

from kr_desktop.cli.common import print_report
from kr_desktop.cli.options import add_db_option, add_out_option

FORMATS = ("pdf",)


def register_reports(reports) -> None:
    parser = reports.add_parser("program", help="Програма №1176: паспорт і додатки (PDF)")
    add_db_option(parser)
    add_out_option(parser, FORMATS)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kr_desktop.reports.program_pdf import render_program_pdf
    from kr_desktop.services.program_view import load_document

    return print_report(args, load_document, FORMATS, render=render_program_pdf)
