"""One executor's reminder letter, as «Контроль» prints it for the executor chosen there.

The one place the control screen asks for a single executor's letter: today it is the overdue
report (control list and letter) restricted to that executor; the official letter of the documents
issue replaces this body without the screen changing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kr_desktop.reports.document import ReportDocument


def executor_reminder(db, on: dt.date, executor_id: int) -> ReportDocument:
    """The reminder of ``executor_id`` about its items overdue on ``on``."""
    from kr_desktop.reports.overdue import build_overdue
    from kr_desktop.services.progress_reports import overdue_data

    data = overdue_data(db, on)
    control = data.control
    own = replace(control, items=tuple(i for i in control.items if any(e == executor_id for e, _n in i.executors)),
                  by_executor=tuple(c for c in control.by_executor if c.executor_id == executor_id))
    return build_overdue(replace(data, control=own))
