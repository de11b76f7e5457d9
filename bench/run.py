"""kr_desktop benchmark: every figure of issue 7 against its bound, baselines measured in the same
run, medians of several runs. Not part of the test suite (pytest collects only tests/).

    bash bench/run.sh [--runs N] [--persons N]

The demo database (bench/.data/, made once by ``kr-desktop demo``) is reused by later runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / ".data"
PYTHON = sys.executable
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
# An installed application runs from compiled bytecode (pip and the PyInstaller bundle write it);
# a machine that forbids writing .pyc would make every start compile the sources again.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def probe(*args) -> dict:
    result = subprocess.run([PYTHON, str(HERE / "probe.py"), *map(str, args)], env=ENV, capture_output=True,
                            text=True, cwd=ROOT)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise SystemExit(f"probe {args[0]} failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(lines[-1])


def time_until_shown(command: list[str], env: dict) -> float:
    """Wall time from starting the process until it prints the first-paint marker (the process is
    then let finish, e.g. the application's exit backup, before the next run)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               cwd=ROOT)
    shown = None
    for line in process.stdout:
        if line.startswith("KR_DESKTOP_SHOWN"):
            shown = time.perf_counter() - started
    process.wait()
    if shown is None:
        raise SystemExit(f"no first-paint marker from {' '.join(command)} (exit code {process.returncode})")
    return shown


def median(values) -> float:
    return statistics.median(values)


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = int(next(line for line in Path("/proc/meminfo").read_text().splitlines()
                          if line.startswith("MemTotal")).split()[1]) / 1024 / 1024
    except (OSError, StopIteration, ValueError):
        memory = float("nan")
    return f"{os.cpu_count()} CPU ({cpu}), {memory:.0f} GB RAM, Python {platform.python_version()}, {platform.system()}"


def ensure_demo(persons: int) -> Path:
    DATA.mkdir(exist_ok=True)
    path = DATA / f"demo-{persons}.sqlite3"
    if not path.exists():
        log(f"… creating the demo database ({persons} persons): {path}")
        temp = path.with_name(path.name + ".new")
        for leftover in DATA.glob(temp.name + "*"):
            leftover.unlink()
        subprocess.run([PYTHON, "-m", "kr_desktop", "demo", "--db", str(temp), "--persons", str(persons),
                        "--seed", "1"], env=ENV, check=True, cwd=ROOT, stdout=sys.stderr)
        os.replace(temp, path)
    else:  # made by an older version: brought to the newest schema (the probes open without upgrading)
        subprocess.run([PYTHON, "-c", UPGRADE_DEMO, str(path)], env=ENV, check=True, cwd=ROOT, stdout=sys.stderr)
    return path


UPGRADE_DEMO = """
import sys
from sqlalchemy import create_engine
from kr_desktop.db import migrate
from kr_desktop.db.engine import sqlite_url
engine = create_engine(sqlite_url(sys.argv[1]))
with engine.connect() as connection:
    current = migrate.current_revision(connection)
engine.dispose()
if current != migrate.head_revision():
    print(f"… upgrading {sys.argv[1]} from schema revision {current}", file=sys.stderr)
    from kr_desktop.db.open import open_database
    open_database(sys.argv[1], create=False, upgrade=True).dispose()
"""


def ensure_builtin() -> Path:
    path = DATA / "builtin.sqlite3"
    if not path.exists():
        subprocess.run([PYTHON, "-m", "kr_desktop", "init", "--db", str(path)], env=ENV, check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL)
    else:  # made by an older version: the import must meet the newest schema (its indexes, triggers)
        subprocess.run([PYTHON, "-c", UPGRADE_DEMO, str(path)], env=ENV, check=True, cwd=ROOT, stdout=sys.stderr)
    return path


def ensure_sheet(rows: int) -> Path:
    path = DATA / f"import-{rows}.xlsx"
    if not path.exists():
        probe("make-sheet", path, rows)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description="kr_desktop benchmark (issue 7)")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (medians are reported)")
    parser.add_argument("--persons", type=int, default=100_000)
    args = parser.parse_args()
    runs = args.runs
    rows: list[tuple] = []  # figure, value, baseline, ratio, bound, holds

    def add(figure, value, baseline, ratio, bound, holds):
        rows.append((figure, value, baseline, ratio, bound, holds))
        log(f"  {figure}: {value}  {baseline}  {ratio}  {bound}  {'так' if holds else 'НІ'}")

    db = ensure_demo(args.persons)
    builtin = ensure_builtin()
    sheet = ensure_sheet(10_000)
    work = Path(tempfile.mkdtemp(prefix="kr-bench-"))
    try:
        log("start…")
        app = [PYTHON, "-m", "kr_desktop", "--db", str(db), "--smoke"]
        bare = [PYTHON, str(HERE / "bare_window.py")]
        shown_env = dict(ENV, KR_DESKTOP_BENCH_SHOWN="1")
        time_until_shown(app, shown_env)  # warm-up: the file in the page cache, .pyc written
        time_until_shown(bare, shown_env)
        starts, bares = [], []
        for _ in range(runs):
            bares.append(time_until_shown(bare, shown_env))
            starts.append(time_until_shown(app, shown_env))
        value, base = median(starts), median(bares)
        add(f"start (window shown with data, {args.persons:,} persons)", f"{value * 1000:.0f} ms", f"{base * 1000:.0f} ms",
            f"{value / base:.2f}", "ratio ≤ 2.0", value / base <= 2.0)

        log("search…")
        result = probe("search", db, max(1, runs // 2))
        value, base = median(result["value"]), median(result["baseline"])
        add("search (3 letters typed → first page shown)", f"{value * 1000:.1f} ms", f"{base * 1000:.1f} ms",
            f"{value / base:.2f}", "ratio ≤ 3 and ≤ 30 ms", value / base <= 3 and value <= 0.030)

        log("sort…")
        result = probe("sort", db, max(1, runs // 2))
        value = median(result["value"])
        add(f"sort (header click → view redrawn, {args.persons:,} persons)", f"{value * 1000:.1f} ms", "—", "—", "≤ 100 ms",
            value <= 0.100)

        log("PDF…")
        ten = probe("pdf", db, 10_000, runs, work)
        twenty = probe("pdf", db, 20_000, max(1, runs // 2 + 1), work)
        value, base = median(ten["value"]), median(ten["baseline"])
        add(f"PDF award list, {ten['rows']:,} rows ({ten['pages']} pages)", f"{value:.2f} s", f"{base:.2f} s",
            f"{value / base:.2f}", "ratio ≤ 1.3", value / base <= 1.3)
        render = median(ten["render"])
        add("  of it the PDF rendering alone (document → file)", f"{render:.2f} s", f"{base:.2f} s",
            f"{render / base:.2f}", "(for information)", True)
        value20 = median(twenty["value"])
        add(f"PDF award list, {twenty['rows']:,} rows ({twenty['pages']} pages)", f"{value20:.2f} s", f"{value:.2f} s (10k)",
            f"{value20 / value:.2f}", "ratio ≤ 2.2 (linear)", value20 / value <= 2.2)

        log("half-year report…")
        result = probe("halfyear", db, runs, work)
        value = median(result["value"])
        add(f"half-year report PDF ({result['period']}, 10 years of entries)", f"{value:.2f} s", "—", "—", "≤ 1 s",
            value <= 1.0)

        log("import…")
        result = probe("import", sheet, builtin, work, max(1, runs // 2 + 1))
        value, base = median(result["value"]), median(result["baseline"])
        add("import, 10,000-row XLSX", f"{value:.2f} s", f"{base:.2f} s (openpyxl read-only)",
            f"{value / base:.2f}", "ratio ≤ 2.5", value / base <= 2.5)

        log("memory…")
        peaks = [probe("memory", db)["value"][0] for _ in range(max(1, runs // 2))]
        value = median(peaks)
        add("memory (register open, scrolled to the end)", f"{value:.0f} MB", "—", "—", "≤ 200 MB", value <= 200)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"kr_desktop bench, {time.strftime('%Y-%m-%d')}, {machine()}, medians of {runs} runs\n")
    header = ("figure", "value", "baseline", "ratio", "bound", "holds?")
    table = [header] + [(f, v, b, r, bound, "yes" if ok else "NO") for f, v, b, r, bound, ok in rows]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(header))]
    for i, row in enumerate(table):
        print("| " + " | ".join(str(cell).ljust(width) for cell, width in zip(row, widths)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return 0 if all(row[5] for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
