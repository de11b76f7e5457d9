"""The award list as a document: groups, numbering per group, person lines, and its lean query."""

import datetime as dt

from kr_desktop.reports.awards_lists import awards_list_document, person_line
from kr_desktop.services import award_types, awards, persons
from kr_desktop.services.awards import AwardGroup, AwardListLine


def test_person_line_joins_only_what_is_given():
    assert person_line("ІВАНЕНКО Іван Іванович") == "ІВАНЕНКО Іван Іванович"
    assert person_line("ІВАНЕНКО Іван", " майстер ", "  ") == "ІВАНЕНКО Іван – майстер"
    assert person_line("ІВАНЕНКО Іван", "", "ПАТ «Рудомаш»") == "ІВАНЕНКО Іван – ПАТ «Рудомаш»"
    assert person_line("ІВАНЕНКО Іван", "майстер", " ПАТ «Рудомаш» ") == "ІВАНЕНКО Іван – майстер, ПАТ «Рудомаш»"


def test_rows_are_numbered_within_each_group():
    line = AwardListLine("ҐУДЗЬ Ярина Ігорівна", "лікарка", "", "рішення виконкому від 21.12.2016 №1176", None,
                         dt.date(2017, 1, 5), False)
    groups = [AwardGroup("Подяка міського голови", 5, None, (line, line._replace(posthumous=True))),
              AwardGroup("Нагрудний знак ІІІ ступеня", 2, 3, (line._replace(certificate_number="12"),))]
    doc = awards_list_document(groups, today=dt.date(2026, 11, 30))
    rows = doc.tables()[0].rows
    assert [r.cells for r in rows] == [
        ("Подяка міського голови (2)",),
        (1, "ҐУДЗЬ Ярина Ігорівна – лікарка", "рішення виконкому від 21.12.2016 №1176", "", dt.date(2017, 1, 5)),
        (2, "ҐУДЗЬ Ярина Ігорівна (посмертно) – лікарка", "рішення виконкому від 21.12.2016 №1176", "",
         dt.date(2017, 1, 5)),
        ("Нагрудний знак ІІІ ступеня (1)",),
        (1, "ҐУДЗЬ Ярина Ігорівна – лікарка", "рішення виконкому від 21.12.2016 №1176", "12", dt.date(2017, 1, 5))]
    assert [r.style for r in rows] == ["group", "normal", "normal", "group", "normal"]
    assert any("Усього 3\u00a0записи; станом на 30 листопада 2026 року." in getattr(b, "text", "") for b in doc.blocks)
    assert [r.heading for r in rows if r.style == "group"] == ["Подяка міського голови", "Нагрудний знак ІІІ ступеня"]


def test_award_list_groups_by_award_and_degree_in_ukrainian_order(db):
    types = award_types.list_award_types(db)
    badge = next(t for t in types if "За заслуги" in t.name)
    thanks = next(t for t in types if t.name.startswith("Подяка"))
    made = {}
    for surname, workplace in (("Яковенко", "ПАТ «Рудомаш»"), ("Ґудзь", ""), ("Гаврилюк", "школа №5")):
        made[surname] = persons.create_person(db, persons.PersonInput(surname, "Олена", "Петрівна",
                                                                      position="вчителька", workplace=workplace))
    for i, surname in enumerate(made):
        awards.save_award(db, awards.AwardInput(made[surname], thanks.id, act_number=str(10 + i),
                                                act_date=dt.date(2024, 3, 1)), confirm=True)
    awards.save_award(db, awards.AwardInput(made["Ґудзь"], badge.id, degree=3, certificate_number="7",
                                            act_date=dt.date(2024, 3, 1), presented_on=dt.date(2024, 4, 2),
                                            posthumous=True), confirm=True)
    awards.save_award(db, awards.AwardInput(made["Яковенко"], badge.id, degree=3, act_date=dt.date(2024, 3, 1),
                                            revoked_on=dt.date(2024, 5, 1)), confirm=True)
    groups = awards.award_list(db, awards.AwardFilter(include_revoked=False))
    order = [t.id for t in types]
    assert [g.award_type_id for g in groups] == sorted((badge.id, thanks.id), key=order.index)
    by_type = {g.award_type_id: g for g in groups}
    assert by_type[badge.id].title == "Нагрудний знак «За заслуги перед містом» III\u00a0ступеня"
    assert by_type[badge.id].rows == (AwardListLine("ҐУДЗЬ Олена Петрівна", "вчителька", "",
                                                    "рішення виконкому від 01.03.2024", "7", dt.date(2024, 4, 2),
                                                    True),)  # the revoked one is left out
    assert [line.person_name for line in by_type[thanks.id].rows] == [
        "ГАВРИЛЮК Олена Петрівна", "ҐУДЗЬ Олена Петрівна", "ЯКОВЕНКО Олена Петрівна"]
    assert by_type[thanks.id].rows[0].act_text.endswith("від 01.03.2024 №12")
    assert by_type[thanks.id].rows[2].workplace == "ПАТ «Рудомаш»"
    found = awards.award_list(db, awards.AwardFilter(text="ґудзь", include_revoked=False))  # as the register finds
    assert [(g.award_type_id, [line.person_name for line in g.rows]) for g in found] == [
        (g.award_type_id, ["ҐУДЗЬ Олена Петрівна"]) for g in groups]
