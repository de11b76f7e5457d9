"""Bad input at every form validator (issue 6, point 7): random and huge strings, control
characters, wrong types. Nothing crashes: a value is accepted, or refused with a ValidationError
whose Ukrainian message names the field. And the known rough edges: a "~user" output path, huge
cell values repeated in the importer's messages, a report's temporary file, a password in `init`."""

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kr_desktop.errors import UserError, ValidationError
from kr_desktop.services import award_types, awards, persons, users
from kr_desktop.services.program import funding, records, structure

CYRILLIC = re.compile("[А-Яа-яІіЇїЄєҐґ]")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

nasty_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=20),  # control characters
    st.text(min_size=1, max_size=3).map(lambda s: s * 3000),  # huge
    st.sampled_from(["=1+1", "@SUM(A1)", "Мар'яна", "Ґ\u0000Є", "\u202eіщ", "9" * 400, "  ", "№", "-5", "1e400"]),
)
wrong_type = st.one_of(st.integers(), st.floats(allow_nan=True), st.binary(max_size=10), st.lists(st.integers(), max_size=2),
                       st.dates(), st.booleans(), st.none())
anything = st.one_of(nasty_text, wrong_type)
any_date = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1)), nasty_text, st.integers())


def refused_properly(exc: UserError, labels: dict[str, str]) -> None:
    """The refusal is a ValidationError naming its field; the message is Ukrainian and short."""
    assert isinstance(exc, ValidationError), exc
    assert exc.field, exc.message
    assert CYRILLIC.search(exc.message)
    assert len(exc.message) < 600, exc.message[:100]
    if exc.field in labels:
        assert labels[exc.field].lower() in exc.message.lower(), (exc.field, exc.message)


# -- persons --------------------------------------------------------------------------------------
PERSON_LABELS = {"surname": "прізвище", "name": "ім’я", "patronymic": "по батькові", "sex": "стать",
                 "birth_date": "народження", "death_date": "смерті", "workplace": "місце роботи",
                 "position": "посада", "contacts": "контакти", "notes": "примітка"}


@SETTINGS
@given(surname=anything, name=anything, patronymic=anything, sex=anything, birth=any_date, death=any_date,
       workplace=anything, notes=anything, deceased=anything)
def test_person_form(db, surname, name, patronymic, sex, birth, death, workplace, notes, deceased):
    data = persons.PersonInput(surname, name, patronymic, sex, birth, workplace, "", "", notes, deceased, death)
    try:
        persons.find_duplicates(db, data)
    except UserError as exc:
        refused_properly(exc, PERSON_LABELS)


# -- awards ---------------------------------------------------------------------------------------
AWARD_LABELS = {"act_number": "номер документа", "certificate_number": "номер посвідчення", "amount": "сума",
                "act_kind": "документа", "revoked_on": "позбавлення", "notes": "примітка",
                "nominated_by": "хто подав", "act_date": "дата документа", "presented_on": "вручення",
                "nomination_date": "клопотання"}


@SETTINGS
@given(act_number=anything, act_kind=anything, act_date=any_date, certificate=anything, amount=anything,
       presented=any_date, revoked_act=anything, revoked_on=any_date, notes=anything, nominated=anything,
       degree=anything, posthumous=anything)
def test_award_form(db, act_number, act_kind, act_date, certificate, amount, presented, revoked_act, revoked_on,
                    notes, nominated, degree, posthumous):
    pid = persons.create_person(db, persons.PersonInput("Перевірка", "Тест")) if not hasattr(db, "_pid") else db._pid
    db._pid = pid
    badge = award_types.list_award_types(db)[1]
    data = awards.AwardInput(pid, badge.id, degree, act_kind, act_number, act_date, nominated, None, certificate,
                             presented, amount, posthumous, revoked_act, revoked_on, "", notes)
    try:
        awards.check_award(db, data)
    except UserError as exc:
        refused_properly(exc, AWARD_LABELS)


# -- users and passwords --------------------------------------------------------------------------
USER_LABELS = {"login": "користувача", "full_name": "прізвище", "password": "пароль", "role": "роль"}


@SETTINGS
@given(login=anything, full_name=anything, password=anything, role=anything)
def test_user_form(db, login, full_name, password, role):
    try:
        users.validate_user(login, full_name, role, password)
    except UserError as exc:
        refused_properly(exc, USER_LABELS)


# -- editing the Program --------------------------------------------------------------------------
@SETTINGS
@given(amount=anything, year=st.one_of(st.integers(min_value=-10**6, max_value=10**6), st.just(2026)))
def test_planned_amount_and_year(db, amount, year):
    if not hasattr(db, "_grid"):
        db._grid = funding.funding_grid(db, records.DIRECTION, 1)
    grid = db._grid
    try:
        funding.validate_amounts(db, records.DIRECTION, grid.owner_id, {(grid.sources[0].id, year): amount})
    except UserError as exc:
        refused_properly(exc, {})
        assert grid.label.split(".")[0] in exc.message or "Рік" in exc.message or str(year) in exc.message


@SETTINGS
@given(text=anything, deadline=anything, expected=anything)
def test_measure_text(db, text, deadline, expected):
    try:
        structure.validate_measure(text, deadline, expected)
    except UserError as exc:
        refused_properly(exc, {"Зміст заходу": "зміст заходу", "Строк виконання": "строк",
                               "Очікуваний результат": "очікуваний результат"})


def test_an_amount_beyond_what_the_database_keeps_is_refused_naming_the_field(db):
    grid = funding.funding_grid(db, records.DIRECTION, 1)
    with pytest.raises(ValidationError, match="завелика") as error:
        funding.set_planned_amounts(db, records.DIRECTION, 1, {(grid.sources[0].id, grid.years[0]): "9" * 40},
                               expected_version=grid.version)
    assert "Напрям" in error.value.message and "9" * 61 not in error.value.message


# -- command line and files -----------------------------------------------------------------------
@pytest.mark.parametrize("value", ["~0/звіт.pdf", "~nobody-such-user-here/x.pdf", "~0"])
def test_output_path_of_an_unknown_user_is_a_ukrainian_refusal(value):
    from kr_desktop.cli.common import output_path

    with pytest.raises(UserError) as error:
        output_path(value, ("pdf",))
    assert CYRILLIC.search(error.value.message)


def test_report_temporary_files_are_unique_and_a_leftover_never_blocks(tmp_path):
    from kr_desktop.cli.common import write_atomically

    target = tmp_path / "звіт.pdf"
    (tmp_path / ".звіт.pdf.part").mkdir()  # the old fixed temporary name, left by a killed process
    seen = []

    def render(temp):
        seen.append(temp)
        assert temp.parent == tmp_path and temp.name.startswith(".звіт.pdf.") and temp.name.endswith(".pdf.part")
        temp.write_bytes(b"%PDF-1.4 test")

    write_atomically(target, render)
    write_atomically(target, render)
    assert target.read_bytes() == b"%PDF-1.4 test" and seen[0] != seen[1]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".звіт.pdf.part", "звіт.pdf"]  # nothing new left
    assert target.stat().st_mode & 0o044  # readable as a report usually is, not private like mkstemp's

    def fail(temp):
        temp.write_bytes(b"half")
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        write_atomically(target, fail)
    assert target.read_bytes() == b"%PDF-1.4 test" and len(list(tmp_path.iterdir())) == 2


def test_importer_cuts_huge_values_in_its_messages():
    from kr_desktop.services.award_import import COLUMNS, validate_rows

    huge = "Ґ" * 5000
    header = [COLUMNS["surname"], COLUMNS["award"], COLUMNS["degree"], COLUMNS["act_kind"], COLUMNS["birth_date"]]
    plan = validate_rows(header, [["Іваненко", huge, huge, huge, huge]], {})
    assert len(plan.problems) >= 3
    for problem in plan.problems:
        assert "Ґ" * 61 not in str(problem) and len(str(problem)) < 400
    assert any("Ґ" * 60 + "…»" in str(problem) for problem in plan.problems)


def test_init_shows_a_server_address_without_its_password(monkeypatch, capsys):
    from sqlalchemy import create_engine

    from kr_desktop.cli import database_cmds
    from kr_desktop.db.engine import Database

    url = "postgresql+psycopg://kr:таємний-пароль@127.0.0.1:1/kr"
    server = Database(create_engine(url), url)  # never connects: init's opening is replaced below
    monkeypatch.setattr(database_cmds, "open_db_from_args", lambda args, create=True: server)
    assert database_cmds.run_init(type("Args", (), {"db": url})()) == 0
    out = capsys.readouterr().out
    assert "таємний-пароль" not in out and "127.0.0.1" in out and "***" in out
