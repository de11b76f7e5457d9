"""Column definitions shared by the cycle's reports: one list per report, easy to change.

A report's table is a list of ``Col``: the printed column (title, width, kind) and a function
that takes a report line and returns the cell's value. Reordering, removing or retitling a
column is an edit of that one list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from kr_desktop.reports.document import Column, Row, RowStyle


@dataclass(frozen=True)
class Col:
    title: str
    weight: float
    kind: str
    value: Callable[[Any], Any]
    wrap: bool = True

    @property
    def column(self) -> Column:
        return Column(self.title, self.weight, self.kind, self.wrap)  # type: ignore[arg-type]


def columns(cols: Sequence[Col]) -> tuple[Column, ...]:
    return tuple(c.column for c in cols)


def row(cols: Sequence[Col], line: Any, style: RowStyle = "normal", heading: str = "") -> Row:
    """A table row of ``line``; ``heading``: the row starts a group repeated on continuation pages."""
    return Row(tuple(c.value(line) for c in cols), style, heading)
