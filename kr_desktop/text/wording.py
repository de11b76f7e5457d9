"""Ukrainian text rules in one place, for every document, screen and message.

- plural agreement after a number: ``count(5, "захід", "заходи", "заходів")`` → «5 заходів»;
- words by the person's sex: ``by_sex("ж", "помер", "померла")`` → «померла»;
- the typographic apostrophe ’ (people type ' or ʼ);
- no-break spaces where a line must not break: «№ 1176», «м. Кривий Ріг», «ІІІ ступеня»,
  «2026 року», «1 250,00 грн», and before a dash («Іваненко – директор»: a dash never starts a line);
- an en dash in year and date ranges («2017–2027», not a hyphen or a minus sign);
- one style of Roman numerals: Latin letters (I, II, III, IV). Cyrillic «І» looks the same but has
  no V or X, so a Cyrillic «ІV» mixes two alphabets; Latin letters write every numeral;
- signed deviations with the minus sign U+2212 («+1 250,00», «−566,67»);
- a list of executors after «;» in lower case («Управління освіти; департамент …»).

``typographic(text)`` applies the character rules (apostrophe, no-break spaces, dashes, numerals)
to a printed text; renderers call it on every text they print. Each rule is guarded by a
substring test first, so a long list pays almost nothing for the rules that do not apply.
"""

from __future__ import annotations

import re
from typing import Iterable

NBSP = "\u00a0"
EN_DASH = "\u2013"
MINUS = "\u2212"
APOSTROPHE = "\u2019"
# What people and other programs type for the apostrophe (U+0027, U+02BC, U+2018, the grave accent).
_APOSTROPHE_FORMS = "'\u02bc\u2018\u0060"

# -- numbers and nouns --------------------------------------------------------------------------


def plural(n: int, one: str, few: str, many: str) -> str:
    """The form of a noun after the number ``n``: 1, 21, 101 → ``one``; 2–4, 22–24 → ``few``;
    0, 5–20, 25–30, 111–114 → ``many``. Give the forms in the case the sentence needs:
    ``plural(n, "захід", "заходи", "заходів")`` (nominative), ``plural(n, "заходу", "заходів",
    "заходів")`` (genitive: «з 21 заходу»)."""
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def format_count(n: int) -> str:
    """``12 345``: thousands grouped with no-break spaces, as the documents write numbers."""
    return f"{int(n):,}".replace(",", NBSP)


def count(n: int, one: str, few: str, many: str) -> str:
    """«1 захід», «2 заходи», «5 заходів», «21 запис»: the number and its noun, never split."""
    return f"{format_count(n)}{NBSP}{plural(n, one, few, many)}"


def count_of(part: int, whole: int, one_gen: str, many_gen: str) -> str:
    """«1 з 1 заходу», «3 з 5 заходів», «18 з 21 заходу»: the noun agrees with the whole (genitive)."""
    return f"{format_count(part)} з {count(whole, one_gen, many_gen, many_gen)}"


# Common nouns, so the same word is declined the same way everywhere.
MEASURES = ("захід", "заходи", "заходів")
MEASURES_GEN = ("заходу", "заходів", "заходів")
RECORDS = ("запис", "записи", "записів")
PERSONS = ("особа", "особи", "осіб")
AWARDS = ("відзнака", "відзнаки", "відзнак")
PAGES = ("сторінка", "сторінки", "сторінок")
ROWS = ("рядок", "рядки", "рядків")
EVENTS = ("захід", "заходи", "заходів")
DAYS = ("день", "дні", "днів")
ERRORS = ("помилка", "помилки", "помилок")


# -- words by sex -------------------------------------------------------------------------------
MALE, FEMALE = "ч", "ж"


def sex_of(sex: str | None, patronymic: str | None = None) -> str | None:
    """The person's sex as recorded («ч»/«ж»), or else read from the patronymic (-ович/-ич: male,
    -івна/-ївна/-ична: female); None when neither tells."""
    if sex in (MALE, FEMALE):
        return sex
    ending = (patronymic or "").strip().lower()
    if ending.endswith(("вна", "чна")):
        return FEMALE
    if ending.endswith(("ич", "іч")):
        return MALE
    return None


def by_sex(sex: str | None, masculine: str, feminine: str, unknown: str | None = None) -> str:
    """«помер» / «померла», «присутній» / «присутня»; when the sex is not known, ``unknown``
    (by default both forms: «помер(ла)»)."""
    if sex == MALE:
        return masculine
    if sex == FEMALE:
        return feminine
    if unknown is not None:
        return unknown
    common = 0
    while common < min(len(masculine), len(feminine)) and masculine[common] == feminine[common]:
        common += 1
    return f"{masculine}({feminine[common:]})" if common == len(masculine) else f"{masculine}/{feminine}"


# -- Roman numerals -----------------------------------------------------------------------------
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """``roman(3)`` → «III» in Latin letters (the one style of the documents)."""
    if n <= 0:
        raise ValueError("Roman numerals start at 1")
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def half_year_name(half: int) -> str:
    """«I півріччя», «II півріччя» (numeral and noun bound by a no-break space)."""
    return f"{roman(half)}{NBSP}півріччя"


def degree_name(degree: int) -> str:
    """«III ступеня»."""
    return f"{roman(degree)}{NBSP}ступеня"


# Cyrillic look-alikes of Roman letters: І (U+0406), Х (U+0425).
_TO_LATIN = str.maketrans({"\u0406": "I", "\u0425": "X"})
# A numeral of I/V/X (either alphabet) standing before the nouns numerals go with in our papers.
_NUMERAL_NOUNS = r"(?:ступ|півріч|квартал|етап|категор|розряд|розділ|групи|група|клас|курс|скликан|сесі)"
# One numeral or a list of them («І, ІІ, ІІІ ступенів», «І–ІІІ ступенів», «І та ІІ ступенів»).
_ONE = r"[IVXІХ]{1,6}"
_NUMERAL = re.compile(r"(?<![\w\u2019'])(" + _ONE + r"(?:(?:,[ \u00a0]*|[ \u00a0]*[–-][ \u00a0]*|[ \u00a0]+(?:і|та|й|або)[ \u00a0]+)"
                      + _ONE + r")*)[ \u00a0]+(?=" + _NUMERAL_NOUNS + ")")
_ONE_RE = re.compile(_ONE)
_ROMAN_VALID = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")


def _numeral(match: re.Match) -> str:
    numerals = _ONE_RE.findall(match.group(1))
    latin = [n.translate(_TO_LATIN) for n in numerals]
    if not all(_ROMAN_VALID.match(n) for n in latin):
        return match.group(0)
    text = match.group(1)
    for before, after in zip(numerals, latin):
        text = text.replace(before, after, 1) if before != after else text
    return text + NBSP


# -- typography ---------------------------------------------------------------------------------
_APOSTROPHE_RE = re.compile(r"(?<=[^\W\d_])[" + re.escape(_APOSTROPHE_FORMS) + r"](?=[^\W\d_])")
_NUMBER_SIGN = re.compile(r"№[ \u00a0\u202f]*(?=\d)")  # «№ з/п» is a column title, not a number
# «м.», «смт», «с.» before a capital (a city or village), so «5 м. завдовжки» is left alone.
_CITY = re.compile(r"(?<![\w\u2019])(м\.|смт\.?|с\.) +(?=[А-ЯҐЄІЇA-Z])")
_YEAR_WORD = re.compile(r"(?<=\d) +(?=(?:року|рік|роки|років|р\.|грн|тис\.|млн|млрд|%|₴)(?!\w))")
# Ranges of years (2017-2027, 2017 − 2027) and of dates (01.01.2026-31.12.2026).
_RANGE = re.compile(r"(?<![\d.])((?:\d{1,2}\.\d{1,2}\.)?(?:1[89]|20|21)\d\d) ?[-\u2010\u2011\u2012\u2014\u2212] ?"
                    r"((?:\d{1,2}\.\d{1,2}\.)?(?:1[89]|20|21)\d\d)(?![\d])")


def typographic_apostrophe(text: str) -> str:
    """Every apostrophe between letters written as ’ (U+2019)."""
    return _APOSTROPHE_RE.sub(APOSTROPHE, text)


def no_break_spaces(text: str) -> str:
    """No-break spaces in «№ 1176» (also for «№1176»), «м. Кривий Ріг», «2026 року», «12 грн»."""
    if "№" in text:
        text = _NUMBER_SIGN.sub("№" + NBSP, text)
    return _YEAR_WORD.sub(NBSP, _CITY.sub(_bind, text))


def _bind(match: re.Match) -> str:
    return match.group(1) + NBSP


def en_dash_ranges(text: str) -> str:
    """«2017−2027», «2017-2027», «01.01.2026-31.12.2026» → with an en dash and no spaces."""
    return _RANGE.sub(_en_dash, text)


def _en_dash(match: re.Match) -> str:
    return match.group(1) + EN_DASH + match.group(2)


def roman_numerals(text: str) -> str:
    """Roman numerals before «ступеня», «півріччя», «квартал»… in Latin letters and bound to their
    noun: «ІІІ ступеня» (Cyrillic), «ІV ступеня» (mixed) → «III ступеня», «IV ступеня»."""
    return _NUMERAL.sub(_numeral, text)


# Each rule runs only where its sign is found, found by plain substring tests (a regular expression
# that looked for all of them at once cost 9 µs a text, most of a long list's typography).
_DIGIT = re.compile(r"\d")
_HAS_DASH_RANGE = re.compile(r"\d ?[-\u2010-\u2012\u2014\u2212] ?\d")
_NUMERAL_ENDS = tuple(ch + space for ch in "IVX\u0406\u0425" for space in (" ", NBSP))


def typographic(text: str) -> str:
    """Every character rule of a printed text: apostrophe, no-break spaces, dashes, numerals."""
    if not text:
        return text
    if "'" in text or "\u02bc" in text or "\u2018" in text or "`" in text:
        text = _APOSTROPHE_RE.sub(APOSTROPHE, text)
    if "№" in text:
        text = _NUMBER_SIGN.sub("№" + NBSP, text)
    if "м." in text or "с." in text or "смт" in text:
        text = _CITY.sub(_bind, text)
    if " \u2013 " in text or " \u2014 " in text:  # a dash never starts a line: bound to the word before
        text = text.replace(" \u2013 ", NBSP + "\u2013 ").replace(" \u2014 ", NBSP + "\u2014 ")
    if " " in text and _DIGIT.search(text):
        text = _YEAR_WORD.sub(NBSP, text)
    if _HAS_DASH_RANGE.search(text):
        text = _RANGE.sub(_en_dash, text)
    for end in _NUMERAL_ENDS:
        if end in text:
            return _NUMERAL.sub(_numeral, text)
    return text


# -- numbers with a sign and ranges --------------------------------------------------------------
def signed(text: str, negative: bool, zero: bool = False) -> str:
    """A formatted number with its sign: «+1 250,00», «−566,67» (U+2212), «0,00» unsigned."""
    text = text.lstrip("-\u2212+")
    if zero:
        return text
    return (MINUS if negative else "+") + text


def year_range(first: int, last: int) -> str:
    """«2017–2027» (en dash, no spaces); a single year when both are the same."""
    return str(first) if first == last else f"{first}{EN_DASH}{last}"


# -- lists --------------------------------------------------------------------------------------
_KEEP_CAPITAL = re.compile(r"^(?:[А-ЯҐЄІЇA-Z]{2,}|[А-ЯҐЄІЇA-Z][а-яґєії’'a-z]*[А-ЯҐЄІЇA-Z])")
# Proper names that keep their capital after «;» (the city, its districts' councils are lower case).
_PROPER = ("Кривий", "Кривого", "Кривому", "Криворізьк", "Україн", "Дніпропетровськ", "Київ", "Верховн",
           "Кабінет", "Міністерств", "Президент")


def lower_first(item: str) -> str:
    """An item of a list after «;» starts with a small letter, unless it starts with an abbreviation
    («КП», «ГО») or a proper name («Криворізька …»)."""
    item = item.strip()
    if not item or _KEEP_CAPITAL.match(item) or item.startswith(_PROPER):
        return item
    return item[:1].lower() + item[1:]


def join_list(items: Iterable[str]) -> str:
    """«Управління освіти і науки; департамент …»: items after «;», the first one as it is."""
    out = []
    for i, item in enumerate(x.strip() for x in items):
        if item:
            out.append(item if not out else lower_first(item))
    return "; ".join(out)
