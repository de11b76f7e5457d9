"""One benchmark figure, measured in this (fresh) process; prints one JSON line of samples.

Run by bench/run.py, one subprocess per figure (and per sample for the start figure), so a
figure never inherits another's warm caches or memory:

    python bench/probe.py search DB RUNS
    python bench/probe.py sort DB RUNS
    python bench/probe.py memory DB
    python bench/probe.py pdf DB ROWS RUNS
    python bench/probe.py halfyear DB RUNS
    python bench/probe.py import XLSX BUILTIN_DB WORKDIR RUNS
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FRAGMENTS = ["енк", "чук", "іва", "мар", "ґуд", "єре", "лук", "дем", "ова", "тар"]


def emit(**values) -> None:
    print(json.dumps(values, ensure_ascii=False), flush=True)


def _open(path: str):
    from kr_desktop.db.open import open_database
    from kr_desktop.services.access import VIEWER

    db = open_database(path, create=False, upgrade=False)
    db.role = VIEWER  # reading only
    return db


def _screen(db):
    from kr_desktop.ui.app import create_application
    from kr_desktop.ui.awards_screen import AwardsScreen
    from kr_desktop.ui.context import AppContext

    app = create_application()
    screen = AwardsScreen(AppContext(db))
    screen.resize(1280, 800)
    screen.show()
    app.processEvents()
    return app, screen


# -- search ------------------------------------------------------------------------------------
def _raw_page_sql(db, fragment: str, limit: int) -> str:
    """The SQL the register's first page runs (awards.page_query, as query_awards builds it), with
    the fragment written in (for sqlite3)."""
    from sqlalchemy.dialects import sqlite

    from kr_desktop.services import awards

    with db.reading() as session:
        query = awards.page_query(db, session, awards.AwardFilter(text=fragment), 0, limit, "name")
    return str(query.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def search(path: str, runs: int) -> None:
    import sqlite3

    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    from kr_desktop.text.ukrainian import search_key
    from kr_desktop.ui.awards_models import PAGE

    db = _open(path)
    app, screen = _screen(db)
    view = screen.awards_view
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    values, baselines = [], []
    for i in range(runs):
        for fragment in FRAGMENTS:
            screen.search.clear()
            screen.refresh()
            assert screen.search.text() == ""
            app.processEvents()
            started = time.perf_counter()
            for char in fragment:  # typed (QTest.keyClicks knows ASCII only)
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    app.sendEvent(screen.search, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
            # the register waits for a pause in typing before it searches:
            screen.refresh()  # what the pause's timer calls (the 250 ms pause itself is not counted)
            view.viewport().repaint()  # the first page drawn
            values.append(time.perf_counter() - started)
            assert screen.search.text() == fragment
            first = screen.awards_model.item(0)
            sql = _raw_page_sql(db, fragment, PAGE)
            started = time.perf_counter()
            rows = raw.execute(sql).fetchall()
            baselines.append(time.perf_counter() - started)
            assert len(rows) == min(PAGE, screen.awards_model.rowCount()), (fragment, len(rows))
            assert first is not None and fragment in search_key(f"{first.surname} {first.name} {first.patronymic}"), (fragment, first)
            assert rows[0][0] == first.id  # the same first row as the window shows
    emit(value=values, baseline=baselines)


# -- sort --------------------------------------------------------------------------------------
def sort(path: str, runs: int) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from kr_desktop.services import persons

    db = _open(path)
    app, screen = _screen(db)
    screen.tabs.setCurrentIndex(1)  # persons: the 100,000-person register
    view = screen.persons_view
    app.processEvents()
    header = view.horizontalHeader()
    values = []
    for _ in range(runs):
        for column in range(view.model().columnCount()):
            for _direction in range(2):  # ascending, then descending
                x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
                started = time.perf_counter()
                QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
                view.viewport().repaint()
                values.append(time.perf_counter() - started)
    assert view.model().rowCount() == persons.count_persons(db) > 0, view.model().rowCount()
    emit(value=values)


# -- memory ------------------------------------------------------------------------------------
def memory(path: str) -> None:
    import resource

    from kr_desktop.ui.app import create_application
    from kr_desktop.ui.main_window import MainWindow

    db = _open(path)
    app = create_application()
    window = MainWindow(db)
    window.show()
    app.processEvents()
    screen = window.awards_screen
    window.tabs.setCurrentWidget(screen)
    app.processEvents()
    for tab, view in ((0, screen.awards_view), (1, screen.persons_view)):
        screen.tabs.setCurrentIndex(tab)
        app.processEvents()
        bar = view.verticalScrollBar()
        for step in range(0, 101):  # scrolled through, to the end
            bar.setValue(bar.maximum() * step // 100)
            view.viewport().repaint()
        view.scrollToBottom()
        view.viewport().repaint()
        app.processEvents()
        last = view.model().index(view.model().rowCount() - 1, 0).data()
        assert last, "the last row is shown"
    emit(value=[resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024])


# -- PDF ---------------------------------------------------------------------------------------
def award_filter(db, rows: int):
    """The award list of the first ``rows`` awards by act date (a period's list, as the window and
    `kr-desktop report awards --from --to` print it)."""
    import datetime as dt

    from sqlalchemy import text

    from kr_desktop.services import awards

    with db.reading() as session:
        first, last = session.execute(text(
            "SELECT min(act_date), coalesce((SELECT act_date FROM award WHERE revoked_on IS NULL AND act_date IS NOT "
            "NULL ORDER BY act_date LIMIT 1 OFFSET :n), max(act_date)) FROM award"), {"n": rows - 1}).one()
    return awards.AwardFilter(date_from=dt.date.fromisoformat(str(first)), date_to=dt.date.fromisoformat(str(last)),
                              include_revoked=False)


def pdf(path: str, rows: int, runs: int, out_dir: str) -> None:
    """The award list (service query → document → PDF, as printed from the window) vs plain
    reportlab drawing the same strings (the same lines), one Table per page, as many rows a page
    as the application's PDF has."""
    from pypdf import PdfReader

    from kr_desktop.reports.awards_lists import build_awards_list
    from kr_desktop.reports.output import render

    db = _open(path)
    flt = award_filter(db, rows)
    out = Path(out_dir)
    values, baselines, rendering, pages, count = [], [], [], 0, 0
    for i in range(runs):
        target = out / f"awards-{rows}.pdf"
        started = time.process_time()  # CPU time: the machine is shared and noisy (see docs/development.md, speed)
        document = build_awards_list(db, flt)
        built = time.process_time()
        render(document, target)
        values.append(time.process_time() - started)
        rendering.append(time.process_time() - built)
        pages = len(PdfReader(target).pages)
        table = document.tables()[0]
        count = sum(1 for row in table.rows if row.style == "normal")
        baselines.append(_plain_reportlab(table, pages, out / f"plain-{rows}.pdf"))
    emit(value=values, baseline=baselines, render=rendering, pages=pages, rows=count)


def _plain_reportlab(table, pages: int, target: Path) -> float:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    from kr_desktop.reports.cells import cell_text
    from kr_desktop.reports.pdf_base import SERIF, register_fonts

    register_fonts()
    doc = SimpleDocTemplate(str(target), pagesize=landscape(A4), leftMargin=20 * mm, rightMargin=10 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm)
    weights = [c.weight for c in table.columns]
    widths = [doc.width * w / sum(weights) for w in weights]

    def lines(text: str, width: float) -> str:  # the lines the printed list shows
        return "\n".join(simpleSplit(text, SERIF, 10, width - 6) or [""])

    header = [lines(c.title, w) for c, w in zip(table.columns, widths)]
    strings = [[lines(str(row.cells[0]), sum(widths))] + [""] * (len(header) - 1) if len(row.cells) == 1 else
               [lines(cell_text(v, c, 2), w) for v, c, w in zip(row.cells, table.columns, widths)]
               for row in table.rows]
    per_page = -(-len(strings) // max(1, pages))
    started = time.process_time()
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONT", (0, 0), (-1, -1), SERIF, 10),
                        ("VALIGN", (0, 0), (-1, -1), "TOP")])
    story = []
    for start in range(0, len(strings), per_page):
        story.append(Table([header] + strings[start:start + per_page], colWidths=widths, repeatRows=1, style=style))
        story.append(PageBreak())
    doc.build(story)
    return time.process_time() - started


# -- half-year report --------------------------------------------------------------------------
def halfyear(path: str, runs: int, out_dir: str) -> None:
    import datetime as dt

    from kr_desktop.reports.output import render
    from kr_desktop.reports.halfyear import build_halfyear
    from kr_desktop.services.demo_data import demo_periods
    from kr_desktop.services.progress_reports import halfyear_data

    db = _open(path)
    year, half = demo_periods(dt.date.today())[-1]
    values = []
    for _ in range(runs):
        started = time.perf_counter()
        render(build_halfyear(halfyear_data(db, year, half)), Path(out_dir) / "halfyear.pdf")
        values.append(time.perf_counter() - started)
    emit(value=values, period=f"{half} півріччя {year}")


# -- XLSX import -------------------------------------------------------------------------------
def make_sheet(path: str, rows: int, seed: int = 5) -> None:
    """A sheet of ``rows`` new fictional persons with awards (dates as text and as real dates)."""
    import datetime as dt
    import random

    import openpyxl

    from kr_desktop.services.demo_data import invent_person

    rng = random.Random(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Відзнаки")
    sheet.append(["Прізвище", "Ім’я", "По батькові", "Стать", "Дата народження", "Місце роботи", "Посада",
                  "Відзнака", "Ступінь", "Вид документа", "Номер документа", "Дата документа",
                  "Номер посвідчення", "Дата вручення", "Примітка"])
    kinds = [("Почесна грамота виконкому міської ради", None, "рішення виконкому"),
             ("Подяка міського голови", None, "розпорядження міського голови"),
             ("Нагрудний знак «За заслуги перед містом»", "ІІІ", "рішення виконкому")]
    today = dt.date(2026, 1, 1)
    for i in range(rows):
        p = invent_person(rng, today)
        name, degree, act = kinds[i % 3]
        act_date = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1500))
        sheet.append([p.surname, p.name, p.patronymic, p.sex, p.birth_date, p.workplace, p.position, name, degree,
                      act, str(rng.randrange(1, 900)), act_date.strftime("%d.%m.%Y") if i % 2 else act_date,
                      f"Б-{i + 1}" if degree else None, None, "ДЕМО"])
    book.save(path)


def import_(sheet: str, builtin: str, work_dir: str, runs: int) -> None:
    import openpyxl

    from kr_desktop.db.open import open_database
    from kr_desktop.services.award_import import import_awards

    values, baselines = [], []
    for i in range(runs):
        target = Path(work_dir) / f"import-{i}.sqlite3"
        shutil.copyfile(builtin, target)
        db = open_database(str(target), create=False, upgrade=False)
        started = time.process_time()  # CPU time, like the baseline's
        plan = import_awards(db, sheet)
        values.append(time.process_time() - started)
        assert not plan.problems and len(plan.rows) >= 10_000, (len(plan.rows), plan.problems[:3])
        db.dispose()
        target.unlink()
        started = time.process_time()
        book = openpyxl.load_workbook(sheet, read_only=True, data_only=True)
        count = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
        book.close()
        baselines.append(time.process_time() - started)
        assert count == len(plan.rows) + 1
    emit(value=values, baseline=baselines)


if __name__ == "__main__":
    figure, args = sys.argv[1], sys.argv[2:]
    if figure == "search":
        search(args[0], int(args[1]))
    elif figure == "sort":
        sort(args[0], int(args[1]))
    elif figure == "memory":
        memory(args[0])
    elif figure == "pdf":
        pdf(args[0], int(args[1]), int(args[2]), args[3])
    elif figure == "halfyear":
        halfyear(args[0], int(args[1]), args[2])
    elif figure == "make-sheet":
        make_sheet(args[0], int(args[1]))
        emit(value=[int(args[1])])
    elif figure == "import":
        import_(args[0], args[1], args[2], int(args[3]))
    else:
        raise SystemExit(f"unknown figure {figure!r}")
