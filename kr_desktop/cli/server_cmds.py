"""``kr-desktop server init``: set up (or upgrade) the database on a PostgreSQL server, once,
with the owner's credential in the URL; then the first administrator."""

from __future__ import annotations

import argparse
import os
import sys

from kr_desktop.cli.auth import FULL_NAME_VAR, PASSWORD_VAR, USER_VAR, ask, owner_credentials
from kr_desktop.cli.options import add_db_option
from kr_desktop.errors import UserError


def register(commands) -> None:
    from kr_desktop.cli import UkrainianArgumentParser

    server = commands.add_parser("server", help="спільний сервер PostgreSQL: підготовка бази")
    actions = server.add_subparsers(dest="server_command", metavar="ДІЯ", required=True,
                                    parser_class=UkrainianArgumentParser)
    init = actions.add_parser("init", help="підготувати базу на сервері: схема, групові ролі, права, "
                                           "перший адміністратор (з обліковими даними власника бази)")
    add_db_option(init, "postgresql+psycopg://ВЛАСНИК[:ПАРОЛЬ]@сервер/база[?sslmode=verify-full]")
    init.add_argument("--roles-prefix", metavar="PREFIX", default=None,
                      help="префікс групових ролей (типово kr: kr_viewer, kr_editor, kr_admin); інший — "
                           "для другої бази kr_desktop на тому самому сервері")
    init.set_defaults(handler=run_init)


def run_init(args: argparse.Namespace) -> int:
    from kr_desktop.db.server import is_server_target
    from kr_desktop.services import server_setup

    from kr_desktop.cli.database import database_target

    args.db = database_target(args)  # --db before or after; an unsupported address refused
    if not is_server_target(args.db):
        raise UserError("server init готує базу на сервері PostgreSQL: вкажіть адресу postgresql+psycopg://…; "
                        "файл бази створює kr-desktop init --db ФАЙЛ.")
    prefix = server_setup.check_prefix(args.roles_prefix) if args.roles_prefix else None
    login, password = owner_credentials(args.db)
    report = server_setup.prepare(args.db, login, password, prefix)
    try:
        print(f"Базу даних на сервері готово: {report.database.display_location}")
        print(f"Групові ролі: {report.prefix}_viewer (перегляд), {report.prefix}_editor (оператор), "
              f"{report.prefix}_admin (адміністратор).")
        _print_legacy(report)
        if report.admins:
            print(f"Адміністратори: {', '.join(report.admins)}. Нового адміністратора не створено.")
        else:
            admin_login, full_name, admin_password = _first_admin()
            server_setup.add_first_admin(report, admin_login, full_name, admin_password)
            print(f"Створено адміністратора «{admin_login}».")
        print("Робочі місця відкривають програму без пароля в адресі, напр.: "
              f"kr-desktop --db '{_workstation_url(args.db)}'")
    finally:
        report.database.dispose()
    return 0


def _print_legacy(report) -> None:
    if report.waiting:
        print("Користувачів попередньої версії перенесено в ролі сервера; їхні паролі перенести неможливо "
              "(сервер зберігає паролі інакше). Задайте кожному новий пароль: "
              "kr-desktop users reset-password ЛОГІН --db АДРЕСА")
        for user in report.waiting:
            print(f"  {user.login} — {user.full_name}")
    for user in report.not_converted:
        print(f"Користувача «{user.login}» ({user.full_name}) не перенесено: на сервері вже є роль з таким іменем. "
              "Додайте його під іншим логіном: kr-desktop users add.", file=sys.stderr)


def _first_admin() -> tuple[str, str, str]:
    """The first administrator: asked at a terminal, else KR_DESKTOP_USER / KR_DESKTOP_PASSWORD
    (and KR_DESKTOP_FULL_NAME, else the login stands for the name)."""
    import getpass

    environ = os.environ
    if sys.stdin and sys.stdin.isatty() and not environ.get(USER_VAR):
        login = ask("Перший адміністратор — ім’я користувача (логін): ")
        full_name = ask("Прізвище, ім’я та по батькові: ") or login
        password = getpass.getpass("Пароль: ")
        if getpass.getpass("Ще раз: ") != password:
            raise UserError("Паролі не збігаються.")
        return login, full_name, password
    login, password = environ.get(USER_VAR), environ.get(PASSWORD_VAR)
    if not login or password is None:
        raise UserError(f"Перший адміністратор: запустіть команду в терміналі або задайте змінні середовища "
                        f"{USER_VAR} і {PASSWORD_VAR} (і за бажання {FULL_NAME_VAR}).")
    return login, environ.get(FULL_NAME_VAR) or login, password


def _workstation_url(url: str) -> str:
    from urllib.parse import unquote

    from sqlalchemy.engine import URL, make_url

    given = make_url(url)
    return unquote(URL.create(given.drivername, host=given.host, port=given.port, database=given.database,
                              query=given.query).render_as_string(hide_password=False))
