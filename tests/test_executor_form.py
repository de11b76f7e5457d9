"""The executors directory's form: the head's dative suggested as it is typed, a corrected form
kept (and shown as such next time), a form left as suggested stored empty so it follows the head,
phone and e-mail checked, and the letter's addressee previewed as it will print."""

import pytest

from kr_desktop.services import executors


@pytest.fixture
def dialog(qtbot, db):
    from kr_desktop.ui.context import AppContext
    from kr_desktop.ui.executors_dialog import ExecutorsDialog

    d = ExecutorsDialog(AppContext(db))
    qtbot.addWidget(d)
    unit = next(e for e in d.executors if e.name.startswith("Кадрова служба"))
    d.select(unit.id)
    return d, unit


def _type(edit, text):
    edit.setText(text)
    edit.textEdited.emit(text)


def test_suggested_datives_follow_the_head_and_are_stored_empty(dialog, db):
    d, unit = dialog
    assert d.preview.text() == "Керівнику кадрової служби виконкому міської ради"
    d.fields["head_position"].setText("Начальниця кадрової служби")
    d.fields["head_name"].setText("Мирослава Гордій")
    assert d.fields["head_position_dative"].text() == "Начальниці кадрової служби"
    assert d.fields["head_name_dative"].text() == "Мирославі ГОРДІЙ"
    assert d.preview.text() == "Начальниці кадрової служби\nМирославі ГОРДІЙ"
    d.fields["phone"].setText("(056) 74-22-33")
    assert d.save()
    saved = executors.get_executor(db, unit.id)
    assert (saved.head_position, saved.head_name, saved.phone) == ("Начальниця кадрової служби", "Мирослава Гордій",
                                                                   "(056) 74-22-33")
    assert saved.head_position_dative == "" and saved.head_name_dative == ""  # automatic: follows the head


def test_a_corrected_dative_is_kept_and_shown_as_corrected(dialog, db):
    d, unit = dialog
    d.fields["head_position"].setText("Завідувач кадрової служби")
    d.fields["head_name"].setText("Лев Палій")
    assert d.fields["head_name_dative"].text() == "Львові ПАЛІЮ"
    _type(d.fields["head_position_dative"], "Завідувачу кадрової служби")
    assert d.dative_note.text().startswith("виправлено")
    d.fields["head_position"].setText("Завідувач кадрової служби виконкому")  # a corrected form stays put
    assert d.fields["head_position_dative"].text() == "Завідувачу кадрової служби"
    assert d.save()
    saved = executors.get_executor(db, unit.id)
    assert saved.head_position_dative == "Завідувачу кадрової служби" and saved.head_name_dative == ""
    d.reload(unit.id)
    assert d.fields["head_position_dative"].text() == "Завідувачу кадрової служби"
    assert d.dative_note.text().startswith("виправлено")
    d.suggest_again()
    assert d.fields["head_position_dative"].text() == "Завідувачеві кадрової служби виконкому"
    assert d.save() and executors.get_executor(db, unit.id).head_position_dative == ""


def test_bad_contacts_are_refused_naming_the_field(dialog, db, monkeypatch):
    d, unit = dialog
    shown = []
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    d.fields["email"].setText("не адреса")
    assert not d.save()
    assert executors.get_executor(db, unit.id).email == ""
    assert shown and "Електронна пошта" in shown[-1]
