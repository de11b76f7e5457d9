"""Text broken into the lines a PDF cell draws: one font and size, words measured once.

Every table cell of the PDFs is drawn from these lines, so what was measured is what is drawn and
nothing leaves its cell: a line breaks at spaces (never at a no-break space: «№ 1176», «м. Кривий
Ріг» stay whole), and a word wider than the whole cell is cut at its own hyphen or a hyphenation
point (kr_desktop.text.hyphenation) with a hyphen drawn. A word that fits the cell but not the rest
of the line moves to the next line whole: only words that cannot fit are ever hyphenated.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import getFont

from kr_desktop.text.hyphenation import fit_pieces


def words(text: str) -> list[str]:
    """The words of one line of text, split at breaking spaces only: str.split() would also split
    at the no-break spaces the documents put in «№ 1176» and in numbers (reportlab's Paragraph does
    not break there either)."""
    if "\xa0" not in text:
        return text.split()
    if "\t" in text or "\r" in text:
        text = text.replace("\t", " ").replace("\r", " ")
    parts = text.split(" ")
    return [w for w in parts if w] if "" in parts else parts


class LineWrapper:
    """Lines of text in one font and size; each word's width measured once (a long list repeats
    the same names, posts and places)."""

    def __init__(self, font: str, size: float):
        self.font, self.size = font, size
        self._face = getFont(font)
        self._widths: dict[str, float] = {}
        self.space = self._face.stringWidth(" ", size)
        # No glyph of the shipped fonts is wider than this: a text shorter than inner / widest
        # certainly fits and need not be measured (dates, numbers and codes of long lists).
        self.widest = max(self._face.stringWidth(ch, size) for ch in "ЩШЖЮМWМ%—№@")

    def width(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self._face.stringWidth(text, self.size)
        return width

    def fits(self, text: str, inner: float) -> bool:
        return len(text) * self.widest <= inner or self.width(text) <= inner

    def lines(self, text: str, inner: float) -> list[str]:
        """``text`` (newlines kept) broken into lines no wider than ``inner`` points."""
        out: list[str] = []
        widths, face, size, space = self._widths, self._face, self.size, self.space
        for part in text.split("\n") if "\n" in text else (text,):
            line: list[str] = []
            used = -space
            for word in part.split() if "\xa0" not in part else words(part):
                word_width = widths.get(word)
                if word_width is None:
                    word_width = widths[word] = face.stringWidth(word, size)
                if used + space + word_width <= inner:
                    line.append(word)
                    used += space + word_width
                elif word_width <= inner:  # fits a line of its own: moves there whole
                    if line:
                        out.append(" ".join(line))
                    line, used = [word], word_width
                else:
                    line, used = self._hyphenated(word, inner, line, used, out)
            out.append(" ".join(line))
        return out

    def _hyphenated(self, word: str, inner: float, line: list[str], used: float,
                    out: list[str]) -> tuple[list[str], float]:
        """A word wider than the cell: its pieces fill the current line and the next ones."""
        pieces = fit_pieces(word, self.width, inner, inner - used - self.space if line else None)
        first = pieces.pop(0)
        if first:
            line.append(first)
        if line:
            out.append(" ".join(line))
        out.extend(pieces[:-1])
        return [pieces[-1]], self.width(pieces[-1])

    def wrap(self, text: str, inner: float) -> str:
        """The lines joined by newlines: a Table draws such a string line by line."""
        if len(text) * self.widest <= inner and "\n" not in text and "  " not in text and text == text.strip():
            return text  # short enough to fit whatever its letters: not measured
        lines = self.lines(text, inner)
        return lines[0] if len(lines) == 1 else "\n".join(lines)
