"""PDF tables: wrapped cells break into the same lines as reportlab's simpleSplit (what a Paragraph
and the benchmark's plain reportlab print), however often the builder has seen the words."""

import random

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
                if got == text and "\n" not in text:  # a line that fits is kept as written
                    assert expected == [" ".join(text.split())], (text, width, font)
                else:
                    assert got.split("\n") == expected, (text, width, font)
