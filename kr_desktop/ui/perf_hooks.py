"""Hidden hooks for the benchmark (bench/) and the start-up tests; inert unless their environment
variable is set.

``KR_DESKTOP_BENCH_SHOWN=1``: when the main window has painted itself with its data (a paint while
its start screen is still waiting for the database does not count), print
``KR_DESKTOP_SHOWN <seconds since the process started>`` to stdout and quit.
``KR_DESKTOP_BENCH_MODULES=PATH``: at that paint also write the names in ``sys.modules`` to PATH
(one a line), so a test can check which libraries the start loaded.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

SHOWN_VARIABLE = "KR_DESKTOP_BENCH_SHOWN"
MODULES_VARIABLE = "KR_DESKTOP_BENCH_MODULES"
MARKER = "KR_DESKTOP_SHOWN"


def wanted() -> bool:
    return bool(os.environ.get(SHOWN_VARIABLE) or os.environ.get(MODULES_VARIABLE))


def _process_age() -> float:
    """Seconds since this process started (from /proc; the clock the parent measures with)."""
    try:
        with open("/proc/self/stat") as handle:
            start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.process_time()


def _write_modules() -> None:
    modules = os.environ.get(MODULES_VARIABLE)
    if modules:  # what was loaded when the window painted itself
        with open(modules, "w", encoding="utf-8") as handle:
            handle.write("\n".join(sorted(sys.modules)))


def _report() -> None:
    print(f"{MARKER} {_process_age():.3f}", flush=True)
    QApplication.instance().quit()


def watch_first_paint(window: QWidget) -> None:
    """Report and quit after the window's first paint with its data (only when the benchmark asks)."""
    if not wanted():
        return
    from kr_desktop.ui.first_paint import WindowPainted

    context = getattr(window, "context", None)
    if context is not None:
        # Shown before its data (no current snapshot): the data arrives in the views, which
        # repaint without the window; repaint it whole once the database is open.
        context.events.opened.connect(lambda: QTimer.singleShot(0, window.update))
    window._bench_first_paint = WindowPainted(window, _report, when=lambda: getattr(window, "showing_data", True),
                                              at_paint=_write_modules)
