"""Round trips per screen (issue 15): opening each main screen, and the register's first page of a
search, on a SQLite file and on PostgreSQL behind bench/latency_proxy.py (a server 5 ms away:
2.5 ms each way). Prints a table: round trips and time per screen on each.

    bash bench/roundtrips.sh [--persons N] [--one-way-ms MS] [--runs N]
    .venv/bin/python bench/roundtrips.py --pg-url postgresql+psycopg://OWNER:PASSWORD@host:port/postgres

The owner URL's user must be able to create databases and roles (as the test server's owner): a
scratch database ``kr_bench_rt`` and roles with a run-unique prefix are made and dropped again.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from latency_proxy import LatencyProxy  # noqa: E402

PASSWORD = "Пароль-бенчмарку-2026"
SEARCH = "енк"
SCRATCH = "kr_bench_rt"
BOUND = 10


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def demo(target: str, persons: int) -> None:
    subprocess.run([sys.executable, "-m", "kr_desktop", "demo", "--db", target, "--persons", str(persons), "--seed", "1"],
                   check=True, cwd=ROOT, stdout=sys.stderr, env=dict(os.environ, PYTHONPATH=str(ROOT)))


def sqlite_file(persons: int) -> Path:
    path = HERE / ".data" / f"roundtrips-{persons}.sqlite3"
    path.parent.mkdir(exist_ok=True)
    if not path.exists():
        log(f"… demo database {path}")
        demo(str(path), persons)
    return path


class Scratch:
    """A scratch database on the server with the demo data and one administrator."""

    def __init__(self, owner_url: str, persons: int):
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        from kr_desktop.services import server_setup, users

        self.admin = create_engine(owner_url, isolation_level="AUTOCOMMIT")
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{SCRATCH}"'))
            connection.execute(text(f'CREATE DATABASE "{SCRATCH}"'))
        self.url = make_url(owner_url).set(database=SCRATCH)
        owner = self.url.render_as_string(hide_password=False)
        log(f"… demo data on the server ({persons} persons)")
        demo(owner, persons)
        self.prefix = f"krb{secrets.token_hex(3)}"
        report = server_setup.prepare(owner, None, None, self.prefix)
        self.login = f"{self.prefix}_admin1"
        users.add_user(report.database, self.login, "БЕНЧМАРК Адміністратор", "admin", PASSWORD)
        report.database.dispose()

    def close(self) -> None:
        from sqlalchemy import text

        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{SCRATCH}"'))
            members = connection.execute(text(
                "SELECT u.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname LIKE :p"), {"p": f"{self.prefix}\\_%"}).scalars()
            for role in [*set(members), *(f"{self.prefix}_{s}" for s in ("viewer", "editor", "admin"))]:
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        self.admin.dispose()


def measure(db, counter, runs: int) -> dict[str, tuple[int, float]]:
    """{what: (round trips, median seconds)} for every screen of an administrator and the search."""
    from PySide6.QtWidgets import QApplication

    from kr_desktop.ui.app import create_application
    from kr_desktop.ui.context import AppContext
    from kr_desktop.ui.screens import SCREENS

    app = create_application()
    results: dict[str, tuple[int, float]] = {}

    def settle() -> None:  # deferred work (a count after the first page, a singleShot(0)) included
        for _ in range(5):
            app.processEvents()
            time.sleep(0.01)

    for spec in SCREENS:
        trips, times = [], []
        for _ in range(runs):
            context = AppContext(db)
            counter.reset()
            started = time.perf_counter()
            screen = spec.load()(context)
            screen.resize(1280, 800)
            screen.show()
            app.processEvents()
            times.append(time.perf_counter() - started)
            settle()
            trips.append(counter.round_trips)
            screen.close()
            screen.deleteLater()
            app.processEvents()
        results[spec.title] = (max(trips), statistics.median(times))
    from kr_desktop.ui.awards_screen import AwardsScreen

    trips, times = [], []
    for _ in range(runs):
        screen = AwardsScreen(AppContext(db))
        screen.show()
        settle()
        counter.reset()
        started = time.perf_counter()
        screen.search.setText(SEARCH)
        screen.refresh()  # what the typing pause's timer calls
        screen.awards_view.viewport().repaint()
        times.append(time.perf_counter() - started)
        settle()
        trips.append(counter.round_trips)
        assert screen.awards_model.rowCount() > 0
        screen.close()
        screen.deleteLater()
        QApplication.processEvents()
    results[f"Реєстр відзнак: пошук «{SEARCH}», перша сторінка"] = (max(trips), statistics.median(times))
    return results


class _NoCounter:
    round_trips = 0

    def reset(self) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description="round trips per screen (issue 15)")
    parser.add_argument("--pg-url", default=os.environ.get("KR_DESKTOP_TEST_PG_URL"),
                        help="the owner's URL of a PostgreSQL server (CREATEDB, CREATEROLE)")
    parser.add_argument("--persons", type=int, default=2000)
    parser.add_argument("--one-way-ms", type=float, default=2.5)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not args.pg_url:
        raise SystemExit("потрібна адреса сервера PostgreSQL: --pg-url або KR_DESKTOP_TEST_PG_URL")
    from sqlalchemy.engine import make_url

    from kr_desktop.db.open import open_database

    path = sqlite_file(args.persons)
    local = open_database(path, create=False)
    log("… SQLite")
    on_file = measure(local, _NoCounter(), args.runs)
    local.dispose()
    scratch = Scratch(args.pg_url, args.persons)
    try:
        target = make_url(args.pg_url)
        with LatencyProxy(target.host or "127.0.0.1", target.port or 5432, args.one_way_ms) as proxy:
            url = scratch.url.set(username=None, password=None, host="127.0.0.1", port=proxy.port)
            url = url.render_as_string(hide_password=False)
            proxy.reset()
            started = time.perf_counter()
            db = open_database(url, login=scratch.login, password=PASSWORD)
            login = (proxy.round_trips, time.perf_counter() - started)
            log("… PostgreSQL behind the proxy")
            on_server = measure(db, proxy, args.runs)
            db.dispose()
        report(args, on_file, on_server, login)
    finally:
        scratch.close()
    return 0 if all(trips <= BOUND for trips, _ in on_server.values()) else 1


def report(args, on_file, on_server, login) -> None:
    rtt = 2 * args.one_way_ms
    print(f"Round trips per screen: SQLite file vs PostgreSQL {rtt:g} ms away (a proxy adding {args.one_way_ms:g} ms "
          f"each way), {args.persons:,} demo persons, medians of {args.runs} runs\n")
    rows = [("screen", "SQLite time", "PostgreSQL round trips", "PostgreSQL time", f"≤ {BOUND} round trips?")]
    rows.append(("login (connection, identity)", "—", str(login[0]), f"{login[1] * 1000:.0f} ms", "(once)"))
    for what, (trips, seconds) in on_server.items():
        rows.append((what, f"{on_file[what][1] * 1000:.0f} ms", str(trips), f"{seconds * 1000:.0f} ms",
                     "yes" if trips <= BOUND else "NO"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for i, row in enumerate(rows):
        print("| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    sys.stdout.flush()


if __name__ == "__main__":
    raise SystemExit(main())
