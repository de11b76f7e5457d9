"""The command line: reports, init, and Ukrainian errors with non-zero exit codes."""

import os
import re
import subprocess
import sys
from decimal import Decimal

import pdfplumber
import pytest

from kr_desktop.services.program_view import load_document
from kr_desktop.text.formatting import format_money


def run_cli(*args, env_extra=None):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "kr_desktop", *args], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          env=env, timeout=120)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _column_texts(pdf_path, column: int) -> str:
    """The text of one table column over all landscape pages, cut along the drawn column lines."""
    parts = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            if page.width < page.height:
                continue
            xs = sorted({round(line["x0"], 1) for line in page.lines if abs(line["x0"] - line["x1"]) < 0.5})
            if len(xs) <= column + 1:
                continue
            crop = page.crop((xs[column], 0, xs[column + 1], page.height))
            parts.append(crop.extract_text() or "")
    return "".join(parts)


def test_report_program_pdf_holds_every_measure_amount_and_total(db_path, db, tmp_path):
    out = tmp_path / "program.pdf"
    result = run_cli("report", "program", "--db", str(db_path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.exists()
    document = load_document(db)

    measures = _squash(_column_texts(out, 2))
    for stage in document.stages:
        for direction in stage.directions:
            for measure in direction.measures:
                assert _squash(measure.text) in measures, measure.text

    with pdfplumber.open(out) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        fonts = {char["fontname"] for page in pdf.pages for char in page.chars}
        pages = len(pdf.pages)
    flat = text.replace("\u00a0", " ")
    for stage in document.stages:
        for direction in stage.directions:
            for line in direction.funding + tuple(f for m in direction.measures for f in m.funding):
                for amount in line.amounts.values():
                    assert format_money(amount, 1).replace("\u00a0", " ") in flat
                assert format_money(line.total, 1).replace("\u00a0", " ") in flat
        for year in stage.years:
            assert format_money(stage.year_total(year), 1).replace("\u00a0", " ") in flat
    assert "12 023 016,0" in flat
    assert "1 391 386,0" in flat and "4 290,0" in flat
    assert f"Сторінка 1 з {pages}" in flat and f"Сторінка {pages} з {pages}" in flat
    assert fonts and all("LiberationSerif" in name for name in fonts)  # embedded TrueType, no Helvetica
    assert sum(1 for d in document.stages for _ in d.directions) == 20
    assert document.passport_total == Decimal("12023016.00")


def test_report_program_landscape_annexes_repeat_their_header(db_path, tmp_path):
    out = tmp_path / "program.pdf"
    assert run_cli("report", "program", "--db", str(db_path), "--out", str(out)).returncode == 0
    with pdfplumber.open(out) as pdf:
        landscape = [p for p in pdf.pages if p.width > p.height]
        assert len(landscape) >= 6
        for page in landscape:
            assert "Перелік заходів програми" in (page.extract_text() or "")


def test_init_creates_a_database(tmp_path):
    path = tmp_path / "kr.sqlite3"
    result = run_cli("init", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert path.exists()
    again = run_cli("init", "--db", str(path))
    assert again.returncode == 0


@pytest.mark.parametrize("args, message", [
    (["report", "program", "--db", "{tmp}/missing.sqlite3", "--out", "{tmp}/x.pdf"], "не знайдено"),
    (["report", "program", "--db", "{tmp}/text.txt", "--out", "{tmp}/x.pdf"], "не є базою даних SQLite"),
    (["report", "program", "--db", "{db}", "--out", "{tmp}/x.odt"], "Невідомий формат"),
    (["report", "program", "--db", "{db}", "--out", "{tmp}/no/dir/x.pdf"], "не існує"),
    (["init", "--db", "{tmp}/no/dir/kr.sqlite3"], "не існує"),
    (["report"], "бракує обов’язкових аргументів"),
])
def test_bad_input_gets_a_ukrainian_message_and_no_traceback(tmp_path, db_path, args, message):
    (tmp_path / "text.txt").write_text("not a database")
    args = [a.format(tmp=tmp_path, db=db_path) for a in args]
    result = run_cli(*args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_gui_smoke_opens_a_new_database(tmp_path):
    path = tmp_path / "gui.sqlite3"
    result = run_cli("--db", str(path), "--smoke")
    assert result.returncode == 0, result.stderr
    assert path.exists()
