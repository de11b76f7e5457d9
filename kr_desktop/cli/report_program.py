"""``kr-desktop report program``: a program as its decision prints it (PDF), or as a DOCX laid out
like the decision (passport and annex tables with merged cells) that ``program import`` reads back."""

from __future__ import annotations

import argparse

from kr_desktop.cli.common import print_report
from kr_desktop.cli.options import add_db_option, add_out_option
from kr_desktop.cli.program_option import add_program_option, chosen_program_id

FORMATS = ("pdf", "docx")


def register_reports(reports) -> None:
    parser = reports.add_parser("program", help="програма: паспорт і додатки (PDF або DOCX)")
    add_db_option(parser)
    add_out_option(parser, FORMATS)
    add_program_option(parser)
    parser.set_defaults(handler=run)


def render_program(document, path) -> None:
    from pathlib import Path

    path = Path(path)
    fmt = path.suffix.lower() if path.suffix.lower() != ".part" else Path(path.stem).suffix.lower()
    if fmt == ".docx":
        from kr_desktop.reports.program_docx import render_program_docx

        render_program_docx(document, path)
    else:
        from kr_desktop.reports.program_pdf import render_program_pdf

        render_program_pdf(document, path)


def run(args: argparse.Namespace) -> int:
    from kr_desktop.services.program_view import load_document

    return print_report(args, lambda db: load_document(db, chosen_program_id(db, args)), FORMATS,
                        render=render_program)
