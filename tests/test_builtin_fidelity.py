"""The built-in Program №1176 is faithful to the decision."""

import re
from collections import defaultdict
from decimal import Decimal

from sqlalchemy import func, select

from kr_desktop.db.models import (Amendment, Direction, Executor, Measure, PassportFunding, PassportItem,
                                  PlannedFunding, Stage)
from kr_desktop.text.ukrainian import search_key

PASSPORT = {2017: "746739", 2018: "477797", 2019: "611490", 2020: "653610", 2021: "591620",
            2022: "1449470", 2023: "1267348", 2024: "1395676", 2025: "1547218", 2026: "1598026",
            2027: "1684022"}

# Real compound words of the decision; any other «letter-hyphen-letter» is a line-wrap leftover.
COMPOUND_WORDS = {
    "організаційно-протокольної", "інформаційно-комунікаційних", "матеріально-технічне",
    "науково-практичних", "нормативно-правової", "прес-конференцій", "соціально-економічного",
    "веб-сайті", "веб-порталі", "адміністративно-господарчий",
}


def test_grand_total_and_passport(db):
    with db.reading() as s:
        assert s.scalar(select(func.sum(PlannedFunding.amount))) == Decimal("12023016.00")
        assert s.scalar(select(func.sum(PassportFunding.amount))) == Decimal("12023016.00")
        by_year = dict(s.execute(select(PassportFunding.year, func.sum(PassportFunding.amount))
                                 .group_by(PassportFunding.year)).all())
    assert {y: str(int(v)) for y, v in by_year.items()} == PASSPORT


def test_every_stage_year_sums_to_the_passport(db):
    with db.reading() as s:
        passport = dict(s.execute(select(PassportFunding.year, func.sum(PassportFunding.amount))
                                  .group_by(PassportFunding.year)).all())
        sums: dict[int, Decimal] = defaultdict(Decimal)
        for stage in s.scalars(select(Stage)):
            for direction in stage.directions:
                rows = list(direction.funding) + [f for m in direction.measures for f in m.funding]
                for row in rows:
                    assert row.year in stage.years, (stage.annex_number, direction.number, row.year)
                    sums[row.year] += row.amount
    assert dict(sums) == passport
    # The domain brief's example: 2024 = 4 290,0 + 1 391 386,0.
    assert sums[2024] == Decimal("4290") + Decimal("1391386")


def test_annexes_have_8_6_6_directions(db):
    with db.reading() as s:
        counts = s.execute(select(Stage.annex_number, func.count(Direction.id)).join(Direction)
                           .group_by(Stage.annex_number).order_by(Stage.annex_number)).all()
    assert [tuple(c) for c in counts] == [(1, 8), (2, 6), (3, 6)]


def test_every_measure_has_an_executor_a_deadline_and_text(db):
    with db.reading() as s:
        measures = s.scalars(select(Measure)).all()
        assert len(measures) >= 70
        for m in measures:
            assert m.text.strip(), m.id
            assert m.deadline_phrase.strip(), m.id
            assert m.executors, (m.direction.stage.annex_number, m.direction.number, m.position)
            assert m.deadline_kind != "unknown", m.deadline_phrase


def test_no_executor_twice_under_two_spellings(db):
    def canonical(name: str) -> str:
        text = search_key(name).replace("криворізької ", "")
        return re.sub(r"[^\w]+", " ", text).strip()

    with db.reading() as s:
        names = s.scalars(select(Executor.name)).all()
    assert len(names) == len({canonical(n) for n in names})
    assert "Управління організаційно-протокольної роботи виконкому міської ради" in names


def test_the_seminar_row_belongs_to_direction_3_of_annex_3(db):
    with db.reading() as s:
        measure = s.scalar(select(Measure).where(Measure.text.like("Проведення семінарів, інформаційних зустрічей%"))
                           .join(Direction).join(Stage).where(Stage.annex_number == 3))
        assert measure.direction.number == 3
        assert measure.direction.name.startswith("Організація діяльності органів самоорганізації населення")


def test_no_text_keeps_a_line_wrap_hyphen(db):
    with db.reading() as s:
        texts = [m.text for m in s.scalars(select(Measure))]
        texts += [m.executors_text for m in s.scalars(select(Measure))]
        texts += [m.expected_result or "" for m in s.scalars(select(Measure))]
        texts += [d.name for d in s.scalars(select(Direction))]
        texts += list(s.scalars(select(Executor.name)))
        texts += [item.caption + " " + item.text for item in s.scalars(select(PassportItem))]
    hyphenated = {w.lower() for t in texts for w in re.findall(r"[А-Яа-яІіЇїЄєҐґ’']+-[А-Яа-яІіЇїЄєҐґ’']+", t)}
    assert hyphenated <= COMPOUND_WORDS, hyphenated - COMPOUND_WORDS
    assert not any("про-токольної" in t or "само-врядування" in t for t in texts)


def test_fourteen_amendments(db):
    with db.reading() as s:
        acts = s.execute(select(Amendment.date, Amendment.number).order_by(Amendment.date)).all()
    assert len(acts) == 14
    assert (acts[0][0].isoformat(), acts[0][1]) == ("2017-12-20", "2291")
    assert (acts[-1][0].isoformat(), acts[-1][1]) == ("2024-11-29", "3226")


def test_deadline_inherited_from_the_row_above_is_kept_as_words(db):
    with db.reading() as s:
        phrases = set(s.scalars(select(Measure.deadline_phrase)))
    assert {"Постійно", "Щорічно в травні", "До грудня 2018 року", "Протягом 2017 року"} <= phrases


def test_executors_keep_the_order_the_decision_lists_them(db):
    from kr_desktop.db.builtin.loader import read_builtin

    data = read_builtin()
    aliases = data.main["executor_aliases"]
    with db.reading() as s:
        for annex in data.annexes:
            for spec in annex["directions"]:
                for m in spec["measures"]:
                    measure = s.scalar(select(Measure).join(Direction).join(Stage).where(
                        Stage.annex_number == annex["annex"], Direction.number == spec["number"],
                        Measure.position == m["order"]))
                    expected = list(dict.fromkeys(aliases.get(e, e) for e in m["executors"]))
                    assert [e.name for e in measure.executors] == expected, m["text"]
