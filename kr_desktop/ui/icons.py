"""The application's icons: one consistent line-icon set (Tabler Icons, MIT licence — the SVGs and
the licence are in resources/icons/actions), instead of the widget style's standard pixmaps (in
Fusion the help icon is a red-and-white lifebuoy that reads as a red cross, and the rest mix
several drawing styles).

The window loads PNGs rendered from the SVGs (scripts/make_action_icons.py): an SVG icon makes Qt
load its SVG icon engine and renderer at the first paint, which cost the start tens of
milliseconds. Qt reads each PNG added to an icon at once, so an icon gets only the sizes drawn —
16 px (buttons, menus) and 24 px (the toolbar), and twice those on a high-density screen — and a
menu's icons are set when it is first opened (``when_shown``)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from kr_desktop.paths import icons_dir

SIZES = (16, 20, 24, 32, 48)  # rendered and shipped
_cache: dict[str, QIcon] = {}
_drawn: tuple[int, ...] | None = None


def _sizes() -> tuple[int, ...]:
    global _drawn
    if _drawn is None:
        from PySide6.QtGui import QGuiApplication

        screen = QGuiApplication.primaryScreen()
        dense = screen is not None and screen.devicePixelRatio() > 1
        _drawn = (16, 24, 32, 48) if dense else (16, 24)
    return _drawn


def icon_path(name: str, size: int | None = None):
    folder = icons_dir() / "actions"
    return folder / f"{name}.svg" if size is None else folder / "png" / f"{name}-{size}.png"


def icon(name: str) -> QIcon:
    """The icon ``name`` (a file name in resources/icons/actions without .svg), made once."""
    found = _cache.get(name)
    if found is None:
        found = _cache[name] = QIcon()
        for size in _sizes():
            found.addFile(str(icon_path(name, size)), QSize(size, size))
    return found


def when_shown(menu, icons: dict) -> None:
    """Give ``menu``'s actions their icons ({action: name}) when it is first opened, not at the start."""
    def give() -> None:
        for action, name in icons.items():
            action.setIcon(icon(name))
        menu.aboutToShow.disconnect(give)
    menu.aboutToShow.connect(give)
