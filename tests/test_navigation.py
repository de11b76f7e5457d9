"""Navigation that shows the two jobs (issue 17): the side panel groups the screens under «Програма»,
«Відзнаки» and «Адміністрування»; the title names the application and the database; undo is
offered on the screens of the part it changes; the toolbar keeps short labels."""

from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from kr_desktop.services import award_types, awards, persons
from kr_desktop.services.access import OPERATOR
from kr_desktop.ui.main_window import MainWindow

GROUPS = {
    "program": ["Контроль", "Програма", "Звіти виконавців", "Діаграма"],
    "awards": ["Реєстр відзнак", "Почесні громадяни", "Заходи", "Матеріали для відзнак", "Проєкт рішення"],
    "admin": ["Журнал змін", "Користувачі"],
}


def _window(qtbot, db) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _shown_titles(window, group: str) -> list[str]:
    from kr_desktop.ui.screens import SCREENS

    return [window.navigation.buttons[s.attribute].text() for s in SCREENS
            if s.group == group and not window.navigation.buttons[s.attribute].isHidden()]


def test_the_side_panel_groups_the_screens_by_the_two_jobs(qtbot, db, db_path):
    window = _window(qtbot, db)
    for group, titles in GROUPS.items():
        assert _shown_titles(window, group) == titles
    assert [window.navigation.headers[g].text() for g in GROUPS] == ["ПРОГРАМА", "ВІДЗНАКИ", "АДМІНІСТРУВАННЯ"]
    assert window.windowTitle() == f"{db_path.name} — Програма і відзнаки"

    window.navigation.buttons["events_screen"].click()
    assert window.tabs.currentWidget() is window.events_screen  # built when first shown
    assert window.navigation.buttons["events_screen"].isChecked()
    assert window.navigation.current_group() == "awards"
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    QTest.keySequence(window, QKeySequence("Ctrl+2"))
    assert window.tabs.currentWidget() is window.program_screen
    assert [a.text() for a in window.navigation.menu.actions() if a.isVisible() and a.text()][:2] == [
        "Контроль", "Програма"]


def test_an_operator_sees_no_administration(qtbot, db):
    db.role = OPERATOR
    window = _window(qtbot, db)
    assert _shown_titles(window, "admin") == [] and window.navigation.headers["admin"].isHidden()
    assert not window.navigation.go_actions["journal_screen"].isVisible()


def test_a_narrow_window_keeps_the_screens_room(qtbot, db):
    window = _window(qtbot, db)
    assert not window.navigation.compact and window.navigation.width() >= 150
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.navigation.compact)
    assert window.navigation.buttons["control_screen"].text() == "" and window.navigation.width() <= 40
    assert "Контроль" in window.navigation.buttons["control_screen"].toolTip()
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: not window.navigation.compact)
    assert window.navigation.buttons["control_screen"].text() == "Контроль"


def test_undo_is_offered_where_the_change_shows_with_a_short_toolbar_label(qtbot, db):
    window = _window(qtbot, db)
    kind = award_types.list_award_types(db)[0]
    person = persons.create_person(db, persons.PersonInput("Демченко", "Дарина", "Олегівна", "ж"))
    awards.save_award(db, awards.AwardInput(person, kind.id, degree=kind.degrees or None, act_number="5"),
                      confirm=True)
    window.context.events.changed.emit("awards")
    undo = window.undo_actions.undo_action
    window.tabs.setCurrentWidget(window.awards_screen)
    assert undo.isEnabled() and undo.text() == "Скасувати: Нова відзнака" and undo.iconText() == "Скасувати"
    assert "Нова відзнака" in undo.toolTip() and not undo.icon().isNull()
    window.tabs.setCurrentWidget(window.program_screen)  # a change of the register: not here
    assert not undo.isEnabled() and "іншого" not in undo.iconText()
    window.tabs.setCurrentWidget(window.journal_screen)
    assert not undo.isEnabled()
    button = window.commands.toolbar.widgetForAction(undo)
    assert button.text() == "Скасувати"  # the toolbar does not grow with the change's name
    assert window.commands.help_action.iconText() == "Довідка" and not window.commands.help_action.icon().isNull()


def test_every_icon_is_shipped_rendered_at_every_size():
    from kr_desktop.paths import icons_dir
    from kr_desktop.ui.icons import SIZES, icon_path
    from kr_desktop.ui.screens import SCREENS
    from kr_desktop.ui.window_commands import SPEC

    svgs = sorted(p.stem for p in (icons_dir() / "actions").glob("*.svg"))
    used = {s.icon for s in SCREENS} | {spec[3] for spec in SPEC.values()} | {
        "help-circle", "arrow-back-up", "arrow-forward-up", "calendar", "database-export", "database-import",
        "folder-open"}
    assert used <= set(svgs)
    missing = [str(icon_path(name, size)) for name in svgs for size in SIZES if not icon_path(name, size).exists()]
    assert missing == [], "run scripts/make_action_icons.py"
    assert (icons_dir() / "actions" / "LICENSE-tabler-icons.txt").exists()
