"""The first main window: the Program tree and the measure's detail pane."""

from sqlalchemy import select

from kr_desktop.db.models import Direction, Measure, Stage
from kr_desktop.ui.main_window import MainWindow
from kr_desktop.ui.program_tree import KIND_ROLE


def test_selecting_a_measure_shows_executors_and_amounts(qtbot, db):
    with db.reading() as s:
        measure = s.scalar(select(Measure).join(Direction).join(Stage)
                           .where(Stage.annex_number == 3, Direction.number == 4, Measure.position == 1))
        measure_id = measure.id
        executors = [e.name for e in measure.executors]
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    screen = window.program_screen
    assert "Оберіть захід" in screen.detail.toPlainText()

    assert screen.select_measure(measure_id)
    text = screen.detail.toPlainText().replace("\u00a0", " ")
    for name in executors:
        assert name in text
    assert "1 391 386,0" in text  # 2024, direction 4 of annex 3
    assert "6 175 152,0" in text  # the direction's total for 2024–2027
    assert "Протягом дії Програми" in text


def test_tree_has_stages_directions_and_measures(qtbot, db):
    window = MainWindow(db)
    qtbot.addWidget(window)
    model = window.program_screen.model
    program = model.index(0, 0)
    assert model.rowCount(program) == 3
    stage = model.index(0, 0, program)
    assert model.rowCount(stage) == 8
    direction = model.index(0, 0, stage)
    assert model.index(0, 0, direction).data(KIND_ROLE) == "measure"


def test_print_program_from_the_window(qtbot, db, tmp_path):
    window = MainWindow(db)
    qtbot.addWidget(window)
    out = window.print_program(str(tmp_path / "p.pdf"))
    assert out.exists() and out.stat().st_size > 10_000
    assert "Звіт збережено" in window.statusBar().currentMessage()
