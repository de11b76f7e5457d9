"""The Ukrainian text rules (kr_desktop/text/wording.py): plural agreement, words by sex,
apostrophe, no-break spaces, dashes, Roman numerals, lists of executors."""

import pytest

from kr_desktop.text import wording as w

NB = "\u00a0"


@pytest.mark.parametrize("n, form", [
    (0, "заходів"), (1, "захід"), (2, "заходи"), (4, "заходи"), (5, "заходів"), (11, "заходів"), (12, "заходів"),
    (14, "заходів"), (20, "заходів"), (21, "захід"), (22, "заходи"), (25, "заходів"), (101, "захід"),
    (111, "заходів"), (112, "заходів"), (122, "заходи"), (1001, "захід"), (10_011, "заходів"),
])
def test_plural_agreement(n, form):
    assert w.plural(n, *w.MEASURES) == form


def test_count_and_count_of():
    assert w.count(21, *w.RECORDS) == f"21{NB}запис"
    assert w.count(2, *w.RECORDS) == f"2{NB}записи"
    assert w.count(10_005, *w.RECORDS) == f"10{NB}005{NB}записів"
    assert w.count_of(1, 1, "заходу", "заходів") == f"1 з 1{NB}заходу"
    assert w.count_of(18, 21, "заходу", "заходів") == f"18 з 21{NB}заходу"
    assert w.count_of(3, 5, "заходу", "заходів") == f"3 з 5{NB}заходів"


def test_words_by_sex():
    assert w.by_sex("ч", "помер", "померла") == "помер"
    assert w.by_sex("ж", "помер", "померла") == "померла"
    assert w.by_sex(None, "помер", "померла") == "помер(ла)"
    assert w.by_sex(None, "присутній", "присутня") == "присутній/присутня"
    assert w.by_sex(None, "присутній", "присутня", unknown="") == ""
    assert w.sex_of(None, "Миколаївна") == "ж" and w.sex_of(None, "Ілліч") == "ч"
    assert w.sex_of(None, "Кузьмич") == "ч" and w.sex_of(None, "Саввична") == "ж"
    assert w.sex_of("ч", "Миколаївна") == "ч"  # what was recorded wins
    assert w.sex_of(None, "") is None and w.sex_of(None, "Огли") is None


def test_apostrophe_is_typographic_between_letters_only():
    assert w.typographic_apostrophe("Мар'яна Дем\u02bcяненко, В\u2018юн") == "Мар’яна Дем’яненко, В’юн"
    assert w.typographic_apostrophe("'цитата'") == "'цитата'"  # quotes are not apostrophes
    assert w.typographic_apostrophe("без апострофа") == "без апострофа"


def test_no_break_spaces():
    assert w.no_break_spaces("рішення №1176 та № 1177") == f"рішення №{NB}1176 та №{NB}1177"
    assert w.no_break_spaces("в м. Кривому Розі") == f"в м.{NB}Кривому Розі"
    assert w.no_break_spaces("смт Радушне, с. Ранній Ранок") == f"смт{NB}Радушне, с.{NB}Ранній Ранок"
    assert w.no_break_spaces("30 листопада 2026 року, 12 023 016,0 грн") == \
        f"30 листопада 2026{NB}року, 12 023 016,0{NB}грн"
    assert w.no_break_spaces("5 м. завдовжки") == "5 м. завдовжки"


def test_en_dash_in_ranges():
    assert w.en_dash_ranges("на 2017\u22122027 роки") == "на 2017–2027 роки"
    assert w.en_dash_ranges("2020-2023, 2024 - 2027") == "2020–2023, 2024–2027"
    assert w.en_dash_ranges("01.01.2026-31.12.2026") == "01.01.2026–31.12.2026"
    assert w.en_dash_ranges("тел. 74-00-00, 1176-1") == "тел. 74-00-00, 1176-1"
    assert w.year_range(2017, 2027) == "2017–2027" and w.year_range(2026, 2026) == "2026"


def test_roman_numerals_in_one_style():
    assert [w.roman(n) for n in (1, 2, 3, 4, 5, 9, 14)] == ["I", "II", "III", "IV", "V", "IX", "XIV"]
    assert w.roman_numerals("знак ІІІ ступеня") == f"знак III{NB}ступеня"  # Cyrillic І → Latin
    assert w.roman_numerals("ІV ступеня, II півріччя") == f"IV{NB}ступеня, II{NB}півріччя"
    assert w.roman_numerals("І ще одне") == "І ще одне"  # the conjunction is not a numeral
    assert w.roman_numerals("ІІІІІІ ступеня") == "ІІІІІІ ступеня"  # not a numeral
    assert w.half_year_name(2) == f"II{NB}півріччя" and w.degree_name(3) == f"III{NB}ступеня"
    assert all(ch.isascii() for ch in w.roman(3) + w.half_year_name(1)[:1])


def test_typographic_does_everything_and_is_idempotent():
    text = "Програма м. Кривого Рогу на 2017−2027 роки, рішення № 1176; Мар'яна — ІІ ступеня"
    once = w.typographic(text)
    assert once == (f"Програма м.{NB}Кривого Рогу на 2017–2027{NB}роки, рішення №{NB}1176; Мар’яна{NB}— "
                    f"II{NB}ступеня")
    assert w.typographic(once) == once
    assert w.typographic("") == ""


def test_a_dash_never_starts_a_line():
    assert w.typographic("ІВАНЕНКО Іван – директор; таблицею — 5 грн") == \
        f"ІВАНЕНКО Іван{NB}– директор; таблицею{NB}— 5{NB}грн"


def test_signed_numbers_use_the_minus_sign():
    assert w.signed("1 250,00", negative=False) == "+1 250,00"
    assert w.signed("-566,67", negative=True) == "\u2212566,67"
    assert w.signed("0,00", negative=False, zero=True) == "0,00"


def test_lists_after_semicolon_in_lower_case():
    assert w.join_list(["Управління освіти і науки", "Департамент соціальної політики", "КП «Кривбасводоканал»",
                        "Криворізька міська рада", "", "Виконкоми районних у місті рад"]) == (
        "Управління освіти і науки; департамент соціальної політики; КП «Кривбасводоканал»; "
        "Криворізька міська рада; виконкоми районних у місті рад")
