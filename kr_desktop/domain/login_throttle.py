"""How long a user must wait before the next login attempt after repeated failures.

Pure rules (no clock, no database): the service passes the failure count and the time of the
last failure, both persisted per user, so restarting the program does not reset the wait.
"""

from __future__ import annotations

import datetime as dt

FREE_ATTEMPTS = 3  # mistyping happens: the first failures cost nothing
FIRST_DELAY_SECONDS = 2
MAX_DELAY_SECONDS = 15 * 60


def delay_after(failures: int) -> int:
    """Seconds to wait after ``failures`` consecutive failures: 0, 0, 2, 4, 8, … up to 15 min."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS))


def next_attempt_at(failures: int, last_failure: dt.datetime | None) -> dt.datetime | None:
    """When the next attempt is allowed; None when it is allowed at once."""
    delay = delay_after(failures)
    if not delay or last_failure is None:
        return None
    return last_failure + dt.timedelta(seconds=delay)


def seconds_to_wait(failures: int, last_failure: dt.datetime | None, now: dt.datetime) -> int:
    """Whole seconds left before the next attempt (0: try now). Rounded up, so "0" is never early."""
    allowed = next_attempt_at(failures, last_failure)
    if allowed is None or now >= allowed:
        return 0
    left = (allowed - now).total_seconds()
    return int(left) + (0 if left == int(left) else 1)
