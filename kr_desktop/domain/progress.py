"""Progress of measures in a reporting period: statuses, periods, amounts typed by a clerk.

Actual amounts in an entry are cash expenditure *since 1 January* of the period's year (as
Ukrainian municipal forms give «касові видатки з початку року»), so the year's actual is the
latest report of the year: the II half-year's when it exists, otherwise the I half-year's.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from kr_desktop.domain.input_checks import quoted
from kr_desktop.domain.periods import Period, last_ended_period  # noqa: F401 - part of this module's interface
from kr_desktop.errors import ValidationError


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_DONE = "not_done"
    POSTPONED = "postponed"


STATUS_LABELS = {
    Status.NOT_STARTED: "не розпочато",
    Status.IN_PROGRESS: "виконується",
    Status.DONE: "виконано",
    Status.NOT_DONE: "не виконано",
    Status.POSTPONED: "перенесено",
}
NOT_REPORTED = "інформація не надана"
# Statuses whose entry should say why the measure is not (yet) fulfilled.
NEEDS_REASON = {Status.NOT_DONE, Status.POSTPONED}


# Keys typed for a status in the grid: digits, so none is the beginning of another (a prefix of
# the labels is ambiguous: «вик» begins both «виконується» and «виконано»).
STATUS_KEYS = {
    Status.NOT_STARTED: "1",
    Status.IN_PROGRESS: "2",
    Status.DONE: "3",
    Status.NOT_DONE: "4",
    Status.POSTPONED: "5",
}
# Statuses that need the reasons written (a returned form is refused without them).
REASON_REQUIRED = {Status.NOT_DONE}
TEXT_MAX = 4000  # «що зроблено» and the reasons: a long letter's paragraph, not a book


def _folded(text: str) -> str:
    return " ".join((text or "").replace("\u00a0", " ").lower().split())


def status_keys_hint() -> str:
    """«1 — не розпочато, 2 — виконується, …» for tooltips and the user guide."""
    return ", ".join(f"{STATUS_KEYS[s]} — {STATUS_LABELS[s]}" for s in Status)


def status_candidates(text: str) -> list[Status]:
    """The statuses a typed text may mean: its key, its exact label or stored value, otherwise
    every label it begins (case and spaces ignored). Empty text means none."""
    value = _folded(text)
    if not value:
        return []
    for status in Status:
        if value in (STATUS_KEYS[status], status.value, STATUS_LABELS[status]):
            return [status]
    return [s for s in Status if STATUS_LABELS[s].startswith(value)]


def status_from_text(text: str, *, prefixes: bool = False) -> Status | None:
    """A status from its stored value, its Ukrainian label or its key (any case); None for
    empty text. With ``prefixes`` the beginning of one label is enough; the beginning of several
    is refused naming them, never taken silently."""
    value = _folded(text)
    if not value:
        return None
    found = status_candidates(value)
    exact = len(found) == 1 and (value in (STATUS_KEYS[found[0]], found[0].value, STATUS_LABELS[found[0]]))
    if len(found) == 1 and (exact or prefixes):
        return found[0]
    if len(found) > 1 and prefixes:
        raise ValidationError(f"«{quoted(text)}» — так починаються кілька станів: "
                              + ", ".join(f"{STATUS_LABELS[s]} ({STATUS_KEYS[s]})" for s in found)
                              + ". Допишіть назву або введіть цифру.", field="status")
    raise ValidationError(f"Невідомий стан виконання «{quoted(text)}»: оберіть один із: "
                          + ", ".join(STATUS_LABELS.values()) + f" (або цифру: {status_keys_hint()}).",
                          field="status")


# -- amounts typed by a person -------------------------------------------------------------------
_SPACES = re.compile(r"[\s\u00a0\u202f']")


MAX_AMOUNT = Decimal("1000000000000")  # 1 трлн грн: far above any budget, far below what Money keeps


def parse_amount(text: str | Decimal | int | None, field_label: str) -> Decimal | None:
    """«1 391 386,00», «1391386.5», «» → Decimal or None; refuses text and negatives naming the field."""
    if text is None:
        return None
    shown = quoted(text)
    if isinstance(text, (Decimal, int)) and not isinstance(text, bool):
        value = Decimal(text)
        if not value.is_finite():
            raise ValidationError(f"{field_label}: «{shown}» — не число.", field=field_label)
    else:
        raw = _SPACES.sub("", str(text)).replace(",", ".").removesuffix("грн").removesuffix(".")
        if not raw:
            return None
        if not re.fullmatch(r"[+-]?[0-9]+(\.[0-9]+)?", raw):
            raise ValidationError(f"{field_label}: «{shown}» — не число. Введіть суму цифрами, "
                                  f"наприклад 1 391 386,00.", field=field_label)
        try:
            value = Decimal(raw)
        except InvalidOperation:  # pragma: no cover - the pattern above admits only numbers
            raise ValidationError(f"{field_label}: «{shown}» — не число.", field=field_label) from None
    if value < 0:
        raise ValidationError(f"{field_label}: сума не може бути від’ємною ({shown}).", field=field_label)
    if value > MAX_AMOUNT:
        raise ValidationError(f"{field_label}: сума завелика ({shown}); найбільша — 1 000 000 000 000,00.",
                              field=field_label)
    if value.as_tuple().exponent < -2 and value != value.quantize(Decimal("0.01")):
        raise ValidationError(f"{field_label}: не більше двох знаків після коми ({shown}).", field=field_label)
    return value


def parse_date(text: str | dt.date | None, field_label: str) -> dt.date | None:
    """«10.07.2026» (or ISO) → date; empty → None."""
    if text is None or isinstance(text, dt.date):
        return text
    value = text.strip()
    if not value:
        return None
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValidationError(f"{field_label}: «{text}» — не дата. Введіть дату як 10.07.2026.", field=field_label)


# -- plan vs actual --------------------------------------------------------------------------------
def deviation(plan: Decimal | None, actual: Decimal | None) -> Decimal | None:
    """Actual minus plan (negative: under-spent); None when neither is known."""
    if plan is None and actual is None:
        return None
    return (actual or Decimal(0)) - (plan or Decimal(0))


def execution_percent(plan: Decimal | None, actual: Decimal | None) -> Decimal | None:
    """Actual as a percentage of plan; None when nothing was planned."""
    if not plan:
        return None
    return (actual or Decimal(0)) * 100 / plan
