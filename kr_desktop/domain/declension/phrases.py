"""Positions and unit names in a grammatical case: only the leading group changes.

«гірник очисного вибою шахти «Тернівська»» → «гірника очисного вибою шахти «Тернівська»»:
the adjectives and the head noun at the start agree with the name they follow; what comes
after the head (a genitive tail, a preposition, a quoted or abbreviated name) stays as written.
A comma or «та/і/й» right after the head starts another group of the same kind («головний
спеціаліст, бухгалтер апарату …», «відділи, управління та інші виконавчі органи …»), and each
side of a dash is a group of its own («заступник міського голови – керуючий справами …»).

Why rules and not a morphological dictionary: pymorphy3 with pymorphy3-dicts-uk would analyse
any word, but its Ukrainian dictionary is GPLv3, and kr_desktop is proprietary software
installed on the department's workstations (the PyInstaller bundle would carry the dictionary);
it is also tens of megabytes to load. Positions and unit names use a narrow vocabulary —
adjectives and participles, one head noun, then a genitive — which a rule set covers and tests
can pin down (tests/test_declension_phrases.py); what it still gets wrong, the user corrects
once and the correction is kept (services.decisions, services.executors).
"""

from __future__ import annotations

import re

from kr_desktop.domain.declension.words import (ACCUSATIVE, DATIVE, GENITIVE, NOMINATIVE, adjective_kind,
                                               decline_adjective, decline_noun, decline_plural_noun,
                                               looks_plural_noun)

# Words after which nothing agrees any more: prepositions, and nouns in another case that a
# participle governs («виконуючий обов'язки», «керуючий справами»).
_PREPOSITIONS = frozenset({"у", "в", "з", "із", "зі", "на", "при", "до", "для", "по", "від", "за", "з-під", "про",
                           "над"})
_STOP = _PREPOSITIONS | {"обов'язки", "обовязки"}
_CONJUNCTIONS = frozenset({"та", "і", "й"})
# Head nouns of organisational units (as opposed to persons' positions).
UNIT_STEMS = ("відділ", "управлін", "департамент", "служб", "виконком", "комітет", "інспекці", "центр", "сектор",
              "апарат", "рад", "підприємств", "заклад", "установ", "організаці", "фонд", "агентств", "бюро",
              "товариств", "об'єднанн", "комісі", "штаб", "палац", "будин", "бібліотек", "музе", "театр", "школ",
              "гімназі", "ліце", "лікарн", "поліклінік", "академі", "коледж", "університет", "інститут", "орган",
              "дирекці", "адміністраці", "відділенн", "секретаріат", "виконавч", "філі", "лабораторі", "кафедр")
_DASH = re.compile(r"\s+[–—-]\s+")
_TRAILING = ",;:."


def _split(token: str) -> tuple[str, str]:
    """A token and the punctuation that ends it («спеціаліст,» → «спеціаліст», «,»)."""
    word = token.rstrip(_TRAILING)
    return word, token[len(word):]


def _plain(word: str) -> str:
    return word.lower().replace("’", "'").replace("ʼ", "'")


def _is_word(word: str) -> bool:
    """A Ukrainian word that can agree: letters (a hyphen or an apostrophe inside), no capital
    letters after the first (ПрАТ, КП are abbreviations), not a quoted or numbered name."""
    if not word or not word[0].isalpha() or any(ch.isdigit() for ch in word) or "." in word:
        return False
    letters = word.replace("-", "").replace("'", "").replace("’", "").replace("ʼ", "")
    if not letters.isalpha():
        return False
    return not any(ch.isupper() for ch in word[1:]) or word.isupper() and len(letters) > 4


def _with_case_of(model: str, form: str) -> str:
    return form.upper() if model.isupper() and len(model) > 1 else form


def _one_word(word: str, case: str, animate: bool, plural: bool) -> tuple[str, bool, bool]:
    """(form, is_head_noun, plural) of one word of the leading group."""
    lower = word.lower() if word.isupper() and len(word) > 1 else word
    if "-" in lower:
        first, _, last = lower.rpartition("-")
        if first.endswith("о") and adjective_kind(last):  # науково-дослідний: only the last part changes
            return _with_case_of(word, f"{first}-{decline_adjective(last, case, animate)}"), False, plural
        parts = [_one_word(p, case, animate, plural) for p in lower.split("-")]  # лікар-хірург
        return _with_case_of(word, "-".join(p[0] for p in parts)), any(p[1] for p in parts), plural
    kind = adjective_kind(lower)
    if kind is not None:
        return _with_case_of(word, decline_adjective(lower, case, animate)), False, plural or kind[0] == "pl"
    if plural or (looks_plural_noun(lower) and not lower.endswith(("ння", "ття"))):
        return _with_case_of(word, decline_plural_noun(lower, case, animate)), True, True
    return _with_case_of(word, decline_noun(lower, case, animate)), True, False


def _group(tokens: list[str], case: str, animate: bool) -> list[str]:
    out: list[str] = []
    plural = False
    after_head = False
    punctuation = ""
    i = 0
    while i < len(tokens):
        word, trail = _split(tokens[i])
        if after_head:
            following = _split(tokens[i + 1])[0] if i + 1 < len(tokens) else ""
            if punctuation == "," and _is_word(word) and _plain(word) not in _STOP | _CONJUNCTIONS:
                after_head = False
            elif _plain(word) in _CONJUNCTIONS and not punctuation and _is_word(following):
                out.append(tokens[i])
                i += 1
                after_head = False
                continue
            else:
                break
        if out and not after_head and _plain(word) in _PREPOSITIONS and i + 2 < len(tokens) and not trail:
            out += tokens[i:i + 2]  # «районна в місті рада»: the phrase between adjective and noun stays
            i += 2
            continue
        if not _is_word(word) or _plain(word) in _STOP or _plain(word).endswith(("ами", "ями")):
            break
        following = _split(tokens[i + 1])[0] if i + 1 < len(tokens) else ""
        if word.lower().endswith("о") and not trail and adjective_kind(following.lower()):
            out.append(tokens[i])  # an adverb before an adjective: «тимчасово виконуючий»
            i += 1
            continue
        form, head, plural = _one_word(word, case, animate, plural)
        out.append(form + trail)
        after_head, punctuation = head, trail
        i += 1
    return out + tokens[i:]


def decline_phrase(text: str, case: str, animate: bool = True) -> str:
    """A position («головний спеціаліст відділу кадрів») or a unit name («департамент освіти і
    науки») in ``case``; ``animate``: it names a person (the accusative is then the genitive)."""
    text = " ".join((text or "").split())
    if case == NOMINATIVE or not text:
        return text
    parts = _DASH.split(text)
    dashes = _DASH.findall(text)
    declined = [" ".join(_group(part.split(" "), case, animate)) for part in parts]
    result = declined[0]
    for dash, part in zip(dashes, declined[1:]):
        result += dash + part
    return result


def head_noun(text: str) -> str:
    """The first noun of the leading group, lower case («департамент», «спеціаліст»)."""
    for token in (text or "").split():
        word = _split(token)[0]
        if not _is_word(word) or _plain(word) in _STOP:
            return ""
        lower = word.lower()
        if "-" in lower:
            lower = lower.rpartition("-")[2]
        if adjective_kind(lower) is None:
            return lower
    return ""


def is_unit(text: str) -> bool:
    """Whether a name is an organisational unit («Відділ кадрів») rather than a person's position
    («Головний спеціаліст, бухгалтер …»)."""
    head = _plain(head_noun(text))
    return head.startswith(UNIT_STEMS)


def is_plural(text: str) -> bool:
    head = head_noun(text)
    return bool(head) and looks_plural_noun(head) and not head.endswith(("ння", "ття"))


# Adjectives in -ський at the start of a unit's name are usually proper (Криворізька, Покровський):
# they keep their capital after «Керівнику», except these common ones.
_COMMON_SKY = ("міськ", "сільськ", "селищ", "районн", "обласн", "державн")


def lower_first(text: str) -> str:
    """«Департамент освіти» → «департамент освіти» (an abbreviation, a quoted name or a proper
    adjective such as «Криворізька» stays)."""
    first = _split(text.split(" ", 1)[0])[0] if text else ""
    if not first or not _is_word(first) or first.isupper():
        return text
    low = first.lower()
    if any(s in low for s in ("ськ", "цьк", "зьк")) and not low.startswith(_COMMON_SKY):
        return text
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


__all__ = ["decline_phrase", "head_noun", "is_unit", "is_plural", "lower_first", "upper_first", "GENITIVE", "DATIVE",
           "ACCUSATIVE"]
