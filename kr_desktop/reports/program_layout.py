"""The words of a program's decision layout, shared by its print (PDF), its DOCX and the reader
of decision documents (services/program/docx_import): column headings, the passport table's
sources, how each passport item is written, amounts with one decimal as the decision prints them."""

from __future__ import annotations

from decimal import Decimal

from kr_desktop.text.formatting import format_money

DASH = "-"
PLACES = 1  # the decision prints amounts with one decimal: 12 023 016,0
TOTAL = "Усього"

ANNEX_HEAD = ("№ п/п", "Назва напряму діяльності (пріоритетні завдання)", "Перелік заходів програми",
              "Строк виконання заходу", "Виконавці", "Джерела фінансування")
AMOUNTS_HEAD = "Орієнтовні обсяги фінансових ресурсів (грн)"
RESULTS_HEAD = "Очікувані результати"

PASSPORT_HEAD = ("За роками виконання", "Орієнтовні обсяги фінансування, усього, грн", "Джерела фінансування")
# (funding source's name in the database, the passport table's column)
PASSPORT_SOURCES = (("Державний бюджет", "державний бюджет"), ("Обласний бюджет", "обласний бюджет"),
                    ("Бюджет Криворізької міської територіальної громади",
                     "бюджет Криворізької міської територіальної громади"),
                    ("Інші джерела", "інші джерела"))

NAME_SUFFIX = "(надалі – Програма)."


def passport_columns(doc) -> list[tuple[str, str, float]]:
    """Table 1.7's source columns: (source name, column heading, relative width) — the four every
    passport has, then any other source the program's passport names (in its own words)."""
    standard = {name for name, _label in PASSPORT_SOURCES}
    columns = [(name, label, 26 if "громади" in label else 17) for name, label in PASSPORT_SOURCES]
    columns += [(name, name[:1].lower() + name[1:], 17) for name in doc.passport_sources if name not in standard]
    return columns


def money(value: Decimal | None) -> str:
    return format_money(value, PLACES) if value else DASH


def period_text(start_year: int, end_year: int) -> str:
    return f"Початок: {start_year} рік, закінчення: {end_year} рік."


def passport_item_lines(doc, item) -> list[str]:
    """The paragraphs an item prints as («1.7. …: 12 023 016,0 грн»; results: one per line)."""
    number = item.number
    if item.kind == "name":
        return [f"{number}. {item.caption}: {doc.name} {item.text}".rstrip()]
    if item.kind == "period":
        return [f"{number}. {period_text(doc.start_year, doc.end_year)}"]
    if item.kind == "funding":
        return [f"{number}. {item.caption}: {money(doc.passport_total)} грн"]
    if item.kind == "results":
        return [f"{number}. {item.caption}:"] + [f"{number}.{i} {line}" for i, line in enumerate(item.lines, start=1)]
    return [f"{number}. {item.caption}: {item.text}" if item.caption else f"{number}. {item.text}"]
