"""Ukrainian personal names in a grammatical case, for draft decisions («Нагородити ІВАНЕНКА Івана
Івановича», «Присвоїти звання … СТОРОЖУКУ Анатолію Васильовичу»).

Wraps the ``shevchenko`` library (imported lazily: start-up stays fast) and corrects what it gets
wrong on these names:

- surnames come back in capitals when the caller wants «ПРІЗВИЩЕ» (the library is fed a normal
  capitalisation, so «МАР'ЯНЕНКО» and «мар'яненко» decline alike);
- a double surname (Косач-Квітка, Нечуй-Левицький) is declined part by part;
- masculine adjectival surnames in -ий (Левицький → Левицького), which shevchenko 1.0 turns into
  «Левицькия»;
- feminine noun surnames in -ка/-га/-ха (Квітка → Квітці), which it declines like adjectives;
- foreign-looking surnames that Ukrainian leaves undeclined (Гюго, Руссо, Руставелі, Шоу) stay
  as they are;
- the apostrophe is kept in the form the name was typed with (', ’ or ʼ).

Automatic declension is never perfect: the user's correction for a person and case
(kr_desktop.services.decisions) always wins over this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NOMINATIVE, GENITIVE, DATIVE, ACCUSATIVE = "nominative", "genitive", "dative", "accusative"
CASES = (GENITIVE, DATIVE, ACCUSATIVE)
CASE_LABELS = {NOMINATIVE: "називний", GENITIVE: "родовий", DATIVE: "давальний", ACCUSATIVE: "знахідний"}
MALE, FEMALE = "ч", "ж"

_APOSTROPHES = "'’ʼ"
_VOWELS = "аеєиіїоуюя"
# -о endings that Ukrainian surnames have (Іваненко, Франко, Шило, Сало …); other -о endings
# (Гюго, Руссо, Пікассо, Моцарто…) and -о after a vowel look foreign and stay undeclined.
_NATIVE_O = ("ко", "ло", "но", "ро", "то", "до", "хо", "чо", "шо", "що", "жо", "цо", "бо", "во", "ьо")


@dataclass(frozen=True)
class NameForms:
    surname: str
    name: str
    patronymic: str

    def display(self) -> str:
        """«ПРІЗВИЩЕ Ім'я По батькові»."""
        return " ".join(part for part in (self.surname.upper(), self.name, self.patronymic) if part)


def _apostrophe_of(*parts: str) -> str | None:
    for part in parts:
        for ch in part or "":
            if ch in _APOSTROPHES:
                return ch
    return None


def _normal_case(word: str) -> str:
    """«МАР'ЯНЕНКО» / «мар'яненко» → «Мар'яненко» (each hyphen part capitalised)."""
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def _like(model: str, value: str) -> str:
    """``value`` with the letter case of ``model`` (all capitals stays all capitals)."""
    letters = [ch for ch in model if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return value.upper()
    if model[:1].islower():
        return value.lower()
    return value


def looks_indeclinable(surname: str) -> bool:
    """Foreign-looking surnames that Ukrainian does not decline: ending in -е, -є, -і, -ї, -у,
    -ю, -и (not -ий/-ій), in -о after a vowel or with a non-Ukrainian -о ending, in -а after a
    vowel (Фуа, Моруа)."""
    word = surname.strip().lower()
    for ch in _APOSTROPHES:
        word = word.replace(ch, "")
    if len(word) < 2:
        return True
    last, before = word[-1], word[-2]
    if last in "еєіїуюи":
        return True
    if last == "о":
        return before in _VOWELS or not word.endswith(_NATIVE_O) or word.endswith(("ссо", "тто", "лло"))
    if last in "ая" and before in _VOWELS and not word.endswith(("ія", "ая", "оя")):
        return True
    return False


def _gender(sex: str | None, name: str, patronymic: str, surname: str):
    from shevchenko import GrammaticalGender, detect_gender

    if sex == MALE:
        return GrammaticalGender.MASCULINE, False
    if sex == FEMALE:
        return GrammaticalGender.FEMININE, False
    query = {k: v for k, v in (("givenName", name), ("patronymicName", patronymic), ("familyName", surname)) if v}
    detected = detect_gender(query).get("gender") if query else None
    return (detected or GrammaticalGender.MASCULINE), True


def _case(case: str):
    from shevchenko import GrammaticalCase

    return {GENITIVE: GrammaticalCase.GENITIVE, DATIVE: GrammaticalCase.DATIVE,
            ACCUSATIVE: GrammaticalCase.ACCUSATIVE, NOMINATIVE: GrammaticalCase.NOMINATIVE}[case]


def _surname_part(part: str, case: str, gender, feminine: bool) -> str:
    import shevchenko

    if case == NOMINATIVE or looks_indeclinable(part):
        return part
    low = part.lower()
    if not feminine and len(low) > 3 and low.endswith("ий"):
        stem = part[:-2]
        return stem + ("ому" if case == DATIVE else "ого")
    if feminine and low.endswith(("ка", "га", "ха")) and not low.endswith(("ська", "цька", "зька")) \
            and len(low) > 3 and case == DATIVE:
        return part[:-2] + {"к": "ц", "г": "з", "х": "с"}[low[-2]] + "і"
    result = shevchenko.in_grammatical_case(_case(case), {"gender": gender, "familyName": part})
    return result.get("familyName") or part


def decline(surname: str, name: str = "", patronymic: str = "", sex: str | None = None,
            case: str = ACCUSATIVE) -> tuple[NameForms, bool]:
    """The name in ``case``; the flag says the gender was guessed (the person's sex is unknown)."""
    import shevchenko

    apostrophe = _apostrophe_of(surname, name, patronymic)
    plain = [" ".join((p or "").split()) for p in (surname, name, patronymic)]
    if apostrophe:
        plain = [p.replace("’", "'").replace("ʼ", "'") for p in plain]
    surname_n, name_n, patronymic_n = plain
    gender, guessed = _gender(sex, name_n, patronymic_n, surname_n)
    feminine = gender == shevchenko.GrammaticalGender.FEMININE
    parts = [_surname_part(_normal_case(p), case, gender, feminine) for p in surname_n.split("-") if p]
    declined_surname = _like(surname_n, "-".join(parts)) if surname_n else ""
    given = {k: v for k, v in (("givenName", name_n), ("patronymicName", patronymic_n)) if v}
    out = shevchenko.in_grammatical_case(_case(case), {"gender": gender, **given}) if given else {}
    forms = [declined_surname, out.get("givenName") or name_n, out.get("patronymicName") or patronymic_n]
    if apostrophe:
        forms = [f.replace("'", apostrophe) for f in forms]
    return NameForms(*forms), guessed


_SPACES = re.compile(r"\s+")


def clean_form(text: str) -> str:
    return _SPACES.sub(" ", text or "").strip()
