"""Which automatic backups to keep: the newest few, one a day for a month, one a month for a year.

A pure function of the backups' times and "now", so the policy is tested without files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class RotationPolicy:
    keep_last: int = 10      # the newest N, whatever their age
    daily_days: int = 31     # the newest of each day, for this many days back
    monthly_months: int = 12  # the newest of each month, for this many months back


DEFAULT_POLICY = RotationPolicy()


def _months_between(earlier: dt.datetime, later: dt.datetime) -> int:
    return (later.year - earlier.year) * 12 + (later.month - earlier.month)


def backups_to_keep(times: Iterable[dt.datetime], now: dt.datetime,
                    policy: RotationPolicy = DEFAULT_POLICY) -> set[dt.datetime]:
    """The times (of ``times``) whose backups stay; every other one may be deleted.

    Backups dated in the future (a clock that was wrong) are kept: deleting them would be
    deciding on data we do not understand.
    """
    ordered = sorted(set(times), reverse=True)
    keep = {t for t in ordered if t > now}
    past = [t for t in ordered if t <= now]
    keep.update(past[:policy.keep_last])
    seen_days: set[dt.date] = set()
    seen_months: set[tuple[int, int]] = set()
    for t in past:  # newest first: the first seen of a day or month is its newest
        if (now.date() - t.date()).days < policy.daily_days and t.date() not in seen_days:
            seen_days.add(t.date())
            keep.add(t)
        if _months_between(t, now) < policy.monthly_months and (t.year, t.month) not in seen_months:
            seen_months.add((t.year, t.month))
            keep.add(t)
    return keep


def backups_to_delete(times: Iterable[dt.datetime], now: dt.datetime,
                      policy: RotationPolicy = DEFAULT_POLICY) -> list[dt.datetime]:
    times = list(times)
    keep = backups_to_keep(times, now, policy)
    return sorted(t for t in set(times) if t not in keep)
