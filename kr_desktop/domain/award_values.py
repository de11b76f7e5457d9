"""Values of the awards register as people write them: degrees (І/ІІ/ІІІ, I/II/III, 1/2/3), basis
act kinds, dates typed as dd.mm.yyyy, award-type names whatever the case and quotes."""

from __future__ import annotations

import datetime as dt
import re

from kr_desktop.text.ukrainian import search_key
from kr_desktop.text.wording import roman

# Degrees are written in Roman numerals of Latin letters, as everywhere (text.wording: the seed's
# Cyrillic «ІІІ» and a mixed «ІV» are read, never written); I is the highest.
DEGREE_LABELS = {n: roman(n) for n in range(1, 6)}
_DEGREE_INPUT = {"і": 1, "ііі": 3, "іі": 2, "i": 1, "ii": 2, "iii": 3, "1": 1, "2": 2, "3": 3,
                 "iv": 4, "іv": 4, "4": 4, "v": 5, "5": 5}

ACT_KINDS = {
    "council": "рішення міської ради",
    "executive": "рішення виконкому",
    "mayor": "розпорядження міського голови",
}
_ACT_KIND_INPUT = {
    "рішення міської ради": "council", "рішення мр": "council", "рішення ради": "council", "council": "council",
    "рішення виконкому": "executive", "рішення виконкому міської ради": "executive",
    "рішення виконавчого комітету": "executive", "рішення виконавчого комітету міської ради": "executive",
    "executive": "executive",
    "розпорядження міського голови": "mayor", "розпорядження": "mayor", "розпорядження мг": "mayor",
    "mayor": "mayor",
}

SEX_INPUT = {"ч": "ч", "чол": "ч", "чоловіча": "ч", "чоловік": "ч", "m": "ч", "м": "ч",
             "ж": "ж", "жін": "ж", "жіноча": "ж", "жінка": "ж", "f": "ж"}

_QUOTES = "«»\"“”„‟‹›"


def degree_label(degree: int | None) -> str:
    return DEGREE_LABELS.get(degree, "") if degree else ""


def degree_phrase(degree: int | None) -> str:
    """«II ступеня» (with a no-break space)."""
    return f"{degree_label(degree)}\u00a0ступеня" if degree else ""


def parse_degree(text) -> int | None:
    """І/ІІ/ІІІ (Cyrillic), I/II/III (Latin), 1/2/3, «ІІ ступеня»; None when empty; ValueError when wrong."""
    if text is None:
        return None
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    value = " ".join(str(text).replace(".", " ").split()).lower()
    value = re.sub(r"\s*(ступеня|ступінь|ст)\s*$", "", value).strip()
    if not value:
        return None
    compact = value.replace(" ", "")
    if compact in _DEGREE_INPUT:
        return _DEGREE_INPUT[compact]
    raise ValueError(f"ступінь «{text}» не розпізнано (очікується I, II, III або 1, 2, 3)")


def parse_act_kind(text: str | None) -> str | None:
    value = " ".join((text or "").lower().split())
    if not value:
        return None
    if value in _ACT_KIND_INPUT:
        return _ACT_KIND_INPUT[value]
    for label, kind in _ACT_KIND_INPUT.items():
        if value.startswith(label):
            return kind
    raise ValueError(f"вид документа «{text}» не розпізнано (рішення міської ради, рішення виконкому "
                     "або розпорядження міського голови)")


def parse_sex(text: str | None) -> str | None:
    value = (text or "").strip().lower().rstrip(".")
    if not value:
        return None
    if value in SEX_INPUT:
        return SEX_INPUT[value]
    raise ValueError(f"стать «{text}» не розпізнано (ч або ж)")


_DATE_RE = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)


def parse_date(value) -> dt.date | None:
    """A real date, ``dd.mm.yyyy`` text (or ISO ``yyyy-mm-dd``); None when empty; ValueError when wrong."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        result = value.date()
    elif isinstance(value, dt.date):
        result = value
    else:
        text = str(value).strip()
        if not text:
            return None
        match = _DATE_RE.match(text)
        iso = _ISO_RE.match(text)
        try:
            if match:
                result = dt.date(int(match[3]), int(match[2]), int(match[1]))
            elif iso:
                result = dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
            else:
                raise ValueError
        except ValueError:
            raise ValueError(f"дату «{text[:40]}» не розпізнано (очікується дд.мм.рррр)") from None
    if not (MIN_DATE <= result <= MAX_DATE):
        raise ValueError(f"дата {result:%d.%m.%Y} поза межами 1900–2100 років")
    return result


def type_key(name: str | None) -> str:
    """An award type's name folded for matching: case, apostrophes and quotes ignored."""
    text = (name or "").translate({ord(q): " " for q in _QUOTES})
    return search_key(text)


def act_kind_label(kind: str | None) -> str:
    return ACT_KINDS.get(kind or "", kind or "")


def act_text(kind: str, number: str, date: dt.date | None) -> str:
    """«рішення виконкому від 21.12.2016 №1176»: a basis act as lists and letters name it."""
    text = act_kind_label(kind)
    if date:
        text += f" від {date:%d.%m.%Y}"
    if number:
        text += f" №{number}"
    return text
