"""Every PDF report of the application, from the built-in Program and demo data, read back: no word
over another word and none over a cell's border (text that ran out of its cell); the page flow —
headers and group headings repeated, the signature never alone on a page — and numbers aligned."""

import re

import pdfplumber
import pytest

from kr_desktop.reports.samples import KINDS, samples
from pdf_layout import layout_problems
from report_demo import TODAY


@pytest.fixture(scope="module")
def pdfs(report_demo, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdfs")
    made = {}
    for sample in samples(report_demo, TODAY):
        made[sample.kind] = sample.render(folder / f"{sample.kind}.pdf")
    return made


def test_every_report_kind_has_a_sample(pdfs):
    assert set(pdfs) == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_no_word_leaves_its_cell_or_covers_another(pdfs, kind):
    problems = layout_problems(pdfs[kind])
    assert problems == [], "\n".join(problems[:20])


def test_the_check_finds_text_out_of_its_cell(tmp_path):
    """The layout check itself: a string drawn over a border and two words drawn over each other."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from kr_desktop.reports.pdf_base import SERIF, register_fonts

    register_fonts()
    path = tmp_path / "bad.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(SERIF, 10)
    c.line(100, 500, 100, 600)
    c.drawString(60, 550, "організаційно-протокольної")
    c.drawString(300, 550, "Програми")
    c.drawString(305, 550, "Програми")
    c.save()
    problems = layout_problems(path)
    assert any("crosses a vertical border" in p for p in problems)
    assert any("overlaps" in p for p in problems)


def _words(page):
    return page.extract_words(x_tolerance=1.5, y_tolerance=1.5)


def test_table_headers_and_group_headings_repeat_on_every_page(pdfs):
    with pdfplumber.open(pdfs["awards"]) as pdf:
        assert len(pdf.pages) >= 2
        for page in pdf.pages:
            text = page.extract_text()
            assert "Документ-підстава" in text  # the column titles
        for page in pdf.pages[1:]:
            first_row = page.extract_text().split("\n")[1]
            # the first line under the titles names the award and degree its rows belong to
            assert first_row.endswith("(продовження)") or re.search(r"\(\d+\)$", first_row), first_row
        for page in pdf.pages:
            left = min(line["x0"] for line in page.lines)
            for word in page.extract_words():
                if word["text"] in ("Нагрудний", "Почесна", "Подяка", "Грамота"):  # a group heading's first word
                    assert word["x0"] - left < 6, (word["text"], word["x0"], left)  # read from the left


def test_the_signature_is_never_alone_on_the_last_page(pdfs):
    for kind in ("half-year", "budget", "awards", "honorary-citizens", "overdue"):
        with pdfplumber.open(pdfs[kind]) as pdf:
            last = pdf.pages[-1]
            text = last.extract_text()
            assert "_______________" in text or re.search(r"[А-ЯҐЄІЇ]{3,}\s*Сторінка", text), kind
            # above the signature: the table's last rows (their borders), the chart, or the letter's text
            own = [line for line in text.split("\n") if "_____" not in line and not line.startswith("Сторінка")]
            assert len(last.lines) + len(last.rects) >= 2 or len(own) >= 6, kind


def test_a_table_is_never_restarted_on_the_same_page(pdfs):
    """Rows carried to the next page to keep the signature company start that page: the header is
    never printed twice on one page."""
    for kind in ("half-year", "budget", "awards", "honorary-citizens", "certificates", "events"):
        with pdfplumber.open(pdfs[kind]) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                assert page.extract_text().count("з/п") <= 1, (kind, number)


def test_amounts_are_right_aligned_in_measure_and_total_rows(pdfs):
    """Half-year report: in the plan and actual columns every amount ends at the column's right edge,
    whether a measure's, a direction's or the total's."""
    money = re.compile(r"^[−+]?\d{1,3}(?:\u00a0\d{3})*,\d\d$")
    with pdfplumber.open(pdfs["half-year"]) as pdf:
        for page in pdf.pages:
            columns = sorted({round(line["x0"], 1) for line in page.lines if abs(line["x1"] - line["x0"]) < 0.5})
            ends: dict[float, set[float]] = {}
            for word in page.extract_words(x_tolerance=1, keep_blank_chars=True):
                if money.match(word["text"]):
                    border = min((x for x in columns if x >= word["x1"] - 0.5), default=None)
                    ends.setdefault(border, set()).add(round(border - word["x1"], 1))
            assert ends, "no amounts on a page of the half-year report"
            for border, gaps in ends.items():
                assert max(gaps) - min(gaps) <= 0.6 and min(gaps) >= 0, (border, gaps)


def test_no_line_breaks_inside_a_number_sign_or_a_city(pdfs):
    for kind in ("program", "half-year", "awards", "decision"):
        with pdfplumber.open(pdfs[kind]) as pdf:
            for page in pdf.pages:
                for line in (page.extract_text() or "").split("\n"):
                    words = line.split()
                    assert not (words and words[-1] in ("№", "м.")), (kind, line)


def test_the_program_header_is_not_broken_inside_a_word(pdfs):
    with pdfplumber.open(pdfs["program"]) as pdf:
        first = pdf.pages[0].extract_text()
    assert "виконанн\nя" not in first and "виконання" in first.replace("-\n", "")
