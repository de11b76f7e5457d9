"""An empty import sheet with the headers, and a sheet of hints on the accepted values."""

from __future__ import annotations

from pathlib import Path

from kr_desktop.reports.xlsx_cells import safe_text_cell
from kr_desktop.services.award_import.plan import COLUMNS


def write_template(path: str | Path) -> Path:
    """An empty import sheet with the headers, and a sheet of hints on the accepted values."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Відзнаки"
    for i, title in enumerate(COLUMNS.values(), start=1):
        safe_text_cell(sheet, 1, i, title).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(i)].width = max(14, len(title) + 4)
    sheet.freeze_panes = "A2"
    hints = workbook.create_sheet("Довідка")
    for row, line in enumerate((
            ("Обов’язкові стовпці", "Прізвище, Відзнака (і Ступінь — для відзнак зі ступенями)"),
            ("Відзнака", "назва з довідника відзнак; регістр і лапки не важливі"),
            ("Ступінь", "І, ІІ, ІІІ (або I, II, III, або 1, 2, 3); І — найвищий"),
            ("Вид документа", "рішення міської ради / рішення виконкому / розпорядження міського голови"),
            ("Дати", "дата Excel або текст дд.мм.рррр"),
            ("Стать", "ч або ж"),
            ("Особа", "якщо особа вже є в реєстрі (те саме ім’я і дата народження), її не буде продубльовано"),
            ("Імпорт", "усе або нічого: за будь-якої помилки нічого не записується"),
            ("Аркуш", "читається аркуш, відкритий під час збереження (видимий); приховані аркуші не імпортуються"),
            ("Не приймається", "формули (вставте значення), службові символи, книга понад 200 МБ або "
                               "1 000 000 рядків, книга з паролем, формат .xls")), start=1):
        for column, text in enumerate(line, start=1):
            safe_text_cell(hints, row, column, text)
    hints.column_dimensions["A"].width = 22
    hints.column_dimensions["B"].width = 100
    workbook.save(path)
    return path
