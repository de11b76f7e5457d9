"""A draft decision of each kind reads right and is laid out as ДСТУ 4163:2020 lays out a
decision: the title and preamble of its kind, names and positions in the wording's case,
«(посмертно)», corrections kept, and — read back from PDF and DOCX — 14 pt serif, margins
30/10/20/20 mm, no «Сторінка N з M», the page number at the top from page 2."""

import datetime as dt

import docx
import pdfplumber
import pytest
from docx.shared import Pt

from kr_desktop.domain.declension import ACCUSATIVE, DATIVE
from kr_desktop.reports.decision_draft import build_decision
from kr_desktop.reports.output import render
from kr_desktop.services import award_types, awards, decisions, persons
from kr_desktop.services.settings import set_settings

D = dt.date
MM = 72 / 25.4


def _type(db, fragment):
    return next(x for x in award_types.list_award_types(db) if fragment in x.name)


def _award(db, person, type_fragment, number, date, kind, degree=None, posthumous=False, deceased=False):
    data = persons.PersonInput(*person[:4], workplace=person[4] if len(person) > 4 else "",
                               position=person[5] if len(person) > 5 else "", deceased=deceased)
    pid = persons.create_person(db, data, allow_duplicate=True)
    awards.save_award(db, awards.AwardInput(pid, _type(db, type_fragment).id, degree, act_kind=kind, act_number=number,
                                            act_date=date, posthumous=posthumous), confirm=True)
    return pid


@pytest.fixture
def acts(db):
    _award(db, ("Мацій", "Ярослав", "Петрович", "ч", "шахта «Гвардійська»", "гірник очисного вибою"),
           "Почесний громадянин", "5/12", D(2026, 5, 20), "council", posthumous=True, deceased=True)
    _award(db, ("Скиба", "Оксана", "Петрівна", "ж", "КЗШ №41", "провідна вчителька"), "Почесний громадянин",
           "5/12", D(2026, 5, 20), "council")
    _award(db, ("Скиба", "Оксана", "Іванівна", "ж", "", "завідувачка бібліотеки"), "Подяка", "77-р",
           D(2026, 6, 1), "mayor")
    _award(db, ("Гой", "Лев", "Семенович", "ч", "", "машиніст електровоза"), "Подяка", "77-р", D(2026, 6, 1), "mayor")
    _award(db, ("Сорока", "Галина", "", "ж", "ТОВ «Рудомаш»", "старша майстриня"), "заслуги", "412",
           D(2026, 9, 9), "executive", degree=3)
    set_settings(db, {decisions.SIGN_POSITION: "Міський голова", decisions.SIGN_NAME: "Олександр ВІЛКУЛ"})


def test_honorary_title_decision(db, acts):
    draft = decisions.draft_decision(db, "5/12")
    assert draft.title == "Про присвоєння звання «Почесний громадянин міста Кривого Рогу»"
    assert "Положення про звання «Почесний громадянин міста Кривого Рогу»" in draft.preamble
    assert "31.05.1996 №\u00a083" in draft.preamble
    assert draft.paragraphs() == [
        "1. Присвоїти звання «Почесний громадянин міста Кривого Рогу»:",
        "МАЦІЮ Ярославу Петровичу (посмертно) – гірникові очисного вибою, шахта «Гвардійська»;",
        "СКИБІ Оксані Петрівні – провідній вчительці, КЗШ №41.",
    ]


def test_thanks_order_and_award_decision(db, acts):
    thanks = decisions.draft_decision(db, "77-р")
    assert thanks.title == "Про оголошення подяки міського голови" and thanks.act_kind == "mayor"
    assert thanks.paragraphs() == ["1. Оголосити подяку міського голови:",
                                   "ГОЮ Львові Семеновичу – машиністові електровоза;",
                                   "СКИБІ Оксані Іванівні – завідувачці бібліотеки."]
    assert "13.09.2017 №\u00a0408" in thanks.preamble
    badge = decisions.draft_decision(db, "412")
    assert badge.title == "Про нагородження нагрудним знаком «За заслуги перед містом»"
    assert badge.paragraphs()[1] == "СОРОКУ Галину – старшу майстриню, ТОВ «Рудомаш»."
    assert "(посмертно)" not in " ".join(badge.paragraphs() + thanks.paragraphs())


def test_preamble_per_award_type_is_kept(db, acts):
    info = _type(db, "заслуги")
    own = "Відповідно до рішення виконкому від 01.02.2026 №\u00a012, розглянувши клопотання трудових колективів"
    award_types.update_award_type(db, info.id, award_types.AwardTypeInput(
        info.name, info.degrees, info.act_kind, info.issues_certificate, info.number_pattern, info.honorary_title,
        own), info.version)
    assert _type(db, "заслуги").decision_preamble == own
    assert decisions.draft_decision(db, "412").preamble == own
    assert "Положення про звання" in decisions.draft_decision(db, "5/12").preamble  # other types: their default


def test_position_correction_is_kept_for_every_holder(db, acts):
    _award(db, ("Бабій", "Олег", "", "ч", "шахта «Ювілейна»", "гірник очисного вибою"), "Почесний громадянин",
           "5/12", D(2026, 5, 20), "council")
    decisions.set_phrase_correction(db, "гірник  очисного вибою", DATIVE, "гірникові очисного вибою (ГРОЗ)")
    lines = decisions.draft_decision(db, "5/12").paragraphs()
    assert "БАБІЮ Олегу – гірникові очисного вибою (ГРОЗ), шахта «Ювілейна»;" in lines
    assert any(line.startswith("МАЦІЮ Ярославу Петровичу (посмертно) – гірникові очисного вибою (ГРОЗ)") for line in lines)
    entry = next(e for e in decisions.draft_decision(db, "5/12").entries if e.nominative.startswith("БАБІЙ"))
    assert entry.position_corrected and entry.position == "гірник очисного вибою"
    # clearing brings the automatic form back
    decisions.clear_phrase_correction(db, "Гірник очисного вибою", DATIVE)
    assert "БАБІЮ Олегу – гірникові очисного вибою, шахта «Ювілейна»;" in decisions.draft_decision(db, "5/12").paragraphs()
    with pytest.raises(Exception, match="Виправлена форма посади"):
        decisions.set_phrase_correction(db, "гірник", ACCUSATIVE, "  ")


def _pdf_words(path):
    with pdfplumber.open(path) as pdf:
        pages = [(page.width, page.height, page.extract_words(extra_attrs=["size", "fontname"]),
                  " ".join((page.extract_text() or "").split())) for page in pdf.pages]
    return pages


@pytest.mark.parametrize("act, expected", [
    ("5/12", ("КРИВОРІЗЬКА МІСЬКА РАДА", "РІШЕННЯ", "Про присвоєння звання «Почесний громадянин міста Кривого Рогу»",
              "МАЦІЮ Ярославу Петровичу (посмертно) – гірникові очисного вибою", "Міська рада вирішила:",
              "20 травня 2026 року")),
    ("77-р", ("КРИВОРІЗЬКИЙ МІСЬКИЙ ГОЛОВА", "РОЗПОРЯДЖЕННЯ", "Про оголошення подяки міського голови",
              "ГОЮ Львові Семеновичу – машиністові електровоза;")),
    ("412", ("ВИКОНАВЧИЙ КОМІТЕТ КРИВОРІЗЬКОЇ МІСЬКОЇ РАДИ", "Про нагородження нагрудним знаком «За заслуги перед містом»",
             "Нагородити нагрудним знаком «За заслуги перед містом» III ступеня:", "СОРОКУ Галину – старшу майстриню",
             "Виконком міської ради вирішив:")),
])
def test_each_kind_read_back_from_pdf_and_docx(db, acts, tmp_path, act, expected):
    document = build_decision(db, act)
    pdf, word = render(document, tmp_path / "d.pdf"), render(document, tmp_path / "d.docx")
    pages = _pdf_words(pdf)
    text = " ".join(p[3] for p in pages)
    for phrase in expected + ("Олександр ВІЛКУЛ", "ПРОЄКТ"):
        assert phrase in text, phrase
    assert "Сторінка" not in text
    for width, height, words, _text in pages:
        body = [w for w in words if w["text"] != "ПРОЄКТ"]
        assert min(w["x0"] for w in body) >= 30 * MM - 0.5  # left margin 30 mm
        assert max(w["x1"] for w in body) <= width - 10 * MM + 0.5  # right margin 10 mm
        assert min(w["top"] for w in words) >= 20 * MM - 0.5 and max(w["bottom"] for w in words) <= height - 20 * MM
        sizes = {round(w["size"]) for w in body}
        assert 14 in sizes and sizes <= {12, 14}
        assert all("Serif" in w["fontname"] for w in words)
    doc = docx.Document(word)
    section = doc.sections[0]
    assert [round(m.mm) for m in (section.left_margin, section.right_margin, section.top_margin,
                                  section.bottom_margin)] == [30, 10, 20, 20]
    assert doc.styles["Normal"].font.size == Pt(14) and doc.styles["Normal"].font.name == "Times New Roman"
    assert "Сторінка" not in section.footer._element.xml and "Сторінка" not in section.header._element.xml
    assert section.different_first_page_header_footer and "PAGE" in section.header._element.xml
    body = "\n".join(p.text for p in doc.paragraphs).replace("\u00a0", " ")  # no-break spaces of print
    for phrase in expected:
        assert phrase in body, phrase


def test_a_long_decision_numbers_its_pages_at_the_top_from_page_two(db, acts, tmp_path):
    for i in range(45):
        _award(db, ("Дзюба", f"Ірина{'а' * (i % 3)}", "Олегівна", "ж", "", "лікарка"), "заслуги", "412",
               D(2026, 9, 9), "executive", degree=3)
    pages = _pdf_words(render(build_decision(db, "412"), tmp_path / "long.pdf"))
    assert len(pages) >= 2
    first_top = min(pages[0][2], key=lambda w: w["top"])
    assert first_top["text"] == "ПРОЄКТ"  # nothing above the header on page 1
    for number, (width, _height, words, _text) in enumerate(pages[1:], start=2):
        top = min(words, key=lambda w: w["top"])
        assert top["text"] == str(number) and abs((top["x0"] + top["x1"]) / 2 - width / 2) < 2
        assert top["top"] >= 10 * MM - 0.5
    assert "ДЗЮБУ Ірину Олегівну – лікарку;" in " ".join(p[3] for p in pages)


def test_window_corrects_a_position_and_edits_a_preamble(qtbot, db, acts, tmp_path):
    from kr_desktop.ui.awards_types_dialog import AwardTypesDialog
    from kr_desktop.ui.context import AppContext
    from kr_desktop.ui.decision_screen import POSITION_COLUMN, DecisionScreen

    screen = DecisionScreen(AppContext(db))
    qtbot.addWidget(screen)
    screen.make_draft("412")
    assert screen.forms.item(0, POSITION_COLUMN).text() == "старшу майстриню"
    screen.set_form(0, None, position="старшого майстра")
    assert screen.save_forms() == 1
    assert "СОРОКУ Галину – старшого майстра, ТОВ «Рудомаш»." in screen.text.toPlainText()
    assert decisions.draft_decision(db, "412").entries[0].position_corrected

    dialog = AwardTypesDialog(AppContext(db))
    qtbot.addWidget(dialog)
    row = next(i for i in range(dialog.list.count()) if "заслуги" in dialog.list.item(i).text())
    dialog.list.setCurrentRow(row)
    assert "13.09.2017" in dialog.preamble.placeholderText() and dialog.preamble.toPlainText() == ""
    dialog.preamble.setPlainText("Розглянувши клопотання трудового колективу")
    dialog.save()
    assert decisions.draft_decision(db, "412").preamble == "Розглянувши клопотання трудового колективу"
    dialog.honorary.setChecked(True)
    assert "31.05.1996" in dialog.preamble.placeholderText()
