"""The draft decision (or order) on awards as a document: DOCX to edit in Word, or PDF. Built from
services.decisions.DecisionDraft and laid out as ДСТУ 4163:2020 lays out a decision: A4, margins
30/10/20/20 mm, a 14 pt serif, the page number alone at the top from page 2 (no «Сторінка N з M»)."""

from __future__ import annotations

from kr_desktop.reports.document import Para, ReportDocument, Signature, SignatureBlock, Spacer
from kr_desktop.text.formatting import format_date_long

NBSP = "\u00a0"
HEADERS = {
    "council": ("КРИВОРІЗЬКА МІСЬКА РАДА", "РІШЕННЯ", "Міська рада вирішила:"),
    "executive": ("ВИКОНАВЧИЙ КОМІТЕТ КРИВОРІЗЬКОЇ МІСЬКОЇ РАДИ", "РІШЕННЯ", "Виконком міської ради вирішив:"),
    "mayor": ("КРИВОРІЗЬКИЙ МІСЬКИЙ ГОЛОВА", "РОЗПОРЯДЖЕННЯ", ""),
}
BASE_SIZE = 14


def decision_document(draft) -> ReportDocument:
    body, kind, resolves = HEADERS.get(draft.act_kind, HEADERS["executive"])
    date = format_date_long(draft.act_date) if draft.act_date else "«___» ____________ 20___ року"
    gap = NBSP * 8
    blocks: list = [Para("ПРОЄКТ", align="right", indent_first=False, italic=True, size_delta=-2),
                    Para(body, align="center", indent_first=False, bold=True),
                    Para(kind, align="center", indent_first=False, bold=True),
                    Spacer(2),
                    Para(f"{date}{gap}м.{NBSP}Кривий{NBSP}Ріг{gap}№{NBSP}{draft.act_number}", align="center",
                         indent_first=False),
                    Spacer(4), Para(draft.title, align="left", indent_first=False, bold=True), Spacer(2)]
    if draft.preamble:
        blocks.append(Para(draft.preamble.rstrip(" :,;.") + (":" if not resolves else ",")))
    if resolves:
        blocks.append(Para(resolves, indent_first=False, bold=True))
    for line in draft.paragraphs():
        blocks.append(Para(line))
    signatures = (Signature(draft.sign_position, draft.sign_name),) if draft.sign_position or draft.sign_name else ()
    blocks += [Spacer(10), SignatureBlock(signatures)]
    return ReportDocument(f"Проєкт {kind.lower()} №{NBSP}{draft.act_number}. {draft.title}", tuple(blocks),
                          base_size=BASE_SIZE, created=None, page_numbers="top")


def build_decision(db, act_number: str, act_date=None) -> ReportDocument:
    from kr_desktop.services.decisions import draft_decision

    return decision_document(draft_decision(db, act_number, act_date))
