"""The cycle's reports printed from a filled period in PDF, DOCX and XLSX: every number found
back in each format, totals right; the untouched built-in Program shows nothing reported."""

import datetime as dt
import re
import subprocess
import sys
from decimal import Decimal

import pdfplumber
import pytest
from docx import Document
from openpyxl import load_workbook

from kr_desktop.cli import main as cli_main
from kr_desktop.domain.progress import Status
from kr_desktop.services.control import save_control_settings
from kr_desktop.services.program_view import load_document
from kr_desktop.services.progress import period_grid
from kr_desktop.services.progress_saving import save_entry
from kr_desktop.text.formatting import format_money, format_percent

YEAR = 2026
STATUSES = [Status.DONE, Status.IN_PROGRESS, Status.NOT_DONE, Status.POSTPONED, Status.NOT_STARTED]


def fill_period(db, year=YEAR, half=1):
    """Reports for all (measure, executor) rows but every fourth; returns (measure_id, executor_id) →
    actual amount."""
    grid = period_grid(db, year, half)
    source = grid.sources[0].id
    actual = {}
    for i, row in enumerate(grid.rows):
        if i % 4 == 3:
            continue
        amount = Decimal("1000.00") * (i + 1) + Decimal("137.25")
        status = STATUSES[i % len(STATUSES)]
        save_entry(db, year, half, row.measure_id, row.executor_id, status=status, narrative=f"Звіт {row.number}",
                   amounts={source: format_money(amount)},
                   reasons="Недостатнє фінансування" if status is Status.NOT_DONE else "",
                   received_on=dt.date(year, 7, 3) if half == 1 else dt.date(year, 12, 20),
                   reported_by="Іваненко", today=dt.date(year + 1, 1, 5))
        actual[row.key] = amount
    return grid, actual


def pdf_text(path):
    with pdfplumber.open(path) as pdf:
        return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in pdf.pages)), len(pdf.pages)


def docx_text(path):
    document = Document(path)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts).replace("\u00a0", " ")


def xlsx_values(path):
    sheet = load_workbook(path).active
    numbers, texts = [], []
    for row in sheet.iter_rows(values_only=True):
        for value in row:
            if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
                numbers.append(Decimal(str(value)).quantize(Decimal("0.01")))
            elif isinstance(value, str):
                texts.append(value)
    return numbers, texts, sheet


def money(value):
    """As printed: deviations below zero with the minus sign U+2212."""
    return format_money(value).replace("\u00a0", " ").replace("-", "\u2212")


def render_all(tmp_path, db_path, name, *args):
    outs = {}
    for ext in ("pdf", "docx", "xlsx"):
        out = tmp_path / f"{name}.{ext}"
        assert cli_main(["report", name, "--db", str(db_path), "--out", str(out), *args]) == 0
        outs[ext] = out
    return outs


def assert_numbers_everywhere(outs, amounts):
    pdf, _pages = pdf_text(outs["pdf"])
    docx = docx_text(outs["docx"])
    numbers, _texts, _sheet = xlsx_values(outs["xlsx"])
    for amount in amounts:
        assert re.sub(r"\s+", "", money(amount)) in pdf, amount
        assert money(amount) in docx, amount
        assert Decimal(amount).quantize(Decimal("0.01")) in numbers, amount


def test_half_year_report_in_every_format(db, db_path, tmp_path):
    save_control_settings(db, {"program.reports.signer_name": "Олена ПЕТРЕНКО",
                               "program.reports.performer_name": "Коваленко", "program.reports.performer_phone": "74-12-34"})
    grid, actual = fill_period(db)
    stage = next(s for s in load_document(db).stages if YEAR in s.years)
    plan_total = stage.year_total(YEAR)
    actual_total = sum(actual.values())
    outs = render_all(tmp_path, db_path, "half-year", "--year", str(YEAR), "--half", "1")

    expected = list(actual.values()) + [plan_total, actual_total, actual_total - plan_total]
    joint = {}  # a joint measure's line sums its co-executors' own amounts
    for (measure_id, _executor_id), amount in actual.items():
        joint.setdefault(measure_id, []).append(amount)
    sums = [sum(amounts) for amounts in joint.values() if len(amounts) > 1]
    assert sums, "the built-in Program has joint measures"
    expected += sums
    by_measure_direction = {m.id: d for d in stage.directions for m in d.measures}
    for direction in stage.directions:
        d_actual = sum((a for key, a in actual.items() if by_measure_direction[key[0]] is direction), Decimal(0))
        expected.append(d_actual)
        for line in direction.funding:
            if line.amounts.get(YEAR):
                expected += [line.amounts[YEAR], d_actual - line.amounts[YEAR]]
    assert_numbers_everywhere(outs, expected)

    pdf, _ = pdf_text(outs["pdf"])
    docx = docx_text(outs["docx"])
    _numbers, texts, _ = xlsx_values(outs["xlsx"])
    missing = len(grid.rows) - len(actual)
    assert texts.count("інформація не надана") == missing
    assert docx.count("інформація не надана") == missing + 1  # + the explanation under the title
    assert pdf.count("інформаціяненадана") == missing + 1  # + the explanation under the title
    percent = format_percent(actual_total * 100 / plan_total).replace("\u00a0", " ")
    assert re.sub(r"\s+", "", percent) in pdf and percent in docx
    for text in ("Програмисприяннярозвиткумісцевогосамоврядуваннявм.КривомуРозі", "заIпівріччя2026року",
                 "до10липня2026року", "ОленаПЕТРЕНКО", "Виконавець:Коваленко,тел.74-12-34", "Сторінка1з"):
        assert text in pdf, text
    assert "Олена ПЕТРЕНКО" in docx and "Виконавець: Коваленко, тел. 74-12-34" in docx
    assert "Олена ПЕТРЕНКО" in texts


def test_untouched_builtin_program_shows_every_measure_not_reported(db, db_path, tmp_path):
    outs = render_all(tmp_path, db_path, "half-year", "--year", "2024", "--half", "1")
    stage = next(s for s in load_document(db).stages if 2024 in s.years)
    measures = sum(len(d.measures) for d in stage.directions)
    _numbers, texts, _ = xlsx_values(outs["xlsx"])
    parts = len(period_grid(db, 2024, 1).rows)  # each co-executor of a joint measure reports its own part
    assert measures == 18 and parts == 30
    assert texts.count("інформація не надана") == parts
    assert docx_text(outs["docx"]).count("інформація не надана") == parts + 1
    assert texts.count("Спільний захід: інформацію надали 0 із 2 виконавців") >= 1
    # planned amounts of 2024 on their direction rows, and the Program total = the passport's
    assert_numbers_everywhere(outs, [Decimal("4290.00"), Decimal("1391386.00"), Decimal("1395676.00"),
                                     -Decimal("1395676.00")])
    assert stage.year_total(2024) == Decimal("1395676.00")


def test_budget_report_plan_vs_actual_per_direction_and_source(db, db_path, tmp_path):
    fill_period(db, YEAR, 1)
    _grid, actual = fill_period(db, YEAR, 2)  # the II half-year's amounts (since 1 January) are the year's
    stage = next(s for s in load_document(db).stages if YEAR in s.years)
    outs = render_all(tmp_path, db_path, "budget", "--year", str(YEAR))
    by_measure_direction = {m.id: d for d in stage.directions for m in d.measures}
    expected = [stage.year_total(YEAR), sum(actual.values()), sum(actual.values()) - stage.year_total(YEAR)]
    for direction in stage.directions:
        d_actual = sum((a for key, a in actual.items() if by_measure_direction[key[0]] is direction), Decimal(0))
        expected += [d_actual, direction.year_total(YEAR), d_actual - direction.year_total(YEAR)]
    assert_numbers_everywhere(outs, expected)
    numbers, texts, sheet = xlsx_values(outs["xlsx"])
    assert len(sheet._charts) == 1 and "План" in texts and "Фактично" in texts
    pdf, _ = pdf_text(outs["pdf"])
    assert "Планіфактичнефінансуванняза" in pdf and "Напрям6" in pdf
    assert Document(outs["docx"]).inline_shapes, "the chart is a picture in the DOCX"


def test_overdue_report_one_letter_per_executor(db, db_path, tmp_path):
    from kr_desktop.domain.declension.addressee import unit_addressee

    grid, actual = fill_period(db)
    outs = render_all(tmp_path, db_path, "overdue", "--date", f"{YEAR}-07-15")
    from kr_desktop.services.control import control_data

    control = control_data(db, dt.date(YEAR, 7, 15))
    late = [c for c in control.by_executor if c.overdue]
    assert late, "every fourth measure is unreported: someone is late"
    pdf, pages = pdf_text(outs["pdf"])
    docx = docx_text(outs["docx"])
    for counts in late:
        to = unit_addressee(counts.executor)  # «Керівнику …» + the unit in the genitive
        assert to in docx and re.sub(r"\s+", "", to) in pdf
    assert "Керівнику:" not in docx
    assert docx.count("Про надання інформації щодо виконання Програми") == len(late)
    assert pages >= 1 + len(late)
    assert "станом на 15 липня 2026 року" in docx and "10.07.2026" in docx
    document = Document(outs["docx"])
    assert len(document.sections) == 1 + len(late)  # each letter a section of its own (numbers restart)
    _numbers, texts, sheet = xlsx_values(outs["xlsx"])
    assert len(sheet.row_breaks.brk) == len(late)
    dates = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, dt.datetime)]
    assert dates and all(d.date() == dt.date(YEAR, 7, 10) for d in dates)
    # reported executors get no letter
    done = [c.executor for c in control.by_executor if not c.overdue]
    for name in done:
        assert unit_addressee(name) not in docx


def test_cli_refuses_bad_input_in_ukrainian(db_path, tmp_path):
    result = subprocess.run([sys.executable, "-m", "kr_desktop", "report", "budget", "--db", str(db_path),
                             "--year", "2040", "--out", str(tmp_path / "b.pdf")], capture_output=True, text=True)
    assert result.returncode != 0 and "поза строком Програми" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "b.pdf").exists()
    assert cli_main(["report", "half-year", "--db", str(db_path), "--year", "2026", "--half", "1",
                     "--out", str(tmp_path / "x.odt")]) == 2
    with pytest.raises(SystemExit):
        cli_main(["report", "half-year", "--db", str(db_path), "--year", "2026", "--half", "3",
                  "--out", str(tmp_path / "x.pdf")])
