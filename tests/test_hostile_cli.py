"""Issue 14, the hostile-invocation matrix: every subcommand, tried as an adversary or an unlucky
user would. For each invocation: a non-zero exit code, a Ukrainian message and no «Traceback» on
stderr, the bytes of every database and backup in the folder unchanged, and no file left behind.

Invocations run in-process (``main(argv)``, a few milliseconds each); those where a real process
matters (a FIFO that would make it wait for ever, a usage error printed by argparse) also run as
``python -m kr_desktop``. A FIFO read in-process is unblocked by a watchdog, so a regression fails
the test instead of hanging it."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import hostile_books as hb
from kr_desktop.cli import main
from kr_desktop.db.backup import create_backup

CYRILLIC = re.compile("[А-Яа-яІіЇїЄєҐґ]{3}")

# report name → the options it needs besides --db/--out
REPORTS = {
    "program": [], "half-year": ["--year", "2025", "--half", "1"], "budget": ["--year", "2025"],
    "overdue": ["--date", "2025-07-11"], "awards": [], "honorary-citizens": [],
    "certificates": ["--type", "заслуги"], "events": ["--from", "2025-01-01", "--to", "2025-12-31"],
    "event": ["--id", "1"], "stock": [], "decision": ["--act", "408"],
}
# what every report is tried with: (case, --db, --out and more, expected words in the message)
REPORT_ATTACKS = [
    ("out-exists", "db.sqlite3", ["--out", "report.pdf"], "уже існує"),
    ("out-is-the-database", "dbx.pdf", ["--out", "dbx.pdf", "--force"], "база даних або резервна копія"),
    ("out-is-a-backup", "db.sqlite3", ["--out", "copy.pdf", "--force"], "база даних або резервна копія"),
    ("out-is-a-fifo", "db.sqlite3", ["--out", "pipe.pdf", "--force"], "не звичайний файл"),
    ("out-is-a-folder", "db.sqlite3", ["--out", "folder.pdf", "--force"], "тека"),
    ("out-in-no-folder", "db.sqlite3", ["--out", "nowhere/r.pdf"], "не існує"),
    ("db-is-a-fifo", "fifo", ["--out", "new.pdf"], "не звичайний файл"),
    ("db-is-a-folder", "folder", ["--out", "new.pdf"], "тека"),
    ("db-is-foreign", "foreign.sqlite3", ["--out", "new.pdf"], "іншої програми"),
    ("db-is-text", "text.txt", ["--out", "new.pdf"], "не є базою даних"),
    ("db-missing", "missing.sqlite3", ["--out", "new.pdf"], "не знайдено"),
    ("db-older-schema", "old.sqlite3", ["--out", "new.pdf"], "спершу оновіть базу"),
    ("db-newer", "newer.sqlite3", ["--out", "new.pdf"], "новішою версією"),
    ("db-mysql", "mysql://user@host/kr", ["--out", "new.pdf"], "Непідтримувана адреса"),
    ("db-unknown-user", "~nobody-kr-such/x.sqlite3", ["--out", "new.pdf"], "користувача"),
]
OPTION_ATTACKS = [  # (id, argv after «report», expected)
    ("half-year-year-10000", ["half-year", "--year", "10000", "--half", "1"], "рік"),
    ("half-year-year-text", ["half-year", "--year", "рік", "--half", "1"], "не рік"),
    ("half-year-half-3", ["half-year", "--year", "2025", "--half", "3"], "неприпустиме значення"),
    ("budget-year-0", ["budget", "--year", "0"], "рік"),
    ("overdue-date-9999", ["overdue", "--date", "9999-12-31"], "поза межами"),
    ("overdue-date-30-feb", ["overdue", "--date", "2025-02-30"], "не"),
    ("awards-degree-4", ["awards", "--degree", "4"], "ступен"),
    ("awards-degree-4-badge", ["awards", "--degree", "IV", "--type", "заслуги"], "ступені лише до"),
    ("awards-degree-9", ["awards", "--degree", "9"], "не розпізнано"),
    ("awards-from-31-feb", ["awards", "--from", "31.02.2020"], "Дата"),
    ("awards-type-unknown", ["awards", "--type", "Орден Слона"], "не знайдено"),
    ("awards-type-nul", ["awards", "--type", "за\x00слуги"], "службові"),
    ("certificates-year-10000", ["certificates", "--type", "заслуги", "--year", "10000"], "рік"),
    ("certificates-no-certificates", ["certificates", "--type", "Подяка"], "не видаються"),
    ("events-backwards", ["events", "--from", "2025-12-31", "--to", "2025-01-01"], "раніша"),
    ("events-year-0", ["events", "--from", "0000-01-01", "--to", "2025-01-01"], "Дата"),
    ("event-id-huge", ["event", "--id", str(10 ** 23)], "номер"),
    ("event-id-zero", ["event", "--id", "0"], "номер"),
    ("event-id-missing", ["event", "--id", "999999"], "не знайдено"),
    ("stock-to-9999", ["stock", "--to", "9999-12-31"], "поза межами"),
    ("decision-act-missing", ["decision", "--act", "777"], "не знайдено"),
    ("decision-date-9999", ["decision", "--act", "408", "--date", "9999-12-31"], "поза межами"),
    ("decision-xlsx", ["decision", "--act", "408"], "розширення"),  # --out new.xlsx below
]
OTHER = [  # (id, argv, expected); {w} is the folder of the test's files
    ("init-fifo", ["init", "--db", "fifo"], "не звичайний файл"),
    ("init-folder", ["init", "--db", "folder"], "тека"),
    ("init-foreign", ["init", "--db", "foreign.sqlite3"], "іншої програми"),
    ("init-text", ["init", "--db", "text.txt"], "не є базою даних"),
    ("init-newer", ["init", "--db", "newer.sqlite3"], "новішою версією"),
    ("init-no-folder", ["init", "--db", "nowhere/kr.sqlite3"], "не існує"),
    ("init-mysql", ["init", "--db", "mysql://u@h/kr"], "Непідтримувана адреса"),
    ("init-foo-scheme", ["init", "--db", "foo://x"], "Непідтримувана адреса"),
    ("init-unknown-user", ["init", "--db", "~nobody-kr-such/kr.sqlite3"], "користувача"),
    ("import-missing", ["import", "awards", "missing.xlsx", "--db", "db.sqlite3"], "не знайдено"),
    ("import-fifo", ["import", "awards", "pipe.xlsx", "--db", "db.sqlite3"], "не звичайний файл"),
    ("import-folder", ["import", "awards", "folder", "--db", "db.sqlite3"], "тека"),
    ("import-empty", ["import", "awards", "empty.xlsx", "--db", "db.sqlite3"], "порожній"),
    ("import-text", ["import", "awards", "text.txt", "--db", "db.sqlite3"], "не є книгою Excel"),
    ("import-truncated-zip", ["import", "awards", "truncated.xlsx", "--db", "db.sqlite3"], "пошкоджено"),
    ("import-old-xls", ["import", "awards", "old.xls", "--db", "db.sqlite3"], "97–2003"),
    ("import-encrypted", ["import", "awards", "encrypted.xlsx", "--db", "db.sqlite3"], "паролем"),
    ("import-bomb", ["import", "awards", "bomb.xlsx", "--db", "db.sqlite3"], "розпаковується"),
    ("import-strings-bomb", ["import", "awards", "strings.xlsx", "--db", "db.sqlite3"], "рядків тексту"),
    ("import-broken-xml", ["import", "awards", "broken.xlsx", "--db", "db.sqlite3"], "пошкоджено"),
    ("import-only-hidden", ["import", "awards", "hidden.xlsx", "--db", "db.sqlite3"], "видимого аркуша"),
    ("import-formula", ["import", "awards", "formula.xlsx", "--db", "db.sqlite3"], "формула: введіть значення"),
    ("import-error-cell", ["import", "awards", "errorcell.xlsx", "--db", "db.sqlite3"], "помилка Excel"),
    ("import-escape", ["import", "awards", "escape.xlsx", "--db", "db.sqlite3"], "службові"),
    ("import-spreadsheet-name", ["import", "awards", "eqname.xlsx", "--db", "db.sqlite3"], "службові"),
    ("import-into-foreign", ["import", "awards", "book.xlsx", "--db", "foreign.sqlite3"], "іншої програми"),
    ("import-into-fifo", ["import", "awards", "book.xlsx", "--db", "fifo"], "не звичайний файл"),
    ("import-into-missing", ["import", "awards", "book.xlsx", "--db", "missing.sqlite3"], "не знайдено"),
    ("template-exists", ["import", "template", "--out", "filled.xlsx"], "уже існує"),
    ("template-over-db", ["import", "template", "--out", "dbx.xlsx", "--force"], "база даних"),
    ("template-folder", ["import", "template", "--out", "folder.xlsx", "--force"], "тека"),
    ("template-fifo", ["import", "template", "--out", "pipe.xlsx", "--force"], "не звичайний файл"),
    ("template-wrong-ext", ["import", "template", "--out", "t.pdf"], "розширення"),
    ("template-no-folder", ["import", "template", "--out", "nowhere/t.xlsx"], "не існує"),
    ("backup-over-backup", ["backup", "--db", "db.sqlite3", "--out", "copy.sqlite3", "--force"], "база даних"),
    ("backup-over-other-db", ["backup", "--db", "db.sqlite3", "--out", "other.sqlite3", "--force"], "база даних"),
    ("backup-over-itself", ["backup", "--db", "db.sqlite3", "--out", "db.sqlite3", "--force"], "самої бази"),
    ("backup-out-exists", ["backup", "--db", "db.sqlite3", "--out", "report.pdf"], "уже існує"),
    ("backup-out-folder", ["backup", "--db", "db.sqlite3", "--out", "folder"], "тека"),
    ("backup-out-fifo", ["backup", "--db", "db.sqlite3", "--out", "pipe.pdf", "--force"], "не звичайний файл"),
    ("backup-out-no-folder", ["backup", "--db", "db.sqlite3", "--out", "nowhere/b.sqlite3"], "не існує"),
    ("backup-db-fifo", ["backup", "--db", "fifo"], "не звичайний файл"),
    ("backup-db-missing", ["backup", "--db", "missing.sqlite3"], "не знайдено"),
    ("backup-db-text", ["backup", "--db", "text.txt", "--out", "b.sqlite3"], "не є базою даних"),
    ("backup-db-server", ["backup", "--db", "postgresql://u:p@127.0.0.1:1/kr"], "pg_dump"),
    ("restore-missing", ["restore", "missing.sqlite3", "--db", "db.sqlite3"], "не знайдено"),
    ("restore-fifo", ["restore", "fifo", "--db", "db.sqlite3"], "не файл"),
    ("restore-folder", ["restore", "folder", "--db", "db.sqlite3"], "не файл"),
    ("restore-text", ["restore", "text.txt", "--db", "db.sqlite3"], "не є резервною копією"),
    ("restore-foreign", ["restore", "foreign.sqlite3", "--db", "db.sqlite3"], "не резервна копія"),
    ("restore-newer", ["restore", "newer.sqlite3", "--db", "db.sqlite3"], "новішою версією"),
    ("restore-into-folder", ["restore", "copy.sqlite3", "--db", "folder"], "тека"),
    ("restore-into-fifo", ["restore", "copy.sqlite3", "--db", "fifo"], "не файл бази даних"),
    ("restore-from-itself", ["restore", "db.sqlite3", "--db", "db.sqlite3"], "з неї самої"),
    ("demo-negative", ["demo", "--db", "db.sqlite3", "--persons", "-1"], "від 0"),
    ("demo-too-many", ["demo", "--db", "db.sqlite3", "--persons", "10000000"], "від 0"),
    ("demo-text", ["demo", "--db", "db.sqlite3", "--persons", "багато"], "не ціле"),
    ("demo-fifo", ["demo", "--db", "fifo", "--persons", "1"], "не звичайний файл"),
    ("demo-foreign", ["demo", "--db", "foreign.sqlite3", "--persons", "1"], "іншої програми"),
    ("generate-year-10000", ["events", "generate", "--year", "10000", "--db", "db.sqlite3"], "рік"),
    ("generate-year-text", ["events", "generate", "--year", "рік", "--db", "db.sqlite3"], "не рік"),
    ("generate-year-1950", ["events", "generate", "--year", "1950", "--db", "db.sqlite3"], "Рік"),
    ("generate-fifo", ["events", "generate", "--year", "2027", "--db", "fifo"], "не звичайний файл"),
    ("generate-folder", ["events", "generate", "--year", "2027", "--db", "folder"], "тека"),
    ("users-list-fifo", ["users", "list", "--db", "fifo"], "не звичайний файл"),
    ("users-list-foreign", ["users", "list", "--db", "foreign.sqlite3"], "іншої програми"),
    ("users-add-no-password", ["users", "add", "kovalenko", "--name", "Коваленко Олена", "--role", "admin",
                               "--db", "db.sqlite3"], "пароль"),
    ("users-set-role-missing-db", ["users", "set-role", "kovalenko", "admin", "--db", "missing.sqlite3"],
     "не знайдено"),
    ("users-reset-no-password", ["users", "reset-password", "kovalenko", "--db", "db.sqlite3"], "пароль"),
    ("server-init-on-a-file", ["server", "init", "--db", "db.sqlite3"], "postgresql"),
    ("server-init-mysql", ["server", "init", "--db", "mysql://u@h/kr"], "Непідтримувана адреса"),
    ("window-mysql", ["--db", "mysql://u@h/kr"], "Непідтримувана адреса"),
    ("window-control-character", ["--db", "kr\x07.sqlite3"], "службові"),
    ("unknown-command", ["frobnicate"], "неприпустиме значення"),
    ("report-without-name", ["report"], "бракує обов’язкових"),
]


def _cases():
    for report, needs in REPORTS.items():
        for case, db, rest, expected in REPORT_ATTACKS:
            yield pytest.param(["report", report, *needs, "--db", db, *rest], expected, id=f"{report}-{case}")
    for case, argv, expected in OPTION_ATTACKS:
        out = "new.xlsx" if case == "decision-xlsx" else "new.pdf"
        yield pytest.param(["report", *argv, "--db", "db.sqlite3", "--out", out], expected, id=case)
    for case, argv, expected in OTHER:
        yield pytest.param(argv, expected, id=case)


def _world(folder: Path, builtin: Path) -> None:
    """The files an invocation may meet: databases, a backup, foreign and odd files, workbooks."""
    shutil.copyfile(builtin, folder / "db.sqlite3")
    shutil.copyfile(builtin, folder / "other.sqlite3")
    shutil.copyfile(builtin, folder / "dbx.pdf")  # a database whatever its name says
    shutil.copyfile(builtin, folder / "dbx.xlsx")
    create_backup(folder / "db.sqlite3", out=folder / "copy.sqlite3")
    shutil.copyfile(folder / "copy.sqlite3", folder / "copy.pdf")
    foreign = sqlite3.connect(folder / "foreign.sqlite3")
    foreign.execute("CREATE TABLE notes(text)")
    foreign.commit()
    foreign.close()
    shutil.copyfile(builtin, folder / "old.sqlite3")
    shutil.copyfile(builtin, folder / "newer.sqlite3")
    for name, revision in (("old.sqlite3", "0001"), ("newer.sqlite3", "9999_from_the_future")):
        raw = sqlite3.connect(folder / name)
        raw.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        raw.commit()
        raw.close()
    (folder / "text.txt").write_text("просто текст")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 an earlier report")
    (folder / "filled.xlsx").write_bytes(b"PK\x03\x04 a filled workbook")
    (folder / "empty.xlsx").write_bytes(b"")
    for name in ("folder", "folder.pdf", "folder.xlsx"):
        (folder / name).mkdir()
    for name in ("fifo", "pipe.pdf", "pipe.xlsx"):
        os.mkfifo(folder / name)
    hb.simple_book(folder / "book.xlsx", [hb.person_row(i) for i in range(3)])
    (folder / "truncated.xlsx").write_bytes((folder / "book.xlsx").read_bytes()[:300])
    hb.ole_file(folder / "old.xls", encrypted=False)
    hb.ole_file(folder / "encrypted.xlsx", encrypted=True)
    hb.bomb(folder / "bomb.xlsx", 201 * 1024 * 1024)
    hb.shared_strings_bomb(folder / "strings.xlsx", 1_200_000)
    hb.write_book(folder / "broken.xlsx", [("Відзнаки", "visible", "<worksheet><sheetData><row r='1'><c")])
    hidden = hb.sheet_xml([hb.HEADER, hb.person_row(1)])
    hb.write_book(folder / "hidden.xlsx", [("Відзнаки", "hidden", hidden)])
    hb.simple_book(folder / "formula.xlsx", [hb.person_row(1), ["Коваль", ("f", "A1&\"\"", None), "", hb.AWARD]])
    hb.simple_book(folder / "errorcell.xlsx", [hb.person_row(1)[:3] + [("e", "#REF!")]])
    hb.simple_book(folder / "escape.xlsx", [hb.person_row(1, "Ко_x0007_валь")])
    hb.simple_book(folder / "eqname.xlsx", [hb.person_row(1, '=HYPERLINK("http://x","Коваль")')])


@pytest.fixture(scope="module")
def world_template(tmp_path_factory, builtin_db_file):
    folder = tmp_path_factory.mktemp("hostile-world")
    _world(folder, builtin_db_file)
    return folder


@pytest.fixture
def world(world_template, tmp_path, monkeypatch):
    folder = tmp_path / "w"
    fifos = [p.name for p in world_template.iterdir() if p.is_fifo()]
    shutil.copytree(world_template, folder, ignore=lambda _dir, names: [n for n in names if n in fifos])
    for name in fifos:
        os.mkfifo(folder / name)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # the user's own database: never the real one
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    monkeypatch.delenv("KR_DESKTOP_DB_URL", raising=False)
    return folder


def _state(folder: Path) -> dict[str, str]:
    """Every file under ``folder``: its sha256 (regular files) or its kind."""
    state = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_fifo():
            state[name] = "fifo"
        elif path.is_dir():
            state[name] = "dir"
        else:
            state[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


class FifoWatchdog:
    """Unblocks anything that opened one of the folder's FIFOs for reading and waits on it: after
    ``seconds`` it opens each FIFO for writing and closes it (the reader sees the end of the file).
    ``fired`` tells the test that something waited on a FIFO."""

    def __init__(self, folder: Path, seconds: float = 10.0):
        self.fifos = [p for p in folder.rglob("*") if p.is_fifo()]
        self.stop = threading.Event()
        self.fired = False
        self.thread = threading.Thread(target=self._run, args=(seconds,), daemon=True)
        self.thread.start()

    def _run(self, seconds: float) -> None:
        if self.stop.wait(seconds):
            return
        while not self.stop.is_set():
            for fifo in self.fifos:
                try:
                    fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                except OSError:
                    continue  # nobody is reading it
                self.fired = True
                os.close(fd)
            self.stop.wait(0.1)

    def close(self) -> None:
        self.stop.set()
        self.thread.join()


def _run_in_process(argv: list[str], capsys) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's usage errors
        code = exc.code
    return code, capsys.readouterr().err


def _check(code, err: str, expected: str, before: dict, after: dict) -> None:
    assert code not in (0, None), err
    assert "Traceback" not in err
    assert CYRILLIC.search(err), err
    assert expected.lower() in err.lower(), err
    assert after == before  # every database byte as it was, nothing left behind, nothing removed


@pytest.mark.sqlite_only
@pytest.mark.parametrize("argv, expected", list(_cases()))
def test_hostile_invocation(world, capsys, argv, expected):
    before = _state(world)
    watchdog = FifoWatchdog(world)
    try:
        code, err = _run_in_process(argv, capsys)
    finally:
        watchdog.close()
    assert not watchdog.fired, "a FIFO was opened and read: the command would have waited for ever"
    _check(code, err, expected, before, _state(world))


REAL_PROCESS = [  # a real process, where the process itself matters
    pytest.param(["report", "awards", "--db", "fifo", "--out", "new.pdf"], "не звичайний файл", id="report-db-fifo"),
    pytest.param(["import", "awards", "pipe.xlsx", "--db", "db.sqlite3"], "не звичайний файл", id="import-fifo"),
    pytest.param(["--db", "fifo", "backup"], "не звичайний файл", id="backup-db-fifo-before"),
    pytest.param(["report", "half-year", "--year", "10000", "--half", "1", "--db", "db.sqlite3", "--out", "new.pdf"],
                 "рік", id="half-year-10000"),
    pytest.param(["import", "awards", "bomb.xlsx", "--db", "db.sqlite3"], "розпаковується", id="import-bomb"),
]


def test_matrix_has_at_least_a_hundred_invocations_across_every_subcommand():
    cases = list(_cases())
    assert len(cases) + len(REAL_PROCESS) >= 100
    commands = {tuple(c.values[0][:2]) if c.values[0][0] in ("report", "import", "events") else (c.values[0][0],)
                for c in cases}
    reports = {c[1] for c in commands if c[0] == "report" and len(c) > 1}
    assert reports == set(REPORTS)
    commands |= {tuple(c.values[0][:2]) for c in cases if c.values[0][0] in ("users", "server")}
    assert {("init",), ("backup",), ("restore",), ("demo",), ("import", "awards"), ("import", "template"),
            ("events", "generate"), ("users", "list"), ("users", "add"), ("users", "set-role"),
            ("users", "reset-password"), ("server", "init")} <= commands


@pytest.mark.sqlite_only
@pytest.mark.parametrize("argv, expected", REAL_PROCESS)
def test_hostile_invocation_in_a_real_process(world, argv, expected):
    before = _state(world)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(world.parent / "home"))
    env.pop("KR_DESKTOP_DB_URL", None)
    done = subprocess.run([sys.executable, "-m", "kr_desktop", *argv], capture_output=True, text=True, env=env,
                          cwd=world, timeout=60)  # a FIFO read would wait for ever: the timeout fails it
    _check(done.returncode, done.stderr, expected, before, _state(world))
