"""Ukrainian personal names in a grammatical case, for draft decisions («Нагородити ІВАНЕНКА Івана
Івановича», «Присвоїти звання … СТОРОЖУКУ Анатолію Васильовичу») and letters («Тетяні ПЕТРЕНКО»).

Wraps the ``shevchenko`` library (imported lazily: start-up stays fast) and corrects what it gets
wrong on these names (each rule has its test in tests/test_declension_patterns.py):

- surnames come back in capitals when the caller wants «ПРІЗВИЩЕ» (the library is fed a normal
  capitalisation, so «МАР'ЯНЕНКО» and «мар'яненко» decline alike);
- a double surname (Косач-Квітка, Нечуй-Левицький) is declined part by part, and so is a maiden
  name in brackets («Шевчук (Ковалевська)» → «Шевчук (Ковалевську)»);
- masculine adjectival surnames in -ий (Левицький → Левицького), which shevchenko 1.0 turns into
  «Левицькия», and in -ній (Задорожній → Задорожнього);
- masculine noun surnames in -ій and one-syllable ones in -ой (Гордій → Гордія, Гордію; Цой →
  Цоя, Цою), which it declines as adjectives («Гордього»);
- a woman's surname in -а/-я that is a common noun (Дзюба → Дзюби, Дзюбі, Дзюбу; Вишня → Вишні;
  Квітка → Квітці), which it declines as an adjective («Дзюбій»); adjectival ones (-ська, -ова,
  -іна, Задорожня) stay with the library — see ``feminine_adjectival``;
- the given name Лев drops its vowel (Льва, Львові);
- foreign-looking surnames that Ukrainian leaves undeclined (Гюго, Руссо, Руставелі, Шоу, and
  French ones in a stressed -а such as Дюма) stay as they are;
- the apostrophe is kept in the form the name was typed with (', ’ or ʼ).

Automatic declension is never perfect: the user's correction for a person and case
(kr_desktop.services.decisions) always wins over this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kr_desktop.domain.declension.words import (ACCUSATIVE, DATIVE, GENITIVE, NOMINATIVE, VOWELS,
                                               decline_noun, soft_adjective_stem)

CASES = (GENITIVE, DATIVE, ACCUSATIVE)
CASE_LABELS = {NOMINATIVE: "називний", GENITIVE: "родовий", DATIVE: "давальний", ACCUSATIVE: "знахідний"}
MALE, FEMALE = "ч", "ж"

_APOSTROPHES = "'’ʼ"
_VOWELS = VOWELS
# -о endings that Ukrainian surnames have (Іваненко, Франко, Шило, Сало …); other -о endings
# (Гюго, Руссо, Пікассо, Моцарто…) and -о after a vowel look foreign and stay undeclined.
_NATIVE_O = ("ко", "ло", "но", "ро", "то", "до", "хо", "чо", "шо", "що", "жо", "цо", "бо", "во", "ьо")
# French surnames with a stressed final -а are not declined; nothing in the spelling tells them
# from Ukrainian ones in -а (Дзюба), so they are listed. Others: the user's correction.
_FOREIGN_STRESSED_A = frozenset({"дюма", "дега", "тома", "золя", "зола", "петіпа", "бурла", "мюра", "жакара"})
# Women's surnames in -ова that are common nouns (Діброва → Діброві), not possessive adjectives.
_NOUN_OVA = frozenset({"діброва", "підкова", "основа", "полова", "сова", "корова", "покрова", "обнова", "брова"})
# Women's surnames in -ата/-ята are mostly possessive adjectives (Головата, Бородата), these nouns apart.
_NOUN_ATA = frozenset({"лопата", "хата", "палата", "граната", "плата", "вата", "мята", "м'ята", "кімната"})
# Given names whose vowel drops in the other cases.
_GIVEN_FLEETING = frozenset({"лев"})
_MAIDEN = re.compile(r"^(?P<married>[^()]+?)\s*\((?P<maiden>[^()]+)\)\s*$")


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
    if len(word) < 2 or word in _FOREIGN_STRESSED_A:
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


def feminine_adjectival(surname: str) -> bool:
    """Whether a woman's surname in -а/-я declines as an adjective (Ковалевська → Ковалевській,
    Петрова → Петровій, Задорожня → Задорожній) rather than as a noun (Дзюба → Дзюбі, Вишня →
    Вишні). Adjectival: -ська/-цька/-зька, possessive -ова/-ева/-єва/-іна/-їна and -ата/-ята (a few
    nouns excepted), Russian -ая, soft adjectival stems in -я, and a consonant before -на (Чорна)."""
    w = surname.lower().replace("'", "").replace("’", "").replace("ʼ", "")
    if w.endswith(("ська", "цька", "зька", "ая", "яя")):
        return True
    if w.endswith(("ова", "ева", "єва", "іна", "їна")):
        return len(w) > 4 and w not in _NOUN_OVA
    if w.endswith(("ата", "ята")):
        return w not in _NOUN_ATA
    if w.endswith("я"):
        return soft_adjective_stem(w[:-1])
    return w.endswith("на") and len(w) > 3 and w[-3] not in _VOWELS and w[-3] != "ь"


def _masculine_fix(part: str, case: str) -> str | None:
    """The forms shevchenko 1.0 gets wrong for men's surnames, or None to let it decline."""
    low = part.lower()
    ending = "ому" if case == DATIVE else "ого"
    if len(low) > 3 and low.endswith("ий"):
        return part[:-2] + ending  # Левицький → Левицького
    if len(low) >= 3 and low.endswith("ій"):
        stem = part[:-2]
        if soft_adjective_stem(low[:-2]) or (low.endswith("ній") and low[-4] not in _VOWELS):
            return stem + "ь" + ending  # Задорожній → Задорожнього
        return part[:-1] + ("ю" if case == DATIVE else "я")  # Гордій → Гордія, Гордію
    if low.endswith("ой") and sum(ch in _VOWELS for ch in low) == 1:
        return part[:-1] + ("ю" if case == DATIVE else "я")  # Цой → Цоя, Цою (Толстой stays adjectival)
    return None


def _surname_part(part: str, case: str, gender, feminine: bool) -> str:
    import shevchenko

    if case == NOMINATIVE or looks_indeclinable(part):
        return part
    if feminine and part.lower().endswith(("а", "я")) and not feminine_adjectival(part):
        return decline_noun(part, case, animate=True, gender="f")
    if not feminine:
        fixed = _masculine_fix(part, case)
        if fixed is not None:
            return fixed
    result = shevchenko.in_grammatical_case(_case(case), {"gender": gender, "familyName": part})
    return result.get("familyName") or part


def _surname(surname: str, case: str, gender, feminine: bool) -> str:
    """Part by part (double surnames), the maiden name in brackets too; letter case kept."""
    maiden = _MAIDEN.match(surname)
    if maiden:
        return (f"{_surname(maiden['married'], case, gender, feminine)} "
                f"({_surname(maiden['maiden'].strip(), case, gender, feminine)})")
    parts = [_surname_part(_normal_case(p), case, gender, feminine) for p in surname.split("-") if p]
    return _like(surname, "-".join(parts))


def _given_name(name: str, declined: str, case: str, feminine: bool) -> str:
    if not feminine and name.lower() in _GIVEN_FLEETING and case != NOMINATIVE:
        return decline_noun(name, case, animate=True, gender="m")  # Лев → Льва, Львові
    return declined


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
    declined_surname = _surname(surname_n, case, gender, feminine) if surname_n else ""
    given = {k: v for k, v in (("givenName", name_n), ("patronymicName", patronymic_n)) if v}
    out = shevchenko.in_grammatical_case(_case(case), {"gender": gender, **given}) if given else {}
    forms = [declined_surname, _given_name(name_n, out.get("givenName") or name_n, case, feminine),
             out.get("patronymicName") or patronymic_n]
    if apostrophe:
        forms = [f.replace("'", apostrophe) for f in forms]
    return NameForms(*forms), guessed


_SPACES = re.compile(r"\s+")


def clean_form(text: str) -> str:
    return _SPACES.sub(" ", text or "").strip()
