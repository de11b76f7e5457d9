"""``kr-desktop --smoke``: open the window, check that everything the installer must carry is
there, print a report and exit (0 when every check passed).

It builds every screen (they are imported by name, which a bundle can miss), imports every
command-line module (a check the command line passes in), checks Qt's Ukrainian translation («Так»), the shipped fonts and icon,
and writes the Program as PDF into a folder (beside a ``--db`` file, else a temporary folder)
and reads it back with pdfium (pages, the Ukrainian title, a page rendered to an image), and a
half-year report as DOCX and XLSX read back with python-docx and openpyxl.
"""

from __future__ import annotations

import os
import platform
import tempfile
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from kr_desktop import __version__

SMOKE_DIR_VARIABLE = "KR_DESKTOP_SMOKE_DIR"
PDF_NAME = "smoke-program.pdf"


def output_dir(target: str) -> Path:
    if os.environ.get(SMOKE_DIR_VARIABLE):
        return Path(os.environ[SMOKE_DIR_VARIABLE])
    path = Path(target)
    if "://" not in target and path.parent.is_dir():
        return path.parent
    return Path(tempfile.mkdtemp(prefix="kr-smoke-"))


def _check_pdf(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        pages = len(document)
        if pages < 2:
            raise AssertionError(f"у PDF лише {pages} стор.")
        first = document[0]
        text = first.get_textpage().get_text_range()
        if "ПРОГРАМА" not in text.upper() or "КРИВОГО РОГУ" not in text.upper():
            raise AssertionError(f"на першій сторінці немає назви Програми: {text[:80]!r}")
    finally:
        document.close()
    from kr_desktop.ui.print_preview import PdfPages

    rendered = PdfPages(path)
    try:
        image = rendered.image(0, 36).scaled(60, 85)
        colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    finally:
        rendered.close()
    if len(colours) < 2:
        raise AssertionError("перша сторінка порожня")
    return f"{pages} стор., {path.stat().st_size // 1024} КБ, сторінку 1 відтворено"


def run_checks(window, target: str, extra_checks: Sequence[tuple[str, Callable[[], object]]] = ()
               ) -> list[tuple[str, bool, str]]:
    """Every check of the bundle; ``extra_checks`` come from the caller (the command line checks its
    own modules: the window knows nothing of it)."""
    results: list[tuple[str, bool, str]] = []

    def check(name: str, fn) -> None:
        try:
            results.append((name, True, str(fn())))
        except Exception as exc:  # noqa: BLE001 - every failure is reported, none stops the others
            results.append((name, False, f"{type(exc).__name__}: {exc}"))

    def screens():
        window.screens.build_all() if hasattr(window, "screens") else None
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        return f"{len(titles)}: {', '.join(titles)}"

    def translation():
        yes = QCoreApplication.translate("QPlatformTheme", "&Yes").replace("&", "")
        if yes != "Так":
            raise AssertionError(f"«{yes}» замість «Так»")
        return yes

    def fonts():
        families = [f for f in QFontDatabase.families() if f.startswith("Liberation")]
        if "Liberation Sans" not in families or "Liberation Serif" not in families:
            raise AssertionError(f"шрифти не завантажено: {families}")
        return ", ".join(sorted(set(families)))

    def icon():
        if QApplication.windowIcon().isNull():
            raise AssertionError("значок не завантажено")
        return "є"

    def preview():
        import kr_desktop.ui.print_preview  # noqa: F401 - QtPrintSupport and pdfium in the bundle

        return "QtPrintSupport, pypdfium2"

    def program_pdf():
        path = output_dir(target) / PDF_NAME
        window.print_program(str(path))
        return f"{path} ({_check_pdf(path)})"

    def office_files():
        import openpyxl
        from docx import Document

        from kr_desktop.reports.output import render
        from kr_desktop.reports.halfyear import build_halfyear
        from kr_desktop.services.progress_reports import halfyear_data

        document = build_halfyear(halfyear_data(window.db, 2024, 1))
        folder = output_dir(target)
        docx_path = render(document, folder / "smoke-half-year.docx")
        xlsx_path = render(document, folder / "smoke-half-year.xlsx")
        paragraphs = " ".join(p.text for p in Document(str(docx_path)).paragraphs)
        if "2024" not in paragraphs:
            raise AssertionError("у DOCX немає року звіту")
        rows = openpyxl.load_workbook(xlsx_path, read_only=True).active.max_row
        if rows < 10:
            raise AssertionError(f"у XLSX лише {rows} рядків")
        return f"DOCX, XLSX ({rows} рядків)"

    check("Екрани", screens)
    for name, fn in extra_checks:
        check(name, fn)
    check("Переклад Qt", translation)
    check("Шрифти", fonts)
    check("Значок", icon)
    check("Друк", preview)
    check("Програма (PDF)", program_pdf)
    check("Звіт за півріччя", office_files)
    return results


def smoke_report(window, target: str, extra_checks: Sequence[tuple[str, Callable[[], object]]] = ()) -> int:
    """Print the report to stdout; the exit code for the process."""
    print(f"kr_desktop {__version__}, Python {platform.python_version()}, Qt {qVersion()}")
    print(f"База даних: {window.db.display_location}")
    results = run_checks(window, target, extra_checks)
    for name, ok, detail in results:
        print(f"{'OK ' if ok else 'ПОМИЛКА'} {name}: {detail}")
    failed = [name for name, ok, _ in results if not ok]
    print("Перевірку пройдено." if not failed else f"Перевірку не пройдено: {', '.join(failed)}.", flush=True)
    return 0 if not failed else 1
