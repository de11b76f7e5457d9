"""Reminder letters as official letters (ДСТУ 4163:2020): the department's letterhead, «№ ____ від
____» for the outgoing number and date, the addressee in the dative in the right half, a short
heading, the text with every overdue measure by number and text, the due dates and the date to
answer by, the signature, and the executor's name and phone small at the bottom-left.

Each letter is a document of its own: it starts a new page and its page numbers start again
(the number at the top from its second page; no «Сторінка N з M»).
"""

from __future__ import annotations

from kr_desktop.reports.document import (Block, PageBreak, Para, ReportDocument, Signature, SignatureBlock,
                                         Spacer)
from kr_desktop.services.reminder_letters import LetterSection, LettersData, ReminderLetter
from kr_desktop.text.formatting import format_date, format_date_long

NBSP = "\u00a0"
BASE_SIZE = 14
ADDRESSEE_INDENT_MM = 90  # the addressee block takes the right half of the 170 mm text width
_EXECUTIVE = "ВИКОНАВЧИЙ КОМІТЕТ КРИВОРІЗЬКОЇ МІСЬКОЇ РАДИ"
_OF_EXECUTIVE = " виконкому криворізької міської ради"
BLANK = "_______________"


def _measures_word(count: int) -> str:
    """«такого заходу» / «таких заходів» (minimal agreement; the shared text rules take it over)."""
    return "такого заходу" if count == 1 else "таких заходів"


def letterhead(sender: str, details: str = "") -> list[Block]:
    """The department's blank: the executive committee, the department, its address and contacts."""
    name = " ".join((sender or "").split())
    lines = [_EXECUTIVE]
    if name.lower().endswith(_OF_EXECUTIVE):
        lines.append(name[: -len(_OF_EXECUTIVE)].upper())
    elif name:
        lines = [name.upper()]
    blocks: list[Block] = [Para(line, align="center", bold=True, indent_first=False) for line in lines]
    if details.strip():
        blocks.append(Para(" ".join(details.split()), align="center", indent_first=False, size_delta=-3))
    return blocks


def _section_blocks(section: LetterSection, on) -> list[Block]:
    measures = section.measures
    if section.kind == "report":
        period = section.what.removeprefix("Звіт за ").strip()
        lead = (f"Станом на {format_date_long(on)} від Вас не надійшла інформація про виконання за {period} "
                f"(строк подання — до {format_date_long(section.due)}) {_measures_word(len(measures))}:")
        lines = [f"{m.number}.{NBSP}{m.text}" for m in measures]
    else:
        which = "якого" if len(measures) == 1 else "яких"
        lead = (f"Минув строк виконання {_measures_word(len(measures))}, інформації про виконання {which} "
                "не надходило:")
        when = f"строк за Програмою: «{section.deadline}»; " if section.deadline else ""
        lines = [f"{m.number}.{NBSP}{m.text} ({when}мало бути виконано до {format_date(section.due)})"
                 for m in measures]
    blocks: list[Block] = [Para(lead)]
    for i, line in enumerate(lines):
        end = "." if i == len(lines) - 1 else ";"
        blocks.append(Para(line.rstrip(" .;") + end))
    return blocks


def letter_blocks(letter: ReminderLetter, data: LettersData) -> list[Block]:
    p, s, on = data.program, data.signing, data.on
    blocks: list[Block] = letterhead(s.sender, s.details)
    blocks += [Spacer(4),
               Para(f"№{NBSP}{BLANK} від {BLANK}", align="left", indent_first=False),
               Spacer(3)]
    blocks += [Para(line, align="left", indent_first=False, left_indent_mm=ADDRESSEE_INDENT_MM)
               for line in letter.addressee.lines()]
    blocks += [Spacer(5),
               Para("Про надання інформації щодо виконання Програми", align="left", indent_first=False, bold=True),
               Spacer(1),
               Para(f"Відповідно до пункту 5 рішення міської ради від {format_date(p.decision_date)} "
                    f"№{NBSP}{p.decision_number} виконавці заходів {p.name_genitive} інформують виконавчий комітет "
                    f"міської ради про їх виконання до 10{NBSP}липня (за I{NBSP}півріччя) та до 10{NBSP}січня (за рік).")]
    for section in letter.sections:
        blocks += _section_blocks(section, on)
    count = sum(len(section.measures) for section in letter.sections)
    which = "зазначеного заходу" if count == 1 else "зазначених заходів"
    blocks.append(Para(f"Просимо надати інформацію про стан виконання {which}, фактично профінансовані суми за "
                       "джерелами фінансування та причини невиконання (за наявності) до "
                       f"{format_date_long(data.reply_by)}."))
    blocks.append(SignatureBlock((Signature(s.position, s.name or BLANK),), s.executor_line))
    return blocks


def letters_document(data: LettersData, title: str | None = None) -> ReportDocument:
    """Every letter of ``data``, each on its own pages with its own numbering."""
    blocks: list[Block] = []
    for i, letter in enumerate(data.letters):
        if i:
            blocks.append(PageBreak(new_document=True))
        blocks += letter_blocks(letter, data)
    if not blocks:
        blocks.append(Para(f"Станом на {format_date_long(data.on)} прострочених завдань немає: нагадування не "
                           "потрібні.", indent_first=False))
    name = title or (f"Нагадування: {data.letters[0].executor}" if len(data.letters) == 1
                     else f"Нагадування виконавцям Програми станом на {format_date(data.on)}")
    return ReportDocument(name, tuple(blocks), base_size=BASE_SIZE, created=data.on, page_numbers="top")


def build_letter(data: LettersData, executor_id: int) -> ReportDocument:
    """The letter of one executor (as «Контроль» prints it for the executor it shows)."""
    chosen = [letter for letter in data.letters if letter.executor_id == executor_id]
    if not chosen:
        raise ValueError(f"no overdue items for executor {executor_id}")
    return letters_document(LettersData(data.program, data.on, data.reply_by, data.signing, tuple(chosen)))


def executor_letter(db, on, executor_id: int) -> ReportDocument:
    """One executor's reminder letter on ``on``, straight from the database (what «Контроль» calls
    for the executor it shows; a UserError when that executor has nothing overdue)."""
    from kr_desktop.services.reminder_letters import letters_data

    return build_letter(letters_data(db, on, [executor_id]), executor_id)
