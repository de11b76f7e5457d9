"""The window's common commands on the current screen: a small protocol.

A screen may implement any of ``focus_search()`` (Ctrl+F), ``new_record()`` (Ctrl+N),
``save_current()`` (Ctrl+S), ``delete_selected()`` (Del, asks for confirmation itself) and
``print_current()`` (Ctrl+P: the screen's report in the print preview). The main window calls
the current tab's method when it exists and disables the command otherwise.

The screens written before the protocol already have these operations under their own names
(``new_award``, ``delete_current``, ``print_list(path)``…). ``ADAPTERS`` maps them here, in one
place, instead of renaming methods across modules that other areas own; a screen's own protocol
method always wins over its adapter, so a screen can take a command over at any time.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QWidget

COMMANDS = ("focus_search", "new_record", "save_current", "delete_selected", "print_current")
ALL_FORMATS = ("pdf", "docx", "xlsx")
DELETE_TITLE = "Видалення"
DELETE_ASK = "Видалити виділений запис?\n\n{what}"


def find_command(screen: QWidget | None, name: str, window=None) -> Callable[[], object] | None:
    """The callable for command ``name`` on ``screen``, or None when the screen has no such command."""
    if screen is None:
        return None
    own = getattr(type(screen), name, None)
    if callable(own):
        return getattr(screen, name)
    adapter = ADAPTERS.get(type(screen).__name__, {}).get(name)
    if adapter is None:
        return None
    return lambda: adapter(screen, window)


def focus(widget) -> None:
    widget.setFocus()
    if hasattr(widget, "selectAll"):
        widget.selectAll()


def preview(screen: QWidget, title: str, render: Callable, suggested: str, formats=ALL_FORMATS,
            signer: str | None = None):
    """The report in the print preview; ``signer``: the role that signs it (its name is asked for
    at the first print when not set)."""
    from kr_desktop.ui.print_preview import preview_report  # QtPrintSupport and pdfium when first used

    return preview_report(screen, title, render, suggested, formats, signer)


def _names():
    from kr_desktop.reports import file_names

    return file_names


def confirmed(screen: QWidget, what: str) -> bool:
    from kr_desktop.ui.confirm import ask

    return ask(screen, DELETE_TITLE, DELETE_ASK.format(what=what))


def _program_print(screen, window):
    return preview(screen, "Програма", lambda path: window.print_program(str(path)), _names().program(), ("pdf",))


def _control_print(screen, _window):
    on = screen.on
    return preview(screen, "Контрольний список", lambda path: screen.print_overdue(str(path)),
                   _names().overdue(on), signer="reports")


def _progress_print(screen, _window):
    from kr_desktop.reports.output import render
    from kr_desktop.reports.halfyear import build_halfyear
    from kr_desktop.services.progress_reports import halfyear_data

    year, half = screen.period
    return preview(screen, "Інформація про хід виконання",
                   lambda path: render(build_halfyear(halfyear_data(screen.db, year, half,
                                                                    program_id=screen.context.program_id)), path),
                   _names().halfyear(year, half), signer="reports")


def _stock_delete(screen, _window):
    return screen.delete_move()  # asks for confirmation itself


ADAPTERS: dict[str, dict[str, Callable]] = {
    "ControlScreen": {
        "print_current": _control_print,
    },
    "ProgramScreen": {
        "new_record": lambda s, _w: s.add_measure(),
        "print_current": _program_print,
    },
    "ProgressScreen": {
        "print_current": _progress_print,
    },
    "AwardsScreen": {
        "focus_search": lambda s, _w: focus(s.search),
        "new_record": lambda s, _w: s.new_award(),
        "delete_selected": lambda s, _w: s.delete_current(),
        "print_current": lambda s, _w: s.preview_awards(),
    },
    "HonoraryScreen": {
        "save_current": lambda s, _w: s.save_entry(),
        "print_current": lambda s, _w: s.preview_list(),
    },
    "EventsScreen": {
        "new_record": lambda s, _w: s.new_event(),
        "delete_selected": lambda s, _w: s.delete_current(confirm=True),
        "print_current": lambda s, _w: s.preview_list(),
    },
    "StockScreen": {
        "new_record": lambda s, _w: s.new_item(),
        "delete_selected": _stock_delete,
        "print_current": lambda s, _w: s.preview_stock(),
    },
    "DecisionScreen": {
        "save_current": lambda s, _w: s.save_forms(),
        "print_current": lambda s, _w: s.preview_document(),
    },
    "JournalScreen": {
        "focus_search": lambda s, _w: focus(s.record_edit),
    },
}
