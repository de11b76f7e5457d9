"""The Program printed as the decision shows it: passport with table 1.7, then each annex."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import NextPageTemplate, PageBreak, Paragraph, Spacer, Table, TableStyle

from kr_desktop.cancel import checkpoint
from kr_desktop.reports.pdf_base import OfficialDocument, cell_styles, styles
from kr_desktop.services.program_view import DirectionRows, FundingLine, ProgramDocument, StageDocument
from kr_desktop.text.formatting import format_date, format_money

DASH = "-"
PLACES = 1  # the decision prints amounts with one decimal: 12 023 016,0

# Relative widths of the annex columns; year columns are added per stage.
ANNEX_COLUMNS = [("№ п/п", 6), ("Назва напряму діяльності (пріоритетні завдання)", 30),
                 ("Перелік заходів програми", 46), ("Строк виконання заходу", 18), ("Виконавці", 34),
                 ("Джерела фінансування", 21)]
YEAR_WIDTH = 16.5
TOTAL_WIDTH = 17.5
RESULTS = ("Очікувані результати", 32)
ANNEX_FONT = 7.5


def money(value: Decimal | None) -> str:
    return format_money(value, PLACES) if value else DASH


def _p(text: str, style) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def render_program_pdf(doc: ProgramDocument, out: Path | str) -> Path:
    out = Path(out)
    pdf = OfficialDocument(out, title=doc.name)
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
    amendments = ", ".join(f"{format_date(d)} №{n}" for d, n in doc.amendments)
    story = [
        _p("ЗАТВЕРДЖЕНО", st["plain"]),
        _p(f"Рішення міської ради {format_date(doc.decision_date)} № {doc.decision_number}", st["plain"]),
        _p(f"зі змінами від {amendments}", st["plain"]),
        Spacer(1, 6 * mm),
        _p("ПРОГРАМА", st["title"]),
        _p(_after_program_word(doc.name), st["title"]),
        Spacer(1, 4 * mm),
        _p(f"1. Паспорт {_genitive_name(doc.name)}", st["heading"]),
        _p(f"1.1. Назва: {doc.name} (надалі – Програма).", st["body"]),
        _p(f"1.2. Підстава для розроблення: {doc.legal_basis}", st["body"]),
        _p(f"1.3. Розробник Програми: {doc.developer}", st["body"]),
        _p(f"1.4. Відповідальні за виконання: {doc.responsible}", st["body"]),
        _p(f"1.5. Мета: {doc.goal}", st["body"]),
        _p(f"1.6. Початок: {doc.start_year} рік, закінчення: {doc.end_year} рік.", st["body"]),
        _p(f"1.7. Загальні орієнтовні обсяги фінансування: {money(doc.passport_total)} грн", st["body"]),
        Spacer(1, 2 * mm),
        _passport_table(doc, pdf),
        Spacer(1, 4 * mm),
        _p("1.8. Очікувані кінцеві результати виконання Програми:", st["body"]),
    ]
    story += [_p(line, st["body"]) for line in doc.expected_results]
    return story


PASSPORT_SOURCE_COLUMNS = ["державний бюджет", "обласний бюджет",
                           "бюджет Криворізької міської територіальної громади", "інші джерела"]
_PASSPORT_SOURCE_NAMES = ["Державний бюджет", "Обласний бюджет",
                          "Бюджет Криворізької міської територіальної громади", "Інші джерела"]


def _passport_table(doc: ProgramDocument, pdf: OfficialDocument) -> Table:
    cs = cell_styles(11)
    head1 = [_p("За роками виконання", cs["head"]), _p("Орієнтовні обсяги фінансування, усього, грн", cs["head"]),
             _p("Джерела фінансування", cs["head"]), "", "", ""]
    head2 = ["", ""] + [_p(name, cs["head"]) for name in PASSPORT_SOURCE_COLUMNS]
    rows = [head1, head2]
    totals = [Decimal(0)] * len(_PASSPORT_SOURCE_NAMES)
    for row in doc.passport:
        values = [row.by_source.get(name) for name in _PASSPORT_SOURCE_NAMES]
        totals = [t + (v or 0) for t, v in zip(totals, values)]
        rows.append([_p(str(row.year), cs["center"]), _p(money(row.total), cs["right"])]
                    + [_p(money(v), cs["right"] if v else cs["center"]) for v in values])
    rows.append([_p("Усього", cs["bold"]), _p(money(doc.passport_total), cs["bold_right"])]
                + [_p(money(t), cs["bold_right"] if t else cs["center"]) for t in totals])
    width = pdf.frame_width("portrait")
    weights = [16, 24, 17, 17, 26, 17]
    table = Table(rows, colWidths=[width * w / sum(weights) for w in weights], repeatRows=2)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (5, 0)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _after_program_word(name: str) -> str:
    # «Програма сприяння …» is printed as «ПРОГРАМА» and the rest on the next line.
    return name.split(" ", 1)[1] if name.lower().startswith("програма ") else name


def _genitive_name(name: str) -> str:
    return "Програми " + _after_program_word(name)


# -- annexes ----------------------------------------------------------------------------------
def _annex(doc: ProgramDocument, stage: StageDocument, pdf: OfficialDocument) -> list:
    st = styles(12)
    story = [
        Paragraph(f"Додаток {stage.annex_number}<br/>до {escape(_genitive_name(doc.name))}", st["annex_note"]),
        Spacer(1, 3 * mm),
        _p(stage.title, st["title"]),
        Spacer(1, 2 * mm),
        _annex_table(stage, pdf),
    ]
    return story


def _annex_columns(stage: StageDocument) -> list[tuple[str, float]]:
    return (ANNEX_COLUMNS + [(str(y), YEAR_WIDTH) for y in stage.years] + [("Усього", TOTAL_WIDTH), RESULTS])


def _funding_cell(lines: tuple[FundingLine, ...], year: int | None, style) -> Paragraph | str:
    if not lines:
        return ""
    if year is None:
        return _p("\n".join(money(line.total) for line in lines), style)
    return _p("\n".join(money(line.amounts.get(year)) for line in lines), style)


def _annex_table(stage: StageDocument, pdf: OfficialDocument) -> Table:
    cs = cell_styles(ANNEX_FONT)
    columns = _annex_columns(stage)
    n_years = len(stage.years)
    first_amount = len(ANNEX_COLUMNS)
    total_col = first_amount + n_years
    results_col = total_col + 1
    head1 = [_p(name, cs["head"]) for name, _w in ANNEX_COLUMNS]
    head1 += [_p("Орієнтовні обсяги фінансових ресурсів (грн)", cs["head"])] + [""] * n_years
    head1 += [_p(RESULTS[0], cs["head"])]
    head2 = [""] * first_amount + [_p(str(y), cs["head"]) for y in stage.years] + [_p("Усього", cs["head"]), ""]
    head3 = [_p(str(i), cs["center"]) for i in range(1, len(columns) + 1)]
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
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for col in range(first_amount):
        style.append(("SPAN", (col, 0), (col, 1)))
    style += [("SPAN", (first_amount, 0), (total_col, 0)), ("SPAN", (results_col, 0), (results_col, 1))]

    for direction in stage.directions:
        _direction_rows(direction, stage, cs, rows, style)
        # A line under the whole direction: its merged cells end here.
        style.append(("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0.5, colors.black))

    total_row = [_p("", cs["cell"]), _p("Усього", cs["bold"]), "", "", "", ""]
    total_row += [_p(money(stage.year_total(y)), cs["bold_right"]) for y in stage.years]
    total_row += [_p(money(stage.total), cs["bold_right"]), ""]
    rows.append(total_row)
    style.append(("LINEABOVE", (0, len(rows) - 1), (-1, len(rows) - 1), 0.5, colors.black))

    width = pdf.frame_width("landscape")
    weights = [w for _name, w in columns]
    table = Table(rows, colWidths=[width * w / sum(weights) for w in weights], repeatRows=3)
    table.setStyle(TableStyle(style))
    return table


def _direction_rows(direction: DirectionRows, stage: StageDocument, cs, rows: list, style: list) -> None:
    """One row per measure. The direction's cells stand on its first row, like merged cells:
    no horizontal line inside them, so the table still splits cleanly across pages."""
    measure_cols = (2, 3, 4)
    results_col = len(ANNEX_COLUMNS) + len(stage.years) + 1
    for index, measure in enumerate(direction.measures):
        first = index == 0
        funding = measure.funding or (direction.funding if first else ())
        row = [
            _p(str(direction.number), cs["center"]) if first else "",
            _p(direction.name, cs["cell"]) if first else "",
            _p(measure.text, cs["cell"]),
            _p(measure.deadline_phrase, cs["cell"]),
            _p(measure.executors_text, cs["cell"]),
            _p("\n".join(line.source for line in funding), cs["cell"]) if funding else "",
        ]
        row += [_funding_cell(funding, year, cs["right"]) for year in stage.years]
        row += [_funding_cell(funding, None, cs["right"])]
        row += [_p(measure.expected_result, cs["cell"]) if measure.expected_result else ""]
        rows.append(row)
        row_index = len(rows) - 1
        if not first:
            for col in measure_cols:
                style.append(("LINEABOVE", (col, row_index), (col, row_index), 0.5, colors.black))
            if measure.expected_result:
                style.append(("LINEABOVE", (results_col, row_index), (results_col, row_index), 0.5, colors.black))
            if measure.funding:
                style.append(("LINEABOVE", (5, row_index), (results_col - 1, row_index), 0.5, colors.black))
