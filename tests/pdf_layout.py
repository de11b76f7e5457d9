"""What a PDF page must never show: a letter over another letter (two words drawn over each other),
or a word crossing a drawn line (a table cell's border) — text that ran out of its cell. Read back
with pdfplumber: character and word boxes, borders from the drawn lines and the stroked, unfilled
rectangles."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

TOLERANCE = 0.6  # points: a glyph's box may touch a line, not cross it


def _borders(page) -> tuple[list, list]:
    vertical, horizontal = [], []
    objects = list(page.lines) + [r for r in page.rects if r.get("stroke") and not r.get("fill")]
    for obj in objects:
        x0, x1, top, bottom = obj["x0"], obj["x1"], obj["top"], obj["bottom"]
        if x1 - x0 <= 1.5:  # a vertical line
            vertical.append(((x0 + x1) / 2, top, bottom))
        elif bottom - top <= 1.5:
            horizontal.append(((top + bottom) / 2, x0, x1))
        else:  # an outlined box: its four sides
            vertical += [(x0, top, bottom), (x1, top, bottom)]
            horizontal += [(top, x0, x1), (bottom, x0, x1)]
    return vertical, horizontal


def page_problems(page, number: int) -> list[str]:
    problems = []
    words = [w for w in page.extract_words(x_tolerance=1.5, y_tolerance=1.5, keep_blank_chars=False,
                                           extra_attrs=["upright", "size"]) if w["upright"]]
    vertical, horizontal = _borders(page)
    t = TOLERANCE
    for w in words:
        x0, x1, top, bottom = w["x0"] + t, w["x1"] - t, w["top"] + t, w["bottom"] - t
        if w["x0"] < -t or w["x1"] > page.width + t or w["top"] < -t or w["bottom"] > page.height + t:
            problems.append(f"p.{number}: «{w['text']}» outside the page")
        for x, line_top, line_bottom in vertical:
            if x0 < x < x1 and line_top < bottom and line_bottom > top:
                problems.append(f"p.{number}: «{w['text']}» crosses a vertical border at x={x:.1f}")
                break
        for y, left, right in horizontal:
            if top < y < bottom and left < x1 and right > x0:
                problems.append(f"p.{number}: «{w['text']}» crosses a horizontal border at y={y:.1f}")
                break
    # glyphs over glyphs (two words drawn over each other merge into one «word»: compare characters)
    chars = sorted((c["top"] + t, c["bottom"] - t, c["x0"] + t, c["x1"] - t, c["text"]) for c in page.chars
                   if c.get("upright", True) and c["text"].strip())
    for i, (top, bottom, x0, x1, text) in enumerate(chars):
        for other_top, _other_bottom, ox0, ox1, other in chars[i + 1:]:
            if other_top >= bottom:
                break
            if ox0 < x1 and x0 < ox1:
                problems.append(f"p.{number}: «{text}» at x={x0:.1f}, y={top:.1f} overlaps «{other}»")
                break
    return problems


def layout_problems(path: Path | str) -> list[str]:
    problems = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            problems += page_problems(page, number)
    return problems
