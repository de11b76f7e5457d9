"""Where a Ukrainian word may be broken at a line's end, and a word cut into pieces that fit.

A word too long for its column breaks at its own hyphen first («організаційно-|протокольної»),
then at a hyphenation point of pyphen's uk_UA patterns (LibreOffice's dictionary, M. Polyakov,
GPL-2.0-or-later data loaded at run time; pyphen itself is LGPL/MPL), with a hyphen drawn. The
patterns are filtered by the rules of Ukrainian spelling they miss: a doubled consonant is split
between its letters («виконан-ня», never «викона-ння»), and one letter is never left or carried.
Only a word that does not fit its column is ever broken: the caller measures first.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

HYPHEN = "-"
# A hyphen inside a word (hyphen-minus, U+2010 hyphen, U+2011 non-breaking hyphen is kept whole).
_OWN_HYPHENS = "-\u2010"
_LETTERS_AFTER_NO_BREAK = "ьЬ’'ʼйЙ"


@lru_cache(maxsize=1)
def _dictionary():
    import pyphen  # loaded when a word first needs breaking: most documents never do

    return pyphen.Pyphen(lang="uk_UA", left=2, right=2)


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or ch in "’'ʼ"


@lru_cache(maxsize=4096)
def hyphenation_points(word: str) -> tuple[int, ...]:
    """Positions inside ``word`` (a run of letters) where it may break with a drawn hyphen."""
    if len(word) < 4:
        return ()
    points = []
    for p in _dictionary().positions(word):
        if not (2 <= p <= len(word) - 2):
            continue
        after, before = word[p], word[p - 1]
        if after in _LETTERS_AFTER_NO_BREAK:
            continue
        if p + 1 < len(word) and after.lower() == word[p + 1].lower() and after.lower() not in "аеєиіїоуюя":
            continue  # «викона|ння»: a doubled consonant is split between its letters
        if not (_is_letter(before) and _is_letter(after)):
            continue
        points.append(p)
    return tuple(points)


def own_segments(word: str) -> list[str]:
    """``word`` cut after each of its own hyphens: «організаційно-», «протокольної»."""
    segments, start = [], 0
    for i, ch in enumerate(word):
        if ch in _OWN_HYPHENS and 0 < i < len(word) - 1:
            segments.append(word[start:i + 1])
            start = i + 1
    segments.append(word[start:])
    return segments


def _points(segment: str) -> list[int]:
    """Hyphenation points of one segment (the letters inside quotes, brackets, punctuation)."""
    first, last = 0, len(segment)
    while first < last and not _is_letter(segment[first]):
        first += 1
    while last > first and not _is_letter(segment[last - 1]):
        last -= 1
    letters = segment[first:last]
    if not letters or not all(_is_letter(ch) for ch in letters):
        return []
    return [first + p for p in hyphenation_points(letters)]


def _best_cut(segment: str, width: Callable[[str], float], limit: float) -> int | None:
    """The farthest hyphenation point whose piece (with its hyphen) fits ``limit``."""
    best = None
    for p in _points(segment):
        if width(segment[:p] + HYPHEN) <= limit:
            best = p
        else:
            break
    return best


def fit_pieces(word: str, width: Callable[[str], float], room: float, first_room: float | None = None) -> list[str]:
    """``word`` cut into pieces that each fit ``room`` (the first one ``first_room`` when given:
    what is left of the current line), each piece but the last ending with a hyphen.

    The word's own hyphens come first: it breaks there, and a part between them is hyphenated
    only if it does not fit a line of its own. A part with no hyphenation point that fits is cut
    between letters with a hyphen drawn — never silently — and a run of other signs (a long
    number, an address) between characters as a last resort. An empty first piece means: nothing
    of the word fits the current line, it starts on the next."""
    pieces: list[str] = []
    current = ""
    limit = room if first_room is None else first_room

    def new_line() -> None:
        nonlocal current, limit
        pieces.append(current)
        current, limit = "", room

    for segment in own_segments(word):
        while segment:
            if width(current + segment) <= limit:
                current += segment
                break
            if current or (limit < room and width(segment) <= room):
                new_line()  # the segment starts a line of its own
                continue
            cut = _best_cut(segment, width, limit)
            if cut is None and limit < room:
                new_line()  # not even a syllable fits what is left of this line
                continue
            draws = True
            if cut is None:
                cut, draws = _forced(segment, 0, width, limit)
            pieces.append(segment[:cut] + (HYPHEN if draws else ""))
            segment, limit = segment[cut:], room
    pieces.append(current)
    return pieces


def _forced(word: str, start: int, width: Callable[[str], float], limit: float) -> tuple[int, bool]:
    """The longest cut from ``start`` that fits, between any two characters (at least one)."""
    position = start + 1
    while position + 1 < len(word):
        after = position + 1
        draws = _is_letter(word[after - 1]) and _is_letter(word[after])
        if width(word[start:after] + (HYPHEN if draws else "")) > limit:
            break
        position = after
    return position, _is_letter(word[position - 1]) and _is_letter(word[position])
