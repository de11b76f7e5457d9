"""Awards register on the command line: ``report awards``, ``report honorary-citizens``,
``report certificates``, ``import awards`` and ``import template``."""

from __future__ import annotations

import argparse
import sys

from kr_desktop.cli import options
from kr_desktop.cli.common import REPORT_FORMATS, open_db_from_args, output_path, print_report, write_atomically
from kr_desktop.cli.options import add_db_option, add_out_option
from kr_desktop.errors import UserError

FORMATS = REPORT_FORMATS
LISTED = 200  # problems printed by «import awards»; the window lists every one


def _common(parser) -> None:
    add_db_option(parser)
    add_out_option(parser, FORMATS)


def register_reports(reports) -> None:
    awards = reports.add_parser("awards", help="список нагороджених, згрупований за відзнаками і ступенями")
    awards.add_argument("--type", metavar="T", type=options.text,
                        help="відзнака (назва або її частина, або номер у довіднику)")
    awards.add_argument("--degree", metavar="D", type=options.degree, help="ступінь: I, II, III або 1, 2, 3")
    awards.add_argument("--from", dest="date_from", metavar="DATE", type=options.date,
                        help="документи-підстави від дати (дд.мм.рррр)")
    awards.add_argument("--to", dest="date_to", metavar="DATE", type=options.date, help="документи-підстави до дати")
    awards.add_argument("--act", metavar="NUMBER", type=options.text, help="номер документа-підстави")
    _common(awards)
    awards.set_defaults(handler=run_awards_report)

    citizens = reports.add_parser("honorary-citizens", help="список почесних громадян міста")
    citizens.add_argument("--living", action="store_true", help="лише живі")
    _common(citizens)
    citizens.set_defaults(handler=run_honorary_report)

    journal = reports.add_parser("certificates", help="журнал видачі посвідчень (з графою для підпису)")
    journal.add_argument("--type", metavar="T", type=options.text, required=True, help="відзнака")
    journal.add_argument("--year", metavar="Y", type=options.year, help="рік видачі")
    _common(journal)
    journal.set_defaults(handler=run_certificates_report)


def register_imports(kinds) -> None:
    awards = kinds.add_parser("awards", help="відзнаки з аркуша .xlsx (усе або нічого)")
    awards.add_argument("file", metavar="FILE.xlsx", type=options.text, help="книга Excel")
    add_db_option(awards)
    awards.add_argument("--dry-run", action="store_true", help="лише перевірити, нічого не записувати")
    awards.set_defaults(handler=run_import)
    template = kinds.add_parser("template", help="порожній шаблон для імпорту відзнак")
    add_out_option(template, ("xlsx",), "файл шаблону (.xlsx)")
    template.set_defaults(handler=run_template)


def resolve_type(db, text: str):
    """An award type by number, by name (case and quotes ignored) or by a unique part of the name."""
    from kr_desktop.domain.award_values import type_key
    from kr_desktop.services.award_types import list_award_types

    types = list_award_types(db)
    if text.strip().isdigit():
        found = [t for t in types if t.id == int(text)]
    else:
        key = type_key(text)
        found = [t for t in types if type_key(t.name) == key] or [t for t in types if key in type_key(t.name)]
    if len(found) != 1:
        names = "; ".join(f"{t.id} — {t.name}" for t in types)
        reason = "не знайдено" if not found else "підходить кілька відзнак"
        raise UserError(f"Відзнаку «{text}» {reason}. Є: {names}.")
    return found[0]


def _report(args, build) -> int:
    return print_report(args, build, FORMATS)


def _check_degree(db, degree: int | None, award_type) -> None:
    """The degree exists for the award (or for some award, without ``--type``)."""
    from kr_desktop.domain.award_values import degree_label
    from kr_desktop.services.award_types import list_award_types

    if degree is None:
        return
    if award_type is not None:
        if not award_type.degrees:
            raise UserError(f"Відзнака «{award_type.name}» не має ступенів: приберіть --degree.")
        if degree > award_type.degrees:
            raise UserError(f"Відзнака «{award_type.name}» має ступені лише до {degree_label(award_type.degrees)}.")
        return
    most = max((t.degrees for t in list_award_types(db)), default=0)
    if degree > most:
        raise UserError(f"Ступеня {degree_label(degree) or degree} немає в жодної відзнаки довідника "
                        f"(найвищий номер ступеня — {degree_label(most) or 'жодного'}).")


def run_awards_report(args: argparse.Namespace) -> int:
    def build(db):
        from kr_desktop.reports.awards_lists import build_awards_list
        from kr_desktop.services.awards import AwardFilter

        award_type = resolve_type(db, args.type) if args.type else None
        _check_degree(db, args.degree, award_type)
        type_id = award_type.id if award_type else None
        flt = AwardFilter(award_type_id=type_id, degree=args.degree, date_from=args.date_from, date_to=args.date_to,
                          act_number=args.act or "", include_revoked=False)
        return build_awards_list(db, flt)
    return _report(args, build)


def run_honorary_report(args: argparse.Namespace) -> int:
    def build(db):
        from kr_desktop.reports.awards_lists import build_honorary_citizens

        return build_honorary_citizens(db, args.living)
    return _report(args, build)


def run_certificates_report(args: argparse.Namespace) -> int:
    def build(db):
        from kr_desktop.reports.awards_lists import build_certificates_journal

        award_type = resolve_type(db, args.type)
        if not award_type.issues_certificate:
            raise UserError(f"До відзнаки «{award_type.name}» посвідчення не видаються.")
        return build_certificates_journal(db, award_type.id, args.year)
    return _report(args, build)


def run_import(args: argparse.Namespace) -> int:
    from kr_desktop.services.award_import import ImportRejected, import_awards

    db = open_db_from_args(args, create=False)
    try:
        try:
            plan = import_awards(db, args.file, dry_run=args.dry_run)
        except ImportRejected as exc:
            print(f"Імпорт скасовано, нічого не записано. Помилок: {len(exc.problems)}.", file=sys.stderr)
            for problem in exc.problems[:LISTED]:
                print(f"  {problem}", file=sys.stderr)
            if len(exc.problems) > LISTED:
                print(f"  … і ще {len(exc.problems) - LISTED} (перевірте файл у вікні програми: «Імпорт з Excel…» "
                      "показує всі)", file=sys.stderr)
            return exc.exit_code
    finally:
        db.dispose()
    for warning in plan.warnings:
        print(f"Попередження. {warning}")
    verb = "Перевірено (нічого не записано)" if args.dry_run else "Імпортовано"
    from kr_desktop.text.wording import AWARDS, count

    print(f"{verb}: {count(len(plan.rows), *AWARDS)}; нових осіб — {plan.persons_new}, "
          f"наявних осіб — {plan.persons_matched}.")
    return 0


def run_template(args: argparse.Namespace) -> int:
    out, _fmt = output_path(args.out, ("xlsx",), force=args.force)
    from kr_desktop.services.award_import import write_template

    write_atomically(out, lambda temp: write_template(temp))
    print(f"Шаблон збережено: {out}")
    return 0
