"""Case forms of single Ukrainian words from their nominative: adjectives (and participles used as
adjectives) by their own ending, nouns by ending, gender and animacy.

This is the small morphology the documents need — surnames that are common nouns (Дзюба, Гордій),
and the leading words of positions and unit names («головний спеціаліст», «департамент»,
«відділи») — not a dictionary of the language. Only the genitive, dative and accusative are
formed (the cases of decisions and letters). Letter case is not handled here: words come in lower
case and callers restore the original capitals.
"""

from __future__ import annotations

NOMINATIVE, GENITIVE, DATIVE, ACCUSATIVE = "nominative", "genitive", "dative", "accusative"

VOWELS = "аеєиіїоуюя"
HUSHING = "жчшщ"
# Consonant alternation of first-declension nouns before -і (рука → руці, нога → нозі, муха → мусі).
_SOFTENED = {"к": "ц", "г": "з", "х": "с"}

# Soft-stem adjectives (середній, колишній, зовнішній …): the hard ones end in -ий. Listed by stem,
# as «-ній» alone cannot tell (районний is hard, сусідній soft).
SOFT_ADJECTIVE_STEMS = (
    "середн", "сусідн", "задн", "передн", "останн", "крайн", "верхн", "нижн", "зовнішн", "внутрішн", "тутешн",
    "давн", "пізн", "ранн", "літн", "зимн", "осінн", "весінн", "вечірн", "торішн", "нинішн", "сьогоднішн",
    "вчорашн", "завтрашн", "колишн", "безкрайн", "горішн", "долішн", "задорожн", "подорожн", "трет",
)
# Masculine nouns whose -е-/-о- drops in the other cases (майстер → майстра, учень → учня).
FLEETING = {"майстер": "майстр", "посол": "посл", "учень": "учн", "боєць": "бійц", "лев": "льв",
            "кравець": "кравц", "швець": "шевц", "жнець": "женц"}
# Nouns in -ар that decline on a soft stem (лікар → лікаря); the rest are hard (комісар → комісара).
SOFT_AR = ("лікар", "слюсар", "токар", "пекар", "кухар", "маляр", "столяр", "школяр", "шахтар", "бібліотекар",
           "секретар", "воротар", "гончар", "вівчар", "друкар", "пісар", "писар", "лікар", "кобзар", "бондар",
           "золотар", "косар", "звонар", "паламар", "лимар", "шинкар", "козар", "кустар", "бунтар", "володар")


# Nouns in -ова among the words of positions and units (кадрова, бойова are adjectives).
_NOUNS_IN_OVA = frozenset({"голова", "мова", "розмова", "умова", "основа", "підкова", "діброва", "обнова", "корова",
                           "сова", "полова", "покрова", "брова", "складова", "підмова", "установа", "обмова", "відмова",
                           "угода"})


def soft_adjective_stem(stem: str) -> bool:
    return stem.endswith(SOFT_ADJECTIVE_STEMS)


# -- adjectives ------------------------------------------------------------------------------------
def adjective_kind(word: str) -> tuple[str, bool] | None:
    """(gender-or-plural, soft) of a nominative adjective — "m", "f", "n" or "pl" — or None when
    the word does not look like one. Ambiguous endings are decided for the words positions and
    unit names use (головна, керуюча, старша — adjectives; лікарка, служба — nouns)."""
    w = word.lower()
    if len(w) < 3:
        return None
    if w.endswith("ий"):
        return "m", False
    if w.endswith("ій") and (soft_adjective_stem(w[:-2]) or (w.endswith("ній") and w[-4:-3] not in VOWELS)):
        return "m", True
    if w.endswith("ій") and w[:-2].endswith("трет"):
        return "m", True
    if w.endswith(("ська", "цька", "зька", "уча", "юча", "ача")) or w in ("старша", "молодша", "перша", "друга",
                                                                          "найстарша", "вища", "нижча"):
        return "f", False
    if w.endswith("на") and w[-3] not in VOWELS:
        return "f", False  # головна, провідна, районна, технічна (nouns in consonant + -на are rare here)
    if w.endswith(("ена", "ана", "яна")) and w not in ("сцена", "арена", "олена", "гієна", "рана", "охрана"):
        return "f", False  # заслужена, уповноважена (participles)
    if w.endswith(("ова", "ева", "єва")) and w not in _NOUNS_IN_OVA:
        return "f", False  # кадрова, бойова, фінансова
    if w.endswith("я") and soft_adjective_stem(w[:-1]):
        return "f", True
    if w.endswith("е") and w[-2] not in VOWELS and w.endswith(("не", "ке", "ве", "те", "че", "ше", "ле", "де")):
        return "n", False  # комунальне, міське, державне
    if w.endswith("є") and soft_adjective_stem(w[:-1]):
        return "n", True
    if w.endswith("і") and (soft_adjective_stem(w[:-1]) or w.endswith(
            ("ні", "чі", "ші", "щі", "ькі", "кі", "ві", "ті", "ді", "жі", "гі", "хі"))):
        return "pl", soft_adjective_stem(w[:-1])
    return None


def decline_adjective(word: str, case: str, animate: bool) -> str:
    """An adjective from its nominative form; ``animate``: the accusative of a masculine (or
    plural) noun naming a person is its genitive («головного спеціаліста»)."""
    kind = adjective_kind(word)
    if kind is None or case == NOMINATIVE:
        return word
    gender, soft = kind
    if gender == "m":
        stem = word[:-2]
        if case == ACCUSATIVE and not animate:
            return word
        if soft and stem[-1:].lower() not in VOWELS:
            stem += "ь"  # середній → середнього
        return stem + ("ому" if case == DATIVE else "ого")
    if gender == "f":
        stem = word[:-1]
        if soft:
            return {GENITIVE: stem + "ьої", DATIVE: stem + "ій", ACCUSATIVE: stem + "ю"}[case]
        return {GENITIVE: stem + "ої", DATIVE: stem + "ій", ACCUSATIVE: stem + "у"}[case]
    if gender == "n":
        stem = word[:-1]
        if case == ACCUSATIVE:
            return word
        if soft:
            return stem + ("ьому" if case == DATIVE else "ього")
        return stem + ("ому" if case == DATIVE else "ого")
    stem = word[:-1]  # plural
    if case == ACCUSATIVE and not animate:
        return word
    if case == DATIVE:
        return stem + ("ім" if soft else "им")
    return stem + ("іх" if soft else "их")


# -- nouns -----------------------------------------------------------------------------------------
INDECLINABLE_NOUNS = {"бюро", "кафе", "депо", "журі", "метро", "радіо", "фойє", "шоу", "таксі"}


def noun_gender(word: str) -> str:
    """"m", "f" or "n" of a nominative singular noun, by its ending."""
    w = word.lower()
    if w in ("голова", "суддя", "староста", "сирота", "слуга", "воєвода", "колега"):
        return "m"  # common-gender nouns of positions decline like feminine ones
    if w.endswith(("а", "я")):
        return "n" if w.endswith(("ння", "ття", "сся", "лля", "ззя", "ччя", "жжя", "ддя")) else "f"
    if w.endswith(("о", "е", "є")):
        return "n"
    return "m"


def _first_declension(word: str, case: str) -> str:
    """Nouns in -а/-я (a woman's Дзюба, голова, служба, лікарка, Вишня, інспекція)."""
    w = word.lower()
    stem, soft = word[:-1], w.endswith("я")
    if case == ACCUSATIVE:
        return stem + ("ю" if soft else "у")
    if soft:
        if w.endswith(("ія", "ея", "ая", "уя", "оя", "єя", "юя")) or w[-2:-1] in VOWELS:
            return stem + "ї"  # Марія → Марії, інспекція → інспекції
        return stem + "і"
    if case == GENITIVE:
        return stem + ("і" if w[-2:-1] in HUSHING else "и")
    last = stem[-1:].lower()
    if last in _SOFTENED:
        return stem[:-1] + _like_letter(stem[-1], _SOFTENED[last]) + "і"
    return stem + "і"


def _like_letter(model: str, letter: str) -> str:
    return letter.upper() if model.isupper() else letter


def _second_declension(word: str, case: str, animate: bool) -> str:
    """Masculine nouns ending in a consonant (директор, водій, вчитель, продавець, департамент)."""
    w = word.lower()
    if case == ACCUSATIVE and not animate:
        return word
    stem, soft, hushing = word, False, False
    if w in FLEETING:
        stem = _restore(word, FLEETING[w])
        soft = w.endswith(("ць", "ень", "ець"))
    elif w.endswith("ець") and len(w) > 4:
        stem, soft = word[:-3] + _restore(word[-2:-1], "ц"), True
    elif w.endswith("ь"):
        stem, soft = word[:-1], True
    elif w.endswith("й") and w[-2:-1] in VOWELS:
        stem, soft = word[:-1], True
        if case == GENITIVE or case == ACCUSATIVE:
            return stem + ("я" if animate else "ю")
        return stem + ("єві" if animate else "ю")
    elif w.endswith(SOFT_AR) and w.endswith(("ар", "яр")):
        soft = True
    elif w.endswith("ок") and not animate and len(w) > 4:
        stem = word[:-2] + word[-1]  # будинок → будинку
    elif w[-1:] in HUSHING:
        hushing = True
    if case in (GENITIVE, ACCUSATIVE):
        if animate:
            return stem + ("я" if soft else "а")
        return stem + ("ю" if soft else "у")
    if not animate:
        return stem + ("ю" if soft else "у")
    return stem + ("еві" if soft or hushing else "ові")


def _restore(model: str, lower: str) -> str:
    """``lower`` with the capitals of ``model`` (letter by letter, as far as it goes)."""
    if model.isupper() and len(model) > 1:
        return lower.upper()
    return (lower[:1].upper() + lower[1:]) if model[:1].isupper() else lower


def decline_noun(word: str, case: str, animate: bool, gender: str | None = None) -> str:
    """A singular noun in ``case``; ``gender`` when the caller knows it better than the ending."""
    w = word.lower()
    if case == NOMINATIVE or w in INDECLINABLE_NOUNS or len(w) < 2:
        return word
    gender = gender or noun_gender(w)
    if w.endswith(("а", "я")) and gender in ("f", "m"):
        return _first_declension(word, case)
    if gender == "n":
        if w.endswith(("ння", "ття", "сся", "лля", "ззя", "ччя", "жжя", "ддя")):
            return word if case in (GENITIVE, ACCUSATIVE) else word[:-1] + "ю"
        if case == ACCUSATIVE:
            return word
        stem = word[:-1]
        return stem + ("а" if case == GENITIVE else "у") if w.endswith("о") else stem + (
            "я" if case == GENITIVE else "ю")
    if gender == "f":  # a consonant-final feminine noun (Любов, сіль): not in positions
        return word
    return _second_declension(word, case, animate)


# -- plural nouns ----------------------------------------------------------------------------------
# Plural unit nouns whose genitive does not follow the masculine -ів (служби → служб).
_PLURAL_FORMS = {
    "служби": ("служб", "службам"), "установи": ("установ", "установам"), "ради": ("рад", "радам"),
    "управління": ("управлінь", "управлінням"), "підприємства": ("підприємств", "підприємствам"),
    "організації": ("організацій", "організаціям"), "інспекції": ("інспекцій", "інспекціям"),
    "комісії": ("комісій", "комісіям"), "школи": ("шкіл", "школам"), "лікарні": ("лікарень", "лікарням"),
    "об'єднання": ("об'єднань", "об'єднанням"), "агентства": ("агентств", "агентствам"),
    "товариства": ("товариств", "товариствам"), "центри": ("центрів", "центрам"),
}


def looks_plural_noun(word: str) -> bool:
    w = word.lower()
    return w in _PLURAL_FORMS or (len(w) > 3 and w.endswith(("и", "і", "ї")) and w not in INDECLINABLE_NOUNS)


def decline_plural_noun(word: str, case: str, animate: bool) -> str:
    w = word.lower().replace("’", "'").replace("ʼ", "'")
    if case == NOMINATIVE or (case == ACCUSATIVE and not animate):
        return word
    if w in _PLURAL_FORMS:
        genitive, dative = _PLURAL_FORMS[w]
        form = dative if case == DATIVE else genitive
        return _restore(word, _keep_apostrophe(word, form))
    stem = word[:-1]
    soft = w.endswith(("і", "ї"))
    if case == DATIVE:
        return stem + ("ям" if soft else "ам")
    return stem + ("їв" if w.endswith("ї") else "ів")  # відділи → відділів, водії → водіїв


def _keep_apostrophe(model: str, form: str) -> str:
    for ch in "’ʼ":
        if ch in model:
            return form.replace("'", ch)
    return form
