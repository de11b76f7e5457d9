"""Where a value of a program's table comes from.

The decision prints some values once for several measures (a merged cell) and prints nothing for
a few (the value is inferred by meaning). Such a value is kept with its origin, so the print can
draw merged cells merged, the detail pane can mark inferred values, and deadline control can
treat them as the user decides (setting ``control.inferred_deadlines``).
"""

from __future__ import annotations

from dataclasses import dataclass

PRINTED, MERGED, INFERRED = "printed", "merged", "inferred"
ORIGINS = (PRINTED, MERGED, INFERRED)
ORIGIN_LABELS = {PRINTED: "надруковано у клітинці заходу", MERGED: "з об’єднаної клітинки вище",
                 INFERRED: "виведено за змістом (рішення не друкує)"}


@dataclass(frozen=True)
class Provenance:
    """``origin`` one of ORIGINS; ``note`` says where an inferred value came from."""

    origin: str = PRINTED
    note: str = ""

    @property
    def printed(self) -> bool:
        return self.origin == PRINTED

    @property
    def inferred(self) -> bool:
        return self.origin == INFERRED

    @property
    def label(self) -> str:
        return ORIGIN_LABELS.get(self.origin, self.origin)

    @property
    def remark(self) -> str:
        """What the detail pane says beside a value not printed in its own cell ("" when printed)."""
        if self.printed:
            return ""
        return f"{self.label}: {self.note}" if self.note else self.label
