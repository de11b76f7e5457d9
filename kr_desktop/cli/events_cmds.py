"""Events, stock and draft decisions on the command line: ``report events``, ``report event``,
``report stock``, ``report decision`` and ``events generate``."""

from __future__ import annotations

import argparse

from kr_desktop.cli import options
from kr_desktop.cli.common import REPORT_FORMATS, open_db_from_args, print_report
from kr_desktop.cli.options import add_db_option, add_out_option
from kr_desktop.errors import UserError

FORMATS = REPORT_FORMATS


def _common(parser, formats=FORMATS) -> None:
    add_db_option(parser)
    add_out_option(parser, formats)


def register_reports(reports) -> None:
    events = reports.add_parser("events", help="перелік заходів за період")
    events.add_argument("--from", dest="date_from", metavar="DATE", type=options.date, required=True,
                        help="від дати (РРРР-ММ-ДД або дд.мм.рррр)")
    events.add_argument("--to", dest="date_to", metavar="DATE", type=options.date, required=True,
                        help="до дати включно")
    _common(events)
    events.set_defaults(handler=run_events_report)

    event = reports.add_parser("event", help="захід: програма, список запрошених, порядок вручення відзнак")
    event.add_argument("--id", dest="event_id", metavar="N", type=options.record_id, required=True,
                       help="номер заходу")
    _common(event)
    event.set_defaults(handler=run_event_report)

    stock = reports.add_parser("stock", help="облік матеріалів для відзнак: рух і залишки")
    stock.add_argument("--from", dest="date_from", metavar="DATE", type=options.date, help="рух від дати")
    stock.add_argument("--to", dest="date_to", metavar="DATE", type=options.date, help="рух і залишок до дати")
    _common(stock)
    stock.set_defaults(handler=run_stock_report)

    decision = reports.add_parser("decision", help="проєкт рішення (розпорядження) про нагородження")
    decision.add_argument("--act", metavar="NUMBER", type=options.text, required=True,
                          help="номер документа-підстави")
    decision.add_argument("--date", dest="act_date", metavar="DATE", type=options.date,
                          help="дата документа (коли номер мають кілька документів)")
    _common(decision, ("docx", "pdf"))
    decision.set_defaults(handler=run_decision_report)


def register(commands) -> None:
    from kr_desktop.cli import UkrainianArgumentParser

    parser = commands.add_parser("events", help="заходи: створити заходи року зі щорічних дат")
    actions = parser.add_subparsers(dest="events_action", metavar="ДІЯ", required=True,
                                    parser_class=UkrainianArgumentParser)
    generate = actions.add_parser("generate", help="створити заходи року зі щорічних дат (повторно не дублює)")
    generate.add_argument("--year", type=options.year, required=True, help="рік")
    add_db_option(generate)
    generate.set_defaults(handler=run_generate)


def _report(args, build, formats=FORMATS) -> int:
    return print_report(args, build, formats)


def run_events_report(args: argparse.Namespace) -> int:
    if args.date_to < args.date_from:
        raise UserError("Дата «до» раніша за дату «від».")

    def build(db):
        from kr_desktop.reports.events_lists import build_events_list

        return build_events_list(db, args.date_from, args.date_to)
    return _report(args, build)


def run_event_report(args: argparse.Namespace) -> int:
    def build(db):
        from kr_desktop.reports.events_lists import build_event

        return build_event(db, args.event_id)
    return _report(args, build)


def run_stock_report(args: argparse.Namespace) -> int:
    def build(db):
        from kr_desktop.reports.stock_report import build_stock_report

        return build_stock_report(db, args.date_from, args.date_to)
    return _report(args, build)


def run_decision_report(args: argparse.Namespace) -> int:
    def build(db):
        from kr_desktop.reports.decision_draft import build_decision

        return build_decision(db, args.act, args.act_date)
    return _report(args, build, ("docx", "pdf"))


def run_generate(args: argparse.Namespace) -> int:
    from kr_desktop.services.events import generate_year

    db = open_db_from_args(args, create=False)
    try:
        created = generate_year(db, args.year)
    finally:
        db.dispose()
    print(f"Створено заходів на {args.year} рік: {created}.")
    return 0
