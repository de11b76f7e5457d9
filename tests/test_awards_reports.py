"""Honorary citizens and the certificate journal printed from the command line, read back."""

import datetime as dt

import docx
import openpyxl
import pdfplumber

from kr_desktop.cli import main
from kr_desktop.services import award_types, awards, persons


def _setup(db):
    types = award_types.list_award_types(db)
    title = next(t for t in types if t.honorary_title)
    badge = next(t for t in types if "За заслуги" in t.name)
    ids = {}
    for surname, dead in (("Сторожук", False), ("Бабенко", True), ("Ґудзь", False)):
        ids[surname] = persons.create_person(db, persons.PersonInput(
            surname, "Анатолій", "Васильович", deceased=dead, death_date=dt.date(2019, 5, 5) if dead else None))
    for i, surname in enumerate(ids):
        awards.save_award(db, awards.AwardInput(ids[surname], title.id, act_number=f"8{i}",
                                                act_date=dt.date(1996 + i, 5, 31)), confirm=True)
        awards.save_award(db, awards.AwardInput(ids[surname], badge.id, degree=3, certificate_number=str(i + 1),
                                                act_date=dt.date(2021, 1, 1), presented_on=dt.date(2021, 2, 1)),
                          confirm=True)
    first = awards.query_awards(db, awards.AwardFilter(award_type_id=badge.id, text="Сторожук"))[0]
    awards.delete_award(db, first.id)
    return badge


def test_honorary_citizens_living_only(db, db_path, tmp_path):
    _setup(db)
    db.dispose()
    out = tmp_path / "h.xlsx"
    assert main(["report", "honorary-citizens", "--living", "--db", str(db_path), "--out", str(out)]) == 0
    cells = [c for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True) for c in row if c]
    names = [c for c in cells if isinstance(c, str) and "Анатолій" in c]
    assert names == ["ҐУДЗЬ Анатолій Васильович", "СТОРОЖУК Анатолій Васильович"]
    assert "1998" in cells and "рішення міської ради від 31.05.1998 №82" in cells
    out = tmp_path / "all.docx"
    assert main(["report", "honorary-citizens", "--db", str(db_path), "--out", str(out)]) == 0
    table = docx.Document(str(out)).tables[0]
    assert [r.cells[1].text for r in table.rows[1:]] == ["БАБЕНКО Анатолій Васильович", "ҐУДЗЬ Анатолій Васильович",
                                                        "СТОРОЖУК Анатолій Васильович"]
    assert "помер(ла) 05.05.2019" in table.rows[1].cells[5].text


def test_certificate_journal_keeps_deleted_numbers_and_has_a_signature_column(db, db_path, tmp_path, capsys):
    _setup(db)
    db.dispose()
    out = tmp_path / "c.pdf"
    assert main(["report", "certificates", "--type", "за заслуги", "--year", "2021", "--db", str(db_path),
                 "--out", str(out)]) == 0
    with pdfplumber.open(out) as pdf:
        text = " ".join((pdf.pages[0].extract_text() or "").split())
    assert "Підпис отримувача" in text and "Журнал видачі посвідчень" in text
    assert "СТОРОЖУК" not in text  # its award was deleted: no date, so not in a year's journal
    assert text.index("2 БАБЕНКО Анатолій Васильович ІІІ 01.02.2021") < text.index("3 ҐУДЗЬ Анатолій Васильович ІІІ")
    assert main(["report", "certificates", "--type", "2", "--db", str(db_path), "--out", str(out), "--force"]) == 0
    with pdfplumber.open(out) as pdf:
        text = " ".join((pdf.pages[0].extract_text() or "").split())
    assert "1 СТОРОЖУК Анатолій Васильович (відзнаку видалено; номер не використовується)" in text
    assert main(["report", "certificates", "--type", "Подяка", "--db", str(db_path), "--out", str(out), "--force"]) == 2
    assert "посвідчення не видаються" in capsys.readouterr().err
    assert main(["report", "awards", "--type", "Орден", "--db", str(db_path), "--out", str(out), "--force"]) == 2
    assert "не знайдено" in capsys.readouterr().err
    assert main(["report", "awards", "--degree", "ІІІ", "--from", "01.01.2021", "--db", str(db_path),
                 "--out", str(tmp_path / "b.pdf")]) == 0
    with pdfplumber.open(tmp_path / "b.pdf") as pdf:
        text = " ".join((pdf.pages[0].extract_text() or "").split())
    assert "БАБЕНКО" in text and "СТОРОЖУК" not in text and "ІІІ ступеня (2)" in text
