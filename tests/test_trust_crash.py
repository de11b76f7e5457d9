"""Crash safety: a child process is killed with SIGKILL at random moments during a large import,
a long report and a backup (more than 20 kills in all). After each kill the database passes
``PRAGMA integrity_check``, every import is either fully present or fully absent, no report or
backup is half-written under its final name, and the next start works without clean-up.

The child is this file run as a script (see ``child_main``). The random seed is printed, so a
failure can be replayed with KR_CRASH_SEED.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ROWS_PER_IMPORT = 1500
AWARD = "Почесна грамота виконкому міської ради"
IMPORT_KILLS, REPORT_KILLS, BACKUP_KILLS = 12, 5, 6
REPORT_ROWS = 12_000


def _letters(number: int) -> str:
    """A number written with letters (the importer refuses digits in names)."""
    digits = "абвгдежзик"
    return "".join(digits[int(d)] for d in str(number))


def import_sheet(path: Path, batch: int) -> Path:
    from openpyxl import Workbook

    from kr_desktop.services.award_import import COLUMNS

    book = Workbook()
    sheet = book.active
    sheet.append([COLUMNS["surname"], COLUMNS["name"], COLUMNS["award"], COLUMNS["act_number"],
                  COLUMNS["act_date"], COLUMNS["notes"]])
    for i in range(ROWS_PER_IMPORT):
        sheet.append([f"Пакетенко{_letters(batch)}", f"Особа{_letters(i)}", AWARD, f"{batch}-{i}",
                      "30.11.2026", f"пакет {batch}"])
    book.save(path)
    return path


# -- the child --------------------------------------------------------------------------------

def child_main(mode: str, db_path: str, work: str) -> None:
    from kr_desktop.db.open import open_database

    db = open_database(db_path)
    print("ready", flush=True)
    if mode == "import":
        from kr_desktop.services.award_import import import_awards

        for sheet in sorted(Path(work).glob("batch-*.xlsx"), key=lambda p: int(p.stem.split("-")[1])):
            batch = int(sheet.stem.split("-")[1])
            import_awards(db, sheet)
            print(f"committed {batch}", flush=True)
    elif mode == "report":
        from kr_desktop.cli.common import write_atomically
        from kr_desktop.reports.document import Column, ReportDocument, Row, TableBlock
        from kr_desktop.reports.output import render

        rows = tuple(Row((str(i), f"Пакетенко {i}", "Почесна грамота", "30.11.2026")) for i in range(REPORT_ROWS))
        columns = tuple(Column(t, wrap=False) for t in ("№", "Особа", "Відзнака", "Дата"))
        document = ReportDocument(title="Перевірка", blocks=(TableBlock(columns, rows),))
        for n in range(100):
            write_atomically(Path(work) / "report.pdf", lambda temp: render(document, temp))
            print(f"report {n}", flush=True)
    elif mode == "backup":
        from kr_desktop.db.backup import create_backup

        for n in range(1000):
            create_backup(Path(db_path), reason="manual")
            with db.changing("Зміна між копіями") as session:  # the database keeps changing meanwhile
                from sqlalchemy import text

                session.execute(text("UPDATE stage SET title = title WHERE annex_number = 1"))
            print(f"backup {n}", flush=True)
    db.dispose()


# -- the parent -------------------------------------------------------------------------------

def _spawn(mode: str, db_path: Path, work: Path) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, __file__, mode, str(db_path), str(work)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def _kill_at_random(mode: str, db_path: Path, work: Path, rng: random.Random, window: float) -> list[str]:
    """Start the child, wait until it is working, SIGKILL it after a random delay; its output."""
    child = _spawn(mode, db_path, work)
    first = child.stdout.readline()
    assert first.strip() == "ready", child.stderr.read()
    time.sleep(rng.uniform(0.0, window))
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=60)
    assert child.returncode in (-signal.SIGKILL, 0), err  # 0: it had finished its work
    assert "Traceback" not in err, err
    return out.split("\n")


def _integrity(db_path: Path) -> None:
    with sqlite3.connect(db_path) as raw:  # a writer's connection: replays the WAL like a restart
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    raw.close()


def _batches(db_path: Path) -> dict[int, int]:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as raw:
        rows = raw.execute("SELECT notes, count(*) FROM award WHERE notes LIKE 'пакет %' GROUP BY notes").fetchall()
        persons = raw.execute("SELECT count(*) FROM person WHERE surname LIKE 'Пакетенко%'").fetchone()[0]
        journal = raw.execute("SELECT count(*) FROM journal_entry WHERE label LIKE 'Імпорт відзнак%'").fetchone()[0]
    raw.close()
    counts = {int(notes.split()[1]): n for notes, n in rows}
    assert persons == ROWS_PER_IMPORT * len(counts)  # no orphan persons of a lost import
    assert journal == 2 * ROWS_PER_IMPORT * len(counts)  # and its journal went with it
    return counts


def _next_start_works(db_path: Path) -> None:
    from kr_desktop.db.open import open_database

    database = open_database(db_path)
    with database.reading() as session:
        from sqlalchemy import text

        assert session.execute(text("SELECT count(*) FROM measure")).scalar() > 0
    database.dispose()


@pytest.fixture
def rng():
    seed = int(os.environ.get("KR_CRASH_SEED", random.randrange(1 << 30)))
    print(f"KR_CRASH_SEED={seed}")
    return random.Random(seed)


@pytest.mark.sqlite_only
def test_sigkill_during_large_imports_leaves_each_import_whole_or_absent(db_path, tmp_path, rng):
    work = tmp_path / "sheets"
    work.mkdir()
    for batch in range(1, 8):
        import_sheet(work / f"batch-{batch}.xlsx", batch)
    reported: set[int] = set()
    for kill in range(IMPORT_KILLS):
        out = _kill_at_random("import", db_path, work, rng, window=2.5)
        reported |= {int(line.split()[1]) for line in out if line.startswith("committed")}
        _integrity(db_path)
        present = _batches(db_path)
        assert all(n == ROWS_PER_IMPORT for n in present.values()), present  # all or nothing
        assert reported <= set(present)  # what the child saw committed survived the kill
        for sheet in work.glob("batch-*.xlsx"):  # imported sheets are not offered again
            if int(sheet.stem.split("-")[1]) in present:
                sheet.unlink()
        _next_start_works(db_path)
        if not list(work.glob("batch-*.xlsx")):
            import_sheet(work / f"batch-{100 + kill}.xlsx", 100 + kill)
    assert reported, "no import ever committed: the kills came too early to test anything"
    print(f"imports committed before a kill: {len(reported)} of {ROWS_PER_IMPORT} rows each")


@pytest.mark.sqlite_only
def test_sigkill_during_a_long_report_never_leaves_a_half_written_file(db_path, tmp_path, rng):
    from pypdf import PdfReader

    finished = 0
    for kill in range(REPORT_KILLS):
        out = _kill_at_random("report", db_path, tmp_path, rng, window=4.0)
        finished += sum(1 for line in out if line.startswith("report"))
        target = tmp_path / "report.pdf"
        if target.exists():
            reader = PdfReader(target)  # complete: parses, and the last row is there
            assert str(REPORT_ROWS - 1) in reader.pages[-1].extract_text()
        assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] in ([], ["report.pdf"])
    # A leftover ".report.pdf.part" may remain: it never shadows the report, and the next
    # run overwrites it.
    assert finished >= 1 and (tmp_path / "report.pdf").exists()
    print(f"reports of {REPORT_ROWS} rows completed between kills: {finished}")


@pytest.mark.sqlite_only
def test_sigkill_during_backups_leaves_only_verified_backups(db_path, rng):
    from kr_desktop.db.backup import backups_dir, clean_stale_temp_files, list_backups, verify_backup

    made = 0
    for kill in range(BACKUP_KILLS):
        out = _kill_at_random("backup", db_path, db_path.parent, rng, window=1.5)
        made += sum(1 for line in out if line.startswith("backup"))
        _integrity(db_path)
        for entry in list_backups(backups_dir(db_path)):
            verify_backup(entry.path)  # every file under a backup name is complete
        _next_start_works(db_path)
    assert made >= 1
    folder = backups_dir(db_path)
    assert len(list_backups(folder)) >= 1
    leftovers = [p for p in folder.iterdir() if p.name.startswith(".kr_desktop-backup-")]
    clean_stale_temp_files(folder, older_than=0)
    assert not [p for p in folder.iterdir() if p.name.startswith(".kr_desktop-backup-")]
    print(f"backups completed: {made}, interrupted temp files cleaned: {len(leftovers)}")


if __name__ == "__main__":
    child_main(*sys.argv[1:4])
