"""Is there a screen for the window? Checked before the QApplication exists: without a display, or
without a system library its X11 plugin needs, Qt prints an English line («could not connect to
display», «xcb-cursor0 … is needed» — often naming the wrong library) and aborts the process.
Here the user gets a Ukrainian message that says what is missing and what to do, and the command
ends with an exit code.

The X11 plugin is loaded once with ctypes (Qt would load it a moment later anyway): the system's
loader names the library that is missing; ``ldd`` then lists them all (only in that case)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable, Mapping

from kr_desktop.errors import UserError

# Libraries of Qt's X11 plugin and the Debian/Ubuntu packages that hold them.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-util.so.1": "libxcb-util1", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-xinput.so.0": "libxcb-xinput0", "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1", "libX11.so.6": "libx11-6", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1", "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0",
}

NO_DISPLAY = ("Вікно програми ніде показати: немає графічного дисплея (змінні DISPLAY і WAYLAND_DISPLAY "
              "порожні — наприклад, вхід через SSH без -X або служба без робочого столу).\n"
              "Запустіть програму в графічному сеансі або командою «bash scripts/run-app.sh»: вона сама "
              "запускає віртуальний екран Xvfb. Команди без вікна (kr-desktop report …, backup, import) "
              "працюють і без дисплея.")
MISSING_LIBRARIES = ("Для вікна програми бракує системних бібліотек: {libraries}.\n"
                     "Встановіть їх (від імені адміністратора): sudo apt-get install {packages}\n"
                     "або запустіть «bash scripts/run-app.sh» від root: він встановлює все потрібне сам.")


class NoDisplayError(UserError):
    exit_code = 69  # EX_UNAVAILABLE


def _platform(environ: Mapping[str, str]) -> str:
    return (environ.get("QT_QPA_PLATFORM") or "").split(";")[0].split(":")[0].strip().lower()


def xcb_plugin() -> Path | None:
    from PySide6.QtCore import QLibraryInfo

    path = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
    return path if path.exists() else None


def _load(path: Path) -> None:
    import ctypes

    ctypes.CDLL(str(path))


def _missing_libraries(path: Path, first: str) -> list[str]:
    """Every library the plugin lacks (``ldd``), else the one the loader named."""
    import subprocess

    try:
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=10).stdout
        missing = [line.split("=>")[0].strip() for line in out.splitlines() if "not found" in line]
    except (OSError, subprocess.SubprocessError):
        missing = []
    return missing or [first]


def display_problem(environ: Mapping[str, str] | None = None, platform: str | None = None,
                    load: Callable[[Path], None] = _load, plugin: Callable[[], Path | None] = xcb_plugin) -> str | None:
    """A Ukrainian message when the window cannot appear, else None."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") and not platform.startswith("freebsd"):
        return None  # Windows and macOS always have their screen
    chosen = _platform(environ)
    if chosen not in ("", "xcb"):
        return None  # offscreen, wayland, vnc…: Qt's own choice stands
    if not environ.get("DISPLAY") and not (chosen == "" and environ.get("WAYLAND_DISPLAY")):
        return NO_DISPLAY
    if not environ.get("DISPLAY"):
        return None  # a Wayland session: Qt uses its Wayland plugin
    path = plugin()
    if path is None:
        return None
    try:
        load(path)
    except OSError as exc:
        first = str(exc).split(":")[0].strip()
        libraries = _missing_libraries(path, first)
        packages = sorted({PACKAGES.get(name, name.split(".so")[0]) for name in libraries})
        return MISSING_LIBRARIES.format(libraries=", ".join(libraries), packages=" ".join(packages))
    return None


def check_display() -> None:
    problem = display_problem()
    if problem:
        raise NoDisplayError(problem)
