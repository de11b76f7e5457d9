"""What a draft decision on awards says, by kind of award: the operative words before the names
and the names' case, the title, and the default preamble.

- the honorary title: «Присвоїти звання «Почесний громадянин міста Кривого Рогу»» + dative, titled
  «Про присвоєння звання «…»», citing the Положення про звання (council decision 31.05.1996 №83);
- the mayor's thanks: «Оголосити подяку міського голови» + dative, titled «Про оголошення подяки
  міського голови»;
- every other award: «Нагородити …» + accusative, titled «Про нагородження …».

The Положення texts are not available to the software: the preambles below are defaults, and each
award type can carry its own (AwardType.decision_preamble), edited in the award types directory.
"""

from __future__ import annotations

from dataclasses import dataclass

from kr_desktop.domain.award_values import degree_phrase, type_key
from kr_desktop.domain.declension import ACCUSATIVE, DATIVE

NBSP = "\u00a0"
TITLE, THANKS, AWARD = "title", "thanks", "award"
_LAW = "керуючись Законом України «Про місцеве самоврядування в Україні»"
HONORARY_PREAMBLE = ("Відповідно до Положення про звання «Почесний громадянин міста Кривого Рогу», затвердженого "
                     f"рішенням міської ради від 31.05.1996 №{NBSP}83, розглянувши подання, {_LAW}")
AWARDS_PREAMBLE = ("Відповідно до Положення про відзнаки виконавчого комітету Криворізької міської ради та "
                   "Криворізького міського голови, затвердженого рішенням виконкому міської ради від 13.09.2017 "
                   f"№{NBSP}408, розглянувши клопотання, {_LAW}")
POSTHUMOUSLY = "(посмертно)"

# The instrumental case of the preloaded award types (after «Нагородити»).
_INSTRUMENTAL = {
    "нагрудний знак за заслуги перед містом": "нагрудним знаком «За заслуги перед містом»",
    "почесна грамота виконкому міської ради": "Почесною грамотою виконкому міської ради",
    "грамота виконкому міської ради": "Грамотою виконкому міської ради",
    "грамота міського голови": "Грамотою міського голови",
}


@dataclass(frozen=True)
class Wording:
    lead: str  # «Нагородити нагрудним знаком «За заслуги перед містом» ІІІ ступеня»
    case: str  # the grammatical case of the names that follow
    subject: str  # for the title: «нагрудним знаком «За заслуги перед містом»»
    kind: str = AWARD  # TITLE, THANKS or AWARD


def award_kind(type_name: str, honorary_title: bool) -> str:
    if honorary_title:
        return TITLE
    return THANKS if type_key(type_name).startswith("подяка") else AWARD


def wording(type_name: str, honorary_title: bool, degree: int | None) -> Wording:
    """What the decision says before the names of one award type and degree, and their case."""
    kind = award_kind(type_name, honorary_title)
    if kind == TITLE:
        return Wording(f"Присвоїти звання «{type_name}»", DATIVE, f"звання «{type_name}»", TITLE)
    if kind == THANKS:
        rest = type_name.split(" ", 1)[1] if " " in type_name else ""
        return Wording(f"Оголосити подяку {rest}".strip(), DATIVE, f"подяки {rest}".strip(), THANKS)
    instrumental = _INSTRUMENTAL.get(type_key(type_name), f"відзнакою «{type_name}»")
    lead = f"Нагородити {instrumental} {degree_phrase(degree)}".strip()
    return Wording(lead, ACCUSATIVE, instrumental, AWARD)


def default_preamble(kind: str, general: str = AWARDS_PREAMBLE) -> str:
    """The preamble of an award type that has none of its own: the title's Положення for the
    honorary title, ``general`` (the setting decisions.preamble) for the rest."""
    return HONORARY_PREAMBLE if kind == TITLE else general


def title(wordings: list[Wording]) -> str:
    """«Про присвоєння звання «…»», «Про оголошення подяки міського голови», «Про нагородження …»,
    joined with «та» when one act holds several kinds."""
    parts = []
    for kind, noun, several in ((TITLE, "присвоєння", "присвоєння звань"), (AWARD, "нагородження", "нагородження"),
                                (THANKS, "оголошення", "оголошення подяк")):
        subjects = list(dict.fromkeys(w.subject for w in wordings if w.kind == kind))
        if subjects:
            parts.append(f"{noun} {subjects[0]}" if len(subjects) == 1 else several)
    if not parts:
        return "Про нагородження"
    return "Про " + (parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " та " + parts[-1])


def name_line(name: str, tail: str, posthumous: bool, dash: str = "\u2013") -> str:
    """«ІВАНЕНКА Івана Івановича (посмертно) – гірника очисного вибою …»."""
    if posthumous:
        name = f"{name} {POSTHUMOUSLY}"
    return f"{name} {dash} {tail}" if tail else name
