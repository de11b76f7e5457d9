"""Draws the application icon: a shield (blue over gold, as a city's arms) with a white page of a
decision on it. Writes resources/icons/kr-desktop.svg and, rendered from it by Qt, PNGs (the window
icon, the Linux bundle) and kr-desktop.ico (the Windows bundle's .exe).

Run again after changing the drawing:  .venv/bin/python scripts/make_icon.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)

SHIELD = "M 28 18 H 228 V 118 C 228 188 184 224 128 244 C 72 224 28 188 28 118 Z"
SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <path d="M 28 18 H 228 V 118 H 28 Z" fill="#1f4e9c"/>
  <path d="M 28 118 H 228 C 228 188 184 224 128 244 C 72 224 28 188 28 118 Z" fill="#f2c200"/>
  <path d="{SHIELD}" fill="none" stroke="#0f2c5c" stroke-width="10" stroke-linejoin="round"/>
  <path d="M 84 54 H 150 L 174 78 V 190 H 84 Z" fill="#ffffff" stroke="#0f2c5c" stroke-width="6"
        stroke-linejoin="round"/>
  <path d="M 150 54 V 78 H 174" fill="none" stroke="#0f2c5c" stroke-width="6" stroke-linejoin="round"/>
  <g stroke="#1f4e9c" stroke-width="8" stroke-linecap="round">
    <line x1="100" y1="98" x2="158" y2="98"/>
    <line x1="100" y1="120" x2="158" y2="120"/>
    <line x1="100" y1="142" x2="158" y2="142"/>
    <line x1="100" y1="164" x2="136" y2="164"/>
  </g>
</svg>
"""


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    svg = ICONS / "kr-desktop.svg"
    svg.write_text(SVG, encoding="utf-8")
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        print("SVG не розібрано / the SVG did not parse", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if size < 256:
            image.save(str(ICONS / f"kr-desktop-{size}.png"))
        else:
            image.save(str(ICONS / "kr-desktop.png"))
            writer = QImageWriter(str(ICONS / "kr-desktop.ico"), b"ico")
            if not writer.write(image):
                print(f"ICO не записано / ICO not written: {writer.errorString()}", file=sys.stderr)
                return 1
    print(f"Значок записано / icon written: {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
