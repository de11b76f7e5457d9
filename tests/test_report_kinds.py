"""Each kind of report, made from the built-in Program and demo data, read back in every format it
is printed in: the full title in the PDF's metadata, the DOCX properties and the XLSX sheet's first
row; short valid sheet names; default file names with the period; numbers that read as numbers;
and the Ukrainian of the documents (plural agreement, words by sex, one apostrophe, one style of
Roman numerals, no-break spaces)."""

import re

import docx
import openpyxl
import pdfplumber
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from pypdf import PdfReader

from kr_desktop.reports import file_names
from kr_desktop.reports.render_xlsx import sheet_title
from kr_desktop.reports.samples import samples
from report_demo import TODAY

FORBIDDEN_IN_SHEET = set(":?*[]/\\")


@pytest.fixture(scope="module")
def files(report_demo, tmp_path_factory):
    folder = tmp_path_factory.mktemp("kinds")
    made = {}
    for sample in samples(report_demo, TODAY):
        for fmt in sample.formats:
            made[sample.kind, fmt] = sample.render(folder / f"{sample.kind}.{fmt}")
    return made


def pdf_text(path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def docx_texts(path) -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]


def xlsx_sheet(path):
    return openpyxl.load_workbook(path).active


KINDS_WITH_TABLES = ["half-year", "budget", "overdue", "awards", "honorary-citizens", "certificates", "events",
                     "event", "stock"]


@pytest.mark.parametrize("kind", KINDS_WITH_TABLES)
def test_the_full_title_everywhere_and_a_short_valid_sheet_name(files, kind):
    title = PdfReader(files[kind, "pdf"]).metadata.title
    assert title and len(title) > 15
    assert docx.Document(str(files[kind, "docx"])).core_properties.title == title
    book = openpyxl.load_workbook(files[kind, "xlsx"])
    sheet = book.active
    plain = title.replace("\u00a0", " ")  # a sheet is searched: plain spaces
    assert sheet.cell(1, 1).value == plain and book.properties.title == plain
    assert "\u00a0" not in "".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c)
    assert 0 < len(sheet.title) <= 31 and not FORBIDDEN_IN_SHEET & set(sheet.title)


def test_titles_are_not_cut_at_31_characters(files):
    title = PdfReader(files["honorary-citizens", "pdf"]).metadata.title
    assert title == "Список почесних громадян міста Кривого Рогу"
    assert PdfReader(files["program", "pdf"]).metadata.title.startswith("Програма сприяння розвитку")
    assert PdfReader(files["program", "pdf"]).metadata.title.endswith("2017–2027\u00a0роки")
    assert "півріччя 2026" in PdfReader(files["half-year", "pdf"]).metadata.title.replace("\u00a0", " ")


def test_half_year_report(files):
    text = flat(pdf_text(files["half-year", "pdf"]))
    match = re.search(r"інформацію надано щодо (\d+) з (\d+) (заходу|заходів)", text)
    assert match and (match[3] == "заходу") == (int(match[2]) % 10 == 1 and int(match[2]) % 100 != 11)
    assert "\u2212" in text and not re.search(r"(?<![\d\w])-\d", text)  # the minus sign, not a hyphen
    # DOCX: amounts right-aligned in every row — measures, directions and totals
    table = docx.Document(str(files["half-year", "docx"])).tables[0]
    money_cells = 0
    for row in table.rows[2:]:
        for cell in row.cells[5:8]:
            if re.fullmatch(r"[−+]?[\d\u00a0]+,\d\d", cell.text):
                assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT, cell.text
                money_cells += 1
    assert money_cells > 20
    # XLSX: amounts are numbers shown with two places, deviations with their sign
    sheet = xlsx_sheet(files["half-year", "xlsx"])
    header = next(r for r in sheet.iter_rows(min_row=1, max_row=6) if r[1].value == "Напрям діяльності, захід")
    assert header[4].value == "Джерело фінансування"  # one term for the concept in every document
    rows = list(sheet.iter_rows(min_row=header[0].row + 1))
    plan = [r[5] for r in rows if isinstance(r[5].value, (int, float))]
    deviation = [r[7] for r in rows if isinstance(r[7].value, (int, float))]
    assert plan and all(c.number_format == "#,##0.00" for c in plan)
    assert deviation and all(c.number_format.startswith("+#,##0.00;\"\u2212\"#,##0.00") for c in deviation)


def test_budget_report_deviations_are_signed(files):
    text = flat(pdf_text(files["budget", "pdf"]))
    assert re.search(r"[+\u2212]\d{1,3}(?: \d{3})*,\d\d", text)
    assert "Джерело фінансування" in text


def test_award_list_continuation_and_signature(files):
    with pdfplumber.open(files["awards", "pdf"]) as pdf:
        pages = [page.extract_text() for page in pdf.pages]
    assert len(pages) >= 2 and any("(продовження)" in page for page in pages[1:])
    text = flat("\n".join(pages))
    assert "Керуючий справами виконкому" in text and "_______________" in text  # signed, a blank for the name
    assert not re.search("\u0406+ ступеня", text) and "III ступеня" in text  # Latin numerals only
    assert re.search(r"Усього \d+ (запис|записи|записів);", text)


def test_honorary_citizens_died_by_sex(files):
    cells = [row for row in xlsx_sheet(files["honorary-citizens", "xlsx"]).iter_rows(values_only=True)]
    notes = [row[5] for row in cells if row[5] and "помер" in str(row[5])]
    assert {n.split()[0] for n in notes} == {"помер", "померла"}
    assert "(ла)" not in pdf_text(files["honorary-citizens", "pdf"])


def test_certificates_and_events(files):
    text = pdf_text(files["certificates", "pdf"])
    assert "Журнал видачі посвідчень" in text
    assert "\u0406\u0406" not in text  # no Cyrillic numerals
    event = flat(pdf_text(files["event", "pdf"]))
    assert "(я)" not in event and ("присутній" in event or "присутня" in event)


@pytest.mark.parametrize("kind", ["program", "half-year", "awards", "honorary-citizens", "event", "overdue"])
def test_one_apostrophe_and_no_break_spaces(files, kind):
    text = pdf_text(files[kind, "pdf"])
    assert not re.search(r"\w['\u02bc]\w", text)  # only ’ between letters
    for line in text.split("\n"):
        assert not re.search(r"(^|\s)\d{1,4}$", line) or "№" not in line.split()[-1:]  # «№» keeps its number
    assert "2017\u22122027" not in text and "2017-2027" not in text


def test_an_event_titled_with_signs_excel_refuses_exports(db, tmp_path):
    import datetime as dt

    from kr_desktop.reports.output import render
    from kr_desktop.reports.events_lists import build_event
    from kr_desktop.services import events

    title = "Зустріч: випускники [2026] / школа №5 — питання? *так*"
    event_id = events.save_event(db, events.EventInput(title, dt.date(2026, 5, 20), "protocol", "10:00", "Ліцей"))
    out = render(build_event(db, event_id), tmp_path / "e.xlsx")
    book = openpyxl.load_workbook(out)
    assert not FORBIDDEN_IN_SHEET & set(book.active.title) and len(book.active.title) <= 31
    from kr_desktop.text.wording import typographic

    assert book.active.cell(1, 1).value == typographic(title).replace("\u00a0", " ")
    assert PdfReader(render(build_event(db, event_id), tmp_path / "e.pdf")).metadata.title.startswith("Зустріч:")


def test_sheet_names():
    assert sheet_title("Список почесних громадян міста Кривого Рогу") == "Список почесних громадян міста"
    assert sheet_title("Захід: [1]/2*?") == "Захід 1 2"
    assert sheet_title("Звіт", {"звіт"}) == "Звіт (2)"
    assert sheet_title("") == "Звіт"
    assert len(sheet_title("Д" * 60, {"Д" * 31})) <= 31


def test_default_file_names_carry_the_period():
    import datetime as dt

    assert file_names.halfyear(2026, 2) == "Інформація_II_півріччя_2026.pdf"
    assert file_names.awards(dt.date(2026, 1, 1), dt.date(2026, 12, 31)) == "Нагороджені_01.01.2026–31.12.2026.pdf"
    assert file_names.awards(year=2025) == "Нагороджені_2025.pdf"
    assert file_names.budget(2026) == "Використання_коштів_2026.pdf"
    assert file_names.event(dt.date(2026, 5, 25), 'День міста: "урочисто" / 2026') == \
        "Захід_25.05.2026_День_міста_урочисто_2026.pdf"
    assert file_names.certificates("Нагрудний знак «За заслуги перед містом»", 2026) == \
        "Журнал_посвідчень_Нагрудний_знак_За_заслуги_перед_містом_2026.pdf"


def test_the_command_line_says_when_a_signer_has_no_name(db_path, tmp_path, capsys):
    from kr_desktop.cli import main
    from kr_desktop.db.open import open_database
    from kr_desktop.services.signers import save_signers

    out = tmp_path / "h.pdf"
    assert main(["report", "honorary-citizens", "--db", str(db_path), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "не задано ім’я того, хто підписує («Керуючий справами виконкому»)" in err
    assert "_______________" in pdf_text(out)
    db = open_database(db_path)
    save_signers(db, {"awards": ("Керуючий справами виконкому", "Олена ШОВГЕЛЯ")})
    db.dispose()
    assert main(["report", "honorary-citizens", "--db", str(db_path), "--out", str(out), "--force"]) == 0
    assert capsys.readouterr().err == ""
    text = pdf_text(out)
    assert "Олена ШОВГЕЛЯ" in text and "_______________" not in text


def test_argparse_speaks_ukrainian(capsys):
    from kr_desktop.cli import build_parser

    help_text = build_parser().format_help()
    assert "show program" not in help_text and "показати версію програми і вийти" in help_text
    assert not re.search(r"[A-Za-z]{4,} [a-z]{3,}", help_text.replace("kr-desktop", "").replace("PostgreSQL", ""))
