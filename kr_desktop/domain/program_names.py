"""A program's name in the cases its documents need."""

from __future__ import annotations


def after_program_word(name: str) -> str:
    """«Програма сприяння …» → «сприяння …» (printed under «ПРОГРАМА» on the title page)."""
    return name.split(" ", 1)[1] if name.lower().startswith("програма ") and " " in name else name


def genitive(name: str) -> str:
    """«Програма сприяння …» → «Програми сприяння …»; another title is quoted after «програми»."""
    if name.lower().startswith("програма ") and " " in name:
        return "Програми " + after_program_word(name)
    return f"програми «{name}»"
