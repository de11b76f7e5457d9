"""A decision document (DOCX) read into a DecisionReading: nothing is written anywhere."""

from __future__ import annotations

from pathlib import Path

from kr_desktop.services.program.docx_import.annexes import read_annexes
from kr_desktop.services.program.docx_import.blocks import read_blocks
from kr_desktop.services.program.docx_import.front import read_front
from kr_desktop.services.program.docx_import.model import DecisionReading

_YEARS = __import__("re").compile(r"на\s+(\d{4})\s*[-–−]\s*(\d{4})\s+роки")


def read_decision(path: str | Path) -> DecisionReading:
    document = read_blocks(path)
    reading = DecisionReading(file_name=Path(path).name)
    after_passport = read_front(document.blocks, reading, document.subject)
    read_annexes(document.blocks, after_passport, reading)
    if reading.start_year is None:
        years = _YEARS.search(reading.name)
        if years:
            reading.start_year, reading.end_year = int(years[1]), int(years[2])
        elif reading.stages and any(s.years for s in reading.stages):
            all_years = [y for s in reading.stages for y in s.years]
            reading.start_year, reading.end_year = min(all_years), max(all_years)
    if not reading.name:
        reading.problem("Назва програми", "не знайдено назви програми (після слова «ПРОГРАМА» або в пункті "
                        "паспорта «Назва»)")
    if reading.start_year is None:
        reading.problem("Роки програми", "не знайдено років програми (пункт паспорта «Початок: … закінчення: …»)")
    if not reading.stages:
        reading.problem("Додатки", "не знайдено жодного додатка з таблицею завдань і заходів")
    for stage in reading.stages:
        if reading.start_year and stage.years and (min(stage.years) < reading.start_year
                                                   or max(stage.years) > reading.end_year):
            reading.problem(f"Додаток {stage.annex_number}", f"роки додатка ({min(stage.years)}–{max(stage.years)}) "
                            f"виходять за роки програми ({reading.start_year}–{reading.end_year})")
    return reading
