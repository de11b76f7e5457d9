"""The awards register's services: persons, duplicates, rules before saving, numbering, search."""

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from kr_desktop.db.models import IssuedCertificate, JournalEntry
from kr_desktop.domain import award_rules as r
from kr_desktop.errors import ValidationError
from kr_desktop.services import award_types, awards, honorary, persons
from kr_desktop.services.settings import set_settings

D = dt.date


def _type(db, fragment):
    return next(t for t in award_types.list_award_types(db) if fragment in t.name)


def _person(db, surname, name="Іван", patronymic="Іванович", **kw):
    return persons.create_person(db, persons.PersonInput(surname, name, patronymic, **kw), allow_duplicate=True)


def test_award_types_are_preloaded_with_cyrillic_degrees(db):
    names = [t.name for t in award_types.list_award_types(db)]
    assert names[:2] == ["Почесний громадянин міста Кривого Рогу", "Нагрудний знак «За заслуги перед містом»"]
    assert {"Почесна грамота виконкому міської ради", "Грамота виконкому міської ради", "Подяка міського голови",
            "Грамота міського голови"} <= set(names)
    badge = _type(db, "За заслуги")
    assert badge.degrees == 3 and badge.issues_certificate
    assert award_types.find_award_type(db, "нагрудний знак \"за заслуги перед містом\"").id == badge.id
    new_id = award_types.create_award_type(db, award_types.AwardTypeInput(
        "Цінний подарунок міського голови", act_kind="mayor"))
    assert award_types.get_award_type(db, new_id).act_kind == "mayor"
    with pytest.raises(ValidationError, match="вже є"):
        award_types.create_award_type(db, award_types.AwardTypeInput("ЦІННИЙ подарунок  міського голови"))


def test_duplicate_person_is_offered_not_created(db):
    first = persons.create_person(db, persons.PersonInput("Мар'яненко", "Мар'яна", "Петрівна", birth_date=D(1980, 2, 3)))
    same = persons.PersonInput("МАР’ЯНЕНКО", "марʼяна", "петрівна", birth_date=D(1980, 2, 3))
    assert [p.id for p in persons.find_duplicates(db, same)] == [first]
    with pytest.raises(persons.DuplicatePersonError) as caught:
        persons.create_person(db, same)
    assert caught.value.existing[0].id == first and "вже є" in caught.value.message
    # another birth date is another person
    assert persons.find_duplicates(db, persons.PersonInput("Мар’яненко", "Мар’яна", "Петрівна",
                                                           birth_date=D(1990, 1, 1))) == []


def test_person_validation_and_photo(db):
    with pytest.raises(ValidationError, match="прізвище") as caught:
        persons.create_person(db, persons.PersonInput("  "))
    assert caught.value.field == "surname"
    pid = _person(db, "Ґудзь", deceased=True, death_date=D(2020, 1, 1))
    persons.set_photo(db, pid, b"\xff\xd8jpeg", persons.get_person(db, pid).version)
    detail = persons.get_person(db, pid)
    assert detail.has_photo and detail.deceased and persons.get_photo(db, pid) == b"\xff\xd8jpeg"
    assert detail.display_name == "ҐУДЗЬ Іван Іванович"


def test_rules_are_shown_before_saving_and_confirmed(db):
    badge = _type(db, "За заслуги")
    pid = _person(db, "Остапчук")
    data = awards.AwardInput(pid, badge.id, degree=2, act_number="15", act_date=D(2024, 5, 1))
    result = awards.save_award(db, data)
    assert not result.saved and result.needs_confirmation
    assert [f.rule for f in result.findings] == [r.DEGREE_ORDER]
    assert awards.count_awards(db, awards.AwardFilter(person_id=pid)) == 0  # nothing written
    confirmed = awards.save_award(db, data, confirm=True)
    assert confirmed.saved and awards.get_award(db, confirmed.award_id).degree == 2
    with db.reading() as s:
        labels = s.scalars(select(JournalEntry.label).where(JournalEntry.table_name == "award")).all()
    assert labels == ["Нова відзнака"]


def test_forbidden_rule_refuses_even_with_confirmation(db):
    set_settings(db, {awards.RULE_SETTING + r.PRESENTED_BEFORE_ACT: r.FORBID})
    pid = _person(db, "Єрмоленко")
    data = awards.AwardInput(pid, _type(db, "Подяка").id, act_date=D(2024, 5, 1), presented_on=D(2024, 4, 1))
    with pytest.raises(ValidationError, match="раніша за дату документа"):
        awards.save_award(db, data, confirm=True)
    set_settings(db, {awards.RULE_SETTING + r.PRESENTED_BEFORE_ACT: r.OFF})
    assert awards.save_award(db, data).saved


def test_each_rule_through_the_service(db):
    badge = _type(db, "За заслуги")
    pid = _person(db, "Іщенко")
    assert awards.save_award(db, awards.AwardInput(pid, badge.id, degree=3, act_date=D(2019, 1, 10))).saved
    same = awards.check_award(db, awards.AwardInput(pid, badge.id, degree=3, act_date=D(2024, 1, 10)))
    assert [f.rule for f in same] == [r.SAME_DEGREE]
    soon = awards.check_award(db, awards.AwardInput(pid, badge.id, degree=2, act_date=D(2020, 1, 9)))
    assert [f.rule for f in soon] == [r.MIN_INTERVAL]
    set_settings(db, {awards.MIN_INTERVAL_SETTING: 1})
    assert awards.check_award(db, awards.AwardInput(pid, badge.id, degree=2, act_date=D(2020, 1, 11))) == []
    dead = _person(db, "Їжак", deceased=True, death_date=D(2021, 3, 3))
    thanks = _type(db, "Подяка")
    assert [f.rule for f in awards.check_award(db, awards.AwardInput(dead, thanks.id, act_date=D(2022, 1, 1)))] \
        == [r.DECEASED]
    assert awards.check_award(db, awards.AwardInput(dead, thanks.id, act_date=D(2022, 1, 1), posthumous=True)) == []


def test_certificate_numbers_are_never_reused_even_after_deletion(db):
    badge = _type(db, "За заслуги")
    a, b = _person(db, "Петренко"), _person(db, "Сидоренко")
    assert awards.next_certificate_number(db, badge.id) == "1"
    first = awards.save_award(db, awards.AwardInput(a, badge.id, degree=3, certificate_number="1"), confirm=True)
    assert awards.next_certificate_number(db, badge.id) == "2"
    with pytest.raises(ValidationError, match="вже видано") as caught:
        awards.save_award(db, awards.AwardInput(b, badge.id, degree=3, certificate_number="№1"), confirm=True)
    assert caught.value.field == "certificate_number"
    awards.delete_award(db, first.award_id)
    assert awards.next_certificate_number(db, badge.id) == "2"
    with pytest.raises(ValidationError, match="відзнаку видалено"):
        awards.save_award(db, awards.AwardInput(b, badge.id, degree=3, certificate_number="1"), confirm=True)
    # another type has its own numbers
    honorary_type = _type(db, "Почесний громадянин")
    assert awards.save_award(db, awards.AwardInput(b, honorary_type.id, certificate_number="1",
                                                   act_kind="council")).saved
    # a changed number leaves the old one taken
    second = awards.save_award(db, awards.AwardInput(b, badge.id, degree=3, certificate_number="2"), confirm=True)
    awards.save_award(db, awards.AwardInput(b, badge.id, degree=3, certificate_number="5"),
                      award_id=second.award_id, expected_version=awards.get_award(db, second.award_id).version,
                      confirm=True)
    assert awards.next_certificate_number(db, badge.id) == "6"
    journal = awards.certificate_journal(db, badge.id)
    assert [(line.number, line.deleted) for line in journal] == [("1", True), ("2", True), ("5", False)]
    assert journal[0].person_name == "ПЕТРЕНКО Іван Іванович"
    with db.reading() as s:
        assert s.scalar(select(IssuedCertificate.number).where(IssuedCertificate.award_id == second.award_id)) == "5"
    # no certificate for a type that does not issue one
    with pytest.raises(ValidationError, match="не видається"):
        awards.save_award(db, awards.AwardInput(b, _type(db, "Подяка").id, certificate_number="9"), confirm=True)


def test_degree_is_required_for_badges_and_refused_for_others(db):
    pid = _person(db, "Бойко")
    with pytest.raises(ValidationError, match="ступінь") as caught:
        awards.save_award(db, awards.AwardInput(pid, _type(db, "За заслуги").id))
    assert caught.value.field == "degree"
    with pytest.raises(ValidationError, match="не має ступенів"):
        awards.save_award(db, awards.AwardInput(pid, _type(db, "Подяка").id, degree=1))


NAMES = [("Коваль", "Мар'яна", "Ігорівна"), ("Ґонта", "Марʼяна", "Олегівна"), ("Єрмак", "Марина", "Іллівна"),
         ("Гончар", "Олег", "Мар’янович"), ("Їжакевич", "Ілля", "Ілліч")]


@pytest.mark.parametrize("query, expected", [
    ("мар'яна", {"Коваль", "Ґонта"}), ("МАР’ЯНА", {"Коваль", "Ґонта"}), ("Марʼяна", {"Коваль", "Ґонта"}),
    ("мар’ян", {"Коваль", "Ґонта", "Гончар"}), ("ЇЖАК", {"Їжакевич"}), ("ґонта марʼяна", {"Ґонта"}),
    ("єРМАК", {"Єрмак"}), ("іллівна", {"Єрмак"}), ("100%", set()),
])
def test_search_finds_cyrillic_names_whatever_the_case_and_apostrophe(db, query, expected):
    thanks = _type(db, "Подяка")
    for i, (surname, name, patronymic) in enumerate(NAMES):
        pid = _person(db, surname, name, patronymic)
        awards.save_award(db, awards.AwardInput(pid, thanks.id, act_number=f"A{i}", act_date=D(2020 + i, 1, 5)),
                          confirm=True)
    assert {p.surname for p in persons.search_persons(db, query)} == expected
    assert persons.count_persons(db, query) == len(expected)
    found = awards.query_awards(db, awards.AwardFilter(text=query))
    assert {row.surname for row in found} == expected
    assert awards.count_awards(db, awards.AwardFilter(text=query)) == len(expected)


def test_register_search_by_numbers_filters_order_and_pages(db):
    badge, thanks = _type(db, "За заслуги"), _type(db, "Подяка")
    ids = {s: _person(db, s) for s in ("Яковенко", "Ґава", "Гаврилюк", "Іванов", "Ищенко", "Єфимов", "Ейсмонт")}
    awards.save_award(db, awards.AwardInput(ids["Ґава"], badge.id, degree=3, certificate_number="77",
                                            act_number="408", act_date=D(2017, 9, 13)), confirm=True)
    for i, s in enumerate(sorted(ids)):
        awards.save_award(db, awards.AwardInput(ids[s], thanks.id, act_number=str(100 + i),
                                                act_date=D(2023, 3, 1), amount=Decimal("500.5")), confirm=True)
    assert [a.surname for a in awards.query_awards(db, awards.AwardFilter(text="№77"))] == ["Ґава"]
    assert [a.surname for a in awards.query_awards(db, awards.AwardFilter(text="408"))] == ["Ґава"]
    assert [a.surname for a in awards.query_awards(db, awards.AwardFilter(act_number="408"))] == ["Ґава"]
    ordered = [a.surname for a in awards.query_awards(db, awards.AwardFilter(award_type_id=thanks.id))]
    assert ordered == ["Гаврилюк", "Ґава", "Ейсмонт", "Єфимов", "Ищенко", "Іванов", "Яковенко"]
    page = awards.query_awards(db, awards.AwardFilter(award_type_id=thanks.id), offset=2, limit=3)
    assert [a.surname for a in page] == ordered[2:5]
    assert awards.count_awards(db, awards.AwardFilter(year=2017)) == 1
    assert awards.count_awards(db, awards.AwardFilter(year=2023, degree=None)) == 7
    assert awards.count_awards(db, awards.AwardFilter(award_type_id=badge.id, degree=3)) == 1
    assert awards.count_awards(db, awards.AwardFilter(date_from=D(2020, 1, 1), date_to=D(2023, 12, 31))) == 7
    assert awards.query_awards(db, awards.AwardFilter(text="гаврилюк"))[0].amount == Decimal("500.50")
    assert [p.surname for p in persons.search_persons(db, "", limit=3)] == ["Гаврилюк", "Ґава", "Ейсмонт"]


def test_honorary_citizens_book_and_living_list(db):
    title = _type(db, "Почесний громадянин")
    alive = _person(db, "Сторожук", "Анатолій", "Васильович")
    dead = _person(db, "Бабенко", "Олена", "Іванівна", deceased=True, death_date=D(2019, 5, 5))
    revoked = _person(db, "Зубенко")
    for pid, day, flag in ((alive, D(2005, 5, 27), False), (dead, D(1999, 5, 28), False)):
        awards.save_award(db, awards.AwardInput(pid, title.id, act_number="83", act_date=day, posthumous=flag),
                          confirm=True)
    awards.save_award(db, awards.AwardInput(revoked, title.id, act_number="9", act_date=D(2001, 1, 1),
                                            revoked_on=D(2022, 4, 1), revoked_act="рішення №1",
                                            revocation_reason="за рішенням суду"), confirm=True)
    honorary.save_book_entry(db, alive, decision="рішення міської ради від 27.05.2005 №83", biography="Шахтар.",
                             portrait=b"\x89PNG")
    citizens = honorary.list_honorary_citizens(db)
    assert [c.surname for c in citizens] == ["Бабенко", "Сторожук"]
    assert citizens[1].entry_number == 1 and citizens[1].title_year == 2005 and citizens[1].has_portrait
    assert citizens[0].decision == "рішення міської ради від 28.05.1999 №83"
    assert [c.surname for c in honorary.list_honorary_citizens(db, living_only=True)] == ["Сторожук"]
    assert honorary.get_portrait(db, alive) == b"\x89PNG"
    with pytest.raises(ValidationError, match="зайнято"):
        honorary.save_book_entry(db, dead, entry_number=1)
