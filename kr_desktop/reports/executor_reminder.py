"""One executor's reminder letter, as «Контроль» prints it for the executor chosen there.

The one place the control screen asks for a single executor's letter: the official letter of
kr_desktop.reports.letters (the department's letterhead, the head in the dative, the overdue
measures), for that executor only.
"""

from __future__ import annotations

import datetime as dt

from kr_desktop.reports.document import ReportDocument


def executor_reminder(db, on: dt.date, executor_id: int, program_id: int | None = None) -> ReportDocument:
    """The reminder of ``executor_id`` about its items of ``program_id`` (None: the default
    program) overdue on ``on`` (UserError when none): a letter cites one program's decision."""
    from kr_desktop.reports.letters import executor_letter

    return executor_letter(db, on, executor_id, program_id)
