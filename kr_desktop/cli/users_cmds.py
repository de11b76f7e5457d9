"""``kr-desktop users list|add|set-role|disable|enable|reset-password``: the users screen's work
from the command line, through the same services (kr_desktop.services.users).

On a file the command acts as the operating-system user with the administrator's rights (the
file's permissions are the boundary): this is also the way out of a forgotten administrator's
password. On a server it acts as the person who logs in — what their role allows, the server
checking it; with the owner's credential (``--db postgresql+psycopg://ВЛАСНИК@…``) it resets a
forgotten administrator's password.
"""

from __future__ import annotations

import argparse

from kr_desktop.cli.auth import new_password
from kr_desktop.cli.common import open_db_from_args
from kr_desktop.errors import UserError


def register(commands) -> None:
    from kr_desktop.cli import UkrainianArgumentParser
    from kr_desktop.cli.options import add_db_option

    users = commands.add_parser("users", help="користувачі програми: перелік, додавання, ролі, паролі")
    actions = users.add_subparsers(dest="users_command", metavar="ДІЯ", required=True,
                                   parser_class=UkrainianArgumentParser)
    listing = actions.add_parser("list", help="перелік користувачів і їхніх ролей")
    add_db_option(listing)
    listing.set_defaults(handler=run_list)
    add = actions.add_parser("add", help="додати користувача (пароль запитується або береться з "
                                         "KR_DESKTOP_NEW_PASSWORD)")
    add.add_argument("login", metavar="ЛОГІН")
    add.add_argument("--name", required=True, metavar="ПІБ", help="прізвище, ім’я та по батькові")
    add.add_argument("--role", required=True, metavar="РОЛЬ", help="admin, operator (editor) або viewer")
    add_db_option(add)
    add.set_defaults(handler=run_add)
    role = actions.add_parser("set-role", help="змінити роль користувача")
    role.add_argument("login", metavar="ЛОГІН")
    role.add_argument("role", metavar="РОЛЬ", help="admin, operator (editor) або viewer")
    add_db_option(role)
    role.set_defaults(handler=run_set_role)
    for name, active, text in (("disable", False, "вимкнути користувача (вхід стає неможливим)"),
                               ("enable", True, "знову дозволити користувачеві вхід")):
        action = actions.add_parser(name, help=text)
        action.add_argument("login", metavar="ЛОГІН")
        add_db_option(action)
        action.set_defaults(handler=run_set_active, active=active)
    reset = actions.add_parser("reset-password", help="задати новий пароль (зокрема забутий пароль адміністратора)")
    reset.add_argument("login", metavar="ЛОГІН")
    add_db_option(reset)
    reset.set_defaults(handler=run_reset)


def _with_db(args: argparse.Namespace, work) -> int:
    db = open_db_from_args(args, create=False)
    try:
        work(db)
    finally:
        db.dispose()
    return 0


def run_list(args: argparse.Namespace) -> int:
    from kr_desktop.services import users

    def work(db) -> None:
        rows = users.list_users(db)
        if not rows:
            print("Користувачів ще немає: перший адміністратор створюється під час першого запуску вікна "
                  "(або kr-desktop users add … --role admin).")
            return
        width = max(len(user.login) for user in rows)
        for user in rows:
            state = "активний" if user.active else "вимкнений"
            note = "; пароль не задано" if user.needs_password else ""
            print(f"{user.login:<{width}}  {user.role_label:<13}  {state}{note}  {user.full_name}")

    return _with_db(args, work)


def run_add(args: argparse.Namespace) -> int:
    from kr_desktop.services import users

    role = users.role_from_word(args.role)
    users.validate_user(args.login, args.name, role, "x" * 16)  # form checks before asking a password
    password = new_password(args.login)

    def work(db) -> None:
        user = users.add_user(db, args.login, args.name, role, password)
        print(f"Додано користувача «{user.login}» з роллю «{user.role_label}».")

    return _with_db(args, work)


def run_set_role(args: argparse.Namespace) -> int:
    from kr_desktop.services import users

    role = users.role_from_word(args.role)

    def work(db) -> None:
        user = users.set_role(db, args.login, role)
        print(f"Роль користувача «{user.login}»: {user.role_label}.")

    return _with_db(args, work)


def run_set_active(args: argparse.Namespace) -> int:
    from kr_desktop.services import users

    def work(db) -> None:
        user = users.set_active(db, args.login, args.active)
        print(f"Користувача «{user.login}» {'увімкнено' if user.active else 'вимкнено'}.")

    return _with_db(args, work)


def run_reset(args: argparse.Namespace) -> int:
    from kr_desktop.services import users

    password = new_password(args.login)
    if not password:
        raise UserError("Пароль не може бути порожнім.")

    def work(db) -> None:
        users.reset_password(db, args.login, password)
        counted = "; невдалі спроби входу скинуто" if db.is_sqlite else ""
        print(f"Пароль користувача «{args.login}» змінено{counted}.")

    return _with_db(args, work)
