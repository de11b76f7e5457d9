"""A program printed as its decision shows it: the passport's items with table 1.7, then each annex.

Values the decision prints once for several measures (a merged cell) are drawn merged: the cell
has no text and no line above it. A value the decision does not print at all (inferred by meaning,
see domain/provenance) is set in italics, with a line under the table saying so.

Table cells are broken into lines by pdf_lines.LineWrapper before reportlab sees them, so a word
too long for its column is hyphenated («виконан-|ня», «організаційно-|протокольної») and nothing
runs over a cell's border; amounts too wide for their column are set smaller, never broken."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import NextPageTemplate, PageBreak, Paragraph, Spacer, Table, TableStyle

from kr_desktop.cancel import checkpoint
from kr_desktop.domain.program_names import after_program_word, genitive
from kr_desktop.domain.provenance import INFERRED, MERGED
from kr_desktop.reports.pdf_base import SERIF_ITALIC, OfficialDocument, cell_styles, styles
from kr_desktop.reports.pdf_lines import LineWrapper
from kr_desktop.reports.program_layout import money, passport_columns, passport_item_lines
from kr_desktop.services.program_view import DirectionRows, FundingLine, ProgramDocument, StageDocument
from kr_desktop.text.formatting import format_date
from kr_desktop.text.wording import typographic

# Relative widths of the annex columns; year columns are added per stage.
ANNEX_COLUMNS = [("№ п/п", 6), ("Назва напряму діяльності (пріоритетні завдання)", 30),
                 ("Перелік заходів програми", 46), ("Строк виконання заходу", 18), ("Виконавці", 34),
                 ("Джерела фінансування", 21)]
YEAR_WIDTH = 16.5
TOTAL_WIDTH = 17.5
RESULTS = ("Очікувані результати", 32)
ANNEX_FONT = 7.5
INFERRED_NOTE = ("Курсивом надруковано значення, яких рішення не друкує в клітинці заходу "
                 "(виведено за змістом; звідки — див. картку заходу).")


def _p(text: str, style) -> Paragraph:
    return Paragraph(escape(typographic(text)).replace("\n", "<br/>"), style)


CELL_PAD = 2  # left and right padding of the tables' cells (LEFTPADDING/RIGHTPADDING below)
_wrappers: dict[tuple[str, float], LineWrapper] = {}


def _cell(text: str, style, width: float) -> Paragraph:
    """A table cell whose lines were broken to fit ``width`` (the column) in the style's font: a
    too long word hyphenated, a number that does not fit set smaller."""
    key = (style.fontName, style.fontSize)
    wrapper = _wrappers.get(key)
    if wrapper is None:
        wrapper = _wrappers[key] = LineWrapper(*key)
    inner = width - 2 * CELL_PAD
    text = typographic(text)
    if text and all(ch.isdigit() or ch in " \u00a0,.-\n" for ch in text):  # amounts: never broken
        widest = max(wrapper.width(line) for line in text.split("\n"))
        if widest > inner:
            from reportlab.lib.styles import ParagraphStyle

            size = style.fontSize * inner / widest * 0.98
            style = ParagraphStyle(style.name + "s", parent=style, fontSize=size, leading=style.leading)
        return Paragraph(escape(text).replace("\n", "<br/>"), style)
    lines = wrapper.lines(text, inner)
    return Paragraph("<br/>".join(escape(line) for line in lines), style)


def render_program_pdf(doc: ProgramDocument, out: Path | str) -> Path:
    out = Path(out)
    pdf = OfficialDocument(out, title=typographic(doc.name))
    pdf.afterPage = checkpoint  # once a page: printed from the window, «Скасувати» stops here
    story = _passport(doc, pdf) + [NextPageTemplate("landscape"), PageBreak()]
    for index, stage in enumerate(doc.stages):
        if index:
            story.append(PageBreak())
        story += _annex(doc, stage, pdf)
    pdf.build_numbered(story)
    return out


# -- passport ---------------------------------------------------------------------------------
def _passport(doc: ProgramDocument, pdf: OfficialDocument) -> list:
    st = styles(13)
    if doc.decision_number:
        story = [_p("ЗАТВЕРДЖЕНО", st["plain"]),
                 _p(f"Рішення міської ради {format_date(doc.decision_date) if doc.decision_date else ''} "
                    f"№ {doc.decision_number}", st["plain"])]
        if doc.amendments:
            story.append(_p(f"зі змінами від {', '.join(f'{format_date(d)} №{n}' for d, n in doc.amendments)}",
                            st["plain"]))
    else:
        story = [_p("ПРОЄКТ", st["plain"])]
    story += [
        Spacer(1, 6 * mm),
        _p("ПРОГРАМА", st["title"]),
        _p(after_program_word(doc.name), st["title"]),
        Spacer(1, 4 * mm),
        _p(f"1. Паспорт {genitive(doc.name)}", st["heading"]),
    ]
    for item in doc.passport_items:
        story += _passport_item(doc, item, pdf, st)
    return story


def _passport_item(doc: ProgramDocument, item, pdf: OfficialDocument, st) -> list:
    lines = [_p(line, st["body"]) for line in passport_item_lines(doc, item)]
    if item.kind == "funding":
        return lines + [Spacer(1, 2 * mm), _passport_table(doc, pdf), Spacer(1, 4 * mm)]
    return lines


def _passport_table(doc: ProgramDocument, pdf: OfficialDocument) -> Table:
    cs = cell_styles(11)
    width = pdf.frame_width("portrait")
    columns = passport_columns(doc)
    weights = [16, 24] + [weight for _name, _label, weight in columns]
    w = [width * x / sum(weights) for x in weights]
    head1 = [_cell("За роками виконання", cs["head"], w[0]),
             _cell("Орієнтовні обсяги фінансування, усього, грн", cs["head"], w[1]),
             _cell("Джерела фінансування", cs["head"], sum(w[2:]))] + [""] * (len(columns) - 1)
    head2 = ["", ""] + [_cell(label, cs["head"], w[2 + i]) for i, (_name, label, _w) in enumerate(columns)]
    rows = [head1, head2]
    totals = [Decimal(0)] * len(columns)
    for row in doc.passport:
        values = [row.by_source.get(name) for name, _label, _w in columns]
        totals = [t + (v or 0) for t, v in zip(totals, values)]
        rows.append([_cell(str(row.year), cs["center"], w[0]), _cell(money(row.total), cs["right"], w[1])]
                    + [_cell(money(v), cs["right"] if v else cs["center"], w[2 + i]) for i, v in enumerate(values)])
    rows.append([_cell("Усього", cs["bold"], w[0]), _cell(money(doc.passport_total), cs["bold_right"], w[1])]
                + [_cell(money(t), cs["bold_right"] if t else cs["center"], w[2 + i]) for i, t in enumerate(totals)])
    table = Table(rows, colWidths=w, repeatRows=2)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (len(columns) + 1, 0)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD), ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]))
    return table


# -- annexes ----------------------------------------------------------------------------------
def _annex(doc: ProgramDocument, stage: StageDocument, pdf: OfficialDocument) -> list:
    st = styles(12)
    caption = stage.caption or f"до {genitive(doc.name)}"
    story = [
        Paragraph(f"Додаток {stage.annex_number}<br/>{escape(typographic(caption))}", st["annex_note"]),
        Spacer(1, 3 * mm),
        _p(stage.title, st["title"]),
        Spacer(1, 2 * mm),
        _annex_table(stage, pdf),
    ]
    if any(m.deadline_provenance.origin == INFERRED or m.executors_provenance.origin == INFERRED
           for d in stage.directions for m in d.measures):
        story += [Spacer(1, 2 * mm), _p(INFERRED_NOTE, cell_styles(ANNEX_FONT + 1)["cell"])]
    return story


def _annex_columns(stage: StageDocument) -> list[tuple[str, float]]:
    return (ANNEX_COLUMNS + [(str(y), YEAR_WIDTH) for y in stage.years] + [("Усього", TOTAL_WIDTH), RESULTS])


def _funding_cell(lines: tuple[FundingLine, ...], year: int | None, style, width: float) -> Paragraph | str:
    lines = tuple(line for line in lines if not line.phrase)  # words instead of amounts: a cell of their own
    if not lines:
        return ""
    if year is None:
        return _cell("\n".join(money(line.total) for line in lines), style, width)
    return _cell("\n".join(money(line.amounts.get(year)) for line in lines), style, width)


def _phrase_span(funding: tuple[FundingLine, ...], years: tuple[int, ...]) -> tuple[int, str] | None:
    """A row whose only funding is words instead of amounts: (the first year column's index, the
    words); the words fill one cell from there to «Усього»."""
    if len(funding) != 1 or not funding[0].phrase:
        return None
    line = funding[0]
    return (years.index(line.phrase_from) if line.phrase_from in years else 0), line.phrase


def _value_cell(text: str, origin: str, style, italic_style, width: float) -> Paragraph | str:
    if origin == MERGED:
        return ""  # part of the merged cell above: printed there once
    return _cell(text, italic_style if origin == INFERRED else style, width)


def _annex_table(stage: StageDocument, pdf: OfficialDocument) -> Table:
    cs = cell_styles(ANNEX_FONT)
    columns = _annex_columns(stage)
    n_years = len(stage.years)
    first_amount = len(ANNEX_COLUMNS)
    total_col = first_amount + n_years
    results_col = total_col + 1
    width = pdf.frame_width("landscape")
    weights = [w for _name, w in columns]
    w = [width * x / sum(weights) for x in weights]
    head1 = [_cell(name, cs["head"], w[i]) for i, (name, _w) in enumerate(ANNEX_COLUMNS)]
    head1 += [_cell("Орієнтовні обсяги фінансових ресурсів (грн)", cs["head"], sum(w[first_amount:total_col + 1]))]
    head1 += [""] * n_years + [_cell(RESULTS[0], cs["head"], w[results_col])]
    head2 = [""] * first_amount + [_cell(str(y), cs["head"], w[first_amount + i]) for i, y in enumerate(stage.years)]
    head2 += [_cell("Усього", cs["head"], w[total_col]), ""]
    head3 = [_cell(str(i), cs["center"], w[i - 1]) for i in range(1, len(columns) + 1)]
    rows = [head1, head2, head3]
    style = [
        ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
        ("GRID", (0, 0), (-1, 2), 0.5, colors.black),
        ("LINEAFTER", (0, 0), (-1, -1), 0.5, colors.black),
        # Close the table at every page break and reopen it on the next page.
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.5, colors.black),
        ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, 2), "MIDDLE"),
        ("VALIGN", (0, 3), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD), ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for col in range(first_amount):
        style.append(("SPAN", (col, 0), (col, 1)))
    style += [("SPAN", (first_amount, 0), (total_col, 0)), ("SPAN", (results_col, 0), (results_col, 1))]

    for direction in stage.directions:
        _direction_rows(direction, stage, cs, rows, style, w)
        # A line under the whole direction: its merged cells end here.
        style.append(("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0.5, colors.black))

    total_row = ["", _cell("Усього", cs["bold"], w[1]), "", "", "", ""]
    total_row += [_cell(money(stage.year_total(y)), cs["bold_right"], w[first_amount + i])
                  for i, y in enumerate(stage.years)]
    total_row += [_cell(money(stage.total), cs["bold_right"], w[total_col]), ""]
    rows.append(total_row)
    style.append(("LINEABOVE", (0, len(rows) - 1), (-1, len(rows) - 1), 0.5, colors.black))

    table = Table(rows, colWidths=w, repeatRows=3)
    table.setStyle(TableStyle(style))
    return table


def _direction_rows(direction: DirectionRows, stage: StageDocument, cs, rows: list, style: list,
                    w: list[float]) -> None:
    """One row per measure. The direction's cells stand on its first row, like merged cells:
    no horizontal line inside them, so the table still splits cleanly across pages. A deadline or
    executors cell the decision merges with the one above is drawn the same way."""
    first_amount = len(ANNEX_COLUMNS)
    results_col = first_amount + len(stage.years) + 1
    italic = ParagraphStyle("cell_i", parent=cs["cell"], fontName=SERIF_ITALIC)
    for index, measure in enumerate(direction.measures):
        first = index == 0
        # a merged cell never reaches above the direction's first row
        deadline_origin = measure.deadline_provenance.origin
        executors_origin = measure.executors_provenance.origin
        if first:
            deadline_origin = "printed" if deadline_origin == MERGED else deadline_origin
            executors_origin = "printed" if executors_origin == MERGED else executors_origin
        funding = measure.funding or (direction.funding if first else ())
        row = [
            _cell(str(direction.number), cs["center"], w[0]) if first else "",
            _cell(direction.name, cs["cell"], w[1]) if first else "",
            _cell(measure.text, cs["cell"], w[2]),
            _value_cell(measure.deadline_phrase, deadline_origin, cs["cell"], italic, w[3]),
            _value_cell(measure.executors_text, executors_origin, cs["cell"], italic, w[4]),
            _cell("\n".join(line.source for line in funding), cs["cell"], w[5]) if funding else "",
        ]
        row += [_funding_cell(funding, year, cs["right"], w[first_amount + i]) for i, year in enumerate(stage.years)]
        row += [_funding_cell(funding, None, cs["right"], w[results_col - 1])]
        row += [_cell(measure.expected_result, cs["cell"], w[results_col]) if measure.expected_result else ""]
        rows.append(row)
        row_index = len(rows) - 1
        phrase = _phrase_span(funding, stage.years)
        if phrase is not None:
            start, words = phrase
            row[first_amount + start] = _cell(words, cs["center"], sum(w[first_amount + start:results_col]))
            style.append(("SPAN", (first_amount + start, row_index), (results_col - 1, row_index)))
        if not first:
            style.append(("LINEABOVE", (2, row_index), (2, row_index), 0.5, colors.black))
            for col, origin in ((3, deadline_origin), (4, executors_origin)):
                if origin != MERGED:
                    style.append(("LINEABOVE", (col, row_index), (col, row_index), 0.5, colors.black))
            if measure.expected_result:
                style.append(("LINEABOVE", (results_col, row_index), (results_col, row_index), 0.5, colors.black))
            if measure.funding:
                style.append(("LINEABOVE", (5, row_index), (results_col - 1, row_index), 0.5, colors.black))
        if measure.funding:  # its own funding cell ends with its row
            style.append(("LINEBELOW", (5, row_index), (results_col - 1, row_index), 0.5, colors.black))
