"""Names declined for draft decisions: male and female, double surnames, Ґ/Ї/apostrophes,
foreign-looking surnames left as they are, capitals kept, and a stored correction used next time."""

import datetime as dt

import pytest

from kr_desktop.domain.declension import ACCUSATIVE, DATIVE, decline, looks_indeclinable
from kr_desktop.services import award_types, awards, decisions, persons


def _d(surname, name, patronymic, sex, case):
    return decline(surname, name, patronymic, sex, case)[0].display()


@pytest.mark.parametrize("person, accusative, dative", [
    (("Іваненко", "Іван", "Іванович", "ч"), "ІВАНЕНКА Івана Івановича", "ІВАНЕНКУ Івану Івановичу"),
    (("Сторожук", "Анатолій", "Васильович", "ч"), "СТОРОЖУКА Анатолія Васильовича", "СТОРОЖУКУ Анатолію Васильовичу"),
    (("Петренко", "Ольга", "Миколаївна", "ж"), "ПЕТРЕНКО Ольгу Миколаївну", "ПЕТРЕНКО Ользі Миколаївні"),
    (("Грушевський", "Михайло", "Сергійович", "ч"), "ГРУШЕВСЬКОГО Михайла Сергійовича",
     "ГРУШЕВСЬКОМУ Михайлу Сергійовичу"),
    (("Ковалевська", "Софія", "Василівна", "ж"), "КОВАЛЕВСЬКУ Софію Василівну", "КОВАЛЕВСЬКІЙ Софії Василівні"),
    # double surnames, part by part
    (("Косач-Квітка", "Лариса", "Петрівна", "ж"), "КОСАЧ-КВІТКУ Ларису Петрівну", "КОСАЧ-КВІТЦІ Ларисі Петрівні"),
    (("Нечуй-Левицький", "Іван", "Семенович", "ч"), "НЕЧУЯ-ЛЕВИЦЬКОГО Івана Семеновича",
     "НЕЧУЮ-ЛЕВИЦЬКОМУ Івану Семеновичу"),
    # Ґ, Ї and the three apostrophe forms, each kept as typed
    (("Ґудзь", "Ігор", "Ігорович", "ч"), "ҐУДЗЯ Ігоря Ігоровича", "ҐУДЗЮ Ігорю Ігоровичу"),
    (("Ґудзь", "Ґанна", "Їжаківна", "ж"), "ҐУДЗЬ Ґанну Їжаківну", "ҐУДЗЬ Ґанні Їжаківні"),
    (("Їжакевич", "Юрій", "Ілліч", "ч"), "ЇЖАКЕВИЧА Юрія Ілліча", "ЇЖАКЕВИЧУ Юрію Іллічу"),
    (("Мар'яненко", "Мар'ян", "Мар'янович", "ч"), "МАР'ЯНЕНКА Мар'яна Мар'яновича", "МАР'ЯНЕНКУ Мар'яну Мар'яновичу"),
    (("Мар’яненко", "Мар’яна", "Юріївна", "ж"), "МАР’ЯНЕНКО Мар’яну Юріївну", "МАР’ЯНЕНКО Мар’яні Юріївні"),
    (("Пʼятак", "Марʼян", "Олегович", "ч"), "ПʼЯТАКА Марʼяна Олеговича", "ПʼЯТАКУ Марʼяну Олеговичу"),
    # foreign-looking surnames stay undeclined, the given name still declines
    (("Гюго", "Віктор", "", "ч"), "ГЮГО Віктора", "ГЮГО Віктору"),
    (("Руссо", "Жан", "", "ч"), "РУССО Жана", "РУССО Жану"),
    (("Руставелі", "Шота", "", "ч"), "РУСТАВЕЛІ Шоту", "РУСТАВЕЛІ Шоті"),
    (("Шоу", "Бернард", "", "ч"), "ШОУ Бернарда", "ШОУ Бернарду"),
    # capitals as stored do not matter
    (("ІВАНЕНКО", "Іван", "Іванович", "ч"), "ІВАНЕНКА Івана Івановича", "ІВАНЕНКУ Івану Івановичу"),
])
def test_declension(person, accusative, dative):
    assert _d(*person, ACCUSATIVE) == accusative
    assert _d(*person, DATIVE) == dative


def test_foreign_looking_detection_keeps_ukrainian_o_surnames_declinable():
    assert looks_indeclinable("Гюго") and looks_indeclinable("Руссо") and looks_indeclinable("Дефо")
    assert not looks_indeclinable("Франко") and not looks_indeclinable("Шевченко") and not looks_indeclinable("Шило")
    assert _d("Франко", "Іван", "Якович", "ч", ACCUSATIVE) == "ФРАНКА Івана Яковича"


def test_unknown_sex_is_guessed_and_flagged():
    forms, guessed = decline("Шевчук", "Оксана", "Петрівна", None, DATIVE)
    assert guessed and forms.display() == "ШЕВЧУК Оксані Петрівні"
    assert decline("Шевчук", "Оксана", "Петрівна", "ж", DATIVE)[1] is False


def test_stored_correction_is_used_next_time(db):
    badge = next(x for x in award_types.list_award_types(db) if "заслуги" in x.name)
    pid = persons.create_person(db, persons.PersonInput("Цой", "Віктор", "Робертович", "ч", position="музикант"))
    awards.save_award(db, awards.AwardInput(pid, badge.id, 3, act_number="77", act_date=dt.date(2025, 3, 1)),
                      confirm=True)
    entry = decisions.draft_decision(db, "77").entries[0]
    assert not entry.corrected and entry.case == ACCUSATIVE
    automatic = entry.forms.display()

    decisions.set_correction(db, pid, ACCUSATIVE, "ЦОЯ", "Віктора", "Робертовича")
    entry = decisions.draft_decision(db, "77").entries[0]
    assert entry.corrected and entry.line == "ЦОЯ Віктора Робертовича – музиканта"
    assert "ЦОЯ Віктора Робертовича – музиканта." in decisions.draft_decision(db, "77").paragraphs()
    decisions.clear_correction(db, pid, ACCUSATIVE)
    assert decisions.draft_decision(db, "77").entries[0].forms.display() == automatic
