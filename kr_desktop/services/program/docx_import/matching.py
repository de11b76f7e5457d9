"""Naming what a decision reads against the database: the executor units a cell names, and the
funding sources.

An executors cell is printed text («Управління преси, інформаційної діяльності та внутрішньої
політики, організаційно-протокольної роботи виконкому міської ради»): commas both separate units
and stand inside their names, and lists are elliptical. So a cell is first looked up among the
cells the database already knows (the same printed text, linked to its units by a person before):
a successor's decision repeats most of them word for word. A cell never seen is split at commas
and the parts are matched to the directory's units (also with the elided head word or the elided
«… виконкому міської ради» restored); a part that matches none becomes a new unit, listed in the
preview for the user to check (and merged later in the executors directory if it is a known unit
spelt otherwise).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from kr_desktop.db.models import Executor, FundingSource, Measure, measure_executor
from kr_desktop.services.program.docx_import.cells import folded

_UNIT_WORDS = ("управління", "департамент", "департаменти", "відділ", "відділи", "виконком", "виконкоми", "служба",
               "кадрова", "головний", "апарат", "комунальне", "комісія", "сектор", "центр", "інспекція")
_TAIL = re.compile(r"\b(виконкому|апарату|виконавчого комітету)\b.*$")


def _key(name: str) -> str:
    return folded(name).replace("криворізької ", "")


def split_parts(text: str) -> list[str]:
    """«A, b, c» at commas and semicolons outside quotes and brackets."""
    parts, depth, current = [], 0, []
    for ch in text:
        if ch in "«(\"“":
            depth += 1
        elif ch in "»)\"”" and depth:
            depth -= 1
        if ch in ",;" and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    parts.append("".join(current).strip())
    return [p.rstrip(".") for p in parts if p.strip()]


class ExecutorResolver:
    def __init__(self, session: Session):
        self.by_key: dict[str, tuple[int, str]] = {}
        for executor in session.scalars(select(Executor)):
            self.by_key.setdefault(_key(executor.name), (executor.id, executor.name))
        links: dict[int, list[int]] = defaultdict(list)
        for measure_id, executor_id in session.execute(select(measure_executor.c.measure_id,
                                                              measure_executor.c.executor_id)
                                                       .order_by(measure_executor.c.measure_id,
                                                                 measure_executor.c.position)):
            links[measure_id].append(executor_id)
        names = {executor_id: name for executor_id, name in self.by_key.values()}
        seen: dict[str, Counter] = defaultdict(Counter)
        for measure_id, text in session.execute(select(Measure.id, Measure.executors_text)):
            if links.get(measure_id):
                seen[" ".join(text.split())][tuple(links[measure_id])] += 1
        self.known_cells = {text: [names[i] for i in counts.most_common(1)[0][0] if i in names]
                            for text, counts in seen.items()}

    def resolve(self, text: str) -> tuple[list[str], list[str]]:
        """The units a cell names (their directory names, or new names) and which of them are new."""
        text = " ".join(text.split())
        if not text:
            return [], []
        if text in self.known_cells and self.known_cells[text]:
            return list(self.known_cells[text]), []
        names, new = [], []
        parts = split_parts(text)
        for index, part in enumerate(parts):
            name = self._match(part, parts, index)
            if name is None:
                name = self._new_name(part, parts, index)
                new.append(name)
                self.by_key[_key(name)] = (-1, name)  # the next cell naming it gets the same record
            if name not in names:
                names.append(name)
        return names, [n for n in dict.fromkeys(new)]

    def _match(self, part: str, parts: list[str], index: int) -> str | None:
        for candidate in self._candidates(part, parts, index):
            found = self.by_key.get(_key(candidate))
            if found:
                return found[1]
        return None

    def _candidates(self, part: str, parts: list[str], index: int) -> list[str]:
        candidates = [part]
        head = _head_word(parts[index - 1]) if index else None
        if head and part[:1].islower() and not part.lower().startswith(_UNIT_WORDS):
            candidates.append(f"{head} {part}")
        tail = next((_TAIL.search(p)[0] for p in parts[index + 1:] if _TAIL.search(p)), None)
        if tail and not _TAIL.search(part):
            candidates += [f"{c} {tail}" for c in list(candidates)]
        return candidates

    def _new_name(self, part: str, parts: list[str], index: int) -> str:
        head = _head_word(parts[index - 1]) if index else None
        if head and part[:1].islower() and not part.lower().startswith(_UNIT_WORDS):
            part = f"{head} {part}"
        return part[:1].upper() + part[1:]


def _head_word(part: str) -> str | None:
    word = part.split(" ", 1)[0]
    return word[:1].upper() + word[1:].lower() if word.lower() in _UNIT_WORDS else None


class SourceResolver:
    def __init__(self, session: Session):
        self.by_key: dict[str, str] = {}
        for source in session.scalars(select(FundingSource)):
            for name in (source.name, source.short_name):
                if name:
                    self.by_key.setdefault(folded(name), source.name)

    def resolve(self, name: str) -> tuple[str, bool]:
        """The directory's name for a source, and whether it is new."""
        known = self.by_key.get(folded(name))
        if known:
            return known, False
        self.by_key[folded(name)] = name
        return name, True
