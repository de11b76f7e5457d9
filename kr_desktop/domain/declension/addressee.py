"""The addressee of an official letter in the dative (ДСТУ 4163:2020): the head's position and
«Власне ім'я ПРІЗВИЩЕ» — «Начальникові управління освіти і науки / Тетяні ПЕТРЕНКО» — or, with
no head known, «Керівнику» and the unit in the genitive («Керівнику адміністративно-господарчого
відділу …»; «Керівникам» for units named in the plural). A unit that is itself a position
(«Головний спеціаліст, бухгалтер …») is addressed by that position in the dative.

The forms suggested here are what the executors directory offers; a form the user corrected is
stored there and wins (kr_desktop.services.executors)."""

from __future__ import annotations

from dataclasses import dataclass

from kr_desktop.domain.declension.names import DATIVE, GENITIVE, decline
from kr_desktop.domain.declension.phrases import (decline_phrase, head_noun, is_plural, is_unit, lower_first,
                                                  upper_first)

_PATRONYMIC_ENDINGS = ("ович", "евич", "йович", "івна", "ївна", "ична", "інична", "ич")


@dataclass(frozen=True)
class Addressee:
    position: str  # «Начальникові управління освіти і науки» (dative)
    name: str = ""  # «Тетяні ПЕТРЕНКО» (dative), or empty

    def lines(self) -> list[str]:
        return [x for x in (self.position, self.name) if x]


def split_head_name(text: str) -> tuple[str, str, str]:
    """(surname, given name, patronymic) of a head's name typed as «Тетяна ПЕТРЕНКО», «Тетяна
    Петренко», «Петренко Тетяна Іванівна» or «Тетяна Іванівна Петренко». The surname is the word
    in capitals when there is one; otherwise the first of three words when the last is a
    patronymic, else the last word."""
    words = " ".join((text or "").split()).split(" ") if (text or "").strip() else []
    if not words:
        return "", "", ""
    capitals = [w for w in words if w.isupper() and len(w.replace("-", "").replace("'", "")) > 1]
    if capitals:
        surname = capitals[0]
        rest = [w for w in words if w is not surname]
    elif len(words) == 3 and words[2].lower().endswith(_PATRONYMIC_ENDINGS):
        surname, rest = words[0], words[1:]
    else:
        surname, rest = words[-1], words[:-1]
    name = rest[0] if rest else ""
    patronymic = rest[1] if len(rest) > 1 and rest[1].lower().endswith(_PATRONYMIC_ENDINGS) else ""
    return surname, name, patronymic


def head_name_dative(text: str) -> str:
    """«Тетяна Іванівна Петренко» → «Тетяні ПЕТРЕНКО»: the given name and the SURNAME, in the
    dative (the sex from the given name and patronymic)."""
    surname, name, patronymic = split_head_name(text)
    if not surname:
        return ""
    forms, _guessed = decline(surname, name, patronymic, None, DATIVE)
    return " ".join(x for x in (forms.name, forms.surname.upper()) if x)


def head_name_nominative(text: str) -> str:
    """«Петренко Тетяна Іванівна» → «Тетяна ПЕТРЕНКО» (as a signature or an addressee shows it)."""
    surname, name, _patronymic = split_head_name(text)
    return " ".join(x for x in (name, surname.upper()) if x)


def position_dative(position: str) -> str:
    """«Начальник управління освіти і науки» → «Начальникові управління освіти і науки»."""
    return upper_first(decline_phrase(position, DATIVE, animate=True))


def unit_addressee(unit: str) -> str:
    """With no head known: «Керівнику» + the unit in the genitive, or the position itself in the
    dative when the «unit» is a person («Головному спеціалістові, бухгалтерові …»)."""
    unit = " ".join((unit or "").split())
    if not unit:
        return ""
    if head_noun(unit) and not is_unit(unit):
        return upper_first(decline_phrase(unit, DATIVE, animate=True))
    lead = "Керівникам" if is_plural(unit) else "Керівнику"
    return f"{lead} {lower_first(decline_phrase(unit, GENITIVE, animate=False))}"


def addressee(unit: str, head_position: str = "", head_name: str = "", position_dative_form: str = "",
              name_dative_form: str = "") -> Addressee:
    """The letter's addressee from the directory's record; a stored (corrected) dative form wins."""
    if head_position.strip() or position_dative_form.strip():
        position = position_dative_form.strip() or position_dative(head_position)
        name = name_dative_form.strip() or head_name_dative(head_name)
        return Addressee(position, name)
    if head_name.strip() or name_dative_form.strip():
        # a head's name without a position: «Керівнику …» and the name
        return Addressee(unit_addressee(unit), name_dative_form.strip() or head_name_dative(head_name))
    return Addressee(unit_addressee(unit))
