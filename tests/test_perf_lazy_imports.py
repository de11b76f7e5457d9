"""Start-up stays light: heavy libraries load when first used, screens are built when first shown,
and opening an up-to-date database does not need Alembic."""

import os
import subprocess
import sys

from kr_desktop.db import migrate

HEAVY = ("reportlab", "openpyxl", "docx", "shevchenko", "alembic", "pdfplumber", "pypdf")


def test_the_window_shows_its_data_without_loading_heavy_libraries(db_path, tmp_path):
    listing = tmp_path / "modules.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KR_DESKTOP_BENCH_SHOWN="1",
               KR_DESKTOP_BENCH_MODULES=str(listing))
    result = subprocess.run([sys.executable, "-m", "kr_desktop", "--db", str(db_path), "--smoke"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "KR_DESKTOP_SHOWN" in result.stdout  # printed after the main window's first paint
    loaded = {name.split(".")[0] for name in listing.read_text(encoding="utf-8").split()}
    assert {"PySide6", "sqlalchemy", "kr_desktop"} <= loaded  # the listing is real
    assert "kr_desktop.ui.control_screen" in listing.read_text(encoding="utf-8").split()  # the start screen
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_screens_are_built_when_first_shown_or_asked_for(qtbot, db):
    from kr_desktop.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    assert "control_screen" in window.__dict__ and window.tabs.widget(0) is window.__dict__["control_screen"]
    assert "awards_screen" not in window.__dict__  # not built yet
    index = next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == "Реєстр відзнак")
    window.tabs.setCurrentIndex(index)  # shown: built, in its tab, and the tab stays current
    screen = window.__dict__["awards_screen"]
    assert window.tabs.widget(index) is screen and window.tabs.currentIndex() == index
    program = window.program_screen  # asked for by code: built too, and kept
    assert window.tabs.indexOf(program) >= 0 and window.program_screen is program
    assert window.tabs.currentIndex() == index


def test_revision_ids_read_from_the_files_are_alembics():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.known_revisions() == {rev.revision for rev in script.walk_revisions()}


def test_current_revision_read_from_the_database_is_alembics(db):
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as connection:
        assert migrate.current_revision(connection) == MigrationContext.configure(connection).get_current_revision()
        assert migrate.current_revision(connection) == migrate.head_revision()
