"""PDF tables: cells broken into lines that never leave the cell (reportlab's simpleSplit lines
where every word fits, a too long word hyphenated, no-break spaces kept), row heights as
reportlab's Table measures them, numbers set smaller instead of broken."""

import random

import pytest
from reportlab.lib.utils import simpleSplit

from kr_desktop.reports.document import Column, Row, TableBlock
from kr_desktop.reports.pdf_base import SERIF, SERIF_BOLD, register_fonts
from kr_desktop.reports.pdf_lines import LineWrapper
from kr_desktop.reports.pdf_table import PAD, TableBuilder
from kr_desktop.text.hyphenation import fit_pieces, hyphenation_points

WORDS = ["ҐАВРИЛЮК", "Ярина", "Ігорівна", "–", "головний", "спеціаліст", "відділу", "Криворізької", "міської",
         "ради", "ПАТ", "«АрселорМіттал", "Кривий", "Ріг»", "рішення", "виконкому", "від", "21.12.2016", "№1176"]
LONG = ["організаційно-протокольної", "інформаційно-комунікаційних", "Надзвичайнодовгеслово" * 3,
        "самоврядування", "територіальної"]


def _width(font, size):
    register_fonts()
    return LineWrapper(font, size)


def test_lines_are_simplesplit_lines_when_every_word_fits():
    """Where no word is wider than the cell, the lines are reportlab's own (what a Paragraph and the
    benchmark's plain reportlab print), however often the wrapper has seen the words."""
    rng = random.Random(7)
    texts = ["", " ", "одне", "  два   пробіли  ", "рядок\nдругий рядок\n", "\n"]
    texts += [" ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 25))) for _ in range(400)]
    texts += [a + "\n" + b for a, b in zip(texts[10:60], texts[60:110])]
    for font in (SERIF, SERIF_BOLD):
        wrapper = _width(font, 10)
        for inner in (90, 200, 380):
            for text in texts * 2:  # the second time every word's width comes from the cache
                expected = [line for part in text.split("\n") for line in simpleSplit(part, font, 10, inner) or [""]]
                assert wrapper.lines(text, inner) == expected, (text, inner, font)


@pytest.mark.parametrize("inner", [28, 40, 55, 70, 120])
def test_every_line_fits_and_nothing_is_lost(inner):
    wrapper = _width(SERIF, 8)
    rng = random.Random(inner)
    for _ in range(300):
        words = [rng.choice(WORDS + LONG) for _ in range(rng.randrange(1, 12))]
        lines = wrapper.lines(" ".join(words), inner)
        assert all(wrapper.width(line) <= inner + 1e-6 for line in lines), lines
        # the words come back when the hyphens drawn at line ends are taken away
        joined = ""
        for line in lines:
            if joined.endswith("-") and not _own_hyphen(joined, words):
                joined = joined[:-1] + line
            elif joined.endswith("-"):
                joined += line
            else:
                joined += (" " if joined else "") + line
        assert joined.split() == words or joined.replace(" ", "") == "".join(words), (words, lines)


def _own_hyphen(joined: str, words: list[str]) -> bool:
    tail = joined.split(" ")[-1]
    return any(w.startswith(tail) and "-" in w for w in words)


def test_a_word_breaks_at_its_own_hyphen_first():
    wrapper = _width(SERIF, 8)
    inner = wrapper.width("організаційно-") + 2  # the first part fits, the whole word does not
    assert wrapper.lines("Управління організаційно-протокольної роботи", inner) == [
        "Управління", "організаційно-", "протокольної", "роботи"]


def test_a_word_without_hyphen_breaks_at_a_hyphenation_point_with_a_hyphen_drawn():
    wrapper = _width(SERIF, 8)
    inner = wrapper.width("самоврядуван")
    lines = wrapper.lines("самоврядування", inner)
    assert len(lines) == 2 and lines[0].endswith("-") and lines[0][:-1] + lines[1] == "самоврядування"
    assert lines[0][:-1] in ("самовряду", "самовря", "само")  # at a syllable, never «самоврядуван-ня»…
    assert hyphenation_points("виконання") and 6 not in hyphenation_points("виконання")  # never «викона-ння»
    assert all(p not in hyphenation_points("Дем’яненко") for p in (4,))  # never before the apostrophe's letter


def test_only_words_that_do_not_fit_are_hyphenated():
    wrapper = _width(SERIF, 10)
    inner = wrapper.width("виконавчого комітету")
    assert wrapper.lines("виконавчого комітету Криворізької", inner) == ["виконавчого комітету", "Криворізької"]


def test_no_break_spaces_hold_their_words_together():
    wrapper = _width(SERIF, 10)
    text = "рішення міської ради від 21.12.2016 №\u00a01176 у м.\u00a0Кривому Розі"
    for inner in range(60, 300, 7):
        for line in wrapper.lines(text, inner):
            assert not line.endswith("№") and not line.endswith("м.") and not line.startswith("1176")


def test_pieces_fill_the_rest_of_the_line():
    wrapper = _width(SERIF, 8)
    pieces = fit_pieces("інформаційно-комунікаційних", wrapper.width, 60, first_room=wrapper.width("інформаційно-"))
    assert pieces[0] == "інформаційно-" and "".join(p.rstrip("-") for p in pieces[1:]) == "комунікаційних"


def test_measured_row_heights_are_the_tables_own():
    """Each page's Table is given the heights measured once (it does not measure again): they must
    be the heights reportlab's Table finds itself, for plain, wrapped, group, muted and total rows."""
    import datetime as dt
    from decimal import Decimal

    from reportlab.platypus import Table, TableStyle

    register_fonts()
    rng = random.Random(3)
    cols = (Column("№ з/п", 0.5, "int", wrap=False), Column("Прізвище, ім’я, по батькові – посада", 5.2),
            Column("Документ-підстава", 2.4), Column("Дата", 1.2, "date", wrap=False),
            Column("Сума", 1.4, "money", wrap=False))
    rows = [Row.group("Нагрудний знак «За заслуги перед містом» ІІІ ступеня")]
    for i in range(1, 60):
        rows.append(Row((i, " ".join(rng.choice(WORDS + LONG) for _ in range(rng.randrange(1, 30))),
                         "рішення виконкому\nвід 21.12.2016 №1176" if i % 7 == 0 else rng.choice(WORDS),
                         dt.date(2026, 11, 30), Decimal("1391386.005") * i),
                        "muted" if i % 11 == 0 else "normal"))
    rows.append(Row(("", "Усього", None, None, Decimal("12023016")), "total"))
    rows.append(Row(("", "", "", None, None)))
    builder = TableBuilder(TableBlock(cols, tuple(rows)), 760, 10, 2)
    cells, heights, styles = builder.body(rows)
    assert len(cells) == len(heights) == len(styles) == len(rows)
    assert max(heights) > 3 * builder.leading  # some rows wrap to several lines
    table = Table(builder.header + cells, colWidths=builder.col_widths,
                  cellStyles=[builder.header_styles] * len(builder.header) + styles)
    table.setStyle(TableStyle([("SPAN", (0, at), (-1, at))  # as builder.table(): a group row spans all
                               for at, row in enumerate(rows, len(builder.header)) if row.spans_all]))
    table.wrap(sum(builder.col_widths), 1e6)
    assert table._rowHeights == pytest.approx(builder.header_heights + heights, abs=1e-9)


def test_a_number_too_wide_for_its_column_is_set_smaller_not_broken():
    from decimal import Decimal

    register_fonts()
    cols = (Column("Сума", 1.0, "money", wrap=True), Column("Текст", 5))
    rows = [Row((Decimal("123456789.12"), "а")), Row((Decimal("5"), "б"))]
    builder = TableBuilder(TableBlock(cols, tuple(rows)), 300, 10, 2)
    cells, heights, styles = builder.body(rows)
    assert cells[0][0] == "123\u00a0456\u00a0789,12" and "\n" not in cells[0][0]
    inner = builder.col_widths[0] - PAD["left"] - PAD["right"]
    big = styles[0][0]
    assert big.fontsize < 10 and LineWrapper(SERIF, big.fontsize).width(cells[0][0]) <= inner
    assert styles[1][0].fontsize == 10 and styles[0][1].fontsize == 10  # only that cell
    assert big.alignment == "RIGHT"
