"""``kr-desktop report program``: the Program as the decision prints it."""

from __future__ import annotations

import argparse

from kr_desktop.cli.common import open_db_from_args, output_path, write_atomically

FORMATS = ("pdf",)


def register_reports(reports) -> None:
    parser = reports.add_parser("program", help="Програма №1176: паспорт і додатки (PDF)")
    parser.add_argument("--db", metavar="PATH", required=True, help="файл бази даних")
    parser.add_argument("--out", metavar="FILE", required=True, help="файл звіту (.pdf)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    out, _fmt = output_path(args.out, FORMATS)
    db = open_db_from_args(args, create=False)
    try:
        from kr_desktop.reports.program_pdf import render_program_pdf
        from kr_desktop.services.program_view import load_document

        document = load_document(db)
        write_atomically(out, lambda temp: render_program_pdf(document, temp))
    finally:
        db.dispose()
    print(f"Звіт збережено: {out}")
    return 0
