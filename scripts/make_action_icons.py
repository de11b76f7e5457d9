"""Renders the action icons (resources/icons/actions/*.svg, Tabler Icons, MIT) to PNG at the sizes the
window uses (resources/icons/actions/png/NAME-SIZE.png). The window loads the PNGs: an SVG icon
makes Qt load its SVG icon engine and renderer at the first paint, which measurably slowed the
start (see docs/development.md, speed). Run again after adding or changing an SVG:

    .venv/bin/python scripts/make_action_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ACTIONS = Path(__file__).resolve().parent.parent / "resources" / "icons" / "actions"
SIZES = (16, 20, 24, 32, 48)


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs it
    out = ACTIONS / "png"
    out.mkdir(exist_ok=True)
    for svg in sorted(ACTIONS.glob("*.svg")):
        renderer = QSvgRenderer(str(svg))
        for size in SIZES:
            image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter)
            painter.end()
            image.save(str(out / f"{svg.stem}-{size}.png"))
    print(f"{len(list(out.glob('*.png')))} PNG files in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
