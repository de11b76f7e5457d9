"""The detail pane: a measure's text, deadline, executors, funding and expected result."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser

from kr_desktop.domain.provenance import Provenance
from kr_desktop.services.program_view import MeasureDetail
from kr_desktop.text.formatting import format_date, format_money
from kr_desktop.ui import texts

PLACES = 1  # as the decision prints amounts


class MeasureDetailView(QTextBrowser):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.detail: MeasureDetail | None = None
        self.show_placeholder()

    def show_placeholder(self) -> None:
        self.detail = None
        self.setHtml(f"<p style='color:#555'>{escape(texts.DETAIL_PLACEHOLDER)}</p>")

    def show_measure(self, detail: MeasureDetail) -> None:
        self.detail = detail
        self.setHtml(render_detail_html(detail))


def _row(label: str, value: str) -> str:
    return f"<tr><td style='color:#444; padding-right:12px' valign='top'><b>{escape(label)}</b></td><td>{value}</td></tr>"


def render_detail_html(d: MeasureDetail) -> str:
    first, last = d.stage_years
    deadline = d.deadline
    understood = escape(deadline.label) if deadline.recognized else (
        f"<span style='color:#b00020'>{escape(texts.DETAIL_UNRECOGNISED)}</span>")
    if d.next_due:
        next_due = format_date(d.next_due)
    elif d.last_due:
        next_due = texts.DETAIL_ALL_PASSED.format(last=format_date(d.last_due))
    else:
        next_due = texts.DETAIL_NO_DUE
    executors = "<br/>".join(escape(name) for name in d.executors) + _origin(d.executors_provenance)
    parts = [
        f"<h3>{escape(texts.DETAIL_MEASURE.format(number=d.number))}</h3>",
        f"<p style='color:#444'>{escape(texts.DETAIL_STAGE.format(annex=d.stage_annex, first=first, last=last, direction=d.direction_number, name=d.direction_name))}</p>",
        "<table cellspacing='4'>",
        _row(texts.DETAIL_TEXT, escape(d.text)),
        _row(texts.DETAIL_DEADLINE, escape(deadline.phrase) + _origin(d.deadline_provenance)),
        _row(texts.DETAIL_DEADLINE_UNDERSTOOD, understood),
        _row(texts.DETAIL_NEXT_DUE, escape(next_due)),
        _row(texts.DETAIL_EXECUTORS, executors),
        _row(texts.DETAIL_EXPECTED, escape(d.expected_result)),
        "</table>",
        f"<h4>{escape(texts.DETAIL_FUNDING)}</h4>",
        _funding_table(d),
    ]
    return "".join(parts)


def _origin(provenance: Provenance) -> str:
    """Beside a value the decision does not print in the measure's own cell: where it comes from."""
    if provenance.printed:
        return ""
    colour = "#555" if provenance.origin == "merged" else "#a15c00"
    note = f": {escape(provenance.note)}" if provenance.note else ""
    return (f"<br/><span style='color:{colour}'><i>{escape(texts.DETAIL_ORIGIN[provenance.origin])}</i>"
            f"{note}</span>")


def _funding_table(d: MeasureDetail) -> str:
    if not d.funding:
        return f"<p>{escape(texts.DETAIL_NO_FUNDING)}</p>"
    first, last = d.stage_years
    years = list(range(first, last + 1))
    head = "".join(f"<th>{y}</th>" for y in years)
    rows = [f"<tr><th align='left'>{escape(texts.DETAIL_SOURCE)}</th>{head}<th>{escape(texts.DETAIL_TOTAL)}</th></tr>"]
    for line in d.funding:
        level = texts.DETAIL_FUNDING_DIRECTION if line.level == "direction" else texts.DETAIL_FUNDING_MEASURE
        if line.phrase:  # words instead of amounts
            start = years.index(line.phrase_from) if line.phrase_from in years else 0
            cells = "<td></td>" * start + f"<td colspan='{len(years) - start + 1}' align='center'>{escape(line.phrase)}</td>"
            rows.append(f"<tr><td>{escape(line.source)} <i>({escape(level)})</i></td>{cells}</tr>")
            continue
        cells = "".join(f"<td align='right'>{format_money(line.amounts.get(y), PLACES, '-') if line.amounts.get(y) else '-'}</td>"
                        for y in years)
        rows.append(f"<tr><td>{escape(line.source)} <i>({escape(level)})</i></td>{cells}"
                    f"<td align='right'><b>{format_money(line.total, PLACES)}</b></td></tr>")
    return "<table border='1' cellspacing='0' cellpadding='3'>" + "".join(rows) + "</table>"
