"""argparse's own messages in Ukrainian (it looks them up through a module-level ``_``)."""

from __future__ import annotations

import argparse

VERSION_HELP = "показати версію програми і вийти"

_MESSAGES = {
    "usage: ": "використання: ",
    "positional arguments": "позиційні аргументи",
    "options": "параметри",
    "show this help message and exit": "показати цю довідку і вийти",
    "show program's version number and exit": "показати версію програми і вийти",
    "the following arguments are required: %s": "бракує обов’язкових аргументів: %s",
    "unrecognized arguments: %s": "невідомі аргументи: %s",
    "expected one argument": "очікується одне значення",
    "invalid choice: %(value)r (choose from %(choices)s)": "неприпустиме значення %(value)r (можливі: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "аргумент %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "неприпустиме значення %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "неоднозначний параметр %(option)s: %(matches)s",
    "not allowed with argument %s": "не можна разом з аргументом %s",
    "expected at most one argument": "очікується не більше одного значення",
    "expected at least one argument": "очікується хоча б одне значення",
    "one of the arguments %s is required": "потрібен один з аргументів %s",
    "ignored explicit argument %r": "зайве значення %r",
    "unexpected option string: %s": "неочікуваний параметр: %s",
}


def install() -> None:
    original = getattr(argparse, "_")

    def translate(message: str) -> str:
        return _MESSAGES.get(message) or original(message)

    argparse._ = translate  # type: ignore[attr-defined]
