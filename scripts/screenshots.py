"""Screenshots of the real windows for the README and the user guide (docs/screenshots/*.png).

Run through scripts/screenshots.sh (which starts a virtual X screen when there is no display).
The application runs on its normal platform plugin (xcb) on a temporary database: the built-in
Program plus demo data (``kr-desktop demo`` when this version has it, else a few persons and awards
entered through the services). Every tab of the main window is visited and grabbed from the X
server, then the print preview (the Program: portrait and landscape pages side by side), the
signatures dialog, the user guide (F1) and the About box; last, the first and the last page of
every kind of report at 80 dpi (``report-KIND-first.png``, ``report-KIND-last.png``), made by
kr_desktop.reports.samples from the same data.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)  # the smallest screen the department works on


def make_database(folder: Path) -> Path:
    path = folder / "screenshots.sqlite3"
    from kr_desktop.cli import COMMAND_MODULES

    if "kr_desktop.cli.demo_cmds" in COMMAND_MODULES:
        subprocess.run([sys.executable, "-m", "kr_desktop", "demo", "--db", str(path), "--persons", "300",
                        "--seed", "1"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    else:
        few_persons_and_awards(path)
    return path


def few_persons_and_awards(path: Path) -> None:
    from kr_desktop.db.open import open_database
    from kr_desktop.services import award_types, awards, persons

    db = open_database(path)
    try:
        types = award_types.list_award_types(db)
        people = [("Іваненко", "Іван", "Іванович", "ч", "КП «Кривбасводоканал»", "майстер дільниці"),
                  ("Петренко", "Ольга", "Миколаївна", "ж", "Криворізька гімназія №12", "вчителька"),
                  ("Ґудзь", "Богдан", "Олексійович", "ч", "ПАТ «АрселорМіттал Кривий Ріг»", "сталевар"),
                  ("Дем'яненко", "Марія", "Петрівна", "ж", "КНП «Міська лікарня №2»", "лікарка")]
        for i, (surname, name, patronymic, sex, work, position) in enumerate(people):
            person_id = persons.create_person(db, persons.PersonInput(surname, name, patronymic, sex,
                                                                      dt.date(1970 + i * 5, 3, 1 + i), work, position))
            kind = types[i % len(types)]
            awards.save_award(db, awards.AwardInput(person_id, kind.id, act_number=f"{100 + i}",
                                                    act_date=dt.date(2024, 5, 10 + i)), confirm=True)
    finally:
        db.dispose()


def settle(_app, ms: int = 400) -> None:
    from PySide6.QtTest import QTest

    QTest.qWait(ms)  # (QCoreApplication.processEvents(flags, ms) crashes PySide6 6.12 under xcb)


def grab(app, widget, name: str) -> Path:
    widget.raise_()
    widget.activateWindow()
    settle(app)
    screen = widget.screen()
    pixmap = screen.grabWindow(widget.winId())  # from the X server: the window as the user sees it
    if pixmap.isNull() or pixmap.width() < 10:
        pixmap = widget.grab()
    path = OUT / f"{name}.png"
    pixmap.save(str(path))
    print(f"  {path.relative_to(ROOT)} ({pixmap.width()}×{pixmap.height()})")
    return path


def prepare(window, attribute: str) -> None:
    """Put each screen in a state worth showing."""
    screen = getattr(window, attribute)
    if attribute == "program_screen":
        from kr_desktop.ui.program_tree import KIND_ROLE

        model = screen.model
        program = model.index(0, 0)
        stage = model.index(2, 0, program)
        direction = model.index(3, 0, stage)
        measure = model.index(0, 0, direction)
        screen.tree.expand(program)
        screen.tree.expand(stage)
        screen.tree.expand(direction)
        if measure.data(KIND_ROLE) == "measure":
            screen.tree.setCurrentIndex(measure)
    elif attribute == "awards_screen" and screen.awards_model.rowCount():
        screen.awards_view.selectRow(0)
    elif attribute == "honorary_screen":
        try:
            from kr_desktop.services import awards, honorary, persons

            if not honorary.list_honorary_citizens(window.db):
                for number, row in enumerate(persons.search_persons(window.db, "", 0, 4), start=1):
                    awards.save_award(window.db, awards.AwardInput(row.id, 1, act_number=f"{1400 + number}",
                                                                   act_date=dt.date(2019 + number, 6, 20)),
                                      confirm=True)
                screen.reload()
            screen.gallery.setCurrentRow(0)
        except Exception as exc:  # noqa: BLE001
            print(f"  (почесних громадян не додано: {exc})")
    elif attribute == "decision_screen":
        try:
            from collections import Counter

            from kr_desktop.services import awards

            rows = awards.query_awards(window.db, awards.AwardFilter(), 0, 500)
            (number, date), _count = Counter((r.act_number, r.act_date) for r in rows if r.act_number).most_common(1)[0]
            screen.make_draft(number, date)
        except Exception as exc:  # noqa: BLE001
            print(f"  (проєкт рішення не сформовано: {exc})")
    elif attribute == "users_screen":
        try:
            from kr_desktop.services import users

            if not users.list_users(window.db):
                users.create_first_admin(window.db, "koval", "Коваль Олена Петрівна", "пароль-для-знімків")
                users.add_user(window.db, "petrenko", "Петренко Ірина Миколаївна", "operator", "пароль-для-знімків")
                users.add_user(window.db, "hnatiuk", "Гнатюк Богдан Іванович", "viewer", "пароль-для-знімків")
                screen.reload()
        except Exception as exc:  # noqa: BLE001
            print(f"  (користувачів не додано: {exc})")
    elif attribute == "events_screen":
        try:
            from kr_desktop.services import events

            if not events.count_events(window.db):
                events.generate_year(window.db, dt.date.today().year)
                screen.refresh()
            if hasattr(screen, "show_year"):
                screen.show_year()  # the year's events (the demo holds a ceremony each quarter)
                screen.view.selectRow(0)
        except Exception as exc:  # noqa: BLE001 - a screenshot without events is still a screenshot
            print(f"  (заходи не додано: {exc})")


def programs_shots(app, window, folder: Path) -> None:
    """Several programs: the chooser with a successor, a measure whose deadline the decision does
    not print (8.1 of Додаток 1), and the import preview of a decision DOCX."""
    try:
        from kr_desktop.reports.program_docx import render_program_docx
        from kr_desktop.services.program import programs
        from kr_desktop.services.program_view import load_document, load_tree
        from kr_desktop.ui.program_import_dialog import ProgramImportDialog
    except ImportError:  # a version before several programs
        return
    successor = programs.create_program(window.db, "Програма сприяння розвитку місцевого самоврядування в "
                                        "м. Кривому Розі на 2028–2032 роки", "2028-2032", successor_of=1)
    window.program_chooser.reload(1)
    window.tabs.setCurrentWidget(window.program_screen)
    settle(app, 200)
    screen = window.program_screen
    tree = load_tree(window.db, 1)
    eight_one = next(m.id for s in tree.stages if s.annex_number == 1 for d in s.directions if d.number == 8
                     for m in d.measures if m.position == 1)
    screen.select_measure(eight_one)
    grab(app, window, "programs")
    path = folder / "Програма_1176.docx"
    render_program_docx(load_document(window.db, 1), path)
    dialog = ProgramImportDialog(window.context, window)
    dialog.resize(1000, 640)
    dialog.move(60, 30)
    dialog.show()
    dialog.choose(str(path))
    settle(app, 600)
    grab(app, dialog, "program-import")
    dialog.close()
    window.program_chooser.reload(successor)  # the chooser lists the successor; №1176 stays chosen
    window.program_chooser.choose(1)


def _shown(app, dialog, name: str, x: int = 120, y: int = 10) -> None:
    dialog.move(x, y)
    dialog.show()
    settle(app, 500)
    grab(app, dialog, name)
    if getattr(dialog, "guard", None) is not None:
        dialog.guard.mark_clean()  # what the script typed is not to be saved
    dialog.close()


def dialogs(app, window) -> None:
    """The forms people fill most: a new award with the person being picked, a person's card with
    the awards, an event's presentation order, the list of backups to restore from."""
    from kr_desktop.services import awards, backups, events, persons
    from kr_desktop.ui.awards_dialog import AwardDialog
    from kr_desktop.ui.backup_dialogs import RestoreDialog
    from kr_desktop.ui.events_dialog import EventDialog
    from kr_desktop.ui.persons_dialog import PersonDialog

    db = window.db
    award = AwardDialog(window.context, parent=window)
    award.person.search.setText("Бонд")
    award.person.find()
    _shown(app, award, "award-form")
    holder = max(persons.search_persons(db, "", 0, 300),
                 key=lambda p: awards.count_awards(db, awards.AwardFilter(person_id=p.id)))
    _shown(app, PersonDialog(window.context, holder.id, window), "person-card")
    busiest = max(events.list_events(db, limit=None), key=lambda e: e.awards, default=None)
    if busiest is not None:
        event = EventDialog(window.context, busiest.id, parent=window)
        event.tabs.setCurrentIndex(2)
        _shown(app, event, "event-form")
    backups.backup_now(db)
    restore = RestoreDialog(backups.backup_summaries(db), backups.summary_of, window)
    _shown(app, restore, "restore", 60, 60)


def unreport_some(db) -> None:
    """Some executors have not reported the last half-year yet (as on a morning after 10 July or
    10 January), so «Контроль» shows red beside green and the forms have something to bring."""
    from sqlalchemy import delete, select

    from kr_desktop.db.models import ProgressEntry, ReportingPeriod
    from kr_desktop.domain.periods import last_ended_period

    period = last_ended_period(dt.date.today())
    with db.changing("Знімки екрана: частина звітів ще не надійшла") as s:
        period_id = s.scalar(select(ReportingPeriod.id).where(ReportingPeriod.year == period.year,
                                                              ReportingPeriod.half == period.half))
        s.execute(delete(ProgressEntry).where(ProgressEntry.period_id == period_id,
                                              (ProgressEntry.executor_id % 3 == 0) | (ProgressEntry.measure_id % 5 == 0)))
        from kr_desktop.db.models import Executor

        for number, executor in enumerate(s.scalars(select(Executor).order_by(Executor.id))):
            executor.email = f"vykonavets{number + 1}@example.org"  # fictional (ДЕМО)
            executor.phone = f"(056) 000-00-{number + 10}"
            executor.head_position = "Начальник"
            executor.head_name = ["Олена ПЕТРЕНКО", "Іван КОВАЛЕНКО", "Марія ШЕВЧУК"][number % 3]


def forms_round_trip(app, window, folder: Path) -> None:
    """«Розіслати форми…», two forms filled as executors would (one with a mistake), «Прийняти…»."""
    from openpyxl import load_workbook

    from kr_desktop.services.progress_forms import layout
    from kr_desktop.ui.progress_forms_dialogs import SendFormsDialog, TakeFormsDialog

    progress = window.progress_screen
    window.tabs.setCurrentWidget(progress)
    year, half = progress.period
    send = SendFormsDialog(window.context, year, half, progress)
    send.folder.setText(str(folder / "Форми звітів"))
    written = send.create() or []
    send.move(60, 40)
    send.show()
    grab(app, send, "forms-send")
    send.close()
    for number, form in enumerate(sorted(written, key=lambda f: -f.measures)[:3]):
        book = load_workbook(form.path)
        sheet = book[layout.FORM_SHEET]
        titles = {str(c.value or ""): c.column for c in sheet[layout.HEADER_ROW]}
        column = {key: next(c for t, c in titles.items() if t.startswith(prefix)) for key, prefix in
                  (("status", "Стан"), ("narrative", "Що зроблено"), ("amount", "Касові"), ("reasons", "Причини"))}
        changed = False
        for index, row in enumerate(range(layout.FIRST_ROW, sheet.max_row + 1)):
            if not sheet.cell(row, 1).value:
                continue
            if sheet.cell(row, column["status"]).value:  # reported already: one of them told differently
                if not changed:
                    sheet.cell(row, column["narrative"]).value = "Уточнено: проведено 3 семінари, охоплено 85 осіб"
                    changed = True
                continue
            sheet.cell(row, column["status"]).value = "виконано" if index % 3 else "виконується"
            sheet.cell(row, column["narrative"]).value = f"Проведено {index + 2} заходи, охоплено {40 + index} осіб"
            sheet.cell(row, column["amount"]).value = "п'ять тисяч" if number == 2 else 1500.5 + index
        sheet.cell(layout.REPORTER_ROW, layout.REPORTER_COLUMN).value = "Коваленко Ірина, 74-12-34"
        book.save(form.path)
    take = TakeFormsDialog(window.context, year, half, progress, [f.path for f in sorted(
        written, key=lambda f: -f.measures)[:3]])
    take.move(60, 40)
    take.show()
    grab(app, take, "forms-take")
    take.close()


def main() -> int:
    os.environ.setdefault("KR_DESKTOP_SETTINGS_DIR", tempfile.mkdtemp(prefix="kr-shots-settings-"))
    sys.path.insert(0, str(ROOT))
    from kr_desktop.db.open import open_database
    from kr_desktop.ui.app import create_application
    from kr_desktop.ui.main_window import MainWindow

    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="kr-shots-"))
    app = create_application([sys.argv[0], "-platform", os.environ.get("QT_QPA_PLATFORM", "xcb")])
    print(f"Платформа Qt: {app.platformName()}")
    db = open_database(make_database(folder))
    db.actor = "Олена Коваль"
    unreport_some(db)
    window = MainWindow(db)
    window.resize(*SIZE)
    window.move(0, 0)
    window.show()
    settle(app, 800)
    only = set(sys.argv[1].split(",")) if len(sys.argv) > 1 else None  # e.g. «control,progress,forms»
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(app, 200)
        attribute = next(a for a in window.window_state.attributes if window.__dict__.get(a) is window.tabs.widget(index))
        if only is not None and attribute.removesuffix("_screen") not in only:
            continue
        prepare(window, attribute)
        grab(app, window, attribute.removesuffix("_screen"))

    if only is None or "programs" in only:
        programs_shots(app, window, folder)
    if only is None or "control" in only:  # one executor chosen: its items, head and contacts
        control = window.control_screen
        window.tabs.setCurrentWidget(control)
        late = next((c for c in control.data.by_executor if c.overdue), None)
        if late is not None:
            control.select_executor(late.executor_id)
            grab(app, window, "control-executor")
            control.select_executor(None)
    if only is None or "forms" in only:
        forms_round_trip(app, window, folder)
    if only is None or "dialogs" in only:
        dialogs(app, window)
    if only is not None:
        window.close()
        db.dispose()
        return 0

    window.tabs.setCurrentIndex(window.tabs.indexOf(window.program_screen))
    from kr_desktop.reports import file_names
    from kr_desktop.ui.print_preview import make_preview

    preview = make_preview(window.program_screen, "Програма", lambda p: window.print_program(str(p)),
                           file_names.program(), ("pdf",))
    preview.resize(1200, 760)
    preview.move(40, 20)
    preview.show()
    preview.preview.set_zoom(0.55)
    settle(app, 400)
    bar = preview.preview.verticalScrollBar()
    bar.setValue(preview.preview.page_rect(1).top() - 40)  # the passport's last page above the first annex
    settle(app, 1200)
    grab(app, preview, "print-preview")
    preview.close()

    from kr_desktop.ui.signers_dialog import SignersDialog

    signers = SignersDialog(window.context, window)
    signers.move(60, 20)
    signers.show()
    settle(app, 400)
    grab(app, signers, "signers")
    signers.close()

    window.commands.show_help()
    help_window = window.commands.help_window
    help_window.move(60, 20)
    settle(app, 600)
    grab(app, help_window, "help")
    help_window.close()

    from kr_desktop.ui.about_box import about_html
    from PySide6.QtWidgets import QMessageBox

    about = QMessageBox(QMessageBox.Icon.Information, "Про програму", about_html(), QMessageBox.StandardButton.Ok,
                        window)
    about.setIconPixmap(app.windowIcon().pixmap(64, 64))
    about.show()
    settle(app, 400)
    grab(app, about, "about")
    about.close()
    window.close()
    report_pages(db, folder)
    db.dispose()
    return 0


def report_pages(db, folder: Path, dpi: int = 80) -> None:
    """The first and the last page of every kind of report, as a clerk gets them on paper."""
    import pypdfium2

    from kr_desktop.reports.samples import samples

    for old in OUT.glob("report-*.png"):
        old.unlink()
    for sample in samples(db):
        pdf_path = sample.render(folder / f"{sample.kind}.pdf")
        document = pypdfium2.PdfDocument(str(pdf_path))
        count = len(document)
        for label, index in (("first", 0), ("last", count - 1)):
            if label == "last" and count == 1:
                break
            image = document[index].render(scale=dpi / 72).to_pil()
            path = OUT / f"report-{sample.kind}-{label}.png"
            image.save(path)
            print(f"  {path.relative_to(ROOT)} ({image.width}×{image.height}, сторінка {index + 1} з {count}"
                  f"{', ' + sample.params if sample.params else ''})")
        document.close()


if __name__ == "__main__":
    raise SystemExit(main())
