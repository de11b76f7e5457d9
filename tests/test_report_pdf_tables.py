"""PDF tables: wrapped cells break into the same lines as reportlab's simpleSplit (what a Paragraph
and the benchmark's plain reportlab print), however often the builder has seen the words; row
heights as reportlab's Table measures them."""

import random

import pytest
from reportlab.lib.utils import simpleSplit

from kr_desktop.reports.document import Column, Row, TableBlock
from kr_desktop.reports.pdf_base import SERIF, SERIF_BOLD, register_fonts
from kr_desktop.reports.render_pdf import _PAD, _TableBuilder

WORDS = ["ҐАВРИЛЮК", "Ярина", "Ігорівна", "–", "головний", "спеціаліст", "відділу", "Криворізької", "міської",
         "ради", "ПАТ", "«АрселорМіттал", "Кривий", "Ріг»", "рішення", "виконкому", "від", "21.12.2016", "№1176",
         "Надзвичайнодовгеслово" * 4]


def test_wrapped_cells_have_simplesplit_lines():
    register_fonts()
    block = TableBlock((Column("№", 0.5, "int", wrap=False), Column("Особа", 5.2), Column("Документ", 2.4)),
                       (Row((1, "а", "б")),))
    builder = _TableBuilder(block, 700, 10, 2)
    rng = random.Random(7)
    texts = ["", " ", "одне", "  два   пробіли  ", "рядок\nдругий рядок\n", "\n"]
    texts += [" ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 25))) for _ in range(400)]
    texts += [a + "\n" + b for a, b in zip(texts[10:60], texts[60:110])]
    for width in builder.col_widths[1:]:
        inner = width - _PAD["left"] - _PAD["right"]
        for font in (SERIF, SERIF_BOLD):
            for text in texts * 2:  # the second time every word's width comes from the cache
                expected = [line for part in text.split("\n") for line in simpleSplit(part, font, 10, inner) or [""]]
                got = builder._wrapped(text, width, font)
                assert got.split("\n") == expected, (text, width, font)


def test_measured_row_heights_are_the_tables_own():
    """Each page's Table is given the heights measured once (it does not measure again): they
    must be the heights reportlab's Table finds itself, for plain, wrapped, group, muted and
    total rows."""
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
        rows.append(Row((i, " ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 30))),
                         "рішення виконкому\nвід 21.12.2016 №1176" if i % 7 == 0 else rng.choice(WORDS),
                         dt.date(2026, 11, 30), Decimal("1391386.005") * i),
                        "muted" if i % 11 == 0 else "normal"))
    rows.append(Row(("", "Усього", None, None, Decimal("12023016")), "total"))
    rows.append(Row(("", "", "", None, None)))
    builder = _TableBuilder(TableBlock(cols, tuple(rows)), 760, 10, 2)
    cells, heights = builder.body(rows)
    assert len(cells) == len(heights) == len(rows)
    assert max(heights) > 3 * builder.leading  # some rows wrap to several lines
    styles = [builder.header_styles] * len(builder.header) + [builder.body_styles] * len(rows)
    table = Table(builder.header + cells, colWidths=builder.col_widths, cellStyles=styles)
    table.setStyle(TableStyle([("SPAN", (0, at), (-1, at))  # as builder.table(): a group row spans all
                               for at, row in enumerate(rows, len(builder.header)) if row.spans_all]))
    table.wrap(sum(builder.col_widths), 1e6)
    assert table._rowHeights == pytest.approx(builder.header_heights + heights, abs=1e-9)
